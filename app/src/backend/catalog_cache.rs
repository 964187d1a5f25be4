//! This instance's copy of what the catalog pages show: the catalog, each item's page data and
//! the store-fault list of the report page. The same for every visitor and changed only by
//! administrators, yet asked for on nearly every request; reading it from the database and
//! rendering item descriptions each time was most of those pages' cost.
//!
//! Like the search index (`backend::search`), each use first reads the shared `catalog` content
//! version (one indexed row, bumped by database triggers on every table these pages read); when
//! any instance changed the catalog since, the entries are dropped and loaded again. So an edit
//! shows at once on every instance, with no message between them.

use super::store::StoreResult;
use std::any::Any;
use std::collections::HashMap;
use std::future::Future;
use std::sync::{Arc, RwLock};

/// Loaded values by key, all valid for one catalog version.
#[derive(Default)]
pub struct CatalogCache {
    slot: RwLock<Slot>,
}

#[derive(Default)]
struct Slot {
    version: i64,
    entries: HashMap<String, Arc<dyn Any + Send + Sync>>,
}

/// More distinct keys than this (slugs nobody has, typed by hand or by a scanner) and the
/// entries start over, so the cache cannot grow without bound.
const MAX_ENTRIES: usize = 4096;

impl CatalogCache {
    /// The value under `key` as of catalog `version`, loaded with `load` when missing. Read the
    /// version before calling: data loaded after it is at least as new, never older.
    pub async fn get_or_load<T, F, Fut>(
        &self,
        version: i64,
        key: &str,
        load: F,
    ) -> StoreResult<Arc<T>>
    where
        T: Send + Sync + 'static,
        F: FnOnce() -> Fut,
        Fut: Future<Output = StoreResult<T>>,
    {
        if let Some(hit) = self.lookup::<T>(version, key) {
            return Ok(hit);
        }
        let value = Arc::new(load().await?);
        let mut slot = self.slot.write().expect("catalog cache lock");
        if version > slot.version || slot.entries.len() >= MAX_ENTRIES {
            slot.version = slot.version.max(version);
            slot.entries.clear();
        }
        // A request that read an older version than the cache already holds keeps its answer
        // to itself rather than storing it under the newer version.
        if version == slot.version {
            slot.entries.insert(key.to_string(), value.clone());
        }
        Ok(value)
    }

    fn lookup<T: Send + Sync + 'static>(&self, version: i64, key: &str) -> Option<Arc<T>> {
        let slot = self.slot.read().expect("catalog cache lock");
        if slot.version != version {
            return None;
        }
        slot.entries
            .get(key)
            .and_then(|entry| entry.clone().downcast::<T>().ok())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(value: &'static str) -> impl Future<Output = StoreResult<String>> {
        std::future::ready(Ok(value.to_string()))
    }

    #[tokio::test]
    async fn a_value_is_loaded_once_per_version_and_again_after_a_change() {
        let cache = CatalogCache::default();
        let a = cache
            .get_or_load(3, "laptop", || load("first"))
            .await
            .unwrap();
        assert_eq!(*a, "first");
        let b = cache
            .get_or_load(3, "laptop", || load("second"))
            .await
            .unwrap();
        assert_eq!(*b, "first", "same version: the cached value");
        let c = cache
            .get_or_load(4, "laptop", || load("third"))
            .await
            .unwrap();
        assert_eq!(*c, "third", "the version moved: loaded again");
        // A request still holding the older version is answered but does not replace it.
        let d = cache
            .get_or_load(3, "laptop", || load("stale"))
            .await
            .unwrap();
        assert_eq!(*d, "stale");
        let e = cache
            .get_or_load(4, "laptop", || load("fourth"))
            .await
            .unwrap();
        assert_eq!(*e, "third");
    }

    #[tokio::test]
    async fn keys_of_different_types_do_not_mix() {
        let cache = CatalogCache::default();
        cache.get_or_load(1, "k", || load("text")).await.unwrap();
        let n = cache
            .get_or_load(1, "k", || std::future::ready(Ok::<u32, _>(7)))
            .await
            .unwrap();
        assert_eq!(*n, 7);
    }

    #[tokio::test]
    async fn a_failed_load_is_not_cached() {
        let cache = CatalogCache::default();
        let failed = cache
            .get_or_load(1, "k", || {
                std::future::ready(Err::<String, _>(super::super::store::StoreError(
                    "down".into(),
                )))
            })
            .await;
        assert!(failed.is_err());
        let ok = cache.get_or_load(1, "k", || load("up")).await.unwrap();
        assert_eq!(*ok, "up");
    }
}
