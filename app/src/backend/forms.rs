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
/// error's notice code (`?error=`, see `model::notice`). JavaScript callers get the result as
/// it is.
pub fn finish<T>(result: Result<T, AppError>, success: &str, back: &str) -> Result<T, AppError> {
    if is_plain_form_post() {
        match &result {
            Ok(_) => leptos_axum::redirect(success),
            Err(err) => {
                let (code, arg) = crate::model::notice::notice_for(err);
                let sep = if back.contains('?') { '&' } else { '?' };
                let arg = arg
                    .map(|a| format!("&error_arg={}", encode(&a)))
                    .unwrap_or_default();
                leptos_axum::redirect(&format!("{back}{sep}error={code}{arg}"));
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
    match leptos::prelude::use_context::<http::request::Parts>() {
        Some(parts) => origin_from(&parts.headers),
        None => "http://localhost".into(),
    }
}

/// The origin a request with `headers` was addressed to (see `request_origin`).
pub fn origin_from(headers: &http::HeaderMap) -> String {
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(|v| v.split(',').next().unwrap_or(v).trim().to_string())
            .filter(|v| !v.is_empty())
    };
    let host = header("x-forwarded-host")
        .or_else(|| header("host"))
        .unwrap_or_else(|| "localhost".into());
    let scheme = header("x-forwarded-proto")
        .filter(|p| p == "https" || p == "http")
        .unwrap_or_else(|| "http".into());
    format!("{scheme}://{host}")
}

/// Where to go after sign-in: a path on this portal, or `/`. A crafted link must not send
/// people on to another site, so anything a browser could read as another host is refused:
/// a scheme, `//`, a backslash (browsers read it as a slash), and control characters or
/// whitespace anywhere (browsers strip tabs and newlines, which turns `/\t/evil` into
/// `//evil`). Decoded once more, for a path decoded again on its way, it must still start with
/// one slash and hold no backslash or control character (an encoded space is fine).
pub fn safe_next(next: Option<&str>) -> String {
    let one_slash = |path: &str| path.starts_with('/') && !path.starts_with("//");
    let acceptable = |n: &str| {
        let decoded = crate::url::decode(n);
        one_slash(n)
            && one_slash(&decoded)
            && !n
                .chars()
                .any(|c| c == '\\' || c.is_control() || c.is_whitespace())
            && !decoded.chars().any(|c| c == '\\' || c.is_control())
    };
    match next {
        Some(n) if acceptable(n) => n.to_string(),
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
        assert_eq!(
            safe_next(Some("/catalog?q=laptop%20bag&page=2")),
            "/catalog?q=laptop%20bag&page=2"
        );
        assert_eq!(safe_next(None), "/");
        // An open-redirect corpus: every one of these must land on the portal's home.
        for evil in [
            "//evil.test",
            "https://evil.test",
            "https:evil.test",
            "http:/evil.test",
            "javascript:alert(1)",
            "/\\evil.test",
            "\\\\evil.test",
            "/%5Cevil.test",
            "/%09/evil.example",
            "/\t/evil.example",
            "/\n/evil.example",
            "/%0d%0a/evil.example",
            " /evil.example",
            "/%2F/evil.example",
            "/%2f%2fevil.example",
            "/ /evil.example",
            "evil.example",
            "",
        ] {
            assert_eq!(safe_next(Some(evil)), "/", "{evil:?}");
        }
    }
}
