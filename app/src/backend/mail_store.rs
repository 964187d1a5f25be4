//! The storage interface of the mail outbox (see `domain::mail` for the rules and the
//! migration `0017_mail_outbox.sql` for the table). Mails are queued by the store itself, in
//! the transaction that records the ticket event causing them; this trait is how the sender and
//! the pages read and settle them.

use super::store::StoreResult;
use crate::domain::mail::MailFacts;
use crate::model::{MailLogFilter, MailLogRow, Page};
use chrono::{DateTime, Utc};

/// A mail claimed for sending.
#[derive(Clone, Debug, PartialEq)]
pub struct QueuedMail {
    pub id: i64,
    pub recipient: String,
    /// The recipient's language setting (none: the portal's default), read when the mail goes
    /// out, so a person who changed it since gets the new one.
    pub language: Option<String>,
    pub facts: MailFacts,
    pub attempts: i64,
    pub created_at: DateTime<Utc>,
}

/// A due mail, and the digest it belongs to.
#[derive(Clone, Debug, PartialEq)]
pub struct DueMail {
    pub id: i64,
    pub digest_key: Option<String>,
}

/// What became of a send.
#[derive(Clone, Debug, PartialEq)]
pub enum MailOutcome {
    Sent,
    /// The server was down or refused for now: pending again from `at`.
    Retry {
        at: DateTime<Utc>,
        error: String,
    },
    /// Refused for good (an address the server does not take), or retried for too long.
    Failed {
        error: String,
    },
}

#[async_trait::async_trait]
pub trait MailStore: Send + Sync {
    /// Pending mails due at `now`, oldest first.
    async fn due_mails(&self, now: DateTime<Utc>, limit: i64) -> StoreResult<Vec<DueMail>>;

    /// When the oldest pending mail of digest `key` was queued, and when the last one sent
    /// with that key went.
    async fn digest_times(
        &self,
        key: &str,
    ) -> StoreResult<(Option<DateTime<Utc>>, Option<DateTime<Utc>>)>;

    /// Holds the pending mails of digest `key` until `at`.
    async fn defer_digest(&self, key: &str, at: DateTime<Utc>) -> StoreResult<()>;

    /// Marks mail `id` — or, with a digest key, every pending mail with that key — as being
    /// sent under `token` by `instance`, and returns what this call claimed: nothing when
    /// another instance was first. A conditional update, so two instances never both win.
    async fn claim_mails(
        &self,
        id: i64,
        digest_key: Option<&str>,
        token: &str,
        instance: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<Vec<QueuedMail>>;

    /// Records the outcome of the send of the mails claimed under `token`.
    async fn settle_mails(
        &self,
        token: &str,
        outcome: &MailOutcome,
        now: DateTime<Utc>,
    ) -> StoreResult<()>;

    /// Mails still marked as being sent since before `before`: their sender stopped between
    /// claiming and recording. They are marked uncertain and never sent again by themselves
    /// (see `server::mail` for why); the admins' mail log lists them.
    async fn abandon_stale_claims(&self, before: DateTime<Utc>) -> StoreResult<u64>;

    /// The newest mails first, for the admins' mail log.
    async fn mail_log(
        &self,
        filter: MailLogFilter,
        page: u32,
        per_page: u32,
    ) -> StoreResult<Page<MailLogRow>>;

    /// The kinds (keys of `domain::mail::MailKind`) a person turned off.
    async fn mail_opt_outs(&self, user_id: i64) -> StoreResult<Vec<String>>;

    /// Replaces a person's opt-outs.
    async fn set_mail_opt_outs(&self, user_id: i64, kinds: &[String]) -> StoreResult<()>;

    /// Deletes settled mails older than `before`.
    async fn purge_mails(&self, before: DateTime<Utc>) -> StoreResult<u64>;
}
