//! The knowledge base's import and its JSON search endpoint, on a real database (SQLite, or
//! PostgreSQL with `DESKFRONT_TEST_POSTGRES`).

use crate::common::*;
use serde_json::Value;
use server::kb_import::{import, ImportReport};
use std::path::Path;

async fn kb_search(app: &TestApp, client: &reqwest::Client, q: &str) -> (u16, Value) {
    let res = client
        .get(format!("{}/api/v1/kb/search", app.base))
        .query(&[("q", q)])
        .send()
        .await
        .unwrap();
    (res.status().as_u16(), res.json().await.unwrap())
}

fn slugs(body: &Value) -> Vec<String> {
    body["results"]
        .as_array()
        .unwrap_or(&Vec::new())
        .iter()
        .map(|r| r["slug"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn a_misspelt_search_finds_the_article_and_needs_a_session() {
    let app = spawn().await;
    let (status, body) = kb_search(&app, &app.client(), "printer").await;
    assert_eq!(status, 401, "{body}");
    assert_eq!(body["error"], "not_signed_in");

    let client = app.signed_in(RITA).await;
    let (status, body) = kb_search(&app, &client, "pritner wont print").await;
    assert_eq!(status, 200, "{body}");
    let found = slugs(&body);
    assert!(
        found
            .iter()
            .take(3)
            .any(|s| s == "receipt-printer-not-printing"),
        "{found:?}"
    );
    let first = &body["results"][0];
    assert!(first["url"].as_str().unwrap().starts_with("/kb/"));
    assert!(first["score"].as_f64().unwrap() > 0.0);
    // Articles only: the catalog item "Receipt printer fault" is not an article.
    assert!(!found.contains(&"receipt-printer-fault".to_string()));
}

#[tokio::test]
async fn bad_queries_are_refused_by_field() {
    let app = spawn().await;
    let client = app.signed_in(RITA).await;
    let (status, body) = kb_search(&app, &client, "   ").await;
    assert_eq!((status, body["field"].as_str()), (400, Some("q")), "{body}");
    let (status, body) = kb_search(&app, &client, &"x".repeat(201)).await;
    assert_eq!((status, body["field"].as_str()), (400, Some("q")), "{body}");
    let res = client
        .get(format!("{}/api/v1/kb/search?q=vpn&limit=500", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 400);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["field"], "limit");
}

#[tokio::test]
async fn reimporting_updates_instead_of_duplicating_and_every_instance_sees_it() {
    let db = TestDb::new().await;
    let a = db.spawn("a").await;
    let b = db.spawn("b").await;
    let client = a.signed_in(RITA).await;
    // Instance b builds its index now, before the change.
    let (_, before) = kb_search(&b, &client, "xqzvjkw").await;
    assert!(slugs(&before).is_empty(), "{before}");

    let store = db.store().await;
    let system = store.system_user().await.unwrap();
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("seed/kb");
    let again = import(&*store, &shipped, system).await.unwrap();
    assert_eq!(again.created + again.updated, 0, "{again:?}");
    assert!(again.unchanged >= 60);

    // An edited copy of one article, imported twice: one update, then nothing.
    let dir = tempfile::tempdir().unwrap();
    let name = "receipt-printer-not-printing.md";
    let text = std::fs::read_to_string(shipped.join(name)).unwrap();
    let edited = text.replacen(
        "## Quick checks",
        "## Quick checks\n\nThe xqzvjkw test roll is in the drawer.",
        1,
    );
    std::fs::write(dir.path().join(name), edited).unwrap();
    let first = import(&*store, dir.path(), system).await.unwrap();
    assert_eq!(
        first,
        ImportReport {
            created: 0,
            updated: 1,
            unchanged: 0,
            rejected: vec![],
        }
    );
    let second = import(&*store, dir.path(), system).await.unwrap();
    assert_eq!(
        second,
        ImportReport {
            created: 0,
            updated: 0,
            unchanged: 1,
            rejected: vec![],
        }
    );

    // A broken file beside it is reported by name and reason; the good one still imports.
    std::fs::write(
        dir.path().join("broken-front-matter.md"),
        "+++\ntitle = \"No closing line\"\nslug = \"broken-front-matter\"\n\nBody.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("wrong-slug.md"),
        "+++\ntitle = \"T\"\nslug = \"other-slug\"\nsummary = \"S\"\ncategory = \"vpn\"\n+++\nBody.\n",
    )
    .unwrap();
    let mixed = import(&*store, dir.path(), system).await.unwrap();
    assert_eq!((mixed.created, mixed.updated, mixed.unchanged), (0, 0, 1));
    let reasons: Vec<String> = mixed
        .rejected
        .iter()
        .map(|(f, r)| format!("{f}: {r}"))
        .collect();
    assert_eq!(reasons.len(), 2, "{reasons:?}");
    assert!(reasons[0].contains("broken-front-matter.md") && reasons[0].contains("closing +++"));
    assert!(
        reasons[1].contains("wrong-slug.md") && reasons[1].contains("differs from the file name")
    );
    std::fs::remove_file(dir.path().join("broken-front-matter.md")).unwrap();
    std::fs::remove_file(dir.path().join("wrong-slug.md")).unwrap();

    // Instance b noticed the new version and rebuilt its index: no restart.
    let (_, after) = kb_search(&b, &client, "xqzvjkw").await;
    assert_eq!(slugs(&after), ["receipt-printer-not-printing"], "{after}");
    let (_, on_a) = kb_search(&a, &client, "xqzvjkw").await;
    assert_eq!(slugs(&on_a), slugs(&after));
}

#[tokio::test]
async fn an_article_page_renders_on_the_server_with_clean_html() {
    let db = TestDb::new().await;
    let app = db.spawn("web").await;
    let store = db.store().await;
    let system = store.system_user().await.unwrap();
    // An article whose author tried to smuggle a script and an event handler in.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("hostile-article.md"),
        "+++\ntitle = \"Hostile article\"\nslug = \"hostile-article\"\nsummary = \"Testing the sanitiser.\"\ncategory = \"software\"\nrelated_items = [\"software-install\"]\n+++\n\n## Safe heading\n\n<script>alert('x')</script>\n\n<img src=x onerror=\"alert('y')\">\n\n[bad](javascript:alert('z'))\n",
    )
    .unwrap();
    import(&*store, dir.path(), system).await.unwrap();

    let client = app.signed_in(RITA).await;
    let page = client
        .get(format!("{}/kb/hostile-article", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains("<h2>Safe heading</h2>"), "{html}");
    assert!(
        html.contains("href=\"/catalog/software-install\""),
        "related item link"
    );
    for bad in ["alert('x')", "onerror", "javascript:alert"] {
        assert!(!html.contains(bad), "{bad} reached the page");
    }

    let shipped = client
        .get(format!("{}/kb/receipt-printer-not-printing", app.base))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(shipped.contains("Receipt printer not printing"));

    let missing = app
        .call_json(&client, "article", &[("slug", "no-such-article")])
        .await;
    assert_eq!(missing["error"], "not_found", "{missing}");
}
