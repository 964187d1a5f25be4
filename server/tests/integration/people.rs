//! People administered in the portal: an HR export of 300 people with line managers imported
//! after a dry run, a file with one bad row importing nothing, deactivation ending sessions, and
//! admins only.

use crate::common::*;
use reqwest::Client;
use serde_json::{json, Value};

const ADA: &str = "ada.admin@deskfront.test";

async fn import(app: &TestApp, client: &Client, csv: &str, apply: bool) -> Value {
    client
        .post(format!("{}/api/import_csv", app.base))
        .json(&json!({ "file": "people", "csv": csv, "apply": apply }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

/// A company of 300: a director, 9 managers reporting to her (listed after their reports, as
/// HR exports often are), 290 people under them, some in stores and some agents in groups.
fn company() -> String {
    let mut csv = String::from("email,name,role,manager,store,groups\n");
    for n in 0..290 {
        let (role, store, groups) = match n % 10 {
            0 => ("store_staff", "S012", ""),
            1 => ("agent", "", "Service desk;Store systems"),
            _ => ("requester", "", ""),
        };
        csv.push_str(&format!(
            "p{n:03}@corp.example,Person {n},{role},m{}@corp.example,{store},{groups}\n",
            n % 9
        ));
    }
    for m in 0..9 {
        csv.push_str(&format!(
            "m{m}@corp.example,Manager {m},approver,director@corp.example,,\n"
        ));
    }
    csv.push_str("director@corp.example,The Director,manager,,,\n");
    csv
}

fn total(v: &Value) -> i64 {
    v["total"].as_i64().unwrap_or(-1)
}

#[tokio::test]
async fn an_hr_export_is_imported_after_a_dry_run_with_its_line_managers() {
    let app = spawn().await;
    let ada = app.signed_in(ADA).await;
    let before = total(&app.call_json(&ada, "admin_people", &[]).await);

    let csv = company();
    let dry = import(&app, &ada, &csv, false).await;
    assert_eq!(dry["applied"], false, "{dry}");
    assert_eq!(dry["created"].as_array().unwrap().len(), 300);
    assert_eq!(
        total(&app.call_json(&ada, "admin_people", &[]).await),
        before,
        "a dry run wrote"
    );

    // One bad row (a manager nobody knows) and the whole file imports nothing.
    let bad = format!("{csv}late@corp.example,Late,requester,ghost@corp.example,,\n");
    let refused = import(&app, &ada, &bad, true).await;
    assert_eq!(refused["applied"], false);
    assert_eq!(refused["refused"][0]["line"], 302, "{refused}");
    assert_eq!(
        total(&app.call_json(&ada, "admin_people", &[]).await),
        before
    );

    let done = import(&app, &ada, &csv, true).await;
    assert_eq!(done["applied"], true, "{done}");
    assert_eq!(
        total(&app.call_json(&ada, "admin_people", &[]).await),
        before + 300
    );
    let found = app
        .call_json(&ada, "admin_people", &[("q", "p011@corp")])
        .await;
    let p011 = &found["items"][0];
    assert_eq!(p011["role"], "agent", "{found}");
    assert_eq!(p011["manager"], "m2@corp.example");
    assert_eq!(p011["groups"], json!(["Service desk", "Store systems"]));
    let m2 = app
        .call_json(&ada, "admin_people", &[("q", "m2@corp")])
        .await;
    assert_eq!(m2["items"][0]["manager"], "director@corp.example");

    // Again: nothing changes. A changed manager is one change.
    assert_eq!(import(&app, &ada, &csv, false).await["unchanged"], 300);
    let moved = csv.replace(
        "p011@corp.example,Person 11,agent,m2@corp.example",
        "p011@corp.example,Person 11,agent,m3@corp.example",
    );
    assert_eq!(
        import(&app, &ada, &moved, false).await["changed"],
        json!(["p011@corp.example"])
    );

    // A cycle through the portal: the director would report to someone who reports to her.
    let cycle =
        "email,name,role,manager\ndirector@corp.example,The Director,manager,p000@corp.example\n";
    let refused = import(&app, &ada, cycle, true).await;
    assert!(
        refused["refused"][0]["reason"]
            .as_str()
            .unwrap()
            .contains("cycle"),
        "{refused}"
    );

    let log = app
        .call_json(&ada, "audit_log", &[("kind", "import")])
        .await;
    assert_eq!(log["items"][0]["subject"], "people: 300 created, 0 changed");
    assert_eq!(total(&log), 1, "dry runs and refused files are not audited");
}

#[tokio::test]
async fn deactivation_ends_sessions_and_sign_in_and_keeps_the_tickets() {
    let app = spawn().await;
    let ada = app.signed_in(ADA).await;
    let rita = app.signed_in(RITA).await;
    let receipt = app.order_laptop(&rita, "deactivation-key-0001").await;

    let res = app
        .call(
            &ada,
            "set_person_active",
            &[("email", RITA), ("active", "false")],
        )
        .await;
    assert!(res.status().is_success(), "{}", res.status());
    let gone = app.call_json(&rita, "my_requests", &[("page", "1")]).await;
    assert_eq!(gone["error"], "not_signed_in", "{gone}");
    let again = app
        .client()
        .post(format!("{}/api/login", app.base))
        .form(&[("email", RITA), ("password", PASSWORD)])
        .send()
        .await
        .unwrap()
        .json::<Value>()
        .await
        .unwrap();
    assert_eq!(again["error"], "invalid", "{again}");

    // Her ticket stays, and the desk still sees it.
    let number = receipt["number"].as_str().unwrap();
    let lena = app.signed_in(LENA).await;
    let ticket = app.call_json(&lena, "request", &[("number", number)]).await;
    assert_eq!(ticket["summary"]["number"], number, "{ticket}");

    let found = app.call_json(&ada, "admin_people", &[("q", RITA)]).await;
    assert_eq!(found["items"][0]["active"], false);

    // Nobody deactivates themselves; reactivation lets her sign in again.
    let refused = app
        .call_json(
            &ada,
            "set_person_active",
            &[("email", ADA), ("active", "false")],
        )
        .await;
    assert_eq!(refused["error"], "conflict", "{refused}");
    let res = app
        .call(
            &ada,
            "set_person_active",
            &[("email", RITA), ("active", "true")],
        )
        .await;
    assert!(res.status().is_success());
    app.signed_in(RITA).await;

    let log = app
        .call_json(&ada, "audit_log", &[("kind", "person")])
        .await;
    let actions: Vec<&str> = log["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, ["reactivate", "deactivate"]);
}

#[tokio::test]
async fn only_administrators_see_or_change_people() {
    let app = spawn().await;
    for who in [RITA, EVE, AHMED, "mo.manager@deskfront.test"] {
        let client = app.signed_in(who).await;
        let refused = app.call_json(&client, "admin_people", &[]).await;
        assert_eq!(refused["error"], "not_found", "{who}: {refused}");
        let refused = app
            .call_json(
                &client,
                "set_person_active",
                &[("email", TOM), ("active", "false")],
            )
            .await;
        assert_eq!(refused["error"], "not_found", "{who}: {refused}");
        let refused = import(
            &app,
            &client,
            "email,name,role\nx@corp.example,X,admin\n",
            true,
        )
        .await;
        assert_eq!(refused["error"], "not_found", "{who}: {refused}");
        let page = client
            .get(format!("{}/admin/people", app.base))
            .send()
            .await
            .unwrap();
        assert_eq!(page.status(), 404, "{who}");
    }
    // Tom was never deactivated by any of them.
    let tom = app.signed_in(TOM).await;
    assert!(app.call_json(&tom, "me", &[]).await["email"] == TOM);
}

#[tokio::test]
async fn a_password_link_lets_an_imported_person_set_a_password_once() {
    let db = TestDb::new().await;
    let app = db.spawn("links").await;
    let ada = app.signed_in(ADA).await;
    const HIRE: &str = "new.hire@corp.example";
    const CHOSEN: &str = "correct horse battery staple";
    let done = import(
        &app,
        &ada,
        "email,name,role\nnew.hire@corp.example,New Hire,requester\n",
        true,
    )
    .await;
    assert_eq!(done["applied"], true, "{done}");
    let refused = app
        .call_json(&app.client(), "login", &[("email", HIRE), ("password", "")])
        .await;
    assert_eq!(
        refused["error"], "invalid",
        "an imported person has no password yet"
    );

    let rita = app.signed_in(RITA).await;
    let refused = app
        .call_json(&rita, "create_password_link", &[("email", HIRE)])
        .await;
    assert_eq!(refused["error"], "not_found", "{refused}");

    let made = app
        .call_json(&ada, "create_password_link", &[("email", HIRE)])
        .await;
    let link = made["link"].as_str().unwrap_or_else(|| panic!("{made}"));
    let prefix = format!("{}/set-password?token=", app.base);
    assert!(link.starts_with(&prefix), "{link}");
    let token = &link[prefix.len()..];
    let page = app
        .html(&app.client(), &format!("/set-password?token={token}"))
        .await;
    assert!(page.contains(HIRE), "the page names whose link it is");

    let anyone = app.client();
    let short = app
        .call_json(
            &anyone,
            "set_password",
            &[("token", token), ("password", "short"), ("again", "short")],
        )
        .await;
    assert!(short["fields"]["password"].is_string(), "{short}");
    let differ = app
        .call_json(
            &anyone,
            "set_password",
            &[
                ("token", token),
                ("password", CHOSEN),
                ("again", "something else entirely"),
            ],
        )
        .await;
    assert!(differ["fields"]["again"].is_string(), "{differ}");

    // Without JavaScript: the form posts, and the person lands on the sign-in page.
    let res = anyone
        .post(format!("{}/api/set_password", app.base))
        .header("accept", "text/html")
        .form(&[("token", token), ("password", CHOSEN), ("again", CHOSEN)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 302);
    assert_eq!(res.headers()["location"], "/login?password_set=1");
    app.signed_in_with(HIRE, CHOSEN).await;

    // Once only.
    let again = app
        .call_json(
            &anyone,
            "set_password",
            &[
                ("token", token),
                ("password", "another long passphrase"),
                ("again", "another long passphrase"),
            ],
        )
        .await;
    assert_eq!(again["error"], "not_found", "{again}");
    let gone = anyone
        .get(format!("{}/set-password?token={token}", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(gone.status(), 404);

    let log = app
        .call_json(&ada, "audit_log", &[("kind", "person")])
        .await;
    let actions: Vec<&str> = log["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, ["password set", "password link"]);
    assert!(
        !log.to_string().contains(token),
        "the link reached the audit log"
    );

    // An expired link does not work.
    let store = db.store().await;
    let now = chrono::Utc::now();
    let expired = app::backend::people_store::NewPasswordLink {
        token_hash: "expired-link-hash",
        created_by: 1,
        created_at: now - chrono::Duration::hours(80),
        expires_at: now - chrono::Duration::hours(8),
    };
    let audit = app::backend::audit::Actor::command_line().did(
        app::model::AuditKind::Person,
        "password link",
        HIRE,
        now,
    );
    assert!(store
        .create_password_link(HIRE, &expired, &audit)
        .await
        .unwrap());
    assert_eq!(
        store
            .password_link_owner("expired-link-hash", now)
            .await
            .unwrap(),
        None
    );
}
