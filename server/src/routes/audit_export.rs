//! `GET /admin/audit.csv?kind=…&q=…&from=…&to=…`: the audit log with the page's filter, as CSV.
//! The same access rule as the page (`backend::audit`): administrators only, 404 to others.

use super::exports::{csv_response, refused, signed_in};
use app::backend::{audit, AppState};
use axum::extract::Query;
use axum::http::HeaderMap;
use axum::response::Response;
use axum::Extension;
use std::collections::HashMap;

pub async fn export(
    Extension(state): Extension<AppState>,
    Query(params): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    let user = match signed_in(&state, &headers).await {
        Ok(user) => user,
        Err(refusal) => return refusal,
    };
    if let Err(e) = app::backend::access::admin_only(&user) {
        return refused(e);
    }
    let get = |k: &str| params.get(k).map(String::as_str);
    let filter = match audit::parse_filter(get("kind"), get("q"), get("from"), get("to")) {
        Ok(filter) => filter,
        Err(e) => return refused(e),
    };
    match audit::export_csv(state.store.as_ref(), &user, &filter).await {
        Ok(body) => {
            let today = chrono::Utc::now().format("%Y-%m-%d");
            csv_response(format!("deskfront-audit-{today}.csv"), body)
        }
        Err(e) => refused(e),
    }
}
