//! What operators see: one log line per request with its id (also in the `X-Request-Id`
//! response header and the reference of any internal error), request counts and latencies by
//! route for `/metrics`, `/readyz` for the load balancer.

use app::backend::metrics::METRICS;
use app::backend::AppState;
use app::model::RequestId;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Extension;
use std::sync::Arc;
use std::time::Instant;

pub async fn log_and_count(mut req: Request, next: Next) -> Response {
    let started = Instant::now();
    let id = RequestId::fresh();
    req.extensions_mut().insert(id.clone());
    let method = req.method().clone();
    let path = req.uri().path().to_string();
    // The route's pattern (`/catalog/{slug}`), so the metrics do not grow a series per ticket.
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map(|m| m.as_str().to_string())
        .unwrap_or_else(|| "unmatched".into());
    let mut res = next.run(req).await;
    let status = res.status().as_u16();
    let secs = started.elapsed().as_secs_f64();
    METRICS.request(&route, status, secs);
    if res.headers().contains_key("serverfnerror") {
        METRICS.server_fn_error(status);
    }
    tracing::info!(
        target: "deskfront::request",
        request_id = %id.0,
        %method,
        route,
        path,
        status,
        ms = (secs * 1000.0).round() as u64,
        "request"
    );
    if let Ok(value) = HeaderValue::from_str(&id.0) {
        res.headers_mut().insert("x-request-id", value);
    }
    res
}

/// `GET /readyz`: 200 when this instance can reach its database, else 503 (take it out of the
/// load balancer; `/healthz` only says the process runs).
pub async fn ready(Extension(state): Extension<AppState>) -> Response {
    match state.store.ready().await {
        Ok(()) => (StatusCode::OK, "ready").into_response(),
        Err(e) => {
            tracing::warn!(error = %e, "not ready: the database does not answer");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                "the database does not answer",
            )
                .into_response()
        }
    }
}

/// Who may read `/metrics`: the holder of this token. Without one configured the page does not
/// exist (404), so a default start shows nobody its figures.
#[derive(Clone)]
pub struct MetricsAccess {
    pub token: Option<String>,
    /// For the pool's figures.
    pub store: Arc<dyn app::backend::store::Store>,
}

pub async fn metrics(
    State(access): State<Arc<MetricsAccess>>,
    headers: axum::http::HeaderMap,
) -> Response {
    let Some(token) = access.token.as_deref() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let offered = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or_default();
    if !same(offered.as_bytes(), token.as_bytes()) {
        return (
            StatusCode::UNAUTHORIZED,
            [(header::WWW_AUTHENTICATE, "Bearer")],
            "Send the metrics token: Authorization: Bearer <token>.",
        )
            .into_response();
    }
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        METRICS.render(access.store.pool_use()),
    )
        .into_response()
}

/// Compares in time that does not depend on where the first difference is.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    #[test]
    fn tokens_compare_whole() {
        assert!(super::same(b"abc", b"abc"));
        assert!(!super::same(b"abc", b"abd"));
        assert!(!super::same(b"ab", b"abc"));
    }
}
