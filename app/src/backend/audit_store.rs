//! The storage interface of the audit log. Entries are written by the stores' own change
//! methods, inside the transaction of the change they record (each such method takes an
//! `AuditEntry`); this trait only reads them back. Nothing updates or deletes an entry, and the
//! database refuses it too (migration 0010).

use super::store::StoreResult;
use crate::model::{AuditEntryView, AuditKind};
use chrono::{DateTime, Utc};

/// An entry about to be written with the change it records.
#[derive(Clone, Debug, PartialEq)]
pub struct AuditEntry {
    /// The person who made the change; `None` for the server's command line.
    pub actor_id: Option<i64>,
    /// Their name (or "command line") at the time.
    pub actor: String,
    pub kind: AuditKind,
    /// A verb: "create", "update", "revoke", "import", …
    pub action: &'static str,
    /// What was changed, as people name it: an e-mail address, an item's slug, a token's name.
    pub subject: String,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
    pub at: DateTime<Utc>,
}

/// Which entries to read. Every part is optional; `text` matches the subject or the actor,
/// ignoring case.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AuditFilter {
    pub kind: Option<AuditKind>,
    pub text: Option<String>,
    /// From this time on (inclusive).
    pub from: Option<DateTime<Utc>>,
    /// Before this time (exclusive).
    pub until: Option<DateTime<Utc>>,
}

#[async_trait::async_trait]
pub trait AuditStore: Send + Sync {
    /// Entries matching `filter`, newest first, `limit` of them after skipping `offset`; and
    /// how many match in all.
    async fn audit_entries(
        &self,
        filter: &AuditFilter,
        offset: u64,
        limit: u32,
    ) -> StoreResult<(Vec<AuditEntryView>, u64)>;
}
