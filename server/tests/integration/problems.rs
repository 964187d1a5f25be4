//! Recurring faults and problem records over real HTTP on a real database: related incidents
//! by device and by store and category within the window, desk-only access by group, opening
//! a problem (links and timeline events), optimistic concurrency on its record, and plain form
//! posts.

use crate::common::*;
use app::backend::store::NewTicket;
use app::domain::TicketState;
use chrono::{Duration, Utc};
use reqwest::Client;
use serde_json::{json, Value};

const SAM: &str = "sam.store@deskfront.test";
const NINA: &str = "nina.network@deskfront.test";
const MO: &str = "mo.manager@deskfront.test";

/// Sam reports a fault with item `item` on `asset` at `store`.
async fn report(
    app: &TestApp,
    sam: &Client,
    item: &str,
    store: &str,
    asset: &str,
    key: &str,
) -> String {
    let symptom = match item {
        "card-reader-fault" => "Declining all cards",
        "pos-terminal-fault" => "Frozen or unresponsive",
        _ => "Other",
    };
    let res = app
        .submit(
            sam,
            json!({
                "item_slug": item,
                "form_version": 1,
                "idempotency_key": key,
                "answers": {
                    "store": [store],
                    "asset": [asset],
                    "symptom": [symptom],
                    "impact": ["one_device"],
                    "urgency": ["today"],
                    "description": ["It stopped working again this morning."],
                }
            }),
        )
        .await;
    let status = res.status();
    let body: Value = res.json().await.unwrap();
    assert!(status.is_success(), "report failed: {body}");
    body["number"].as_str().unwrap().to_string()
}

/// A card reader fault on S012-CRD-01 raised `days_ago` days ago, written straight to the
/// database: the portal only ever files tickets now.
async fn backdated_card_reader(app: &TestApp, days_ago: i64, key: &str) -> String {
    let store = app.store().await;
    let levels = server::config::Config::default().service_levels().unwrap();
    let item = store
        .item_for_submit("card-reader-fault")
        .await
        .unwrap()
        .unwrap();
    let sam = store.credentials(SAM).await.unwrap().unwrap().user;
    let hours = store.store_hours("S012").await.unwrap().unwrap();
    let now = Utc::now() - Duration::days(days_ago);
    let desk = app::backend::desk::plan_new_ticket(
        &levels,
        &item.category,
        &item.fulfilment_group,
        Some("one_device".into()),
        Some("today".into()),
        None,
        Some(("S012".into(), hours)),
        Some("S012-CRD-01".into()),
        TicketState::New,
        now,
    )
    .unwrap();
    store
        .create_ticket(NewTicket {
            kind: item.kind,
            item_id: item.id,
            form_version: item.form_version,
            title: item.name.clone(),
            requester_id: sam.id,
            on_behalf_of: None,
            approver_id: None,
            approval: None,
            state: TicketState::New,
            answers: Vec::new(),
            attachment_ids: Vec::new(),
            idempotency_key: key.into(),
            desk,
            submitted_body: String::new(),
            now,
        })
        .await
        .unwrap()
        .number
}

async fn related(app: &TestApp, who: &Client, number: &str) -> Value {
    app.call_json(who, "related_incidents", &[("number", number)])
        .await
}

fn numbers(list: &Value) -> Vec<String> {
    let mut n: Vec<String> = list
        .as_array()
        .unwrap_or_else(|| panic!("not a list: {list}"))
        .iter()
        .map(|r| r["number"].as_str().unwrap().to_string())
        .collect();
    n.sort();
    n
}

async fn open_problem(
    app: &TestApp,
    who: &Client,
    incident: &str,
    title: &str,
    related: &[&str],
) -> Value {
    let mut form = vec![("incident", incident), ("title", title)];
    form.extend(related.iter().map(|n| ("related[]", *n)));
    app.call_json(who, "open_problem", &form).await
}

fn timeline(detail: &Value) -> Vec<(String, String)> {
    detail["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["kind"].as_str().unwrap().to_string(),
                e["body"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[tokio::test]
async fn related_incidents_share_the_device_or_the_store_and_category_within_the_window() {
    let app = spawn().await;
    let sam = app.signed_in(SAM).await;
    let this = report(
        &app,
        &sam,
        "card-reader-fault",
        "S012",
        "S012-CRD-01",
        "key-rel-this-0001",
    )
    .await;
    let same_device = report(
        &app,
        &sam,
        "card-reader-fault",
        "S012",
        "S012-CRD-01",
        "key-rel-dev-00001",
    )
    .await;
    // Another till device at the same store, same category (tills).
    let same_store = report(
        &app,
        &sam,
        "pos-terminal-fault",
        "S012",
        "S012-REG-01",
        "key-rel-store-001",
    )
    .await;
    // Same category elsewhere, and another category at the same store: not related.
    report(
        &app,
        &sam,
        "card-reader-fault",
        "S045",
        "S045-CRD-01",
        "key-rel-other-001",
    )
    .await;
    report(
        &app,
        &sam,
        "receipt-printer-fault",
        "S012",
        "S012-PRN-01",
        "key-rel-other-002",
    )
    .await;
    let ten_days_ago = backdated_card_reader(&app, 10, "key-rel-old-00001").await;
    backdated_card_reader(&app, 20, "key-rel-old-00002").await;

    let ahmed = app.signed_in(AHMED).await;
    let list = related(&app, &ahmed, &this).await;
    let mut expected = vec![
        same_device.clone(),
        same_store.clone(),
        ten_days_ago.clone(),
    ];
    expected.sort();
    assert_eq!(numbers(&list), expected, "{list}");
    let row = |n: &str| {
        list.as_array()
            .unwrap()
            .iter()
            .find(|r| r["number"] == n)
            .unwrap()
            .clone()
    };
    assert_eq!(row(&same_device)["same_asset"], true);
    assert_eq!(row(&same_store)["same_asset"], false);
    assert_eq!(row(&same_device)["priority"], "P4");
    assert_eq!(row(&same_device)["state"], "new");
    assert!(row(&same_device)["problem"].is_null());
    // Newest first.
    assert_eq!(
        list[list.as_array().unwrap().len() - 1]["number"],
        ten_days_ago.as_str()
    );

    // The window counts from the incident looked at: from the 10-day-old one, the 20-day-old
    // one is within 14 days.
    let from_old = related(&app, &ahmed, &ten_days_ago).await;
    assert_eq!(from_old.as_array().unwrap().len(), 4, "{from_old}");

    // The desk panel says when that many make a recurring fault.
    let detail = app.call_json(&ahmed, "request", &[("number", &this)]).await;
    assert_eq!(
        detail["desk"]["recurring"],
        json!({"window_days": 14, "threshold": 2})
    );
}

#[tokio::test]
async fn only_the_desk_of_the_incidents_sees_related_incidents_and_opens_problems() {
    let app = spawn().await;
    let sam = app.signed_in(SAM).await;
    let this = report(
        &app,
        &sam,
        "card-reader-fault",
        "S012",
        "S012-CRD-01",
        "key-acc-this-0001",
    )
    .await;
    let other = report(
        &app,
        &sam,
        "card-reader-fault",
        "S012",
        "S012-CRD-01",
        "key-acc-othr-0001",
    )
    .await;

    let nina = app.signed_in(NINA).await;
    let hidden = related(&app, &nina, &this).await;
    assert_eq!(hidden["error"], "not_found", "{hidden}");
    let refused = open_problem(&app, &nina, &this, "Card reader drops", &[]).await;
    assert!(refused["fields"]["incident"].is_string(), "{refused}");

    // The requester sees the ticket but not the desk's view of it.
    let refused = related(&app, &sam, &this).await;
    assert_eq!(refused["error"], "forbidden", "{refused}");
    let refused = open_problem(&app, &sam, &this, "Card reader drops", &[]).await;
    assert_eq!(refused["error"], "forbidden", "{refused}");

    // Managers see every group.
    let mo = app.signed_in(MO).await;
    assert_eq!(
        numbers(&related(&app, &mo, &this).await),
        vec![other.clone()]
    );

    // An agent cannot group an incident of a group they do not work in.
    let res = app
        .submit(
            &sam,
            json!({
                "item_slug": "store-network-outage", "form_version": 1,
                "idempotency_key": "key-acc-netw-0001",
                "answers": {"store": ["S012"], "scope": ["Tills only"], "impact": ["several_tills"],
                    "urgency": ["now"], "contact_phone": ["01134960123"],
                    "description": ["Half the tills lost the network."]}
            }),
        )
        .await;
    let body: Value = res.json().await.unwrap();
    let network = body["number"]
        .as_str()
        .unwrap_or_else(|| panic!("{body}"))
        .to_string();
    let ahmed = app.signed_in(AHMED).await;
    let refused = open_problem(&app, &ahmed, &this, "Card reader drops", &[&network]).await;
    assert!(refused["fields"]["related"].is_string(), "{refused}");
    assert_eq!(
        refused["fields"]["related"],
        format!("{network} is not an incident in your groups.")
    );
}

#[tokio::test]
async fn opening_a_problem_links_the_incidents_and_writes_their_timelines() {
    let app = spawn().await;
    let sam = app.signed_in(SAM).await;
    let a = report(
        &app,
        &sam,
        "card-reader-fault",
        "S012",
        "S012-CRD-01",
        "key-prb-a-000001",
    )
    .await;
    let b = report(
        &app,
        &sam,
        "card-reader-fault",
        "S012",
        "S012-CRD-01",
        "key-prb-b-000001",
    )
    .await;
    let c = report(
        &app,
        &sam,
        "pos-terminal-fault",
        "S012",
        "S012-REG-01",
        "key-prb-c-000001",
    )
    .await;
    let d = report(
        &app,
        &sam,
        "card-reader-fault",
        "S012",
        "S012-CRD-01",
        "key-prb-d-000001",
    )
    .await;
    let ahmed = app.signed_in(AHMED).await;

    // Everything is checked first, and nothing is written when something is wrong.
    let empty = open_problem(&app, &ahmed, &a, "  ", &[&b]).await;
    assert!(empty["fields"]["title"].is_string(), "{empty}");
    let unknown = open_problem(&app, &ahmed, &a, "Card reader drops", &["INC9999999"]).await;
    assert!(unknown["fields"]["related"].is_string(), "{unknown}");
    let laptop = app.order_laptop(&sam, "key-prb-req-00001").await;
    let request = open_problem(
        &app,
        &ahmed,
        laptop["number"].as_str().unwrap(),
        "Laptops",
        &[],
    )
    .await;
    assert!(request["fields"]["incident"].is_string(), "{request}");

    let number = open_problem(
        &app,
        &ahmed,
        &a,
        "S012 card reader drops its connection",
        &[&b, &c, &a],
    )
    .await;
    let number = number
        .as_str()
        .unwrap_or_else(|| panic!("{number}"))
        .to_string();
    assert_eq!(number, "PRB0000001");

    let problem = app
        .call_json(&ahmed, "problem", &[("number", &number)])
        .await;
    assert_eq!(problem["title"], "S012 card reader drops its connection");
    assert_eq!(problem["state"], "open");
    assert_eq!(problem["revision"], 1);
    assert_eq!(problem["created_by"], "Ahmed Hassan");
    let mut linked = numbers(&problem["incidents"]);
    let mut expected = vec![a.clone(), b.clone(), c.clone()];
    linked.sort();
    expected.sort();
    assert_eq!(linked, expected);

    // Each incident's timeline says so, for the desk; the requester does not see it.
    for n in [&a, &b, &c] {
        let detail = app.call_json(&ahmed, "request", &[("number", n)]).await;
        assert!(
            timeline(&detail).contains(&(
                "problem_linked".to_string(),
                format!("Linked to problem {number}: S012 card reader drops its connection")
            )),
            "{detail}"
        );
    }
    let own = app.call_json(&sam, "request", &[("number", &a)]).await;
    assert!(!timeline(&own).iter().any(|(k, _)| k == "problem_linked"));

    // Related lists show the problem; an incident joins one problem only.
    let list = related(&app, &ahmed, &d).await;
    let b_row = list
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["number"] == b.as_str())
        .unwrap();
    assert_eq!(b_row["problem"], number.as_str());
    let again = open_problem(&app, &ahmed, &d, "Again", &[&b]).await;
    assert_eq!(
        again["fields"]["related"],
        format!("{b} is already part of {number}.")
    );

    // One more incident joins later.
    let res = app
        .call(
            &ahmed,
            "link_incident",
            &[("problem", &number), ("incident", &d)],
        )
        .await;
    assert!(res.status().is_success(), "{}", res.text().await.unwrap());
    let problem = app
        .call_json(&ahmed, "problem", &[("number", &number)])
        .await;
    assert_eq!(problem["incidents"].as_array().unwrap().len(), 4);
    let detail = app.call_json(&ahmed, "request", &[("number", &d)]).await;
    assert!(timeline(&detail).iter().any(|(k, _)| k == "problem_linked"));
    let twice = app
        .call_json(
            &ahmed,
            "link_incident",
            &[("problem", &number), ("incident", &d)],
        )
        .await;
    assert!(twice["fields"]["incident"].is_string(), "{twice}");

    // Someone who works none of its incidents does not see the problem.
    let nina = app.signed_in(NINA).await;
    let hidden = app
        .call_json(&nina, "problem", &[("number", &number)])
        .await;
    assert_eq!(hidden["error"], "not_found", "{hidden}");
}

#[tokio::test]
async fn updating_a_problem_needs_the_current_revision() {
    let app = spawn().await;
    let sam = app.signed_in(SAM).await;
    let a = report(
        &app,
        &sam,
        "card-reader-fault",
        "S012",
        "S012-CRD-01",
        "key-upd-a-000001",
    )
    .await;
    let b = report(
        &app,
        &sam,
        "card-reader-fault",
        "S012",
        "S012-CRD-01",
        "key-upd-b-000001",
    )
    .await;
    let ahmed = app.signed_in(AHMED).await;
    let number = open_problem(&app, &ahmed, &a, "Card reader drops", &[&b]).await;
    let number = number.as_str().unwrap().to_string();

    let update = |cause: &'static str, state: &'static str, revision: &'static str| {
        let number = number.clone();
        let ahmed = ahmed.clone();
        let app = &app;
        async move {
            let res = app
                .call(
                    &ahmed,
                    "update_problem",
                    &[
                        ("number", number.as_str()),
                        ("cause", cause),
                        ("workaround", "Restart the reader from the till menu."),
                        ("fix", ""),
                        ("state", state),
                        ("revision", revision),
                    ],
                )
                .await;
            let ok = res.status().is_success();
            (ok, res.json::<Value>().await.unwrap())
        }
    };

    let (ok, known) = update(
        "Firmware 4.2 drops the connection after a network blip.",
        "known_error",
        "1",
    )
    .await;
    assert!(ok, "{known}");
    assert_eq!(known, 2);
    // Someone who loaded revision 1 saves after that: refused, nothing overwritten.
    let (ok, stale) = update("I think it is the cable.", "open", "1").await;
    assert!(!ok);
    assert_eq!(stale["error"], "conflict", "{stale}");
    let problem = app
        .call_json(&ahmed, "problem", &[("number", &number)])
        .await;
    assert_eq!(problem["revision"], 2);
    assert_eq!(problem["state"], "known_error");
    assert_eq!(
        problem["cause"],
        "Firmware 4.2 drops the connection after a network blip."
    );
    assert_eq!(
        problem["workaround"],
        "Restart the reader from the till menu."
    );

    // Records are checked: a known error needs its cause, a resolved problem its fix.
    let (ok, invalid) = update("", "known_error", "2").await;
    assert!(!ok);
    assert!(invalid["fields"]["cause"].is_string(), "{invalid}");
    let (_, invalid) = update("x", "resolved", "2").await;
    assert!(invalid["fields"]["fix"].is_string(), "{invalid}");
    let (_, invalid) = update("x", "closed", "2").await;
    assert!(invalid["fields"]["state"].is_string(), "{invalid}");

    // Both incidents' timelines have the change, with the state's before and after.
    for n in [&a, &b] {
        let detail = app.call_json(&ahmed, "request", &[("number", n)]).await;
        let updates: Vec<String> = timeline(&detail)
            .into_iter()
            .filter(|(k, _)| k == "problem_updated")
            .map(|(_, body)| body)
            .collect();
        assert_eq!(
            updates,
            vec![format!(
                "Problem {number}: Open → Known error. cause, workaround updated."
            )],
            "{detail}"
        );
    }

    // Nina works none of its incidents: not found, and nothing changes.
    let nina = app.signed_in(NINA).await;
    let hidden = app
        .call_json(
            &nina,
            "update_problem",
            &[
                ("number", number.as_str()),
                ("cause", "x"),
                ("workaround", ""),
                ("fix", ""),
                ("state", "open"),
                ("revision", "2"),
            ],
        )
        .await;
    assert_eq!(hidden["error"], "not_found", "{hidden}");
}

#[tokio::test]
async fn problems_work_as_plain_form_posts() {
    let app = spawn().await;
    let sam = app.signed_in(SAM).await;
    let a = report(
        &app,
        &sam,
        "card-reader-fault",
        "S012",
        "S012-CRD-01",
        "key-frm-a-000001",
    )
    .await;
    let b = report(
        &app,
        &sam,
        "card-reader-fault",
        "S012",
        "S012-CRD-01",
        "key-frm-b-000001",
    )
    .await;
    let ahmed = app.signed_in(AHMED).await;
    let post = |name: &'static str, form: Vec<(&'static str, String)>| {
        let ahmed = ahmed.clone();
        let url = format!("{}/api/{name}", app.base);
        async move {
            let res = ahmed
                .post(url)
                .header("accept", "text/html")
                .form(&form)
                .send()
                .await
                .unwrap();
            assert!(res.status().is_redirection(), "{}", res.status());
            res.headers()["location"].to_str().unwrap().to_string()
        }
    };

    let refused = post(
        "open_problem",
        vec![("incident", a.clone()), ("title", String::new())],
    )
    .await;
    assert!(
        refused.starts_with(&format!("/requests/{a}?error=")),
        "{refused}"
    );

    let opened = post(
        "open_problem",
        vec![
            ("incident", a.clone()),
            ("title", "Card reader drops".into()),
            ("related[]", b.clone()),
        ],
    )
    .await;
    assert_eq!(opened, "/problems/PRB0000001");
    let problem = app
        .call_json(&ahmed, "problem", &[("number", "PRB0000001")])
        .await;
    assert_eq!(
        problem["incidents"].as_array().unwrap().len(),
        2,
        "{problem}"
    );

    let saved = post(
        "update_problem",
        vec![
            ("number", "PRB0000001".into()),
            ("cause", "Firmware".into()),
            ("workaround", String::new()),
            ("fix", String::new()),
            ("state", "known_error".into()),
            ("revision", "1".into()),
        ],
    )
    .await;
    assert_eq!(saved, "/problems/PRB0000001");
    let stale = post(
        "update_problem",
        vec![
            ("number", "PRB0000001".into()),
            ("cause", "Cable".into()),
            ("workaround", String::new()),
            ("fix", String::new()),
            ("state", "open".into()),
            ("revision", "1".into()),
        ],
    )
    .await;
    assert!(stale.starts_with("/problems/PRB0000001?error="), "{stale}");
}
