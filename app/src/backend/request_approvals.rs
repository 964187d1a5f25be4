//! Approvals of requests before they reach the desk. An item that requires approval is approved
//! either by the requester's line manager alone (the ticket names them), or by the approval chain
//! the item names ("the line manager, then the software owners"), which started when the request
//! was filed (`backend::submit`). A decision on a chain and the ticket's move when the chain ends
//! are one write (`desk::decide_in_chain`).

use super::approval_runs;
use super::approval_store::Progress;
use super::desk_store::ApprovalWrite;
use super::internal;
use super::store::{EventKind, NewEvent, Store};
use crate::domain::approval_chain::{status, ChainStatus, RunStatus, Verdict};
use crate::domain::TicketState;
use crate::i18n::{t, t_with};
use crate::model::{AppError, AppResult, ApprovalView, UserView};
use chrono::{DateTime, Utc};

/// The requests waiting for `user`: as line manager, or at their step of an item's chain (also
/// in the place of someone who delegated to them).
pub async fn waiting_for(
    store: &dyn Store,
    user: &UserView,
    now: DateTime<Utc>,
) -> AppResult<Vec<ApprovalView>> {
    let (people, delegations) = approval_runs::deciding_for(store, &user.email, now).await?;
    let mut waiting = store
        .pending_approvals(user.id, &people)
        .await
        .map_err(internal)?;
    let me = user.email.to_lowercase();
    let mut names = None;
    for approval in &mut waiting {
        let Some(access) = store
            .ticket_access(&approval.ticket.number)
            .await
            .map_err(internal)?
        else {
            continue;
        };
        let Some(run) = store.ticket_run(access.id).await.map_err(internal)? else {
            // The line manager's own request to decide, or one of someone they stand in for.
            if access.approver_id != Some(user.id) {
                approval.standing_in_for =
                    delegated_by(store, user, access.approver_id, now).await?;
            }
            continue;
        };
        let ChainStatus::Waiting {
            step, waiting_on, ..
        } = status(&run.steps, &run.decisions())
        else {
            continue;
        };
        approval.step = Some(run.steps[step].name.clone());
        if !waiting_on.contains(&me) {
            if names.is_none() {
                names = Some(approval_runs::names(store).await?);
            }
            let names = names.as_ref().expect("just read");
            approval.standing_in_for =
                approval_runs::standing_in_for(&waiting_on, &me, &delegations, names);
        }
    }
    Ok(waiting)
}

/// `user`'s decision on request `number`: "approve" or "reject" (a rejection says why).
pub async fn decide(
    store: &dyn Store,
    user: &UserView,
    number: &str,
    decision: &str,
    comment: &str,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let (verdict, comment) = approval_runs::checked(decision, comment)?;
    let not_found =
        || AppError::not_found(t_with("error-no-request", &[("number", number.into())]));
    let ticket = store
        .ticket_access(number)
        .await
        .map_err(internal)?
        .ok_or_else(not_found)?;
    if store
        .ticket_run(ticket.id)
        .await
        .map_err(internal)?
        .is_none()
    {
        return by_line_manager(store, user, number, verdict, comment, now).await;
    }
    let (_, delegations) = approval_runs::deciding_for(store, &user.email, now).await?;
    for _ in 0..approval_runs::DECIDE_ATTEMPTS {
        let ticket = store
            .ticket_access(number)
            .await
            .map_err(internal)?
            .ok_or_else(not_found)?;
        let run = store
            .ticket_run(ticket.id)
            .await
            .map_err(internal)?
            .ok_or_else(not_found)?;
        if ticket.state != TicketState::AwaitingApproval || run.status != RunStatus::Waiting {
            return Err(AppError::conflict(t_with(
                "error-not-waiting",
                &[("number", number.into())],
            )));
        }
        let (decided, after) =
            approval_runs::decision(&run, &delegations, &user.email, verdict, comment, now)
                .map_err(|said| match said.id() {
                    // Someone else's request answers like a missing one, as everywhere.
                    Some("error-approval-not-yours") => not_found(),
                    _ => approval_runs::refused(said),
                })?;
        let to = match after {
            ChainStatus::Waiting { .. } => Some(ticket.state),
            ChainStatus::Approved => ticket.state.after_approval(true),
            ChainStatus::Rejected { .. } => ticket.state.after_approval(false),
        }
        .ok_or_else(|| {
            AppError::conflict(t_with("error-not-waiting", &[("number", number.into())]))
        })?;
        let step = run.steps[decided.decision.step].name.clone();
        let said = t_with(
            "request-approval-step",
            &[
                ("step", step.as_str().into()),
                ("verdict", verdict.as_str().into()),
            ],
        );
        let event = NewEvent {
            kind: match (&after, verdict) {
                (ChainStatus::Waiting { .. }, _) => EventKind::ApprovalStep,
                (_, Verdict::Approve) => EventKind::ApprovalApproved,
                (_, Verdict::Reject) => EventKind::ApprovalRejected,
            },
            author_id: user.id,
            body: if comment.is_empty() {
                said
            } else {
                format!("{said} — {comment}")
            },
            internal: false,
            change: None,
            now,
        };
        let approval = ApprovalWrite {
            run_id: run.id,
            expect_revision: run.revision,
            decided,
            progress: Progress::of(&after),
        };
        if super::desk::decide_in_chain(store, number, to, event, approval).await? {
            tracing::info!(ticket = %number, %step, ?verdict, "approval decided");
            return Ok(());
        }
    }
    Err(AppError::conflict(t_with(
        "error-just-decided",
        &[("number", number.into())],
    )))
}

/// A request its item sends to the requester's line manager alone: their decision moves it.
async fn by_line_manager(
    store: &dyn Store,
    user: &UserView,
    number: &str,
    verdict: Verdict,
    comment: &str,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let not_found =
        || AppError::not_found(t_with("error-no-request", &[("number", number.into())]));
    let ticket = store
        .ticket_access(number)
        .await
        .map_err(internal)?
        .ok_or_else(not_found)?;
    let standing_in_for = if super::access::can_decide(user, &ticket) {
        None
    } else {
        match delegated_by(store, user, ticket.approver_id, now).await? {
            Some(absent) => Some(absent),
            // Seen but not theirs (the requester): forbidden; not seen at all: missing.
            None => {
                super::access::visible_ticket(store, user, number).await?;
                return Err(AppError::forbidden(t("error-not-the-approver")));
            }
        }
    };
    let approve = verdict == Verdict::Approve;
    let to = ticket.state.after_approval(approve).ok_or_else(|| {
        AppError::conflict(t_with("error-not-waiting", &[("number", number.into())]))
    })?;
    let event = NewEvent {
        kind: if approve {
            EventKind::ApprovalApproved
        } else {
            EventKind::ApprovalRejected
        },
        author_id: user.id,
        body: match standing_in_for {
            Some(name) => {
                let said = t_with("approval-in-place-of", &[("name", name.as_str().into())]);
                if comment.is_empty() {
                    said
                } else {
                    format!("{said} — {comment}")
                }
            }
            None => comment.to_string(),
        },
        internal: false,
        change: None,
        now,
    };
    if super::desk::transition(store, number, ticket.state, to, event).await? {
        Ok(())
    } else {
        Err(AppError::conflict(t_with(
            "error-just-decided",
            &[("number", number.into())],
        )))
    }
}

/// The name of the line manager `approver_id` when they delegated their approvals to `user`
/// and the delegation runs now.
async fn delegated_by(
    store: &dyn Store,
    user: &UserView,
    approver_id: Option<i64>,
    now: DateTime<Utc>,
) -> AppResult<Option<String>> {
    let Some(approver_id) = approver_id else {
        return Ok(None);
    };
    let (_, delegations) = approval_runs::deciding_for(store, &user.email, now).await?;
    for delegation in delegations {
        let absent = store
            .credentials(&delegation.from)
            .await
            .map_err(internal)?
            .map(|c| c.user);
        if let Some(absent) = absent.filter(|a| a.id == approver_id) {
            return Ok(Some(absent.name));
        }
    }
    Ok(None)
}
