use crate::model::{AppError, ApprovalView, ChangeApprovalView};
use leptos::prelude::*;

pub const MAX_DECISION_COMMENT: usize = 2_000;

#[server(endpoint = "approvals")]
pub async fn pending_approvals() -> Result<Vec<ApprovalView>, AppError> {
    use crate::backend::{request_approvals, session, store};
    let user = session::require_user().await?;
    request_approvals::waiting_for(store()?.as_ref(), &user, chrono::Utc::now()).await
}

/// `decision` is "approve" or "reject". A rejection needs a reason the requester can act on.
#[server(endpoint = "decide")]
pub async fn decide_approval(
    number: String,
    decision: String,
    comment: Option<String>,
) -> Result<(), AppError> {
    use crate::backend::{forms, request_approvals, session, store};
    let result = async {
        let user = session::require_user().await?;
        request_approvals::decide(
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
