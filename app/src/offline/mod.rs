//! Working without a network. The service worker (`public/sw.js`) brings back the app itself;
//! this module brings back the data and keeps what people send until the server has it:
//!
//! - `device`: the snapshot of catalog, forms and articles kept in IndexedDB, the person last
//!   signed in on this device, the service worker's registration and persistent storage;
//! - `outbox`: submissions waiting for the server, sent once each, across tabs;
//! - `photo`: attachments chosen offline, shrunk on the device before they are kept;
//! - `raw_snapshot`: snapshots fetched and kept as the server's JSON, decoded only when read;
//! - here: the state the header shows, and how pages fall back to the device.
//!
//! How a page renders offline: the service worker answers the navigation with the offline
//! shell; the WebAssembly then renders the route in the browser, and the page's resource calls
//! its server function as usual. That call fails to reach the server (`AppError::Transport`),
//! and `or_device` answers from the snapshot instead, marking the result with the snapshot's
//! time so the page says "Offline — catalog as of …".

#[cfg(feature = "hydrate")]
pub mod device;
pub mod outbox;
pub mod photo;
#[cfg(feature = "hydrate")]
pub(crate) mod raw_snapshot;

use crate::model::{AppError, AppResult, DeviceSnapshot};
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What the header shows about this device's connection and unsent work. Provided by `App`.
#[derive(Clone, Copy)]
pub struct DeviceState {
    pub online: RwSignal<bool>,
    /// The signed-in person's submissions not yet accepted by the server.
    pub unsent: RwSignal<usize>,
    /// The last time the server answered a sync (snapshot or outbox).
    pub last_sync: RwSignal<Option<DateTime<Utc>>>,
    /// Bumped whenever the outbox changes, so lists of it reload.
    pub outbox_changed: RwSignal<u64>,
}

impl DeviceState {
    pub fn provide() -> Self {
        let state = DeviceState {
            online: RwSignal::new(true),
            unsent: RwSignal::new(0),
            last_sync: RwSignal::new(None),
            outbox_changed: RwSignal::new(0),
        };
        provide_context(state);
        state
    }

    pub fn get() -> Self {
        expect_context::<DeviceState>()
    }
}

/// A page's data and, when it came from the device rather than the server, the time of the
/// snapshot it came from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Fetched<T> {
    pub value: T,
    /// Sent from server to browser as milliseconds: the catalog's resource is read in the main
    /// module, and a date as text would bring chrono's text parser (~25 KB) into it.
    #[serde(with = "chrono::serde::ts_milliseconds_option")]
    pub offline_as_of: Option<DateTime<Utc>>,
}

/// The server's answer, or, when the server could not be reached, what `pick` finds in the
/// device's snapshot. Other errors (not signed in, not found) stand: the server said them.
pub async fn or_device<T, F>(result: AppResult<T>, pick: F) -> AppResult<Fetched<T>>
where
    F: FnOnce(&DeviceSnapshot) -> Option<T>,
{
    match result {
        Ok(value) => Ok(Fetched {
            value,
            offline_as_of: None,
        }),
        Err(err @ AppError::Transport { .. }) => from_device(err, pick).await,
        Err(err) => Err(err),
    }
}

#[cfg(feature = "hydrate")]
async fn from_device<T, F>(err: AppError, pick: F) -> AppResult<Fetched<T>>
where
    F: FnOnce(&DeviceSnapshot) -> Option<T>,
{
    let Some((snapshot, as_of)) = kept_snapshot().await else {
        return Err(AppError::Transport {
            message: "offline, and nothing is kept on this device yet".into(),
        });
    };
    match pick(&snapshot) {
        Some(value) => Ok(Fetched {
            value,
            offline_as_of: Some(as_of),
        }),
        None => Err(AppError::not_found(crate::i18n::t_with(
            "error-offline-not-kept",
            &[("reason", err.to_string().into())],
        ))),
    }
}

/// The device's snapshot, read and decoded in a split module of its own (see `lazy_pages`):
/// only a page whose server cannot be reached needs that code, so the catalog's first visit does
/// not download it.
#[cfg(feature = "hydrate")]
#[leptos::lazy]
pub async fn kept_snapshot() -> Option<(std::sync::Arc<DeviceSnapshot>, DateTime<Utc>)> {
    device::snapshot().await
}

#[cfg(not(feature = "hydrate"))]
async fn from_device<T, F>(err: AppError, _pick: F) -> AppResult<Fetched<T>>
where
    F: FnOnce(&DeviceSnapshot) -> Option<T>,
{
    Err(err)
}

/// Resource fetchers must be `Send` for the server's sake; in the browser there is one thread,
/// and IndexedDB's futures are not. This wraps such a future for a resource.
#[cfg(feature = "hydrate")]
pub fn sendable<F: std::future::Future + 'static>(
    fut: F,
) -> impl std::future::Future<Output = F::Output> + Send {
    send_wrapper::SendWrapper::new(fut)
}

#[cfg(not(feature = "hydrate"))]
pub fn sendable<F: std::future::Future + Send + 'static>(
    fut: F,
) -> impl std::future::Future<Output = F::Output> + Send {
    fut
}

/// A fresh idempotency key made on the device (offline pages cannot get one from the server).
pub fn device_key() -> String {
    #[cfg(feature = "hydrate")]
    {
        let mut bytes = [0u8; 16];
        if let Some(crypto) = web_sys::window().and_then(|w| w.crypto().ok()) {
            let _ = crypto.get_random_values_with_u8_array(&mut bytes);
        }
        format!(
            "d{}",
            bytes.iter().map(|b| format!("{b:02x}")).collect::<String>()
        )
    }
    #[cfg(not(feature = "hydrate"))]
    {
        String::new()
    }
}

/// "21 Nov, 14:02" in the device's own time zone and the reader's language.
pub fn local_day_time(at: DateTime<Utc>) -> String {
    crate::i18n::i18n().day_month_time(&at.with_timezone(&chrono::Local))
}

/// "14:02" in the device's own time zone.
pub fn local_time(at: DateTime<Utc>) -> String {
    crate::i18n::i18n().time(&at.with_timezone(&chrono::Local))
}

/// "Offline — catalog as of …" above a page served from the device.
#[component]
pub fn OfflineBanner(as_of: Option<DateTime<Utc>>) -> impl IntoView {
    as_of.map(|at| {
        view! {
            <p class="notice notice-offline" role="status" data-testid="offline-banner">
                {crate::i18n::t_with("offline-banner", &[("when", local_day_time(at).into())])}
            </p>
        }
    })
}

/// Online or offline, unsent submissions and the last sync, for everyone including screen
/// readers (a polite live region: changes are read out without interrupting).
#[component]
pub fn SyncStatus() -> impl IntoView {
    let device = DeviceState::get();
    let unsent = move || device.unsent.get();
    view! {
        <div class="sync-status" role="status" aria-live="polite" data-testid="sync-status">
            <span class="connection" data-testid="connection"
                data-online=move || device.online.get().to_string()>
                {move || if device.online.get() { crate::i18n::t("sync-online") } else { crate::i18n::t("sync-offline") }}
            </span>
            <a href="/requests" class="unsent" data-testid="unsent-count"
                data-count=move || unsent().to_string() hidden=move || unsent() == 0>
                {move || crate::i18n::t_with("sync-unsent", &[("count", (unsent() as i64).into())])}
            </a>
            <span class="last-sync" data-testid="last-sync">
                {move || match device.last_sync.get() {
                    Some(at) => crate::i18n::t_with("sync-last", &[("time", local_time(at).into())]),
                    None => crate::i18n::t("sync-never"),
                }}
            </span>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn the_snapshot_time_travels_as_milliseconds_and_back() {
        let at = Utc.with_ymd_and_hms(2026, 11, 21, 14, 2, 0).unwrap();
        let fetched = Fetched {
            value: 1,
            offline_as_of: Some(at),
        };
        let json = serde_json::to_string(&fetched).unwrap();
        assert_eq!(json, r#"{"value":1,"offline_as_of":1795269720000}"#);
        assert_eq!(
            serde_json::from_str::<Fetched<i32>>(&json).unwrap(),
            fetched
        );
        let online: Fetched<i32> =
            serde_json::from_str(r#"{"value":1,"offline_as_of":null}"#).unwrap();
        assert_eq!(online.offline_as_of, None);
    }
}
