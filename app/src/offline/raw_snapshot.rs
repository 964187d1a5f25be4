//! Fetching a snapshot (the device's offline copy, or the search index) without decoding it.
//!
//! A snapshot is a few hundred KB of JSON. Decoding it into Rust values and encoding it again to
//! keep it in IndexedDB cost a cheap phone hundreds of milliseconds of a blocked main thread on
//! every page load (issue 19), for data that is only read when the network is gone or someone
//! searches. So the body stays a JavaScript string from the network to IndexedDB, and the
//! server names its version in a header (`SNAPSHOT_VERSION_HEADER`).

use crate::model::SNAPSHOT_VERSION_HEADER;
use js_sys::JsString;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// A newer snapshot as the server sent it.
pub struct RawSnapshot {
    pub body: JsString,
    pub version: String,
}

/// Calls the snapshot server function at `path` the way its generated client would (a form
/// post of `have`, JSON back). `Ok(None)` when the device's version `have` is still current.
pub async fn fetch(path: &str, have: Option<&str>) -> Result<Option<RawSnapshot>, String> {
    let window = web_sys::window().ok_or("no window")?;
    let headers = web_sys::Headers::new().map_err(js_error)?;
    headers
        .set("Content-Type", "application/x-www-form-urlencoded")
        .map_err(js_error)?;
    headers
        .set("Accept", "application/json")
        .map_err(js_error)?;
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    init.set_headers(&headers);
    let form = have
        .map(|v| format!("have={}", js_sys::encode_uri_component(v)))
        .unwrap_or_default();
    init.set_body(&JsValue::from_str(&form));
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str_and_init(path, &init))
        .await
        .map_err(js_error)?
        .dyn_into()
        .map_err(js_error)?;
    if !response.ok() {
        return Err(format!("the server answered {}", response.status()));
    }
    let version = response
        .headers()
        .get(SNAPSHOT_VERSION_HEADER)
        .map_err(js_error)?;
    let body: JsString = JsFuture::from(response.text().map_err(js_error)?)
        .await
        .map_err(js_error)?
        .dyn_into()
        .map_err(js_error)?;
    // `Ok(None)` travels as JSON `null`, and only then is there no version header.
    match version {
        Some(version) => Ok(Some(RawSnapshot { body, version })),
        None if body == "null" => Ok(None),
        None => Err("the snapshot came without its version".into()),
    }
}

fn js_error(e: JsValue) -> String {
    e.as_string().unwrap_or_else(|| format!("{e:?}"))
}
