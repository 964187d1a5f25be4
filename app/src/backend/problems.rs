//! Recurring faults and problem records. An incident's related incidents are the others on the
//! same device, or of the same category at the same store, within the configured window; the
//! desk groups them into a problem that records cause, workaround and fix.
//!
//! Who may do what follows the desk's rule (`desk::relation`): managers and admins everywhere,
//! agents for the incidents of their own assignment groups. Every link and every change of a
//! problem is written to the timelines of its incidents (internal events), so an incident's
//! audit trail tells the whole story on its own.

use super::desk;
use super::internal;
use super::problem_store::{IncidentRow, NewProblem, Opened, ProblemChange, RelatedQuery};
use super::store::{EventKind, NewEvent, Store};
use crate::domain::problem::{
    validate_problem, validate_title, ProblemDraft, RecurringRule, MAX_GROUPED,
};
use crate::domain::TicketKind;
use crate::i18n::{i18n, t, t_with, Arg};
use crate::model::{AppError, AppResult, RelatedIncident, Role, UserView};
use chrono::{DateTime, Duration, Utc};

/// How many related incidents are read before the caller's groups filter them.
const RELATED_LIMIT: u32 = 200;

/// Which tickets the caller works as the desk.
pub enum DeskScope {
    /// Managers and admins.
    All,
    /// An agent's assignment groups.
    Groups(Vec<String>),
}

impl DeskScope {
    pub fn covers(&self, group: &str) -> bool {
        match self {
            DeskScope::All => true,
            DeskScope::Groups(groups) => groups.iter().any(|g| g == group),
        }
    }
}

/// The caller's desk scope; people who are not the desk are refused.
pub async fn scope(store: &dyn Store, user: &UserView) -> AppResult<DeskScope> {
    match user.role {
        Role::Manager | Role::Admin => Ok(DeskScope::All),
        Role::Agent => Ok(DeskScope::Groups(
            store.groups_of(user.id).await.map_err(internal)?,
        )),
        _ => Err(AppError::forbidden(t("error-problems-desk-only"))),
    }
}

/// The timeline entry of an incident joining a problem.
pub fn linked_event(number: &str, title: &str, author_id: i64, now: DateTime<Utc>) -> NewEvent {
    NewEvent::text(
        EventKind::ProblemLinked,
        author_id,
        format!("Linked to problem {number}: {title}"),
        now,
    )
    .internal()
    .changing("problem", None, Some(number.to_string()))
}

/// Incidents related to ticket `number`, newest first, for the people who work it as the desk.
/// Agents see only those of their own groups.
pub async fn related(
    store: &dyn Store,
    rule: &RecurringRule,
    user: &UserView,
    number: &str,
) -> AppResult<Vec<RelatedIncident>> {
    let (ticket, relation) = desk::load(store, user, number).await?;
    if !relation.desk {
        return Err(AppError::forbidden(t("error-related-desk-only")));
    }
    let scope = scope(store, user).await?;
    let window = Duration::days(rule.window_days);
    let rows = store
        .related_incidents(&RelatedQuery {
            ticket_id: ticket.id,
            asset_tag: ticket.asset_tag.clone(),
            store_code: ticket.store_code.clone(),
            category: ticket.category.clone(),
            from: ticket.created_at - window,
            to: ticket.created_at + window,
            limit: RELATED_LIMIT,
        })
        .await
        .map_err(internal)?;
    let same_asset =
        |r: &IncidentRow| ticket.asset_tag.is_some() && r.asset_tag == ticket.asset_tag;
    Ok(rows
        .into_iter()
        .filter(|r| scope.covers(&r.assignment_group))
        .map(|r| RelatedIncident {
            same_asset: same_asset(&r),
            number: r.number,
            title: r.title,
            state: r.state,
            priority: r.priority,
            created_at: r.created_at,
            problem: r.problem,
        })
        .collect())
}

/// An incident the caller may link: it exists, is an incident, and is in their groups. The
/// message is the same for a missing ticket and another group's, as everywhere else.
async fn workable_incident(
    store: &dyn Store,
    scope: &DeskScope,
    field: &str,
    number: &str,
) -> AppResult<super::desk_store::DeskTicket> {
    let not_yours = || {
        AppError::invalid_field(
            field,
            t_with("error-not-your-incident", &[("number", number.into())]),
        )
    };
    let ticket = store
        .desk_ticket(number)
        .await
        .map_err(internal)?
        .ok_or_else(not_yours)?;
    if !scope.covers(&ticket.assignment_group) {
        return Err(not_yours());
    }
    if ticket.kind != TicketKind::Incident {
        return Err(AppError::invalid_field(
            field,
            t_with("error-request-not-incident", &[("number", number.into())]),
        ));
    }
    if let Some(problem) = store.problem_of_ticket(ticket.id).await.map_err(internal)? {
        return Err(AppError::invalid_field(
            field,
            t_with(
                "error-already-in-problem",
                &[("number", number.into()), ("problem", problem.into())],
            ),
        ));
    }
    Ok(ticket)
}

/// Opens a problem for `incident` and the `related` incidents, linking them all. Returns the
/// problem's number.
pub async fn open(
    store: &dyn Store,
    user: &UserView,
    incident: &str,
    title: &str,
    related: &[String],
    now: DateTime<Utc>,
) -> AppResult<String> {
    let scope = scope(store, user).await?;
    let title =
        validate_title(title).map_err(|m| AppError::invalid_field("title", i18n().say(&m)))?;
    let incident = incident.trim();
    let first = workable_incident(store, &scope, "incident", incident).await?;
    let mut numbers: Vec<&str> = Vec::new();
    for n in related.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
        if n != incident && !numbers.contains(&n) {
            numbers.push(n);
        }
    }
    if numbers.len() + 1 > MAX_GROUPED {
        return Err(AppError::invalid_field(
            "related",
            t_with("error-group-at-most", &[("max", Arg::count(MAX_GROUPED))]),
        ));
    }
    let mut ticket_ids = vec![first.id];
    for n in numbers {
        ticket_ids.push(workable_incident(store, &scope, "related", n).await?.id);
    }
    let opened = store
        .create_problem(&NewProblem {
            title,
            created_by: user.id,
            ticket_ids,
            now,
        })
        .await
        .map_err(internal)?;
    match opened {
        Opened::Created { number } => Ok(number),
        Opened::AlreadyLinked { .. } => Err(AppError::conflict(t("error-linked-meanwhile"))),
    }
}

/// The problem `number` if the caller may work on it: managers and admins always, agents when
/// at least one of its incidents is in their groups. Others get "not found", like tickets.
pub async fn load(
    store: &dyn Store,
    user: &UserView,
    number: &str,
) -> AppResult<(super::problem_store::ProblemRecord, DeskScope)> {
    let scope = scope(store, user).await?;
    let missing = || AppError::not_found(t_with("error-no-problem", &[("number", number.into())]));
    let problem = store
        .problem(number)
        .await
        .map_err(internal)?
        .ok_or_else(missing)?;
    if problem
        .incidents
        .iter()
        .any(|i| scope.covers(&i.assignment_group))
        || matches!(scope, DeskScope::All)
    {
        Ok((problem, scope))
    } else {
        Err(missing())
    }
}

/// Whether the caller may move the problem's state: managers and admins, or agents whose
/// groups hold every one of its incidents (a problem that spans other groups is not one
/// group's to close).
pub fn moves_state(scope: &DeskScope, problem: &super::problem_store::ProblemRecord) -> bool {
    problem
        .incidents
        .iter()
        .all(|i| scope.covers(&i.assignment_group))
}

/// Records cause, workaround, fix and state, if the problem is still at `revision`. Returns
/// the revision now stored.
pub async fn update(
    store: &dyn Store,
    user: &UserView,
    number: &str,
    draft: &ProblemDraft,
    revision: i64,
    now: DateTime<Utc>,
) -> AppResult<i64> {
    let (problem, scope) = load(store, user, number).await?;
    let fields = validate_problem(draft).map_err(|problems| AppError::Invalid {
        fields: i18n().say_each(&problems),
    })?;
    if fields.state != problem.state && !moves_state(&scope, &problem) {
        return Err(AppError::forbidden(t("error-problem-state-managers")));
    }
    let stale = || {
        AppError::conflict(t_with(
            "error-problem-changed",
            &[("number", number.into())],
        ))
    };
    if problem.revision != revision {
        return Err(stale());
    }
    let mut changed: Vec<&str> = Vec::new();
    if fields.cause != problem.cause {
        changed.push("cause");
    }
    if fields.workaround != problem.workaround {
        changed.push("workaround");
    }
    if fields.fix != problem.fix {
        changed.push("fix");
    }
    let state_moved = fields.state != problem.state;
    if changed.is_empty() && !state_moved {
        return Ok(revision);
    }
    let mut body = format!("Problem {number}:");
    if state_moved {
        body.push_str(&format!(
            " {} → {}.",
            problem.state.label(),
            fields.state.label()
        ));
    }
    if !changed.is_empty() {
        body.push_str(&format!(" {} updated.", changed.join(", ")));
    }
    let mut event = NewEvent::text(EventKind::ProblemUpdated, user.id, body, now).internal();
    if state_moved {
        event = event.changing(
            "problem_state",
            Some(problem.state.as_str().into()),
            Some(fields.state.as_str().into()),
        );
    }
    let written = store
        .update_problem(
            problem.id,
            &ProblemChange {
                expect_revision: revision,
                cause: fields.cause,
                workaround: fields.workaround,
                fix: fields.fix,
                state: fields.state,
                event,
            },
        )
        .await
        .map_err(internal)?;
    if written {
        Ok(revision + 1)
    } else {
        Err(stale())
    }
}

/// Adds the incident `incident` to problem `number`.
pub async fn link(
    store: &dyn Store,
    user: &UserView,
    number: &str,
    incident: &str,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let (problem, scope) = load(store, user, number).await?;
    let ticket = workable_incident(store, &scope, "incident", incident.trim()).await?;
    let event = linked_event(&problem.number, &problem.title, user.id, now);
    if store
        .link_incident(problem.id, ticket.id, &event)
        .await
        .map_err(internal)?
    {
        Ok(())
    } else {
        Err(AppError::conflict(format!(
            "{} was linked to a problem meanwhile. Reload to see which.",
            ticket.number
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agents_cover_their_groups_only() {
        let scope = DeskScope::Groups(vec!["Store systems".into()]);
        assert!(scope.covers("Store systems"));
        assert!(!scope.covers("Network"));
        assert!(DeskScope::All.covers("Network"));
    }

    #[test]
    fn the_link_event_is_internal_and_names_the_problem() {
        let e = linked_event("PRB0000001", "Readers drop", 7, Utc::now());
        assert!(e.internal);
        assert_eq!(e.body, "Linked to problem PRB0000001: Readers drop");
        assert_eq!(e.change.unwrap().after.as_deref(), Some("PRB0000001"));
    }
}
