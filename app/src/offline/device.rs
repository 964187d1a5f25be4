//! The device's side of working offline: the snapshot in IndexedDB, the person last signed in,
//! the service worker, persistent storage and the browser's online/offline events.

use super::raw_snapshot;
use super::DeviceState;
use crate::api::offline::OfflineSnapshot;
use crate::idb::{self, SNAPSHOTS};
use crate::model::{DeviceSnapshot, UserView};
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use std::cell::RefCell;
use std::sync::Arc;
use wasm_bindgen::JsValue;

/// The server's JSON of the snapshot, exactly as it came (`raw_snapshot`).
const SNAPSHOT_KEY: &str = "device-snapshot";
/// Its version (what to send as `have`) and when this device last had it confirmed, kept beside
/// it so that neither needs the snapshot decoded.
const VERSION_KEY: &str = "device-version";
const FETCHED_KEY: &str = "device-fetched-at";
/// Where releases before issue 19's work kept the decoded-and-encoded snapshot: dropped.
const OLD_SNAPSHOT_KEY: &str = "device";
const USER_KEY: &str = "signed-in";
const LAST_SYNC_KEY: &str = "last-sync";

thread_local! {
    /// Decoded once per page load, the first time a page needs it (offline).
    static SNAPSHOT: RefCell<Option<(Arc<DeviceSnapshot>, DateTime<Utc>)>> = const { RefCell::new(None) };
}

/// The kept snapshot and the time it was fetched, if this device has one.
pub async fn snapshot() -> Option<(Arc<DeviceSnapshot>, DateTime<Utc>)> {
    if let Some(kept) = SNAPSHOT.with(|s| s.borrow().clone()) {
        return Some(kept);
    }
    let raw = idb::get(SNAPSHOTS, SNAPSHOT_KEY).await.ok()??;
    let fetched_at = read_time(FETCHED_KEY).await?;
    let snapshot: DeviceSnapshot = serde_json::from_str(&raw).ok()?;
    let entry = (Arc::new(snapshot), fetched_at);
    SNAPSHOT.with(|s| *s.borrow_mut() = Some(entry.clone()));
    Some(entry)
}

/// Asks the server for a newer snapshot and keeps it as it came. Returns whether the server
/// answered.
async fn refresh_snapshot() -> bool {
    use leptos::server_fn::ServerFn;
    let have = idb::get(SNAPSHOTS, VERSION_KEY).await.ok().flatten();
    let now = Utc::now();
    let answer = raw_snapshot::fetch(<OfflineSnapshot as ServerFn>::PATH, have.as_deref()).await;
    let fetched_at = JsValue::from_str(&now.to_rfc3339());
    let kept = match answer {
        Ok(Some(fresh)) => {
            idb::put_all(
                SNAPSHOTS,
                vec![
                    (SNAPSHOT_KEY, fresh.body.into()),
                    (VERSION_KEY, JsValue::from_str(&fresh.version)),
                    (FETCHED_KEY, fetched_at),
                ],
            )
            .await
        }
        // Unchanged: what is kept is as current as of now.
        Ok(None) => idb::put_js(SNAPSHOTS, FETCHED_KEY, fetched_at).await,
        Err(e) => {
            leptos::logging::log!("offline snapshot not refreshed: {e}");
            return false;
        }
    };
    match kept {
        Ok(()) => {
            // Decoded again from what is kept, the next time a page needs it.
            SNAPSHOT.with(|s| *s.borrow_mut() = None);
            let _ = idb::delete(SNAPSHOTS, OLD_SNAPSHOT_KEY).await;
        }
        Err(e) => leptos::logging::warn!("could not keep the offline snapshot: {e}"),
    }
    true
}

/// The person last signed in here: offline, the app is theirs until someone signs out. Split
/// points, this and `remember_user`: the app shell calls them, and would otherwise keep the
/// IndexedDB code in the main module.
#[leptos::lazy]
pub async fn remembered_user() -> Option<UserView> {
    let raw = idb::get(SNAPSHOTS, USER_KEY).await.ok()??;
    serde_json::from_str(&raw).ok()
}

/// For sign-out, from the header: a module of its own, loaded then.
#[leptos::lazy]
pub async fn remember_user(user: Option<UserView>) {
    remember(user).await
}

/// Keeps (or, signed out, forgets) who is signed in. The device's background work calls it
/// directly: its own module already holds the IndexedDB code, and a page load then fetches one
/// module fewer.
pub async fn remember(user: Option<UserView>) {
    let result = match &user {
        Some(u) => match serde_json::to_string(u) {
            Ok(json) => idb::put(SNAPSHOTS, USER_KEY, json).await,
            Err(e) => Err(e.to_string()),
        },
        None => idb::delete(SNAPSHOTS, USER_KEY).await,
    };
    if let Err(e) = result {
        leptos::logging::warn!("could not remember who is signed in: {e}");
    }
}

pub async fn mark_synced(device: DeviceState) {
    let now = Utc::now();
    device.last_sync.try_set(Some(now));
    let _ = idb::put(SNAPSHOTS, LAST_SYNC_KEY, now.to_rfc3339()).await;
}

async fn read_time(key: &str) -> Option<DateTime<Utc>> {
    let raw = idb::get(SNAPSHOTS, key).await.ok()??;
    DateTime::parse_from_rfc3339(&raw)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

/// Once per page load, after hydration: the service worker, persistent storage, the browser's
/// connection events, and (for a signed-in person) a fresh snapshot and the outbox.
pub fn start(device: DeviceState, user_id: Option<i64>) {
    register_service_worker();
    ask_for_persistent_storage();
    watch_connection(device, user_id);
    leptos::task::spawn_local(async move {
        if let Some(at) = read_time(LAST_SYNC_KEY).await {
            if device.last_sync.get_untracked().is_none() {
                device.last_sync.try_set(Some(at));
            }
        }
        if user_id.is_some() && refresh_snapshot().await {
            mark_synced(device).await;
        }
    });
    if let Some(user_id) = user_id {
        super::outbox::start(device, user_id);
    }
}

fn register_service_worker() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let navigator = window.navigator();
    // Absent on plain HTTP other than localhost, and in some private modes: the portal then
    // simply needs the network, as any web page does.
    if !js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
        return;
    }
    let promise = navigator.service_worker().register("/sw.js");
    leptos::task::spawn_local(async move {
        if let Err(e) = wasm_bindgen_futures::JsFuture::from(promise).await {
            leptos::logging::warn!("service worker not registered: {e:?}");
        }
    });
}

/// Without this the browser may clear IndexedDB under storage pressure, unsent work included.
/// Browsers grant it quietly to installed or often-used sites; a refusal changes nothing else.
fn ask_for_persistent_storage() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let storage = window.navigator().storage();
    let Ok(promise) = storage.persist() else {
        return;
    };
    leptos::task::spawn_local(async move {
        let granted = wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(false);
        leptos::logging::log!("persistent storage granted: {granted}");
    });
}

fn watch_connection(device: DeviceState, user_id: Option<i64>) {
    if let Some(window) = web_sys::window() {
        device.online.set(window.navigator().on_line());
    }
    let on = window_event_listener(leptos::ev::online, move |_| {
        device.online.set(true);
        if let Some(user_id) = user_id {
            leptos::task::spawn_local(async move {
                super::outbox::flush(device, user_id, true).await;
                if refresh_snapshot().await {
                    mark_synced(device).await;
                }
            });
        }
    });
    let off = window_event_listener(leptos::ev::offline, move |_| device.online.set(false));
    // The App lives as long as the page; the listeners do too.
    std::mem::forget(on);
    std::mem::forget(off);
}
