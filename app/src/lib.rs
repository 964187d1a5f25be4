//! Deskfront: a self-service IT portal. This crate is compiled twice: with `ssr` into the server
//! and with `hydrate` into the WebAssembly that takes over the page in the browser.
#![recursion_limit = "256"]

pub mod api;
pub mod app;
pub mod components;
pub mod domain;
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

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
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
    if offline_shell {
        leptos::mount::mount_to_body(app::App);
        app::mark_hydrated();
    } else {
        wasm_bindgen_futures::spawn_local(async {
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
