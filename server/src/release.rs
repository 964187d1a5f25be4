//! This build's browser code: its release id, the versioned URLs it is served under, the service
//! worker that caches it and the offline shell document.
//!
//! The id is a digest of the js, wasm and css in the site's `pkg` folder, read once at start:
//! two instances serving the same build agree on it without configuration, and any change to
//! the files (a new release) changes it. Pages link the files under `/pkg/r/<id>/`, so those
//! URLs are immutable and the service worker can cache them forever under a cache named after
//! the release.

use app::app::Release;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};
use std::path::Path;

const OUTPUT: [&str; 3] = ["deskfront.js", "deskfront.wasm", "deskfront.css"];
/// The service worker's source; `__RELEASE__` and `__PRECACHE__` are filled in per release.
const WORKER_TEMPLATE: &str = include_str!("../../public/sw.js");
/// Static files every offline start needs besides the release's own (from `public/`).
const STATIC_SHELL: [&str; 5] = [
    "/favicon.svg",
    "/manifest.webmanifest",
    "/icons/icon-192.png",
    "/icons/icon-512.png",
    "/offline-shell",
];

/// Reads the built files; a missing one (tests run without a site) still gives a stable id.
pub fn identify(pkg_dir: &Path) -> Release {
    let mut hasher = Sha256::new();
    for name in OUTPUT {
        hasher.update(name.as_bytes());
        match std::fs::read(pkg_dir.join(name)) {
            Ok(bytes) => hasher.update(&bytes),
            Err(_) => hasher.update(b"missing"),
        }
    }
    let digest = hasher.finalize();
    Release(
        digest
            .iter()
            .take(6)
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
            .into(),
    )
}

/// Everything the worker stores when it installs: the release's code and the static shell.
pub fn precache(release: &Release) -> Vec<String> {
    OUTPUT
        .iter()
        .map(|f| release.asset(f))
        .chain(STATIC_SHELL.iter().map(|s| s.to_string()))
        .collect()
}

/// `GET /sw.js`. Never cached by HTTP: the browser compares it byte for byte to find a new
/// release, which differs in its first line.
pub fn service_worker(release: &Release) -> Response {
    let list = serde_json::to_string(&precache(release)).unwrap_or_else(|_| "[]".into());
    let body = WORKER_TEMPLATE
        .replace("__RELEASE__", &release.0)
        .replace("\"__PRECACHE__\"", &list);
    (
        StatusCode::OK,
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/javascript; charset=utf-8"),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
        ],
        body,
    )
        .into_response()
}

/// `GET /offline-shell`, fetched by the worker only.
pub fn offline_shell(release: &Release) -> Response {
    (
        StatusCode::OK,
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/html; charset=utf-8"),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
        ],
        app::app::offline_shell_html(release.clone()),
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_id_follows_the_files() {
        let dir = tempfile::tempdir().unwrap();
        let empty = identify(dir.path());
        for name in OUTPUT {
            std::fs::write(dir.path().join(name), name).unwrap();
        }
        let built = identify(dir.path());
        assert_ne!(empty, built);
        assert_eq!(built, identify(dir.path()), "same files, same release");
        std::fs::write(dir.path().join("deskfront.wasm"), "changed").unwrap();
        assert_ne!(built, identify(dir.path()));
        assert_eq!(built.0.len(), 12);
    }

    #[test]
    fn the_worker_names_its_release_and_what_to_cache() {
        let release = Release("abc123def456".into());
        let list = precache(&release);
        assert!(list.contains(&"/pkg/r/abc123def456/deskfront.wasm".to_string()));
        assert!(list.contains(&"/offline-shell".to_string()));
        let response = service_worker(&release);
        assert_eq!(response.headers()[header::CACHE_CONTROL], "no-cache");
    }
}
