//! The search index on this device. After hydration the app reads the snapshot kept in
//! IndexedDB (instant, and there even offline), then asks the server whether a newer version
//! exists and stores it if so. The header search, the search page when the server cannot be
//! reached, and the suggestions beside forms all rank with it, using the same engine as the server.

use crate::search::SearchIndex;
use leptos::prelude::*;
use std::sync::Arc;

/// The device's copy of the index, `None` until one has been loaded.
#[derive(Clone, Copy)]
pub struct LocalIndex(pub RwSignal<Option<Arc<SearchIndex>>>);

impl LocalIndex {
    pub fn provide() -> Self {
        let local = LocalIndex(RwSignal::new(None));
        provide_context(local);
        local
    }

    pub fn get() -> Self {
        expect_context::<LocalIndex>()
    }
}

#[cfg(feature = "hydrate")]
mod refresh {
    use super::LocalIndex;
    use crate::api::knowledge::kb_snapshot;
    use crate::idb::{self, SNAPSHOTS};
    use crate::model::SearchSnapshot;
    use std::sync::Arc;

    const KEY: &str = "search";

    /// Loads the stored snapshot, then fetches a newer one if the server has it. Failures
    /// (offline, signed out) leave whatever was there: the stored index still answers.
    pub async fn load_and_refresh(local: LocalIndex) {
        use leptos::prelude::Set;
        let stored = idb::get(SNAPSHOTS, KEY)
            .await
            .ok()
            .flatten()
            .and_then(|raw| serde_json::from_str::<SearchSnapshot>(&raw).ok());
        let have = stored.as_ref().map(|s| s.version);
        if let Some(snapshot) = stored {
            local.0.set(Some(Arc::new(snapshot.index)));
        }
        match kb_snapshot(have).await {
            Ok(Some(fresh)) => {
                let json = serde_json::to_string(&fresh).unwrap_or_default();
                local.0.set(Some(Arc::new(fresh.index)));
                if let Err(e) = idb::put(SNAPSHOTS, KEY, json).await {
                    leptos::logging::warn!("could not keep the search index on this device: {e}");
                }
            }
            Ok(None) => {}
            Err(e) => leptos::logging::log!("search index not refreshed: {e}"),
        }
    }
}

#[cfg(feature = "hydrate")]
pub use refresh::load_and_refresh;
