//! The device's side of working offline: the snapshot in IndexedDB, the person last signed in,
//! the service worker, persistent storage and the browser's online/offline events.

use super::DeviceState;
use crate::api::offline::offline_snapshot;
use crate::idb::{self, SNAPSHOTS};
use crate::model::{DeviceSnapshot, UserView};
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::sync::Arc;

const SNAPSHOT_KEY: &str = "device";
const USER_KEY: &str = "signed-in";
const LAST_SYNC_KEY: &str = "last-sync";

/// The snapshot as kept: with the time this device last had it confirmed by the server.
#[derive(Serialize, Deserialize)]
struct Kept {
    fetched_at: DateTime<Utc>,
    snapshot: DeviceSnapshot,
}

thread_local! {
    /// Parsed once per page load; pages read it on every offline navigation.
    static SNAPSHOT: RefCell<Option<(Arc<DeviceSnapshot>, DateTime<Utc>)>> = const { RefCell::new(None) };
}

/// The kept snapshot and the time it was fetched, if this device has one.
pub async fn snapshot() -> Option<(Arc<DeviceSnapshot>, DateTime<Utc>)> {
    if let Some(kept) = SNAPSHOT.with(|s| s.borrow().clone()) {
        return Some(kept);
    }
    let raw = idb::get(SNAPSHOTS, SNAPSHOT_KEY).await.ok()??;
    let kept: Kept = serde_json::from_str(&raw).ok()?;
    let entry = (Arc::new(kept.snapshot), kept.fetched_at);
    SNAPSHOT.with(|s| *s.borrow_mut() = Some(entry.clone()));
    Some(entry)
}

/// Asks the server for a newer snapshot and keeps it. Returns whether the server answered.
async fn refresh_snapshot() -> bool {
    let have = snapshot().await.map(|(s, _)| s.version.clone());
    let now = Utc::now();
    let fresh = match offline_snapshot(have).await {
        Ok(Some(fresh)) => fresh,
        Ok(None) => match snapshot().await {
            // Unchanged: it is as current as of now.
            Some((kept, _)) => (*kept).clone(),
            None => return true,
        },
        Err(e) => {
            leptos::logging::log!("offline snapshot not refreshed: {e}");
            return false;
        }
    };
    let kept = Kept {
        fetched_at: now,
        snapshot: fresh,
    };
    match serde_json::to_string(&kept) {
        Ok(json) => {
            if let Err(e) = idb::put(SNAPSHOTS, SNAPSHOT_KEY, json).await {
                leptos::logging::warn!("could not keep the offline snapshot: {e}");
            }
        }
        Err(e) => leptos::logging::warn!("could not encode the offline snapshot: {e}"),
    }
    SNAPSHOT.with(|s| *s.borrow_mut() = Some((Arc::new(kept.snapshot), now)));
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

#[leptos::lazy]
pub async fn remember_user(user: Option<UserView>) {
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

async fn stored_last_sync() -> Option<DateTime<Utc>> {
    let raw = idb::get(SNAPSHOTS, LAST_SYNC_KEY).await.ok()??;
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
        if let Some(at) = stored_last_sync().await {
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
