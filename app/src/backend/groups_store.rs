//! The storage interface of assignment groups. Each change writes its audit entry in the same
//! transaction; a rename changes the name on people, items and tickets in that transaction too.

use super::audit_store::AuditEntry;
use super::store::{StoreResult, Written};
use crate::model::GroupView;

#[async_trait::async_trait]
pub trait GroupsStore: Send + Sync {
    /// Every group, recorded or only in use, by name, with members and counts.
    async fn groups(&self) -> StoreResult<Vec<GroupView>>;
    /// Saves the group `name` as `new_name` with `description` if it is at revision `expect`
    /// (0: it has no record yet, and gets one). A new name replaces the old one everywhere.
    async fn save_group(
        &self,
        name: &str,
        new_name: &str,
        description: &str,
        expect: i64,
        audit: &AuditEntry,
    ) -> StoreResult<Written>;
    /// Adds (`member`) or removes the person `email` in group `name`, with `audit`. False when
    /// there is nothing to change.
    async fn set_member(
        &self,
        name: &str,
        email: &str,
        member: bool,
        audit: &AuditEntry,
    ) -> StoreResult<bool>;
}
