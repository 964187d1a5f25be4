//! Helpers for plain HTML forms that post straight to a server function (no JavaScript).
//!
//! Leptos redirects such a post back to the referring page, which would drop the error. These
//! helpers send the person to an explicit page instead, with the error in the query string, so
//! the page can show it.

use crate::model::AppError;

/// True when the request came from a browser form rather than the server-function client.
pub fn is_plain_form_post() -> bool {
    leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|p| {
            p.headers
                .get(http::header::ACCEPT)
                .and_then(|v| v.to_str().ok())
                .map(|v| v.contains("text/html"))
        })
        .unwrap_or(false)
}

/// Finishes a plain form post: on success go to `success`, on failure back to `back` with the
/// error message. JavaScript callers get the result as it is.
pub fn finish<T>(result: Result<T, AppError>, success: &str, back: &str) -> Result<T, AppError> {
    if is_plain_form_post() {
        match &result {
            Ok(_) => leptos_axum::redirect(success),
            Err(err) => {
                let message = err
                    .field_errors()
                    .and_then(|f| f.values().next().cloned())
                    .unwrap_or_else(|| err.to_string());
                let sep = if back.contains('?') { '&' } else { '?' };
                leptos_axum::redirect(&format!("{back}{sep}error={}", encode(&message)));
            }
        }
    }
    result
}

pub use crate::url::encode;

/// This portal's origin as the browser reached it (`https://desk.example.com`), for links that
/// leave the browser, such as the QR stickers. Behind a proxy, its `X-Forwarded-Proto` and
/// `X-Forwarded-Host` say how people reach it.
pub fn request_origin() -> String {
    let header = |parts: &http::request::Parts, name: &str| {
        parts
            .headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(|v| v.split(',').next().unwrap_or(v).trim().to_string())
            .filter(|v| !v.is_empty())
    };
    let Some(parts) = leptos::prelude::use_context::<http::request::Parts>() else {
        return "http://localhost".into();
    };
    let host = header(&parts, "x-forwarded-host")
        .or_else(|| header(&parts, "host"))
        .unwrap_or_else(|| "localhost".into());
    let scheme = header(&parts, "x-forwarded-proto")
        .filter(|p| p == "https" || p == "http")
        .unwrap_or_else(|| "http".into());
    format!("{scheme}://{host}")
}

/// Only same-site paths are followed after sign-in, so a crafted link cannot send people to
/// another site.
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n) if n.starts_with('/') && !n.starts_with("//") && !n.contains('\\') => n.to_string(),
        _ => "/".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encode_escapes_everything_but_unreserved() {
        assert_eq!(encode("a b&c=é"), "a%20b%26c%3D%C3%A9");
    }

    #[test]
    fn next_must_be_a_local_path() {
        assert_eq!(safe_next(Some("/requests")), "/requests");
        assert_eq!(safe_next(Some("//evil.test")), "/");
        assert_eq!(safe_next(Some("https://evil.test")), "/");
        assert_eq!(safe_next(Some("/\\evil.test")), "/");
        assert_eq!(safe_next(None), "/");
    }
}
