//! Builds the offline snapshot (`api::offline`) and keeps it for a minute: every tab asks for it
//! when it starts, and building it reads every item and article.

use super::{catalog_read, internal, AppState};
use crate::model::{AppError, DeviceSnapshot, ServicePreview};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Long enough that a shop opening with 20 tablets builds it once; short enough that a retired
/// item leaves the devices' forms within minutes.
const KEEP_FOR: Duration = Duration::from_secs(60);

/// One snapshot per language: the catalog in it reads in the device's person's language.
#[derive(Default)]
pub struct SnapshotCache {
    current: Mutex<HashMap<String, (Instant, Arc<DeviceSnapshot>)>>,
}

impl SnapshotCache {
    pub async fn get(
        &self,
        state: &AppState,
        locale: &str,
    ) -> Result<Arc<DeviceSnapshot>, AppError> {
        if let Some((at, snapshot)) = self.current.lock().expect("snapshot lock").get(locale) {
            if at.elapsed() < KEEP_FOR {
                return Ok(snapshot.clone());
            }
        }
        let fresh = Arc::new(build(state, locale).await?);
        self.current
            .lock()
            .expect("snapshot lock")
            .insert(locale.to_string(), (Instant::now(), fresh.clone()));
        Ok(fresh)
    }

    /// Forgets the kept snapshots (tests, and after an editor changes content on this instance).
    pub fn clear(&self) {
        self.current.lock().expect("snapshot lock").clear();
    }
}

async fn build(state: &AppState, locale: &str) -> Result<DeviceSnapshot, AppError> {
    let store = state.store.as_ref();
    let version = store.catalog_version().await.map_err(internal)?;
    let words = catalog_read::Words::of(&state.catalog_cache, store, version)
        .await
        .map_err(internal)?;
    let catalog = catalog_read::catalog(&state.catalog_cache, store, locale)
        .await
        .map_err(internal)?;
    let catalog = (*catalog).clone();
    let mut items = Vec::with_capacity(catalog.items.len());
    let mut faults = Vec::new();
    for card in &catalog.items {
        let Some(mut detail) = store.item_detail(&card.slug).await.map_err(internal)? else {
            continue;
        };
        if detail.form.is_store_fault(card.kind) {
            faults.push(card.slug.clone());
        }
        detail.stores.clear();
        detail.assets.clear();
        detail.description_html = super::markdown::render(&detail.description);
        words.translate_detail(&mut detail, locale);
        items.push(detail);
    }
    let service = Some(ServicePreview {
        levels: state.service_levels.in_language(locale),
        store_hours: store.all_store_hours().await.map_err(internal)?,
    });
    let (_, documents) = store.search_documents().await.map_err(internal)?;
    let mut articles = Vec::new();
    for doc in documents
        .iter()
        .filter(|d| d.kind == crate::search::DocKind::Article)
    {
        if let Some(view) = super::articles::published(store, &doc.key).await? {
            articles.push(view);
        }
    }
    let mut snapshot = DeviceSnapshot {
        version: String::new(),
        built_at: chrono::Utc::now(),
        catalog,
        items,
        stores: store.stores().await.map_err(internal)?,
        assets: store.assets().await.map_err(internal)?,
        service,
        faults,
        articles,
        planned_changes: super::change_calendar::planned(store, chrono::Utc::now()).await?,
    };
    snapshot.version = version_of(&snapshot)?;
    Ok(snapshot)
}

/// A digest of everything but the build time, so an unchanged catalog keeps its version across
/// rebuilds and instances, and the devices download nothing.
fn version_of(snapshot: &DeviceSnapshot) -> Result<String, AppError> {
    let mut content = serde_json::to_value(snapshot).map_err(internal)?;
    if let Some(map) = content.as_object_mut() {
        map.remove("built_at");
        map.remove("version");
        // Read counts change with every visit; they are not worth a new download.
        if let Some(articles) = map.get_mut("articles").and_then(|a| a.as_array_mut()) {
            for a in articles {
                if let Some(a) = a.as_object_mut() {
                    a.remove("views");
                }
            }
        }
    }
    let digest = Sha256::digest(content.to_string().as_bytes());
    Ok(digest.iter().take(8).map(|b| format!("{b:02x}")).collect())
}
