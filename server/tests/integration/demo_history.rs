//! `server demo-history` on a real database (SQLite, or PostgreSQL when
//! `DESKFRONT_TEST_POSTGRES` is set): the figures the manager's dashboard will read come out
//! plausible, everything hangs together (ratings on finished tickets only, counters past the
//! numbers used), one seed and end give one history, and `--if-empty` leaves a database with
//! tickets alone.

use crate::common::*;
use chrono::{DateTime, Utc};
use server::demo_history::{self, Options};

/// The dashboard's questions, asked in SQL that both databases run.
enum Db {
    Lite(sqlx::SqlitePool),
    Pg(sqlx::PgPool),
}

impl Db {
    async fn open(url: &str) -> Db {
        if url.starts_with("postgres") {
            Db::Pg(sqlx::PgPool::connect(url).await.unwrap())
        } else {
            Db::Lite(sqlx::SqlitePool::connect(url).await.unwrap())
        }
    }

    async fn count(&self, sql: &str) -> i64 {
        match self {
            Db::Lite(p) => sqlx::query_scalar(sql).fetch_one(p).await,
            Db::Pg(p) => sqlx::query_scalar(sql).fetch_one(p).await,
        }
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
    }

    /// `sql` with `$1` and `$2` bound to `a` and `b`.
    async fn count_between(&self, sql: &str, a: DateTime<Utc>, b: DateTime<Utc>) -> i64 {
        match self {
            Db::Lite(p) => sqlx::query_scalar(sql).bind(a).bind(b).fetch_one(p).await,
            Db::Pg(p) => sqlx::query_scalar(sql).bind(a).bind(b).fetch_one(p).await,
        }
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
    }

    async fn text(&self, sql: &str) -> Vec<String> {
        match self {
            Db::Lite(p) => sqlx::query_scalar(sql).fetch_all(p).await,
            Db::Pg(p) => sqlx::query_scalar(sql).fetch_all(p).await,
        }
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
    }
}

fn options() -> Options {
    Options {
        months: 3,
        tickets: 300,
        seed: 42,
        until: Some(
            DateTime::parse_from_rfc3339("2026-11-20T16:30:00Z")
                .unwrap()
                .with_timezone(&Utc),
        ),
        if_empty: true,
    }
}

/// Every ticket's number, state and clock figures, in number order: equal lists, equal histories.
const FINGERPRINT: &str = "SELECT number || ' ' || state || ' ' || priority || ' ' || \
     COALESCE(store_code, '-') || ' ' || COALESCE(CAST(response_used_minutes AS TEXT), '-') || ' ' || \
     COALESCE(CAST(resolution_used_minutes AS TEXT), '-') FROM tickets ORDER BY number";

#[tokio::test]
async fn a_generated_history_gives_the_dashboard_plausible_figures() {
    let test_db = TestDb::new().await;
    let report = demo_history::run(&test_db.config, &options())
        .await
        .unwrap();
    assert!(!report.skipped);
    assert_eq!(report.tickets, 300);
    let db = Db::open(&test_db.config.database_url).await;

    assert_eq!(db.count("SELECT COUNT(*) FROM tickets").await, 300);
    let end = options().until.unwrap();
    let start = end - chrono::Months::new(3);
    assert_eq!(
        db.count_between(
            "SELECT COUNT(*) FROM tickets WHERE created_at >= $1 AND created_at <= $2",
            start,
            end
        )
        .await,
        300,
        "every ticket falls in the three months before the end"
    );
    assert_eq!(
        db.count_between(
            "SELECT COUNT(*) FROM ticket_events WHERE created_at < $1 OR created_at > $2",
            start,
            end
        )
        .await,
        0,
        "nothing happens after the end"
    );
    assert!(
        db.count("SELECT COUNT(*) FROM tickets WHERE kind = 'incident'")
            .await
            > 100
    );
    assert!(
        db.count("SELECT COUNT(*) FROM tickets WHERE kind = 'request'")
            .await
            > 100
    );

    // Resolution figures: on every resolved ticket, and most within target.
    let finished = db
        .count("SELECT COUNT(*) FROM tickets WHERE state IN ('resolved', 'closed')")
        .await;
    assert!(finished > 200, "{finished} resolved or closed");
    assert_eq!(
        db.count("SELECT COUNT(*) FROM tickets WHERE state IN ('resolved', 'closed') AND (resolution_used_minutes IS NULL OR response_used_minutes IS NULL)").await,
        0
    );
    let late = db
        .count("SELECT COUNT(*) FROM tickets WHERE resolution_used_minutes > resolution_minutes")
        .await;
    assert!(late > 0 && late * 4 < finished, "{late} of {finished} late");
    let slow = db
        .count("SELECT COUNT(*) FROM tickets WHERE response_used_minutes > response_minutes")
        .await;
    assert!(
        slow > 0 && slow * 4 < finished,
        "{slow} first responses late"
    );
    // A breach on the timeline wherever the figure says breached, and nowhere else.
    assert_eq!(
        db.count("SELECT COUNT(*) FROM tickets t WHERE state IN ('resolved', 'closed') AND (resolution_used_minutes > resolution_minutes) <> EXISTS (SELECT 1 FROM sla_alerts a WHERE a.ticket_id = t.id AND a.clock = 'resolution' AND a.level = 'breach')").await,
        0
    );

    // Open work: a backlog with due times, nothing left to chase on finished tickets.
    assert!(db.count("SELECT COUNT(*) FROM tickets WHERE state IN ('new', 'in_progress', 'awaiting_user', 'awaiting_approval')").await > 0);
    assert_eq!(
        db.count("SELECT COUNT(*) FROM tickets WHERE state IN ('new', 'in_progress') AND next_due_at IS NULL").await,
        0
    );
    assert_eq!(
        db.count("SELECT COUNT(*) FROM tickets WHERE state IN ('resolved', 'closed', 'cancelled', 'rejected') AND next_due_at IS NOT NULL").await,
        0
    );
    assert!(
        db.count("SELECT COUNT(*) FROM tickets WHERE state = 'cancelled'")
            .await
            > 0
    );

    // Waiting for the requester (pauses), reopenings with their event.
    assert!(db.count("SELECT COUNT(*) FROM sla_pauses p JOIN ticket_events e ON e.ticket_id = p.ticket_id AND e.kind = 'question' AND e.created_at = p.started_at").await > 0);
    let reopened = db
        .count("SELECT COUNT(*) FROM tickets WHERE reopen_count > 0")
        .await;
    assert!(reopened > 0);
    assert_eq!(
        db.count("SELECT COUNT(DISTINCT ticket_id) FROM ticket_events WHERE kind = 'reopened'")
            .await,
        reopened
    );
    assert_eq!(
        db.count("SELECT COUNT(*) FROM tickets t WHERE NOT EXISTS (SELECT 1 FROM ticket_events e WHERE e.ticket_id = t.id AND e.kind = 'submitted')").await,
        0,
        "every timeline starts with its submission"
    );

    // Satisfaction: only on finished tickets, mostly good.
    let rated = db.count("SELECT COUNT(*) FROM satisfaction").await;
    assert!(rated > 30, "{rated} ratings");
    assert_eq!(
        db.count("SELECT COUNT(*) FROM satisfaction s JOIN tickets t ON t.id = s.ticket_id WHERE t.state NOT IN ('resolved', 'closed')").await,
        0
    );
    assert!(
        db.count("SELECT COUNT(*) FROM satisfaction WHERE rating >= 4")
            .await
            * 2
            > rated
    );

    // Deflection funnels and searches, some of which found nothing.
    for kind in ["shown", "opened", "solved", "submitted"] {
        let sql = format!("SELECT COUNT(*) FROM deflection_events WHERE kind = '{kind}'");
        assert!(db.count(&sql).await > 0, "no {kind} deflection events");
    }
    assert!(
        db.count("SELECT COUNT(*) FROM search_log WHERE results > 0")
            .await
            > 0
    );
    assert!(
        db.count("SELECT COUNT(*) FROM search_log WHERE results = 0")
            .await
            > 0
    );

    // Recurring faults: a device that keeps failing.
    assert!(
        db.count("SELECT COUNT(*) FROM (SELECT asset_tag FROM tickets WHERE kind = 'incident' AND asset_tag IS NOT NULL GROUP BY asset_tag HAVING COUNT(*) >= 3) repeat").await
            >= 1
    );

    // The counters are past every number used.
    for (kind, prefix) in [("request", "REQ"), ("incident", "INC")] {
        let next = db
            .count(&format!(
                "SELECT next_value FROM ticket_counters WHERE kind = '{kind}'"
            ))
            .await;
        let highest = db
            .text(&format!(
                "SELECT MAX(number) FROM tickets WHERE kind = '{kind}'"
            ))
            .await;
        let highest: i64 = highest[0].trim_start_matches(prefix).parse().unwrap();
        assert_eq!(next, highest + 1, "{kind}");
    }

    // Once is enough: the second run finds tickets and writes nothing.
    let again = demo_history::run(&test_db.config, &options())
        .await
        .unwrap();
    assert!(again.skipped);
    assert_eq!(db.count("SELECT COUNT(*) FROM tickets").await, 300);

    // The same seed and end draw the same history.
    let other_db = TestDb::new().await;
    demo_history::run(&other_db.config, &options())
        .await
        .unwrap();
    let other = Db::open(&other_db.config.database_url).await;
    assert_eq!(db.text(FINGERPRINT).await, other.text(FINGERPRINT).await);

    // A ticket raised afterwards takes the next number.
    let next = db
        .count("SELECT next_value FROM ticket_counters WHERE kind = 'request'")
        .await;
    let app = test_db.spawn("after-history").await;
    let rita = app.signed_in(RITA).await;
    let receipt = app.order_laptop(&rita, "after-history-0001").await;
    assert_eq!(receipt["number"], format!("REQ{next:07}"));
}
