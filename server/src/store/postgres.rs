//! PostgreSQL, for several server instances on one database. The statements are shared with
//! SQLite (`sql.rs`); what is PostgreSQL's own is here: pool and timeouts, TLS, migrations.

use crate::config::{Config, DatabaseSettings};
use sqlx::postgres::{PgConnectOptions, PgPoolOptions, PgSslMode};
use sqlx::PgPool;
use std::str::FromStr;
use std::time::Duration;

use super::group_commit::GroupCommit;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

#[derive(Clone)]
pub struct PgStore {
    pub pool: PgPool,
    /// New tickets, committed in groups (`super::group_commit`).
    tickets: GroupCommit<NewTicket, Created>,
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
        let tickets = GroupCommit::spawn(move |batch| {
            let pool = writer_pool.clone();
            async move { write_tickets(&pool, batch).await }
        });
        Ok(Self { pool, tickets })
    }

    /// Every read goes over the connection to the server: there is no shortcut as SQLite's
    /// (`super::sqlite_inline`).
    fn inline(&self) -> Option<&super::sqlite_inline::InlineReads> {
        None
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

super::sql::sql_store!(PgStore, sqlx::Postgres);
super::sql_audit::sql_audit!(PgStore);
super::sql_people::sql_people!(PgStore);
super::sql_identity::sql_identity!(PgStore);
super::sql_places::sql_places!(PgStore);
super::sql_groups::sql_groups!(PgStore);
super::sql_catalog_admin::sql_catalog_admin!(PgStore);
super::sql_desk::sql_desk!(PgStore);
super::sql_integrations::sql_integrations!(PgStore);
super::sql_throttle::sql_throttle!(PgStore);
super::sql_mail::sql_mail!(PgStore);
super::sql_problems::sql_problems!(PgStore);
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
