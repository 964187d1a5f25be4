//! What readers do with the knowledge base, over real HTTP on a real database: the search
//! page, the browser's index snapshot, "Did this help?" votes, view counts and the deflection
//! funnel beside forms.

use crate::common::*;
use reqwest::Client;
use serde_json::Value;

const PRINTER: &str = "receipt-printer-not-printing";

async fn page(app: &TestApp, client: &Client, path: &str) -> (u16, String) {
    let res = client
        .get(format!("{}{path}", app.base))
        .send()
        .await
        .unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

/// A plain HTML form post, as a browser without JavaScript sends it.
async fn form_post(app: &TestApp, client: &Client, name: &str, form: &[(&str, &str)]) -> String {
    let res = client
        .post(format!("{}/api/{name}", app.base))
        .header("accept", "text/html")
        .form(form)
        .send()
        .await
        .unwrap();
    assert!(res.status().is_redirection(), "{}", res.status());
    res.headers()["location"].to_str().unwrap().to_string()
}

#[tokio::test]
async fn the_search_page_ranks_articles_and_items_with_category_filters() {
    let app = spawn().await;
    let client = app.signed_in(RITA).await;

    let (status, html) = page(&app, &client, "/search?q=pritner+wont+print").await;
    assert_eq!(status, 200);
    let first_three: Vec<&str> = html
        .split("data-key=\"")
        .skip(1)
        .take(3)
        .map(|s| s.split('"').next().unwrap())
        .collect();
    assert!(first_three.contains(&PRINTER), "{first_three:?}");
    // Catalog items are in the same results: the fault form for receipt printers.
    assert!(html.contains("href=\"/catalog/receipt-printer-fault\""));
    assert!(html.contains("<mark>"), "matched words are highlighted");
    assert!(html.contains("data-testid=\"category-filters\""));
    assert!(html.contains("href=\"/search?q=pritner%20wont%20print&amp;category=printers\""));

    // The filter keeps only that category.
    let (_, filtered) = page(&app, &client, "/search?q=printer&category=printers").await;
    assert!(filtered.contains(PRINTER));
    assert!(!filtered.contains("href=\"/catalog/receipt-printer-fault\""));

    // Punctuation only, and an empty query: a helpful empty state, not an error.
    let (status, html) = page(&app, &client, "/search?q=%3F%21...").await;
    assert_eq!(status, 200);
    assert!(html.contains("data-testid=\"no-results\""), "{html}");
    let (_, html) = page(&app, &client, "/search").await;
    assert!(html.contains("Type a few words"));

    // Too long: the reason, not a crash.
    let long = "printer ".repeat(30);
    let (status, html) = page(&app, &client, &format!("/search?q={}", long.trim())).await;
    assert_eq!(status, 400, "a refused query is a bad request");
    assert!(
        html.contains("Shorten the search to 200 characters"),
        "{html}"
    );

    // Without a session there is no search page, only the way to sign in.
    let (status, _) = page(&app, &app.client(), "/search?q=printer").await;
    assert_eq!(status, 303);
}

#[tokio::test]
async fn the_browser_gets_a_versioned_snapshot_only_when_it_changed() {
    let app = spawn().await;
    let client = app.signed_in(TOM).await;
    let snapshot = app.call_json(&client, "kb_snapshot", &[]).await;
    let version = snapshot["version"].as_i64().expect("a version");
    let raw = snapshot.to_string();
    assert!(raw.contains("Receipt printer not printing"));
    // Terms of the bodies count for ranking; the bodies themselves stay on the server.
    assert!(
        !raw.contains("## "),
        "article Markdown leaked into the snapshot"
    );

    let have = version.to_string();
    // The device keeps the body without decoding it: the version travels in a header too.
    let sent = app.call(&client, "kb_snapshot", &[]).await;
    assert_eq!(
        sent.headers()[app::model::SNAPSHOT_VERSION_HEADER],
        have.as_str()
    );
    let same = app.call(&client, "kb_snapshot", &[("have", &have)]).await;
    assert!(same
        .headers()
        .get(app::model::SNAPSHOT_VERSION_HEADER)
        .is_none());
    assert_eq!(same.json::<Value>().await.unwrap(), Value::Null);

    // An editor's change moves the version: the browser is told to refresh.
    let eve = app.signed_in(EVE).await;
    let saved = save(&app, &eve, "vpn-wont-connect-at-home", "published", 0).await;
    assert_eq!(saved, 1, "created at revision 1");
    let newer = app
        .call_json(&client, "kb_snapshot", &[("have", &have)])
        .await;
    assert!(newer["version"].as_i64().unwrap() > version);

    let anon = app.call_json(&app.client(), "kb_snapshot", &[]).await;
    assert_eq!(anon["error"], "not_signed_in");
}

/// Saves a small article through the editor's server function; answers with the revision.
async fn save(app: &TestApp, client: &Client, slug: &str, state: &str, base: i64) -> i64 {
    let base = base.to_string();
    let body = app
        .call_json(
            client,
            "save_article",
            &[
                ("draft[slug]", slug),
                ("draft[title]", "VPN will not connect from home"),
                (
                    "draft[summary]",
                    "Steps for when the VPN stops at Connecting at home.",
                ),
                ("draft[category]", "vpn"),
                ("draft[tags]", "vpn, home"),
                ("draft[related_items]", "vpn-access"),
                ("draft[body_md]", "## First\n\nRestart the router."),
                ("draft[state]", state),
                ("base_revision", &base),
            ],
        )
        .await;
    body.as_i64()
        .unwrap_or_else(|| panic!("save failed: {body}"))
}

#[tokio::test]
async fn votes_work_as_plain_forms_and_replace_each_other() {
    let app = spawn().await;
    let client = app.signed_in(RITA).await;
    let store = app.store().await;

    let back = form_post(
        &app,
        &client,
        "vote_article",
        &[
            ("slug", PRINTER),
            ("helpful", "no"),
            ("comment", "Step 3 was unclear"),
        ],
    )
    .await;
    assert_eq!(back, format!("/kb/{PRINTER}?voted=1#feedback"));
    // Voting again replaces the first vote.
    form_post(
        &app,
        &client,
        "vote_article",
        &[("slug", PRINTER), ("helpful", "yes")],
    )
    .await;
    let row = |rows: Vec<app::backend::store::ArticleListRow>| {
        rows.into_iter().find(|r| r.slug == PRINTER).unwrap()
    };
    let r = row(store.article_list().await.unwrap());
    assert_eq!((r.helpful, r.not_helpful), (1, 0));

    // Bad input: sent back to the article with the reason; nothing stored.
    let back = form_post(
        &app,
        &client,
        "vote_article",
        &[("slug", PRINTER), ("helpful", "maybe")],
    )
    .await;
    assert!(back.starts_with(&format!("/kb/{PRINTER}?error=")), "{back}");
    let long = "x".repeat(1001);
    let body = app
        .call_json(
            &client,
            "vote_article",
            &[("slug", PRINTER), ("helpful", "no"), ("comment", &long)],
        )
        .await;
    assert!(body["fields"]["comment"].is_string(), "{body}");
    let body = app
        .call_json(
            &client,
            "vote_article",
            &[("slug", "no-such-article"), ("helpful", "yes")],
        )
        .await;
    assert_eq!(body["error"], "not_found");
    let r = row(store.article_list().await.unwrap());
    assert_eq!((r.helpful, r.not_helpful), (1, 0));
}

/// Many renders of the search page at once, on a multi-threaded runtime like the server's, all
/// get an answer, while other servers start in the same process (as the other tests' do).
/// Two causes of renders that never answered: a reactive `<Title>` that read the query after
/// the page's owner was disposed panicked the render task; and every server start listed the
/// app's routes with Leptos's process-wide "resources do not load" switch on, so a resource
/// first polled meanwhile waited forever (now listed once per process, `server::page_routes`).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_search_pages_all_get_an_answer() {
    const RENDERS: usize = 400;
    const STARTS: usize = 12;
    let app = spawn().await;
    let client = app.signed_in(RITA).await;
    // 32 at a time: enough for renders to overlap across threads, few enough that a slow debug
    // build on a busy machine answers each well within the limit. A stalled render never does.
    let in_flight = std::sync::Arc::new(tokio::sync::Semaphore::new(32));
    let mut renders = tokio::task::JoinSet::new();
    for i in 0..RENDERS {
        let (client, in_flight) = (client.clone(), in_flight.clone());
        let url = format!("{}/search?q={}", app.base, ["printer", "laptop", ""][i % 3]);
        renders.spawn(async move {
            let _permit = in_flight.acquire_owned().await.unwrap();
            let render = async { client.get(url).send().await?.text().await };
            tokio::time::timeout(std::time::Duration::from_secs(45), render).await
        });
    }
    // Servers start (each on a fresh database) while the renders run.
    let starts = async {
        for _ in 0..STARTS {
            drop(spawn().await);
        }
    };
    let answers = async {
        let mut answered = 0;
        while let Some(done) = renders.join_next().await {
            let html = done
                .unwrap()
                .expect("a search page never answered")
                .unwrap();
            assert!(html.contains("data-testid=\"search-page-q\""), "{html}");
            answered += 1;
        }
        answered
    };
    let ((), answered) = tokio::join!(starts, answers);
    assert_eq!(answered, RENDERS);
}

#[tokio::test]
async fn article_views_are_counted_in_batches() {
    let app = spawn().await;
    let client = app.signed_in(RITA).await;
    for _ in 0..3 {
        let (status, html) = page(&app, &client, &format!("/kb/{PRINTER}")).await;
        assert_eq!(status, 200);
        assert!(html.contains("data-testid=\"feedback-form\""));
    }
    // The instance writes its tally every second in tests.
    let store = app.store().await;
    let mut views = 0;
    for _ in 0..50 {
        views = store.article(PRINTER).await.unwrap().unwrap().views;
        if views >= 3 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(views, 3);
}

#[tokio::test]
async fn the_deflection_funnel_is_recorded_and_checked() {
    let app = spawn().await;
    let client = app.signed_in(RITA).await;
    let store = app.store().await;
    let since = chrono::Utc::now() - chrono::Duration::minutes(1);
    let event = |kind: &'static str, article: Option<&'static str>| {
        let mut form = vec![
            ("funnel", "key-0001"),
            ("kind", kind),
            ("item", "receipt-printer-fault"),
            ("query", "prints blank receipts"),
        ];
        if let Some(a) = article {
            form.push(("article", a));
        }
        form
    };
    for (kind, article) in [
        ("shown", Some(PRINTER)),
        ("opened", Some(PRINTER)),
        ("solved", Some(PRINTER)),
        ("submitted", None),
    ] {
        let body = app
            .call_json(&client, "deflection", &event(kind, article))
            .await;
        assert_eq!(body, Value::Null, "{kind}: {body}");
    }
    let counts = store.deflection_counts(since).await.unwrap();
    assert_eq!(
        (counts.shown, counts.opened, counts.solved, counts.submitted),
        (1, 1, 1, 1)
    );

    // Refused by field, and nothing written.
    let refused = [
        (event("solved", None), "article"),
        (event("opened", Some("no-such-article")), "article"),
        (event("submitted", Some(PRINTER)), "article"),
    ];
    for (form, field) in refused {
        let body = app.call_json(&client, "deflection", &form).await;
        assert!(body["fields"][field].is_string(), "{body}");
    }
    let mut unknown_item = event("shown", Some(PRINTER));
    unknown_item[2] = ("item", "no-such-item");
    let body = app.call_json(&client, "deflection", &unknown_item).await;
    assert!(body["fields"]["item"].is_string(), "{body}");
    let mut no_key = event("shown", Some(PRINTER));
    no_key[0] = ("funnel", " ");
    let body = app.call_json(&client, "deflection", &no_key).await;
    assert!(body["fields"]["funnel"].is_string(), "{body}");
    let body = app
        .call_json(&client, "deflection", &event("clicked", Some(PRINTER)))
        .await;
    assert!(body["error"].is_string(), "{body}");
    assert_eq!(store.deflection_counts(since).await.unwrap(), counts);

    let anon = app
        .call_json(&app.client(), "deflection", &event("shown", Some(PRINTER)))
        .await;
    assert_eq!(anon["error"], "not_signed_in");
}
