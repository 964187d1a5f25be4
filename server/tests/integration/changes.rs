//! Change records over real HTTP on a real database (issue 22): raised from a problem by the
//! desk only, planned with risk, window and targets, moved through the lifecycle, guarded by
//! the revision, and checked against freezes and other changes on the same stores and devices.

use crate::common::*;
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use reqwest::Client;
use serde_json::Value;

pub(crate) const SAM: &str = "sam.store@deskfront.test";
pub(crate) const AHMED: &str = "ahmed.agent@deskfront.test";

/// A problem of S012's card reader, opened by Ahmed from an incident Sam reported.
pub(crate) async fn problem(app: &TestApp, key: &str) -> String {
    let sam = app.signed_in(SAM).await;
    let incident = app.report_card_reader(&sam, key, "one_device").await;
    let ahmed = app.signed_in(AHMED).await;
    let number = app
        .call_json(
            &ahmed,
            "open_problem",
            &[("incident", &incident), ("title", "S012 card readers drop")],
        )
        .await;
    number
        .as_str()
        .unwrap_or_else(|| panic!("{number}"))
        .to_string()
}

pub(crate) async fn raise(app: &TestApp, who: &Client, problem: &str, kind: &str) -> Value {
    app.call_json(
        who,
        "raise_change",
        &[
            ("problem", problem),
            ("title", "Replace the firmware of every S012 card reader"),
            ("kind", kind),
        ],
    )
    .await
}

pub(crate) async fn detail(app: &TestApp, who: &Client, number: &str) -> Value {
    app.call_json(who, "change", &[("number", number)]).await
}

fn rfc3339(t: DateTime<Utc>) -> String {
    t.to_rfc3339()
}

/// Saves a complete form: plans, the risk answers given, a window and S012's card reader.
pub(crate) async fn plan(
    app: &TestApp,
    who: &Client,
    number: &str,
    revision: i64,
    risk: &[(&str, &str)],
    window: (DateTime<Utc>, DateTime<Utc>),
) -> reqwest::Response {
    let revision = revision.to_string();
    let (start, end) = (rfc3339(window.0), rfc3339(window.1));
    let mut form: Vec<(String, String)> = vec![
        ("number".into(), number.to_string()),
        ("revision".into(), revision),
        (
            "title".into(),
            "Card reader firmware 4.3 at S012".to_string(),
        ),
        (
            "implementation_plan".into(),
            "Flash each reader after closing".to_string(),
        ),
        ("back_out_plan".into(), "Flash 4.2 again".to_string()),
        (
            "test_plan".into(),
            "A test payment on each reader".to_string(),
        ),
        ("window_start".into(), start),
        ("window_end".into(), end),
        ("stores".into(), "S012".to_string()),
        ("devices".into(), "s012-crd-01".to_string()),
    ];
    form.extend(
        risk.iter()
            .map(|(q, a)| (format!("risk[{q}]"), a.to_string())),
    );
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (&k[..], &v[..])).collect();
    app.call(who, "save_change", &form).await
}

pub(crate) async fn step(
    app: &TestApp,
    who: &Client,
    number: &str,
    revision: i64,
    step: &str,
) -> Value {
    app.call_json(
        who,
        "change_step",
        &[
            ("number", number),
            ("revision", &revision.to_string()),
            ("step", step),
            ("outcome", "successful"),
            ("review", "Every reader took 4.3; no failed payment since."),
        ],
    )
    .await
}

pub(crate) const HIGH_RISK: [(&str, &str); 4] = [
    ("reach", "one"),
    ("payments", "yes"),
    ("tested", "no"),
    ("back_out", "no"),
];

#[tokio::test]
async fn a_change_raised_from_a_problem_is_planned_and_moves_through_its_lifecycle() {
    let app = spawn().await;
    let prb = problem(&app, "key-chg-life-0001").await;
    let sam = app.signed_in(SAM).await;
    let refused = app
        .call(
            &sam,
            "raise_change",
            &[("problem", &prb), ("title", "x"), ("kind", "normal")],
        )
        .await;
    assert_eq!(refused.status(), 403, "store staff do not raise changes");

    let ahmed = app.signed_in(AHMED).await;
    let wrong_kind = raise(&app, &ahmed, &prb, "urgent").await;
    assert!(wrong_kind["fields"]["kind"].is_string(), "{wrong_kind}");
    let missing = app
        .call(
            &ahmed,
            "raise_change",
            &[
                ("problem", "PRB0009999"),
                ("title", "x"),
                ("kind", "normal"),
            ],
        )
        .await;
    assert_eq!(missing.status(), 404);

    let number = raise(&app, &ahmed, &prb, "normal").await;
    assert_eq!(number, "CHG0000001");
    let number = number.as_str().unwrap();
    let change = detail(&app, &ahmed, number).await;
    assert_eq!(change["state"], "draft", "{change}");
    assert_eq!(change["problem"], prb.as_str());
    assert_eq!(change["revision"], 1);
    assert_eq!(
        change["next_moves"],
        serde_json::json!(["submit", "cancel"])
    );
    assert!(change["events"][0]["body"].as_str().unwrap().contains(&prb));
    assert_eq!(
        app.call(&sam, "change", &[("number", number)])
            .await
            .status(),
        403
    );

    // Not without plans.
    let early = step(&app, &ahmed, number, 1, "submit").await;
    assert!(early["fields"]["plans"].is_string(), "{early}");

    // Bad input is refused field by field, and nothing is written.
    let soon = Utc::now() + Duration::days(2);
    let backwards = plan(
        &app,
        &ahmed,
        number,
        1,
        &HIGH_RISK,
        (soon, soon - Duration::hours(1)),
    )
    .await;
    assert_eq!(backwards.status(), 422);
    let backwards: Value = backwards.json().await.unwrap();
    assert!(backwards["fields"]["window"].is_string(), "{backwards}");
    let odd_answer = plan(
        &app,
        &ahmed,
        number,
        1,
        &[("payments", "maybe")],
        (soon, soon + Duration::hours(3)),
    )
    .await;
    let odd_answer: Value = odd_answer.json().await.unwrap();
    assert!(
        odd_answer["fields"]["risk.payments"].is_string(),
        "{odd_answer}"
    );
    assert_eq!(detail(&app, &ahmed, number).await["revision"], 1);

    let window = (soon, soon + Duration::hours(3));
    let saved = plan(&app, &ahmed, number, 1, &HIGH_RISK, window).await;
    assert!(
        saved.status().is_success(),
        "{}",
        saved.text().await.unwrap()
    );
    let stale = plan(&app, &ahmed, number, 1, &HIGH_RISK, window).await;
    assert_eq!(
        stale.status(),
        409,
        "a save from an older revision is refused"
    );

    let change = detail(&app, &ahmed, number).await;
    assert_eq!(change["revision"], 2);
    assert_eq!(change["risk"]["level"], "high", "{change}");
    assert_eq!(change["risk"]["score"], 10);
    assert_eq!(change["stores"], serde_json::json!(["S012"]));
    assert_eq!(
        change["devices"],
        serde_json::json!(["S012-CRD-01"]),
        "stored as spelled"
    );

    assert_eq!(step(&app, &ahmed, number, 2, "submit").await, 3);
    assert_eq!(
        step(&app, &ahmed, number, 3, "request_authorisation").await,
        4
    );
    let change = detail(&app, &ahmed, number).await;
    assert_eq!(change["state"], "authorise");
    assert_eq!(change["editable"], false);
    assert_eq!(
        change["next_moves"],
        serde_json::json!(["revise", "cancel"])
    );
    let locked = plan(&app, &ahmed, number, 4, &HIGH_RISK, window).await;
    assert_eq!(
        locked.status(),
        409,
        "plans are settled once authorisation is asked for"
    );
    let by_hand = step(&app, &ahmed, number, 4, "authorised").await;
    assert!(
        by_hand["fields"]["move"].is_string(),
        "only the approval chain authorises: {by_hand}"
    );
    let forbidden = step(&app, &ahmed, number, 4, "start").await;
    assert!(forbidden["fields"]["move"].is_string(), "{forbidden}");

    assert_eq!(change["approval"]["status"], "waiting", "{change}");

    // Back to rework, which withdraws the chain, then called off.
    assert_eq!(step(&app, &ahmed, number, 4, "revise").await, 5);
    assert_eq!(
        detail(&app, &ahmed, number).await["approval"]["status"],
        "withdrawn"
    );
    assert_eq!(step(&app, &ahmed, number, 5, "cancel").await, 6);
    let change = detail(&app, &ahmed, number).await;
    assert_eq!(change["state"], "cancelled");
    let kinds: Vec<&str> = change["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "raised",
            "saved",
            "submit",
            "request_authorisation",
            "revise",
            "cancel"
        ]
    );
}

#[tokio::test]
async fn a_standard_change_is_scheduled_without_authorisation_and_runs_to_its_review() {
    let app = spawn().await;
    let prb = problem(&app, "key-chg-std-00001").await;
    let ahmed = app.signed_in(AHMED).await;
    let number = raise(&app, &ahmed, &prb, "standard").await;
    let number = number.as_str().unwrap();
    let soon = Utc::now() + Duration::days(1);
    let window = (soon, soon + Duration::hours(2));
    assert!(plan(&app, &ahmed, number, 1, &HIGH_RISK, window)
        .await
        .status()
        .is_success());
    assert_eq!(step(&app, &ahmed, number, 2, "submit").await, 3);
    let risky = step(&app, &ahmed, number, 3, "request_authorisation").await;
    assert!(
        risky["fields"]["risk"].is_string(),
        "a standard change must be low risk: {risky}"
    );

    let low = [
        ("reach", "one"),
        ("payments", "no"),
        ("tested", "yes"),
        ("back_out", "yes"),
    ];
    // Assessed changes can still be edited.
    assert!(plan(&app, &ahmed, number, 3, &low, window)
        .await
        .status()
        .is_success());
    assert_eq!(
        step(&app, &ahmed, number, 4, "request_authorisation").await,
        5
    );
    assert_eq!(detail(&app, &ahmed, number).await["state"], "scheduled");
    let early = step(&app, &ahmed, number, 5, "start").await;
    assert!(
        early["fields"]["move"].is_string(),
        "not before its window: {early}"
    );
}

#[tokio::test]
async fn a_window_in_a_freeze_and_a_change_on_the_same_reader_show_as_conflicts() {
    let app = spawn().await;
    let prb = problem(&app, "key-chg-cfl-00001").await;
    let ahmed = app.signed_in(AHMED).await;
    // Next year's Christmas trade, so the windows below are always in the future: inside the
    // demo's yearly freeze, "Christmas trading" (17 to 31 December).
    let year = Utc::now().year() + 1;
    let day = |m, d| NaiveDate::from_ymd_opt(year, m, d).unwrap();
    let at = |d, h| day(12, d).and_hms_opt(h, 0, 0).unwrap().and_utc();

    // The first change is booked: it asked for authorisation.
    let first = raise(&app, &ahmed, &prb, "normal").await;
    let first = first.as_str().unwrap();
    assert!(
        plan(&app, &ahmed, first, 1, &HIGH_RISK, (at(20, 22), at(21, 1)))
            .await
            .status()
            .is_success()
    );
    assert_eq!(step(&app, &ahmed, first, 2, "submit").await, 3);
    assert_eq!(
        step(&app, &ahmed, first, 3, "request_authorisation").await,
        4
    );

    // The second works on the same reader, overlapping.
    let second = raise(&app, &ahmed, &prb, "normal").await;
    let second = second.as_str().unwrap();
    assert!(
        plan(&app, &ahmed, second, 1, &HIGH_RISK, (at(20, 23), at(21, 2)))
            .await
            .status()
            .is_success()
    );
    let conflicts = detail(&app, &ahmed, second).await["conflicts"].clone();
    let conflicts: Vec<&str> = conflicts
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    assert_eq!(conflicts.len(), 2, "{conflicts:?}");
    assert!(
        conflicts[0].contains(first) && conflicts[0].contains("S012-CRD-01"),
        "{conflicts:?}"
    );
    assert!(conflicts[1].contains("Christmas trading"), "{conflicts:?}");

    // A draft holds no window: the first change does not see the second.
    let of_first = detail(&app, &ahmed, first).await["conflicts"].clone();
    assert_eq!(
        of_first.as_array().unwrap().len(),
        1,
        "only the freeze: {of_first}"
    );

    // After the freeze and clear of the first, nothing to settle.
    let january = NaiveDate::from_ymd_opt(year + 1, 1, 10)
        .unwrap()
        .and_hms_opt(22, 0, 0)
        .unwrap()
        .and_utc();
    let revision = detail(&app, &ahmed, second).await["revision"]
        .as_i64()
        .unwrap();
    assert!(plan(
        &app,
        &ahmed,
        second,
        revision,
        &HIGH_RISK,
        (january, january + Duration::hours(2))
    )
    .await
    .status()
    .is_success());
    assert_eq!(
        detail(&app, &ahmed, second).await["conflicts"],
        serde_json::json!([])
    );
}

#[tokio::test]
async fn a_successful_change_resolves_the_problem_it_was_raised_from_as_it_closes() {
    let app = spawn().await;
    let prb = problem(&app, "key-chg-fix-00001").await;
    let ahmed = app.signed_in(AHMED).await;
    // An emergency: planned as it happens, so it may start at once.
    let number = raise(&app, &ahmed, &prb, "emergency").await;
    let number = number.as_str().unwrap();
    let now = Utc::now();
    let window = (now - Duration::minutes(30), now + Duration::hours(2));
    assert!(plan(&app, &ahmed, number, 1, &HIGH_RISK, window)
        .await
        .status()
        .is_success());
    assert_eq!(step(&app, &ahmed, number, 2, "submit").await, 3);
    assert_eq!(
        step(&app, &ahmed, number, 3, "request_authorisation").await,
        4
    );
    // The demo's emergency CAB: any one member.
    let mo = app.signed_in("mo.manager@deskfront.test").await;
    let decided = app
        .call(
            &mo,
            "decide_change",
            &[("number", number), ("decision", "approve")],
        )
        .await;
    assert_eq!(decided.status(), 200);
    let revision = detail(&app, &ahmed, number).await["revision"]
        .as_i64()
        .unwrap();
    assert_eq!(
        step(&app, &ahmed, number, revision, "start").await,
        revision + 1
    );
    // `step` records the outcome "successful" and a review.
    assert_eq!(
        step(&app, &ahmed, number, revision + 1, "finish").await,
        revision + 2
    );
    let open: Value = app.call_json(&ahmed, "problem", &[("number", &prb)]).await;
    assert_ne!(open["state"], "resolved", "{open}");
    assert_eq!(
        step(&app, &ahmed, number, revision + 2, "close").await,
        revision + 3
    );

    let fixed: Value = app.call_json(&ahmed, "problem", &[("number", &prb)]).await;
    assert_eq!(fixed["state"], "resolved", "{fixed}");
    assert!(
        fixed["fix"].as_str().unwrap().contains(number),
        "the fix names the change: {fixed}"
    );
    assert_eq!(detail(&app, &ahmed, number).await["state"], "closed");
}
