//! `POST /api/v1/incidents`: monitoring systems and till software report incidents with a
//! bearer token an administrator created (see `app::backend::integrations`). A stable contract:
//! fields are only ever added.
//!
//! - `201 {"number", "state", "created": true, "url"}`: a new incident;
//! - `200` with `"created": false`: the same `key` was reported before, here is its ticket;
//! - `401 {"error": "unauthorized", "message"}`: no token, a wrong one, or a revoked one;
//! - `422 {"error": "invalid", "fields": {field: message}}`: `item`, `key` or form fields;
//! - `400 {"error": "invalid_json", "message"}`: the body is not a JSON object;
//! - `429 {"error": "too_many", "message"}` with `Retry-After`: the token's requests this
//!   minute are spent (`integration_requests_per_minute`).

use crate::security::rate::PerKeyRate;
use app::backend::integrations::{self, IncidentReport};
use app::backend::AppState;
use app::model::AppError;
use axum::body::Bytes;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use serde_json::json;
use std::sync::Arc;

/// Reports are a few answers; nothing here needs the attachment-sized limit of the portal.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

fn unauthorized(message: &str) -> Response {
    let body = json!({ "error": "unauthorized", "message": message });
    (
        StatusCode::UNAUTHORIZED,
        [(header::WWW_AUTHENTICATE, "Bearer")],
        Json(body),
    )
        .into_response()
}

pub async fn report(
    Extension(state): Extension<AppState>,
    Extension(rate): Extension<Arc<PerKeyRate>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let store = state.store.as_ref();
    let Some(token) = integrations::bearer(&headers) else {
        return unauthorized(
            "Send the integration token in the header Authorization: Bearer <token>.",
        );
    };
    let caller = match integrations::authenticate(store, token, chrono::Utc::now()).await {
        Ok(Some(caller)) => caller,
        Ok(None) => {
            return unauthorized(
                "This token is not valid: it is wrong or was revoked. Ask an administrator for a new one.",
            )
        }
        Err(e) => return error(e),
    };
    if let Err(wait) = rate.check(caller.token_id, std::time::Instant::now()) {
        tracing::warn!(token = caller.token_id, "integration token over its rate");
        return error(AppError::too_many(
            format!("This token sent too many reports; wait {wait} seconds."),
            wait,
        ));
    }
    let report: IncidentReport = match serde_json::from_slice(&body) {
        Ok(r) => r,
        Err(e) => {
            let body = json!({
                "error": "invalid_json",
                "message": format!("The body must be a JSON object with item, key and answers ({e})."),
            });
            return (StatusCode::BAD_REQUEST, Json(body)).into_response();
        }
    };
    match integrations::report_incident(
        store,
        &state.catalog_cache,
        &state.service_levels,
        &caller,
        report,
    )
    .await
    {
        Ok(receipt) => {
            let status = if receipt.created {
                StatusCode::CREATED
            } else {
                StatusCode::OK
            };
            let body = json!({
                "number": receipt.number,
                "state": receipt.state,
                "created": receipt.created,
                "url": format!("/requests/{}", receipt.number),
            });
            (status, Json(body)).into_response()
        }
        Err(e) => error(e),
    }
}

fn error(err: AppError) -> Response {
    let status = StatusCode::from_u16(err.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let body = match &err {
        AppError::Invalid { fields } => json!({ "error": "invalid", "fields": fields }),
        other => json!({ "error": other.code(), "message": other.to_string() }),
    };
    let mut res = (status, Json(body)).into_response();
    if let AppError::TooMany {
        retry_after_secs, ..
    } = err
    {
        res.headers_mut()
            .insert(header::RETRY_AFTER, retry_after_secs.into());
    }
    res
}
