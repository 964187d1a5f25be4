//! Several server instances on one database: nothing a user does may depend on which instance
//! answers. Runs on SQLite by default and on PostgreSQL when `DESKFRONT_TEST_POSTGRES` is set.

use crate::common::*;
use app::backend::store::{EventKind, NewEvent};
use app::domain::TicketState;
use chrono::{Duration, Utc};
use serde_json::{json, Value};
use server::config::JobSettings;
use server::jobs::{run_due, Job};

fn headset_order(key: &str) -> Value {
    json!({
        "item_slug": "headset",
        "form_version": 1,
        "idempotency_key": key,
        "answers": { "headset_type": ["Wired USB"], "reason": ["First headset"] }
    })
}

#[tokio::test]
async fn instances_starting_together_on_an_empty_database_load_the_demo_data_once() {
    let db = TestDb::new().await;
    let (a, b) = tokio::join!(db.spawn("a"), db.spawn("b"));
    let client = a.signed_in(RITA).await;
    let on_a = a.call_json(&client, "catalog", &[]).await;
    let on_b = b.call_json(&client, "catalog", &[]).await;
    let items = on_a["items"].as_array().expect("catalog items").len();
    assert!(items >= 25, "{on_a}");
    assert_eq!(on_b["items"].as_array().unwrap().len(), items);
}

#[tokio::test]
async fn a_session_started_on_one_instance_is_honoured_and_ended_on_the_other() {
    let db = TestDb::new().await;
    let a = db.spawn("a").await;
    let b = db.spawn("b").await;
    // Both instances are on 127.0.0.1; cookies are not kept apart by port, as behind one
    // load balancer they would not be kept apart at all.
    let client = a.signed_in(RITA).await;
    let me = b.call_json(&client, "me", &[]).await;
    assert_eq!(me["email"], RITA, "{me}");

    let res = a
        .submit(&client, headset_order("cross-instance-key-0001"))
        .await;
    assert!(res.status().is_success());
    let mine = b.call_json(&client, "my_requests", &[("page", "1")]).await;
    assert_eq!(mine["total"], 1, "{mine}");

    let res = b.call(&client, "logout", &[]).await;
    assert!(res.status().is_success() || res.status().is_redirection());
    let after = a.call_json(&client, "my_requests", &[("page", "1")]).await;
    assert_eq!(after["error"], "not_signed_in", "{after}");
}

#[tokio::test]
async fn the_same_idempotency_key_at_two_instances_at_once_is_one_ticket() {
    let db = TestDb::new().await;
    let a = db.spawn("a").await;
    let b = db.spawn("b").await;
    let client = a.signed_in(TOM).await;
    // Several rounds: each is a fresh race between the two instances for one key.
    for round in 0..8 {
        let key = format!("two-instance-race-{round:04}");
        let (ra, rb) = tokio::join!(
            a.submit(&client, headset_order(&key)),
            b.submit(&client, headset_order(&key))
        );
        assert!(ra.status().is_success() && rb.status().is_success());
        let ra: Value = ra.json().await.unwrap();
        let rb: Value = rb.json().await.unwrap();
        assert_eq!(
            ra["number"], rb["number"],
            "one ticket for {key}: {ra} {rb}"
        );
    }
    let mine = a.call_json(&client, "my_requests", &[("page", "1")]).await;
    assert_eq!(mine["total"], 8, "{mine}");
    // Numbers are gapless: a losing racer gives its number back.
    let numbers: Vec<&str> = mine["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["number"].as_str().unwrap())
        .collect();
    for n in 1..=8 {
        assert!(
            numbers.contains(&format!("REQ{n:07}").as_str()),
            "{numbers:?}"
        );
    }
}

#[tokio::test]
async fn a_periodic_job_run_by_two_instances_at_once_happens_once() {
    let db = TestDb::new().await;
    let app = db.spawn("web").await;
    let client = app.signed_in(RITA).await;
    let res = app
        .submit(&client, headset_order("job-race-key-0001"))
        .await;
    let body: Value = res.json().await.unwrap();
    let number = body["number"]
        .as_str()
        .expect("a ticket number")
        .to_string();

    // Two independent connections to the database, as two instances would have.
    let (one, two) = (db.store().await, db.store().await);
    let ticket = one.ticket_access(&number).await.unwrap().unwrap();
    let resolve = NewEvent {
        kind: EventKind::Comment,
        author_id: ticket.requester_id,
        body: "Resolved for the test".into(),
        internal: false,
        change: None,
        now: Utc::now(),
    };
    assert!(one
        .transition(ticket.id, TicketState::New, TicketState::Resolved, resolve)
        .await
        .unwrap());

    let settings = JobSettings::default();
    let later = Utc::now() + Duration::days(settings.auto_close_days + 1);
    let (ran_one, ran_two) = tokio::join!(
        run_due(&*one, "instance-one", &settings, later),
        run_due(&*two, "instance-two", &settings, later)
    );
    let (ran_one, ran_two) = (ran_one.unwrap(), ran_two.unwrap());
    let runs = |ran: &[(Job, u64)]| ran.iter().filter(|(j, _)| *j == Job::AutoClose).count();
    assert_eq!(
        runs(&ran_one) + runs(&ran_two),
        1,
        "{ran_one:?} {ran_two:?}"
    );

    // The next slot runs again but finds nothing left to close.
    let next = later + Job::AutoClose.period();
    let again = run_due(&*two, "instance-two", &settings, next)
        .await
        .unwrap();
    assert!(again.contains(&(Job::AutoClose, 0)), "{again:?}");

    let detail = one.ticket_detail(&number, true).await.unwrap().unwrap();
    assert_eq!(detail.summary.state, TicketState::Closed);
    let closed = detail
        .timeline
        .iter()
        .filter(|e| e.kind == "closed")
        .count();
    assert_eq!(closed, 1, "{:?}", detail.timeline);
    let author = &detail.timeline.last().unwrap().author;
    assert_eq!(author, "Deskfront");
}

#[tokio::test]
async fn stores_imported_through_one_instance_are_offered_by_the_other_at_once() {
    let db = TestDb::new().await;
    let a = db.spawn("a").await;
    let b = db.spawn("b").await;
    let ada = a.signed_in("ada.admin@deskfront.test").await;
    let sam = b.signed_in("sam.store@deskfront.test").await;
    // A fault at a store b has never heard of is refused by field (and b now keeps the stores
    // it checks submissions against).
    let fault_at = |key: &str| {
        json!({
            "item_slug": "other-store-fault",
            "form_version": 1,
            "idempotency_key": key,
            "answers": {
                "store": ["S950"],
                "impact": ["one_device"],
                "urgency": ["today"],
                "description": ["The door sensor beeps all day."],
            }
        })
    };
    let refused = b.submit(&sam, fault_at("new-store-fault-01")).await;
    assert!(refused.status().is_client_error(), "{}", refused.status());
    let refused: Value = refused.json().await.unwrap();
    assert_eq!(refused["error"], "invalid", "{refused}");
    assert!(refused["fields"]["store"].is_string(), "{refused}");

    let csv = "code,name,region,timezone\nS950,Leipzig Hbf,East,Europe/Berlin\n";
    let done: Value = ada
        .post(format!("{}/api/import_csv", a.base))
        .json(&json!({ "file": "stores", "csv": csv, "apply": true }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(done["applied"], true, "{done}");

    let accepted = b.submit(&sam, fault_at("new-store-fault-02")).await;
    assert!(
        accepted.status().is_success(),
        "{}",
        accepted.text().await.unwrap()
    );
    let item = b
        .call_json(&sam, "item", &[("slug", "card-reader-fault")])
        .await;
    let stores: Vec<&str> = item["stores"]
        .as_array()
        .unwrap_or_else(|| panic!("{item}"))
        .iter()
        .map(|s| s["code"].as_str().unwrap())
        .collect();
    assert!(stores.contains(&"S950"), "instance b offers {stores:?}");
}

/// Each instance keeps the catalog pages' data in memory (`backend::catalog_cache`); a change
/// through another instance, or straight in the database, shows at the next request.
#[tokio::test]
async fn a_catalog_change_shows_at_once_on_every_instance() {
    let db = TestDb::new().await;
    let (a, b) = tokio::join!(db.spawn("a"), db.spawn("b"));
    let rita = b.signed_in(RITA).await;
    let report = "/report?store=S012&asset=S012-REG-01";
    // Fill b's cache first.
    assert!(b.html(&rita, "/").await.contains("Laptop"));
    assert!(b.html(&rita, "/catalog/laptop").await.contains("Laptop"));
    assert!(b.html(&rita, report).await.contains("Leeds Briggate"));

    // Changed behind the portal's back: the database's triggers move the version all the same.
    db.execute(
        "UPDATE items SET name = $1 WHERE slug = 'laptop'",
        &["Laptop (14-inch)"],
    )
    .await;
    assert!(b.html(&rita, "/").await.contains("Laptop (14-inch)"));
    assert!(b
        .html(&rita, "/catalog/laptop")
        .await
        .contains("Laptop (14-inch)"));

    // Changed on instance a through the admin pages.
    let ada = a.signed_in("ada.admin@deskfront.test").await;
    let s012 = a.call_json(&ada, "admin_store", &[("code", "S012")]).await;
    let revision = s012["store"]["revision"].to_string();
    let saved = a
        .call_json(
            &ada,
            "save_store",
            &[
                ("code", "S012"),
                ("name", "Leeds Briggate (new site)"),
                ("region", "North"),
                ("timezone", "Europe/London"),
                ("revision", revision.as_str()),
            ],
        )
        .await;
    assert!(saved.is_i64(), "{saved}");
    assert!(b
        .html(&rita, report)
        .await
        .contains("Leeds Briggate (new site)"));
}
