//! Storage adapters implementing `app::backend::store::Store`: SQLite (the embedded default) and
//! PostgreSQL (several instances on one database). Both run the same SQL, written once in
//! `sql.rs`; each adapter keeps its connection options and its own migrations under
//! `server/migrations/<database>/`.

pub mod batch_queue;
mod columns;
pub mod postgres;
mod sql;
mod sql_approvals;
mod sql_audit;
mod sql_catalog_admin;
mod sql_changes;
mod sql_dashboard;
mod sql_desk;
mod sql_groups;
mod sql_history;
mod sql_identity;
mod sql_integrations;
mod sql_learning;
mod sql_mail;
mod sql_people;
mod sql_places;
mod sql_problems;
mod sql_synonyms;
mod sql_throttle;
pub mod sqlite;
pub(crate) mod sqlite_inline;

use crate::config::Config;
use crate::seed::SeedData;
use app::backend::store::{Store, StoreError, StoreResult};
use chrono::{DateTime, Utc};
use std::sync::Arc;

/// A session to look up with others in one query (`postgres::read_sessions`).
pub(crate) struct SessionLookup {
    pub token_hash: String,
    /// The caller's clock: the session must not have expired by then.
    pub now: DateTime<Utc>,
}

/// What a session lookup finds while the session is valid: its user and the stamp of the pages
/// that user may be served from a cache (`app::backend::store::PageStamp`).
pub(crate) type SessionFound = Option<(app::model::UserView, app::backend::store::PageStamp)>;

/// An account made on the command line (`server admin create`).
pub struct NewAccount<'a> {
    /// Lowercased.
    pub email: &'a str,
    pub name: &'a str,
    pub role: app::model::Role,
    pub password_hash: &'a str,
}

pub(crate) fn db_err(e: impl std::fmt::Display) -> StoreError {
    StoreError(e.to_string())
}

/// The index that keeps one article per language in a group of translations refused a write
/// (two editors saved versions in one language at the same moment). SQLite names the index in
/// its message; PostgreSQL as the constraint.
pub(crate) fn language_taken(e: &sqlx::Error) -> bool {
    const INDEX: &str = "articles_one_per_language";
    matches!(e, sqlx::Error::Database(d)
        if d.is_unique_violation()
            && (d.constraint() == Some(INDEX) || d.message().contains(INDEX)))
}

/// What the server itself does with the database, beyond what server functions ask: demo data
/// (and the demo history), and the periodic jobs (see `crate::jobs`). Kept out of `Store`,
/// which the app crate sees.
#[async_trait::async_trait]
pub trait Housekeeping: Store + crate::demo_history::HistoryStore {
    /// True when no catalog has been loaded yet.
    async fn is_empty(&self) -> StoreResult<bool>;
    /// Writes the demo data in one transaction, unless another instance already did (or is
    /// doing it right now: the claim waits for its transaction). Returns whether it wrote.
    async fn load_seed(
        &self,
        data: &SeedData,
        password_hash: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<bool>;
    /// Claims `job` for `slot` (a numbered time window). Exactly one caller across all
    /// instances gets `true` for a given pair; it is then the one that runs the job.
    async fn claim_job(
        &self,
        job: &str,
        slot: i64,
        instance: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<bool>;
    /// Deletes sessions that expired before `now`, and job claims older than `claims_before`.
    async fn purge_expired(
        &self,
        now: DateTime<Utc>,
        claims_before: DateTime<Utc>,
    ) -> StoreResult<u64>;
    /// Queues a reminder for each approver a waiting approval chain last asked or reminded
    /// before `cutoff`, noting them reminded at `now`. Answers how many were queued.
    async fn remind_approvers(&self, cutoff: DateTime<Utc>, now: DateTime<Utc>)
        -> StoreResult<u64>;
    /// Tickets resolved with no change since before `cutoff`.
    async fn resolved_before(&self, cutoff: DateTime<Utc>) -> StoreResult<Vec<i64>>;
    /// The user that authors what Deskfront does by itself.
    async fn system_user(&self) -> StoreResult<i64>;
    /// Password hashes that more than one account has. Argon2 salts every hash, so only a bulk
    /// load writes the same hash twice: the demo accounts share one (see `crate::demo_guard`).
    async fn shared_password_hashes(&self) -> StoreResult<Vec<String>>;
    /// Creates a local account and writes `audit` with it; `None` (and nothing written) when
    /// the e-mail address already has an account.
    async fn create_local_account(
        &self,
        account: &NewAccount<'_>,
        audit: &app::backend::audit_store::AuditEntry,
    ) -> StoreResult<Option<i64>>;
    /// Re-gathers the query planner's table statistics (`ANALYZE`, the same on both databases).
    async fn refresh_statistics(&self) -> StoreResult<()>;
}

/// The database the URL names, migrated. `postgres://` or `postgresql://` selects PostgreSQL;
/// `sqlite:` selects the embedded file (its folder is created if missing).
pub async fn open(config: &Config) -> Result<Arc<dyn Housekeeping>, crate::BoxError> {
    let url = config.database_url.as_str();
    tracing::info!(database = %redacted(url), "opening the database");
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        return Ok(Arc::new(postgres::PgStore::connect(config).await?));
    }
    if let Some(path) = url
        .strip_prefix("sqlite://")
        .or(url.strip_prefix("sqlite:"))
    {
        let file = path.split('?').next().unwrap_or_default();
        if let Some(dir) = std::path::Path::new(file)
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
        {
            std::fs::create_dir_all(dir)?;
        }
        return Ok(Arc::new(sqlite::SqliteStore::connect(config).await?));
    }
    Err(format!(
        "database_url must start with sqlite: or postgres:// (got {})",
        redacted(url)
    )
    .into())
}

/// The URL with any password replaced, for logs and error messages.
pub fn redacted(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let (authority, tail) = match rest.find(['/', '?']) {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    let tail = redact_query_password(tail);
    match authority.rsplit_once('@') {
        Some((userinfo, host)) => match userinfo.split_once(':') {
            Some((user, _password)) => format!("{scheme}://{user}:***@{host}{tail}"),
            None => format!("{scheme}://{userinfo}@{host}{tail}"),
        },
        None => format!("{scheme}://{authority}{tail}"),
    }
}

fn redact_query_password(tail: &str) -> String {
    let Some((path, query)) = tail.split_once('?') else {
        return tail.to_string();
    };
    let query: Vec<String> = query
        .split('&')
        .map(|pair| match pair.split_once('=') {
            Some((k, _)) if k.eq_ignore_ascii_case("password") => format!("{k}=***"),
            _ => pair.to_string(),
        })
        .collect();
    format!("{path}?{}", query.join("&"))
}

#[cfg(test)]
mod tests {
    use super::redacted;

    #[test]
    fn passwords_never_reach_the_log() {
        assert_eq!(
            redacted("postgres://desk:s3cret@db.internal:5432/deskfront?sslmode=require"),
            "postgres://desk:***@db.internal:5432/deskfront?sslmode=require"
        );
        assert_eq!(
            redacted("postgres://desk@db/deskfront?password=s3cret&sslmode=verify-full"),
            "postgres://desk@db/deskfront?password=***&sslmode=verify-full"
        );
        assert_eq!(
            redacted("sqlite://data/deskfront.db"),
            "sqlite://data/deskfront.db"
        );
        assert!(!redacted("postgresql://a:p%40ss@h/d").contains("p%40ss"));
    }
}
