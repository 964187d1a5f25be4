//! The portal's language files for the browser (`app::i18n`), and the one header every page
//! needs now that its language follows the request.

use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// `GET /i18n/<digest>/<locale>.ftl`: a language's file as pages name it. Its address changes
/// with its text, so it is cached for good; any other address under `/i18n/` is not found.
pub async fn catalog_file(req: Request) -> Response {
    let path = req.uri().path();
    let Some((_, _, text)) = app::i18n::catalog_files().find(|(_, p, _)| *p == path) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/plain; charset=utf-8"),
            ),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=31536000, immutable"),
            ),
        ],
        text,
    )
        .into_response()
}

/// Pages are written in the language the browser asks for (unless the person chose one): a
/// cache between here and the browser must keep one copy per `Accept-Language`.
pub async fn vary_by_language(req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    let is_page = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if is_page {
        res.headers_mut()
            .append(header::VARY, HeaderValue::from_static("Accept-Language"));
    }
    res
}
