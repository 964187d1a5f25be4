//! The embedded default: one SQLite file in WAL mode, migrated at start. The statements are
//! shared with PostgreSQL (`sql.rs`).

use crate::config::Config;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::SqlitePool;
use std::str::FromStr;
use std::time::Duration;

use super::batch_queue::BatchQueue;
use super::sqlite_inline::InlineReads;
use std::sync::Arc;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");

#[derive(Clone)]
pub struct SqliteStore {
    pub pool: SqlitePool,
    /// New tickets, committed in groups (`super::batch_queue`).
    tickets: BatchQueue<NewTicket, Created>,
    /// The session-and-stamp read of kept pages, on the caller's thread (`super::sqlite_inline`).
    inline: Option<Arc<InlineReads>>,
}

impl SqliteStore {
    /// Opens (creating if needed) the database file and applies pending migrations.
    pub async fn connect(config: &Config) -> Result<Self, sqlx::Error> {
        // Instances starting together on a new file: while one turns it to WAL, another's
        // connection can be told "database is locked" at once, without SQLite's busy wait
        // (seen once in the test suite). Opening again a moment later finds it in WAL.
        let mut tries = 0;
        loop {
            match Self::connect_once(config).await {
                Err(sqlx::Error::Database(e)) if is_busy(&*e) && tries < 20 => {
                    tries += 1;
                    tokio::time::sleep(Duration::from_millis(50 * tries)).await;
                }
                done => return done,
            }
        }
    }

    async fn connect_once(config: &Config) -> Result<Self, sqlx::Error> {
        let db = &config.database;
        let options = SqliteConnectOptions::from_str(&config.database_url)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // FULL: a ticket the server said it saved survives a power cut.
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            // Writers queue for the one write lock instead of failing at once.
            .busy_timeout(Duration::from_millis(db.statement_timeout_ms.max(1000)));
        let inline = InlineReads::new(options.get_filename()).map(Arc::new);
        let pool = SqlitePoolOptions::new()
            .max_connections(db.max_connections)
            .min_connections(db.min_connections)
            .acquire_timeout(Duration::from_secs(db.acquire_timeout_secs))
            .connect_with(options)
            .await?;
        // sqlx takes no lock around SQLite migrations, so two instances starting together on
        // one file would both apply them. Holding the write lock for the whole run makes the
        // second wait and then find them applied (each migration becomes a savepoint).
        let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
        MIGRATOR.run(&mut *tx).await?;
        tx.commit().await?;
        let writer_pool = pool.clone();
        let tickets = BatchQueue::spawn(move |batch| {
            let pool = writer_pool.clone();
            async move { write_tickets(&pool, batch).await }
        });
        Ok(Self {
            pool,
            tickets,
            inline,
        })
    }

    /// The reads done on the calling thread (`super::sqlite_inline`).
    fn inline(&self) -> Option<&InlineReads> {
        self.inline.as_deref()
    }

    /// Session lookups need no company here: the inline read answers them on the calling thread.
    fn shared_session_reads(
        &self,
    ) -> Option<&BatchQueue<super::SessionLookup, super::SessionFound>> {
        None
    }
}

/// SQLite's "database is locked" (SQLITE_BUSY), whatever its extended code.
fn is_busy(e: &dyn sqlx::error::DatabaseError) -> bool {
    e.code()
        .and_then(|code| code.parse::<i32>().ok())
        .is_some_and(|code| code & 0xff == 5)
}

super::sql::sql_store!(
    SqliteStore,
    sqlx::Sqlite,
    "strftime('%Y-%m-%dT%H:%M:%f', 'now')"
);
super::sql_audit::sql_audit!(SqliteStore);
super::sql_people::sql_people!(SqliteStore);
super::sql_identity::sql_identity!(SqliteStore);
super::sql_places::sql_places!(SqliteStore);
super::sql_groups::sql_groups!(SqliteStore);
super::sql_synonyms::sql_synonyms!(SqliteStore);
super::sql_learning::sql_learning!(SqliteStore);
super::sql_catalog_admin::sql_catalog_admin!(SqliteStore);
super::sql_desk::sql_desk!(SqliteStore);
super::sql_integrations::sql_integrations!(SqliteStore);
super::sql_throttle::sql_throttle!(SqliteStore);
super::sql_mail::sql_mail!(SqliteStore);
super::sql_problems::sql_problems!(SqliteStore);
super::sql_changes::sql_changes!(SqliteStore);
super::sql_approvals::sql_approvals!(SqliteStore);
// SQLite keeps timestamps as RFC 3339 text: the day is its first ten characters.
super::sql_dashboard::sql_dashboard!(SqliteStore, |column: &str| format!(
    "substr({column}, 1, 10)"
));
super::sql_history::sql_history!(SqliteStore, sqlx::Sqlite);
