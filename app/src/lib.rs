//! Deskfront: a self-service IT portal. This crate is compiled twice: with `ssr` into the server
//! and with `hydrate` into the WebAssembly that takes over the page in the browser.
#![recursion_limit = "256"]

pub mod api;
pub mod app;
pub mod components;
pub mod domain;
pub mod local_search;
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
    leptos::mount::hydrate_body(app::App);
}
