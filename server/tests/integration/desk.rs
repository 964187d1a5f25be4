//! The service desk over real HTTP on a real database: priority from the matrix, group
//! visibility, public replies versus internal notes, the lifecycle, SLA pauses, resolution,
//! rating, reopening, notifications, and the SLA job raising each alert once.

use crate::common::*;
use chrono::{Duration, Utc};
use reqwest::Client;
use serde_json::{json, Value};

const SAM: &str = "sam.store@deskfront.test";
const NINA: &str = "nina.network@deskfront.test";

async fn act(app: &TestApp, who: &Client, number: &str, form: &[(&str, &str)]) -> Value {
    let mut all = vec![("number", number)];
    all.extend_from_slice(form);
    let res = app.call(who, "ticket_action", &all).await;
    let status = res.status();
    let text = res.text().await.unwrap();
    let value: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
    if status.is_success() {
        Value::Null
    } else {
        value
    }
}

async fn detail(app: &TestApp, who: &Client, number: &str) -> Value {
    app.call_json(who, "request", &[("number", number)]).await
}

fn timeline_kinds(detail: &Value) -> Vec<String> {
    detail["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn the_server_computes_the_priority_and_its_due_time_from_the_matrix() {
    let app = spawn().await;
    let sam = app.signed_in(SAM).await;
    let before = Utc::now();
    let p1 = app
        .report_card_reader(&sam, "key-desk-prio-0001", "whole_store")
        .await;
    let p3 = app
        .report_card_reader(&sam, "key-desk-prio-0002", "one_device")
        .await;

    let d = detail(&app, &sam, &p1).await;
    assert_eq!(d["service"]["priority"], "P1");
    assert_eq!(d["service"]["store"], "S012");
    assert_eq!(d["service"]["asset"], "S012-CRD-01");
    assert_eq!(d["service"]["assignment_group"], "Store systems");
    // P1 runs around the clock: first response 15 minutes after the report.
    let due: chrono::DateTime<Utc> =
        serde_json::from_value(d["service"]["response"]["due"].clone()).unwrap();
    assert!(due >= before + Duration::minutes(15) && due <= Utc::now() + Duration::minutes(15));
    assert_eq!(d["service"]["response"]["state"], "running");
    // The answer is kept in the words the person picked.
    let impact = d["answers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["key"] == "impact")
        .unwrap();
    assert_eq!(
        impact["answer"]["value"],
        "The whole store (or several stores)"
    );

    assert_eq!(detail(&app, &sam, &p3).await["service"]["priority"], "P3");

    // An impact that is not in the matrix is refused next to the field.
    let res = app
        .submit(
            &sam,
            json!({
                "item_slug": "card-reader-fault", "form_version": 1,
                "idempotency_key": "key-desk-prio-0003",
                "answers": {"store": ["S012"], "asset": ["S012-CRD-01"],
                    "symptom": ["Other"], "impact": ["P1"], "urgency": ["now"],
                    "description": ["The browser tried to choose the priority itself."]}
            }),
        )
        .await;
    assert!(!res.status().is_success());
    let body: Value = res.json().await.unwrap();
    assert!(body["fields"]["impact"].is_string(), "{body}");
}

#[tokio::test]
async fn an_agent_of_another_group_cannot_see_the_ticket() {
    let app = spawn().await;
    let sam = app.signed_in(SAM).await;
    let number = app
        .report_card_reader(&sam, "key-desk-group-001", "whole_store")
        .await;

    let nina = app.signed_in(NINA).await;
    let hidden = detail(&app, &nina, &number).await;
    assert_eq!(hidden["error"], "not_found", "{hidden}");
    let queue: Value = app.call_json(&nina, "queue", &[]).await;
    assert_eq!(queue["total"], 0, "{queue}");
    let refused = act(&app, &nina, &number, &[("action", "take")]).await;
    assert_eq!(refused["error"], "not_found", "{refused}");

    let ahmed = app.signed_in(AHMED).await;
    let queue: Value = app.call_json(&ahmed, "queue", &[]).await;
    assert_eq!(queue["items"][0]["number"], number.as_str());
    assert_eq!(queue["items"][0]["priority"], "P1");
    assert!(queue["items"][0]["next_due_at"].is_string());

    // Requesters have no queue.
    let refused: Value = app.call_json(&sam, "queue", &[]).await;
    assert_eq!(refused["error"], "forbidden", "{refused}");
}

#[tokio::test]
async fn the_queue_puts_what_breaches_first_on_top_and_filters() {
    let app = spawn().await;
    let sam = app.signed_in(SAM).await;
    let p3 = app
        .report_card_reader(&sam, "key-desk-queue-001", "one_device")
        .await;
    let p1 = app
        .report_card_reader(&sam, "key-desk-queue-002", "whole_store")
        .await;
    let ahmed = app.signed_in(AHMED).await;

    let queue: Value = app.call_json(&ahmed, "queue", &[]).await;
    let order: Vec<&str> = queue["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["number"].as_str().unwrap())
        .collect();
    assert_eq!(order, vec![p1.as_str(), p3.as_str()]);

    let only_p3: Value = app.call_json(&ahmed, "queue", &[("priority", "P3")]).await;
    assert_eq!(only_p3["total"], 1);
    assert_eq!(only_p3["items"][0]["number"], p3.as_str());

    assert!(act(&app, &ahmed, &p3, &[("action", "take")])
        .await
        .is_null());
    let mine: Value = app.call_json(&ahmed, "queue", &[("assignee", "me")]).await;
    assert_eq!(mine["total"], 1);
    assert_eq!(mine["items"][0]["assignee"], "Ahmed Hassan");
    assert_eq!(mine["items"][0]["state"], "in_progress");
    let unassigned: Value = app
        .call_json(&ahmed, "queue", &[("assignee", "none"), ("store", "S012")])
        .await;
    assert_eq!(unassigned["total"], 1);
    assert_eq!(unassigned["items"][0]["number"], p1.as_str());

    let bad = app.call_json(&ahmed, "queue", &[("priority", "P9")]).await;
    assert!(bad["fields"]["priority"].is_string(), "{bad}");

    // One of the agent's groups narrows the queue; a group they do not work in is refused.
    let store_systems: Value = app
        .call_json(&ahmed, "queue", &[("group", "Store systems")])
        .await;
    assert_eq!(store_systems["total"], 2);
    let not_mine = app
        .call_json(&ahmed, "queue", &[("group", "Network")])
        .await;
    assert!(not_mine["fields"]["group"].is_string(), "{not_mine}");
    let groups: Value = app.call_json(&ahmed, "my_groups", &[]).await;
    assert!(groups.as_array().unwrap().contains(&json!("Store systems")));
    assert!(!groups.as_array().unwrap().contains(&json!("Network")));
}

#[tokio::test]
async fn queue_pages_run_through_due_tickets_then_paused_ones_without_gaps_or_repeats() {
    let app = spawn().await;
    let sam = app.signed_in(SAM).await;
    let ahmed = app.signed_in(AHMED).await;
    let mut numbers = Vec::new();
    for i in 0..26 {
        let impact = if i % 2 == 0 {
            "one_device"
        } else {
            "several_tills"
        };
        numbers.push(
            app.report_card_reader(&sam, &format!("key-desk-pages-{i:03}"), impact)
                .await,
        );
    }
    // Two wait for Sam's answer: no due time while paused, so they sort after the rest.
    for paused in &numbers[..2] {
        let asked = act(
            &app,
            &ahmed,
            paused,
            &[("action", "ask"), ("body", "Which till?")],
        )
        .await;
        assert!(asked.is_null(), "{asked}");
    }

    let first: Value = app.call_json(&ahmed, "queue", &[("page", "1")]).await;
    let second: Value = app.call_json(&ahmed, "queue", &[("page", "2")]).await;
    assert_eq!(first["total"], 26);
    let rows: Vec<&Value> = first["items"]
        .as_array()
        .unwrap()
        .iter()
        .chain(second["items"].as_array().unwrap())
        .collect();
    assert_eq!(rows.len(), 26, "page 1 has 25, page 2 the last one");
    let dues: Vec<Option<&str>> = rows.iter().map(|r| r["next_due_at"].as_str()).collect();
    assert!(dues[..24].iter().all(Option::is_some), "{dues:?}");
    assert!(dues[24..].iter().all(Option::is_none), "{dues:?}");
    let times: Vec<chrono::DateTime<Utc>> = dues[..24]
        .iter()
        .map(|d| d.unwrap().parse().unwrap())
        .collect();
    assert!(
        times.windows(2).all(|w| w[0] <= w[1]),
        "soonest first: {times:?}"
    );
    let mut seen: Vec<&str> = rows.iter().map(|r| r["number"].as_str().unwrap()).collect();
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), 26, "a ticket shown twice or missing");
    assert_eq!(
        rows[24]["number"],
        numbers[0].as_str(),
        "paused ones oldest first"
    );
}

#[tokio::test]
async fn the_requester_never_sees_internal_notes() {
    let app = spawn().await;
    let sam = app.signed_in(SAM).await;
    let number = app
        .report_card_reader(&sam, "key-desk-notes-001", "whole_store")
        .await;
    let ahmed = app.signed_in(AHMED).await;

    let note = "Terminal firmware 4.2 is on the known-bad list.";
    assert!(
        act(&app, &ahmed, &number, &[("action", "note"), ("body", note)])
            .await
            .is_null()
    );
    let reply = "We are sending an engineer.";
    assert!(act(
        &app,
        &ahmed,
        &number,
        &[("action", "reply"), ("body", reply)]
    )
    .await
    .is_null());

    let theirs = detail(&app, &sam, &number).await;
    let text = theirs["timeline"].to_string();
    assert!(text.contains(reply));
    assert!(
        !text.contains(note),
        "an internal note reached the requester"
    );
    assert!(!timeline_kinds(&theirs).contains(&"note".to_string()));
    assert!(theirs["desk"].is_null(), "the requester got desk controls");

    let desk = detail(&app, &ahmed, &number).await;
    assert!(desk["timeline"].to_string().contains(note));
    assert!(desk["desk"]["members"].to_string().contains("Ahmed Hassan"));
    let their_note = desk["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["kind"] == "note")
        .unwrap();
    assert_eq!(their_note["internal"], true);
    assert!(theirs["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["internal"] == false));

    // The public reply told the requester, in the portal.
    let unread: Value = app.call_json(&sam, "unread", &[]).await;
    assert_eq!(unread, json!(1));
    let list: Value = app.call_json(&sam, "notifications", &[]).await;
    assert_eq!(list[0]["number"], number.as_str());
    assert_eq!(
        app.call_json(&sam, "unread", &[]).await,
        json!(1),
        "reading the list changes nothing"
    );
    let res = app.call(&sam, "mark_notifications_read", &[]).await;
    assert!(res.status().is_success(), "{}", res.status());
    assert_eq!(app.call_json(&sam, "unread", &[]).await, json!(0));
}

#[tokio::test]
async fn invalid_transitions_and_wrong_people_are_refused() {
    let app = spawn().await;
    let sam = app.signed_in(SAM).await;
    let number = app
        .report_card_reader(&sam, "key-desk-life-0001", "whole_store")
        .await;
    let ahmed = app.signed_in(AHMED).await;

    // The requester cannot act as the desk; the desk cannot reopen for the requester.
    let e = act(
        &app,
        &sam,
        &number,
        &[("action", "resolve"), ("code", "Fixed"), ("body", "x")],
    )
    .await;
    assert_eq!(e["error"], "forbidden", "{e}");
    let e = act(
        &app,
        &ahmed,
        &number,
        &[("action", "reopen"), ("body", "again")],
    )
    .await;
    assert_eq!(e["error"], "forbidden", "{e}");
    // Only a resolved ticket reopens.
    let e = act(
        &app,
        &sam,
        &number,
        &[("action", "reopen"), ("body", "still broken")],
    )
    .await;
    assert_eq!(e["error"], "conflict", "{e}");
    // Resolving needs a known code and words for the requester.
    let e = act(
        &app,
        &ahmed,
        &number,
        &[("action", "resolve"), ("code", "Magic"), ("body", "Done")],
    )
    .await;
    assert!(e["fields"]["code"].is_string(), "{e}");
    let e = act(
        &app,
        &ahmed,
        &number,
        &[("action", "resolve"), ("code", "Fixed"), ("body", " ")],
    )
    .await;
    assert!(e["fields"]["body"].is_string(), "{e}");
    // Assigning to someone outside the group is refused.
    let nina_id = app
        .store()
        .await
        .credentials(NINA)
        .await
        .unwrap()
        .unwrap()
        .user
        .id
        .to_string();
    let e = act(
        &app,
        &ahmed,
        &number,
        &[("action", "assign"), ("assignee", &nina_id)],
    )
    .await;
    assert!(e["fields"]["assignee"].is_string(), "{e}");
    let e = act(&app, &ahmed, &number, &[("action", "dance")]).await;
    assert!(e["fields"]["action"].is_string(), "{e}");

    assert!(act(
        &app,
        &ahmed,
        &number,
        &[
            ("action", "resolve"),
            ("code", "Hardware replaced"),
            ("body", "Swapped the PED.")
        ]
    )
    .await
    .is_null());
    // Resolved: no more questions, no second resolution.
    let e = act(
        &app,
        &ahmed,
        &number,
        &[("action", "ask"), ("body", "Is it working?")],
    )
    .await;
    assert_eq!(e["error"], "conflict", "{e}");
    let e = act(
        &app,
        &ahmed,
        &number,
        &[("action", "resolve"), ("code", "Fixed"), ("body", "Again")],
    )
    .await;
    assert_eq!(e["error"], "conflict", "{e}");

    // Every change is in the audit trail with before and after.
    let desk = detail(&app, &ahmed, &number).await;
    let kinds = timeline_kinds(&desk);
    assert!(kinds.contains(&"state_changed".to_string()));
    assert!(kinds.contains(&"resolved".to_string()));
}

#[tokio::test]
async fn asking_the_requester_pauses_the_sla_and_their_answer_resumes_it() {
    let app = spawn().await;
    let sam = app.signed_in(SAM).await;
    let number = app
        .report_card_reader(&sam, "key-desk-pause-001", "one_device")
        .await;
    let ahmed = app.signed_in(AHMED).await;
    let store = app.store().await;

    assert!(act(&app, &ahmed, &number, &[("action", "take")])
        .await
        .is_null());
    let due_before = store.desk_ticket(&number).await.unwrap().unwrap();
    assert!(
        due_before.responded_at.is_some(),
        "taking the ticket is the first response"
    );

    assert!(act(
        &app,
        &ahmed,
        &number,
        &[("action", "ask"), ("body", "Which till shows the error?")]
    )
    .await
    .is_null());
    let paused = store.desk_ticket(&number).await.unwrap().unwrap();
    assert_eq!(paused.state.as_str(), "awaiting_user");
    assert_eq!(paused.pauses.len(), 1);
    assert!(paused.pauses[0].to.is_none());
    let d = detail(&app, &sam, &number).await;
    assert_eq!(d["service"]["resolution"]["state"], "paused");
    let queue: Value = app.call_json(&ahmed, "queue", &[]).await;
    assert!(
        queue["items"][0]["next_due_at"].is_null(),
        "a paused clock has no due time"
    );

    // Sam answers with an ordinary comment: the ticket goes back to the desk, the clock runs.
    let res = app
        .call(
            &sam,
            "comment",
            &[("number", &number), ("body", "Till 3, it says E-041.")],
        )
        .await;
    assert!(res.status().is_success());
    let resumed = store.desk_ticket(&number).await.unwrap().unwrap();
    assert_eq!(resumed.state.as_str(), "in_progress");
    assert!(resumed.pauses[0].to.is_some());
    let d = detail(&app, &ahmed, &number).await;
    assert_eq!(d["service"]["resolution"]["state"], "running");
    let queue: Value = app.call_json(&ahmed, "queue", &[]).await;
    assert!(queue["items"][0]["next_due_at"].is_string());
}

#[tokio::test]
async fn resolve_then_the_requester_rates_once_and_may_reopen() {
    let app = spawn().await;
    let sam = app.signed_in(SAM).await;
    let number = app
        .report_card_reader(&sam, "key-desk-rate-0001", "whole_store")
        .await;
    let ahmed = app.signed_in(AHMED).await;

    // Not resolved yet: nothing to rate.
    let e = app
        .call_json(&sam, "rate", &[("number", &number), ("rating", "5")])
        .await;
    assert_eq!(e["error"], "conflict", "{e}");

    assert!(act(
        &app,
        &ahmed,
        &number,
        &[
            ("action", "resolve"),
            ("code", "Fixed"),
            ("body", "Reader re-paired with till 3.")
        ]
    )
    .await
    .is_null());
    let d = detail(&app, &sam, &number).await;
    assert_eq!(d["summary"]["state"], "resolved");
    assert_eq!(d["can_rate"], true);
    assert_eq!(d["can_reopen"], true);
    assert_eq!(d["service"]["resolution_code"], "Fixed");

    let e = app
        .call_json(&sam, "rate", &[("number", &number), ("rating", "6")])
        .await;
    assert!(e["fields"]["rating"].is_string(), "{e}");
    let e = app
        .call_json(&ahmed, "rate", &[("number", &number), ("rating", "5")])
        .await;
    assert_eq!(e["error"], "forbidden", "{e}");
    let res = app
        .call(
            &sam,
            "rate",
            &[
                ("number", &number),
                ("rating", "4"),
                ("comment", "Quick, thanks"),
            ],
        )
        .await;
    assert!(res.status().is_success());
    let e = app
        .call_json(&sam, "rate", &[("number", &number), ("rating", "1")])
        .await;
    assert_eq!(e["error"], "conflict", "rated twice: {e}");
    let d = detail(&app, &sam, &number).await;
    assert_eq!(d["rating"], json!([4, "Quick, thanks"]));

    assert!(act(
        &app,
        &sam,
        &number,
        &[("action", "reopen"), ("body", "It failed again at noon.")]
    )
    .await
    .is_null());
    let d = detail(&app, &ahmed, &number).await;
    assert_eq!(d["summary"]["state"], "in_progress");
    assert!(timeline_kinds(&d).contains(&"reopened".to_string()));
}

#[tokio::test]
async fn the_sla_job_raises_each_warning_and_breach_once_across_instances() {
    let db = TestDb::new().await;
    let app = db.spawn("one").await;
    let sam = app.signed_in(SAM).await;
    let number = app
        .report_card_reader(&sam, "key-desk-breach-01", "whole_store")
        .await;

    // Two instances' connections sweep at the same moment, a day later: every clock of the P1
    // ticket is overdue (two warnings, two breaches), and each is raised exactly once.
    let (one, two) = (db.store().await, db.store().await);
    let later = Utc::now() + Duration::days(1);
    let (a, b) = tokio::join!(
        server::jobs::sla_alerts(&*one, later),
        server::jobs::sla_alerts(&*two, later)
    );
    assert_eq!(a.unwrap() + b.unwrap(), 4);
    // A later sweep finds nothing new.
    assert_eq!(server::jobs::sla_alerts(&*one, later).await.unwrap(), 0);

    let detail = one.ticket_detail(&number, true).await.unwrap().unwrap();
    let count = |kind: &str| detail.timeline.iter().filter(|e| e.kind == kind).count();
    assert_eq!(count("sla_breach"), 2);
    assert_eq!(count("sla_warning"), 2);
    // Breaches are for the desk: the requester's view has none.
    let theirs = one.ticket_detail(&number, false).await.unwrap().unwrap();
    assert!(theirs.timeline.iter().all(|e| e.kind != "sla_breach"));
}

#[tokio::test]
async fn every_change_is_on_the_timeline_with_who_before_and_after() {
    let app = spawn().await;
    let sam = app.signed_in(SAM).await;
    let number = app
        .report_card_reader(&sam, "key-desk-audit-001", "whole_store")
        .await;
    let ahmed = app.signed_in(AHMED).await;
    assert!(act(&app, &ahmed, &number, &[("action", "take")])
        .await
        .is_null());
    assert!(act(
        &app,
        &ahmed,
        &number,
        &[
            ("action", "resolve"),
            ("code", "Fixed"),
            ("body", "Cable reseated.")
        ]
    )
    .await
    .is_null());

    let desk = detail(&app, &ahmed, &number).await;
    let changes: Vec<(String, Value, Value, String)> = desk["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| !e["change"].is_null())
        .map(|e| {
            (
                e["change"]["field"].as_str().unwrap().to_string(),
                e["change"]["before"].clone(),
                e["change"]["after"].clone(),
                e["author"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let has = |field: &str, before: Value, after: Value| {
        changes.iter().any(|(f, b, a, who)| {
            f == field && *b == before && *a == after && who == "Ahmed Hassan"
        })
    };
    assert!(
        has("assignee", Value::Null, json!("Ahmed Hassan")),
        "{changes:?}"
    );
    assert!(
        has("state", json!("new"), json!("in_progress")),
        "{changes:?}"
    );
    assert!(
        has("state", json!("in_progress"), json!("resolved")),
        "{changes:?}"
    );
    assert!(
        has("resolution_code", Value::Null, json!("Fixed")),
        "{changes:?}"
    );
}

#[tokio::test]
async fn report_a_fault_lists_store_faults_and_keeps_only_a_known_store_and_till() {
    let app = spawn().await;
    let sam = app.signed_in(SAM).await;
    let report = app
        .call_json(
            &sam,
            "report",
            &[("store", "S012"), ("asset", "S012-REG-03")],
        )
        .await;
    assert_eq!(report["store"]["code"], "S012");
    assert_eq!(report["asset"]["name"], "Register 3");
    let slugs: Vec<&str> = report["faults"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["slug"].as_str().unwrap())
        .collect();
    for fault in [
        "pos-terminal-fault",
        "card-reader-fault",
        "receipt-printer-fault",
        "barcode-scanner-fault",
        "cash-drawer-fault",
        "store-network-outage",
        "other-store-fault",
    ] {
        assert!(slugs.contains(&fault), "{fault} missing from {slugs:?}");
    }
    // Office faults (a laptop) are not store faults.
    assert!(!slugs.contains(&"laptop-fault"), "{slugs:?}");

    // A till of another store, or an unknown store, is dropped rather than trusted.
    let other = app
        .call_json(
            &sam,
            "report",
            &[("store", "S012"), ("asset", "S027-REG-01")],
        )
        .await;
    assert_eq!(other["store"]["code"], "S012");
    assert!(other["asset"].is_null());
    let unknown = app.call_json(&sam, "report", &[("store", "S999")]).await;
    assert!(unknown["store"].is_null());
    assert!(!unknown["faults"].as_array().unwrap().is_empty());
}
