//! Cross-site request refusal. A page on another site can make a signed-in person's browser
//! post to the portal; the session cookie's `SameSite=Lax` keeps it off such posts in today's
//! browsers, and this check refuses them outright: every request that may change state must
//! say it comes from the portal's own pages (`Origin`, else `Sec-Fetch-Site`, else `Referer`).
//!
//! The integration API is exempt: it authenticates with a bearer token a browser never sends by
//! itself, so another site cannot borrow it.

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;

/// The origins (`scheme://host[:port]`) whose pages may change state.
#[derive(Clone, Debug, Default)]
pub struct Origins {
    /// From the configured public URL, plus any origins allowed besides it. Empty: the origin
    /// the request itself was addressed to (its `Host`, or `X-Forwarded-Host` behind a proxy).
    configured: Vec<String>,
}

impl Origins {
    pub fn new(public_url: Option<&str>, allowed: &[String]) -> Origins {
        let configured = public_url
            .into_iter()
            .chain(allowed.iter().map(String::as_str))
            .filter_map(origin_of)
            .collect();
        Origins { configured }
    }

    /// Whether `origin` (as a browser sends it) is the portal's own.
    fn admits(&self, origin: &str, headers: &HeaderMap) -> bool {
        let Some(origin) = origin_of(origin) else {
            return false;
        };
        if !self.configured.is_empty() {
            return self.configured.contains(&origin);
        }
        // Unconfigured: the host the request was sent to. The scheme is not compared, since a
        // proxy in front may end TLS; the host and port are what another site cannot share.
        let authority = origin.split_once("://").map(|(_, a)| a).unwrap_or_default();
        ["x-forwarded-host", "host"].iter().any(|name| {
            headers
                .get(*name)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.split(',').next())
                .is_some_and(|host| host.trim().eq_ignore_ascii_case(authority))
        })
    }
}

/// `scheme://host[:port]` of a URL, lower-cased, or `None` for anything that is not an http(s)
/// URL with a host (including the literal `null` a sandboxed or privacy-sensitive context sends).
pub fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.trim().split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "http" && scheme != "https" {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if authority.is_empty() || authority.contains('@') || authority.contains(char::is_whitespace) {
        return None;
    }
    let authority = authority.to_ascii_lowercase();
    // Browsers leave the default port out of `Origin`; so does this.
    let authority = match (scheme.as_str(), authority.rsplit_once(':')) {
        ("http", Some((host, "80"))) | ("https", Some((host, "443"))) => host.to_string(),
        _ => authority,
    };
    Some(format!("{scheme}://{authority}"))
}

/// Why a request was refused, or `None` when it may go on.
pub fn refusal(
    origins: &Origins,
    method: &Method,
    path: &str,
    headers: &HeaderMap,
) -> Option<String> {
    if matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) || path == INTEGRATION_API {
        return None;
    }
    let text = |name: header::HeaderName| headers.get(name).and_then(|v| v.to_str().ok());
    if let Some(origin) = text(header::ORIGIN) {
        return (!origins.admits(origin, headers)).then(|| format!("Origin {origin:?}"));
    }
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return (site != "same-origin").then(|| format!("Sec-Fetch-Site {site:?}"));
    }
    if let Some(referer) = text(header::REFERER) {
        return (!origins.admits(referer, headers))
            .then(|| "a Referer of another site".to_string());
    }
    Some("no Origin, Sec-Fetch-Site or Referer".into())
}

const INTEGRATION_API: &str = "/api/v1/incidents";

/// Refuses cross-site state changes with 403, and logs each refusal.
pub async fn refuse_cross_site(
    State(origins): State<Arc<Origins>>,
    req: Request,
    next: Next,
) -> Response {
    let path = req.uri().path();
    let Some(why) = refusal(&origins, req.method(), path, req.headers()) else {
        return next.run(req).await;
    };
    tracing::warn!(method = %req.method(), path, reason = %why, "refused a cross-site request");
    app::backend::metrics::METRICS.cross_site_refused.inc();
    let message = "This request did not come from the portal's own pages, so it was refused. \
                   If you were using Deskfront, reload the page and try again.";
    if path.starts_with("/api/") {
        let body = serde_json::json!({ "error": "forbidden", "message": message });
        (StatusCode::FORBIDDEN, axum::Json(body)).into_response()
    } else {
        (StatusCode::FORBIDDEN, message).into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (name, value) in pairs {
            h.insert(*name, value.parse().unwrap());
        }
        h
    }

    fn refused(origins: &Origins, pairs: &[(&'static str, &str)]) -> bool {
        refusal(origins, &Method::POST, "/api/login", &headers(pairs)).is_some()
    }

    #[test]
    fn unconfigured_the_request_host_is_the_portal() {
        let o = Origins::default();
        let host = ("host", "desk.example:3000");
        assert!(!refused(
            &o,
            &[host, ("origin", "http://desk.example:3000")]
        ));
        assert!(!refused(
            &o,
            &[host, ("origin", "https://DESK.example:3000")]
        ));
        assert!(refused(&o, &[host, ("origin", "http://evil.example")]));
        assert!(refused(&o, &[host, ("origin", "http://desk.example:3001")]));
        assert!(refused(&o, &[host, ("origin", "null")]));
        assert!(
            refused(&o, &[host]),
            "a post that says nothing of where it came from"
        );
    }

    #[test]
    fn without_origin_fetch_metadata_then_referer_decide() {
        let o = Origins::default();
        let host = ("host", "desk.example");
        assert!(!refused(&o, &[host, ("sec-fetch-site", "same-origin")]));
        assert!(refused(&o, &[host, ("sec-fetch-site", "cross-site")]));
        assert!(refused(&o, &[host, ("sec-fetch-site", "same-site")]));
        assert!(!refused(
            &o,
            &[host, ("referer", "http://desk.example/catalog/laptop")]
        ));
        assert!(refused(
            &o,
            &[host, ("referer", "http://evil.example/desk.example")]
        ));
    }

    #[test]
    fn a_configured_public_url_and_allowed_origins_replace_the_host() {
        let o = Origins::new(
            Some("https://desk.example.com/"),
            &["https://intranet.example.com".into()],
        );
        let host = ("host", "10.0.0.5:3000");
        assert!(!refused(
            &o,
            &[host, ("origin", "https://desk.example.com")]
        ));
        assert!(!refused(
            &o,
            &[host, ("origin", "https://intranet.example.com")]
        ));
        assert!(refused(&o, &[host, ("origin", "http://desk.example.com")]));
        assert!(refused(&o, &[host, ("origin", "http://10.0.0.5:3000")]));
    }

    #[test]
    fn reads_and_the_token_api_are_not_checked() {
        let o = Origins::default();
        let none = HeaderMap::new();
        assert!(refusal(&o, &Method::GET, "/", &none).is_none());
        assert!(refusal(&o, &Method::POST, "/api/v1/incidents", &none).is_none());
        assert!(refusal(&o, &Method::POST, "/catalog/laptop", &none).is_some());
    }

    #[test]
    fn origins_are_normalised() {
        assert_eq!(
            origin_of("HTTPS://Desk.Example:443/x").as_deref(),
            Some("https://desk.example")
        );
        assert_eq!(origin_of("http://a:80").as_deref(), Some("http://a"));
        assert_eq!(origin_of("javascript://x"), None);
        assert_eq!(origin_of("http://user@evil"), None);
        assert_eq!(origin_of("null"), None);
    }
}
