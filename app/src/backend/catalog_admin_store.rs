//! The storage interface of the catalog as editors manage it. Every write checks the revision
//! the editor opened inside its transaction and writes its audit entry in the same one, so two
//! editors never overwrite each other and no change goes unrecorded.

use super::audit_store::AuditEntry;
use super::store::{StoreResult, Written};
use crate::domain::FormSchema;
use crate::model::{CategoryAdminView, CategoryRecord, ItemAdminRow, ItemRecord};
use serde::{Deserialize, Serialize};

/// An item's unpublished changes, kept as one JSON value with the item.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredDraft {
    pub item: ItemRecord,
    pub form: FormSchema,
}

/// An item as stored, for the editor and for publishing.
#[derive(Clone, Debug, PartialEq)]
pub struct ItemState {
    /// What requesters see (for an item never published: what it was created with).
    pub live: ItemRecord,
    /// The form requesters answer; none when never published.
    pub live_form: Option<FormSchema>,
    pub draft: Option<StoredDraft>,
    pub revision: i64,
    pub retired: bool,
    pub published_version: i64,
}

/// A form version to write when publishing.
#[derive(Clone, Debug)]
pub struct NewFormVersion {
    pub version: i64,
    pub schema_json: String,
}

#[async_trait::async_trait]
pub trait CatalogAdminStore: Send + Sync {
    /// Every category with its revision and live item count, siblings by position (depth 0;
    /// the caller arranges the tree).
    async fn admin_categories(&self) -> StoreResult<Vec<CategoryAdminView>>;
    /// Creates (`expect` 0) or updates the category `record.slug` if it is at `expect`.
    async fn save_category(
        &self,
        record: &CategoryRecord,
        expect: i64,
        audit: &AuditEntry,
    ) -> StoreResult<Written>;
    /// Items whose name, slug or keywords contain `text` (any case), by name; `limit` after
    /// `offset`, and how many match in all. Retired and unpublished ones included.
    async fn items_page(
        &self,
        text: Option<&str>,
        offset: u64,
        limit: u32,
    ) -> StoreResult<(Vec<ItemAdminRow>, u64)>;
    async fn item_state(&self, slug: &str) -> StoreResult<Option<ItemState>>;
    /// Saves `draft` as the item's unpublished changes: creates the item (unpublished) when
    /// `expect` is 0, else updates it if it is at `expect`.
    async fn save_item_draft(
        &self,
        draft: &StoredDraft,
        expect: i64,
        audit: &AuditEntry,
    ) -> StoreResult<Written>;
    /// Makes `record` live, writes `form` as its next version when given, drops the draft;
    /// if the item is at `expect`.
    async fn publish_item(
        &self,
        record: &ItemRecord,
        form: Option<&NewFormVersion>,
        expect: i64,
        audit: &AuditEntry,
    ) -> StoreResult<Written>;
    async fn set_item_retired(
        &self,
        slug: &str,
        retired: bool,
        expect: i64,
        audit: &AuditEntry,
    ) -> StoreResult<Written>;
    /// Every assignment group that agents work in or items are fulfilled by, sorted.
    async fn known_groups(&self) -> StoreResult<Vec<String>>;
}
