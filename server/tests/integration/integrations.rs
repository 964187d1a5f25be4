//! `POST /api/v1/incidents` over real HTTP on a real database: integration tokens (created by
//! admins only, refused when missing, wrong or revoked), incidents raised with the server's
//! priority, one ticket per key, and errors that name the field at fault.

use crate::common::*;
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

const ADA: &str = "ada.admin@deskfront.test";
const MO: &str = "mo.manager@deskfront.test";

/// Ada creates a token for `name` and gets it back, once.
async fn create_token(app: &TestApp, ada: &Client, name: &str) -> (i64, String) {
    let res = app
        .call(ada, "create_integration_token", &[("name", name)])
        .await;
    let status = res.status();
    let body: Value = res.json().await.unwrap();
    assert!(status.is_success(), "token creation failed: {body}");
    assert_eq!(body["name"], name);
    (
        body["id"].as_i64().unwrap(),
        body["token"].as_str().unwrap().to_string(),
    )
}

/// A card reader fault at S012 as a monitoring system would send it.
fn card_reader(key: &str, impact: &str) -> Value {
    json!({
        "item": "card-reader-fault",
        "key": key,
        "answers": {
            "store": "S012",
            "asset": "S012-CRD-01",
            "symptom": "Shows 'Not connected'",
            "impact": impact,
            "urgency": "now",
            "description": "Terminal heartbeat lost for 5 minutes (monitoring check pos-crd-01)."
        }
    })
}

async fn report(app: &TestApp, token: Option<&str>, body: &Value) -> (StatusCode, Value) {
    let mut req = Client::new()
        .post(format!("{}/api/v1/incidents", app.base))
        .json(body);
    if let Some(token) = token {
        req = req.bearer_auth(token);
    }
    let res = req.send().await.unwrap();
    let status = res.status();
    (status, res.json().await.unwrap())
}

fn assert_unauthorized(status: StatusCode, body: &Value) {
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");
    assert_eq!(body["error"], "unauthorized", "{body}");
    assert!(body["message"].as_str().is_some_and(|m| !m.is_empty()));
}

#[tokio::test]
async fn missing_wrong_and_revoked_tokens_are_refused() {
    let app = spawn().await;
    let ada = app.signed_in(ADA).await;
    let (id, token) = create_token(&app, &ada, "Store monitoring").await;
    let body = card_reader("mon-key-auth-0001", "one_device");

    let (status, answer) = report(&app, None, &body).await;
    assert_unauthorized(status, &answer);
    let (status, answer) = report(&app, Some("dfi_not-a-real-token"), &body).await;
    assert_unauthorized(status, &answer);
    let (status, answer) = report(&app, Some(&format!("{token}x")), &body).await;
    assert_unauthorized(status, &answer);
    // A session cookie is no token.
    let res = ada
        .post(format!("{}/api/v1/incidents", app.base))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(res.headers()["www-authenticate"], "Bearer");

    let (status, answer) = report(&app, Some(&token), &body).await;
    assert_eq!(status, StatusCode::CREATED, "{answer}");

    let res = app
        .call(&ada, "revoke_integration_token", &[("id", &id.to_string())])
        .await;
    assert!(res.status().is_success());
    let (status, answer) = report(
        &app,
        Some(&token),
        &card_reader("mon-key-auth-0002", "one_device"),
    )
    .await;
    assert_unauthorized(status, &answer);

    // The list shows the revocation and the last use, and never the token.
    let list = app.call_json(&ada, "integration_tokens", &[]).await;
    let row = &list[0];
    assert_eq!(row["name"], "Store monitoring");
    assert_eq!(row["created_by"], "Ada Whitfield");
    assert!(row["revoked_at"].is_string(), "{list}");
    assert!(row["last_used_at"].is_string(), "{list}");
    assert!(!list.to_string().contains(&token));

    let missing = app
        .call_json(&ada, "revoke_integration_token", &[("id", "999999")])
        .await;
    assert_eq!(missing["error"], "not_found", "{missing}");
}

#[tokio::test]
async fn only_administrators_manage_tokens() {
    let app = spawn().await;
    for who in [AHMED, MO, RITA] {
        let client = app.signed_in(who).await;
        let refused = app
            .call_json(&client, "create_integration_token", &[("name", "Sneaky")])
            .await;
        assert_eq!(refused["error"], "forbidden", "{who}: {refused}");
        let refused = app.call_json(&client, "integration_tokens", &[]).await;
        assert_eq!(refused["error"], "forbidden", "{who}: {refused}");
        let refused = app
            .call_json(&client, "revoke_integration_token", &[("id", "1")])
            .await;
        assert_eq!(refused["error"], "forbidden", "{who}: {refused}");
    }
    let anonymous = app
        .call_json(
            &app.client(),
            "create_integration_token",
            &[("name", "Sneaky")],
        )
        .await;
    assert_eq!(anonymous["error"], "not_signed_in", "{anonymous}");

    let ada = app.signed_in(ADA).await;
    let unnamed = app
        .call_json(&ada, "create_integration_token", &[("name", "  ")])
        .await;
    assert!(unnamed["fields"]["name"].is_string(), "{unnamed}");
    assert_eq!(
        app.call_json(&ada, "integration_tokens", &[]).await,
        json!([])
    );
}

#[tokio::test]
async fn a_valid_token_raises_an_incident_with_the_servers_priority() {
    let app = spawn().await;
    let ada = app.signed_in(ADA).await;
    let (_, token) = create_token(&app, &ada, "Store monitoring").await;

    let (status, p1) = report(
        &app,
        Some(&token),
        &card_reader("mon-key-prio-0001", "whole_store"),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{p1}");
    assert_eq!(p1["created"], true);
    let number = p1["number"].as_str().unwrap();
    assert!(number.starts_with("INC"), "{p1}");
    assert_eq!(p1["url"], format!("/requests/{number}"));
    let (_, p3) = report(
        &app,
        Some(&token),
        &card_reader("mon-key-prio-0002", "one_device"),
    )
    .await;

    let ahmed = app.signed_in(AHMED).await;
    let d = app
        .call_json(&ahmed, "request", &[("number", number)])
        .await;
    assert_eq!(d["service"]["priority"], "P1", "{d}");
    assert_eq!(d["service"]["store"], "S012");
    assert_eq!(d["service"]["asset"], "S012-CRD-01");
    assert_eq!(d["service"]["assignment_group"], "Store systems");
    assert_eq!(d["summary"]["requester_name"], "Store monitoring");
    let submitted = &d["timeline"][0];
    assert_eq!(submitted["kind"], "submitted");
    assert_eq!(submitted["author"], "Store monitoring");
    assert!(
        submitted["body"]
            .as_str()
            .unwrap()
            .contains("Store monitoring"),
        "{submitted}"
    );
    let d3 = app
        .call_json(
            &ahmed,
            "request",
            &[("number", p3["number"].as_str().unwrap())],
        )
        .await;
    assert_eq!(d3["service"]["priority"], "P3", "{d3}");
    // Both are in the desk's queue, the P1 first.
    let queue = app.call_json(&ahmed, "queue", &[]).await;
    assert_eq!(queue["total"], 2);
    assert_eq!(queue["items"][0]["number"], number);
}

#[tokio::test]
async fn the_same_key_twice_is_one_ticket() {
    let app = spawn().await;
    let ada = app.signed_in(ADA).await;
    let (_, token) = create_token(&app, &ada, "Till agent").await;
    let body = card_reader("mon-key-same-0001", "several_tills");

    let (first_status, first) = report(&app, Some(&token), &body).await;
    assert_eq!(first_status, StatusCode::CREATED, "{first}");
    let (again_status, again) = report(&app, Some(&token), &body).await;
    assert_eq!(again_status, StatusCode::OK, "{again}");
    assert_eq!(again["created"], false);
    assert_eq!(again["number"], first["number"]);

    // Keys belong to their token: another integration's same key is its own incident.
    let (_, other) = create_token(&app, &ada, "Network monitoring").await;
    let (status, theirs) = report(&app, Some(&other), &body).await;
    assert_eq!(status, StatusCode::CREATED, "{theirs}");
    assert_ne!(theirs["number"], first["number"]);

    let ahmed = app.signed_in(AHMED).await;
    assert_eq!(app.call_json(&ahmed, "queue", &[]).await["total"], 2);
}

#[tokio::test]
async fn validation_errors_name_the_fields() {
    let app = spawn().await;
    let ada = app.signed_in(ADA).await;
    let (_, token) = create_token(&app, &ada, "Store monitoring").await;

    let mut bad = card_reader("mon-key-invalid-01", "whole_store");
    bad["answers"]["store"] = json!("S999");
    bad["answers"]["impact"] = json!("P1");
    bad["answers"]
        .as_object_mut()
        .unwrap()
        .remove("description");
    let (status, answer) = report(&app, Some(&token), &bad).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
    assert_eq!(answer["error"], "invalid");
    for field in ["store", "impact", "description"] {
        assert!(answer["fields"][field].is_string(), "{field}: {answer}");
    }

    let mut misspelt = card_reader("mon-key-invalid-02", "whole_store");
    misspelt["answers"]["assett"] = json!("S012-CRD-01");
    let (status, answer) = report(&app, Some(&token), &misspelt).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(answer["fields"]["assett"].is_string(), "{answer}");

    let mut keyless = card_reader("", "whole_store");
    keyless.as_object_mut().unwrap().remove("key");
    let (status, answer) = report(&app, Some(&token), &keyless).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(answer["fields"]["key"].is_string(), "{answer}");
    let (_, answer) = report(
        &app,
        Some(&token),
        &card_reader("no spaces allowed", "whole_store"),
    )
    .await;
    assert!(answer["fields"]["key"].is_string(), "{answer}");

    let res = Client::new()
        .post(format!("{}/api/v1/incidents", app.base))
        .bearer_auth(&token)
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let answer: Value = res.json().await.unwrap();
    assert_eq!(answer["error"], "invalid_json", "{answer}");

    // Nothing was raised by any of these.
    let ahmed = app.signed_in(AHMED).await;
    assert_eq!(app.call_json(&ahmed, "queue", &[]).await["total"], 0);
}

#[tokio::test]
async fn only_incident_items_can_be_reported() {
    let app = spawn().await;
    let ada = app.signed_in(ADA).await;
    let (_, token) = create_token(&app, &ada, "Store monitoring").await;
    for (item, key) in [
        ("no-such-item", "mon-key-item-0001"),
        ("laptop", "mon-key-item-0002"),
        ("", "mon-key-item-0003"),
    ] {
        let mut body = card_reader(key, "one_device");
        body["item"] = json!(item);
        let (status, answer) = report(&app, Some(&token), &body).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{item}: {answer}");
        assert!(answer["fields"]["item"].is_string(), "{item}: {answer}");
    }
}
