#[cfg(feature = "ssr")]
use crate::i18n::{t, t_with};
use crate::model::{AppError, ApprovalView, ChangeApprovalView};
use leptos::prelude::*;

pub const MAX_DECISION_COMMENT: usize = 2_000;

#[server(endpoint = "approvals")]
pub async fn pending_approvals() -> Result<Vec<ApprovalView>, AppError> {
    use crate::backend::{internal, session, store};
    let user = session::require_user().await?;
    store()?.pending_approvals(user.id).await.map_err(internal)
}

/// `decision` is "approve" or "reject". A rejection needs a reason the requester can act on.
#[server(endpoint = "decide")]
pub async fn decide_approval(
    number: String,
    decision: String,
    comment: Option<String>,
) -> Result<(), AppError> {
    use crate::backend::store::{EventKind, NewEvent};
    use crate::backend::{access, forms, session, store};
    let result = async {
        let user = session::require_user().await?;
        let approve = match decision.as_str() {
            "approve" => true,
            "reject" => false,
            _ => {
                return Err(AppError::invalid_field(
                    "decision",
                    t("error-decision-choose"),
                ))
            }
        };
        let comment = comment.unwrap_or_default().trim().to_string();
        if !approve && comment.is_empty() {
            return Err(AppError::invalid_field("comment", t("error-reject-why")));
        }
        if comment.chars().count() > MAX_DECISION_COMMENT {
            return Err(AppError::invalid_field(
                "comment",
                t_with(
                    "error-decision-comment-long",
                    &[("max", (MAX_DECISION_COMMENT as i64).into())],
                ),
            ));
        }
        let store = store()?;
        let ticket = access::visible_ticket(store.as_ref(), &user, &number).await?;
        if !access::can_decide(&user, &ticket) {
            return Err(AppError::forbidden(t("error-not-the-approver")));
        }
        let to = ticket.state.after_approval(approve).ok_or_else(|| {
            AppError::conflict(t_with(
                "error-not-waiting",
                &[("number", number.as_str().into())],
            ))
        })?;
        let kind = if approve {
            EventKind::ApprovalApproved
        } else {
            EventKind::ApprovalRejected
        };
        let event = NewEvent {
            kind,
            author_id: user.id,
            body: comment,
            internal: false,
            change: None,
            now: chrono::Utc::now(),
        };
        if crate::backend::desk::transition(store.as_ref(), &number, ticket.state, to, event)
            .await?
        {
            Ok(())
        } else {
            Err(AppError::conflict(t_with(
                "error-just-decided",
                &[("number", number.as_str().into())],
            )))
        }
    }
    .await;
    forms::finish(result, "/approvals?done=1", "/approvals")
}

/// The changes waiting for the reader's decision (or for someone they stand in for).
#[server(endpoint = "change_approvals")]
pub async fn change_approvals() -> Result<Vec<ChangeApprovalView>, AppError> {
    use crate::backend::{changes, session, state};
    let user = session::require_user().await?;
    let state = state()?;
    changes::waiting_for(
        state.store.as_ref(),
        &user,
        &state.time_zone,
        chrono::Utc::now(),
    )
    .await
}

/// The reader's decision on change `number`'s approval chain: "approve" or "reject" (a
/// rejection needs a reason the change's owner can act on).
#[server(endpoint = "decide_change")]
pub async fn decide_change(
    number: String,
    decision: String,
    comment: Option<String>,
) -> Result<(), AppError> {
    use crate::backend::{changes, forms, session, store};
    let result = async {
        let user = session::require_user().await?;
        changes::decide(
            store()?.as_ref(),
            &user,
            &number,
            &decision,
            comment.as_deref().unwrap_or_default(),
            chrono::Utc::now(),
        )
        .await
    }
    .await;
    forms::finish(result, "/approvals?done=1", "/approvals")
}
