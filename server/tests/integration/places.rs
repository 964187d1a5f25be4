//! Stores and devices administered in the portal, on a production start (no demo data): CSV
//! imports with a dry run, all or nothing, at the scale of a 40-store chain with 600 devices;
//! refusals by line; one clear error for an unreadable file; QR stickers; admins only.

use crate::common::*;
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

const ADMIN: &str = "ines.admin@example.com";
const ADMIN_PASSWORD: &str = "a long and private passphrase";

/// A production start with one administrator, signed in.
async fn production_with_admin() -> (TestDb, TestApp, Client) {
    let db = TestDb::production().await;
    let store = db.store().await;
    server::admin::create_admin(&*store, ADMIN, Some("Ines Admin"), ADMIN_PASSWORD, "x")
        .await
        .expect("admin created");
    let app = db.spawn("places").await;
    let client = app.signed_in_with(ADMIN, ADMIN_PASSWORD).await;
    (db, app, client)
}

async fn import(app: &TestApp, client: &Client, file: &str, csv: &str, apply: bool) -> Value {
    client
        .post(format!("{}/api/import_csv", app.base))
        .json(&json!({ "file": file, "csv": csv, "apply": apply }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

/// 40 stores in 4 regions and time zones, each with 15 devices: 600 in all.
fn chain() -> (String, String) {
    let zones = [
        "Europe/Berlin",
        "Europe/Vienna",
        "Europe/Zurich",
        "Europe/London",
    ];
    let mut stores = String::from("code,name,region,timezone,calendar\n");
    let mut devices = String::from("tag,store,kind,model,name\n");
    for n in 1..=40 {
        let code = format!("S{n:03}");
        stores.push_str(&format!(
            "{code},Store {n},Region {},{},\n",
            n % 4,
            zones[n % 4]
        ));
        for d in 1..=15 {
            let (kind, model) = if d <= 5 {
                ("register", "TP-500")
            } else {
                ("scanner", "DS2208")
            };
            devices.push_str(&format!("{code}-{d:02},{code},{kind},{model},{kind} {d}\n"));
        }
    }
    (stores, devices)
}

fn total(v: &Value) -> i64 {
    v["total"].as_i64().unwrap_or(-1)
}

#[tokio::test]
async fn a_chain_is_imported_after_a_dry_run_and_its_stickers_print() {
    let (_db, app, admin) = production_with_admin().await;
    let none = app.call_json(&admin, "admin_stores", &[]).await;
    assert_eq!(total(&none), 0, "a production start has no stores: {none}");

    let (stores, devices) = chain();
    let dry = import(&app, &admin, "stores", &stores, false).await;
    assert_eq!(dry["applied"], false, "{dry}");
    assert_eq!(dry["created"].as_array().unwrap().len(), 40);
    assert_eq!(
        total(&app.call_json(&admin, "admin_stores", &[]).await),
        0,
        "a dry run wrote"
    );

    let done = import(&app, &admin, "stores", &stores, true).await;
    assert_eq!(done["applied"], true, "{done}");
    let list = app.call_json(&admin, "admin_stores", &[]).await;
    assert_eq!(total(&list), 40);
    let found = app
        .call_json(&admin, "admin_stores", &[("q", "store 12")])
        .await;
    assert_eq!(total(&found), 1, "{found}");

    // One unknown store refuses the whole devices file, by line.
    let bad = format!("{devices}S999-01,S999,register,TP-500,\n");
    let refused = import(&app, &admin, "devices", &bad, true).await;
    assert_eq!(refused["applied"], false);
    let rows = refused["refused"].as_array().unwrap();
    assert_eq!(rows.len(), 1, "{refused}");
    assert_eq!(rows[0]["line"], 602);
    assert!(rows[0]["reason"]
        .as_str()
        .unwrap()
        .contains("no store S999"));
    let s001 = app
        .call_json(&admin, "admin_store", &[("code", "S001")])
        .await;
    assert_eq!(s001["devices"], json!([]), "a refused import wrote devices");

    let done = import(&app, &admin, "devices", &devices, true).await;
    assert_eq!(done["applied"], true, "{done}");
    assert_eq!(done["created"].as_array().unwrap().len(), 600);
    let s012 = app
        .call_json(&admin, "admin_store", &[("code", "S012")])
        .await;
    assert_eq!(s012["devices"].as_array().unwrap().len(), 15);
    assert_eq!(s012["store"]["devices"], 15);

    // The same file again changes nothing; one changed row is one change.
    let again = import(&app, &admin, "devices", &devices, false).await;
    assert_eq!(again["unchanged"], 600);
    let moved = devices.replace(
        "S012-01,S012,register,TP-500",
        "S012-01,S012,register,TP-600",
    );
    let changed = import(&app, &admin, "devices", &moved, false).await;
    assert_eq!(changed["changed"], json!(["S012-01"]));

    let sheet = app
        .call_json(&admin, "store_stickers", &[("code", "S012")])
        .await;
    let stickers = sheet["stickers"].as_array().unwrap();
    assert_eq!(stickers.len(), 15);
    let link = stickers[0]["link"].as_str().unwrap();
    assert_eq!(
        link,
        format!("{}/report?store=S012&asset=S012-01", app.base)
    );
    assert!(stickers[0]["svg"].as_str().unwrap().contains("<svg"));
    let html = app.html(&admin, "/admin/stores/S012/stickers").await;
    assert_eq!(html.matches("data-testid=\"sticker\"").count(), 15);

    let log = app
        .call_json(&admin, "audit_log", &[("kind", "import")])
        .await;
    let subjects: Vec<&str> = log["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["subject"].as_str().unwrap())
        .collect();
    assert_eq!(
        subjects,
        [
            "devices: 600 created, 0 changed",
            "stores: 40 created, 0 changed"
        ],
        "one entry per applied import, none for dry runs or refusals"
    );
}

#[tokio::test]
async fn a_file_that_cannot_be_read_gets_one_error_and_writes_nothing() {
    let (_db, app, admin) = production_with_admin().await;
    let cases = [
        ("code,name\nS1,One\n", "lacks the column"),
        ("code,name,region,timezone,colour\n", "\"colour\""),
        ("code,name,region,timezone\n", "no rows"),
        (
            "code,name,region,timezone\nS\u{FFFD}1,x,y,Europe/Berlin\n",
            "UTF-8",
        ),
    ];
    for (csv, says) in cases {
        let answer = import(&app, &admin, "stores", csv, true).await;
        assert_eq!(answer["error"], "invalid", "{answer}");
        let message = answer["fields"]["file"].as_str().unwrap_or_default();
        assert!(message.contains(says), "{csv:?}: {message}");
    }
    let mut huge = String::from("code,name,region,timezone\n");
    while huge.len() <= 5 * 1024 * 1024 {
        huge.push_str("S1,A store with a long name for padding,North,Europe/Berlin\n");
    }
    let answer = import(&app, &admin, "stores", &huge, true).await;
    assert!(
        answer["fields"]["file"]
            .as_str()
            .unwrap_or_default()
            .contains("larger than 5 MB"),
        "{answer}"
    );
    assert_eq!(total(&app.call_json(&admin, "admin_stores", &[]).await), 0);
}

#[tokio::test]
async fn only_administrators_see_or_change_stores_and_devices() {
    let app = spawn().await;
    for who in [
        RITA,
        EVE,
        AHMED,
        "mo.manager@deskfront.test",
        "sam.store@deskfront.test",
    ] {
        let client = app.signed_in(who).await;
        for (name, form) in [
            ("admin_stores", vec![]),
            ("admin_store", vec![("code", "S012")]),
            ("store_stickers", vec![("code", "S012")]),
        ] {
            let refused = app.call_json(&client, name, &form).await;
            assert_eq!(refused["error"], "not_found", "{who} {name}: {refused}");
        }
        let refused = import(
            &app,
            &client,
            "stores",
            "code,name,region,timezone\nX,Y,Z,UTC\n",
            true,
        )
        .await;
        assert_eq!(refused["error"], "not_found", "{who}: {refused}");
        for page in [
            "/admin/stores",
            "/admin/stores/S012",
            "/admin/stores/S012/stickers",
        ] {
            let res = client
                .get(format!("{}{page}", app.base))
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), StatusCode::NOT_FOUND, "{who} {page}");
        }
    }
    let ada = app.signed_in("ada.admin@deskfront.test").await;
    let missing = app
        .call_json(&ada, "admin_store", &[("code", "S999")])
        .await;
    assert_eq!(missing["error"], "not_found");
}
