//! Sends people who are not signed in to the sign-in page before any page renders. Server
//! functions and attachment downloads check the session themselves and answer with errors.

use app::backend::{session, AppState};
use axum::extract::Request;
use axum::http::Method;
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};

fn is_public(path: &str) -> bool {
    path == "/login"
        // A password link is its own proof: its person has no password to sign in with yet.
        || path == "/set-password"
        || path == "/healthz"
        || path == "/readyz"
        // Guarded by its own token (see `observe::metrics`).
        || path == "/metrics"
        // The service worker's offline page holds no data; it is fetched when it installs.
        || path == "/offline-shell"
        // Signing in with an identity provider: the way to a session, not behind one.
        || path.starts_with("/auth/oidc/")
        || path.starts_with("/api/")
        || path.starts_with("/pkg/")
        || path.starts_with("/attachments/")
        // Static files from `public/` (icons, manifest): anything whose last segment has a dot.
        || path.rsplit('/').next().is_some_and(|last| last.contains('.'))
}

/// The user found here rides along in the request's extensions, so the page's server
/// functions do not look the session up again.
pub async fn require_session(mut req: Request, next: Next) -> Response {
    if req.method() != Method::GET || is_public(req.uri().path()) {
        return next.run(req).await;
    }
    let state = req.extensions().get::<AppState>().cloned();
    let Some(state) = state else {
        return next.run(req).await;
    };
    // A page the page cache may answer needs the stamp it is kept under: read with the session.
    let found = if super::page_cache::cacheable(req.uri().path()) {
        session::user_and_page_stamp(&state, req.headers())
            .await
            .ok()
            .flatten()
            .map(|(user, stamp)| (user, Some(stamp)))
    } else {
        session::user_for_headers(&state, req.headers())
            .await
            .ok()
            .flatten()
            .map(|user| (user, None))
    };
    if let Some((user, stamp)) = found {
        req.extensions_mut().insert(user);
        if let Some(stamp) = stamp {
            req.extensions_mut().insert(stamp);
        }
        return next.run(req).await;
    }
    let wanted = req
        .uri()
        .path_and_query()
        .map(|p| p.as_str())
        .unwrap_or("/");
    Redirect::to(&format!(
        "/login?next={}",
        app::backend::forms::encode(wanted)
    ))
    .into_response()
}

#[cfg(test)]
mod tests {
    use super::is_public;

    #[test]
    fn pages_need_a_session_assets_do_not() {
        assert!(!is_public("/"));
        assert!(!is_public("/requests/REQ0000001"));
        assert!(is_public("/login"));
        assert!(is_public("/set-password"));
        assert!(is_public("/pkg/deskfront.wasm"));
        assert!(is_public("/favicon.svg"));
        assert!(is_public("/api/login"));
        assert!(is_public("/auth/oidc/sso/start"));
        assert!(is_public("/auth/oidc/sso/callback"));
    }
}
