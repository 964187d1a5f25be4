//! What a ticket page shows beyond the form and timeline: priority and SLA clocks for everyone
//! who may see the ticket, the desk's controls for its agents, rating and reopening for the
//! requester. The same rules as `desk::act`, asked in advance so the page offers only what
//! would be accepted.

use super::desk::{due_times_calendar, Relation};
use super::desk_store::DeskTicket;
use super::store::EventKind;
use super::{internal, AppState};
use crate::domain::change_calendar::possibly_caused_by;
use crate::domain::ticket_sla::{Clock, TicketClocks};
use crate::domain::{Actor, TicketKind, TicketState};
use crate::model::{AppResult, DeskPanel, ServiceView, TicketDetail};
use chrono::{DateTime, Duration, Utc};

pub async fn fill(
    state: &AppState,
    ticket: &DeskTicket,
    relation: &Relation,
    detail: &mut TicketDetail,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let store = state.store.as_ref();
    if let Some(run) = store.ticket_run(ticket.id).await.map_err(internal)? {
        detail.approval = Some(super::approval_runs::view(store, &run).await?);
    }
    let calendar = due_times_calendar(ticket)?;
    let clocks = TicketClocks {
        calendar: &calendar,
        started_at: ticket.created_at,
        response: Duration::minutes(ticket.response_minutes),
        resolution: Duration::minutes(ticket.resolution_minutes),
        pauses: &ticket.pauses,
        responded_at: ticket.responded_at,
        resolved_at: ticket.resolved_at,
        state: ticket.state,
    };
    detail.service = Some(ServiceView {
        priority: ticket.priority,
        store: ticket.store_code.clone(),
        asset: ticket.asset_tag.clone(),
        assignment_group: ticket.assignment_group.clone(),
        assignee: ticket.assignee_name.clone(),
        response: clocks.status(Clock::Response, now),
        resolution: clocks.status(Clock::Resolution, now),
        resolution_code: ticket.resolution_code.clone(),
    });
    let s = ticket.state;
    detail.can_cancel = relation.requester && s.can_cancel();
    detail.can_comment = s.can_comment();
    if relation.desk {
        let workable =
            !s.is_final() && s != TicketState::Resolved && s != TicketState::AwaitingApproval;
        detail.desk = Some(DeskPanel {
            members: store
                .group_members(&ticket.assignment_group)
                .await
                .map_err(internal)?,
            resolution_codes: state.service_levels.resolution_codes.clone(),
            can_assign: workable,
            can_ask: s.allows(TicketState::AwaitingUser, Actor::Desk),
            can_resolve: s.allows(TicketState::Resolved, Actor::Desk),
            recurring: state.recurring,
            possible_causes: possible_causes(store, ticket).await?,
        });
    }
    if relation.approver && !relation.requester && !relation.desk {
        only_what_the_approver_decided_on(detail);
    }
    if relation.requester {
        detail.rating = store.rating(ticket.id).await.map_err(internal)?;
        detail.can_rate = matches!(s, TicketState::Resolved | TicketState::Closed)
            && ticket.resolved_at.is_some()
            && detail.rating.is_none();
        detail.can_reopen = s == TicketState::Resolved
            && ticket
                .resolved_at
                .is_some_and(|at| now <= at + Duration::days(state.reopen_days));
    }
    Ok(())
}

/// The changes an incident may have been caused by (`change_calendar::possibly_caused_by`):
/// those whose window held the moment it was raised, on its device or store. Requests are
/// ordered, not caused.
async fn possible_causes(
    store: &dyn super::store::Store,
    ticket: &DeskTicket,
) -> AppResult<Vec<(String, String)>> {
    if ticket.kind != TicketKind::Incident
        || (ticket.store_code.is_none() && ticket.asset_tag.is_none())
    {
        return Ok(Vec::new());
    }
    let at = ticket.created_at;
    let around = store
        .calendar_changes(at, at + Duration::seconds(1))
        .await
        .map_err(internal)?;
    let bookings: Vec<_> = around.iter().map(|c| c.booking.clone()).collect();
    let numbers = possibly_caused_by(
        at,
        ticket.store_code.as_deref(),
        ticket.asset_tag.as_deref(),
        &bookings,
    );
    Ok(around
        .iter()
        .filter(|c| numbers.contains(&c.booking.number.as_str()))
        .map(|c| (c.booking.number.clone(), c.title.clone()))
        .collect())
}

/// An approver who is neither the requester nor the desk sees the request as it waited for
/// them and their decision; what the requester and the desk said afterwards is not theirs to
/// read, and they no longer comment.
fn only_what_the_approver_decided_on(detail: &mut TicketDetail) {
    let decided = detail.timeline.iter().position(|e| {
        e.kind == EventKind::ApprovalApproved.as_str()
            || e.kind == EventKind::ApprovalRejected.as_str()
    });
    if let Some(at) = decided {
        detail.timeline.truncate(at + 1);
        detail.can_comment = false;
    }
}
