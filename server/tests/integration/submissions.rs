//! Submissions under load go through one writer that commits waiting tickets together (group
//! commit, `server::store::group_commit`): each caller still hears about its own ticket only
//! after the commit, a repeat of a key still gets the first ticket, and a ticket that fails to
//! write takes none of its batch-mates with it.

use crate::common::*;
use app::backend::desk_store::DeskFields;
use app::backend::store::NewTicket;
use app::domain::priority::Priority;
use app::domain::{TicketKind, TicketState};
use serde_json::{json, Value};
use std::collections::{BTreeSet, HashMap};

fn password_reset(key: &str) -> Value {
    json!({
        "item_slug": "password-reset-help",
        "form_version": 1,
        "idempotency_key": key,
        "answers": {
            "account": ["Windows / Microsoft 365"],
            "locked_out": ["no"],
            "callback_number": ["07700900123"],
        }
    })
}

/// The number part of "REQ0001234".
fn sequence(number: &str) -> u64 {
    number
        .trim_start_matches(|c: char| c.is_ascii_alphabetic())
        .parse()
        .unwrap_or_else(|_| panic!("not a ticket number: {number}"))
}

#[tokio::test]
async fn many_submissions_at_once_each_get_one_ticket_and_repeats_get_the_first() {
    let app = spawn().await;
    let rita = app.signed_in(RITA).await;
    let before: Value = app.call_json(&rita, "my_requests", &[("page", "1")]).await;
    let before = before["total"].as_u64().unwrap();

    // 40 fresh keys and, sent at the same moment, a second try of the first 10: enough
    // callers waiting at once that the writer commits several of them together.
    let keys: Vec<String> = (0..40).map(|i| format!("group-commit-{i:04}")).collect();
    let sends = keys.iter().chain(keys.iter().take(10)).map(|key| {
        let (app, rita, key) = (&app, &rita, key.clone());
        async move {
            let res = app.submit(rita, password_reset(&key)).await;
            let status = res.status();
            let body: Value = res.json().await.unwrap();
            assert!(status.is_success(), "{key}: {body}");
            (key, body["number"].as_str().unwrap().to_string())
        }
    });
    let answers = futures::future::join_all(sends).await;

    let mut by_key: HashMap<String, String> = HashMap::new();
    for (key, number) in &answers {
        let first = by_key.entry(key.clone()).or_insert_with(|| number.clone());
        assert_eq!(first, number, "{key} got two tickets");
    }
    let numbers: BTreeSet<u64> = by_key.values().map(|n| sequence(n)).collect();
    assert_eq!(numbers.len(), 40, "40 keys, 40 distinct tickets");
    // A repeat that lost the race rolled back its counter step: no number is skipped.
    let (low, high) = (*numbers.first().unwrap(), *numbers.last().unwrap());
    assert_eq!(high - low, 39, "numbers {low}..={high} have gaps");

    let after: Value = app.call_json(&rita, "my_requests", &[("page", "1")]).await;
    assert_eq!(after["total"].as_u64().unwrap(), before + 40);
}

#[tokio::test]
async fn a_ticket_that_cannot_be_written_takes_none_of_its_batch_with_it() {
    let db = TestDb::new().await;
    let store = db.store().await;
    let rita = store.credentials(RITA).await.unwrap().unwrap().user;
    let item = store
        .item_for_submit("password-reset-help")
        .await
        .unwrap()
        .unwrap();
    let ticket = |key: &str, item_id: i64| NewTicket {
        kind: TicketKind::Request,
        item_id,
        form_version: 1,
        title: "Password reset".into(),
        requester_id: rita.id,
        on_behalf_of: None,
        approver_id: None,
        approval: None,
        state: TicketState::New,
        answers: Vec::new(),
        attachment_ids: Vec::new(),
        idempotency_key: key.into(),
        desk: DeskFields {
            priority: Priority::P3,
            impact: None,
            urgency: None,
            category: "access".into(),
            store_code: None,
            asset_tag: None,
            assignment_group: "Service Desk".into(),
            calendar: serde_json::from_value(
                json!({ "name": "always", "timezone": "UTC", "always_open": true }),
            )
            .unwrap(),
            response_minutes: 60,
            resolution_minutes: 480,
            due: Default::default(),
        },
        submitted_body: String::new(),
        now: chrono::Utc::now(),
    };
    // The one with an item that does not exist breaks a foreign key inside the shared
    // transaction; the writer rolls the batch back and writes it again with each ticket in its
    // own savepoint, so only that one fails.
    let writes = (0..20).map(|i| {
        let item_id = if i == 7 { 987_654_321 } else { item.id };
        store.create_ticket(ticket(&format!("batch-fail-{i:04}"), item_id))
    });
    let results = futures::future::join_all(writes).await;
    for (i, result) in results.iter().enumerate() {
        if i == 7 {
            assert!(result.is_err(), "the broken ticket was written: {result:?}");
        } else {
            let created = result.as_ref().expect("its batch-mates are written");
            assert!(created.created);
        }
    }
    let written: BTreeSet<&str> = results
        .iter()
        .filter_map(|r| r.as_ref().ok())
        .map(|c| c.number.as_str())
        .collect();
    assert_eq!(written.len(), 19);
    for (i, result) in results.iter().enumerate() {
        let found = store
            .ticket_by_idempotency_key(rita.id, &format!("batch-fail-{i:04}"))
            .await
            .unwrap();
        assert_eq!(
            found.map(|f| f.number),
            result.as_ref().ok().map(|c| c.number.clone()),
            "ticket {i}: what the caller heard is what the database holds"
        );
    }
}
