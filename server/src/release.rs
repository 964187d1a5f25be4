//! This build's browser code: its release id, the versioned URLs it is served under, the service
//! worker that caches it and the offline shell document.
//!
//! The id is a digest of the files in the site's `pkg` folder (the js, the wasm modules, the
//! css), read once at start: two instances serving the same build agree on it without
//! configuration, and any change to the files (a new release) changes it. Pages link the files
//! under `/pkg/r/<id>/`, so those URLs are immutable and the service worker can cache them
//! forever under a cache named after the release.
//!
//! A split build (`scripts/build-release.sh`, see `app::lazy_pages`) adds a module per page,
//! shared modules and their loader script; all of them are part of the release, and the worker
//! stores them all so that every page opens offline.

use app::model::Release;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::path::Path;

/// The files every build has; a split build adds more `.wasm` and `.js` beside them.
const OUTPUT: [&str; 3] = ["deskfront.js", "deskfront.wasm", "deskfront.css"];
/// Where a split build lists the modules each split point needs.
const SPLIT_MANIFEST: &str = "__wasm_split_manifest.json";
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

/// This build's browser files: the three every build has, then any split modules and their
/// loader, by name. Compressed copies are left out: they follow from the files.
fn release_files(pkg_dir: &Path) -> Vec<String> {
    let mut split: Vec<String> = std::fs::read_dir(pkg_dir)
        .into_iter()
        .flatten()
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".wasm") || name.ends_with(".js"))
        .filter(|name| !OUTPUT.contains(&name.as_str()))
        .collect();
    split.sort();
    OUTPUT.iter().map(|f| f.to_string()).chain(split).collect()
}

/// Reads the built files; a missing one (tests run without a site) still gives a stable id.
pub fn identify(pkg_dir: &Path) -> Release {
    let files = release_files(pkg_dir);
    let mut hasher = Sha256::new();
    for name in &files {
        hasher.update(name.as_bytes());
        match std::fs::read(pkg_dir.join(name)) {
            Ok(bytes) => hasher.update(&bytes),
            Err(_) => hasher.update(b"missing"),
        }
    }
    let digest = hasher.finalize();
    let id: String = digest.iter().take(6).map(|b| format!("{b:02x}")).collect();
    Release {
        id: id.into(),
        split_modules: read_split_manifest(pkg_dir).into(),
        files: files.into(),
    }
}

/// The split manifest, or nothing for a build that was not split (or one whose manifest cannot
/// be read: pages then simply do not name preloads).
fn read_split_manifest(pkg_dir: &Path) -> HashMap<String, Vec<String>> {
    let Ok(text) = std::fs::read_to_string(pkg_dir.join(SPLIT_MANIFEST)) else {
        return HashMap::new();
    };
    serde_json::from_str(&text).unwrap_or_else(|error| {
        tracing::warn!(%error, "the split manifest could not be read; pages name no preloads");
        HashMap::new()
    })
}

/// Everything the worker stores when it installs: the release's code and the static shell.
pub fn precache(release: &Release) -> Vec<String> {
    release
        .files
        .iter()
        .map(|f| release.asset(f))
        .chain(STATIC_SHELL.iter().map(|s| s.to_string()))
        // Every language: a device may start offline in any of them.
        .chain(app::i18n::catalog_files().map(|(_, path, _)| path.to_string()))
        .collect()
}

/// `GET /sw.js`. Never cached by HTTP: the browser compares it byte for byte to find a new
/// release, which differs in its first line.
pub fn service_worker(release: &Release) -> Response {
    let list = serde_json::to_string(&precache(release)).unwrap_or_else(|_| "[]".into());
    let body = WORKER_TEMPLATE
        .replace("__RELEASE__", &release.id)
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
    /// The name the splitter gives (cargo-leptos's, kept) the script that loads split modules.
    const SPLIT_LOADER_NAME: &str = "__wasm_split.______________________.js";

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
        let changed = identify(dir.path());
        assert_ne!(built, changed);
        assert_eq!(built.id.len(), 12);
        // A split module is part of the release; a compressed copy is not.
        std::fs::write(dir.path().join("deskfront.wasm.br"), "copy").unwrap();
        assert_eq!(changed.id, identify(dir.path()).id);
        std::fs::write(dir.path().join("split_queue_route.wasm"), "page").unwrap();
        let split = identify(dir.path());
        assert_ne!(changed.id, split.id);
        assert_eq!(
            split.files.last().map(String::as_str),
            Some("split_queue_route.wasm")
        );
    }

    #[test]
    fn a_split_build_lists_its_modules_for_preloads() {
        let dir = tempfile::tempdir().unwrap();
        assert!(identify(dir.path()).split_modules.is_empty());
        std::fs::write(
            dir.path().join(SPLIT_MANIFEST),
            r#"{"queue_route_12": ["split_queue", "chunk_1"]}"#,
        )
        .unwrap();
        let release = identify(dir.path());
        assert_eq!(
            release.split_modules["queue_route_12"],
            ["split_queue", "chunk_1"]
        );
    }

    #[test]
    fn the_worker_names_its_release_and_what_to_cache() {
        let dir = tempfile::tempdir().unwrap();
        for name in OUTPUT.iter().chain(&["split_desk.wasm", SPLIT_LOADER_NAME]) {
            std::fs::write(dir.path().join(name), name).unwrap();
        }
        let release = identify(dir.path());
        let list = precache(&release);
        let asset = |f: &str| format!("/pkg/r/{}/{f}", release.id);
        for file in [
            "deskfront.wasm",
            "deskfront.css",
            "split_desk.wasm",
            SPLIT_LOADER_NAME,
        ] {
            assert!(list.contains(&asset(file)), "{file} is cached: {list:?}");
        }
        assert!(list.contains(&"/offline-shell".to_string()));
        let response = service_worker(&release);
        assert_eq!(response.headers()[header::CACHE_CONTROL], "no-cache");
    }
}
