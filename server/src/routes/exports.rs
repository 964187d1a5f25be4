//! CSV downloads of the dashboard's tables and of the tickets behind a figure:
//! `GET /dashboard/export/{table}.csv?<the dashboard's filters>`,
//! `GET /dashboard/export/tickets.csv?set=…&<filters>`, and the changes behind a change figure,
//! `GET /dashboard/export/changes.csv?set=…&<filters>`. Same access rules and same figures as
//! the page (both come from `backend::dashboard`).

use app::backend::{change_figures, dashboard, dashboard_csv, session, AppState};
use app::domain::change_figures::ChangeSet;
use app::domain::report::TicketSet;
use app::model::{FilterQuery, UserView};
use axum::extract::{Path, Query};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use std::collections::HashMap;

/// The most tickets one download lists (the page shows them 25 at a time).
const MAX_TICKET_ROWS: u32 = 10_000;

pub(crate) fn csv_response(name: String, body: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
            (header::CACHE_CONTROL, "private, no-store".to_string()),
        ],
        body,
    )
        .into_response()
}

/// A refusal as a plain-text answer with its status (never 500 for a refusal).
pub(crate) fn refused(e: app::model::AppError) -> Response {
    use app::model::AppError;
    let status = match &e {
        AppError::NotSignedIn => StatusCode::UNAUTHORIZED,
        AppError::Forbidden { .. } => StatusCode::FORBIDDEN,
        AppError::NotFound { .. } => StatusCode::NOT_FOUND,
        AppError::Conflict { .. } => StatusCode::CONFLICT,
        AppError::Invalid { fields } => {
            let said: Vec<String> = fields.iter().map(|(k, m)| format!("{k}: {m}")).collect();
            return (StatusCode::BAD_REQUEST, said.join("\n")).into_response();
        }
        _ => StatusCode::INTERNAL_SERVER_ERROR,
    };
    (status, e.to_string()).into_response()
}

/// The person a download is for, from the session cookie; or the answer that refuses it.
pub(crate) async fn signed_in(state: &AppState, headers: &HeaderMap) -> Result<UserView, Response> {
    match session::user_for_headers(state, headers).await {
        Ok(Some(user)) => Ok(user),
        Ok(None) => Err((StatusCode::UNAUTHORIZED, "Sign in first.").into_response()),
        Err(e) => Err(refused(e)),
    }
}

pub async fn export(
    Extension(state): Extension<AppState>,
    Path(file): Path<String>,
    Query(params): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    let store = state.store.as_ref();
    let user = match signed_in(&state, &headers).await {
        Ok(user) => user,
        Err(refusal) => return refusal,
    };
    let Some(table) = file.strip_suffix(".csv") else {
        return (StatusCode::NOT_FOUND, "No such download.").into_response();
    };
    let filters = FilterQuery::from_pairs(|name| params.get(name).cloned());
    let now = chrono::Utc::now();
    if table == "tickets" {
        let Some(set) = params.get("set").and_then(|s| TicketSet::parse(s)) else {
            return (
                StatusCode::BAD_REQUEST,
                "Say which figure's tickets: set=….",
            )
                .into_response();
        };
        let list = match dashboard::tickets_up_to(store, &user, &filters, set, MAX_TICKET_ROWS, now)
            .await
        {
            Ok(list) => list,
            Err(e) => return refused(e),
        };
        let name = dashboard_csv::file_name(
            "tickets",
            &list.period.from.to_string(),
            &list.period.to.to_string(),
            Some(&set.as_str()),
        );
        return csv_response(name, dashboard_csv::tickets(&list));
    }
    if table == "changes" {
        let Some(set) = params.get("set").and_then(|s| ChangeSet::parse(s)) else {
            return (
                StatusCode::BAD_REQUEST,
                "Say which figure's changes: set=….",
            )
                .into_response();
        };
        let (scope, rows) = match change_figures::changes_up_to(
            store,
            &user,
            &filters,
            set,
            MAX_TICKET_ROWS as usize,
            now,
        )
        .await
        {
            Ok(found) => found,
            Err(e) => return refused(e),
        };
        let name = dashboard_csv::file_name(
            "changes",
            &scope.period.from.to_string(),
            &scope.period.to.to_string(),
            Some(set.as_str()),
        );
        return csv_response(name, dashboard_csv::changes(&rows));
    }
    if !dashboard_csv::TABLES.contains(&table) {
        return (StatusCode::NOT_FOUND, "No such table.").into_response();
    }
    let view = match dashboard::load(store, &user, &filters, now).await {
        Ok(view) => view,
        Err(e) => return refused(e),
    };
    let body = dashboard_csv::table(&view, table).unwrap_or_default();
    let name = dashboard_csv::file_name(
        table,
        &view.period.from.to_string(),
        &view.period.to.to_string(),
        None,
    );
    csv_response(name, body)
}
