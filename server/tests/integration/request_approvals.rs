//! A request's two-step approval over real HTTP on a real database (issue 22): the demo's
//! software licence names the chain "Software purchase" — the requester's line manager, then one
//! of the software owners for the expensive products — and reaches the desk only after both.

use crate::common::*;
use reqwest::Client;
use serde_json::{json, Value};

const RITA: &str = "rita.requester@deskfront.test";
const LENA: &str = "lena.lead@deskfront.test";
const PRIYA: &str = "priya.approver@deskfront.test";
const EVE: &str = "eve.editor@deskfront.test";
const AHMED: &str = "ahmed.agent@deskfront.test";

/// Rita orders `product`; answers with the request's number and state.
pub(crate) async fn order(
    app: &TestApp,
    rita: &Client,
    key: &str,
    product: &str,
) -> (String, String) {
    let res = app
        .submit(
            rita,
            json!({
                "item_slug": "software-licence",
                "form_version": 1,
                "idempotency_key": key,
                "answers": {
                    "product": [product],
                    "licences": ["1"],
                    "cost_centre": ["CC4120"],
                    "justification": ["The store planning drawings are made in this tool."],
                }
            }),
        )
        .await;
    let status = res.status();
    let body: Value = res.json().await.unwrap();
    assert!(status.is_success(), "{body}");
    (
        body["number"].as_str().unwrap().to_string(),
        body["state"].as_str().unwrap().to_string(),
    )
}

async fn decide(app: &TestApp, who: &Client, number: &str, decision: &str, comment: &str) -> u16 {
    app.call(
        who,
        "decide",
        &[
            ("number", number),
            ("decision", decision),
            ("comment", comment),
        ],
    )
    .await
    .status()
    .as_u16()
}

async fn waiting(app: &TestApp, who: &Client) -> Vec<Value> {
    app.call_json(who, "approvals", &[])
        .await
        .as_array()
        .cloned()
        .unwrap_or_default()
}

async fn request(app: &TestApp, who: &Client, number: &str) -> Value {
    app.call_json(who, "request", &[("number", number)]).await
}

#[tokio::test]
async fn an_expensive_licence_needs_the_line_manager_then_a_software_owner_before_the_desk_sees_it()
{
    let app = spawn().await;
    let rita = app.signed_in(RITA).await;
    let (number, state) = order(&app, &rita, "key-sw-two-step-1", "Adobe Creative Cloud").await;
    assert_eq!(state, "awaiting_approval");
    let mine = request(&app, &rita, &number).await;
    assert_eq!(mine["approval"]["chain"], "Software purchase", "{mine}");
    assert_eq!(mine["approval"]["steps"][0]["state"], "waiting");
    assert_eq!(mine["approval"]["steps"][1]["state"], "later");

    // The software owners' turn has not come: they neither see it nor decide it.
    let priya = app.signed_in(PRIYA).await;
    assert!(waiting(&app, &priya).await.is_empty());
    assert_eq!(
        decide(&app, &priya, &number, "approve", "").await,
        409,
        "not her step yet"
    );
    let ahmed = app.signed_in(AHMED).await;
    assert_eq!(
        decide(&app, &ahmed, &number, "approve", "").await,
        404,
        "not his to decide, and not his to know of"
    );

    // Rita's line manager first.
    let lena = app.signed_in(LENA).await;
    let hers = waiting(&app, &lena).await;
    assert_eq!(hers.len(), 1, "{hers:?}");
    assert_eq!(hers[0]["ticket"]["number"], number.as_str());
    assert_eq!(hers[0]["step"], "Line manager");
    assert_eq!(
        decide(&app, &lena, &number, "approve", "Budget is there.").await,
        200
    );
    assert_eq!(
        decide(&app, &lena, &number, "approve", "").await,
        409,
        "once"
    );
    assert_eq!(
        request(&app, &rita, &number).await["summary"]["state"],
        "awaiting_approval",
        "one step of two"
    );
    // Lena decided, so she may still read it.
    assert_eq!(
        app.call(&lena, "request", &[("number", &number)])
            .await
            .status(),
        200
    );

    // Then any one of the software owners: Priya or Eve.
    let eve = app.signed_in(EVE).await;
    let for_eve = waiting(&app, &eve).await;
    assert_eq!(for_eve.len(), 1);
    assert_eq!(for_eve[0]["step"], "Software owner");
    assert_eq!(decide(&app, &priya, &number, "approve", "").await, 200);
    assert!(waiting(&app, &eve).await.is_empty(), "any one decides");
    let done = request(&app, &rita, &number).await;
    assert_eq!(done["summary"]["state"], "in_progress", "{done}");
    assert_eq!(done["approval"]["status"], "approved");
    let kinds: Vec<&str> = done["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .filter(|k| k.starts_with("approval"))
        .collect();
    assert_eq!(
        kinds,
        ["approval_step", "approval_approved"],
        "the requester hears of the end, not of each step"
    );

    // Only now the desk has it.
    assert_eq!(
        app.call(&ahmed, "request", &[("number", &number)])
            .await
            .status(),
        200
    );
}

#[tokio::test]
async fn a_cheap_licence_skips_the_owners_and_a_rejection_at_any_step_ends_the_chain() {
    let app = spawn().await;
    let rita = app.signed_in(RITA).await;
    let lena = app.signed_in(LENA).await;
    let priya = app.signed_in(PRIYA).await;

    // Visio is not one of the expensive products: the line manager alone.
    let (cheap, _) = order(&app, &rita, "key-sw-cheap-0001", "Microsoft Visio").await;
    let steps = request(&app, &rita, &cheap).await["approval"]["steps"].clone();
    assert_eq!(steps[1]["state"], "skipped", "{steps}");
    assert_eq!(decide(&app, &lena, &cheap, "approve", "").await, 200);
    assert_eq!(
        request(&app, &rita, &cheap).await["summary"]["state"],
        "in_progress"
    );

    // Rejected by the software owner after the manager approved: the request is rejected.
    let (dear, _) = order(&app, &rita, "key-sw-reject-001", "Tableau Creator").await;
    assert_eq!(decide(&app, &lena, &dear, "approve", "").await, 200);
    let why = app
        .call_json(
            &priya,
            "decide",
            &[("number", &dear), ("decision", "reject"), ("comment", "")],
        )
        .await;
    assert!(why["fields"]["comment"].is_string(), "{why}");
    assert_eq!(
        decide(
            &app,
            &priya,
            &dear,
            "reject",
            "We have a spare licence; ask the desk."
        )
        .await,
        200
    );
    let rejected = request(&app, &rita, &dear).await;
    assert_eq!(rejected["summary"]["state"], "rejected", "{rejected}");
    assert_eq!(rejected["approval"]["steps"][1]["state"], "rejected");

    // A request cancelled while it waits withdraws its chain: nobody is asked any more.
    let (third, _) = order(&app, &rita, "key-sw-cancel-001", "Adobe Creative Cloud").await;
    let cancelled = app.call(&rita, "cancel", &[("number", &third)]).await;
    assert!(cancelled.status().is_success(), "{}", cancelled.status());
    assert!(waiting(&app, &lena).await.is_empty());
    assert_eq!(
        request(&app, &rita, &third).await["approval"]["status"],
        "withdrawn"
    );
}

#[tokio::test]
async fn the_catalog_builder_chooses_an_items_chain_and_an_unknown_one_is_refused_beside_it() {
    let app = spawn().await;
    let ada = app.signed_in("ada.admin@deskfront.test").await;
    let edit = app
        .call_json(&ada, "item_for_edit", &[("slug", "monitor")])
        .await;
    assert_eq!(edit["item"]["requires_approval"], true, "{edit}");
    let offered: Vec<&str> = edit["chains"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c[0].as_str().unwrap())
        .collect();
    assert!(offered.contains(&"software-purchase"), "{offered:?}");

    let save = |chain: &str, revision: i64| {
        let mut item = edit["item"].clone();
        item["approval_chain"] = json!(chain);
        json!({ "draft": { "item": item, "form": edit["form"].clone(), "revision": revision } })
    };
    let revision = edit["revision"].as_i64().unwrap();
    let unknown: Value = ada
        .post(format!("{}/api/save_item", app.base))
        .json(&save("nobody-approves", revision))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(unknown["fields"]["approval_chain"].is_string(), "{unknown}");

    let saved: Value = ada
        .post(format!("{}/api/save_item", app.base))
        .json(&save("software-purchase", revision))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let revision = saved["revision"]
        .as_i64()
        .unwrap_or_else(|| panic!("{saved}"));
    let published = app
        .call_json(
            &ada,
            "publish_item",
            &[("slug", "monitor"), ("revision", &revision.to_string())],
        )
        .await;
    assert!(published["revision"].is_i64(), "{published}");

    // Rita's next monitor goes through the chain: her line manager decides first.
    let rita = app.signed_in(RITA).await;
    let form = app
        .call_json(&ada, "item_for_edit", &[("slug", "monitor")])
        .await["form"]
        .clone();
    assert_eq!(form, edit["form"], "the form itself is unchanged");
    let lena = app.signed_in(LENA).await;
    let before = waiting(&app, &lena).await.len();
    let res = app
        .submit(
            &rita,
            json!({
                "item_slug": "monitor",
                "form_version": 1,
                "idempotency_key": "key-monitor-chain-1",
                "answers": monitor_answers(),
            }),
        )
        .await;
    let body: Value = res.json().await.unwrap();
    let number = body["number"].as_str().unwrap_or_else(|| panic!("{body}"));
    let mine = request(&app, &rita, number).await;
    assert_eq!(mine["approval"]["chain"], "Software purchase", "{mine}");
    let hers = waiting(&app, &lena).await;
    assert_eq!(hers.len(), before + 1);
    assert!(hers.iter().any(|a| a["step"] == "Line manager"));
}

fn monitor_answers() -> Value {
    json!({
        "quantity": ["1"],
        "size": ["24-inch"],
        "location": ["Head office desk"],
    })
}

#[tokio::test]
async fn a_line_manager_away_lets_a_colleague_decide_from_the_approvals_page() {
    let app = spawn().await;
    let lena = app.signed_in(LENA).await;
    let today = chrono::Utc::now().date_naive();
    let day = |offset: i64| (today + chrono::Duration::days(offset)).to_string();
    let delegate = |to: &str, first: String, last: String| {
        let (to, first, last) = (to.to_string(), first, last);
        let app = &app;
        let lena = &lena;
        async move {
            app.call_json(
                lena,
                "delegate",
                &[("to", &to), ("first_day", &first), ("last_day", &last)],
            )
            .await
        }
    };
    // Refused beside the field, nothing written.
    let unknown = delegate("nobody@deskfront.test", day(0), day(3)).await;
    assert!(unknown["fields"]["to"].is_string(), "{unknown}");
    let herself = delegate(LENA, day(0), day(3)).await;
    assert!(herself["fields"]["to"].is_string(), "{herself}");
    let backwards = delegate(PRIYA, day(3), day(1)).await;
    assert!(backwards["fields"]["days"].is_string(), "{backwards}");
    let past = delegate(PRIYA, day(-5), day(-2)).await;
    assert!(past["fields"]["days"].is_string(), "{past}");
    let long = delegate(PRIYA, day(0), day(200)).await;
    assert!(long["fields"]["days"].is_string(), "{long}");
    assert_eq!(app.call_json(&lena, "my_delegations", &[]).await, json!([]));

    assert_eq!(delegate(PRIYA, day(0), day(3)).await, Value::Null);
    let mine = app.call_json(&lena, "my_delegations", &[]).await;
    assert_eq!(mine[0]["name"], "Priya Shah", "{mine}");

    // Rita's laptop waits for Lena, her line manager: Priya decides it in her place.
    let rita = app.signed_in(RITA).await;
    let laptop = app.order_laptop(&rita, "key-dlg-laptop-01").await;
    let number = laptop["number"].as_str().unwrap();
    let priya = app.signed_in(PRIYA).await;
    let hers = waiting(&app, &priya).await;
    assert_eq!(hers.len(), 1, "{hers:?}");
    assert_eq!(hers[0]["standing_in_for"], "Lena Lindqvist");
    assert_eq!(
        decide(&app, &priya, number, "approve", "Lena is away.").await,
        200
    );
    let done = request(&app, &rita, number).await;
    assert_eq!(done["summary"]["state"], "in_progress", "{done}");
    let said = done["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["kind"] == "approval_approved")
        .unwrap()["body"]
        .clone();
    assert_eq!(said, "In place of Lena Lindqvist — Lena is away.");

    // Back early: Priya no longer decides for her.
    let ended = app.call(&lena, "end_delegation", &[("to", PRIYA)]).await;
    assert_eq!(ended.status(), 200);
    let second = app.order_laptop(&rita, "key-dlg-laptop-02").await;
    let second = second["number"].as_str().unwrap();
    assert!(waiting(&app, &priya).await.is_empty());
    assert_eq!(decide(&app, &priya, second, "approve", "").await, 404);
    assert_eq!(
        app.call(&lena, "end_delegation", &[("to", PRIYA)])
            .await
            .status(),
        404,
        "nothing left to end"
    );
}

#[tokio::test]
async fn a_stand_in_gets_the_approvals_link_and_opens_the_request_they_decide() {
    let app = spawn().await;
    let lena = app.signed_in(LENA).await;
    let tom = app.signed_in(TOM).await;
    let me = |who: &Client| {
        let (app, who) = (&app, who.clone());
        async move { app.call_json(&who, "me", &[]).await }
    };
    assert_eq!(me(&tom).await["approves"], false, "Tom approves nothing");
    let rita = app.signed_in(RITA).await;
    let (number, state) = order(&app, &rita, "key-standin-00001", "Adobe Creative Cloud").await;
    assert_eq!(state, "awaiting_approval");
    let opened = |who: &Client| {
        let (app, who, number) = (&app, who.clone(), number.clone());
        async move {
            app.call(&who, "request", &[("number", &number)])
                .await
                .status()
                .as_u16()
        }
    };
    assert_eq!(opened(&tom).await, 404, "not his to read");

    // Lena is away: Tom decides in her place, sees the Approvals link and opens the request.
    let today = chrono::Utc::now().date_naive();
    let away = app
        .call(
            &lena,
            "delegate",
            &[
                ("to", TOM),
                ("first_day", &today.to_string()),
                ("last_day", &(today + chrono::Duration::days(2)).to_string()),
            ],
        )
        .await;
    assert!(away.status().is_success(), "{}", away.text().await.unwrap());
    assert_eq!(me(&tom).await["approves"], true);
    assert_eq!(opened(&tom).await, 200);

    // Lena back early: the link and the request are hers alone again.
    let back = app.call(&lena, "end_delegation", &[("to", TOM)]).await;
    assert!(back.status().is_success(), "{}", back.text().await.unwrap());
    assert_eq!(me(&tom).await["approves"], false);
    assert_eq!(opened(&tom).await, 404);
}
