//! What a device keeps so the portal works without a network: the catalog with every item's
//! form, and the published knowledge articles, as one versioned snapshot.

use super::catalog::{
    AssetOption, CatalogView, ItemDetail, ReportView, ServicePreview, StoreOption,
};
use super::knowledge::ArticleView;
use crate::domain::FieldKind;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The response header naming the version of a snapshot the server sends (`offline_snapshot`,
/// `kb_snapshot`). The device keeps the body as it came, without decoding it on the main thread,
/// and asks "newer than this?" next time with the header's value.
pub const SNAPSHOT_VERSION_HEADER: &str = "x-deskfront-snapshot-version";

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DeviceSnapshot {
    /// A digest of the content: the device asks "newer than this?" and gets nothing back if not.
    pub version: String,
    /// When the server built this content; the device shows "catalog as of" its own fetch time.
    pub built_at: DateTime<Utc>,
    pub catalog: CatalogView,
    /// Every offered item's page. The store and device lists and the service levels are kept
    /// once below instead of in each item (a chain's 500 stores would otherwise repeat 30 times).
    pub items: Vec<ItemDetail>,
    pub stores: Vec<StoreOption>,
    pub assets: Vec<AssetOption>,
    pub service: Option<ServicePreview>,
    /// The store faults offered on "Report a fault", in catalog order.
    pub faults: Vec<String>,
    pub articles: Vec<ArticleView>,
    /// Changes booked in the next `PLANNED_DAYS`, every store's: the device shows its
    /// person's store's ones (`components::planned_changes`).
    #[serde(default)]
    pub planned_changes: Vec<super::PlannedChange>,
}

impl DeviceSnapshot {
    /// An item's page as the server would send it, with a key made on this device.
    pub fn item(&self, slug: &str, submission_key: String) -> Option<ItemDetail> {
        let mut detail = self.items.iter().find(|i| i.card.slug == slug)?.clone();
        if detail.form.uses_lookups() {
            detail.stores = self.stores.clone();
            detail.assets = self.assets.clone();
        }
        if detail.form.asks_for(FieldKind::Impact) {
            detail.service = self.service.clone();
        }
        detail.submission_key = submission_key;
        Some(detail)
    }

    /// The article at `slug` for a reader of `locale`, as the server picks it
    /// (`backend::articles::for_reader`).
    pub fn article(&self, slug: &str, locale: &str, exact: bool) -> Option<ArticleView> {
        let found = self.articles.iter().find(|a| a.slug == slug)?;
        let own = found
            .version_for(locale, exact)
            .and_then(|own| self.articles.iter().find(|a| a.slug == own));
        Some(own.unwrap_or(found).clone())
    }

    /// The "Report a fault" page's content, with the store and device of a sticker's link
    /// when they exist (unknown codes are dropped, as on the server).
    pub fn report(&self, store: Option<&str>, asset: Option<&str>) -> ReportView {
        let store = store.and_then(|code| self.stores.iter().find(|s| s.code == code).cloned());
        let asset = asset.and_then(|tag| {
            self.assets
                .iter()
                .find(|a| a.tag == tag && store.as_ref().is_none_or(|s| s.code == a.store))
                .cloned()
        });
        let faults = self
            .faults
            .iter()
            .filter_map(|slug| self.catalog.items.iter().find(|c| &c.slug == slug).cloned())
            .collect();
        ReportView {
            store,
            asset,
            faults,
        }
    }
}
