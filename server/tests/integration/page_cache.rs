//! The kept pages (`routes::page_cache`): served again only while nothing they show has
//! changed, and never with another response's nonce or submission key.

use crate::common::*;
use reqwest::{Client, StatusCode};

const SAM: &str = "sam.store@deskfront.test";
const AHMED_NAME: &str = "Ahmed";

/// One GET of a page: whether it came from the cache, the nonce its policy header names, its
/// HTML.
struct Got {
    cache: String,
    nonce: String,
    html: String,
}

async fn get(app: &TestApp, client: &Client, path: &str) -> Got {
    get_with(app, client, path, &[]).await
}

async fn get_with(app: &TestApp, client: &Client, path: &str, headers: &[(&str, &str)]) -> Got {
    let mut req = client.get(format!("{}{path}", app.base));
    for (name, value) in headers {
        req = req.header(*name, *value);
    }
    let res = req.send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK, "{path}");
    let header = |name: &str| {
        res.headers()
            .get(name)
            .map(|v| v.to_str().unwrap().to_string())
            .unwrap_or_default()
    };
    let cache = header("x-deskfront-page-cache");
    let csp = header("content-security-policy");
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .unwrap_or_else(|| panic!("{path}: no nonce in {csp:?}"))
        .to_string();
    let html = res.text().await.unwrap();
    Got { cache, nonce, html }
}

/// The page from the cache: a second try when the first was a miss, since the minute may have
/// turned between two requests (a kept page is good for its minute).
async fn get_kept(app: &TestApp, client: &Client, path: &str) -> Got {
    let first = get(app, client, path).await;
    if first.cache == "hit" {
        return first;
    }
    let second = get(app, client, path).await;
    assert_eq!(second.cache, "hit", "{path} was not kept");
    second
}

/// Every submission key in the page: the form's hidden field and the page's data for the
/// browser.
fn keys(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    for marker in [
        r#"name="idempotency_key" value=""#,
        r#"\"submission_key\":\""#,
    ] {
        for (at, _) in html.match_indices(marker) {
            let start = at + marker.len();
            found.push(html[start..start + 36].to_string());
        }
    }
    found
}

/// Every `nonce="…"` the page's scripts carry.
fn script_nonces(html: &str) -> Vec<&str> {
    html.match_indices("nonce=\"")
        .map(|(at, m)| {
            let rest = &html[at + m.len()..];
            &rest[..rest.find('"').unwrap()]
        })
        .collect()
}

#[tokio::test]
async fn a_kept_page_gets_this_responses_nonce_and_a_new_submission_key() {
    let app = spawn().await;
    let rita = app.signed_in(RITA).await;
    let first = get(&app, &rita, "/catalog/laptop").await;
    assert_eq!(first.cache, "miss", "the first visit renders");
    let again = get_kept(&app, &rita, "/catalog/laptop").await;

    for got in [&first, &again] {
        let nonces = script_nonces(&got.html);
        assert!(!nonces.is_empty(), "the page has scripts");
        assert!(
            nonces.iter().all(|n| *n == got.nonce),
            "every script carries the nonce of its own response's header"
        );
        let keys = keys(&got.html);
        assert_eq!(keys.len(), 2, "the form's key and the page data's key");
        assert_eq!(keys[0], keys[1], "one key per page");
    }
    assert_ne!(first.nonce, again.nonce, "a nonce is never sent twice");
    assert_ne!(
        keys(&first.html)[0],
        keys(&again.html)[0],
        "a second visit is a second request, not a retry of the first"
    );
    // Apart from those, the same page.
    let blank = |got: &Got| {
        got.html
            .replace(&got.nonce, "")
            .replace(&keys(&got.html)[0], "")
    };
    assert_eq!(blank(&first), blank(&again));

    // The key of a kept page orders once, like any other.
    let key = keys(&again.html)[0].clone();
    let order = app.order_laptop(&rita, &key).await;
    let retry = app.order_laptop(&rita, &key).await;
    assert_eq!(order["number"], retry["number"]);
}

#[tokio::test]
async fn a_kept_page_follows_the_catalog_the_unread_count_and_the_reader() {
    let db = TestDb::new().await;
    let app = db.spawn("kept").await;
    let sam = app.signed_in(SAM).await;
    for path in ["/", "/report?store=S012&asset=S012-REG-01"] {
        get(&app, &sam, path).await;
        get_kept(&app, &sam, path).await;
    }

    // The catalog changed behind the portal's back: the next visit shows it.
    db.execute(
        "UPDATE items SET name = $1 WHERE slug = 'laptop'",
        &["Laptop (14-inch)"],
    )
    .await;
    let home = get(&app, &sam, "/").await;
    assert_eq!(home.cache, "miss");
    assert!(home.html.contains("Laptop (14-inch)"));

    // A reply to Sam's fault: the header's unread count moves at once.
    let number = app
        .report_card_reader(&sam, "key-page-cache-0001", "one_device")
        .await;
    get_kept(&app, &sam, "/").await;
    let ahmed = app.signed_in(AHMED).await;
    let res = app
        .call(
            &ahmed,
            "ticket_action",
            &[
                ("number", number.as_str()),
                ("action", "reply"),
                ("body", "An engineer is on the way."),
            ],
        )
        .await;
    assert!(res.status().is_success(), "{}", res.status());
    let home = get(&app, &sam, "/").await;
    assert_eq!(home.cache, "miss");
    assert!(
        home.html.contains(r#"data-testid="unread-count""#),
        "the unread count shows"
    );

    // Another reader of the same address gets their own page.
    let theirs = get(&app, &ahmed, "/").await;
    assert_eq!(theirs.cache, "miss");
    assert!(theirs.html.contains(AHMED_NAME));
    assert!(!theirs.html.contains("Sam O"), "nothing of Sam's");

    // The address the browser named is part of the page (links are made from it).
    let proxied = get_with(
        &app,
        &sam,
        "/",
        &[
            ("x-forwarded-host", "portal.example.test"),
            ("x-forwarded-proto", "https"),
        ],
    )
    .await;
    assert_eq!(proxied.cache, "miss");

    // Signed out: the kept page is not served to the browser that held it.
    let res = app.call(&sam, "logout", &[]).await;
    assert!(res.status().is_success() || res.status().is_redirection());
    let res = sam.get(format!("{}/", app.base)).send().await.unwrap();
    assert!(res.status().is_redirection(), "{}", res.status());
    assert!(res.headers().get("x-deskfront-page-cache").is_none());
}

#[tokio::test]
async fn a_kept_article_counts_its_views_and_follows_the_editor() {
    let app = spawn().await;
    let eve = app.signed_in(EVE).await;
    let slug = "kept-article-beeps";
    let path = format!("/kb/{slug}");
    let save = |title: &'static str, state: &'static str, base: &'static str| {
        let form = vec![
            ("draft[slug]", slug),
            ("draft[title]", title),
            ("draft[summary]", "What to do when the reader beeps."),
            ("draft[category]", "pos"),
            ("draft[tags]", "beeps"),
            ("draft[related_items]", "card-reader-fault"),
            ("draft[body_md]", "Wipe the card, then try again."),
            ("draft[state]", state),
            ("base_revision", base),
        ];
        let app = &app;
        let eve = &eve;
        async move { app.call_json(eve, "save_article", &form).await }
    };
    assert_eq!(save("Reader beeps", "published", "0").await, 1);

    let rita = app.signed_in(RITA).await;
    assert_eq!(get(&app, &rita, &path).await.cache, "miss");
    get_kept(&app, &rita, &path).await;
    let third = get(&app, &rita, &path).await;
    assert!(third.html.contains("Reader beeps"));
    // Every visit is a view, kept or rendered (the instance writes its tally every second).
    let store = app.store().await;
    let mut views = 0;
    for _ in 0..50 {
        views = store.article(slug).await.unwrap().unwrap().views;
        if views >= 3 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(views, 3);

    // Edited: the next visit shows the edit.
    assert_eq!(save("Reader beeps twice", "published", "1").await, 2);
    let edited = get(&app, &rita, &path).await;
    assert_eq!(edited.cache, "miss");
    assert!(edited.html.contains("Reader beeps twice"));

    // Retired: gone for readers at once.
    assert_eq!(save("Reader beeps twice", "retired", "2").await, 3);
    let res = rita
        .get(format!("{}{path}", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}

/// On PostgreSQL, sessions asked for at the same moment are read in one query
/// (`store::batch_queue`): each reader must still get their own page, and a signed-out one none.
#[tokio::test]
async fn readers_arriving_together_each_get_their_own_page() {
    let app = spawn().await;
    let readers = [
        (app.signed_in(RITA).await, "Rita Patel"),
        (app.signed_in(LENA).await, "Lena Lindqvist"),
        (app.signed_in(AHMED).await, "Ahmed Hassan"),
        (app.signed_in(PRIYA).await, "Priya Shah"),
    ];
    let tom = app.signed_in(TOM).await;
    let res = app.call(&tom, "logout", &[]).await;
    assert!(res.status().is_success() || res.status().is_redirection());
    let names: Vec<&str> = readers.iter().map(|(_, name)| *name).collect();

    // A kept page (session and stamp) and one rendered each time (session only), many at once.
    async fn ask<'a>(
        client: &Client,
        url: String,
        name: Option<&'a str>,
        path: &'a str,
    ) -> (Option<&'a str>, &'a str, StatusCode, String) {
        let res = client.get(url).send().await.unwrap();
        (name, path, res.status(), res.text().await.unwrap())
    }
    let mut asks = Vec::new();
    for round in 0..6 {
        for (client, name) in &readers {
            let path = if round % 2 == 0 { "/" } else { "/requests" };
            asks.push(ask(
                client,
                format!("{}{path}", app.base),
                Some(*name),
                path,
            ));
        }
        asks.push(ask(&tom, format!("{}/", app.base), None, "/"));
    }
    for (name, path, status, html) in futures::future::join_all(asks).await {
        let Some(name) = name else {
            assert!(
                status.is_redirection(),
                "signed out, yet {path} answered {status}"
            );
            continue;
        };
        assert_eq!(status, StatusCode::OK, "{name} on {path}");
        assert!(html.contains(name), "{name} on {path}: not their page");
        for other in names.iter().filter(|other| **other != name) {
            assert!(!html.contains(other), "{name} on {path} shows {other}");
        }
    }
}
