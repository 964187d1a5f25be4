//! The audit log over real HTTP on a real database: administrative changes write an entry in the
//! same transaction, only administrators read it (page, server function and CSV), its filter
//! refuses bad input by field, and the database refuses to change or delete an entry.

use crate::common::*;
use reqwest::{Client, StatusCode};
use serde_json::Value;
use sqlx::Connection;

const ADA: &str = "ada.admin@deskfront.test";
const MO: &str = "mo.manager@deskfront.test";

async fn audit(app: &TestApp, client: &Client, form: &[(&str, &str)]) -> Value {
    app.call_json(client, "audit_log", form).await
}

/// Ada creates the token `name`, revokes it, and revokes it once more.
async fn create_and_revoke(app: &TestApp, ada: &Client, name: &str) -> String {
    let created = app
        .call_json(ada, "create_integration_token", &[("name", name)])
        .await;
    let id = created["id"].as_i64().expect("token created").to_string();
    for _ in 0..2 {
        let res = app
            .call(ada, "revoke_integration_token", &[("id", &id)])
            .await;
        assert!(res.status().is_success(), "revoke: {}", res.status());
    }
    created["token"].as_str().unwrap().to_string()
}

#[tokio::test]
async fn token_changes_are_audited_once_each_without_the_token() {
    let app = spawn().await;
    let ada = app.signed_in(ADA).await;
    let token = create_and_revoke(&app, &ada, "Store monitoring").await;

    let log = audit(&app, &ada, &[]).await;
    assert_eq!(log["total"], 2, "a second revoke is not a change: {log}");
    let entries = log["items"].as_array().unwrap();
    let actions: Vec<&str> = entries
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, ["revoke", "create"], "newest first");
    for e in entries {
        assert_eq!(e["kind"], "integration_token");
        assert_eq!(e["subject"], "Store monitoring");
        assert!(
            e["actor"].as_str().unwrap().contains("Ada Whitfield"),
            "{e}"
        );
    }
    assert!(entries[1]["before"].is_null());
    assert!(entries[1]["after"]
        .as_str()
        .unwrap()
        .contains("Store monitoring"));
    assert!(entries[0]["before"].as_str().unwrap().contains("null"));
    assert!(
        !log.to_string().contains(&token),
        "the token reached the audit log"
    );
}

#[tokio::test]
async fn only_administrators_read_the_audit_log() {
    let app = spawn().await;
    for who in [RITA, EVE, AHMED, MO] {
        let client = app.signed_in(who).await;
        let refused = audit(&app, &client, &[]).await;
        assert_eq!(refused["error"], "not_found", "{who}: {refused}");
        // A bad filter from them is not even read.
        let refused = audit(&app, &client, &[("from", "yesterday")]).await;
        assert_eq!(refused["error"], "not_found", "{who}: {refused}");
        let page = client
            .get(format!("{}/admin/audit", app.base))
            .send()
            .await
            .unwrap();
        assert_eq!(page.status(), StatusCode::NOT_FOUND, "{who}: the page");
        let html = page.text().await.unwrap();
        assert!(!html.contains("audit-entry"), "{who} saw entries");
        let csv = client
            .get(format!("{}/admin/audit.csv", app.base))
            .send()
            .await
            .unwrap();
        assert_eq!(csv.status(), StatusCode::NOT_FOUND, "{who}: the CSV");
    }
    let anonymous = app.client();
    let refused = audit(&app, &anonymous, &[]).await;
    assert_eq!(refused["error"], "not_signed_in", "{refused}");
    let csv = anonymous
        .get(format!("{}/admin/audit.csv", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(csv.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn the_filter_narrows_the_log_and_refuses_bad_input_by_field() {
    let app = spawn().await;
    let ada = app.signed_in(ADA).await;
    create_and_revoke(&app, &ada, "Store monitoring").await;
    create_and_revoke(&app, &ada, "Till agent").await;

    let count = |v: Value| v["total"].as_i64().unwrap_or(-1);
    assert_eq!(count(audit(&app, &ada, &[]).await), 4);
    assert_eq!(
        count(audit(&app, &ada, &[("q", "TILL")]).await),
        2,
        "case ignored"
    );
    assert_eq!(
        count(audit(&app, &ada, &[("q", "ada.admin@")]).await),
        4,
        "actor matched"
    );
    assert_eq!(
        count(audit(&app, &ada, &[("q", "%")]).await),
        0,
        "% is literal"
    );
    assert_eq!(count(audit(&app, &ada, &[("kind", "person")]).await), 0);
    assert_eq!(
        count(audit(&app, &ada, &[("kind", "integration_token")]).await),
        4
    );
    let today = chrono::Utc::now().date_naive();
    let tomorrow = today.succ_opt().unwrap().to_string();
    let today = today.to_string();
    assert_eq!(
        count(audit(&app, &ada, &[("from", &today), ("to", &today)]).await),
        4
    );
    assert_eq!(count(audit(&app, &ada, &[("from", &tomorrow)]).await), 0);

    for (field, form) in [
        ("kind", vec![("kind", "gossip")]),
        ("from", vec![("from", "1.12.2026")]),
        (
            "to",
            vec![("from", tomorrow.as_str()), ("to", today.as_str())],
        ),
    ] {
        let refused = audit(&app, &ada, &form).await;
        assert_eq!(refused["error"], "invalid", "{refused}");
        assert!(refused["fields"][field].is_string(), "{field}: {refused}");
    }
    // Without JavaScript the page shows the message beside the field, with a 400.
    let page = ada
        .get(format!("{}/admin/audit?from=1.12.2026", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::BAD_REQUEST);
    assert!(page.text().await.unwrap().contains("YYYY-MM-DD"));
}

#[tokio::test]
async fn the_page_and_the_csv_show_the_same_entries() {
    let app = spawn().await;
    let ada = app.signed_in(ADA).await;
    create_and_revoke(&app, &ada, "Store monitoring, \"east\"").await;

    let html = app.html(&ada, "/admin/audit").await;
    assert_eq!(
        html.matches("data-testid=\"audit-entry\"").count(),
        2,
        "{html}"
    );
    assert!(html.contains("2 changes"));

    let csv = ada
        .get(format!(
            "{}/admin/audit.csv?kind=integration_token",
            app.base
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(csv.status(), StatusCode::OK);
    assert!(csv.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    let body = csv.text().await.unwrap();
    let lines: Vec<&str> = body.lines().collect();
    assert_eq!(lines[0], "time,actor,kind,action,subject,before,after");
    assert_eq!(lines.len(), 3, "{body}");
    assert!(
        lines[1].contains(",revoke,\"Store monitoring, \"\"east\"\"\","),
        "{body}"
    );
}

#[tokio::test]
async fn the_database_refuses_to_change_or_delete_an_entry() {
    let db = TestDb::new().await;
    let app = db.spawn("audit").await;
    let ada = app.signed_in(ADA).await;
    create_and_revoke(&app, &ada, "Store monitoring").await;

    let statements = [
        "UPDATE audit_log SET actor = 'someone else'",
        "DELETE FROM audit_log",
    ];
    for sql in statements {
        let refused = if db.is_postgres() {
            let mut c = sqlx::PgConnection::connect(&db.config.database_url)
                .await
                .unwrap();
            sqlx::query(sql).execute(&mut c).await.err()
        } else {
            let mut c = sqlx::SqliteConnection::connect(&db.config.database_url)
                .await
                .unwrap();
            sqlx::query(sql).execute(&mut c).await.err()
        };
        let message = refused.map(|e| e.to_string()).unwrap_or_default();
        assert!(message.contains("append-only"), "{sql}: {message:?}");
    }
    if db.is_postgres() {
        let mut c = sqlx::PgConnection::connect(&db.config.database_url)
            .await
            .unwrap();
        let refused = sqlx::query("TRUNCATE audit_log").execute(&mut c).await;
        assert!(refused.is_err(), "TRUNCATE went through");
    }
    let log = audit(&app, &ada, &[]).await;
    assert_eq!(log["total"], 2);
}
