//! The storage interface of people as administrators manage them. Imports and (de)activation
//! write their audit entry in the same transaction.

use super::audit_store::AuditEntry;
use super::store::StoreResult;
use crate::model::PersonView;

#[async_trait::async_trait]
pub trait PeopleStore: Send + Sync {
    /// People whose name or e-mail contains `text` (any case), by name; `limit` of them after
    /// `offset`, and how many match in all. Service accounts (the system, integrations) are not
    /// people.
    async fn people_page(
        &self,
        text: Option<&str>,
        offset: u64,
        limit: u32,
    ) -> StoreResult<(Vec<PersonView>, u64)>;
    /// Every person, by e-mail.
    async fn all_people(&self) -> StoreResult<Vec<PersonView>>;
    /// Creates or updates each person by e-mail (name, role, store, then line managers, then
    /// groups, which replace the person's groups), with `audit`, in one transaction. New people
    /// have no password: they sign in once an administrator gives them one.
    async fn import_people(&self, rows: &[PersonView], audit: &AuditEntry) -> StoreResult<()>;
    /// Deactivates (ending every session) or reactivates the person `email`, with `audit`.
    /// False when there is no such person or they are in that state already.
    async fn set_active(&self, email: &str, active: bool, audit: &AuditEntry) -> StoreResult<bool>;
}
