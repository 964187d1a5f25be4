//! Least privilege beyond "may see the ticket": the approver's view ends with their decision,
//! the dashboard's self-service tables are the manager's, a problem spanning other groups is the
//! manager's to move, and dates in filters cannot make the server panic.

use crate::common::*;
use reqwest::StatusCode;
use serde_json::Value;

const MO: &str = "mo.manager@deskfront.test";
const SAM: &str = "sam.store@deskfront.test";

#[tokio::test]
async fn an_approver_sees_the_request_and_their_decision_not_what_came_after() {
    let app = spawn().await;
    let rita = app.signed_in(RITA).await;
    let number = app.order_laptop(&rita, "approver-view-0001").await["number"]
        .as_str()
        .unwrap()
        .to_string();
    let lena = app.signed_in(LENA).await;
    // While it waits for her she sees it, and may comment.
    let res = app
        .call(
            &lena,
            "comment",
            &[("number", &number), ("body", "Which screen size?")],
        )
        .await;
    assert!(res.status().is_success(), "{}", res.status());
    let res = app
        .call(
            &lena,
            "decide",
            &[("number", &number), ("decision", "approve")],
        )
        .await;
    assert!(res.status().is_success());
    let res = app
        .call(
            &rita,
            "comment",
            &[
                ("number", &number),
                ("body", "My home address is 12 Elm Road."),
            ],
        )
        .await;
    assert!(res.status().is_success());

    let detail: Value = app
        .call_json(&lena, "request", &[("number", &number)])
        .await;
    let timeline = detail["timeline"].as_array().unwrap();
    assert_eq!(
        timeline.last().unwrap()["kind"],
        "approval_approved",
        "her view ends with her decision: {detail}"
    );
    assert!(!detail.to_string().contains("Elm Road"));
    assert_eq!(detail["can_comment"], false);
    let res = app
        .call(
            &lena,
            "comment",
            &[("number", &number), ("body", "One more thing")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);

    // The requester still sees everything.
    let mine: Value = app
        .call_json(&rita, "request", &[("number", &number)])
        .await;
    assert!(mine.to_string().contains("Elm Road"));
}

#[tokio::test]
async fn what_people_searched_for_is_the_managers_to_read() {
    let app = spawn().await;
    let rita = app.signed_in(RITA).await;
    let res = app
        .call(&rita, "search", &[("q", "zorblax quuxinator")])
        .await;
    assert!(res.status().is_success());
    let mo = app.signed_in(MO).await;
    let theirs: Value = app.call_json(&mo, "dashboard", &[("filters", "")]).await;
    assert!(
        theirs["deflection"]["empty_searches"]
            .to_string()
            .contains("zorblax"),
        "{}",
        theirs["deflection"]
    );
    let ahmed = app.signed_in(AHMED).await;
    let agents: Value = app.call_json(&ahmed, "dashboard", &[("filters", "")]).await;
    assert_eq!(
        agents["deflection"]["empty_searches"],
        serde_json::json!([])
    );
    assert_eq!(agents["deflection"]["top_articles"], serde_json::json!([]));
    assert!(
        agents["deflection"]["searches_empty"].as_u64().unwrap() >= 1,
        "counts stay"
    );
    let html = app.html(&ahmed, "/dashboard").await;
    assert!(html.contains("self-service-for-managers") && !html.contains("empty-searches-table"));
}

#[tokio::test]
async fn a_problem_spanning_other_groups_is_moved_by_a_manager_only() {
    let db = TestDb::new().await;
    let app = db.spawn("p").await;
    let sam = app.signed_in(SAM).await;
    let mut numbers = Vec::new();
    for key in ["span-a-000000001", "span-b-000000001"] {
        let res = app
            .submit(
                &sam,
                serde_json::json!({
                    "item_slug": "card-reader-fault", "form_version": 1, "idempotency_key": key,
                    "answers": { "store": ["S012"], "asset": ["S012-CRD-01"],
                        "symptom": ["Declining all cards"], "impact": ["one_device"],
                        "urgency": ["today"], "description": ["It stopped working again."] }
                }),
            )
            .await;
        let body: Value = res.json().await.unwrap();
        numbers.push(body["number"].as_str().unwrap().to_string());
    }
    let ahmed = app.signed_in(AHMED).await;
    let problem: Value = app
        .call_json(
            &ahmed,
            "open_problem",
            &[
                ("incident", &numbers[0]),
                ("title", "Readers drop"),
                ("related[]", &numbers[1]),
            ],
        )
        .await;
    let problem = problem.as_str().unwrap().to_string();
    let update = |who: reqwest::Client, state: &'static str, revision: &'static str| {
        let (app, problem) = (&app, problem.clone());
        async move {
            app.call(
                &who,
                "update_problem",
                &[
                    ("number", problem.as_str()),
                    ("cause", "Firmware 4.2"),
                    ("workaround", ""),
                    ("fix", ""),
                    ("state", state),
                    ("revision", revision),
                ],
            )
            .await
        }
    };
    // All its incidents are Ahmed's groups': he moves it.
    assert!(update(ahmed.clone(), "known_error", "1")
        .await
        .status()
        .is_success());

    // One incident moves to Network, which is not his.
    set_group(&db, &numbers[1], "Network").await;
    let view: Value = app
        .call_json(&ahmed, "problem", &[("number", &problem)])
        .await;
    assert_eq!(view["can_change_state"], false, "{view}");
    let res = update(ahmed.clone(), "open", "2").await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    // He may still record what he knows, without moving the state.
    assert!(update(ahmed.clone(), "known_error", "2")
        .await
        .status()
        .is_success());
    let mo = app.signed_in(MO).await;
    // (Saving what is already there changes nothing, so the revision is still 2.)
    assert!(update(mo, "open", "2").await.status().is_success());
}

async fn set_group(db: &TestDb, number: &str, group: &str) {
    use sqlx::Connection;
    let sql = "UPDATE tickets SET assignment_group = $1 WHERE number = $2";
    let url = &db.config.database_url;
    if db.is_postgres() {
        let mut c = sqlx::PgConnection::connect(url).await.unwrap();
        sqlx::query(sql)
            .bind(group)
            .bind(number)
            .execute(&mut c)
            .await
            .unwrap();
    } else {
        let mut c = sqlx::SqliteConnection::connect(url).await.unwrap();
        sqlx::query(sql)
            .bind(group)
            .bind(number)
            .execute(&mut c)
            .await
            .unwrap();
    }
}

#[tokio::test]
async fn dates_past_the_years_we_serve_are_refused_not_a_crash() {
    let app = spawn().await;
    let mo = app.signed_in(MO).await;
    for filters in ["to=%2B262142-12-31", "from=0001-01-01", "to=2101-01-01"] {
        let res = app.call(&mo, "dashboard", &[("filters", filters)]).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{filters}");
        let res = mo
            .get(format!(
                "{}/dashboard/export/figures.csv?{filters}",
                app.base
            ))
            .send()
            .await
            .unwrap();
        assert!(
            res.status().is_client_error(),
            "{filters}: {}",
            res.status()
        );
        let res = mo
            .get(format!("{}/dashboard?{filters}", app.base))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::BAD_REQUEST, "{filters}");
    }
    let ada = app.signed_in("ada.admin@deskfront.test").await;
    let res = ada
        .get(format!("{}/admin/audit.csv?to=%2B262142-12-31", app.base))
        .send()
        .await
        .unwrap();
    assert!(res.status().is_client_error(), "{}", res.status());
}
