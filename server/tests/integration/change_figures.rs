//! The manager's change figures over real HTTP on a real database (issue 22): success rate,
//! emergency share, changes that may have caused incidents and approval lead time, in the
//! dashboard, behind each figure a list of the changes and a CSV, under the store filter, for
//! the desk only.

use crate::changes::{detail, problem, raise, step, AHMED, SAM};
use crate::common::*;
use chrono::{Duration, Utc};
use reqwest::Client;
use serde_json::Value;

const MO: &str = "mo.manager@deskfront.test";

/// An emergency change on S012's `device` whose window opened ten minutes ago, authorised by
/// Mo and started. Answers its number and revision.
async fn started_emergency(app: &TestApp, key: &str, device: &str) -> (String, i64) {
    let prb = problem(app, key).await;
    let ahmed = app.signed_in(AHMED).await;
    let number = raise(app, &ahmed, &prb, "emergency").await;
    let number = number.as_str().unwrap().to_string();
    let start = Utc::now() - Duration::minutes(10);
    let end = start + Duration::hours(2);
    let saved = app
        .call(
            &ahmed,
            "save_change",
            &[
                ("number", number.as_str()),
                ("revision", "1"),
                ("title", &format!("Firmware on {device}")),
                ("implementation_plan", "Flash it"),
                ("back_out_plan", "Flash the old one"),
                ("test_plan", "A test payment"),
                ("window_start", &start.to_rfc3339()),
                ("window_end", &end.to_rfc3339()),
                ("stores", "S012"),
                ("devices", device),
                ("risk[reach]", "one"),
                ("risk[payments]", "no"),
                ("risk[tested]", "yes"),
                ("risk[back_out]", "yes"),
            ],
        )
        .await;
    assert!(
        saved.status().is_success(),
        "{}",
        saved.text().await.unwrap()
    );
    assert_eq!(step(app, &ahmed, &number, 2, "submit").await, 3);
    assert_eq!(
        step(app, &ahmed, &number, 3, "request_authorisation").await,
        4
    );
    let mo = app.signed_in(MO).await;
    let decided = app
        .call(
            &mo,
            "decide_change",
            &[
                ("number", &number),
                ("decision", "approve"),
                ("comment", ""),
            ],
        )
        .await;
    assert_eq!(decided.status(), 200, "{}", decided.text().await.unwrap());
    let revision = detail(app, &ahmed, &number).await["revision"]
        .as_i64()
        .unwrap();
    assert_eq!(
        step(app, &ahmed, &number, revision, "start").await,
        revision + 1
    );
    (number, revision + 1)
}

async fn finish(app: &TestApp, number: &str, revision: i64, outcome: &str) {
    let ahmed = app.signed_in(AHMED).await;
    let done = app
        .call_json(
            &ahmed,
            "change_step",
            &[
                ("number", number),
                ("revision", &revision.to_string()),
                ("step", "finish"),
                ("outcome", outcome),
                ("review", ""),
            ],
        )
        .await;
    assert_eq!(done, revision + 1, "{done}");
}

async fn changes_behind(app: &TestApp, who: &Client, set: &str, filters: &str) -> Value {
    app.call_json(
        who,
        "dashboard_changes",
        &[("filters", filters), ("set", set)],
    )
    .await
}

fn numbers(list: &Value) -> Vec<String> {
    list["changes"]["items"]
        .as_array()
        .unwrap_or_else(|| panic!("{list}"))
        .iter()
        .map(|c| c["number"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn the_dashboard_counts_finished_changes_and_lists_the_changes_behind_each_figure() {
    let app = spawn().await;
    let mo = app.signed_in(MO).await;
    // Nothing finished yet: the figures say so rather than dividing by nothing.
    let empty = app.call_json(&mo, "dashboard", &[("filters", "")]).await;
    assert_eq!(empty["changes"]["finished"], 0, "{}", empty["changes"]);
    assert!(empty["changes"]["lead_median"].is_null());

    // The card reader's firmware fails and a store reports the reader meanwhile; the till's
    // update succeeds with no incident on the till.
    let (reader, reader_rev) = started_emergency(&app, "key-fig-reader-01", "S012-CRD-01").await;
    let (till, till_rev) = started_emergency(&app, "key-fig-till-0001", "S012-REG-01").await;
    let sam = app.signed_in(SAM).await;
    let incident = app
        .report_card_reader(&sam, "key-fig-incident1", "one_device")
        .await;
    finish(&app, &reader, reader_rev, "failed").await;
    finish(&app, &till, till_rev, "successful").await;

    let view = app.call_json(&mo, "dashboard", &[("filters", "")]).await;
    let c = &view["changes"];
    assert_eq!(c["finished"], 2, "{c}");
    assert_eq!(c["successful"], 1);
    assert_eq!(c["emergency"], 2);
    assert_eq!(c["caused_incidents"], 1);
    assert_eq!(c["authorised"], 2);
    assert_eq!(c["lead_median"], 0, "approved within the minute");

    let unsuccessful = changes_behind(&app, &mo, "unsuccessful", "").await;
    assert_eq!(numbers(&unsuccessful), [reader.as_str()]);
    assert_eq!(unsuccessful["changes"]["items"][0]["outcome"], "failed");
    let caused = changes_behind(&app, &mo, "caused_incidents", "").await;
    assert_eq!(numbers(&caused), [reader.as_str()]);
    assert!(
        caused["changes"]["items"][0]["incidents"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n == incident.as_str()),
        "{caused}"
    );
    let authorised = changes_behind(&app, &mo, "authorised", "").await;
    assert_eq!(numbers(&authorised), [reader.as_str(), till.as_str()]);
    assert_eq!(authorised["changes"]["items"][0]["lead_minutes"], 0);

    // Another store's figures hold neither change.
    let bristol = app
        .call_json(&mo, "dashboard", &[("filters", "store=S027")])
        .await;
    assert_eq!(bristol["changes"]["finished"], 0, "{}", bristol["changes"]);
    assert_eq!(
        numbers(&changes_behind(&app, &mo, "finished", "region=North").await).len(),
        2
    );

    // The CSVs: the summary carries the change figures, each set its changes.
    let get = |path: String| {
        let (mo, base) = (mo.clone(), app.base.clone());
        async move { mo.get(format!("{base}{path}")).send().await.unwrap() }
    };
    let summary = get("/dashboard/export/summary.csv".into())
        .await
        .text()
        .await
        .unwrap();
    assert!(
        summary.contains("\r\nChange success rate,50.0%,1 of 2 failed or backed out,"),
        "{summary}"
    );
    let csv = get("/dashboard/export/changes.csv?set=unsuccessful".into()).await;
    assert_eq!(csv.status(), 200);
    let csv = csv.text().await.unwrap();
    assert!(csv.starts_with("number,title,kind,outcome,when,stores,incidents,approval_minutes\r\n"));
    assert!(
        csv.contains(&format!(
            "\r\n{reader},Firmware on S012-CRD-01,emergency,failed,"
        )),
        "{csv}"
    );
    assert_eq!(csv.lines().count(), 2, "{csv}");
    assert_eq!(
        get("/dashboard/export/changes.csv?set=everything".into())
            .await
            .status(),
        400
    );

    // Store staff have no dashboard; nor its changes.
    let refused = app
        .call(
            &sam,
            "dashboard_changes",
            &[("filters", ""), ("set", "finished")],
        )
        .await;
    assert_eq!(refused.status(), 403);
    let unknown = app
        .call(
            &mo,
            "dashboard_changes",
            &[("filters", ""), ("set", "everything")],
        )
        .await;
    assert_eq!(unknown.status(), 422);
}
