//! Recurring faults and problem records for the service desk: the incidents related to a
//! ticket, and problems that group incidents and record their cause, workaround and fix (see
//! `backend::problems`). Desk agents (for their groups), managers and admins. Every function
//! that changes something also works as a plain HTML form post.

use crate::model::{AppError, ProblemView, RelatedIncident};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
fn problem_page(number: &str) -> String {
    format!("/problems/{}", crate::url::encode(number))
}

#[cfg(feature = "ssr")]
fn ticket_page(number: &str) -> String {
    format!("/requests/{}", crate::url::encode(number))
}

/// Incidents related to ticket `number` within the configured window, newest first. Whether
/// they make a recurring fault: compare their count with `DeskPanel::recurring`.
#[server(endpoint = "related_incidents")]
pub async fn related_incidents(number: String) -> Result<Vec<RelatedIncident>, AppError> {
    use crate::backend::{problems, session, state};
    let user = session::require_user().await?;
    let state = state()?;
    problems::related(state.store.as_ref(), &state.recurring, &user, &number).await
}

/// Opens a problem for `incident`, grouping the `related` incidents with it (numbers; from a
/// plain form, checkboxes named `related[]`). Answers with the problem's number.
#[server(endpoint = "open_problem")]
pub async fn open_problem(
    incident: String,
    title: String,
    #[server(default)] related: Vec<String>,
) -> Result<String, AppError> {
    use crate::backend::{forms, problems, session, store};
    let result = async {
        let user = session::require_user().await?;
        problems::open(
            store()?.as_ref(),
            &user,
            &incident,
            &title,
            &related,
            chrono::Utc::now(),
        )
        .await
    }
    .await;
    let success = result
        .as_ref()
        .map(|number| problem_page(number))
        .unwrap_or_default();
    forms::finish(result, &success, &ticket_page(&incident))
}

/// Records a problem's cause, workaround, fix and state (open, known_error, resolved).
/// `revision` is the one the form was filled from: if someone saved since, nothing is written.
/// Answers with the revision now stored.
#[server(endpoint = "update_problem")]
pub async fn update_problem(
    number: String,
    cause: String,
    workaround: String,
    fix: String,
    state: String,
    revision: i64,
) -> Result<i64, AppError> {
    use crate::backend::{forms, problems, session, store};
    use crate::domain::problem::ProblemDraft;
    let page = problem_page(&number);
    let result = async {
        let user = session::require_user().await?;
        let draft = ProblemDraft {
            cause,
            workaround,
            fix,
            state,
        };
        problems::update(
            store()?.as_ref(),
            &user,
            &number,
            &draft,
            revision,
            chrono::Utc::now(),
        )
        .await
    }
    .await;
    forms::finish(result, &page, &page)
}

/// A problem with its incidents.
#[server(endpoint = "problem")]
pub async fn problem_detail(number: String) -> Result<ProblemView, AppError> {
    use crate::backend::{problems, session, store};
    let user = session::require_user().await?;
    let store = store()?;
    let (p, scope) = problems::load(store.as_ref(), &user, &number).await?;
    let can_change_state = problems::moves_state(&scope, &p);
    let changes = store
        .changes_of_problem(p.id)
        .await
        .map_err(crate::backend::internal)?
        .into_iter()
        .map(|(number, title, state)| crate::model::ProblemChangeLink {
            number,
            title,
            state,
        })
        .collect();
    Ok(ProblemView {
        can_change_state,
        changes,
        number: p.number,
        title: p.title,
        cause: p.cause,
        workaround: p.workaround,
        fix: p.fix,
        state: p.state,
        revision: p.revision,
        created_by: p.created_by,
        created_at: p.created_at,
        updated_at: p.updated_at,
        incidents: p
            .incidents
            .into_iter()
            .filter(|i| scope.covers(&i.assignment_group))
            .map(|i| crate::model::ProblemIncident {
                number: i.number,
                title: i.title,
                state: i.state,
                priority: i.priority,
                store: i.store_code,
                asset: i.asset_tag,
                created_at: i.created_at,
            })
            .collect(),
    })
}

/// Adds incident `incident` to problem `problem`.
#[server(endpoint = "link_incident")]
pub async fn link_incident(problem: String, incident: String) -> Result<(), AppError> {
    use crate::backend::{forms, problems, session, store};
    let page = problem_page(&problem);
    let result = async {
        let user = session::require_user().await?;
        problems::link(
            store()?.as_ref(),
            &user,
            &problem,
            &incident,
            chrono::Utc::now(),
        )
        .await
    }
    .await;
    forms::finish(result, &page, &page)
}
