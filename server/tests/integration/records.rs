//! One person, store or device created or edited in the portal, as an administrator does it
//! between imports: checked as an imported row is, refused beside the field at fault, refused
//! when someone (or an import) changed the record after the page was opened, and audited.
//! Runs on SQLite and, with `DESKFRONT_TEST_POSTGRES`, on PostgreSQL.

use crate::common::*;
use reqwest::Client;
use serde_json::Value;

const ADA: &str = "ada.admin@deskfront.test";
const HIRE: &str = "new.hire@deskfront.test";

async fn save_person(app: &TestApp, client: &Client, fields: &[(&str, &str)]) -> Value {
    app.call_json(client, "save_person", fields).await
}

fn person<'a>(
    email: &'a str,
    role: &'a str,
    manager: &'a str,
    store: &'a str,
    revision: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("email", email),
        ("name", "Noor Hire"),
        ("role", role),
        ("manager", manager),
        ("store", store),
        ("groups", ""),
        ("revision", revision),
    ]
}

async fn find_person(app: &TestApp, client: &Client, email: &str) -> Value {
    let page = app.call_json(client, "admin_people", &[("q", email)]).await;
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["email"] == email)
        .cloned()
        .unwrap_or(Value::Null)
}

#[tokio::test]
async fn one_person_is_created_edited_and_refused_beside_the_field_at_fault() {
    let app = spawn().await;
    let ada = app.signed_in(ADA).await;

    let created = save_person(&app, &ada, &person(HIRE, "store_staff", LENA, "S012", "0")).await;
    assert_eq!(created, 1, "{created}");
    let stored = find_person(&app, &ada, HIRE).await;
    assert_eq!(stored["manager"], LENA, "{stored}");
    assert_eq!(stored["store"], "S012");
    assert_eq!(stored["revision"], 1);

    let again = save_person(&app, &ada, &person(HIRE, "store_staff", LENA, "S012", "0")).await;
    assert!(again["fields"]["email"].is_string(), "{again}");

    let mut edit = person(HIRE, "agent", LENA, "", "1");
    edit[5] = ("groups", "Service Desk; Store Systems");
    assert_eq!(save_person(&app, &ada, &edit).await, 2);
    let stored = find_person(&app, &ada, HIRE).await;
    assert_eq!(stored["role"], "agent");
    assert_eq!(
        stored["groups"],
        serde_json::json!(["Service Desk", "Store Systems"])
    );
    let stale = save_person(&app, &ada, &person(HIRE, "requester", LENA, "", "1")).await;
    assert_eq!(stale["error"], "conflict", "{stale}");

    for (fields, at_fault) in [
        (person(HIRE, "wizard", LENA, "", "2"), "role"),
        (
            person(HIRE, "agent", "nobody@deskfront.test", "", "2"),
            "manager",
        ),
        (person(HIRE, "agent", LENA, "S999", "2"), "store"),
        (person("not-an-address", "agent", LENA, "", "0"), "email"),
    ] {
        let refused = save_person(&app, &ada, &fields).await;
        assert!(
            refused["fields"][at_fault].is_string(),
            "{at_fault}: {refused}"
        );
    }
    // Lena reporting to the new hire, who reports to Lena: a cycle.
    let lena = find_person(&app, &ada, LENA).await;
    let lena_revision = lena["revision"].as_i64().unwrap().to_string();
    let cycle = save_person(
        &app,
        &ada,
        &[
            ("email", LENA),
            ("name", "Lena Lindqvist"),
            ("role", "approver"),
            ("manager", HIRE),
            ("store", ""),
            ("groups", ""),
            ("revision", &lena_revision),
        ],
    )
    .await;
    assert!(
        cycle["fields"]["manager"]
            .as_str()
            .unwrap()
            .contains("cycle"),
        "{cycle}"
    );
    // Nobody changes their own role.
    let ada_revision = find_person(&app, &ada, ADA).await["revision"]
        .as_i64()
        .unwrap()
        .to_string();
    let own = save_person(
        &app,
        &ada,
        &[
            ("email", ADA),
            ("name", "Ada"),
            ("role", "requester"),
            ("revision", &ada_revision),
        ],
    )
    .await;
    assert!(own["fields"]["role"].is_string(), "{own}");

    // An import changes the person: a page opened before it is out of date.
    let report = ada
        .post(format!("{}/api/import_csv", app.base))
        .json(&serde_json::json!({
            "file": "people",
            "csv": format!("email,name,role,manager\n{HIRE},Noor Hire-Smith,agent,{LENA}\n"),
            "apply": true
        }))
        .send()
        .await
        .unwrap()
        .json::<Value>()
        .await
        .unwrap();
    assert_eq!(report["applied"], true, "{report}");
    let stale = save_person(&app, &ada, &person(HIRE, "agent", LENA, "", "2")).await;
    assert_eq!(stale["error"], "conflict", "{stale}");

    let log = app.call_json(&ada, "audit_log", &[("q", HIRE)]).await;
    let actions: Vec<&str> = log["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert!(
        actions.contains(&"create") && actions.contains(&"update"),
        "{actions:?}"
    );

    let eve = app.signed_in(EVE).await;
    let refused = save_person(
        &app,
        &eve,
        &person("x@deskfront.test", "admin", "", "", "0"),
    )
    .await;
    assert_eq!(refused["error"], "not_found", "{refused}");
}

#[tokio::test]
async fn a_plain_form_post_comes_back_to_the_page_with_the_error() {
    let app = spawn().await;
    let ada = app.signed_in(ADA).await;
    let res = ada
        .post(format!("{}/api/save_person", app.base))
        .header("Accept", "text/html")
        .form(&person(HIRE, "wizard", "", "", "0"))
        .send()
        .await
        .unwrap();
    assert!(res.status().is_redirection(), "{}", res.status());
    let to = res.headers()["location"].to_str().unwrap();
    assert!(to.starts_with("/admin/people?error="), "{to}");
    assert!(
        to.ends_with("error=not_a_role&error_arg=wizard"),
        "the reason names the role: {to}"
    );
    let html = app.html(&ada, to).await;
    assert!(html.contains("is not a role"), "and the page says so");
}

#[tokio::test]
async fn one_store_and_one_device_are_created_and_edited_with_a_revision_check() {
    let app = spawn().await;
    let ada = app.signed_in(ADA).await;
    let store = |name: &'static str, timezone: &'static str, revision: &'static str| {
        vec![
            ("code", "S950"),
            ("name", name),
            ("region", "North"),
            ("timezone", timezone),
            ("calendar", ""),
            ("revision", revision),
        ]
    };
    let bad = app
        .call_json(&ada, "save_store", &store("Kiel", "Europe/Kiel", "0"))
        .await;
    assert!(bad["fields"]["timezone"].is_string(), "{bad}");
    assert_eq!(
        app.call_json(&ada, "save_store", &store("Kiel", "Europe/Berlin", "0"))
            .await,
        1
    );
    assert_eq!(
        app.call_json(
            &ada,
            "save_store",
            &store("Kiel Holstenstraße", "Europe/Berlin", "1")
        )
        .await,
        2
    );
    let stale = app
        .call_json(
            &ada,
            "save_store",
            &store("Kiel Mitte", "Europe/Berlin", "1"),
        )
        .await;
    assert_eq!(stale["error"], "conflict", "{stale}");

    let device = |store: &'static str, revision: &'static str| {
        vec![
            ("tag", "S950-REG-01"),
            ("store", store),
            ("kind", "register"),
            ("model", "TP-500"),
            ("name", "Till 1"),
            ("revision", revision),
        ]
    };
    let nowhere = app
        .call_json(&ada, "save_device", &device("S999", "0"))
        .await;
    assert!(nowhere["fields"]["store"].is_string(), "{nowhere}");
    assert_eq!(
        app.call_json(&ada, "save_device", &device("S950", "0"))
            .await,
        1
    );
    assert_eq!(
        app.call_json(&ada, "save_device", &device("S012", "1"))
            .await,
        2
    );
    let stale = app
        .call_json(&ada, "save_device", &device("S950", "1"))
        .await;
    assert_eq!(stale["error"], "conflict", "{stale}");
    let s012 = app
        .call_json(&ada, "admin_store", &[("code", "S012")])
        .await;
    assert!(
        s012["devices"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["tag"] == "S950-REG-01"),
        "the device moved to S012"
    );
    let log = app.call_json(&ada, "audit_log", &[("q", "S950")]).await;
    let kinds: Vec<&str> = log["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert!(
        kinds.contains(&"store") && kinds.contains(&"device"),
        "{kinds:?}"
    );

    let rita = app.signed_in(RITA).await;
    let refused = app
        .call_json(&rita, "save_store", &store("X", "Europe/Berlin", "0"))
        .await;
    assert_eq!(refused["error"], "not_found", "{refused}");
}
