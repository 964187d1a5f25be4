//! Deskfront: a self-service IT portal. This crate is compiled twice: with `ssr` into the server
//! and with `hydrate` into the WebAssembly that takes over the page in the browser.
#![recursion_limit = "256"]

pub mod api;
pub mod app;
pub mod components;
pub mod domain;
pub mod i18n;
pub mod lazy_pages;
pub mod local_search;
pub mod model;
pub mod offline;
pub mod pages;
pub mod search;
pub mod url;

#[cfg(feature = "ssr")]
pub mod backend;

#[cfg(feature = "hydrate")]
pub mod drafts;
#[cfg(feature = "hydrate")]
pub mod idb;

/// Starts the WebAssembly on the page. `catalog` is the text of the language file the page
/// names (`i18n`), fetched beside the main module by the start-up script; the offline shell
/// names none, and the language is then chosen here.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate(catalog: Option<String>) {
    console_error_panic_hook::set_once();
    // The service worker's offline shell has an empty body: there is nothing to hydrate, so the
    // app renders the route itself (every page falls back to the device's snapshots).
    let offline_shell = leptos::prelude::document()
        .body()
        .and_then(|b| b.get_attribute("data-shell"))
        .is_some_and(|s| s == "offline");
    // Most pages are split into modules of their own (`lazy_pages`): hydration waits for the
    // current page's module before it walks the server's HTML, so "hydrated" is only announced
    // when the whole page is done (`app::mark_hydrated`).
    // Times are read in the zone the page names; the offline shell names none, so the
    // device's own.
    let zone_tag = leptos::prelude::document()
        .query_selector("meta[name=\"deskfront-zone\"]")
        .ok()
        .flatten()
        .filter(|_| !offline_shell);
    let zone = zone_tag.as_ref().and_then(|m| m.get_attribute("content"));
    let offsets = zone_tag
        .as_ref()
        .and_then(|m| m.get_attribute("data-offsets"));
    i18n::zone::browser::install(zone, offsets);
    if offline_shell {
        wasm_bindgen_futures::spawn_local(async {
            i18n_offline::install_for_this_device().await;
            leptos::mount::mount_to_body(app::App);
            app::mark_hydrated();
        });
    } else {
        // The server rendered the page in the language its `<html lang>` names.
        let locale = leptos::prelude::document()
            .document_element()
            .map(|html| html.get_attribute("lang").unwrap_or_default())
            .unwrap_or_default();
        i18n::browser::install(&locale, catalog.unwrap_or_default());
        wasm_bindgen_futures::spawn_local(async {
            // A task of its own for hydration: the module's start (instantiation, the language
            // file's index) and the walk over the page were one task, which a phone's browser
            // counted as one long block of the main thread (issue 19).
            gloo_timers::future::TimeoutFuture::new(0).await;
            let Some(body) = leptos::prelude::document().body() else {
                return;
            };
            leptos::mount::hydrate_from_async(body, app::App)
                .await
                .forget();
            app::mark_hydrated();
        });
    }
}

/// The offline shell's language: no server chose it, so the device does, the same way.
#[cfg(feature = "hydrate")]
mod i18n_offline {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    /// Chooses among the languages the shell lists (`deskfront-catalogs`: "en /i18n/…/en.ftl
    /// de /i18n/…/de.ftl") by the setting of the person last signed in here, else the
    /// browser's languages, fetches that file (the service worker
    /// has it) and installs it. Without it the pages show English from the English file, or,
    /// with no file at all, the messages' ids.
    pub async fn install_for_this_device() {
        let document = leptos::prelude::document();
        let listed = document
            .query_selector("meta[name=\"deskfront-catalogs\"]")
            .ok()
            .flatten()
            .and_then(|m| m.get_attribute("content"))
            .unwrap_or_default();
        let files: Vec<(&str, &str)> = listed
            .split_whitespace()
            .collect::<Vec<_>>()
            .chunks(2)
            .filter_map(|pair| Some((*pair.first()?, *pair.get(1)?)))
            .collect();
        let tags: Vec<&str> = files.iter().map(|(tag, _)| *tag).collect();
        let wanted = web_sys::window()
            .map(|w| {
                w.navigator()
                    .languages()
                    .iter()
                    .filter_map(|l| l.as_string())
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
            .join(",");
        // The person last signed in here may have chosen a language in their settings.
        let setting = crate::offline::device::remembered_user()
            .await
            .and_then(|u| u.language);
        let locale = crate::domain::locale::negotiate(
            setting.as_deref(),
            Some(&wanted),
            &tags,
            crate::i18n::DEFAULT,
        );
        let Some((_, path)) = files.iter().find(|(tag, _)| *tag == locale) else {
            return;
        };
        if let Some(text) = fetch_text(path).await {
            crate::i18n::browser::install(locale, text);
            if let Some(html) = document.document_element() {
                let _ = html.set_attribute("lang", locale);
            }
        }
    }

    async fn fetch_text(path: &str) -> Option<String> {
        let window = web_sys::window()?;
        let response: web_sys::Response = JsFuture::from(window.fetch_with_str(path))
            .await
            .ok()?
            .dyn_into()
            .ok()?;
        if !response.ok() {
            return None;
        }
        JsFuture::from(response.text().ok()?)
            .await
            .ok()?
            .as_string()
    }
}

/// For the benchmark script (`scripts/bench.sh`): ranks each query `rounds` times over the
/// given snapshot (a `SearchSnapshot` or bare `SearchIndex` as JSON) with the engine as the
/// browser runs it, and resolves to the mean milliseconds per query. Not used by the portal;
/// its body is a split module, so the portal's main module does not carry it.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub async fn bench_local_search(
    snapshot_json: String,
    queries: Vec<String>,
    rounds: u32,
) -> js_sys::Float64Array {
    js_sys::Float64Array::from(&time_local_search(snapshot_json, queries, rounds).await[..])
}

#[cfg(feature = "hydrate")]
#[leptos::lazy]
fn time_local_search(snapshot_json: String, queries: Vec<String>, rounds: u32) -> Vec<f64> {
    use search::{SearchIndex, SearchOptions};
    let index: SearchIndex = serde_json::from_str::<model::SearchSnapshot>(&snapshot_json)
        .map(|s| s.index)
        .or_else(|_| serde_json::from_str(&snapshot_json))
        .unwrap_or_default();
    let Some(clock) = web_sys::window().and_then(|w| w.performance()) else {
        return Vec::new();
    };
    let options = SearchOptions {
        typing: true,
        ..SearchOptions::default()
    };
    let rounds = rounds.max(1);
    queries
        .iter()
        .map(|q| {
            let start = clock.now();
            for _ in 0..rounds {
                std::hint::black_box(index.search(q, &options));
            }
            (clock.now() - start) / f64::from(rounds)
        })
        .collect()
}
