//! What the offline app relies on from the server: the device snapshot, the service worker and
//! offline shell of this release, and a retried outbox submission that files one ticket.
//! Runs on SQLite, and on PostgreSQL when `DESKFRONT_TEST_POSTGRES` is set.

use crate::common::*;
use serde_json::{json, Value};

const SAM: &str = "sam.store@deskfront.test";

fn till_fault(key: &str) -> Value {
    json!({
        "item_slug": "pos-terminal-fault",
        "form_version": 1,
        "idempotency_key": key,
        "answers": {
            "store": ["S012"],
            "asset": ["S012-REG-03"],
            "symptom": ["Frozen or unresponsive"],
            "impact": ["one_device"],
            "urgency": ["today"],
            "description": ["Register 3 froze on the login screen after the update."]
        }
    })
}

/// Runs one statement on the test database (the server has no "retire" function yet).
async fn execute(db: &TestDb, sql: &str) {
    use sqlx::Connection;
    let url = &db.config.database_url;
    if db.is_postgres() {
        let mut c = sqlx::PgConnection::connect(url).await.unwrap();
        sqlx::query(sql).execute(&mut c).await.unwrap();
    } else {
        let mut c = sqlx::SqliteConnection::connect(url).await.unwrap();
        sqlx::query(sql).execute(&mut c).await.unwrap();
    }
}

#[tokio::test]
async fn the_device_snapshot_holds_every_form_and_article_and_keeps_its_version() {
    let app = spawn().await;
    let anon = app.client();
    let refused = app.call_json(&anon, "offline_snapshot", &[]).await;
    assert_eq!(refused["error"], "not_signed_in");

    let sam = app.signed_in(SAM).await;
    let snapshot = app.call_json(&sam, "offline_snapshot", &[]).await;
    let catalog = app.call_json(&sam, "catalog", &[]).await;
    let offered: Vec<&str> = catalog["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["slug"].as_str().unwrap())
        .collect();
    let kept: Vec<&str> = snapshot["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["card"]["slug"].as_str().unwrap())
        .collect();
    assert_eq!(kept, offered, "every offered item's form, in catalog order");
    assert_eq!(snapshot["catalog"], catalog);

    let till = snapshot["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["card"]["slug"] == "pos-terminal-fault")
        .unwrap();
    assert!(till["form"]["fields"].as_array().unwrap().len() >= 6);
    assert_eq!(
        till["stores"],
        json!([]),
        "the lists are kept once, not per item"
    );
    assert!(snapshot["stores"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["code"] == "S012"));
    assert!(snapshot["assets"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a["tag"] == "S012-REG-03"));
    assert!(snapshot["service"]["levels"].is_object());
    assert!(snapshot["faults"]
        .as_array()
        .unwrap()
        .contains(&json!("pos-terminal-fault")));
    assert!(!snapshot["faults"]
        .as_array()
        .unwrap()
        .contains(&json!("laptop")));

    let articles = snapshot["articles"].as_array().unwrap();
    assert!(articles.len() >= 50, "the demo's published articles");
    let first = &articles[0];
    let served = app
        .call_json(
            &sam,
            "article",
            &[("slug", first["slug"].as_str().unwrap())],
        )
        .await;
    assert_eq!(
        first["html"], served["html"],
        "the same rendering as online"
    );

    let version = snapshot["version"].as_str().unwrap();
    assert_eq!(version.len(), 16);
    let unchanged = app
        .call_json(&sam, "offline_snapshot", &[("have", version)])
        .await;
    assert_eq!(
        unchanged,
        Value::Null,
        "nothing to download when the device is current"
    );
    let stale = app
        .call(&sam, "offline_snapshot", &[("have", "0000000000000000")])
        .await;
    // The device keeps the body without decoding it: the version travels in a header too.
    assert_eq!(
        stale.headers()[app::model::SNAPSHOT_VERSION_HEADER],
        version
    );
    assert_eq!(stale.json::<Value>().await.unwrap()["version"], version);
}

#[tokio::test]
async fn an_outbox_retry_after_a_lost_answer_is_the_same_ticket_even_once_the_item_is_retired() {
    let db = TestDb::new().await;
    let app = db.spawn("test").await;
    let sam = app.signed_in(SAM).await;
    let first = app.submit(&sam, till_fault("outbox-key-0001")).await;
    assert!(first.status().is_success());
    let first: Value = first.json().await.unwrap();
    assert_eq!(first["created"], true);

    execute(
        &db,
        "UPDATE items SET retired = TRUE WHERE slug = 'pos-terminal-fault'",
    )
    .await;
    // The response was lost; the device retries with the same key.
    let retry: Value = app
        .submit(&sam, till_fault("outbox-key-0001"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(retry["number"], first["number"]);
    assert_eq!(retry["created"], false);

    // A submission that waited while the item was retired is refused with the reason, which
    // the outbox shows beside the answers it keeps.
    let late: Value = app
        .submit(&sam, till_fault("outbox-key-0002"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(late["error"], "conflict");
    assert!(late["message"]
        .as_str()
        .unwrap()
        .contains("no longer offered"));
    let mine = app.call_json(&sam, "my_requests", &[("page", "1")]).await;
    assert_eq!(mine["total"], 1, "nothing half-written by the refusal");
}

#[tokio::test]
async fn a_device_file_reference_never_passes_the_server() {
    let app = spawn().await;
    let sam = app.signed_in(SAM).await;
    let mut body = till_fault("outbox-key-0003");
    body["answers"]["photo"] = json!(["local-d0123456789abcdef"]);
    let refused: Value = app.submit(&sam, body).await.json().await.unwrap();
    assert_eq!(refused["error"], "invalid");
    assert!(refused["fields"]["photo"].is_string());
}

#[tokio::test]
async fn the_service_worker_and_offline_shell_belong_to_this_release() {
    let app = spawn().await;
    let anon = app.client();
    let worker = anon
        .get(format!("{}/sw.js", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(worker.status(), 200);
    assert_eq!(worker.headers()["cache-control"], "no-cache");
    assert!(worker.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/javascript"));
    let source = worker.text().await.unwrap();
    let release = source
        .lines()
        .find_map(|l| l.strip_prefix("const RELEASE = \""))
        .and_then(|rest| rest.strip_suffix("\";"))
        .expect("the worker names its release")
        .to_string();
    assert_eq!(release.len(), 12);
    assert!(source.contains(&format!("\"/pkg/r/{release}/deskfront.wasm\"")));
    assert!(source.contains("\"/offline-shell\""));
    assert!(!source.contains("__PRECACHE__"));

    // Public (the worker fetches it when it installs), and without anyone's data.
    let shell = anon
        .get(format!("{}/offline-shell", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(shell.status(), 200);
    let html = shell.text().await.unwrap();
    assert!(html.contains("data-shell=\"offline\""));
    // Rendered for no one: what it says without scripts, in every language.
    assert!(html.contains("<p lang=\"en\">You are offline, and this page needs JavaScript"));
    assert!(html.contains("<p lang=\"de\">Sie sind offline, und diese Seite braucht JavaScript"));
    assert!(html.contains(&format!("/pkg/r/{release}/deskfront.js")));
    assert!(html.contains(&format!("content=\"{release}\"")));

    // Pages name the same release's files.
    let sam = app.signed_in(SAM).await;
    let page = sam.get(format!("{}/", app.base)).send().await.unwrap();
    let html = page.text().await.unwrap();
    assert!(html.contains(&format!("/pkg/r/{release}/deskfront.css")));
    assert!(html.contains("rel=\"manifest\""));

    let other = anon
        .get(format!("{}/pkg/r/000000000000/deskfront.js", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(
        other.status(),
        404,
        "another release's files are not served as this one's"
    );
}
