//! Which build of the browser code the server serves.

/// Which build of the browser code a page was rendered for: a digest of the files the server
/// found in `pkg` at start. The files are linked under `/pkg/r/<release>/`, so an HTML page always
/// names exactly the code it was rendered with, and a service worker that cached an older
/// release can never hand old wasm to new HTML (a cache lookup for the new names misses).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Release {
    pub id: std::sync::Arc<str>,
    /// The release's files in `pkg`, by name: what the service worker stores.
    pub files: std::sync::Arc<[String]>,
    /// For each split point of the WebAssembly (`lazy_pages`), the modules it needs, as the
    /// build listed them; empty for a build that was not split.
    pub split_modules: std::sync::Arc<std::collections::HashMap<String, Vec<String>>>,
}

impl Release {
    pub fn asset(&self, file: &str) -> String {
        format!("/pkg/r/{}/{file}", self.id)
    }
}
