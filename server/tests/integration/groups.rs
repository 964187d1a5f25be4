//! Assignment groups as records: created, described and renamed in the portal (a rename
//! reaches the group's people, items and tickets at once, so the queue keeps working), members
//! added and removed, every change audited, administrators only. Runs on SQLite and, with
//! `DESKFRONT_TEST_POSTGRES`, on PostgreSQL.

use crate::common::*;
use reqwest::Client;
use serde_json::Value;

const ADA: &str = "ada.admin@deskfront.test";
const NINA: &str = "nina.network@deskfront.test";

async fn group(app: &TestApp, client: &Client, name: &str) -> Value {
    let all = app.call_json(client, "admin_groups", &[]).await;
    all.as_array()
        .expect("a list of groups")
        .iter()
        .find(|g| g["name"] == name)
        .cloned()
        .unwrap_or(Value::Null)
}

#[tokio::test]
async fn a_group_is_created_given_members_and_renamed_everywhere_at_once() {
    let app = spawn().await;
    let ada = app.signed_in(ADA).await;

    // The demo's groups are in use without records: listed, with revision 0.
    let store_systems = group(&app, &ada, "Store systems").await;
    assert_eq!(store_systems["revision"], 0, "{store_systems}");
    assert!(store_systems["items"].as_u64().unwrap() >= 1);
    assert!(store_systems["members"]
        .as_array()
        .unwrap()
        .contains(&AHMED.into()));

    // A store fault lands in Store systems; then the group is renamed.
    let sam = app.signed_in("sam.store@deskfront.test").await;
    let ticket = app
        .submit(
            &sam,
            serde_json::json!({
                "item_slug": "card-reader-fault", "form_version": 1, "idempotency_key": "group-rename-01",
                "answers": { "store": ["S012"], "asset": ["S012-CRD-01"], "symptom": ["Declining all cards"],
                             "impact": ["several_tills"], "urgency": ["today"],
                             "description": ["Cards are declined at two of the tills."] }
            }),
        )
        .await
        .json::<Value>()
        .await
        .unwrap();
    let number = ticket["number"]
        .as_str()
        .unwrap_or_else(|| panic!("{ticket}"))
        .to_string();

    let renamed = app
        .call_json(
            &ada,
            "save_group",
            &[
                ("name", "Store systems"),
                ("new_name", "Store technology"),
                ("description", "Tills, card readers and scanners"),
                ("revision", "0"),
            ],
        )
        .await;
    assert_eq!(renamed, 1, "{renamed}");
    assert_eq!(group(&app, &ada, "Store systems").await, Value::Null);
    let tech = group(&app, &ada, "Store technology").await;
    assert_eq!(tech["description"], "Tills, card readers and scanners");
    assert!(tech["members"].as_array().unwrap().contains(&AHMED.into()));
    let item = app
        .call_json(&ada, "item_for_edit", &[("slug", "card-reader-fault")])
        .await;
    assert_eq!(item["item"]["fulfilment_group"], "Store technology");
    let ahmed = app.signed_in(AHMED).await;
    let seen = app
        .call_json(&ahmed, "request", &[("number", &number)])
        .await;
    assert_eq!(
        seen["service"]["assignment_group"], "Store technology",
        "{seen}"
    );
    assert!(
        seen["desk"].is_object(),
        "Ahmed still works the renamed group's ticket: {seen}"
    );
    let stale = app
        .call_json(
            &ada,
            "save_group",
            &[
                ("name", "Store technology"),
                ("new_name", "Store tech"),
                ("revision", "0"),
            ],
        )
        .await;
    assert_eq!(stale["error"], "conflict", "{stale}");
    let taken = app
        .call_json(
            &ada,
            "save_group",
            &[
                ("name", "Store technology"),
                ("new_name", "Network"),
                ("revision", "1"),
            ],
        )
        .await;
    assert!(taken["fields"]["new_name"].is_string(), "{taken}");

    // A new group, its members added and removed.
    assert_eq!(
        app.call_json(
            &ada,
            "save_group",
            &[
                ("new_name", "Payments"),
                ("description", ""),
                ("revision", "0")
            ],
        )
        .await,
        1
    );
    for email in [NINA, AHMED] {
        let added = app
            .call_json(
                &ada,
                "set_group_member",
                &[("name", "Payments"), ("email", email), ("member", "true")],
            )
            .await;
        assert_eq!(added, Value::Null, "{added}");
    }
    let unknown = app
        .call_json(
            &ada,
            "set_group_member",
            &[
                ("name", "Payments"),
                ("email", "nobody@deskfront.test"),
                ("member", "true"),
            ],
        )
        .await;
    assert!(unknown["fields"]["email"].is_string(), "{unknown}");
    app.call_json(
        &ada,
        "set_group_member",
        &[("name", "Payments"), ("email", NINA), ("member", "false")],
    )
    .await;
    let payments = group(&app, &ada, "Payments").await;
    assert_eq!(payments["members"], serde_json::json!([AHMED]));
    let bad = app
        .call_json(
            &ada,
            "save_group",
            &[("new_name", "Tills; Printers"), ("revision", "0")],
        )
        .await;
    assert!(bad["fields"]["new_name"].is_string(), "{bad}");

    let log = app.call_json(&ada, "audit_log", &[("kind", "group")]).await;
    let actions: Vec<&str> = log["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    for wanted in ["create", "add member", "remove member"] {
        assert!(actions.contains(&wanted), "{wanted} not in {actions:?}");
    }

    let eve = app.signed_in(EVE).await;
    let refused = app.call_json(&eve, "admin_groups", &[]).await;
    assert_eq!(refused["error"], "not_found", "{refused}");
    let page = eve
        .get(format!("{}/admin/groups", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 404);
}
