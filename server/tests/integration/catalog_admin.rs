//! The catalog built in the portal: an editor creates an item with a conditional field and a
//! validated number, publishes it, a requester orders it; a second version is published and
//! the first version's ticket keeps its answers; answers to the previous version are accepted
//! for a while and older ones are refused; concurrent edits; bad forms refused beside their
//! fields; nested categories; clones, retiring and restoring; the audit trail; who may do it.
//! Runs on SQLite and, with `DESKFRONT_TEST_POSTGRES`, on PostgreSQL.

use crate::common::*;
use reqwest::Client;
use serde_json::{json, Value};

const ADA: &str = "ada.admin@deskfront.test";
const MO: &str = "mo.manager@deskfront.test";
const SAM: &str = "sam.store@deskfront.test";

fn standing_desk_fields() -> Value {
    json!([
        { "key": "width", "label": "Desk width", "kind": "choice", "required": true,
          "options": ["Standard (140 cm)", "Extra wide (180 cm)"] },
        { "key": "why_wide", "label": "Why do you need the wide one?", "kind": "long_text",
          "required": true, "min": 10.0,
          "visible_when": { "join": "all", "rules": [
              { "field": "width", "op": "equals", "values": ["Extra wide (180 cm)"] } ] } },
        { "key": "height", "label": "Your height in cm", "kind": "number", "required": true,
          "min": 120.0, "max": 210.0 }
    ])
}

fn standing_desk(fields: Value, revision: i64) -> Value {
    json!({ "draft": {
        "item": {
            "slug": "standing-desk",
            "name": "Standing desk",
            "summary": "A desk you can raise and lower.",
            "description": "For **back trouble** or if you simply prefer to stand.",
            "icon": "🪑",
            "category": "hardware",
            "kind": "request",
            "keywords": ["sit-stand", "ergonomic"],
            "expected_delivery": "2 weeks",
            "requires_approval": true,
            "fulfilment_group": "Facilities"
        },
        "form": { "fields": fields },
        "revision": revision
    }})
}

async fn save(app: &TestApp, client: &Client, body: &Value) -> Value {
    client
        .post(format!("{}/api/save_item", app.base))
        .json(body)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

async fn publish(app: &TestApp, client: &Client, slug: &str, revision: i64) -> Value {
    let revision = revision.to_string();
    app.call_json(
        client,
        "publish_item",
        &[("slug", slug), ("revision", &revision)],
    )
    .await
}

fn order(version: i64, key: &str, answers: Value) -> Value {
    json!({
        "item_slug": "standing-desk",
        "form_version": version,
        "idempotency_key": key,
        "answers": answers
    })
}

async fn submit_json(app: &TestApp, client: &Client, body: Value) -> Value {
    app.submit(client, body).await.json().await.unwrap()
}

fn catalog_slugs(catalog: &Value) -> Vec<String> {
    catalog["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["slug"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn an_item_is_built_published_ordered_and_its_second_version_keeps_the_first_tickets() {
    let app = spawn().await;
    let eve = app.signed_in(EVE).await;
    let rita = app.signed_in(RITA).await;

    let created = save(&app, &eve, &standing_desk(standing_desk_fields(), 0)).await;
    assert_eq!(created["revision"], 1, "{created}");
    assert_eq!(created["published_version"], 0, "{created}");
    // A draft is nobody's business but the editors'.
    let catalog = app.call_json(&rita, "catalog", &[]).await;
    assert!(!catalog_slugs(&catalog).contains(&"standing-desk".into()));
    let hidden = app
        .call_json(&rita, "item", &[("slug", "standing-desk")])
        .await;
    assert_eq!(hidden["error"], "not_found", "{hidden}");

    let published = publish(&app, &eve, "standing-desk", 1).await;
    assert_eq!(published["published_version"], 1, "{published}");
    let item = app
        .call_json(&rita, "item", &[("slug", "standing-desk")])
        .await;
    assert_eq!(item["form_version"], 1, "{item}");
    assert_eq!(item["form"]["fields"].as_array().unwrap().len(), 3);
    assert!(
        item["description_html"]
            .as_str()
            .unwrap()
            .contains("<strong>back trouble</strong>"),
        "the description is Markdown: {item}"
    );

    // The number is validated, and the conditional field is required only when shown.
    let too_tall = submit_json(
        &app,
        &rita,
        order(
            1,
            "desk-order-0001",
            json!({ "width": ["Standard (140 cm)"], "height": ["260"] }),
        ),
    )
    .await;
    assert_eq!(too_tall["error"], "invalid", "{too_tall}");
    assert!(too_tall["fields"]["height"].is_string(), "{too_tall}");
    let wide_without_reason = submit_json(
        &app,
        &rita,
        order(
            1,
            "desk-order-0002",
            json!({ "width": ["Extra wide (180 cm)"], "height": ["180"] }),
        ),
    )
    .await;
    assert!(
        wide_without_reason["fields"]["why_wide"].is_string(),
        "{wide_without_reason}"
    );
    let first = submit_json(
        &app,
        &rita,
        order(
            1,
            "desk-order-0003",
            json!({ "width": ["Standard (140 cm)"], "height": ["182"] }),
        ),
    )
    .await;
    let first_number = first["number"].as_str().expect("a ticket").to_string();

    // Version 2 adds a colour; saved, it is still a draft and orders answer version 1.
    let mut fields = standing_desk_fields();
    fields.as_array_mut().unwrap().push(json!({
        "key": "colour", "label": "Desk top colour", "kind": "choice", "required": true,
        "options": ["Oak", "White"] }));
    let draft = save(&app, &eve, &standing_desk(fields, 2)).await;
    assert_eq!(draft["revision"], 3, "{draft}");
    let still_v1 = app
        .call_json(&rita, "item", &[("slug", "standing-desk")])
        .await;
    assert_eq!(still_v1["form_version"], 1);
    let v2 = publish(&app, &eve, "standing-desk", 3).await;
    assert_eq!(v2["published_version"], 2, "{v2}");

    let second = submit_json(
        &app,
        &rita,
        order(
            2,
            "desk-order-0004",
            json!({ "width": ["Standard (140 cm)"], "height": ["170"], "colour": ["Oak"] }),
        ),
    )
    .await;
    let second_number = second["number"].as_str().expect("a v2 ticket").to_string();
    // An outbox item made on version 1 is still accepted just after version 2 went live.
    let late = submit_json(
        &app,
        &rita,
        order(
            1,
            "desk-order-0005",
            json!({ "width": ["Standard (140 cm)"], "height": ["175"] }),
        ),
    )
    .await;
    let late_number = late["number"]
        .as_str()
        .expect("v1 accepted in grace")
        .to_string();

    for (number, version, has_colour) in [
        (&first_number, 1, false),
        (&late_number, 1, false),
        (&second_number, 2, true),
    ] {
        let ticket = app.call_json(&rita, "request", &[("number", number)]).await;
        assert_eq!(ticket["form_version"], version, "{ticket}");
        let labels: Vec<&str> = ticket["answers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["label"].as_str().unwrap())
            .collect();
        assert!(labels.contains(&"Your height in cm"), "{labels:?}");
        assert_eq!(
            labels.contains(&"Desk top colour"),
            has_colour,
            "{labels:?}"
        );
        let page = app.html(&rita, &format!("/requests/{number}")).await;
        assert_eq!(page.contains("Desk top colour"), has_colour);
    }

    // Version 3 (the colour is optional now): answers to version 1 are two versions old.
    let mut fields = standing_desk_fields();
    fields.as_array_mut().unwrap().push(json!({
        "key": "colour", "label": "Desk top colour", "kind": "choice",
        "options": ["Oak", "White"] }));
    let saved = save(&app, &eve, &standing_desk(fields, 4)).await;
    let v3 = publish(
        &app,
        &eve,
        "standing-desk",
        saved["revision"].as_i64().unwrap(),
    )
    .await;
    assert_eq!(v3["published_version"], 3, "{v3}");
    let stale = submit_json(
        &app,
        &rita,
        order(
            1,
            "desk-order-0006",
            json!({ "width": ["Standard (140 cm)"], "height": ["175"] }),
        ),
    )
    .await;
    assert_eq!(stale["error"], "invalid", "{stale}");
    assert!(
        stale["fields"]["_form"]
            .as_str()
            .unwrap()
            .contains("updated since you opened it"),
        "{stale}"
    );

    // Publishing details only (no form change) writes no new version.
    let edit = app
        .call_json(&eve, "item_for_edit", &[("slug", "standing-desk")])
        .await;
    let mut body = standing_desk(
        edit["form"]["fields"].clone(),
        edit["revision"].as_i64().unwrap(),
    );
    body["draft"]["item"]["summary"] = json!("A desk you raise and lower with one button.");
    let saved = save(&app, &eve, &body).await;
    let same = publish(
        &app,
        &eve,
        "standing-desk",
        saved["revision"].as_i64().unwrap(),
    )
    .await;
    assert_eq!(same["published_version"], 3, "{same}");
}

#[tokio::test]
async fn two_editors_saving_the_same_item_never_overwrite_each_other() {
    let app = spawn().await;
    let eve = app.signed_in(EVE).await;
    let ada = app.signed_in(ADA).await;
    let opened = app
        .call_json(&eve, "item_for_edit", &[("slug", "headset")])
        .await;
    let revision = opened["revision"].as_i64().unwrap();
    let draft = |name: &str| {
        let mut item = opened["item"].clone();
        item["name"] = json!(name);
        json!({ "draft": { "item": item, "form": opened["form"], "revision": revision } })
    };
    // Both save the state they opened at the same moment: exactly one wins.
    let (eve_draft, ada_draft) = (draft("Headset (Eve)"), draft("Headset (Ada)"));
    let (a, b) = tokio::join!(save(&app, &eve, &eve_draft), save(&app, &ada, &ada_draft));
    let wins = [&a, &b].iter().filter(|r| r["revision"].is_i64()).count();
    assert_eq!(wins, 1, "{a} / {b}");
    let loser = if a["revision"].is_i64() { &b } else { &a };
    assert_eq!(loser["error"], "conflict", "{loser}");
    // Publishing from the state opened before is refused too.
    let stale = publish(&app, &ada, "headset", revision).await;
    assert_eq!(stale["error"], "conflict", "{stale}");
    let now = app
        .call_json(&ada, "item_for_edit", &[("slug", "headset")])
        .await;
    let winner_name = if a["revision"].is_i64() {
        "Headset (Eve)"
    } else {
        "Headset (Ada)"
    };
    assert_eq!(now["item"]["name"], winner_name);
    assert_eq!(now["has_draft"], true);
}

#[tokio::test]
async fn bad_forms_and_details_are_refused_beside_their_fields_and_nothing_is_written() {
    let app = spawn().await;
    let eve = app.signed_in(EVE).await;
    let fields = json!([
        { "key": "later", "label": "Shown when", "kind": "text",
          "visible_when": { "field": "after", "equals": ["x"] } },
        { "key": "after", "label": "After", "kind": "text", "pattern": "([" },
        { "key": "size", "label": "Size", "kind": "number", "min": 10.0, "max": 2.0 },
        { "key": "size", "label": "Size again", "kind": "text" },
        { "key": "pick", "label": "Pick", "kind": "choice", "options": [] },
        { "key": "ok", "label": "Fine", "kind": "text",
          "visible_when": { "join": "any", "rules": [
              { "field": "size", "op": "greater_than", "values": ["big"] } ] } }
    ]);
    let mut body = standing_desk(fields, 0);
    body["draft"]["item"]["name"] = json!("");
    body["draft"]["item"]["category"] = json!("no-such-category");
    let refused = save(&app, &eve, &body).await;
    assert_eq!(refused["error"], "invalid", "{refused}");
    let errors = refused["fields"].as_object().unwrap();
    for key in [
        "name", "category", "form.0", "form.1", "form.2", "form.3", "form.4", "form.5",
    ] {
        assert!(errors.contains_key(key), "{key} missing in {refused}");
    }
    assert!(errors["form.0"]
        .as_str()
        .unwrap()
        .contains("not an earlier field"));
    assert!(errors["form.1"]
        .as_str()
        .unwrap()
        .contains("regular expression"));
    assert!(errors["form.3"]
        .as_str()
        .unwrap()
        .contains("used by an earlier field"));
    let nothing = app
        .call_json(&eve, "item_for_edit", &[("slug", "standing-desk")])
        .await;
    assert_eq!(
        nothing["error"], "not_found",
        "nothing was written: {nothing}"
    );
    let slug_taken = save(&app, &eve, &{
        let mut b = standing_desk(standing_desk_fields(), 0);
        b["draft"]["item"]["slug"] = json!("laptop");
        b
    })
    .await;
    assert!(slug_taken["fields"]["slug"].is_string(), "{slug_taken}");
}

#[tokio::test]
async fn categories_nest_in_the_catalog_and_refuse_loops_and_stale_saves() {
    let app = spawn().await;
    let ada = app.signed_in(ADA).await;
    let rita = app.signed_in(RITA).await;
    let category = |slug: &'static str, parent: &'static str, revision: &'static str| {
        vec![
            ("slug", slug),
            ("name", slug),
            ("description", ""),
            ("icon", "🪑"),
            ("parent", parent),
            ("position", "5"),
            ("revision", revision),
        ]
    };
    assert_eq!(
        app.call_json(&ada, "save_category", &category("furniture", "", "0"))
            .await,
        json!(1)
    );
    assert_eq!(
        app.call_json(&ada, "save_category", &category("desks", "furniture", "0"))
            .await,
        json!(1)
    );
    let catalog = app.call_json(&rita, "catalog", &[]).await;
    let desks = catalog["categories"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["slug"] == "desks")
        .cloned()
        .expect("the new category is in the catalog");
    assert_eq!(desks["parent"], "furniture");

    let looped = app
        .call_json(&ada, "save_category", &category("furniture", "desks", "1"))
        .await;
    assert!(looped["fields"]["parent"].is_string(), "{looped}");
    let renamed = app
        .call_json(&ada, "save_category", &category("furniture", "", "1"))
        .await;
    assert_eq!(renamed, json!(2));
    let stale = app
        .call_json(&ada, "save_category", &category("furniture", "", "1"))
        .await;
    assert_eq!(stale["error"], "conflict", "{stale}");
    let duplicate = app
        .call_json(&ada, "save_category", &category("desks", "", "0"))
        .await;
    assert!(duplicate["fields"]["slug"].is_string(), "{duplicate}");
    let tree = app.call_json(&ada, "admin_categories", &[]).await;
    let desks = tree
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["category"]["slug"] == "desks")
        .unwrap();
    assert_eq!(desks["depth"], 1);
}

#[tokio::test]
async fn clones_retiring_and_restoring_and_every_change_is_in_the_audit_log() {
    let app = spawn().await;
    let ada = app.signed_in(ADA).await;
    let rita = app.signed_in(RITA).await;
    let copy = app
        .call_json(
            &ada,
            "clone_item",
            &[("slug", "headset"), ("new_slug", "headset-wireless")],
        )
        .await;
    assert_eq!(copy["published_version"], 0, "{copy}");
    let opened = app
        .call_json(&ada, "item_for_edit", &[("slug", "headset-wireless")])
        .await;
    assert_eq!(opened["item"]["name"], "Headset (copy)", "{opened}");
    let original = app
        .call_json(&ada, "item_for_edit", &[("slug", "headset")])
        .await;
    assert_eq!(opened["form"], original["form"], "the form is copied");

    let revision = original["revision"].as_i64().unwrap().to_string();
    let retired = app
        .call_json(
            &ada,
            "set_item_retired",
            &[
                ("slug", "headset"),
                ("retired", "true"),
                ("revision", &revision),
            ],
        )
        .await;
    let revision = retired["revision"].as_i64().expect("retired").to_string();
    assert!(!catalog_slugs(&app.call_json(&rita, "catalog", &[]).await).contains(&"headset".into()));
    let refused = app
        .submit(
            &rita,
            json!({ "item_slug": "headset", "form_version": 1, "idempotency_key": "headset-0001",
                    "answers": { "headset_type": ["Wired USB"], "reason": ["First headset"] } }),
        )
        .await;
    let refused: Value = refused.json().await.unwrap();
    assert_eq!(refused["error"], "conflict", "{refused}");
    app.call_json(
        &ada,
        "set_item_retired",
        &[
            ("slug", "headset"),
            ("retired", "false"),
            ("revision", &revision),
        ],
    )
    .await;
    assert!(catalog_slugs(&app.call_json(&rita, "catalog", &[]).await).contains(&"headset".into()));

    let log = app.call_json(&ada, "audit_log", &[("q", "headset")]).await;
    let actions: Vec<(String, String)> = log["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["action"].as_str().unwrap().to_string(),
                e["subject"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    for wanted in [
        ("create", "item headset-wireless"),
        ("retire", "item headset"),
        ("restore", "item headset"),
    ] {
        assert!(
            actions.contains(&(wanted.0.into(), wanted.1.into())),
            "{wanted:?} not in {actions:?}"
        );
    }
    let entry = log["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "retire")
        .unwrap();
    assert!(entry["actor"].as_str().unwrap().contains(ADA), "{entry}");
    assert!(
        entry["before"].as_str().unwrap().contains("false"),
        "{entry}"
    );
    assert!(entry["after"].as_str().unwrap().contains("true"), "{entry}");
}

#[tokio::test]
async fn only_admins_and_editors_may_build_the_catalog() {
    let app = spawn().await;
    for who in [RITA, LENA, AHMED, MO, SAM] {
        let client = app.signed_in(who).await;
        for (name, form) in [
            ("admin_categories", vec![]),
            ("admin_items", vec![]),
            ("item_for_edit", vec![("slug", "laptop")]),
            ("publish_item", vec![("slug", "laptop"), ("revision", "1")]),
            (
                "clone_item",
                vec![("slug", "laptop"), ("new_slug", "laptop-two")],
            ),
            (
                "set_item_retired",
                vec![("slug", "laptop"), ("retired", "true"), ("revision", "1")],
            ),
            (
                "save_category",
                vec![
                    ("slug", "x-cat"),
                    ("name", "X"),
                    ("description", ""),
                    ("icon", "x"),
                    ("position", "1"),
                    ("revision", "0"),
                ],
            ),
        ] {
            let refused = app.call_json(&client, name, &form).await;
            assert_eq!(refused["error"], "not_found", "{who} {name}: {refused}");
        }
        let refused = save(&app, &client, &standing_desk(standing_desk_fields(), 0)).await;
        assert_eq!(refused["error"], "not_found", "{who}: {refused}");
        for page in [
            "/admin/catalog",
            "/admin/catalog/laptop",
            "/admin/catalog/new",
        ] {
            let res = client
                .get(format!("{}{page}", app.base))
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 404, "{who} {page}");
        }
    }
    // Editors build the catalog but do not manage people.
    let eve = app.signed_in(EVE).await;
    let items = app.call_json(&eve, "admin_items", &[("q", "laptop")]).await;
    assert!(items["total"].as_i64().unwrap() >= 1, "{items}");
    let people = app.call_json(&eve, "admin_people", &[]).await;
    assert_eq!(people["error"], "not_found", "{people}");
    let page = eve
        .get(format!("{}/admin/catalog", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    assert!(page.text().await.unwrap().contains("Laptop"));
}

#[tokio::test]
async fn an_item_published_through_one_instance_is_ordered_through_the_other_at_once() {
    let db = TestDb::new().await;
    let a = db.spawn("a").await;
    let b = db.spawn("b").await;
    let eve = a.signed_in(EVE).await;
    let saved = save(&a, &eve, &standing_desk(standing_desk_fields(), 0)).await;
    publish(
        &a,
        &eve,
        "standing-desk",
        saved["revision"].as_i64().unwrap(),
    )
    .await;
    let rita = b.signed_in(RITA).await;
    let item = b
        .call_json(&rita, "item", &[("slug", "standing-desk")])
        .await;
    assert_eq!(item["form_version"], 1, "{item}");
    let ticket = submit_json(
        &b,
        &rita,
        order(
            1,
            "desk-order-b001",
            json!({ "width": ["Standard (140 cm)"], "height": ["165"] }),
        ),
    )
    .await;
    assert!(ticket["number"].is_string(), "{ticket}");
    // Search on the other instance finds it too: the catalog change bumped the index.
    let found = b.html(&rita, "/search?q=standing+desk").await;
    assert!(found.contains("Standing desk"), "search on b");
}

#[tokio::test]
async fn an_items_service_level_sets_the_priority_of_its_tickets() {
    let app = spawn().await;
    let eve = app.signed_in(EVE).await;
    let rita = app.signed_in(RITA).await;
    let mut body = standing_desk(standing_desk_fields(), 0);
    body["draft"]["item"]["sla_priority"] = json!("P2");
    let saved = save(&app, &eve, &body).await;
    publish(
        &app,
        &eve,
        "standing-desk",
        saved["revision"].as_i64().unwrap(),
    )
    .await;
    let edit = app
        .call_json(&eve, "item_for_edit", &[("slug", "standing-desk")])
        .await;
    assert_eq!(edit["item"]["sla_priority"], "P2", "{edit}");
    let ticket = submit_json(
        &app,
        &rita,
        order(
            1,
            "desk-order-sla1",
            json!({ "width": ["Standard (140 cm)"], "height": ["170"] }),
        ),
    )
    .await;
    let number = ticket["number"].as_str().expect("a ticket").to_string();
    let detail = app
        .call_json(&rita, "request", &[("number", &number)])
        .await;
    assert_eq!(detail["service"]["priority"], "P2", "{detail}");
    // Without a service level of its own, a request gets the portal's default (P4).
    let laptop = app.order_laptop(&rita, "laptop-sla-0001").await;
    let detail = app
        .call_json(
            &rita,
            "request",
            &[("number", laptop["number"].as_str().unwrap())],
        )
        .await;
    assert_eq!(detail["service"]["priority"], "P4", "{detail}");
}
