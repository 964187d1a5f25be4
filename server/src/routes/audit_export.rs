//! `GET /admin/audit.csv?kind=…&q=…&from=…&to=…`: the audit log with the page's filter, as CSV.
//! The same access rule as the page (`backend::audit`): administrators only, 404 to others.

use super::exports::{csv_response, refused};
use app::backend::{audit, session, AppState};
use axum::extract::Query;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use std::collections::HashMap;

pub async fn export(
    Extension(state): Extension<AppState>,
    Query(params): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    let store = state.store.as_ref();
    let user = match session::user_for_headers(store, &headers).await {
        Ok(Some(user)) => user,
        Ok(None) => return (StatusCode::UNAUTHORIZED, "Sign in first.").into_response(),
        Err(e) => return refused(e),
    };
    if let Err(e) = app::backend::access::admin_only(&user) {
        return refused(e);
    }
    let get = |k: &str| params.get(k).map(String::as_str);
    let filter = match audit::parse_filter(get("kind"), get("q"), get("from"), get("to")) {
        Ok(filter) => filter,
        Err(e) => return refused(e),
    };
    match audit::export_csv(store, &user, &filter).await {
        Ok(body) => {
            let today = chrono::Utc::now().format("%Y-%m-%d");
            csv_response(format!("deskfront-audit-{today}.csv"), body)
        }
        Err(e) => refused(e),
    }
}
