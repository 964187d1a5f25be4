//! Article view counts, counted in memory and written in batches.
//!
//! Writing a row per page view would put a durable commit on every article read and cap the
//! page at the database's commit rate. Instead each instance adds up views here and a
//! background task writes them every few seconds in one transaction, as increments, so several
//! instances never overwrite each other. A crash loses at most those seconds of views: a count
//! of readers, not a record anyone relies on.

use super::store::{Store, StoreResult};
use std::collections::HashMap;
use std::sync::Mutex;

#[derive(Default)]
pub struct ViewCounter {
    pending: Mutex<HashMap<String, i64>>,
}

impl ViewCounter {
    pub fn count(&self, slug: &str) {
        let mut pending = self.pending.lock().expect("view counter lock");
        *pending.entry(slug.to_string()).or_default() += 1;
    }

    /// Writes what was counted since the last flush. On failure the counts go back in the
    /// tally for the next try.
    pub async fn flush(&self, store: &dyn Store) -> StoreResult<usize> {
        let batch: Vec<(String, i64)> =
            std::mem::take(&mut *self.pending.lock().expect("view counter lock"))
                .into_iter()
                .collect();
        if let Err(e) = store.add_article_views(&batch).await {
            let mut pending = self.pending.lock().expect("view counter lock");
            for (slug, n) in batch {
                *pending.entry(slug).or_default() += n;
            }
            return Err(e);
        }
        Ok(batch.len())
    }
}
