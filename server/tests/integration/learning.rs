//! Learning from outcomes: what people typed before an article solved their problem becomes
//! words of that article once several different people typed them, on every instance (the
//! search content version moves); one person alone cannot push an article up; an article opened
//! from a form that was then not sent counts once the form is abandoned; editors review the
//! evidence per article and remove what should not count, audited. Runs on SQLite and, with
//! `DESKFRONT_TEST_POSTGRES`, on PostgreSQL.

use crate::common::*;
use app::backend::learning::refresh;
use chrono::{Duration, Utc};
use reqwest::{Client, StatusCode};
use serde_json::Value;

const DRAWER: &str = "cash-drawer-wont-open";
const SAM: &str = "sam.store@deskfront.test";

/// `kind` ("solved", "opened", "submitted") in funnel `funnel`, after typing `query`.
async fn outcome(app: &TestApp, client: &Client, funnel: &str, kind: &str, query: &str) {
    let article = if kind == "submitted" {
        None
    } else {
        Some(DRAWER)
    };
    let mut form = vec![
        ("funnel", funnel),
        ("kind", kind),
        ("item", "cash-drawer-fault"),
        ("query", query),
    ];
    if let Some(a) = article {
        form.push(("article", a));
    }
    let body = app.call_json(client, "deflection", &form).await;
    assert_eq!(body, Value::Null, "{kind}: {body}");
}

async fn first_article(app: &TestApp, client: &Client, q: &str) -> Option<String> {
    let page = app.call_json(client, "search", &[("q", q)]).await;
    page["results"]
        .as_array()
        .unwrap_or_else(|| panic!("{page}"))
        .iter()
        .find(|r| r["kind"] == "Article")
        .map(|r| r["key"].as_str().unwrap().to_string())
}

#[tokio::test]
async fn words_two_people_typed_before_it_helped_find_the_article_on_every_instance() {
    let db = TestDb::new().await;
    let one = db.spawn("one").await;
    let two = db.spawn("two").await;
    let store = db.store().await;
    let rita = one.signed_in(RITA).await;
    let tom = one.signed_in(TOM).await;
    let reader = two.signed_in(SAM).await;
    assert_eq!(first_article(&two, &reader, "gremlin").await, None);

    // One person, however often, teaches nothing.
    for n in 0..5 {
        let funnel = format!("rita-{n}");
        outcome(
            &one,
            &rita,
            &funnel,
            "solved",
            "the money gremlin ate my float",
        )
        .await;
    }
    assert!(!refresh(&*store, Utc::now()).await.unwrap());
    assert_eq!(first_article(&two, &reader, "gremlin").await, None);

    // A second person: the shared words count.
    outcome(&one, &tom, "tom-1", "solved", "gremlin in the money box").await;
    // (This instance's own job may have learned it first, on a new ten-minute slot.)
    refresh(&*store, Utc::now()).await.unwrap();
    assert!(!refresh(&*store, Utc::now()).await.unwrap(), "nothing new");
    assert_eq!(
        first_article(&two, &reader, "gremlin").await.as_deref(),
        Some(DRAWER)
    );
    assert_eq!(
        first_article(&two, &reader, "money gremlins")
            .await
            .as_deref(),
        Some(DRAWER)
    );
    // Rita's other words were hers alone.
    assert_ne!(
        first_article(&two, &reader, "float").await.as_deref(),
        Some(DRAWER)
    );
}

#[tokio::test]
async fn an_article_opened_from_a_form_counts_once_the_form_is_abandoned() {
    let db = TestDb::new().await;
    let app = db.spawn("one").await;
    let store = db.store().await;
    let people = [RITA, TOM, SAM];
    for (n, email) in people.iter().enumerate() {
        let client = app.signed_in(email).await;
        outcome(
            &app,
            &client,
            &format!("open-{n}"),
            "opened",
            "wobbly gremlin",
        )
        .await;
    }
    // Someone who opened it and sent the form anyway does not count.
    let priya = app.signed_in(PRIYA).await;
    outcome(&app, &priya, "sent-1", "opened", "wobbly gremlin").await;
    outcome(&app, &priya, "sent-1", "submitted", "wobbly gremlin").await;

    // Within the hour they may still send the form: nothing learned yet.
    assert!(!refresh(&*store, Utc::now()).await.unwrap());
    // Later, three abandoned forms at half weight each are enough.
    assert!(refresh(&*store, Utc::now() + Duration::hours(2))
        .await
        .unwrap());
    let rita = app.signed_in(RITA).await;
    assert_eq!(
        first_article(&app, &rita, "wobbly").await.as_deref(),
        Some(DRAWER)
    );
}

#[tokio::test]
async fn an_editor_reviews_what_people_typed_and_removes_what_should_not_count() {
    let db = TestDb::new().await;
    let app = db.spawn("one").await;
    let store = db.store().await;
    let rita = app.signed_in(RITA).await;
    let tom = app.signed_in(TOM).await;
    outcome(&app, &rita, "r-1", "solved", "gremlin drawer").await;
    outcome(&app, &tom, "t-1", "solved", "gremlin again").await;
    refresh(&*store, Utc::now()).await.unwrap();
    assert_eq!(
        first_article(&app, &rita, "gremlin").await.as_deref(),
        Some(DRAWER)
    );

    // Requesters may not read it.
    let res = app
        .call(&rita, "article_evidence", &[("slug", DRAWER)])
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);

    let eve = app.signed_in(EVE).await;
    let evidence = app
        .call_json(&eve, "article_evidence", &[("slug", DRAWER)])
        .await;
    let rows = evidence.as_array().unwrap_or_else(|| panic!("{evidence}"));
    let queries: Vec<&str> = rows.iter().map(|r| r["query"].as_str().unwrap()).collect();
    assert_eq!(queries, ["gremlin again", "gremlin drawer"], "newest first");
    assert!(rows
        .iter()
        .all(|r| r["solved"] == true && r["source"] == "form"));
    let serialized = evidence.to_string();
    assert!(!serialized.contains("tom") && !serialized.contains("rita"));

    // Removing Tom's leaves Rita alone: the word is forgotten at once.
    let id = rows[0]["id"].to_string();
    assert!(remove(&app, &eve, DRAWER, "form", &id).await.is_success());
    assert_eq!(first_article(&app, &rita, "gremlin").await, None);
    // Twice is refused, and so is another article's evidence.
    assert_eq!(
        remove(&app, &eve, DRAWER, "form", &id).await,
        StatusCode::NOT_FOUND
    );
    let left = app
        .call_json(&eve, "article_evidence", &[("slug", DRAWER)])
        .await;
    assert_eq!(left.as_array().unwrap().len(), 1);
    let other = left[0]["id"].to_string();
    assert_eq!(
        remove(&app, &eve, "password-expired", "form", &other).await,
        StatusCode::NOT_FOUND
    );

    let audit = store
        .audit_entries(
            &app::backend::audit_store::AuditFilter {
                kind: Some(app::model::AuditKind::SearchEvidence),
                ..Default::default()
            },
            0,
            10,
        )
        .await
        .unwrap()
        .0;
    assert_eq!(audit.len(), 1);
    assert_eq!(audit[0].subject, DRAWER);
    assert!(audit[0].actor.contains(EVE));
}

/// "Did this help?" on `DRAWER`, opened from the results of `query` (empty: not from a search).
async fn vote(app: &TestApp, client: &Client, helpful: &str, query: &str) {
    let res = app
        .call(
            client,
            "vote_article",
            &[("slug", DRAWER), ("helpful", helpful), ("query", query)],
        )
        .await;
    assert!(res.status().is_success(), "{}", res.status());
}

/// An editor's removal of evidence `id` from `source` of `slug`: the answer's status.
async fn remove(app: &TestApp, editor: &Client, slug: &str, source: &str, id: &str) -> StatusCode {
    app.call(
        editor,
        "remove_evidence",
        &[("slug", slug), ("source", source), ("id", id)],
    )
    .await
    .status()
}

#[tokio::test]
async fn a_yes_after_a_search_teaches_search_what_was_searched_for() {
    let db = TestDb::new().await;
    let app = db.spawn("one").await;
    let store = db.store().await;
    let rita = app.signed_in(RITA).await;
    let tom = app.signed_in(TOM).await;
    let sam = app.signed_in(SAM).await;
    let priya = app.signed_in(PRIYA).await;
    assert_eq!(first_article(&app, &rita, "gremlin").await, None);

    vote(&app, &rita, "yes", "  the gremlin ate my float ").await;
    // Saying so again renews Rita's evidence rather than doubling it.
    vote(&app, &rita, "yes", "the gremlin ate my float").await;
    vote(&app, &tom, "yes", "gremlin in the money box").await;
    // A no teaches nothing, nor a yes that came from elsewhere than a search.
    vote(&app, &sam, "no", "gremlin nonsense").await;
    vote(&app, &priya, "yes", "").await;
    refresh(&*store, Utc::now()).await.unwrap();
    assert_eq!(
        first_article(&app, &rita, "gremlin").await.as_deref(),
        Some(DRAWER)
    );

    let eve = app.signed_in(EVE).await;
    let evidence = app
        .call_json(&eve, "article_evidence", &[("slug", DRAWER)])
        .await;
    let rows = evidence.as_array().unwrap_or_else(|| panic!("{evidence}"));
    let queries: Vec<&str> = rows.iter().map(|r| r["query"].as_str().unwrap()).collect();
    assert_eq!(
        queries,
        ["gremlin in the money box", "the gremlin ate my float"],
        "trimmed, newest first"
    );
    assert!(rows
        .iter()
        .all(|r| r["source"] == "search" && r["solved"] == true));

    // Removing Tom's, named by its source, leaves Rita alone: forgotten at once.
    let id = rows[0]["id"].to_string();
    assert_eq!(
        remove(&app, &eve, DRAWER, "form", &id).await,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        remove(&app, &eve, DRAWER, "rumour", &id).await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert!(remove(&app, &eve, DRAWER, "search", &id).await.is_success());
    assert_eq!(first_article(&app, &rita, "gremlin").await, None);
    // Tom voting again does not bring back what the editor removed.
    vote(&app, &tom, "yes", "gremlin in the money box").await;
    refresh(&*store, Utc::now()).await.unwrap();
    assert_eq!(first_article(&app, &rita, "gremlin").await, None);
}

#[tokio::test]
async fn editors_see_what_nobody_found_grouped_by_likeness() {
    let app = spawn().await;
    let rita = app.signed_in(RITA).await;
    let tom = app.signed_in(TOM).await;
    for (client, q) in [
        (&rita, "zorblax quuxinator"),
        (&tom, "Zorblaxes quuxinator"),
        (&tom, "receipt printer"),
        (&rita, "xylophone glimmerz"),
    ] {
        app.call_json(client, "search", &[("q", q)]).await;
    }
    outcome(
        &app,
        &tom,
        "zorb-1",
        "submitted",
        "zorblax quuxinators again",
    )
    .await;

    let eve = app.signed_in(EVE).await;
    let groups = app
        .call_json(&eve, "unanswered_searches", &[("days", "7")])
        .await;
    let groups = groups.as_array().unwrap_or_else(|| panic!("{groups}"));
    let first = &groups[0];
    let queries: Vec<&str> = first["queries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["query"].as_str().unwrap())
        .collect();
    assert_eq!(queries.len(), 3, "{first}");
    assert!(
        queries.contains(&"zorblaxes quuxinator"),
        "lowercased: {queries:?}"
    );
    assert_eq!(
        (first["found_nothing"].as_u64(), first["tickets"].as_u64()),
        (Some(2), Some(1))
    );
    let all = serde_json::to_string(groups).unwrap();
    assert!(all.contains("xylophone glimmerz"));
    assert!(!all.contains("receipt printer"), "it found articles");

    let res = app.call(&rita, "unanswered_searches", &[]).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = app
        .call(&eve, "unanswered_searches", &[("days", "0")])
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
}
