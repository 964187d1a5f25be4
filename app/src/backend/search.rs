//! This instance's copy of the search index. Every search first reads the shared content
//! version (one indexed row); when another instance has changed an article since, the index is
//! rebuilt here before answering. No restart, no message bus, and never a stale answer. The
//! editors' live synonym groups go into the index too: changing them moves the same version.

use super::store::{Store, StoreResult};
use crate::search::{SearchIndex, Synonyms};
use std::sync::{Arc, RwLock};

#[derive(Default)]
pub struct SearchCache {
    current: RwLock<Option<(i64, Arc<SearchIndex>)>>,
}

impl SearchCache {
    /// The index as of the database's current version.
    pub async fn index(&self, store: &dyn Store) -> StoreResult<Arc<SearchIndex>> {
        Ok(self.versioned(store).await?.1)
    }

    /// The index with the content version it was built from (the browser's snapshot carries
    /// it, to ask later whether there is anything newer).
    pub async fn versioned(&self, store: &dyn Store) -> StoreResult<(i64, Arc<SearchIndex>)> {
        let version = store.search_version().await?;
        if let Some((v, index)) = self.current.read().expect("search cache lock").as_ref() {
            if *v == version {
                return Ok((*v, index.clone()));
            }
        }
        let (version, documents) = store.search_documents().await?;
        let groups = store.synonym_groups().await?;
        let mut index = SearchIndex::build(&documents);
        index.set_synonyms(Synonyms::compile(&super::synonyms::live(&groups)));
        let index = Arc::new(index);
        super::metrics::METRICS.search_index_rebuilds.inc();
        let mut slot = self.current.write().expect("search cache lock");
        // Two requests may rebuild at once; keep the newer version.
        if slot.as_ref().is_none_or(|(v, _)| *v <= version) {
            *slot = Some((version, index.clone()));
        }
        Ok((version, index))
    }
}
