//! Synonym groups: every new database gets the starter groups once (however many instances
//! start together, production or demo), search applies the live groups on every instance,
//! editors add, change, retire and bring back groups in the portal with a revision check and an
//! audit entry, bad groups are refused next to the field with nothing written, and only editors
//! may see or change them. Runs on SQLite and, with `DESKFRONT_TEST_POSTGRES`, on PostgreSQL.

use crate::common::*;
use reqwest::{Client, StatusCode};
use serde_json::Value;

const GIZMO: &str = "gizmo, cash drawer";
/// "gizmo" tried with the group `GIZMO` as typed, not saved.
const PREVIEW_GIZMO: [(&str, &str); 4] = [
    ("q", "gizmo"),
    ("id", "0"),
    ("phrases", GIZMO),
    ("retired", "false"),
];

async fn groups(app: &TestApp, editor: &Client) -> Vec<Value> {
    app.call_json(editor, "synonym_groups", &[])
        .await
        .as_array()
        .expect("a list of groups")
        .clone()
}

async fn found(app: &TestApp, client: &Client, q: &str) -> Vec<String> {
    let page = app.call_json(client, "search", &[("q", q)]).await;
    page["results"]
        .as_array()
        .unwrap_or_else(|| panic!("{page}"))
        .iter()
        .map(|r| r["key"].as_str().unwrap().to_string())
        .collect()
}

async fn save(
    app: &TestApp,
    editor: &Client,
    id: &str,
    phrases: &str,
    retired: bool,
    revision: &str,
) -> (StatusCode, Value) {
    let mut form = vec![("id", id), ("phrases", phrases), ("revision", revision)];
    if retired {
        form.push(("retired", "true"));
    }
    let res = app.call(editor, "save_synonym_group", &form).await;
    (res.status(), res.json().await.unwrap())
}

#[tokio::test]
async fn a_new_database_gets_the_starter_groups_once_and_search_applies_them() {
    let db = TestDb::new().await;
    let (one, two) = tokio::join!(db.spawn("one"), db.spawn("two"));
    let eve = one.signed_in(EVE).await;
    let all = groups(&one, &eve).await;
    assert_eq!(all.len(), server::starter::synonym_groups().len());
    assert!(all.iter().any(|g| {
        let phrases = g["phrases"].as_array().unwrap();
        phrases.contains(&"till".into()) && phrases.contains(&"register".into())
    }));
    // A third start on the same database adds nothing.
    let three = db.spawn("three").await;
    assert_eq!(groups(&three, &eve).await.len(), all.len());
    drop(two);

    // "register" is not in the article's words; "till" is, and the starter group joins them.
    let rita = one.signed_in(RITA).await;
    let keys = found(&one, &rita, "register won't start").await;
    assert_eq!(
        keys.first().map(String::as_str),
        Some("till-wont-start"),
        "{keys:?}"
    );
    // An error code written another way than in the article.
    let keys = found(&one, &rita, "e27").await;
    assert_eq!(
        keys.first().map(String::as_str),
        Some("chip-card-error"),
        "{keys:?}"
    );
}

#[tokio::test]
async fn a_production_start_has_the_starter_groups_too() {
    let db = TestDb::production().await;
    let _app = db.spawn("prod").await;
    let store = db.store().await;
    let all = store.synonym_groups().await.unwrap();
    assert_eq!(all.len(), server::starter::synonym_groups().len());
    assert!(all.iter().all(|g| !g.retired && g.revision == 1));
}

#[tokio::test]
async fn an_editor_adds_changes_retires_and_brings_back_a_group_and_every_instance_follows() {
    let db = TestDb::new().await;
    let one = db.spawn("one").await;
    let two = db.spawn("two").await;
    let eve = one.signed_in(EVE).await;
    let rita_two = two.signed_in(RITA).await;
    assert!(found(&two, &rita_two, "gizmo").await.is_empty());

    let (status, created) = save(&one, &eve, "0", GIZMO, false, "0").await;
    assert_eq!(status, StatusCode::OK, "{created}");
    assert_eq!(
        created["phrases"],
        serde_json::json!(["gizmo", "cash drawer"])
    );
    assert_eq!(created["revision"], 1);
    let id = created["id"].as_i64().unwrap().to_string();
    // The other instance rebuilds its index from the moved version.
    let keys = found(&two, &rita_two, "gizmo").await;
    assert!(keys.contains(&"cash-drawer-wont-open".into()), "{keys:?}");

    // Retired: search no longer applies it; the group stays, marked.
    let (status, retired) = save(&one, &eve, &id, GIZMO, true, "1").await;
    assert_eq!(status, StatusCode::OK, "{retired}");
    assert_eq!(retired["retired"], true);
    assert!(found(&two, &rita_two, "gizmo").await.is_empty());

    // A page opened before the retirement cannot overwrite it.
    let (status, stale) = save(&one, &eve, &id, "gizmo, till drawer", false, "1").await;
    assert_eq!(status, StatusCode::CONFLICT, "{stale}");
    let (status, back) = save(&one, &eve, &id, GIZMO, false, "2").await;
    assert_eq!(status, StatusCode::OK, "{back}");
    assert_eq!(back["retired"], false);
    assert!(!found(&two, &rita_two, "gizmo").await.is_empty());

    let store = db.store().await;
    let audit = store
        .audit_entries(
            &app::backend::audit_store::AuditFilter {
                kind: Some(app::model::AuditKind::Synonym),
                text: Some("gizmo".into()),
                ..Default::default()
            },
            0,
            10,
        )
        .await
        .unwrap()
        .0;
    let actions: Vec<&str> = audit.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["restore", "retire", "create"]);
    assert_eq!(audit[2].subject, format!("#{id} gizmo"));
    assert!(audit[0].actor.contains(EVE));
}

#[tokio::test]
async fn a_bad_group_is_refused_next_to_its_field_and_nothing_is_written() {
    let app = spawn().await;
    let eve = app.signed_in(EVE).await;
    let before = groups(&app, &eve).await.len();
    let long = format!("till, {}", "x".repeat(61));
    for phrases in ["gizmo", "gizmo, gizmos", "", "till, the", long.as_str()] {
        let (status, answer) = save(&app, &eve, "0", phrases, false, "0").await;
        assert_eq!(
            status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{phrases}: {answer}"
        );
        assert!(
            answer["fields"]["phrases"]
                .as_str()
                .is_some_and(|m| !m.is_empty()),
            "{phrases}: {answer}"
        );
    }
    // A group that does not exist, and a new one claiming a revision.
    let (status, _) = save(&app, &eve, "999999", GIZMO, false, "1").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = save(&app, &eve, "0", GIZMO, false, "3").await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(groups(&app, &eve).await.len(), before);
}

#[tokio::test]
async fn the_preview_shows_a_query_with_the_group_as_typed() {
    let app = spawn().await;
    let eve = app.signed_in(EVE).await;
    let preview = app
        .call_json(&eve, "preview_synonyms", &PREVIEW_GIZMO)
        .await;
    assert_eq!(preview["now"], serde_json::json!([]), "{preview}");
    let keys: Vec<&str> = preview["with_group"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["key"].as_str().unwrap())
        .collect();
    assert!(keys.contains(&"cash-drawer-wont-open"), "{preview}");
    // Nothing was saved by previewing.
    let rita = app.signed_in(RITA).await;
    assert!(found(&app, &rita, "gizmo").await.is_empty());
}

#[tokio::test]
async fn only_editors_may_see_or_change_synonyms() {
    let app = spawn().await;
    let rita = app.signed_in(RITA).await;
    let res = app.call(&rita, "synonym_groups", &[]).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = app
        .call(
            &rita,
            "save_synonym_group",
            &[("id", "0"), ("phrases", GIZMO), ("revision", "0")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = app.call(&rita, "preview_synonyms", &PREVIEW_GIZMO).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let anonymous = app.client();
    let res = app.call(&anonymous, "synonym_groups", &[]).await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let eve = app.signed_in(EVE).await;
    assert!(!groups(&app, &eve).await.is_empty());
}
