//! The storage interface of synonym groups. Every change moves the knowledge base's content
//! version (`search`) in its own transaction, so each instance's search index and each device's
//! snapshot pick the change up, and writes its audit entry there too.

use super::audit_store::AuditEntry;
use super::store::{StoreResult, Written};
use crate::model::SynonymGroupView;
use chrono::{DateTime, Utc};

#[async_trait::async_trait]
pub trait SynonymStore: Send + Sync {
    /// Every group, live and retired, oldest first.
    async fn synonym_groups(&self) -> StoreResult<Vec<SynonymGroupView>>;
    /// Adds a group; answers its id.
    async fn add_synonym_group(
        &self,
        phrases: &[String],
        audit: &AuditEntry,
        now: DateTime<Utc>,
    ) -> StoreResult<i64>;
    /// Saves group `id` (its phrases, whether it is retired) if it is at revision `expect`.
    async fn save_synonym_group(
        &self,
        id: i64,
        phrases: &[String],
        retired: bool,
        expect: i64,
        audit: &AuditEntry,
        now: DateTime<Utc>,
    ) -> StoreResult<Written>;
    /// Adds `groups` unless this database already had its starter groups (several instances
    /// starting together included: one installs, the others see it done). True when it added.
    /// Not audited: like the migrations, it is what a new installation is, not anyone's change.
    async fn install_starter_synonyms(
        &self,
        groups: &[Vec<String>],
        now: DateTime<Utc>,
    ) -> StoreResult<bool>;
}
