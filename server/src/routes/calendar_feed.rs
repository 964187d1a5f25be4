//! `GET /calendar.ics?token=…`: a person's change calendar for their calendar app, which has no
//! session: the token is the key (`backend::change_calendar::feed`). The token rides in the
//! query string, which the request log leaves out (it logs the path), so it never lands in logs.

use super::exports::refused;
use app::backend::{change_calendar, forms, AppState};
use axum::extract::Query;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use std::collections::HashMap;

pub async fn feed(
    Extension(state): Extension<AppState>,
    Query(params): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    let Some(token) = params.get("token").filter(|t| !t.trim().is_empty()) else {
        return (StatusCode::NOT_FOUND, "No such calendar.").into_response();
    };
    let origin = forms::origin_from(&headers);
    match change_calendar::feed(state.store.as_ref(), token, &origin, chrono::Utc::now()).await {
        Ok(body) => (
            [
                (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
                (
                    header::CONTENT_DISPOSITION,
                    "inline; filename=\"changes.ics\"",
                ),
                (header::CACHE_CONTROL, "private, no-store"),
            ],
            body,
        )
            .into_response(),
        Err(e) => refused(e),
    }
}
