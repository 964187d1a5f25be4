//! PostgreSQL, for several server instances on one database. The statements are shared with
//! SQLite (`sql.rs`); what is PostgreSQL's own is here: pool and timeouts, TLS, migrations.

use crate::config::{Config, DatabaseSettings};
use sqlx::postgres::{PgConnectOptions, PgPoolOptions, PgSslMode};
use sqlx::PgPool;
use std::str::FromStr;
use std::time::Duration;

use super::batch_queue::BatchQueue;
use super::{SessionFound, SessionLookup};

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

#[derive(Clone)]
pub struct PgStore {
    pub pool: PgPool,
    /// New tickets, committed in groups (`super::batch_queue`).
    tickets: BatchQueue<NewTicket, Created>,
    /// Session lookups, read together (`read_sessions`).
    sessions: BatchQueue<SessionLookup, SessionFound>,
}

impl PgStore {
    /// Connects and applies pending migrations. sqlx's migrator holds an advisory lock while it
    /// runs, so instances starting together migrate once.
    pub async fn connect(config: &Config) -> Result<Self, sqlx::Error> {
        let db = &config.database;
        let options = connect_options(&config.database_url, db)?;
        let pool = PgPoolOptions::new()
            .max_connections(db.max_connections)
            .min_connections(db.min_connections)
            .acquire_timeout(Duration::from_secs(db.acquire_timeout_secs))
            .connect_with(options)
            .await?;
        MIGRATOR.run(&pool).await?;
        let writer_pool = pool.clone();
        let growth = std::sync::Arc::new(Growth::default());
        let tickets = BatchQueue::spawn(move |batch| {
            let pool = writer_pool.clone();
            let growth = growth.clone();
            async move {
                let results = write_tickets(&pool, batch).await;
                growth.written(&pool, results.iter().filter(|r| r.is_ok()).count() as u64);
                results
            }
        });
        let reader_pool = pool.clone();
        let sessions = BatchQueue::spawn(move |batch| {
            let pool = reader_pool.clone();
            async move { read_sessions(&pool, batch).await }
        });
        Ok(Self {
            pool,
            tickets,
            sessions,
        })
    }

    /// Every read goes over the connection to the server: there is no shortcut as SQLite's
    /// (`super::sqlite_inline`).
    fn inline(&self) -> Option<&super::sqlite_inline::InlineReads> {
        None
    }

    fn shared_session_reads(&self) -> Option<&BatchQueue<SessionLookup, SessionFound>> {
        Some(&self.sessions)
    }
}

/// Keeps the planner's statistics of the ticket tables in step with their first growth.
///
/// Every new event is checked against its ticket (a foreign key), by a plan each connection
/// makes once and keeps. Made while the table was nearly empty, that plan reads the whole table,
/// and it is kept until the table's statistics are refreshed: from an empty database, sixteen
/// clients submitting for half a minute left each batch's events scanning tens of thousands of
/// tickets (PostgreSQL's `pg_stat_statements`: the events' insert took 1.5–3 ms a batch, twice the
/// tickets' own), and autovacuum had not analysed the table since. So each time this instance
/// has written twice as many tickets as at the last refresh (from 1,000), it analyses the two
/// tables, which makes every connection plan again. Doubling keeps the refreshes few.
struct Growth {
    written: std::sync::atomic::AtomicU64,
    next: std::sync::atomic::AtomicU64,
}

impl Default for Growth {
    fn default() -> Self {
        Self {
            written: 0.into(),
            next: 1_000.into(),
        }
    }
}

impl Growth {
    fn written(&self, pool: &PgPool, count: u64) {
        use std::sync::atomic::Ordering::Relaxed;
        let written = self.written.fetch_add(count, Relaxed) + count;
        let next = self.next.load(Relaxed);
        if written < next
            || self
                .next
                .compare_exchange(next, next * 2, Relaxed, Relaxed)
                .is_err()
        {
            return;
        }
        let pool = pool.clone();
        tokio::spawn(async move {
            if let Err(e) = sqlx::query("ANALYZE tickets, ticket_events")
                .execute(&pool)
                .await
            {
                tracing::warn!(error = %e, "could not refresh the ticket tables' statistics");
            }
        });
    }
}

/// One query for every session lookup waiting (`super::batch_queue`): a signed-in page served
/// from the page cache costs its session's round trip and little else, so sixteen readers at
/// once made sixteen round trips where one does. Lookups of the same session (one person's
/// tabs, a load test's one cookie) are read once.
///
/// Each lookup is answered from a read that began after its caller asked, at a clock no earlier
/// than its own, so it is never staler than a query of its own would have been.
async fn read_sessions(
    pool: &PgPool,
    lookups: Vec<SessionLookup>,
) -> Vec<StoreResult<SessionFound>> {
    static SQL: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let sql = SQL.get_or_init(|| {
        format!(
            "SELECT s.token_hash, {USER_COLUMNS}, {PAGE_STAMP_COLUMNS} \
             FROM sessions s JOIN users u ON u.id = s.user_id \
             WHERE s.token_hash = ANY($1) AND s.expires_at > $2 AND u.active"
        )
    });
    let mut tokens: Vec<&str> = lookups.iter().map(|l| l.token_hash.as_str()).collect();
    tokens.sort_unstable();
    tokens.dedup();
    let Some(now) = lookups.iter().map(|l| l.now).max() else {
        return Vec::new();
    };
    let rows = sqlx::query(sql)
        .bind(&tokens)
        .bind(now)
        .fetch_all(pool)
        .await
        .map_err(db_err);
    match rows {
        Ok(rows) => {
            let found: std::collections::HashMap<String, _> = rows
                .iter()
                .map(|r| (r.get("token_hash"), (user_from(r), page_stamp_from(r))))
                .collect();
            lookups
                .iter()
                .map(|l| Ok(found.get(&l.token_hash).cloned()))
                .collect()
        }
        Err(e) => super::batch_queue::all_failed(lookups.len(), &e),
    }
}

/// The URL's options, with the configured TLS mode, root certificate and statement timeout on
/// top (settings given in configuration win over the URL's).
fn connect_options(url: &str, db: &DatabaseSettings) -> Result<PgConnectOptions, sqlx::Error> {
    let mut options = PgConnectOptions::from_str(url)?.application_name("deskfront");
    if let Some(mode) = &db.ssl_mode {
        let mode = PgSslMode::from_str(mode)
            .map_err(|_| sqlx::Error::Configuration(format!("unknown ssl_mode {mode:?}").into()))?;
        options = options.ssl_mode(mode);
    }
    if let Some(cert) = &db.ssl_root_cert {
        options = options.ssl_root_cert(cert);
    }
    if db.statement_timeout_ms > 0 {
        let timeout = db.statement_timeout_ms.to_string();
        options = options.options([("statement_timeout", timeout.as_str())]);
    }
    Ok(options)
}

super::sql::sql_store!(PgStore, sqlx::Postgres, "now()");
super::sql_audit::sql_audit!(PgStore);
super::sql_people::sql_people!(PgStore);
super::sql_identity::sql_identity!(PgStore);
super::sql_places::sql_places!(PgStore);
super::sql_groups::sql_groups!(PgStore);
super::sql_synonyms::sql_synonyms!(PgStore);
super::sql_learning::sql_learning!(PgStore);
super::sql_catalog_admin::sql_catalog_admin!(PgStore);
super::sql_desk::sql_desk!(PgStore);
super::sql_integrations::sql_integrations!(PgStore);
super::sql_throttle::sql_throttle!(PgStore);
super::sql_mail::sql_mail!(PgStore);
super::sql_problems::sql_problems!(PgStore);
super::sql_changes::sql_changes!(PgStore);
super::sql_approvals::sql_approvals!(PgStore);
super::sql_dashboard::sql_dashboard!(PgStore, |column: &str| format!(
    "to_char({column} AT TIME ZONE 'UTC', 'YYYY-MM-DD')"
));
super::sql_history::sql_history!(PgStore, sqlx::Postgres);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn configured_tls_and_timeouts_override_the_url() {
        let db = DatabaseSettings {
            ssl_mode: Some("verify-full".into()),
            statement_timeout_ms: 2500,
            ..DatabaseSettings::default()
        };
        let options = connect_options(
            "postgres://desk:pw@db.internal/deskfront?sslmode=disable",
            &db,
        )
        .unwrap();
        assert!(matches!(options.get_ssl_mode(), PgSslMode::VerifyFull));
        assert_eq!(options.get_options(), Some("-c statement_timeout=2500"));
        let bad = DatabaseSettings {
            ssl_mode: Some("sometimes".into()),
            ..DatabaseSettings::default()
        };
        assert!(connect_options("postgres://db/deskfront", &bad).is_err());
    }
}
