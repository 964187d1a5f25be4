//! The search index on this device. After hydration, in the background, the device asks the
//! server whether a newer index exists and keeps it in IndexedDB as the server sent it. The
//! index is decoded only once something asks for it (`LocalIndex::wanted`): the header search
//! when it gets focus, the suggestions beside forms, the search page when the server cannot be
//! reached. All of them rank with it, using the same engine as the server.
//!
//! Decoding it is the costly part (a few hundred KB of JSON): done at every page load, it held a
//! cheap phone's main thread for a third of a second on pages where nobody searched (issue 19).

use crate::search::SearchIndex;
use leptos::prelude::*;
use std::sync::Arc;

/// The device's copy of the index, `None` until one has been asked for and loaded.
#[derive(Clone, Copy)]
pub struct LocalIndex(RwSignal<Option<Arc<SearchIndex>>>);

impl LocalIndex {
    pub fn provide() -> Self {
        let local = LocalIndex(RwSignal::new(None));
        provide_context(local);
        local
    }

    pub fn get() -> Self {
        expect_context::<LocalIndex>()
    }

    /// The index, read reactively, and asked for if it is not loaded yet: the caller re-runs
    /// once it is. Call it only where a search is about to run.
    pub fn wanted(&self) -> Option<Arc<SearchIndex>> {
        #[cfg(feature = "hydrate")]
        refresh::ask();
        self.0.get()
    }

    /// Starts decoding the index ahead of a search (the header's box gets focus).
    pub fn prepare(&self) {
        #[cfg(feature = "hydrate")]
        refresh::ask();
    }
}

#[cfg(feature = "hydrate")]
mod refresh {
    use super::LocalIndex;
    use crate::api::knowledge::KbSnapshot;
    use crate::idb::{self, SNAPSHOTS};
    use crate::model::SearchSnapshot;
    use crate::offline::raw_snapshot;
    use futures::channel::oneshot;
    use leptos::prelude::Set;
    use std::cell::RefCell;
    use std::sync::Arc;
    use wasm_bindgen::JsValue;

    /// The server's JSON of the snapshot, as it came; its version beside it.
    const KEY: &str = "search";
    const VERSION_KEY: &str = "search-version";

    /// Whether anything on this page has asked for the index, and how to tell the device's
    /// background work (which may start later) that something has.
    enum Asked {
        NotYet(Option<oneshot::Sender<()>>),
        Yes,
    }

    thread_local! {
        static ASKED: RefCell<Asked> = const { RefCell::new(Asked::NotYet(None)) };
    }

    pub fn ask() {
        ASKED.with(|asked| {
            if let Asked::NotYet(Some(waiting)) =
                std::mem::replace(&mut *asked.borrow_mut(), Asked::Yes)
            {
                let _ = waiting.send(());
            }
        });
    }

    fn asked() -> bool {
        ASKED.with(|asked| matches!(*asked.borrow(), Asked::Yes))
    }

    async fn until_asked() {
        let rx = ASKED.with(|asked| match &mut *asked.borrow_mut() {
            Asked::Yes => None,
            Asked::NotYet(waiting) => {
                let (tx, rx) = oneshot::channel();
                *waiting = Some(tx);
                Some(rx)
            }
        });
        if let Some(rx) = rx {
            let _ = rx.await;
        }
    }

    fn decode(json: &str) -> Option<Arc<crate::search::SearchIndex>> {
        serde_json::from_str::<SearchSnapshot>(json)
            .ok()
            .map(|s| Arc::new(s.index))
    }

    /// Brings the kept index up to date, then, once something asks for it, decodes it. Failures
    /// (offline, signed out) leave whatever was kept: it still answers.
    pub async fn load_and_refresh(local: LocalIndex) {
        use leptos::server_fn::ServerFn;
        let have = idb::get(SNAPSHOTS, VERSION_KEY).await.ok().flatten();
        let mut fresh_json = None;
        match raw_snapshot::fetch(<KbSnapshot as ServerFn>::PATH, have.as_deref()).await {
            Ok(Some(fresh)) => {
                let kept = idb::put_all(
                    SNAPSHOTS,
                    vec![
                        (KEY, fresh.body.clone().into()),
                        (VERSION_KEY, JsValue::from_str(&fresh.version)),
                    ],
                )
                .await;
                if let Err(e) = kept {
                    leptos::logging::warn!("could not keep the search index on this device: {e}");
                }
                fresh_json = Some(fresh.body);
            }
            Ok(None) => {}
            Err(e) => leptos::logging::log!("search index not refreshed: {e}"),
        }
        if !asked() {
            // Not kept in memory meanwhile: it is in IndexedDB.
            drop(fresh_json.take());
            until_asked().await;
        }
        let json = match fresh_json {
            Some(body) => Some(String::from(body)),
            None => idb::get(SNAPSHOTS, KEY).await.ok().flatten(),
        };
        if let Some(index) = json.as_deref().and_then(decode) {
            local.0.set(Some(index));
        }
    }
}

#[cfg(feature = "hydrate")]
pub use refresh::load_and_refresh;
