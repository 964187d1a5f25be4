//! The change calendar over real HTTP on a real database (issue 22): who sees which scheduled
//! changes and freezes, the filters by store, region and service with their refusals, and the
//! private iCalendar feed, read back with a maintained iCalendar parser as a calendar app would.

use crate::changes::{problem, raise, step, AHMED, SAM};
use crate::common::*;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use icalendar::{CalendarComponent, CalendarDateTime, Component, DatePerhapsTime};
use reqwest::Client;
use serde_json::Value;

const RITA: &str = "rita.requester@deskfront.test";

const LOW_RISK: [(&str, &str); 4] = [
    ("reach", "one"),
    ("payments", "no"),
    ("tested", "yes"),
    ("back_out", "yes"),
];

/// A standard change on `stores` and `devices`, scheduled for `start` for two hours (a low-risk
/// standard change needs no approval). Answers with its number.
async fn scheduled(
    app: &TestApp,
    key: &str,
    title: &str,
    stores: &str,
    devices: &str,
    start: DateTime<Utc>,
) -> String {
    let prb = problem(app, key).await;
    let ahmed = app.signed_in(AHMED).await;
    let number = raise(app, &ahmed, &prb, "standard").await;
    let number = number.as_str().unwrap().to_string();
    let (from, to) = (
        start.to_rfc3339(),
        (start + Duration::hours(2)).to_rfc3339(),
    );
    let mut form: Vec<(String, String)> = [
        ("number", number.as_str()),
        ("revision", "1"),
        ("title", title),
        ("implementation_plan", "Update after closing"),
        ("back_out_plan", "Put the old version back"),
        ("test_plan", "A test sale on each till"),
        ("window_start", &from),
        ("window_end", &to),
        ("stores", stores),
        ("devices", devices),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    form.extend(
        LOW_RISK
            .iter()
            .map(|(q, a)| (format!("risk[{q}]"), a.to_string())),
    );
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (&k[..], &v[..])).collect();
    let saved = app.call(&ahmed, "save_change", &form).await;
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
    number
}

async fn calendar(app: &TestApp, who: &Client, params: &[(&str, &str)]) -> Value {
    app.call_json(who, "change_calendar", params).await
}

/// The change numbers on `day` of a calendar answer.
fn on_day(calendar: &Value, day: NaiveDate) -> Vec<String> {
    let day = day.to_string();
    calendar["days"]
        .as_array()
        .unwrap_or_else(|| panic!("{calendar}"))
        .iter()
        .find(|d| d["day"] == day.as_str())
        .map(|d| {
            d["changes"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c["number"].as_str().unwrap().to_string())
                .collect()
        })
        .unwrap_or_default()
}

/// Three days ahead at 10:00 UTC (10:00 in the London stores in winter, 11:00 in summer: the
/// same day either way).
fn soon() -> DateTime<Utc> {
    (Utc::now() + Duration::days(3))
        .date_naive()
        .and_hms_opt(10, 0, 0)
        .unwrap()
        .and_utc()
}

#[tokio::test]
async fn everyone_reads_the_calendar_store_staff_their_store_and_filters_narrow_it() {
    let app = spawn().await;
    let at = soon();
    let day = at.date_naive();
    let leeds = scheduled(
        &app,
        "key-cal-leeds-01",
        "Card reader firmware at Leeds",
        "S012",
        "S012-CRD-01",
        at,
    )
    .await;
    let bristol = scheduled(
        &app,
        "key-cal-brist-01",
        "Till update at S027",
        "S027",
        "S027-REG-01",
        at + Duration::hours(3),
    )
    .await;
    // A draft is not on the calendar.
    let ahmed = app.signed_in(AHMED).await;
    let prb = problem(&app, "key-cal-draft-01").await;
    let draft = raise(&app, &ahmed, &prb, "normal").await;
    let week = [("span", "week"), ("day", &day.to_string()[..])];

    let desk = calendar(&app, &ahmed, &week).await;
    let mut both = on_day(&desk, day);
    both.sort();
    assert_eq!(both, [leeds.clone(), bristol.clone()], "{desk}");
    assert!(!both.contains(&draft.as_str().unwrap().to_string()));
    assert_eq!(desk["span"], "week");
    assert_eq!(desk["days"].as_array().unwrap().len(), 7);
    let entry = &desk["days"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["day"] == day.to_string().as_str())
        .unwrap()["changes"][0];
    assert_eq!(
        entry["link"],
        format!("/changes/{}", entry["number"].as_str().unwrap())
    );

    // Sam works at S012: his calendar is his store's, without links to the desk's pages.
    let sam = app.signed_in(SAM).await;
    let his = calendar(&app, &sam, &week).await;
    assert_eq!(on_day(&his, day), [leeds.as_str()], "{his}");
    assert_eq!(his["query"]["store"], "S012");
    assert_eq!(his["zone"], "Europe/London");
    assert!(his["days"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["changes"].as_array().unwrap())
        .all(|c| c["link"].is_null()));
    let every = calendar(&app, &sam, &[week[0], week[1], ("store", "all")]).await;
    assert_eq!(on_day(&every, day).len(), 2);

    // His home page names what is planned in his store soon; so does his device's snapshot.
    let planned = app.call_json(&sam, "planned_changes", &[]).await;
    let planned: Vec<&str> = planned
        .as_array()
        .unwrap_or_else(|| panic!("{planned}"))
        .iter()
        .map(|p| p["number"].as_str().unwrap())
        .collect();
    assert_eq!(planned, [leeds.as_str()]);
    let snapshot = app.call_json(&sam, "offline_snapshot", &[]).await;
    let kept: Vec<&str> = snapshot["planned_changes"]
        .as_array()
        .unwrap_or_else(|| panic!("no planned changes in the snapshot"))
        .iter()
        .map(|p| p["number"].as_str().unwrap())
        .collect();
    assert!(kept.contains(&leeds.as_str()) && kept.contains(&bristol.as_str()));

    // Rita orders things; she may read it all the same.
    let rita = app.signed_in(RITA).await;
    assert_eq!(on_day(&calendar(&app, &rita, &week).await, day).len(), 2);
    assert_eq!(
        app.call_json(&rita, "planned_changes", &[]).await,
        serde_json::json!([]),
        "she works at no store"
    );

    // Region and service narrow.
    let north = calendar(&app, &rita, &[week[0], week[1], ("region", "North")]).await;
    assert_eq!(on_day(&north, day), [leeds.as_str()]);
    let tills = calendar(&app, &rita, &[week[0], week[1], ("service", "register")]).await;
    assert_eq!(on_day(&tills, day), [bristol.as_str()]);
    let none = calendar(
        &app,
        &rita,
        &[
            week[0],
            week[1],
            ("region", "North"),
            ("service", "register"),
        ],
    )
    .await;
    assert!(on_day(&none, day).is_empty());
    assert_eq!(none["change_count"], 0);

    // What cannot be read is refused beside its field.
    for (params, field) in [
        (vec![("span", "year")], "span"),
        (vec![("day", "15/12/2026")], "day"),
        (vec![("day", "+262142-12-01")], "day"),
        (vec![("day", "0001-01-01")], "day"),
        (vec![("store", "S999")], "store"),
        (vec![("region", "Atlantis")], "region"),
        (vec![("service", "fax")], "service"),
    ] {
        let res = app.call(&rita, "change_calendar", &params).await;
        assert_eq!(res.status(), 422, "{field}");
        let body: Value = res.json().await.unwrap();
        assert!(body["fields"][field].is_string(), "{field}: {body}");
    }
    let anonymous = app.client();
    assert_eq!(
        app.call(&anonymous, "change_calendar", &week)
            .await
            .status(),
        401
    );

    // The page itself: rendered on the server, a 400 for an address it cannot read.
    let html = app
        .html(&sam, &format!("/calendar?span=week&day={day}"))
        .await;
    assert!(html.contains(&leeds) && !html.contains(&bristol), "{html}");
    let bad = sam
        .get(format!("{}/calendar?span=year", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), 400);
}

#[tokio::test]
async fn the_month_shows_the_christmas_freeze_on_each_of_its_days() {
    let app = spawn().await;
    let rita = app.signed_in(RITA).await;
    let december = calendar(&app, &rita, &[("span", "month"), ("day", "2027-12-01")]).await;
    assert_eq!(december["heading"], "December 2027");
    let frozen: Vec<&str> = december["days"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| !d["freezes"].as_array().unwrap().is_empty())
        .map(|d| d["day"].as_str().unwrap())
        .collect();
    assert_eq!(frozen.first(), Some(&"2027-12-17"), "{december}");
    assert_eq!(frozen.last(), Some(&"2027-12-31"));
    assert_eq!(frozen.len(), 15);
    // Whole weeks from Monday 29 November to Sunday 2 January.
    let days = december["days"].as_array().unwrap();
    assert_eq!(days[0]["day"], "2027-11-29");
    assert_eq!(days[0]["in_focus"], false);
    assert_eq!(days.last().unwrap()["day"], "2028-01-02");
}

/// The feed at `url`, fetched as a calendar app does: no cookie, no origin.
async fn fetch(url: &str) -> reqwest::Response {
    Client::new().get(url).send().await.unwrap()
}

fn parse(body: &str) -> icalendar::Calendar {
    // What calendar apps insist on, beyond what a lenient parser forgives.
    assert!(body.starts_with("BEGIN:VCALENDAR\r\n") && body.ends_with("END:VCALENDAR\r\n"));
    for line in body.split("\r\n") {
        assert!(line.len() <= 75, "a line longer than 75 octets: {line:?}");
        assert!(!line.contains('\n'), "a bare line feed: {line:?}");
    }
    body.parse().unwrap_or_else(|e| panic!("{e}: {body}"))
}

fn events(calendar: &icalendar::Calendar) -> Vec<&icalendar::Event> {
    calendar
        .components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some(e),
            _ => None,
        })
        .collect()
}

#[tokio::test]
async fn the_private_feed_parses_follows_its_person_and_stops_when_replaced_or_ended() {
    let app = spawn().await;
    let at = soon();
    let leeds = scheduled(
        &app,
        "key-feed-leeds-1",
        "Card reader firmware, Leeds; then Bristol, later",
        "S012",
        "S012-CRD-01",
        at,
    )
    .await;
    let bristol = scheduled(
        &app,
        "key-feed-brist-1",
        "Till update at S027",
        "S027",
        "S027-REG-01",
        at,
    )
    .await;

    let ahmed = app.signed_in(AHMED).await;
    let url = app.call_json(&ahmed, "new_calendar_feed", &[]).await;
    let url = url.as_str().unwrap_or_else(|| panic!("{url}")).to_string();
    assert!(
        url.starts_with("http") && url.contains("/calendar.ics?token="),
        "{url}"
    );
    let res = fetch(&url).await;
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/calendar"));
    let body = res.text().await.unwrap();
    let cal = parse(&body);
    let all = events(&cal);
    let change = all
        .iter()
        .find(|e| e.get_uid() == Some(&format!("{leeds}@deskfront")))
        .unwrap_or_else(|| panic!("{body}"));
    assert_eq!(
        change.get_summary(),
        Some(format!("{leeds} Card reader firmware, Leeds; then Bristol, later").as_str()),
        "escaped text reads back as written"
    );
    assert_eq!(
        change.get_start(),
        Some(DatePerhapsTime::DateTime(CalendarDateTime::Utc(at)))
    );
    assert_eq!(
        change.get_end(),
        Some(DatePerhapsTime::DateTime(CalendarDateTime::Utc(
            at + Duration::hours(2)
        )))
    );
    assert_eq!(change.property_value("LOCATION"), Some("S012"));
    assert!(change
        .property_value("URL")
        .is_some_and(|u| u.ends_with(&format!("/changes/{leeds}"))));
    assert!(all
        .iter()
        .any(|e| e.get_uid() == Some(&format!("{bristol}@deskfront"))));
    let freeze = all
        .iter()
        .find(|e| {
            e.get_summary()
                .is_some_and(|s| s.contains("Christmas trading"))
        })
        .unwrap_or_else(|| panic!("the freeze: {body}"));
    assert!(
        matches!(freeze.get_start(), Some(DatePerhapsTime::Date(d)) if d.format("%m-%d").to_string() == "12-17")
    );
    assert_eq!(freeze.property_value("RRULE"), Some("FREQ=YEARLY"));

    // Sam's feed holds his store's changes, without links to pages he cannot open.
    let sam = app.signed_in(SAM).await;
    let his_url = app.call_json(&sam, "new_calendar_feed", &[]).await;
    let his_body = fetch(his_url.as_str().unwrap()).await.text().await.unwrap();
    let his = parse(&his_body);
    let uids: Vec<String> = events(&his)
        .iter()
        .filter_map(|e| e.get_uid().map(str::to_string))
        .filter(|u| u.starts_with("CHG"))
        .collect();
    assert_eq!(uids, [format!("{leeds}@deskfront")]);
    assert!(events(&his)
        .iter()
        .all(|e| e.property_value("URL").is_none()));

    // A new link replaces the old one; an ended one answers "not found", as does a made-up one.
    let page = calendar(&app, &ahmed, &[]).await;
    assert!(page["feed_since"].is_string(), "{page}");
    let newer = app.call_json(&ahmed, "new_calendar_feed", &[]).await;
    let newer = newer.as_str().unwrap().to_string();
    assert_ne!(newer, url);
    assert_eq!(fetch(&url).await.status(), 404);
    assert_eq!(fetch(&newer).await.status(), 200);
    assert_eq!(
        app.call(&ahmed, "end_calendar_feed", &[]).await.status(),
        200
    );
    assert_eq!(fetch(&newer).await.status(), 404);
    assert!(calendar(&app, &ahmed, &[]).await["feed_since"].is_null());
    assert_eq!(
        fetch(&format!("{}/calendar.ics?token=made-up", app.base))
            .await
            .status(),
        404
    );
    assert_eq!(
        fetch(&format!("{}/calendar.ics", app.base)).await.status(),
        404
    );
    // Nobody makes a link for someone else without signing in.
    assert_eq!(
        app.call(&app.client(), "new_calendar_feed", &[])
            .await
            .status(),
        401
    );
}

#[tokio::test]
async fn an_incident_on_a_device_during_its_change_is_flagged_to_the_desk_only() {
    let app = spawn().await;
    let prb = problem(&app, "key-cause-prob-01").await;
    let ahmed = app.signed_in(AHMED).await;
    let number = raise(&app, &ahmed, &prb, "emergency").await;
    let number = number.as_str().unwrap().to_string();
    // An emergency may start at once: its window began ten minutes ago.
    let start = Utc::now() - Duration::minutes(10);
    let saved = crate::changes::plan(
        &app,
        &ahmed,
        &number,
        1,
        &LOW_RISK,
        (start, start + Duration::hours(2)),
    )
    .await;
    assert!(
        saved.status().is_success(),
        "{}",
        saved.text().await.unwrap()
    );
    assert_eq!(step(&app, &ahmed, &number, 2, "submit").await, 3);
    assert_eq!(
        step(&app, &ahmed, &number, 3, "request_authorisation").await,
        4
    );
    let mo = app.signed_in("mo.manager@deskfront.test").await;
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
    let now_scheduled = crate::changes::detail(&app, &ahmed, &number).await;
    assert_eq!(now_scheduled["state"], "scheduled", "{now_scheduled}");
    let revision = now_scheduled["revision"].as_i64().unwrap();
    assert_eq!(
        step(&app, &ahmed, &number, revision, "start").await,
        revision + 1
    );

    // Sam reports the card reader the change is working on; another store's fault is not it.
    let sam = app.signed_in(SAM).await;
    let during = app
        .report_card_reader(&sam, "key-cause-inc-001", "one_device")
        .await;
    let desk = app
        .call_json(&ahmed, "request", &[("number", &during)])
        .await;
    let causes = &desk["desk"]["possible_causes"];
    assert_eq!(causes[0][0], number.as_str(), "{desk}");
    assert!(causes[0][1]
        .as_str()
        .unwrap()
        .contains("Card reader firmware"));
    // The store worker reads his incident without the desk's panel, so without the flag.
    let his = app.call_json(&sam, "request", &[("number", &during)]).await;
    assert!(his["desk"].is_null());
}

/// Saves the Glasgow stocktake as opened at `revision`: one day longer, every year.
async fn edit_glasgow(app: &TestApp, ada: &Client, id: &str, revision: &str) -> reqwest::Response {
    app.call(
        ada,
        "save_freeze",
        &[
            ("id", id),
            ("revision", revision),
            ("name", "Glasgow stocktake"),
            ("first_day", "2027-03-01"),
            ("last_day", "2027-03-04"),
            ("every_year", "true"),
            ("stores", "S045"),
        ],
    )
    .await
}

async fn remove_freeze(app: &TestApp, ada: &Client, id: &str, revision: &str) -> u16 {
    app.call(ada, "delete_freeze", &[("id", id), ("revision", revision)])
        .await
        .status()
        .as_u16()
}

#[tokio::test]
async fn administrators_keep_the_freeze_periods_with_revisions_and_an_audit_trail() {
    let app = spawn().await;
    let ada = app.signed_in("ada.admin@deskfront.test").await;
    let rita = app.signed_in(RITA).await;
    // To anyone else the page does not exist.
    assert_eq!(app.call(&rita, "admin_freezes", &[]).await.status(), 404);
    assert_eq!(
        app.call(
            &rita,
            "save_freeze",
            &[
                ("name", "Mine"),
                ("first_day", "2027-03-01"),
                ("last_day", "2027-03-02")
            ]
        )
        .await
        .status(),
        404
    );

    // Bad input is refused beside its field, and nothing is written.
    let bad = app
        .call(
            &ada,
            "save_freeze",
            &[
                ("name", " "),
                ("first_day", "2027-03-10"),
                ("last_day", "2027-03-12"),
                ("stores", "S012, S999"),
            ],
        )
        .await;
    assert_eq!(bad.status(), 422);
    let bad: Value = bad.json().await.unwrap();
    assert!(bad["fields"]["name"].is_string(), "{bad}");
    assert!(bad["fields"]["stores"].as_str().unwrap().contains("S999"));
    let backwards = app
        .call_json(
            &ada,
            "save_freeze",
            &[
                ("name", "Stocktake"),
                ("first_day", "2027-03-10"),
                ("last_day", "2027-03-01"),
            ],
        )
        .await;
    assert!(backwards["fields"]["last_day"].is_string(), "{backwards}");
    let unreadable = app
        .call_json(
            &ada,
            "save_freeze",
            &[
                ("name", "Stocktake"),
                ("first_day", "10.03.2027"),
                ("last_day", "2027-03-12"),
            ],
        )
        .await;
    assert!(
        unreadable["fields"]["first_day"].is_string(),
        "{unreadable}"
    );
    let yearly_too_long = app
        .call_json(
            &ada,
            "save_freeze",
            &[
                ("name", "Winter"),
                ("first_day", "2027-01-01"),
                ("last_day", "2028-01-05"),
                ("every_year", "true"),
            ],
        )
        .await;
    assert!(
        yearly_too_long["fields"]["last_day"].is_string(),
        "{yearly_too_long}"
    );
    let before = app.call_json(&ada, "admin_freezes", &[]).await;
    assert_eq!(
        before.as_array().unwrap().len(),
        1,
        "only the demo's: {before}"
    );

    // Created for one store: the calendar shows it there and not elsewhere.
    let created = app
        .call_json(
            &ada,
            "save_freeze",
            &[
                ("name", "Glasgow stocktake"),
                ("first_day", "2027-03-01"),
                ("last_day", "2027-03-03"),
                ("stores", "s045"),
            ],
        )
        .await;
    assert_eq!(created, 1);
    let list = app.call_json(&ada, "admin_freezes", &[]).await;
    let ours = list
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["freeze"]["name"] == "Glasgow stocktake")
        .unwrap_or_else(|| panic!("{list}"))
        .clone();
    assert_eq!(ours["freeze"]["stores"], serde_json::json!(["S045"]));
    let id = ours["id"].to_string();
    let frozen_on = |calendar: &Value, day: &str| -> Vec<String> {
        calendar["days"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["day"] == day)
            .map(|d| {
                d["freezes"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|f| f.as_str().unwrap().to_string())
                    .collect()
            })
            .unwrap_or_default()
    };
    let glasgow = calendar(&app, &rita, &[("day", "2027-03-01"), ("store", "S045")]).await;
    assert_eq!(frozen_on(&glasgow, "2027-03-02"), ["Glasgow stocktake"]);
    assert!(frozen_on(&glasgow, "2027-03-04").is_empty());
    let leeds = calendar(&app, &rita, &[("day", "2027-03-01"), ("store", "S012")]).await;
    assert!(frozen_on(&leeds, "2027-03-02").is_empty());

    // Edited from the revision it was opened at; an older one is refused.
    assert_eq!(
        edit_glasgow(&app, &ada, &id, "1")
            .await
            .json::<Value>()
            .await
            .unwrap(),
        2
    );
    assert_eq!(
        edit_glasgow(&app, &ada, &id, "1").await.status(),
        409,
        "a stale revision"
    );
    let glasgow = calendar(&app, &rita, &[("day", "2028-03-01"), ("store", "S045")]).await;
    assert_eq!(
        frozen_on(&glasgow, "2028-03-04"),
        ["Glasgow stocktake"],
        "every year now, one day longer"
    );

    // Removed, once; then it is gone from the calendar.
    assert_eq!(remove_freeze(&app, &ada, &id, "1").await, 409);
    assert_eq!(remove_freeze(&app, &ada, &id, "2").await, 200);
    assert_eq!(remove_freeze(&app, &ada, &id, "2").await, 404);
    let glasgow = calendar(&app, &rita, &[("day", "2027-03-01"), ("store", "S045")]).await;
    assert!(frozen_on(&glasgow, "2027-03-02").is_empty());

    // Each write is in the audit log: who, what before and after.
    let log = app
        .call_json(&ada, "audit_log", &[("kind", "freeze")])
        .await;
    let actions: Vec<&str> = log["items"]
        .as_array()
        .unwrap_or_else(|| panic!("{log}"))
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, ["delete", "update", "create"], "{log}");
}
