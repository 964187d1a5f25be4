//! What the service desk and the requester do to a ticket after it is raised: assign, reply,
//! ask, note, resolve, answer, reopen. One function, `act`, checks who may do it, checks the
//! lifecycle, keeps the SLA clocks (pauses, due times) and writes the change with its audit
//! events as one compare-and-set, so two people acting at once never overwrite each other.

use super::desk_store::{DeskFields, DeskTicket, NewNotification, PauseChange, TicketChange};
use super::internal;
use super::store::{EventKind, NewEvent, Store};
use crate::domain::priority::{Priority, ServiceLevels, StoreHours};
use crate::domain::sla::Pause;
use crate::domain::ticket_sla::{DueTimes, TicketClocks, UsedMinutes};
use crate::domain::{Actor, TicketState};
use crate::i18n::{state_label, t, t_with};
use crate::model::{AppError, AppResult, Role, UserView};
use chrono::{DateTime, Duration, Utc};

pub const MAX_TEXT_CHARS: usize = 4_000;

/// Everything that can be done to a ticket after it is raised.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Desk: take or hand over the ticket (`None` puts it back in the queue).
    Assign { to: Option<i64> },
    /// Desk: a public answer; the ticket stays where it is.
    Reply { body: String },
    /// Desk: a question; the ticket waits for the requester and its clocks pause.
    Ask { body: String },
    /// Desk: for the desk's eyes only.
    Note { body: String },
    /// Desk: done, with a resolution code from the service levels file.
    Resolve { code: String, body: String },
    /// Requester: a comment; answers a question if the desk asked one.
    Answer { body: String },
    /// Requester: not fixed after all (within the reopen grace period).
    Reopen { body: String },
}

/// Who the user is to this ticket.
pub struct Relation {
    pub desk: bool,
    pub requester: bool,
    pub approver: bool,
}

/// The desk of a ticket is its assignment group's agents, plus managers and admins.
pub async fn relation(
    store: &dyn Store,
    user: &UserView,
    group: &str,
    requester_id: i64,
    approver_id: Option<i64>,
) -> AppResult<Relation> {
    let desk = match user.role {
        Role::Manager | Role::Admin => true,
        Role::Agent => store
            .groups_of(user.id)
            .await
            .map_err(internal)?
            .iter()
            .any(|g| g == group),
        _ => false,
    };
    Ok(Relation {
        desk,
        requester: requester_id == user.id,
        approver: approver_id == Some(user.id),
    })
}

/// `relation` for a ticket known by its access facts.
pub async fn relation_to(
    store: &dyn Store,
    user: &UserView,
    ticket: &super::store::TicketAccess,
) -> AppResult<Relation> {
    let found = relation(
        store,
        user,
        &ticket.assignment_group,
        ticket.requester_id,
        ticket.approver_id,
    )
    .await?;
    with_chain(store, user, ticket.id, found).await
}

/// An approver on the ticket's approval chain (deciding now, or who decided) relates to it as
/// its approver, when nothing closer does; so does whoever stands in for one of them now (the
/// Approvals page and the mail send them to the request).
async fn with_chain(
    store: &dyn Store,
    user: &UserView,
    ticket_id: i64,
    mut found: Relation,
) -> AppResult<Relation> {
    if found.sees() {
        return Ok(found);
    }
    let (people, _) =
        super::approval_runs::deciding_for(store, &user.email, chrono::Utc::now()).await?;
    for person in people {
        if store
            .approves_ticket(ticket_id, &person)
            .await
            .map_err(internal)?
        {
            found.approver = true;
            break;
        }
    }
    Ok(found)
}

impl Relation {
    pub fn sees(&self) -> bool {
        self.desk || self.requester || self.approver
    }
}

/// The ticket `number` if `user` may see it, with how they relate to it. Someone else's ticket
/// answers exactly like a missing one: numbers are sequential and easy to guess.
pub async fn load(
    store: &dyn Store,
    user: &UserView,
    number: &str,
) -> AppResult<(DeskTicket, Relation)> {
    let missing = || AppError::not_found(t_with("error-no-ticket", &[("number", number.into())]));
    let ticket = store
        .desk_ticket(number)
        .await
        .map_err(internal)?
        .ok_or_else(missing)?;
    let found = relation(
        store,
        user,
        &ticket.assignment_group,
        ticket.requester_id,
        ticket.approver_id,
    )
    .await?;
    let relation = with_chain(store, user, ticket.id, found).await?;
    if relation.sees() {
        Ok((ticket, relation))
    } else {
        Err(missing())
    }
}

/// A message's text, trimmed; `empty` words the refusal when there is none.
fn text(key: &str, body: &str, empty: impl FnOnce() -> String) -> AppResult<String> {
    let body = body.trim();
    if body.is_empty() {
        return Err(AppError::invalid_field(key, empty()));
    }
    if body.chars().count() > MAX_TEXT_CHARS {
        return Err(AppError::invalid_field(
            key,
            t_with(
                "error-text-too-long",
                &[("max", (MAX_TEXT_CHARS as i64).into())],
            ),
        ));
    }
    Ok(body.to_string())
}

/// The calendar the ticket's SLA was planned on (kept with the ticket).
pub fn due_times_calendar(
    ticket: &DeskTicket,
) -> AppResult<crate::domain::calendar::BusinessCalendar> {
    ticket.calendar.build().map_err(internal)
}

/// The SLA due times of `ticket` in `state` with `pauses`, from its own calendar and targets,
/// and what its clocks used until their goals.
pub fn due_times(
    ticket: &DeskTicket,
    state: TicketState,
    pauses: &[Pause],
) -> AppResult<(DueTimes, UsedMinutes)> {
    let calendar = due_times_calendar(ticket)?;
    let clocks = TicketClocks {
        calendar: &calendar,
        started_at: ticket.created_at,
        response: Duration::minutes(ticket.response_minutes),
        resolution: Duration::minutes(ticket.resolution_minutes),
        pauses,
        responded_at: ticket.responded_at,
        resolved_at: ticket.resolved_at,
        state,
    };
    Ok((clocks.due_times(), clocks.used_minutes()))
}

/// The change a state move makes to the pauses: entering a pausing state starts one, leaving
/// it ends the open one.
fn pause_for(from: TicketState, to: TicketState, now: DateTime<Utc>) -> PauseChange {
    match (from.pauses_sla(), to.pauses_sla()) {
        (false, true) => PauseChange::Start(now),
        (true, false) => PauseChange::End(now),
        _ => PauseChange::Keep,
    }
}

fn apply_pause(pauses: &[Pause], change: PauseChange) -> Vec<Pause> {
    let mut pauses = pauses.to_vec();
    match change {
        PauseChange::Keep => {}
        PauseChange::Start(at) => pauses.push(Pause { from: at, to: None }),
        PauseChange::End(at) => {
            for p in pauses.iter_mut().filter(|p| p.to.is_none()) {
                p.to = Some(at);
            }
        }
    }
    pauses
}

/// A change of state with its audit event, its pause and its new due times, starting from the
/// ticket as it is. Callers add their own events and fields.
pub fn moving(
    ticket: &DeskTicket,
    to: TicketState,
    author_id: i64,
    now: DateTime<Utc>,
) -> TicketChange {
    let pause = pause_for(ticket.state, to, now);
    let mut events = Vec::new();
    if to != ticket.state {
        events.push(
            NewEvent::bare(EventKind::StateChanged, author_id, now)
                .internal()
                .changing(
                    "state",
                    Some(ticket.state.as_str().into()),
                    Some(to.as_str().into()),
                ),
        );
    }
    TicketChange {
        expect_revision: ticket.revision,
        state: to,
        assignee_id: ticket.assignee_id,
        responded_at: ticket.responded_at,
        resolved_at: ticket.resolved_at,
        resolution_code: ticket.resolution_code.clone(),
        pause,
        due: DueTimes::default(),
        used: UsedMinutes::default(),
        reopened: false,
        events,
        notify: None,
        approval: None,
        leaves_approval: ticket.state == TicketState::AwaitingApproval
            && to != TicketState::AwaitingApproval,
        now,
    }
}

/// Fills in the due times for the change as it now stands, and writes it. False when the
/// ticket changed meanwhile (nothing was written).
async fn write(
    store: &dyn Store,
    ticket: &DeskTicket,
    mut change: TicketChange,
) -> AppResult<bool> {
    let pauses = apply_pause(&ticket.pauses, change.pause);
    let mut after = ticket.clone();
    after.responded_at = change.responded_at;
    after.resolved_at = change.resolved_at;
    (change.due, change.used) = due_times(&after, change.state, &pauses)?;
    store
        .change_ticket(ticket.id, change)
        .await
        .map_err(internal)
}

/// A state move decided outside `act` (approval decisions, cancellation), with the same pause
/// and due-time bookkeeping. `event` is its timeline entry. False if the ticket is no longer
/// in `from` or changed meanwhile.
pub async fn transition(
    store: &dyn Store,
    number: &str,
    from: TicketState,
    to: TicketState,
    event: NewEvent,
) -> AppResult<bool> {
    let Some(ticket) = store.desk_ticket(number).await.map_err(internal)? else {
        return Ok(false);
    };
    if ticket.state != from {
        return Ok(false);
    }
    let mut change = moving(&ticket, to, event.author_id, event.now);
    change.events.push(event);
    write(store, &ticket, change).await
}

/// A decision on the ticket's approval chain with the move it causes (`to`: the ticket's state
/// after it, the same while the chain still waits), as one write. False if the ticket or the
/// chain changed meanwhile (nothing was written).
pub async fn decide_in_chain(
    store: &dyn Store,
    number: &str,
    to: TicketState,
    event: NewEvent,
    approval: super::desk_store::ApprovalWrite,
) -> AppResult<bool> {
    let Some(ticket) = store.desk_ticket(number).await.map_err(internal)? else {
        return Ok(false);
    };
    if ticket.state != TicketState::AwaitingApproval {
        return Ok(false);
    }
    let mut change = moving(&ticket, to, event.author_id, event.now);
    change.events.push(event);
    change.approval = Some(approval);
    write(store, &ticket, change).await
}

async fn commit(store: &dyn Store, ticket: &DeskTicket, change: TicketChange) -> AppResult<()> {
    if write(store, ticket, change).await? {
        Ok(())
    } else {
        Err(AppError::conflict(t_with(
            "error-ticket-changed",
            &[("number", ticket.number.as_str().into())],
        )))
    }
}

fn desk_only(relation: &Relation) -> AppResult<()> {
    if relation.desk {
        Ok(())
    } else {
        Err(AppError::forbidden(t("error-desk-team-only")))
    }
}

fn lifecycle(ticket: &DeskTicket, to: TicketState, actor: Actor, what: &str) -> AppResult<()> {
    if ticket.state.allows(to, actor) {
        Ok(())
    } else {
        Err(AppError::conflict(t_with(
            "error-cannot-now",
            &[
                ("number", ticket.number.as_str().into()),
                ("state", state_label(ticket.state).into()),
                ("what", what.into()),
            ],
        )))
    }
}

/// The first thing the desk does that the requester can see is the first response.
fn responded(change: &mut TicketChange, now: DateTime<Utc>) {
    change.responded_at.get_or_insert(now);
}

pub struct Context<'a> {
    pub store: &'a dyn Store,
    pub levels: &'a ServiceLevels,
    pub reopen_days: i64,
    pub now: DateTime<Utc>,
}

/// Runs `action` on ticket `number` for `user` now, with this instance's store and configured
/// service levels: what a server function calls.
pub async fn act_now(user: &UserView, number: &str, action: Action) -> AppResult<()> {
    let state = super::state()?;
    let ctx = Context {
        store: state.store.as_ref(),
        levels: &state.service_levels,
        reopen_days: state.reopen_days,
        now: Utc::now(),
    };
    act(&ctx, user, number, action).await
}

pub async fn act(
    ctx: &Context<'_>,
    user: &UserView,
    number: &str,
    action: Action,
) -> AppResult<()> {
    let (ticket, relation) = load(ctx.store, user, number).await?;
    let now = ctx.now;
    // The body is a message id: the notification reads in its reader's language when they
    // read it (`pages::notifications`).
    let notify = |id: &str| {
        (ticket.requester_id != user.id).then_some(NewNotification {
            user_id: ticket.requester_id,
            body: id.to_string(),
        })
    };
    let change = match action {
        Action::Assign { to } => {
            desk_only(&relation)?;
            if ticket.state.is_final() || ticket.state == TicketState::Resolved {
                return Err(AppError::conflict(t_with(
                    "error-nothing-to-assign",
                    &[
                        ("number", ticket.number.as_str().into()),
                        ("state", state_label(ticket.state).into()),
                    ],
                )));
            }
            if ticket.state == TicketState::AwaitingApproval {
                return Err(AppError::conflict(t("error-assign-after-approval")));
            }
            let assignee_name = match to {
                None => None,
                Some(id) => Some(
                    ctx.store
                        .group_members(&ticket.assignment_group)
                        .await
                        .map_err(internal)?
                        .into_iter()
                        .find(|(member, _)| *member == id)
                        .map(|(_, name)| name)
                        .ok_or_else(|| {
                            AppError::invalid_field(
                                "assignee",
                                t_with(
                                    "error-pick-member",
                                    &[("group", ticket.assignment_group.as_str().into())],
                                ),
                            )
                        })?,
                ),
            };
            // Taking a new ticket starts the work on it.
            let to_state = if to.is_some() && ticket.state == TicketState::New {
                TicketState::InProgress
            } else {
                ticket.state
            };
            let mut change = moving(&ticket, to_state, user.id, now);
            change.assignee_id = to;
            change.events.push(
                NewEvent::text(
                    EventKind::Assigned,
                    user.id,
                    assignee_name
                        .clone()
                        .unwrap_or_else(|| "Back to the queue".into()),
                    now,
                )
                .changing(
                    "assignee",
                    ticket.assignee_name.clone(),
                    assignee_name.clone(),
                ),
            );
            if to.is_some() {
                responded(&mut change, now);
            }
            change
        }
        Action::Reply { body } => {
            desk_only(&relation)?;
            let body = text("body", &body, || t("error-write-reply"))?;
            if !ticket.state.can_comment() {
                return Err(finished(&ticket));
            }
            let mut change = moving(&ticket, ticket.state, user.id, now);
            change
                .events
                .push(NewEvent::text(EventKind::Reply, user.id, body, now));
            change.notify = notify("notify-replied");
            responded(&mut change, now);
            change
        }
        Action::Ask { body } => {
            desk_only(&relation)?;
            let body = text("body", &body, || t("error-write-question"))?;
            lifecycle(&ticket, TicketState::AwaitingUser, Actor::Desk, "hold")?;
            let mut change = moving(&ticket, TicketState::AwaitingUser, user.id, now);
            change
                .events
                .push(NewEvent::text(EventKind::Question, user.id, body, now));
            change.notify = notify("notify-question");
            responded(&mut change, now);
            change
        }
        Action::Note { body } => {
            desk_only(&relation)?;
            let body = text("body", &body, || t("error-write-note"))?;
            if ticket.state.is_final() {
                return Err(finished(&ticket));
            }
            let mut change = moving(&ticket, ticket.state, user.id, now);
            change
                .events
                .push(NewEvent::text(EventKind::Note, user.id, body, now).internal());
            change
        }
        Action::Resolve { code, body } => {
            desk_only(&relation)?;
            if !ctx.levels.resolution_codes.iter().any(|c| c == &code) {
                return Err(AppError::invalid_field("code", t("error-pick-resolution")));
            }
            let body = text("body", &body, || t("error-say-what-was-done"))?;
            lifecycle(&ticket, TicketState::Resolved, Actor::Desk, "resolve")?;
            let mut change = moving(&ticket, TicketState::Resolved, user.id, now);
            change.resolved_at = Some(now);
            change.resolution_code = Some(code.clone());
            change.events.push(
                NewEvent::text(EventKind::Resolved, user.id, body, now).changing(
                    "resolution_code",
                    ticket.resolution_code.clone(),
                    Some(code),
                ),
            );
            change.notify = notify("notify-resolved");
            responded(&mut change, now);
            change
        }
        Action::Answer { body } => {
            if !relation.requester {
                return Err(AppError::forbidden(t("error-requester-only-answer")));
            }
            let body = text("body", &body, || t("error-comment-empty"))?;
            if !ticket.state.can_comment() {
                return Err(finished(&ticket));
            }
            // An answer to the desk's question sets the clocks running again.
            let to = if ticket.state == TicketState::AwaitingUser {
                TicketState::InProgress
            } else {
                ticket.state
            };
            let mut change = moving(&ticket, to, user.id, now);
            change
                .events
                .push(NewEvent::text(EventKind::Comment, user.id, body, now));
            change
        }
        Action::Reopen { body } => {
            if !relation.requester {
                return Err(AppError::forbidden(t("error-requester-only-reopen")));
            }
            let body = text("body", &body, || t("error-reopen-what"))?;
            if ticket.state != TicketState::Resolved {
                return Err(AppError::conflict(t_with(
                    "error-reopen-not-resolved",
                    &[
                        ("number", ticket.number.as_str().into()),
                        ("state", state_label(ticket.state).into()),
                    ],
                )));
            }
            let resolved = ticket.resolved_at.unwrap_or(ticket.updated_at);
            if now > resolved + Duration::days(ctx.reopen_days) {
                return Err(AppError::conflict(t_with(
                    "error-reopen-too-late",
                    &[
                        ("number", ticket.number.as_str().into()),
                        ("days", ctx.reopen_days.into()),
                    ],
                )));
            }
            let mut change = moving(&ticket, TicketState::InProgress, user.id, now);
            change.reopened = true;
            change
                .events
                .push(NewEvent::text(EventKind::Reopened, user.id, body, now));
            change
        }
    };
    commit(ctx.store, &ticket, change).await
}

fn finished(ticket: &DeskTicket) -> AppError {
    AppError::conflict(t_with(
        "error-ticket-finished",
        &[
            ("number", ticket.number.as_str().into()),
            ("state", state_label(ticket.state).into()),
        ],
    ))
}

/// The desk fields of a ticket about to be created: priority from the reporter's impact and
/// urgency (recomputed here, whatever the browser showed), the SLA plan for the store, and the
/// first due times.
#[allow(clippy::too_many_arguments)]
pub fn plan_new_ticket(
    levels: &ServiceLevels,
    category: &str,
    group: &str,
    impact: Option<String>,
    urgency: Option<String>,
    item_priority: Option<Priority>,
    store: Option<(String, StoreHours)>,
    asset_tag: Option<String>,
    state: TicketState,
    now: DateTime<Utc>,
) -> AppResult<DeskFields> {
    let priority = levels.priority_or(impact.as_deref(), urgency.as_deref(), item_priority);
    let hours = store.as_ref().map(|(_, h)| h);
    let plan = levels
        .plan(priority, hours)
        .ok_or_else(|| internal("service levels have no plan for this ticket"))?;
    let pauses: Vec<Pause> = if state.pauses_sla() {
        vec![Pause {
            from: now,
            to: None,
        }]
    } else {
        Vec::new()
    };
    let due = TicketClocks {
        calendar: &plan.calendar,
        started_at: now,
        response: plan.response,
        resolution: plan.resolution,
        pauses: &pauses,
        responded_at: None,
        resolved_at: None,
        state,
    }
    .due_times();
    Ok(DeskFields {
        priority,
        impact,
        urgency,
        category: category.to_string(),
        store_code: store.map(|(code, _)| code),
        asset_tag,
        assignment_group: group.to_string(),
        calendar: plan.spec,
        response_minutes: plan.response.num_minutes(),
        resolution_minutes: plan.resolution.num_minutes(),
        due,
    })
}
