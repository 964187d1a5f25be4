//! The catalog in the reader's language (issue 21): an item's translation shows its name,
//! summary, labels, help texts and option labels to a German reader, on every page and in the
//! device's offline snapshot; the answers keep the options' own values, so a ticket reads the
//! same in every language; editors write translations in the catalog builder, checked beside
//! their inputs. Runs on SQLite and, with `DESKFRONT_TEST_POSTGRES`, on PostgreSQL.

use crate::common::*;
use serde_json::{json, Value};

const SAM: &str = "sam.store@deskfront.test";
const GERMAN: &str = "de-DE,de;q=0.9";

fn field<'a>(item: &'a Value, key: &str) -> &'a Value {
    item["form"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["key"] == key)
        .unwrap()
}

#[tokio::test]
async fn a_german_reader_reads_a_translated_item_and_answers_with_its_own_options() {
    let app = spawn().await;
    let sam = app.signed_in(SAM).await;
    let slug = [("slug", "card-reader-fault")];

    let item = app.call_json_in(&sam, "item", &slug, GERMAN).await;
    assert_eq!(item["category_name"], "Kassen & Zahlungen");
    assert_eq!(
        item["card"]["name"], "Kartenleser defekt",
        "{}",
        item["card"]
    );
    let symptom = field(&item, "symptom");
    assert_eq!(symptom["label"], "Was passiert?");
    assert_eq!(
        symptom["options"][0], "Declining all cards",
        "the values stay"
    );
    assert_eq!(
        symptom["option_labels"]["Declining all cards"],
        "Lehnt alle Karten ab"
    );
    assert_eq!(
        field(&item, "description")["help"],
        "Nennen Sie jede Meldung, die der Kartenleser anzeigt."
    );
    // Impact and urgency are the service levels' words, in German too; answers keep the keys.
    let impacts = &item["service"]["levels"]["matrix"]["impacts"];
    assert_eq!(impacts[2]["key"], "one_device");
    assert_eq!(
        impacts[2]["label"],
        "Eine Kasse, ein Gerät oder eine Person"
    );
    assert!(
        impacts[2].get("translations").is_none(),
        "one language per page"
    );
    // An English reader reads the item as written.
    let item = app.call_json_in(&sam, "item", &slug, "en-GB").await;
    assert_eq!(item["card"]["name"], "Card reader fault");
    assert_eq!(field(&item, "symptom")["label"], "What is happening?");
    assert!(field(&item, "symptom").get("option_labels").is_none());
    let impacts = &item["service"]["levels"]["matrix"]["impacts"];
    assert_eq!(impacts[2]["label"], "One till, device or person");
    assert!(impacts[2].get("translations").is_none());

    // The catalog, the report page and the server-rendered page read German too.
    let catalog = app.call_json_in(&sam, "catalog", &[], GERMAN).await;
    let card = catalog["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["slug"] == "card-reader-fault")
        .unwrap();
    assert_eq!(card["name"], "Kartenleser defekt");
    let tills = catalog["categories"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["slug"] == "tills")
        .unwrap();
    assert_eq!(tills["name"], "Kassen & Zahlungen");
    let report = app
        .call_json_in(&sam, "report", &[("store", "S012")], GERMAN)
        .await;
    assert!(
        report["faults"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["name"] == "Bondrucker defekt"),
        "{report}"
    );
    let html = sam
        .get(format!("{}/catalog/card-reader-fault", app.base))
        .header("accept-language", GERMAN)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Kartenleser defekt"));
    assert!(html.contains(r#"<option value="Declining all cards">Lehnt alle Karten ab</option>"#));

    // A German reader answers with the option's value: the ticket reads the same for all.
    let number = app
        .report_card_reader(&sam, "translated-0001", "one_device")
        .await;
    let detail = app
        .call_json_in(&sam, "request", &[("number", &number)], GERMAN)
        .await;
    let answers = detail["answers"].to_string();
    assert!(answers.contains("Declining all cards"), "{answers}");
    assert!(!answers.contains("Lehnt alle Karten ab"), "{answers}");

    // The device's offline snapshot is in the person's language.
    let snapshot = app
        .call_json_in(&sam, "offline_snapshot", &[], GERMAN)
        .await;
    let kept = snapshot["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["card"]["slug"] == "card-reader-fault")
        .unwrap();
    assert_eq!(
        field(kept, "symptom")["option_labels"]["Screen blank"],
        "Bildschirm bleibt dunkel"
    );
}

#[tokio::test]
async fn editors_translate_an_item_in_the_builder_and_mistakes_are_refused_beside_the_input() {
    let app = spawn().await;
    let eve = app.signed_in(EVE).await;
    let rita = app.signed_in("rita.requester@deskfront.test").await;
    let opened = app
        .call_json(&eve, "item_for_edit", &[("slug", "headset")])
        .await;
    let revision = opened["revision"].as_i64().unwrap();
    let first_field = opened["form"]["fields"][0]["key"]
        .as_str()
        .unwrap()
        .to_string();
    let draft = |translations: Value| {
        let mut item = opened["item"].clone();
        item["translations"] = translations;
        json!({ "draft": { "item": item, "form": opened["form"], "revision": revision } })
    };
    let save = |body: Value| {
        let eve = eve.clone();
        let base = app.base.clone();
        async move {
            let res = eve
                .post(format!("{base}/api/save_item"))
                .json(&body)
                .send()
                .await
                .unwrap();
            (res.status(), res.json::<Value>().await.unwrap())
        }
    };

    // A language the portal lacks, the catalog's own, a field the form does not have.
    let (status, refused) = save(draft(json!({
        "fr": { "name": "Casque" },
        "en": { "name": "Headset" },
        "de": { "name": "Headset", "fields": { "colour": { "label": "Farbe" } } }
    })))
    .await;
    assert_eq!(status, 422, "{refused}");
    let fields = &refused["fields"];
    assert!(fields["translations.fr.language"].is_string(), "{refused}");
    assert!(fields["translations.en.language"].is_string(), "{refused}");
    assert!(
        fields["translations.de.fields.colour"].is_string(),
        "{refused}"
    );

    // A good one is saved, published and read by a German reader; blanks are dropped.
    let (status, saved) = save(draft(json!({
        "de": { "name": "Kopfhörer mit Mikrofon", "summary": "  ",
                "fields": { first_field.clone(): { "label": "Modell", "help": "" } } }
    })))
    .await;
    assert_eq!(status, 200, "{saved}");
    let published = app
        .call_json(
            &eve,
            "publish_item",
            &[
                ("slug", "headset"),
                ("revision", &saved["revision"].to_string()),
            ],
        )
        .await;
    assert!(published["published_version"].is_i64(), "{published}");
    let edit = app
        .call_json(&eve, "item_for_edit", &[("slug", "headset")])
        .await;
    assert_eq!(
        edit["item"]["translations"],
        json!({ "de": { "name": "Kopfhörer mit Mikrofon", "fields": { first_field.clone(): { "label": "Modell" } } } })
    );
    let item = app
        .call_json_in(&rita, "item", &[("slug", "headset")], GERMAN)
        .await;
    assert_eq!(item["card"]["name"], "Kopfhörer mit Mikrofon");
    assert_eq!(
        item["card"]["summary"], opened["item"]["summary"],
        "untranslated: as written"
    );
    assert_eq!(field(&item, &first_field)["label"], "Modell");
    let item = app
        .call_json_in(&rita, "item", &[("slug", "headset")], "en")
        .await;
    assert_eq!(item["card"]["name"], opened["item"]["name"]);
}

#[tokio::test]
async fn editors_translate_a_category_with_or_without_scripts() {
    let app = spawn().await;
    let eve = app.signed_in(EVE).await;
    let rita = app.signed_in("rita.requester@deskfront.test").await;
    let categories = app.call_json(&eve, "admin_categories", &[]).await;
    let help = categories
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["category"]["slug"] == "help")
        .unwrap()
        .clone();
    let category = help["category"].clone();
    let text = |key: &str| category[key].as_str().unwrap_or_default().to_string();
    // As the category form posts it, with one language's name.
    let form = |field: &str, name: &str| {
        vec![
            ("slug".to_string(), text("slug")),
            ("name".to_string(), text("name")),
            ("description".to_string(), text("description")),
            ("icon".to_string(), text("icon")),
            ("parent".to_string(), String::new()),
            ("position".to_string(), category["position"].to_string()),
            ("revision".to_string(), help["revision"].to_string()),
            (field.to_string(), name.to_string()),
        ]
    };
    let send = |fields: Vec<(String, String)>| {
        let eve = eve.clone();
        let base = app.base.clone();
        async move {
            let res = eve
                .post(format!("{base}/api/save_category"))
                .form(&fields)
                .send()
                .await
                .unwrap();
            (res.status(), res.json::<Value>().await.unwrap())
        }
    };
    let (status, refused) = send(form("translations[xx][name]", "Aide")).await;
    assert_eq!(status, 422, "{refused}");
    assert!(
        refused["fields"]["translations.xx.language"].is_string(),
        "{refused}"
    );
    let (status, saved) = send(form("translations[de][name]", "Hilfe zum Selbermachen")).await;
    assert_eq!(status, 200, "{saved}");

    let help_in = |catalog: Value| {
        catalog["categories"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["slug"] == "help")
            .unwrap()
            .clone()
    };
    let german = help_in(app.call_json_in(&rita, "catalog", &[], GERMAN).await);
    assert_eq!(german["name"], "Hilfe zum Selbermachen");
    // Its description was left empty in German: as written.
    assert_eq!(german["description"], category["description"]);
    let english = help_in(app.call_json_in(&rita, "catalog", &[], "en").await);
    assert_eq!(english["name"], category["name"]);
}

#[tokio::test]
async fn a_german_reader_finds_catalog_items_by_their_german_words() {
    let app = spawn().await;
    let sam = app.signed_in(SAM).await;
    let titles = |found: &Value| -> Vec<(String, String)> {
        found["results"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["kind"] == "Item")
            .map(|r| {
                (
                    r["key"].as_str().unwrap().to_string(),
                    r["title"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    // A German word form of the translated name finds the item, named in German, in the
    // same language the item's page reads.
    let found = app
        .call_json_in(&sam, "search", &[("q", "Bondruckers")], GERMAN)
        .await;
    let found = titles(&found);
    assert_eq!(
        found.first(),
        Some(&(
            "receipt-printer-fault".to_string(),
            "Bondrucker defekt".to_string()
        )),
        "{found:?}"
    );
    let german_result = app
        .call_json_in(&sam, "search", &[("q", "Bondrucker")], GERMAN)
        .await;
    // (A German article on the printer may come first: both are the reader's.)
    let printer = german_result["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["kind"] == "Item")
        .unwrap();
    assert_eq!(printer["url"], "/catalog/receipt-printer-fault");
    assert_eq!(printer["locale"], "de");
    // An English reader's search lists the item as written, once.
    let english = app
        .call_json_in(&sam, "search", &[("q", "receipt printer")], "en-GB")
        .await;
    let printers: Vec<_> = titles(&english)
        .into_iter()
        .filter(|(key, _)| key == "receipt-printer-fault")
        .collect();
    assert_eq!(
        printers,
        [(
            "receipt-printer-fault".to_string(),
            "Receipt printer fault".to_string()
        )]
    );
}
