//! The reads on nearly every request — the session's user (with a kept page's stamp), the
//! catalog's version, the header's unread count — and the desk queue's, done by SQLite on the
//! calling thread.
//!
//! sqlx runs each SQLite connection on a thread of its own: a query is handed over to it and
//! its rows handed back, two thread switches per query. Profiled under load on a kept page
//! (`routes::page_cache`), those switches took more of the machine than everything else the
//! request did, the lookup itself included (a few microseconds: one session row by its key,
//! the user, two content versions and a count). So these statements run on the task's own
//! thread, through connections of their own on the same file. They read committed data as any
//! connection does, so a change through another instance or straight in the database still
//! shows at the next request; the connections are read-only (`query_only`), and a reader that
//! finds the file busy leaves the question to the pool.

use app::backend::store::PageStamp;
use app::model::{Role, UserView};
use chrono::{DateTime, SecondsFormat, Utc};
use rusqlite::{Connection, OpenFlags, OptionalExtension, Row};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

/// Connections kept between requests: as many as requests read at once, at most.
const MAX_IDLE: usize = 16;

/// A reader never waits for long: in WAL mode readers are not blocked by the writer, and one
/// that is (a checkpoint's rare moment) is answered by the pool instead.
const BUSY_TIMEOUT: Duration = Duration::from_millis(50);

pub struct InlineReads {
    path: PathBuf,
    idle: Mutex<Vec<Connection>>,
}

impl InlineReads {
    /// For the database file at `path`; `None` for one kept in memory (no other connection
    /// can open it).
    pub fn new(path: &Path) -> Option<Self> {
        let name = path.to_string_lossy();
        if name.is_empty() || name == ":memory:" {
            return None;
        }
        Some(Self {
            path: path.to_path_buf(),
            idle: Mutex::new(Vec::new()),
        })
    }

    /// The session's user, as `Store::session_user` answers; `None` when this path could not
    /// answer (the caller asks the pool). `sql` selects the user's columns (`USER_COLUMNS`).
    pub fn session_user(
        &self,
        sql: &str,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> Option<Option<UserView>> {
        self.query_row(sql, (token_hash, sqlite_time(now)), user_from)
    }

    /// The session's user and page stamp, as `Store::session_page_stamp` answers.
    pub fn session_page_stamp(
        &self,
        sql: &str,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> Option<Option<(UserView, PageStamp)>> {
        self.query_row(sql, (token_hash, sqlite_time(now)), |r| {
            Ok((
                user_from(r)?,
                PageStamp {
                    catalog_version: r.get("catalog_version")?,
                    search_version: r.get("search_version")?,
                    unread_notifications: r.get("unread")?,
                },
            ))
        })
    }

    /// A content version (`content_versions`), as `Store::catalog_version` answers.
    pub fn content_version(&self, sql: &str) -> Option<i64> {
        self.query_row(sql, (), |r| r.get(0))?
    }

    /// The first row of `sql`, on a connection of this reader's; `None` when it could not run.
    fn query_row<T, P: rusqlite::Params>(
        &self,
        sql: &str,
        params: P,
        map: impl FnOnce(&Row<'_>) -> rusqlite::Result<T>,
    ) -> Option<Option<T>> {
        self.on_connection(|conn| {
            conn.prepare_cached(sql)
                .and_then(|mut statement| statement.query_row(params, map).optional())
        })
    }

    /// Every row of `sql`, each read by `map`; `None` when it could not run (the caller asks
    /// the pool). `map` reads columns as the pool's mapping does (`super::columns`): a column
    /// missing or of the wrong type is a mistake in the statement, and panics as sqlx's would.
    pub fn rows<T, P: rusqlite::Params>(
        &self,
        sql: &str,
        params: P,
        mut map: impl FnMut(&Row<'_>) -> T,
    ) -> Option<Vec<T>> {
        self.on_connection(|conn| {
            let mut statement = conn.prepare_cached(sql)?;
            let rows = statement.query_map(params, |r| Ok(map(r)))?;
            rows.collect()
        })
    }

    /// The single value `sql` selects (a count), as `rows` reads it.
    pub fn value<T: rusqlite::types::FromSql, P: rusqlite::Params>(
        &self,
        sql: &str,
        params: P,
    ) -> Option<T> {
        self.on_connection(|conn| conn.prepare_cached(sql)?.query_row(params, |r| r.get(0)))
    }

    /// Runs `read` on an idle connection of this reader's (opening one when none is idle) and
    /// keeps the connection for the next read; `None` when it failed.
    fn on_connection<T>(&self, read: impl FnOnce(&Connection) -> rusqlite::Result<T>) -> Option<T> {
        let taken = self.idle.lock().expect("inline reads lock").pop();
        let conn = match taken.map(Ok).unwrap_or_else(|| self.open()) {
            Ok(conn) => conn,
            Err(e) => return failed(e),
        };
        let found = read(&conn);
        let mut idle = self.idle.lock().expect("inline reads lock");
        if idle.len() < MAX_IDLE {
            idle.push(conn);
        }
        drop(idle);
        match found {
            Ok(found) => Some(found),
            Err(e) => failed(e),
        }
    }

    fn open(&self) -> rusqlite::Result<Connection> {
        let conn = Connection::open_with_flags(
            &self.path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        conn.pragma_update(None, "query_only", true)?;
        Ok(conn)
    }
}

/// The same text sqlx binds for a time in SQLite, so comparisons agree with the pool's.
fn sqlite_time(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::AutoSi, false)
}

/// A user from `USER_COLUMNS`, as the pool's `user_from` reads them.
fn user_from(r: &Row<'_>) -> rusqlite::Result<UserView> {
    let role: String = r.get("role")?;
    Ok(UserView {
        id: r.get("id")?,
        email: r.get("email")?,
        name: r.get("name")?,
        role: Role::parse(&role).unwrap_or(Role::Requester),
        approves: r.get("approves")?,
        language: r.get("language")?,
        timezone: r.get("timezone")?,
        store: r.get("store_code")?,
    })
}

/// Leaves the question to the pool. Busy is the one failure expected here (and rare); anything
/// else is a mistake in a statement or its columns, which the tests must not hide behind the
/// pool.
fn failed<T>(e: rusqlite::Error) -> Option<T> {
    let busy = e.sqlite_error_code().is_some_and(|code| {
        matches!(
            code,
            rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
        )
    });
    debug_assert!(busy, "inline read failed: {e}");
    tracing::warn!(error = %e, "inline read failed; asking the pool");
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::columns::Column;

    /// The pool's statements number their parameters `$1`, `$2`, …; read inline, they are bound
    /// by position, and a time written as sqlx writes it reads back the same.
    #[test]
    fn rows_and_values_bind_numbered_parameters_and_read_sqlx_times() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("inline.db");
        let at = Utc::now();
        let setup = Connection::open(&path).unwrap();
        setup
            .execute_batch("CREATE TABLE t (name TEXT NOT NULL, grp TEXT NOT NULL, at TEXT)")
            .unwrap();
        for (name, grp, when) in [
            ("a", "x", Some(sqlite_time(at))),
            ("b", "y", None),
            ("c", "x", None),
        ] {
            setup
                .execute("INSERT INTO t VALUES (?1, ?2, ?3)", (name, grp, when))
                .unwrap();
        }
        let reads = InlineReads::new(&path).unwrap();
        let sql = "SELECT name, at FROM t WHERE grp = $1 AND name <> $2 ORDER BY name";
        let rows = reads
            .rows(sql, rusqlite::params_from_iter(["x", "zz"]), |r| {
                let name: String = r.col("name");
                let at: Option<DateTime<Utc>> = r.col("at");
                (name, at)
            })
            .unwrap();
        assert_eq!(
            rows,
            vec![("a".to_string(), Some(at)), ("c".to_string(), None)]
        );
        let count: Option<i64> = reads.value("SELECT COUNT(*) FROM t WHERE grp = $1", ["x"]);
        assert_eq!(count, Some(2));
    }
}
