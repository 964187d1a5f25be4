//! The storage interface of stores and devices as administrators manage them. Imports write
//! every row and their audit entry in one transaction: all or nothing.

use super::audit_store::AuditEntry;
use super::store::{StoreResult, Written};
use crate::model::{DeviceAdminView, StoreAdminView};

#[async_trait::async_trait]
pub trait PlacesStore: Send + Sync {
    /// Stores whose code, name or region contains `text` (any case), by code, with their
    /// device counts; `limit` of them after `offset`, and how many match in all.
    async fn stores_page(
        &self,
        text: Option<&str>,
        offset: u64,
        limit: u32,
    ) -> StoreResult<(Vec<StoreAdminView>, u64)>;
    /// Every store, by code (device counts included).
    async fn all_stores(&self) -> StoreResult<Vec<StoreAdminView>>;
    /// Every device, or those of one store, by tag.
    async fn devices(&self, store: Option<&str>) -> StoreResult<Vec<DeviceAdminView>>;
    /// Creates or updates each store (by code), with `audit`, in one transaction.
    async fn import_stores(&self, rows: &[StoreAdminView], audit: &AuditEntry) -> StoreResult<()>;
    /// Creates or updates each device (by tag), with `audit`, in one transaction.
    async fn import_devices(&self, rows: &[DeviceAdminView], audit: &AuditEntry)
        -> StoreResult<()>;
    /// Creates (`expect` 0) or updates one store if it is at revision `expect`, with `audit`.
    async fn save_store(
        &self,
        store: &StoreAdminView,
        expect: i64,
        audit: &AuditEntry,
    ) -> StoreResult<Written>;
    /// Creates (`expect` 0) or updates one device if it is at revision `expect`, with `audit`.
    async fn save_device(
        &self,
        device: &DeviceAdminView,
        expect: i64,
        audit: &AuditEntry,
    ) -> StoreResult<Written>;
}
