use crate::model::{AppError, ApprovalView, ChangeApprovalView, DelegationView};
use leptos::prelude::*;

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

/// The reader's delegations that have not ended.
#[server(endpoint = "my_delegations")]
pub async fn my_delegations() -> Result<Vec<DelegationView>, AppError> {
    use crate::backend::{delegations, session, store};
    let user = session::require_user().await?;
    delegations::mine(store()?.as_ref(), &user, chrono::Utc::now()).await
}

/// Lets `to` (an e-mail address) decide the reader's approvals from `first_day` to `last_day`
/// (YYYY-MM-DD, in the reader's time zone).
#[server(endpoint = "delegate")]
pub async fn delegate_approvals(
    to: String,
    first_day: String,
    last_day: String,
) -> Result<(), AppError> {
    use crate::backend::{delegations, forms, session, store};
    let result = async {
        let user = session::require_user().await?;
        delegations::delegate(
            store()?.as_ref(),
            &user,
            &to,
            &first_day,
            &last_day,
            chrono::Utc::now(),
        )
        .await
    }
    .await;
    forms::finish(result, "/approvals?delegated=1", "/approvals")
}

/// Ends the reader's delegations to `to` now.
#[server(endpoint = "end_delegation")]
pub async fn end_delegation(to: String) -> Result<(), AppError> {
    use crate::backend::{delegations, forms, session, store};
    let result = async {
        let user = session::require_user().await?;
        delegations::end(store()?.as_ref(), &user, &to, chrono::Utc::now()).await
    }
    .await;
    forms::finish(result, "/approvals?delegated=1", "/approvals")
}
