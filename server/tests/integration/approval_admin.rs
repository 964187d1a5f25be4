//! Approval chains, the change policy and the risk questionnaire kept by administrators over
//! real HTTP on a real database (issue 22): admins only, every refusal beside its field, the
//! revision against concurrent edits, a chain in use kept, each write audited, and what they
//! keep steering the next change.

use crate::changes::{detail, plan, problem, raise, step, AHMED, HIGH_RISK};
use crate::common::*;
use chrono::{Duration, Utc};
use reqwest::Client;
use serde_json::Value;

const ADA: &str = "ada.admin@deskfront.test";
const RITA: &str = "rita.requester@deskfront.test";

/// A chain's form: its key and revision (new: empty and 0), name, and steps as
/// `[(field, value)]` per slot.
async fn save_chain(
    app: &TestApp,
    who: &Client,
    key: &str,
    revision: i64,
    name: &str,
    steps: &[&[(&str, &str)]],
) -> reqwest::Response {
    let mut form: Vec<(String, String)> = vec![
        ("key".into(), key.into()),
        ("revision".into(), revision.to_string()),
        ("name".into(), name.into()),
    ];
    for (slot, fields) in steps.iter().enumerate() {
        form.extend(
            fields
                .iter()
                .map(|(f, v)| (format!("steps[{slot}][{f}]"), v.to_string())),
        );
    }
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (&k[..], &v[..])).collect();
    app.call(who, "save_approval_chain", &form).await
}

async fn refused_fields(response: reqwest::Response) -> Value {
    assert_eq!(response.status(), 422);
    let body: Value = response.json().await.unwrap();
    body["fields"].clone()
}

async fn audit_actions(app: &TestApp, ada: &Client, kind: &str) -> Vec<String> {
    let log = app.call_json(ada, "audit_log", &[("kind", kind)]).await;
    log["items"]
        .as_array()
        .unwrap_or_else(|| panic!("{log}"))
        .iter()
        .map(|e| e["action"].as_str().unwrap().to_string())
        .collect()
}

fn chain<'a>(page: &'a Value, key: &str) -> &'a Value {
    page["chains"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["key"] == key)
        .unwrap_or_else(|| panic!("no {key} in {page}"))
}

const LINE_MANAGER: &[(&str, &str)] = &[("name", "Line manager"), ("approver", "line_manager")];

#[tokio::test]
async fn administrators_keep_the_approval_chains_and_a_chain_in_use_stays() {
    let app = spawn().await;
    let ada = app.signed_in(ADA).await;
    let rita = app.signed_in(RITA).await;
    // To anyone else the page and its writes do not exist.
    assert_eq!(app.call(&rita, "admin_approvals", &[]).await.status(), 404);
    let theirs = save_chain(&app, &rita, "", 0, "Mine", &[LINE_MANAGER]).await;
    assert_eq!(theirs.status(), 404);

    // The demo's chains, with what uses them.
    let page = app.call_json(&ada, "admin_approvals", &[]).await;
    let software = chain(&page, "software-purchase");
    assert!(!software["items"].as_array().unwrap().is_empty(), "{page}");
    assert_eq!(software["in_change_policy"], false);
    assert_eq!(chain(&page, "cab")["in_change_policy"], true);
    assert!(page["groups"]
        .as_array()
        .unwrap()
        .iter()
        .any(|g| g == "Change advisory board"));
    assert_eq!(
        page["policy"].as_array().unwrap().len(),
        6,
        "two kinds × three levels"
    );

    // Each problem beside its step's field; nothing written.
    let fields = refused_fields(
        save_chain(
            &app,
            &ada,
            "",
            0,
            " ",
            &[
                &[
                    ("name", "Owner"),
                    ("approver", "person"),
                    ("email", "nobody@deskfront.test"),
                ],
                &[
                    ("name", "CAB"),
                    ("approver", "group"),
                    ("group", "Change advisory board"),
                    ("needed", "quorum"),
                    ("quorum", "4"),
                ],
                &[
                    ("name", "Budget"),
                    ("approver", "line_manager"),
                    ("when_field", "cost"),
                    ("when_op", "greater_than"),
                    ("when_values", "500, 1000"),
                ],
                &[
                    ("name", "Who"),
                    ("approver", "group"),
                    ("group", "No such group"),
                ],
            ],
        )
        .await,
    )
    .await;
    assert!(fields["name"].is_string(), "{fields}");
    assert!(fields["step-0-email"].is_string(), "{fields}");
    assert!(
        fields["step-1-quorum"].as_str().unwrap().contains('3'),
        "the group has three members: {fields}"
    );
    assert!(fields["step-2-when"].is_string(), "{fields}");
    assert!(fields["step-3-group"].is_string(), "{fields}");
    let no_steps = refused_fields(
        save_chain(
            &app,
            &ada,
            "",
            0,
            "Empty",
            &[&[("name", " "), ("approver", "line_manager")]],
        )
        .await,
    )
    .await;
    assert!(no_steps["steps"].is_string(), "{no_steps}");

    // Created: the key comes from the name; a second chain of that name is refused.
    let two_steps: &[&[(&str, &str)]] = &[
        LINE_MANAGER,
        &[
            ("name", "Hardware budget"),
            ("approver", "group"),
            ("group", "change advisory board"),
            ("needed", "quorum"),
            ("quorum", "2"),
            ("when_field", "cost"),
            ("when_op", "greater_than"),
            ("when_values", "500"),
        ],
    ];
    let created = save_chain(&app, &ada, "", 0, "Hardware purchase", two_steps).await;
    assert_eq!(created.status(), 200, "{}", created.text().await.unwrap());
    let again =
        refused_fields(save_chain(&app, &ada, "", 0, "Hardware purchase", two_steps).await).await;
    assert!(again["name"].is_string(), "{again}");
    let page = app.call_json(&ada, "admin_approvals", &[]).await;
    let hardware = chain(&page, "hardware-purchase");
    assert_eq!(hardware["revision"], 1);
    let quorum = &hardware["chain"]["steps"][1];
    assert_eq!(
        quorum["approver"]["group"], "Change advisory board",
        "the group's own name"
    );
    assert_eq!(quorum["approver"]["needed"]["quorum"], 2);
    assert_eq!(quorum["only_when"]["rules"][0]["op"], "greater_than");
    assert_eq!(hardware["items"], serde_json::json!([]));

    // Edited at its revision; the same edit again is stale.
    let one_step: &[&[(&str, &str)]] =
        &[LINE_MANAGER, &[("name", ""), ("approver", "line_manager")]];
    let edited = save_chain(
        &app,
        &ada,
        "hardware-purchase",
        1,
        "Hardware purchase",
        one_step,
    )
    .await;
    assert_eq!(edited.status(), 200);
    let stale = save_chain(
        &app,
        &ada,
        "hardware-purchase",
        1,
        "Hardware purchase",
        one_step,
    )
    .await;
    assert_eq!(stale.status(), 409);
    let page = app.call_json(&ada, "admin_approvals", &[]).await;
    assert_eq!(
        chain(&page, "hardware-purchase")["chain"]["steps"]
            .as_array()
            .unwrap()
            .len(),
        1,
        "the cleared slot removed its step"
    );

    // A chain the policy or an item names stays, and the refusal says who uses it.
    let remove = |key: &'static str, revision: &'static str| {
        let (app, ada) = (&app, &ada);
        async move {
            app.call(
                ada,
                "delete_approval_chain",
                &[("key", key), ("revision", revision)],
            )
            .await
        }
    };
    let cab = remove("cab", "1").await;
    assert_eq!(cab.status(), 409);
    assert!(cab.text().await.unwrap().contains("change policy"));
    let software = remove("software-purchase", "1").await;
    assert_eq!(software.status(), 409);
    let page = app.call_json(&ada, "admin_approvals", &[]).await;
    assert!(chain(&page, "software-purchase").is_object(), "still there");
    assert_eq!(
        remove("hardware-purchase", "1").await.status(),
        409,
        "stale"
    );
    assert_eq!(remove("hardware-purchase", "2").await.status(), 200);
    assert_eq!(remove("hardware-purchase", "2").await.status(), 404);

    assert_eq!(
        audit_actions(&app, &ada, "approval_chain").await,
        ["delete", "update", "create"]
    );
}

/// A high-risk normal change of a fresh problem, planned two days ahead and submitted.
async fn submitted_high_risk_change(app: &TestApp, key: &str) -> (Client, String) {
    let prb = problem(app, key).await;
    let ahmed = app.signed_in(AHMED).await;
    let number = raise(app, &ahmed, &prb, "normal").await;
    let number = number.as_str().unwrap().to_string();
    let soon = Utc::now() + Duration::days(2);
    let saved = plan(
        app,
        &ahmed,
        &number,
        1,
        &HIGH_RISK,
        (soon, soon + Duration::hours(3)),
    )
    .await;
    assert!(saved.status().is_success());
    assert_eq!(step(app, &ahmed, &number, 2, "submit").await, 3);
    (ahmed, number)
}

async fn save_policy(app: &TestApp, ada: &Client, revision: &str, high: &str) -> reqwest::Response {
    app.call(
        ada,
        "save_change_policy",
        &[
            ("revision", revision),
            ("chains[normal_low]", "change-manager"),
            ("chains[normal_medium]", "change-manager"),
            ("chains[normal_high]", high),
            ("chains[emergency_low]", "emergency-cab"),
            ("chains[emergency_medium]", "emergency-cab"),
            ("chains[emergency_high]", "emergency-cab"),
        ],
    )
    .await
}

#[tokio::test]
async fn the_change_policy_is_saved_whole_and_names_the_chain_the_next_change_asks() {
    let app = spawn().await;
    let ada = app.signed_in(ADA).await;
    let rita = app.signed_in(RITA).await;
    assert_eq!(save_policy(&app, &rita, "0", "").await.status(), 404);
    let unknown = refused_fields(save_policy(&app, &ada, "0", "no-such-chain").await).await;
    assert!(unknown["normal_high"].is_string(), "{unknown}");

    // No chain for high risk: such a change cannot ask for authorisation, and says why.
    let saved = save_policy(&app, &ada, "0", "").await;
    assert_eq!(saved.status(), 200);
    assert_eq!(
        save_policy(&app, &ada, "0", "").await.status(),
        409,
        "stale"
    );
    let page = app.call_json(&ada, "admin_approvals", &[]).await;
    assert_eq!(page["policy_revision"], 1);
    let high = page["policy"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["kind"] == "normal" && r["level"] == "high")
        .unwrap();
    assert!(high["chain"].is_null(), "{page}");
    assert_eq!(chain(&page, "cab")["in_change_policy"], false);
    let (ahmed, number) = submitted_high_risk_change(&app, "key-policy-0001").await;
    let refused = app
        .call(
            &ahmed,
            "change_step",
            &[
                ("number", &number),
                ("revision", "3"),
                ("step", "request_authorisation"),
            ],
        )
        .await;
    assert_eq!(refused.status(), 422);
    assert!(refused.text().await.unwrap().contains("high"));

    // The change manager now authorises high risk: the same change asks, and gets that chain.
    assert_eq!(
        save_policy(&app, &ada, "1", "change-manager")
            .await
            .status(),
        200
    );
    assert_eq!(
        step(&app, &ahmed, &number, 3, "request_authorisation").await,
        4
    );
    let change = detail(&app, &ahmed, &number).await;
    assert_eq!(change["approval"]["chain"], "Change manager", "{change}");
    assert_eq!(
        audit_actions(&app, &ada, "change_policy").await,
        ["update", "update"]
    );
}

#[tokio::test]
async fn the_risk_questionnaire_is_the_admins_and_assesses_the_next_save() {
    let app = spawn().await;
    let ada = app.signed_in(ADA).await;
    let rita = app.signed_in(RITA).await;
    assert_eq!(app.call(&rita, "admin_risk_model", &[]).await.status(), 404);
    let starter = app.call_json(&ada, "admin_risk_model", &[]).await;
    assert_eq!(starter["starter"], true);
    assert_eq!(starter["revision"], 0);
    let questions = starter["model"]["questions"].as_array().unwrap().clone();

    // The starter's questions, kept by key, and one more: "Is it during trading hours?".
    let mut form: Vec<(String, String)> = Vec::new();
    for (q, question) in questions.iter().enumerate() {
        form.push((
            format!("questions[{q}][key]"),
            question["key"].as_str().unwrap().into(),
        ));
        form.push((
            format!("questions[{q}][question]"),
            question["question"].as_str().unwrap().into(),
        ));
        for (a, answer) in question["answers"].as_array().unwrap().iter().enumerate() {
            for part in ["key", "label"] {
                form.push((
                    format!("questions[{q}][answers][{a}][{part}]"),
                    answer[part].as_str().unwrap().into(),
                ));
            }
            form.push((
                format!("questions[{q}][answers][{a}][weight]"),
                answer["weight"].to_string(),
            ));
        }
    }
    let n = questions.len();
    form.extend([
        (
            format!("questions[{n}][question]"),
            "Is it during trading hours?".to_string(),
        ),
        (format!("questions[{n}][answers][0][label]"), "No".into()),
        (format!("questions[{n}][answers][0][weight]"), "0".into()),
        (format!("questions[{n}][answers][1][label]"), "Yes".into()),
        (format!("questions[{n}][answers][1][weight]"), "6".into()),
    ]);
    let send = |extra: &[(&str, &str)]| {
        let mut all: Vec<(String, String)> = form.clone();
        all.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
        let (app, ada) = (&app, &ada);
        async move {
            let pairs: Vec<(&str, &str)> = all.iter().map(|(k, v)| (&k[..], &v[..])).collect();
            app.call(ada, "save_risk_model", &pairs).await
        }
    };
    // Thresholds out of order, and a high threshold no answers reach.
    let backwards =
        refused_fields(send(&[("revision", "0"), ("medium_from", "8"), ("high_from", "4")]).await)
            .await;
    assert!(backwards["high_from"].is_string(), "{backwards}");
    let unreachable =
        refused_fields(send(&[("revision", "0"), ("medium_from", "4"), ("high_from", "99")]).await)
            .await;
    assert!(
        unreachable["high_from"].as_str().unwrap().contains("21"),
        "{unreachable}"
    );
    let saved = send(&[("revision", "0"), ("medium_from", "4"), ("high_from", "8")]).await;
    assert_eq!(saved.status(), 200, "{}", saved.text().await.unwrap());
    let stale = send(&[("revision", "0"), ("medium_from", "4"), ("high_from", "8")]).await;
    assert_eq!(stale.status(), 409);
    let kept = app.call_json(&ada, "admin_risk_model", &[]).await;
    assert_eq!(kept["starter"], false);
    assert_eq!(kept["revision"], 1);
    let added = &kept["model"]["questions"][n];
    assert_eq!(added["key"], "is-it-during-trading-hours", "{kept}");
    assert_eq!(added["answers"][1]["key"], "yes");

    // A change now asks the new question too, and its answer counts.
    let prb = problem(&app, "key-risk-0001").await;
    let ahmed = app.signed_in(AHMED).await;
    let number = raise(&app, &ahmed, &prb, "normal").await;
    let number = number.as_str().unwrap();
    let change = detail(&app, &ahmed, number).await;
    assert_eq!(change["risk_questions"].as_array().unwrap().len(), n + 1);
    let soon = Utc::now() + Duration::days(2);
    let low_but_trading = [
        ("reach", "one"),
        ("payments", "no"),
        ("tested", "yes"),
        ("back_out", "yes"),
        ("is-it-during-trading-hours", "yes"),
    ];
    let planned = plan(
        &app,
        &ahmed,
        number,
        1,
        &low_but_trading,
        (soon, soon + Duration::hours(2)),
    )
    .await;
    assert!(planned.status().is_success());
    let change = detail(&app, &ahmed, number).await;
    assert_eq!(change["risk"]["score"], 6, "{change}");
    assert_eq!(change["risk"]["level"], "medium");
    assert_eq!(audit_actions(&app, &ada, "risk_model").await, ["update"]);
}
