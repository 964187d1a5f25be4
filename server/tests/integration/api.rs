//! Server functions over real HTTP against a real SQLite database.

use crate::common::*;
use serde_json::{json, Value};

#[tokio::test]
async fn pages_and_server_functions_require_sign_in() {
    let app = spawn().await;
    let anon = app.client();

    let page = anon
        .get(format!("{}/requests", app.base))
        .send()
        .await
        .unwrap();
    assert!(page.status().is_redirection());
    let location = page.headers()["location"].to_str().unwrap();
    assert_eq!(location, "/login?next=%2Frequests");

    let res = app.submit(&anon, laptop_order("anon-key-0001")).await;
    assert!(!res.status().is_success());
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["error"], "not_signed_in");

    let res = app.call(&anon, "my_requests", &[("page", "1")]).await;
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["error"], "not_signed_in");
}

#[tokio::test]
async fn wrong_password_is_refused_without_saying_which_part_was_wrong() {
    let app = spawn().await;
    let client = app.client();
    let res = client
        .post(format!("{}/api/login", app.base))
        .form(&[("email", RITA), ("password", "nope")])
        .send()
        .await
        .unwrap();
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["error"], "invalid");
    assert_eq!(
        body["fields"]["_form"],
        "That email and password do not match an account."
    );

    // A plain browser form gets sent back to the sign-in page with the message.
    let res = client
        .post(format!("{}/api/login", app.base))
        .header("accept", "text/html")
        .form(&[("email", "nobody@deskfront.test"), ("password", "nope")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 302);
    let location = res.headers()["location"].to_str().unwrap();
    assert!(location.starts_with("/login?"), "{location}");
    assert!(location.contains("error="), "{location}");
}

#[tokio::test]
async fn sign_out_ends_the_session() {
    let app = spawn().await;
    let rita = app.signed_in(RITA).await;
    let me: Value = app.call_json(&rita, "me", &[]).await;
    assert_eq!(me["email"], RITA);
    app.call(&rita, "logout", &[]).await;
    let me: Value = app.call_json(&rita, "me", &[]).await;
    assert!(me.is_null());
}

#[tokio::test]
async fn submit_creates_a_numbered_request_awaiting_the_line_manager() {
    let app = spawn().await;
    let rita = app.signed_in(RITA).await;
    let receipt = app.order_laptop(&rita, "key-submit-000001").await;
    assert_eq!(receipt["number"], "REQ0000001");
    assert_eq!(receipt["state"], "awaiting_approval");
    assert_eq!(receipt["created"], true);

    let detail: Value = app
        .call_json(&rita, "request", &[("number", "REQ0000001")])
        .await;
    assert_eq!(detail["summary"]["state"], "awaiting_approval");
    assert_eq!(detail["approver_name"], "Lena Lindqvist");
    assert_eq!(detail["form_version"], 1);
    let keys: Vec<&str> = detail["answers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["key"].as_str().unwrap())
        .collect();
    assert!(keys.contains(&"justification"));

    let mine: Value = app.call_json(&rita, "my_requests", &[("page", "1")]).await;
    assert_eq!(mine["total"], 1);
    assert_eq!(mine["items"][0]["number"], "REQ0000001");
}

#[tokio::test]
async fn the_same_idempotency_key_twice_is_one_ticket() {
    let app = spawn().await;
    let rita = app.signed_in(RITA).await;
    let first = app.order_laptop(&rita, "same-key-000000001").await;
    let again = app.order_laptop(&rita, "same-key-000000001").await;
    assert_eq!(first["number"], again["number"]);
    assert_eq!(again["created"], false);

    // Concurrent duplicates too: a double tap on a slow network.
    let (a, b) = tokio::join!(
        app.submit(&rita, laptop_order("race-key-000000001")),
        app.submit(&rita, laptop_order("race-key-000000001"))
    );
    let a: Value = a.json().await.unwrap();
    let b: Value = b.json().await.unwrap();
    assert_eq!(a["number"], b["number"], "{a} {b}");

    let mine: Value = app.call_json(&rita, "my_requests", &[("page", "1")]).await;
    assert_eq!(mine["total"], 2);
}

#[tokio::test]
async fn validation_errors_come_back_per_field_and_nothing_is_written() {
    let app = spawn().await;
    let rita = app.signed_in(RITA).await;
    let res = app
        .submit(
            &rita,
            json!({
                "item_slug": "laptop",
                "form_version": 1,
                "idempotency_key": "bad-input-00000001",
                "answers": {
                    "model": ["Other"],
                    "justification": ["too short"],
                    "needed_by": ["next tuesday"],
                    "for_someone_else": ["yes"],
                    "colleague_email": ["not-an-email"]
                }
            }),
        )
        .await;
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["error"], "invalid", "{body}");
    let fields = &body["fields"];
    assert!(fields["justification"]
        .as_str()
        .unwrap()
        .contains("at least 20"));
    assert!(fields["needed_by"].as_str().unwrap().contains("YYYY-MM-DD"));
    assert!(fields["colleague_email"]
        .as_str()
        .unwrap()
        .contains("email address"));

    let mine: Value = app.call_json(&rita, "my_requests", &[("page", "1")]).await;
    assert_eq!(mine["total"], 0, "a rejected submit writes nothing");
}

#[tokio::test]
async fn bad_items_versions_keys_and_oversize_text_are_refused_clearly() {
    let app = spawn().await;
    let rita = app.signed_in(RITA).await;

    let mut unknown = laptop_order("unknown-item-0001");
    unknown["item_slug"] = json!("time-machine");
    let body: Value = app.submit(&rita, unknown).await.json().await.unwrap();
    assert_eq!(body["error"], "not_found");

    let mut retired = laptop_order("retired-item-0001");
    retired["item_slug"] = json!("blackberry-handset");
    retired["answers"] = json!({});
    let body: Value = app.submit(&rita, retired).await.json().await.unwrap();
    assert_eq!(body["error"], "conflict");

    let mut old = laptop_order("old-version-00001");
    old["form_version"] = json!(7);
    let body: Value = app.submit(&rita, old).await.json().await.unwrap();
    assert!(
        body["fields"]["_form"]
            .as_str()
            .unwrap()
            .contains("updated"),
        "{body}"
    );

    let body: Value = app
        .submit(&rita, laptop_order("x"))
        .await
        .json()
        .await
        .unwrap();
    assert!(body["fields"]["_form"]
        .as_str()
        .unwrap()
        .contains("submission key"));

    let mut huge = laptop_order("huge-text-000001");
    huge["answers"]["justification"] = json!(["x".repeat(20_000)]);
    let body: Value = app.submit(&rita, huge).await.json().await.unwrap();
    assert!(body["fields"]["justification"].is_string(), "{body}");

    let mut wrong_type = laptop_order("wrong-type-00001");
    wrong_type["answers"]["needed_by"] = json!(42);
    let res = app.submit(&rita, wrong_type).await;
    assert!(!res.status().is_success());

    let mine: Value = app.call_json(&rita, "my_requests", &[("page", "1")]).await;
    assert_eq!(mine["total"], 0);
}

#[tokio::test]
async fn a_requester_cannot_read_another_persons_request() {
    let app = spawn().await;
    let rita = app.signed_in(RITA).await;
    app.order_laptop(&rita, "rita-private-00001").await;

    let tom = app.signed_in(TOM).await;
    let body: Value = app
        .call_json(&tom, "request", &[("number", "REQ0000001")])
        .await;
    assert_eq!(body["error"], "not_found");
    let body: Value = app
        .call_json(
            &tom,
            "comment",
            &[("number", "REQ0000001"), ("body", "peek")],
        )
        .await;
    assert_eq!(body["error"], "not_found");

    // The service desk can.
    let ahmed = app.signed_in(AHMED).await;
    let body: Value = app
        .call_json(&ahmed, "request", &[("number", "REQ0000001")])
        .await;
    assert_eq!(body["summary"]["number"], "REQ0000001");
}

#[tokio::test]
async fn only_the_requesters_line_manager_approves_and_the_requester_sees_it() {
    let app = spawn().await;
    let rita = app.signed_in(RITA).await;
    app.order_laptop(&rita, "approve-me-000001").await;

    // Another approver and the requester herself cannot decide.
    let priya = app.signed_in(PRIYA).await;
    let body: Value = app
        .call_json(
            &priya,
            "decide",
            &[("number", "REQ0000001"), ("decision", "approve")],
        )
        .await;
    assert_eq!(body["error"], "not_found", "{body}");
    let body: Value = app
        .call_json(
            &rita,
            "decide",
            &[("number", "REQ0000001"), ("decision", "approve")],
        )
        .await;
    assert_eq!(body["error"], "forbidden", "{body}");

    let lena = app.signed_in(LENA).await;
    let waiting: Value = app.call_json(&lena, "approvals", &[]).await;
    assert_eq!(waiting.as_array().unwrap().len(), 1);

    // Rejecting needs a reason.
    let body: Value = app
        .call_json(
            &lena,
            "decide",
            &[("number", "REQ0000001"), ("decision", "reject")],
        )
        .await;
    assert!(body["fields"]["comment"].is_string(), "{body}");

    let res = app
        .call(
            &lena,
            "decide",
            &[
                ("number", "REQ0000001"),
                ("decision", "approve"),
                ("comment", "Go ahead"),
            ],
        )
        .await;
    assert!(res.status().is_success());
    let body: Value = app
        .call_json(
            &lena,
            "decide",
            &[("number", "REQ0000001"), ("decision", "approve")],
        )
        .await;
    assert_eq!(body["error"], "conflict", "a decision is made once");

    let detail: Value = app
        .call_json(&rita, "request", &[("number", "REQ0000001")])
        .await;
    assert_eq!(detail["summary"]["state"], "in_progress");
    let approved = detail["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["kind"] == "approval_approved")
        .expect("approval on the timeline");
    assert_eq!(approved["author"], "Lena Lindqvist");
    assert_eq!(approved["body"], "Go ahead");
    let waiting: Value = app.call_json(&lena, "approvals", &[]).await;
    assert!(waiting.as_array().unwrap().is_empty());
}

#[tokio::test]
async fn cancel_only_while_open_and_only_by_the_requester() {
    let app = spawn().await;
    let rita = app.signed_in(RITA).await;
    app.order_laptop(&rita, "cancel-me-0000001").await;

    let ahmed = app.signed_in(AHMED).await;
    let body: Value = app
        .call_json(&ahmed, "cancel", &[("number", "REQ0000001")])
        .await;
    assert_eq!(body["error"], "forbidden");

    let res = app
        .call(
            &rita,
            "cancel",
            &[("number", "REQ0000001"), ("reason", "Ordered by mistake")],
        )
        .await;
    assert!(res.status().is_success());
    let body: Value = app
        .call_json(&rita, "cancel", &[("number", "REQ0000001")])
        .await;
    assert_eq!(body["error"], "conflict");

    // A cancelled request can no longer be approved or commented on.
    let lena = app.signed_in(LENA).await;
    let body: Value = app
        .call_json(
            &lena,
            "decide",
            &[("number", "REQ0000001"), ("decision", "approve")],
        )
        .await;
    assert_eq!(body["error"], "conflict");
    let body: Value = app
        .call_json(
            &rita,
            "comment",
            &[("number", "REQ0000001"), ("body", "hello?")],
        )
        .await;
    assert_eq!(body["error"], "conflict");
}

#[tokio::test]
async fn comments_appear_on_the_timeline() {
    let app = spawn().await;
    let rita = app.signed_in(RITA).await;
    app.order_laptop(&rita, "comment-me-000001").await;
    let body: Value = app
        .call_json(
            &rita,
            "comment",
            &[("number", "REQ0000001"), ("body", "   ")],
        )
        .await;
    assert!(body["fields"]["body"].is_string());
    let res = app
        .call(
            &rita,
            "comment",
            &[("number", "REQ0000001"), ("body", "Any update?")],
        )
        .await;
    assert!(res.status().is_success());
    let detail: Value = app
        .call_json(&rita, "request", &[("number", "REQ0000001")])
        .await;
    let last = detail["timeline"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(last["kind"], "comment");
    assert_eq!(last["body"], "Any update?");
}

#[tokio::test]
async fn attachments_upload_link_and_stay_private() {
    let app = spawn().await;
    let sam = app.signed_in("sam.store@deskfront.test").await;
    let jpeg = vec![0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3];
    let uploaded = app.upload(&sam, "till.jpg", "image/jpeg", jpeg).await;
    let id = uploaded["id"].as_i64().expect("an attachment id");

    let refused = app
        .upload(&sam, "x.html", "text/html", b"<script>".to_vec())
        .await;
    assert_eq!(refused["error"], "invalid");

    let res = app
        .submit(
            &sam,
            json!({
                "item_slug": "receipt-printer-fault",
                "form_version": 1,
                "idempotency_key": "printer-photo-0001",
                "answers": {
                    "store": ["S012"],
                    "asset": ["S012-PRN-01"],
                    "symptom": ["Not printing"],
                    "impact": ["one_device"],
                    "urgency": ["today"],
                    "description": ["The printer on till 3 stopped printing mid-receipt."],
                    "photo": [id.to_string()]
                }
            }),
        )
        .await;
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["number"], "INC0000001", "{body}");

    let own = sam
        .get(format!("{}/attachments/{id}", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(own.status(), 200);
    assert_eq!(own.headers()["x-content-type-options"], "nosniff");

    let rita = app.signed_in(RITA).await;
    let other = rita
        .get(format!("{}/attachments/{id}", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(other.status(), 404);
    let ahmed = app.signed_in(AHMED).await;
    let agent = ahmed
        .get(format!("{}/attachments/{id}", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(agent.status(), 200);
}
