//! Approval chains authorising changes over real HTTP on a real database (issue 22): the chain
//! the change policy names starts when authorisation is asked for; approvers decide on their
//! Approvals page; a quorum, a skipped step, a step out of turn, a second decision, a delegate,
//! and two approvers deciding at the same instant.

use crate::changes::{detail, plan, problem, raise, step, AHMED, HIGH_RISK};
use crate::common::*;
use app::backend::approval_store::NamedChain;
use app::domain::approval_chain::{ApprovalChain, Approver, ChainStep, Delegation, Needed};
use app::domain::change::ChangeKind;
use app::domain::change_risk::RiskLevel;
use app::domain::form::{Condition, Operator, Visibility};
use chrono::{Duration, Utc};
use reqwest::Client;
use serde_json::Value;

const RITA: &str = "rita.requester@deskfront.test";
const LENA: &str = "lena.lead@deskfront.test";
const PRIYA: &str = "priya.approver@deskfront.test";
const MO: &str = "mo.manager@deskfront.test";
const EVE: &str = "eve.editor@deskfront.test";

/// Reach "several stores" and the tills: score 5, medium.
const MEDIUM_RISK: [(&str, &str); 4] = [
    ("reach", "some"),
    ("payments", "yes"),
    ("tested", "yes"),
    ("back_out", "yes"),
];

/// A change raised from a fresh problem, planned with `risk` two days ahead, submitted and
/// sent for authorisation. Answers with its number.
pub(crate) async fn awaiting_authorisation(
    app: &TestApp,
    key: &str,
    risk: &[(&str, &str)],
) -> String {
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
        risk,
        (soon, soon + Duration::hours(3)),
    )
    .await;
    assert!(
        saved.status().is_success(),
        "{}",
        saved.text().await.unwrap()
    );
    assert_eq!(step(app, &ahmed, &number, 2, "submit").await, 3);
    let asked = step(app, &ahmed, &number, 3, "request_authorisation").await;
    assert_eq!(asked, 4, "{asked}");
    number
}

async fn decide(app: &TestApp, who: &Client, number: &str, decision: &str, comment: &str) -> u16 {
    app.call(
        who,
        "decide_change",
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
    app.call_json(who, "change_approvals", &[])
        .await
        .as_array()
        .cloned()
        .unwrap_or_default()
}

fn numbers(list: &[Value]) -> Vec<&str> {
    list.iter()
        .map(|a| a["change"]["number"].as_str().unwrap())
        .collect()
}

async fn state(app: &TestApp, number: &str) -> Value {
    let ahmed = app.signed_in(AHMED).await;
    detail(app, &ahmed, number).await
}

#[tokio::test]
async fn a_high_risk_change_goes_to_the_cab_and_two_of_its_three_members_authorise_it() {
    let app = spawn().await;
    let number = awaiting_authorisation(&app, "key-chg-cab-0001", &HIGH_RISK).await;
    let change = state(&app, &number).await;
    let run = &change["approval"];
    assert_eq!(run["chain"], "Change advisory board", "{change}");
    assert_eq!(run["status"], "waiting");
    assert_eq!(run["steps"][0]["needed"], 2);
    assert_eq!(run["steps"][0]["approvers"].as_array().unwrap().len(), 3);

    // Nobody else decides, and nobody else sees it waiting.
    let rita = app.signed_in(RITA).await;
    assert!(waiting(&app, &rita).await.is_empty());
    assert_eq!(decide(&app, &rita, &number, "approve", "").await, 403);
    let ahmed = app.signed_in(AHMED).await;
    assert_eq!(decide(&app, &ahmed, &number, "approve", "").await, 403);

    let lena = app.signed_in(LENA).await;
    let mine = waiting(&app, &lena).await;
    assert_eq!(numbers(&mine), [number.as_str()]);
    assert_eq!(mine[0]["step"], "CAB");
    assert_eq!(mine[0]["change"]["next_moves"], serde_json::json!([]));
    let why = app
        .call_json(
            &lena,
            "decide_change",
            &[
                ("number", &number),
                ("decision", "reject"),
                ("comment", " "),
            ],
        )
        .await;
    assert!(
        why["fields"]["comment"].is_string(),
        "a rejection says why: {why}"
    );
    let odd = decide(&app, &lena, &number, "maybe", "").await;
    assert_eq!(odd, 422);
    assert_eq!(
        decide(&app, &lena, &number, "approve", "Tested in S044.").await,
        200
    );
    assert_eq!(
        decide(&app, &lena, &number, "approve", "").await,
        409,
        "a second decision counts for nothing"
    );
    assert!(
        waiting(&app, &lena).await.is_empty(),
        "decided: no longer waiting for her"
    );
    assert_eq!(
        state(&app, &number).await["state"],
        "authorise",
        "one of two"
    );

    let priya = app.signed_in(PRIYA).await;
    assert_eq!(decide(&app, &priya, &number, "approve", "").await, 200);
    let change = state(&app, &number).await;
    assert_eq!(change["state"], "scheduled", "{change}");
    assert_eq!(change["approval"]["status"], "approved");
    let kinds: Vec<&str> = change["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds[kinds.len() - 3..],
        ["approval", "approval", "authorised"]
    );

    // The chain has ended: the third member has nothing left to decide.
    let mo = app.signed_in(MO).await;
    assert!(waiting(&app, &mo).await.is_empty());
    assert_eq!(decide(&app, &mo, &number, "approve", "").await, 409);
}

#[tokio::test]
async fn a_chain_of_three_steps_runs_in_order_skips_by_condition_and_ends_when_its_quorum_is_out_of_reach(
) {
    let app = spawn().await;
    let store = app.store().await;
    let chain = NamedChain {
        key: "three-steps".into(),
        name: "Manager, owner, CAB".into(),
        chain: ApprovalChain {
            steps: vec![
                ChainStep {
                    name: "Line manager".into(),
                    approver: Approver::LineManager,
                    only_when: None,
                },
                ChainStep {
                    name: "Payments owner".into(),
                    approver: Approver::Person {
                        email: PRIYA.into(),
                    },
                    only_when: Some(Visibility::when(Condition::new(
                        "payments",
                        Operator::Equals,
                        &["yes"],
                    ))),
                },
                ChainStep {
                    name: "CAB".into(),
                    approver: Approver::Group {
                        group: "Change advisory board".into(),
                        needed: Needed::Quorum(2),
                    },
                    only_when: None,
                },
            ],
        },
    };
    store.save_approval_chain(&chain, Utc::now()).await.unwrap();
    store
        .set_change_policy(ChangeKind::Normal, RiskLevel::Medium, "three-steps")
        .await
        .unwrap();

    // It touches the tills: all three steps apply.
    let number = awaiting_authorisation(&app, "key-chg-three-01", &MEDIUM_RISK).await;
    let change = state(&app, &number).await;
    assert_eq!(
        change["approval"]["chain"], "Manager, owner, CAB",
        "{change}"
    );
    let states: Vec<&str> = change["approval"]["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["state"].as_str().unwrap())
        .collect();
    assert_eq!(states, ["waiting", "later", "later"]);

    // Lena is on the CAB, whose turn has not come; Priya's neither.
    let lena = app.signed_in(LENA).await;
    assert_eq!(decide(&app, &lena, &number, "approve", "").await, 409);
    let priya = app.signed_in(PRIYA).await;
    assert_eq!(decide(&app, &priya, &number, "approve", "").await, 409);
    // Ahmed's line manager is Mo.
    let mo = app.signed_in(MO).await;
    assert_eq!(decide(&app, &mo, &number, "approve", "").await, 200);
    assert_eq!(numbers(&waiting(&app, &priya).await), [number.as_str()]);
    assert_eq!(decide(&app, &priya, &number, "approve", "").await, 200);

    // Priya counts again on the CAB: a step of its own. Two rejections of three leave the
    // quorum of two out of reach, and the change goes back to draft.
    assert_eq!(
        decide(&app, &lena, &number, "reject", "Not in December.").await,
        200
    );
    assert_eq!(state(&app, &number).await["state"], "authorise");
    assert_eq!(
        decide(&app, &mo, &number, "reject", "Agreed: January.").await,
        200
    );
    let change = state(&app, &number).await;
    assert_eq!(change["state"], "draft", "{change}");
    assert_eq!(change["approval"]["status"], "rejected");
    let cab = &change["approval"]["steps"][2];
    assert_eq!(cab["state"], "rejected");
    assert!(cab["approvers"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a["comment"] == "Not in December."));
    assert!(waiting(&app, &priya).await.is_empty());

    // Without the tills, the payments owner's step is skipped.
    let calm = [
        ("reach", "some"),
        ("payments", "no"),
        ("tested", "partly"),
        ("back_out", "yes"),
    ];
    let other = awaiting_authorisation(&app, "key-chg-three-02", &calm).await;
    let steps = state(&app, &other).await["approval"]["steps"].clone();
    assert_eq!(steps[1]["state"], "skipped", "{steps}");
    assert_eq!(decide(&app, &mo, &other, "approve", "").await, 200);
    assert_eq!(
        decide(&app, &priya, &other, "approve", "").await,
        200,
        "straight to the CAB, where Priya sits"
    );
}

#[tokio::test]
async fn two_cab_members_deciding_at_the_same_instant_are_both_counted_and_a_double_click_once() {
    let app = spawn().await;
    let number = awaiting_authorisation(&app, "key-chg-race-001", &HIGH_RISK).await;
    let lena = app.signed_in(LENA).await;
    let priya = app.signed_in(PRIYA).await;
    let (a, b) = tokio::join!(
        decide(&app, &lena, &number, "approve", ""),
        decide(&app, &priya, &number, "approve", "")
    );
    assert_eq!((a, b), (200, 200));
    let change = state(&app, &number).await;
    assert_eq!(change["state"], "scheduled", "{change}");
    let approvers = change["approval"]["steps"][0]["approvers"].clone();
    let decided = approvers
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["verdict"] == "approve")
        .count();
    assert_eq!(decided, 2, "{approvers}");

    // One person clicking twice at once: one decision.
    let second = awaiting_authorisation(&app, "key-chg-race-002", &HIGH_RISK).await;
    let (a, b) = tokio::join!(
        decide(&app, &lena, &second, "approve", ""),
        decide(&app, &lena, &second, "approve", "")
    );
    let mut statuses = [a, b];
    statuses.sort();
    assert_eq!(statuses, [200, 409]);
    let change = state(&app, &second).await;
    assert_eq!(change["state"], "authorise");
    let approvals = change["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "approval")
        .count();
    assert_eq!(approvals, 1);
}

#[tokio::test]
async fn a_delegate_decides_for_an_approver_away_and_a_change_without_a_chain_is_refused() {
    let db = TestDb::new().await;
    let app = db.spawn("test").await;
    let store = db.store().await;
    let now = Utc::now();
    let away = Delegation::new(MO, EVE, now - Duration::hours(1), now + Duration::days(7)).unwrap();
    store.add_delegation(&away, now).await.unwrap();

    // Medium risk: the change manager, Mo, who is away.
    let number = awaiting_authorisation(&app, "key-chg-dlg-0001", &MEDIUM_RISK).await;
    let eve = app.signed_in(EVE).await;
    let mine = waiting(&app, &eve).await;
    assert_eq!(numbers(&mine), [number.as_str()]);
    assert_eq!(mine[0]["standing_in_for"], "Mo Okafor");
    assert_eq!(decide(&app, &eve, &number, "approve", "For Mo.").await, 200);
    let change = state(&app, &number).await;
    assert_eq!(change["state"], "scheduled");
    let mo = &change["approval"]["steps"][0]["approvers"][0];
    assert_eq!(mo["email"], MO, "the vote is Mo's");
    assert_eq!(mo["delegate"], "Eve Thompson", "{mo}");

    // With no chain named for normal changes, asking for authorisation says what is missing
    // and writes nothing.
    db.execute(
        "DELETE FROM change_approval_policy WHERE kind = 'normal'",
        &[],
    )
    .await;
    let prb = problem(&app, "key-chg-none-001").await;
    let ahmed = app.signed_in(AHMED).await;
    let other = raise(&app, &ahmed, &prb, "normal").await;
    let other = other.as_str().unwrap();
    let soon = Utc::now() + Duration::days(2);
    assert!(plan(
        &app,
        &ahmed,
        other,
        1,
        &HIGH_RISK,
        (soon, soon + Duration::hours(1))
    )
    .await
    .status()
    .is_success());
    assert_eq!(step(&app, &ahmed, other, 2, "submit").await, 3);
    let refused = step(&app, &ahmed, other, 3, "request_authorisation").await;
    let said = refused["fields"]["move"].as_str().unwrap_or_default();
    assert!(said.contains("No approval chain"), "{refused}");
    let change = detail(&app, &ahmed, other).await;
    assert_eq!(change["state"], "assess");
    assert!(change["approval"].is_null());
}
