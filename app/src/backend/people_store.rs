//! The storage interface of people as administrators manage them. Imports and (de)activation
//! write their audit entry in the same transaction.

use super::audit_store::AuditEntry;
use super::store::{StoreResult, Written};
use crate::model::PersonView;
use chrono::{DateTime, Utc};

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
    /// Creates (`expect` 0) or updates one person (name, role, store, line manager, groups) if
    /// they are at revision `expect`, with `audit`. A new person has no password yet.
    async fn save_person(
        &self,
        person: &PersonView,
        expect: i64,
        audit: &AuditEntry,
    ) -> StoreResult<Written>;
    /// Deactivates (ending every session) or reactivates the person `email`, with `audit`.
    /// False when there is no such person or they are in that state already.
    async fn set_active(&self, email: &str, active: bool, audit: &AuditEntry) -> StoreResult<bool>;
    /// Stores a one-time password link (only its token's hash) for the active person `email`,
    /// with `audit`. False when there is no such active person.
    async fn create_password_link(
        &self,
        email: &str,
        link: &NewPasswordLink<'_>,
        audit: &AuditEntry,
    ) -> StoreResult<bool>;
    /// The e-mail address of the active person whose link hashes to `token_hash`, if the link
    /// is unused and unexpired at `now`.
    async fn password_link_owner(
        &self,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<Option<String>>;
    /// Uses the link at `audit.at`: sets its person's password hash, ends their sessions and
    /// writes `audit`, in one transaction. False when the link was used, expired or unknown.
    async fn set_password_by_link(
        &self,
        token_hash: &str,
        password_hash: &str,
        audit: &AuditEntry,
    ) -> StoreResult<bool>;
    /// Sets the language person `user_id` reads the portal in (none: as their browser asks).
    async fn set_language(&self, user_id: i64, language: Option<&str>) -> StoreResult<()>;
}

/// A password link about to be stored.
pub struct NewPasswordLink<'a> {
    pub token_hash: &'a str,
    pub created_by: i64,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}
