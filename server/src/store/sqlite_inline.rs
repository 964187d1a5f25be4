//! The read on the way to every kept page (`routes::page_cache`), done by SQLite on the calling
//! thread.
//!
//! sqlx runs each SQLite connection on a thread of its own: a query is handed over to it and
//! its rows handed back, two thread switches per query. Profiled under load on a kept page,
//! those switches took more of the machine than everything else the request did, the lookup
//! itself included (a few microseconds: one session row by its key, the user, two content
//! versions and a count). So this one statement runs on the task's own thread, through
//! connections of its own on the same file. It reads committed data as any connection does, so
//! a change through another instance or straight in the database still shows at the next
//! request; the connections are read-only (`query_only`), and anything unexpected falls back to
//! the pool.

use app::backend::store::PageStamp;
use app::model::{Role, UserView};
use chrono::{DateTime, SecondsFormat, Utc};
use rusqlite::{Connection, OpenFlags, OptionalExtension};
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

    fn open(&self) -> rusqlite::Result<Connection> {
        let conn = Connection::open_with_flags(
            &self.path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        conn.pragma_update(None, "query_only", true)?;
        Ok(conn)
    }

    /// The session's user and page stamp, as `Store::session_page_stamp` answers; `Err` when
    /// this path could not answer (the caller asks the pool).
    pub fn session_page_stamp(
        &self,
        sql: &str,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> rusqlite::Result<Option<(UserView, PageStamp)>> {
        let taken = self.idle.lock().expect("inline reads lock").pop();
        let conn = match taken {
            Some(conn) => conn,
            None => self.open()?,
        };
        let found = {
            let mut statement = conn.prepare_cached(sql)?;
            // The same text sqlx binds for a time in SQLite, so comparisons agree with the pool's.
            let now = now.to_rfc3339_opts(SecondsFormat::AutoSi, false);
            statement
                .query_row((token_hash, now), |r| {
                    let role: String = r.get("role")?;
                    Ok((
                        UserView {
                            id: r.get("id")?,
                            email: r.get("email")?,
                            name: r.get("name")?,
                            role: Role::parse(&role).unwrap_or(Role::Requester),
                            is_line_manager: r.get("is_line_manager")?,
                        },
                        PageStamp {
                            catalog_version: r.get("catalog_version")?,
                            search_version: r.get("search_version")?,
                            unread_notifications: r.get("unread")?,
                        },
                    ))
                })
                .optional()?
        };
        let mut idle = self.idle.lock().expect("inline reads lock");
        if idle.len() < MAX_IDLE {
            idle.push(conn);
        }
        Ok(found)
    }
}
