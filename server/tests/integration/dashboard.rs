//! The manager's dashboard over a small history whose every figure is known: three card-reader
//! faults at store S012 worked at chosen instants of the store's business calendar (08:00–20:00
//! London, which is UTC in November), two ratings, a deflection funnel and some searches.
//! Runs on SQLite, and on PostgreSQL when `DESKFRONT_TEST_POSTGRES` is set.

use crate::common::*;
use app::backend::desk::{self, Action};
use app::backend::store::{DeflectionEvent, Store};
use app::domain::report::TicketSet;
use app::model::{DashboardView, FilterQuery, UserView};
use chrono::{DateTime, Utc};
use reqwest::Client;
use serde_json::{json, Value};

const SAM: &str = "sam.store@deskfront.test";
const NINA: &str = "nina.network@deskfront.test";
const MO: &str = "mo.manager@deskfront.test";

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

/// A P3 card-reader fault at S012 (several tills, needed today): response target 240 and
/// resolution target 1,440 business minutes on the store calendar.
async fn report(app: &TestApp, sam: &Client, key: &str) -> String {
    let res = app
        .submit(
            sam,
            json!({
                "item_slug": "card-reader-fault",
                "form_version": 1,
                "idempotency_key": key,
                "answers": {
                    "store": ["S012"],
                    "asset": ["S012-CRD-01"],
                    "symptom": ["Declining all cards"],
                    "impact": ["several_tills"],
                    "urgency": ["today"],
                    "description": ["Cards are declined at two of the tills."],
                }
            }),
        )
        .await;
    let body: Value = res.json().await.unwrap();
    body["number"]
        .as_str()
        .unwrap_or_else(|| panic!("{body}"))
        .to_string()
}

async fn user(app: &TestApp, client: &Client) -> UserView {
    serde_json::from_value(app.call_json(client, "me", &[]).await).unwrap()
}

/// Runs SQL on the test database (to place tickets at known instants).
async fn exec(db: &TestDb, sql: &str, time: DateTime<Utc>, text: &str) {
    use sqlx::Connection;
    let url = &db.config.database_url;
    if db.is_postgres() {
        let mut c = sqlx::PgConnection::connect(url).await.unwrap();
        sqlx::query(sql)
            .bind(time)
            .bind(text)
            .execute(&mut c)
            .await
            .unwrap();
    } else {
        let mut c = sqlx::SqliteConnection::connect(url).await.unwrap();
        sqlx::query(sql)
            .bind(time)
            .bind(text)
            .execute(&mut c)
            .await
            .unwrap();
    }
}

struct History {
    db: TestDb,
    app: TestApp,
    /// Reopened twice, paused while waiting for Sam, everything on time.
    a: String,
    /// Both clocks breached.
    b: String,
    /// Still open and past due.
    c: String,
}

async fn act(db: &TestDb, who: &UserView, number: &str, action: Action, now: &str) {
    let store = db.store().await;
    let levels = db.config.service_levels().unwrap();
    let ctx = desk::Context {
        store: &*store,
        levels: &levels,
        reopen_days: 5,
        now: at(now),
    };
    desk::act(&ctx, who, number, action)
        .await
        .unwrap_or_else(|e| panic!("{number} at {now}: {e:?}"));
}

fn text(body: &str) -> String {
    body.to_string()
}

async fn history() -> History {
    let db = TestDb::new().await;
    let app = db.spawn("one").await;
    let sam_client = app.signed_in(SAM).await;
    let sam = user(&app, &sam_client).await;
    let ahmed = user(&app, &app.signed_in(AHMED).await).await;
    let (a, b, c) = (
        report(&app, &sam_client, "dash-key-a").await,
        report(&app, &sam_client, "dash-key-b").await,
        report(&app, &sam_client, "dash-key-c").await,
    );
    let raised = "UPDATE tickets SET created_at = $1 WHERE number = $2";
    exec(&db, raised, at("2026-11-16T19:00:00Z"), &a).await;
    exec(&db, raised, at("2026-11-16T08:00:00Z"), &b).await;
    exec(&db, raised, at("2026-11-17T10:00:00Z"), &c).await;

    // A: answered Tue 09:00 (60 min on Monday evening + 60 on Tuesday = 120 ≤ 240); waits for
    // Sam 10:00–15:00 (not counted); resolved Wed 12:00 (60 + 120 + 300 + 240 = 720); reopened
    // 13:00 and resolved 14:00 (+60), reopened 15:00 and resolved 16:00 (+60): 840 ≤ 1,440.
    let fixed = || Action::Resolve {
        code: "Fixed".into(),
        body: text("Replaced the cable."),
    };
    act(
        &db,
        &ahmed,
        &a,
        Action::Reply {
            body: text("Looking now."),
        },
        "2026-11-17T09:00:00Z",
    )
    .await;
    act(
        &db,
        &ahmed,
        &a,
        Action::Ask {
            body: text("Which tills?"),
        },
        "2026-11-17T10:00:00Z",
    )
    .await;
    act(
        &db,
        &sam,
        &a,
        Action::Answer {
            body: text("Tills 2 and 3."),
        },
        "2026-11-17T15:00:00Z",
    )
    .await;
    act(&db, &ahmed, &a, fixed(), "2026-11-18T12:00:00Z").await;
    act(
        &db,
        &sam,
        &a,
        Action::Reopen {
            body: text("Again."),
        },
        "2026-11-18T13:00:00Z",
    )
    .await;
    act(&db, &ahmed, &a, fixed(), "2026-11-18T14:00:00Z").await;
    act(
        &db,
        &sam,
        &a,
        Action::Reopen {
            body: text("And again."),
        },
        "2026-11-18T15:00:00Z",
    )
    .await;
    act(&db, &ahmed, &a, fixed(), "2026-11-18T16:00:00Z").await;

    // B: answered Mon 13:00 (300 > 240: breached); resolved Wed 09:00 (720 + 720 + 60 = 1,500
    // > 1,440: breached).
    act(
        &db,
        &ahmed,
        &b,
        Action::Reply {
            body: text("On it."),
        },
        "2026-11-16T13:00:00Z",
    )
    .await;
    act(&db, &ahmed, &b, fixed(), "2026-11-18T09:00:00Z").await;

    // C: only an internal note, which sets its due times from the new start (response due Tue
    // 14:00): open and long overdue.
    act(
        &db,
        &ahmed,
        &c,
        Action::Note {
            body: text("Parts ordered."),
        },
        "2026-11-17T10:30:00Z",
    )
    .await;

    // Sam rates A 5 and B 2, on Wednesday evening.
    for (number, stars) in [(&a, "5"), (&b, "2")] {
        let res = app
            .call(
                &sam_client,
                "rate",
                &[("number", number), ("rating", stars)],
            )
            .await;
        assert!(res.status().is_success() || res.status().is_redirection());
    }
    let rated = "UPDATE satisfaction SET created_at = $1 \
                 WHERE ticket_id = (SELECT id FROM tickets WHERE number = $2)";
    for number in [&a, &b] {
        exec(&db, rated, at("2026-11-18T17:00:00Z"), number).await;
    }

    // Self-service on Tuesday: one form visit solved by an article (deflected), and A's form
    // sent although articles were suggested; three searches, two finding nothing.
    let store = db.store().await;
    let event = |funnel: &str, kind, article: Option<&str>| DeflectionEvent {
        funnel: funnel.into(),
        kind,
        user_id: sam.id,
        item_slug: "card-reader-fault".into(),
        query: "card declined".into(),
        article_slug: article.map(str::to_string),
        now: at("2026-11-17T11:00:00Z"),
    };
    use app::model::DeflectionKind as K;
    let article = Some("card-reader-battery-not-charging");
    for e in [
        event("visit-1", K::Shown, article),
        event("visit-1", K::Opened, article),
        event("visit-1", K::Solved, article),
        event("dash-key-a", K::Shown, article),
        event("dash-key-a", K::Submitted, None),
    ] {
        store.record_deflection(&e).await.unwrap();
    }
    for (q, n) in [
        ("card reader", 3),
        ("till drawer jam", 0),
        ("till drawer jam", 0),
    ] {
        store
            .record_search(q, n, at("2026-11-17T11:30:00Z"))
            .await
            .unwrap();
    }
    History { db, app, a, b, c }
}

fn week() -> FilterQuery {
    FilterQuery {
        from: Some("2026-11-16".into()),
        to: Some("2026-11-20".into()),
        ..FilterQuery::default()
    }
}

async fn figures(
    h: &History,
    who: &str,
    filters: &FilterQuery,
) -> Result<DashboardView, app::model::AppError> {
    let user = user(&h.app, &h.app.signed_in(who).await).await;
    let store = h.db.store().await;
    app::backend::dashboard::load(&*store as &dyn Store, &user, filters, Utc::now()).await
}

async fn numbers(h: &History, filters: &FilterQuery, set: TicketSet) -> Vec<String> {
    let user = user(&h.app, &h.app.signed_in(MO).await).await;
    let store = h.db.store().await;
    let list =
        app::backend::dashboard::tickets(&*store as &dyn Store, &user, filters, set, 1, Utc::now())
            .await
            .unwrap();
    assert_eq!(list.tickets.total as usize, list.tickets.items.len());
    let mut numbers: Vec<String> = list.tickets.items.into_iter().map(|t| t.number).collect();
    numbers.sort();
    numbers
}

#[tokio::test]
async fn every_figure_of_a_known_week() {
    let h = history().await;
    let v = figures(&h, MO, &week()).await.unwrap();
    assert_eq!((v.opened, v.resolved, v.backlog, v.overdue), (3, 2, 1, 1));
    // Business time, pauses excluded, nearest rank over [120, 300] and [840, 1500].
    assert_eq!((v.response.met, v.response.breached), (1, 1));
    assert_eq!((v.response.median, v.response.p90), (Some(120), Some(300)));
    assert_eq!((v.resolution.met, v.resolution.breached), (1, 1));
    assert_eq!(
        (v.resolution.median, v.resolution.p90),
        (Some(840), Some(1500))
    );
    // A was reopened twice: one reopened ticket of two resolved.
    assert_eq!(v.resolution.reopened, 1);
    assert_eq!(v.ratings, [0, 1, 0, 0, 1]);
    assert_eq!(v.csat_average(), "3.5");
    // C was raised on Tuesday and is more than four days old by now.
    assert_eq!(v.backlog_ages.iter().sum::<u64>(), 1);
    let d = &v.deflection;
    assert_eq!((d.searches, d.searches_empty), (3, 2));
    assert_eq!(
        (
            d.suggested,
            d.opened,
            d.solved,
            d.deflected,
            d.submitted_anyway
        ),
        (2, 1, 1, 1, 1)
    );
    assert_eq!(d.top_articles[0].0.key, "card-reader-battery-not-charging");
    assert_eq!((d.top_articles[0].0.count, d.top_articles[0].1), (1, 1));
    assert_eq!(d.empty_searches[0].key, "till drawer jam");
    assert_eq!(d.empty_searches[0].count, 2);
    assert_eq!(v.fault_assets[0].key, "S012-CRD-01");
    assert_eq!(v.fault_assets[0].count, 3);
    assert_eq!(v.fault_stores[0].key, "S012");
    let trend: Vec<(u64, u64)> = v.trend.iter().map(|b| (b.opened, b.resolved)).collect();
    assert_eq!(trend, [(2, 0), (1, 0), (0, 2), (0, 0), (0, 0)]);

    let figure = |key: &str| {
        v.figures()
            .into_iter()
            .find(|f| f.key == key)
            .unwrap()
            .value
    };
    assert_eq!(figure("response_compliance"), "50.0%");
    assert_eq!(figure("mttr_median"), "14 h");
    assert_eq!(figure("reopen_rate"), "50.0%");
    assert_eq!(figure("csat"), "3.5 / 5");
    assert_eq!(figure("deflection_rate"), "50.0%");
}

#[tokio::test]
async fn each_figure_links_to_exactly_its_tickets() {
    let h = history().await;
    let w = week();
    let sorted = |mut v: Vec<&String>| {
        v.sort();
        v.into_iter().cloned().collect::<Vec<_>>()
    };
    assert_eq!(
        numbers(&h, &w, TicketSet::Opened).await,
        sorted(vec![&h.a, &h.b, &h.c])
    );
    assert_eq!(
        numbers(&h, &w, TicketSet::Resolved).await,
        sorted(vec![&h.a, &h.b])
    );
    assert_eq!(numbers(&h, &w, TicketSet::Reopened).await, [h.a.as_str()]);
    assert_eq!(numbers(&h, &w, TicketSet::Breached).await, [h.b.as_str()]);
    assert_eq!(
        numbers(&h, &w, TicketSet::ResponseMet).await,
        [h.a.as_str()]
    );
    assert_eq!(
        numbers(&h, &w, TicketSet::ResolutionBreached).await,
        [h.b.as_str()]
    );
    assert_eq!(numbers(&h, &w, TicketSet::OverdueNow).await, [h.c.as_str()]);
    assert_eq!(
        numbers(&h, &w, TicketSet::Rated(Some(5))).await,
        [h.a.as_str()]
    );
    assert_eq!(
        numbers(&h, &w, TicketSet::SubmittedAnyway).await,
        [h.a.as_str()]
    );
    let monday = FilterQuery {
        from: Some("2026-11-16".into()),
        to: Some("2026-11-16".into()),
        ..FilterQuery::default()
    };
    assert_eq!(
        numbers(&h, &monday, TicketSet::Opened).await,
        sorted(vec![&h.a, &h.b])
    );
}

#[tokio::test]
async fn filters_narrow_the_figures_and_access_follows_the_role() {
    let h = history().await;
    let elsewhere = FilterQuery {
        store: Some("S001".into()),
        ..week()
    };
    let v = figures(&h, MO, &elsewhere).await.unwrap();
    assert_eq!((v.opened, v.resolved, v.backlog), (0, 0, 0));
    assert_eq!(v.response.median, None);
    let north = FilterQuery {
        region: Some("North".into()),
        priority: Some("P3".into()),
        ..week()
    };
    assert_eq!(figures(&h, MO, &north).await.unwrap().opened, 3);
    let p1 = FilterQuery {
        priority: Some("P1".into()),
        ..week()
    };
    assert_eq!(figures(&h, MO, &p1).await.unwrap().opened, 0);

    // Ahmed works the store-systems group; Nina only networks: she counts none of these, and
    // may not ask for a group of someone else's.
    assert_eq!(figures(&h, AHMED, &week()).await.unwrap().opened, 3);
    assert_eq!(figures(&h, NINA, &week()).await.unwrap().opened, 0);
    let theirs = FilterQuery {
        group: Some("Store systems".into()),
        ..week()
    };
    let refused = figures(&h, NINA, &theirs).await.unwrap_err();
    assert!(
        refused
            .field_errors()
            .is_some_and(|f| f.contains_key("group")),
        "{refused:?}"
    );
    assert!(figures(&h, SAM, &week()).await.is_err());
    let backwards = FilterQuery {
        from: Some("2026-11-20".into()),
        to: Some("2026-11-16".into()),
        ..FilterQuery::default()
    };
    let refused = figures(&h, MO, &backwards).await.unwrap_err();
    assert!(refused
        .field_errors()
        .is_some_and(|f| f.contains_key("from")));
}

#[tokio::test]
async fn csv_downloads_carry_the_page_figures_and_the_same_access_rules() {
    let h = history().await;
    let mo = h.app.signed_in(MO).await;
    let get = |client: &Client, path: &str| {
        let url = format!("{}{path}", h.app.base);
        let client = client.clone();
        async move { client.get(url).send().await.unwrap() }
    };
    let res = get(
        &mo,
        "/dashboard/export/summary.csv?from=2026-11-16&to=2026-11-20",
    )
    .await;
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    let body = res.text().await.unwrap();
    assert!(
        body.starts_with("figure,value,detail,from,to\r\n"),
        "{body}"
    );
    assert!(
        body.contains("\r\nOpened,3,raised in the period,2026-11-16,2026-11-20\r\n"),
        "{body}"
    );
    assert!(
        body.contains("\r\nFirst response SLA,50.0%,1 breached of 2,"),
        "{body}"
    );

    let tickets = get(
        &mo,
        "/dashboard/export/tickets.csv?set=reopened&from=2026-11-16&to=2026-11-20",
    )
    .await
    .text()
    .await
    .unwrap();
    assert_eq!(tickets.lines().count(), 2, "{tickets}");
    assert!(tickets.contains(&h.a));

    let stores = get(
        &mo,
        "/dashboard/export/stores.csv?from=2026-11-16&to=2026-11-20",
    )
    .await
    .text()
    .await
    .unwrap();
    assert!(stores.contains("\r\nS012,Leeds Briggate,3\r\n"), "{stores}");

    let sam = h.app.signed_in(SAM).await;
    assert_eq!(
        get(&sam, "/dashboard/export/summary.csv").await.status(),
        403
    );
    assert_eq!(
        get(&h.app.client(), "/dashboard/export/summary.csv")
            .await
            .status(),
        401
    );
    assert_eq!(
        get(&mo, "/dashboard/export/everything.csv").await.status(),
        404
    );
    assert_eq!(
        get(&mo, "/dashboard/export/summary.csv?from=someday")
            .await
            .status(),
        400
    );
}

#[tokio::test]
async fn portal_searches_are_logged_with_whether_they_found_an_article() {
    let app = spawn().await;
    let mo = app.signed_in(MO).await;
    for q in ["card reader", "Qwxz  Blorp", "qwxz blorp"] {
        app.call_json(&mo, "search", &[("q", q)]).await;
    }
    // Narrowing to a category reruns a search already counted.
    app.call_json(
        &mo,
        "search",
        &[("q", "card reader"), ("category", "payments")],
    )
    .await;
    let manager = user(&app, &mo).await;
    let store = app.store().await;
    let today = FilterQuery::default();
    let v = app::backend::dashboard::load(&*store as &dyn Store, &manager, &today, Utc::now())
        .await
        .unwrap();
    assert_eq!((v.deflection.searches, v.deflection.searches_empty), (3, 2));
    assert_eq!(v.deflection.empty_searches[0].key, "qwxz blorp");
    assert_eq!(v.deflection.empty_searches[0].count, 2);
}

/// The knowledge funnel comes from roll-ups that the events keep current (issue 19): a form
/// visit counts once, on the day it began, whatever it leads to later; an article's opens and
/// solutions count on the days they happened.
#[tokio::test]
async fn a_form_visit_counts_once_on_the_day_it_began() {
    use app::domain::report::Period;
    use app::model::DeflectionKind as K;
    let app = spawn().await;
    let sam = app.signed_in(SAM).await;
    let sam = user(&app, &sam).await;
    let store = app.store().await;
    let article = "card-reader-battery-not-charging";
    let events = [
        // Monday just before midnight, solved after it.
        ("visit-late", K::Shown, None, "2026-11-16T23:50:00Z"),
        (
            "visit-late",
            K::Opened,
            Some(article),
            "2026-11-16T23:55:00Z",
        ),
        ("visit-late", K::Shown, None, "2026-11-16T23:56:00Z"),
        (
            "visit-late",
            K::Solved,
            Some(article),
            "2026-11-17T00:10:00Z",
        ),
        // Tuesday: suggestions, and the form sent anyway.
        ("visit-sent", K::Shown, None, "2026-11-17T09:00:00Z"),
        ("visit-sent", K::Submitted, None, "2026-11-17T09:05:00Z"),
    ];
    for (funnel, kind, article_slug, now) in events {
        let event = DeflectionEvent {
            funnel: funnel.into(),
            kind,
            user_id: sam.id,
            item_slug: "card-reader-fault".into(),
            query: "card declined".into(),
            article_slug: article_slug.map(str::to_string),
            now: at(now),
        };
        store.record_deflection(&event).await.unwrap();
    }
    let day = |d: &str| d.parse().unwrap();
    let funnel = |from: &str, to: &str| {
        let store = store.clone();
        let period = Period {
            from: day(from),
            to: day(to),
        };
        async move { store.deflection(period, 10).await.unwrap() }
    };
    let monday = funnel("2026-11-16", "2026-11-16").await;
    assert_eq!(
        (
            monday.suggested,
            monday.opened,
            monday.solved,
            monday.deflected
        ),
        (1, 1, 1, 1),
        "the late visit counts on Monday, with its solution of Tuesday"
    );
    assert_eq!(monday.submitted_anyway, 0);
    assert_eq!(monday.top_articles[0].0.key, article);
    assert_eq!(
        (monday.top_articles[0].0.count, monday.top_articles[0].1),
        (0, 1)
    );
    let tuesday = funnel("2026-11-17", "2026-11-17").await;
    assert_eq!(
        (
            tuesday.suggested,
            tuesday.solved,
            tuesday.deflected,
            tuesday.submitted_anyway
        ),
        (1, 0, 0, 1)
    );
    assert_eq!(
        (tuesday.top_articles[0].0.count, tuesday.top_articles[0].1),
        (1, 0)
    );
    let both = funnel("2026-11-16", "2026-11-17").await;
    assert_eq!(
        (both.suggested, both.deflected, both.submitted_anyway),
        (2, 1, 1)
    );
    assert_eq!(
        (both.top_articles[0].0.count, both.top_articles[0].1),
        (1, 1)
    );
    assert!(funnel("2026-11-18", "2026-11-30")
        .await
        .top_articles
        .is_empty());
}

/// The daily series come from rows the tickets' triggers keep (issue 19); a device's series
/// from the tickets themselves. Every ticket of the history is on one till, so both must give
/// the same days after the history's moves (back-dated, resolved, reopened twice), and follow
/// a priority and a store changed afterwards.
#[tokio::test]
async fn the_daily_counts_follow_every_change_to_a_ticket() {
    use app::backend::dashboard_store::Scope;
    use app::domain::priority::Priority;
    use app::domain::report::Period;
    let h = history().await;
    let store = h.db.store().await;
    let day = |d: &str| d.parse::<chrono::NaiveDate>().unwrap();
    let scope = |asset: Option<&str>| Scope {
        period: Period {
            from: day("2026-11-16"),
            to: day("2026-11-20"),
        },
        now: Utc::now(),
        groups: None,
        store: None,
        region: None,
        category: None,
        group: None,
        priority: None,
        asset: asset.map(str::to_string),
    };
    let series = |scope: Scope, set: TicketSet| {
        let store = store.clone();
        async move {
            let mut days = store.per_day(&scope, set).await.unwrap();
            days.sort();
            days.into_iter()
                .map(|(d, n)| (d.to_string(), n))
                .collect::<Vec<_>>()
        }
    };
    let pairs = |p: &[(&str, u64)]| {
        p.iter()
            .map(|(d, n)| (d.to_string(), *n))
            .collect::<Vec<_>>()
    };
    for (set, expected) in [
        (
            TicketSet::Opened,
            pairs(&[("2026-11-16", 2), ("2026-11-17", 1)]),
        ),
        (TicketSet::Resolved, pairs(&[("2026-11-18", 2)])),
    ] {
        assert_eq!(series(scope(None), set).await, expected, "{set:?}");
        assert_eq!(
            series(scope(Some("S012-CRD-01")), set).await,
            expected,
            "{set:?} of the till"
        );
    }

    // A raised to P1, B moved off the store: the counts leave their old rows.
    let now = at("2026-11-19T09:00:00Z");
    exec(
        &h.db,
        "UPDATE tickets SET priority = 'P1', updated_at = $1 WHERE number = $2",
        now,
        &h.a,
    )
    .await;
    exec(
        &h.db,
        "UPDATE tickets SET store_code = NULL, updated_at = $1 WHERE number = $2",
        now,
        &h.b,
    )
    .await;
    let p1 = Scope {
        priority: Some(Priority::parse("P1").unwrap()),
        ..scope(None)
    };
    assert_eq!(
        series(p1.clone(), TicketSet::Opened).await,
        pairs(&[("2026-11-16", 1)])
    );
    assert_eq!(
        series(p1, TicketSet::Resolved).await,
        pairs(&[("2026-11-18", 1)])
    );
    let s012 = Scope {
        store: Some("S012".into()),
        ..scope(None)
    };
    assert_eq!(
        series(s012.clone(), TicketSet::Opened).await,
        pairs(&[("2026-11-16", 1), ("2026-11-17", 1)])
    );
    assert_eq!(
        series(s012, TicketSet::Resolved).await,
        pairs(&[("2026-11-18", 1)])
    );
    // Every group still sees all three.
    assert_eq!(
        series(scope(None), TicketSet::Opened).await,
        pairs(&[("2026-11-16", 2), ("2026-11-17", 1)])
    );
}
