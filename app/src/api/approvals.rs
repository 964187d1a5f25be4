use crate::model::{AppError, ApprovalView};
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
                    "Choose approve or reject.",
                ))
            }
        };
        let comment = comment.unwrap_or_default().trim().to_string();
        if !approve && comment.is_empty() {
            return Err(AppError::invalid_field(
                "comment",
                "Say why you are rejecting, so the requester knows what to do next.",
            ));
        }
        if comment.chars().count() > MAX_DECISION_COMMENT {
            return Err(AppError::invalid_field(
                "comment",
                format!("Keep the comment to {MAX_DECISION_COMMENT} characters."),
            ));
        }
        let store = store()?;
        let ticket = access::visible_ticket(store.as_ref(), &user, &number).await?;
        if !access::can_decide(&user, &ticket) {
            return Err(AppError::forbidden(
                "Only the requester's line manager can decide this approval.",
            ));
        }
        let to = ticket.state.after_approval(approve).ok_or_else(|| {
            AppError::conflict(format!("{number} is not waiting for approval any more."))
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
            Err(AppError::conflict(format!(
                "{number} was decided a moment ago."
            )))
        }
    }
    .await;
    forms::finish(result, "/approvals?done=1", "/approvals")
}
