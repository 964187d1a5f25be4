//! Bad input at scale: random answers against random schemas, random CSV files, random
//! Markdown and random search queries. Nothing may panic; every answer is either accepted or
//! refused with a field error (never an empty refusal).
#![cfg(feature = "ssr")]

use app::backend::{csv_import, markdown};
use app::domain::form::{Answers, FormSchema};
use app::domain::validation::{validate_answers, LookupLists};
use app::model::ImportFile;
use app::search::index::{DocKind, Document, SearchIndex, SearchOptions};
use app::search::results::MAX_QUERY_CHARS;
use proptest::prelude::*;
use serde_json::{json, Value};

const KINDS: [&str; 13] = [
    "text",
    "long_text",
    "number",
    "date",
    "choice",
    "multi_choice",
    "yes_no",
    "email",
    "store",
    "asset",
    "attachment",
    "impact",
    "urgency",
];
const OPS: [&str; 6] = [
    "any_of",
    "equals",
    "not_equals",
    "answered",
    "greater_than",
    "less_than",
];

/// Strings of every awkward sort: empty, long, control characters, odd Unicode, numbers.
fn nasty() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        ".{0,40}",
        "[0-9.eE+-]{0,12}",
        "[\\x00-\\x1f\\u{7f}\\u{200b}\\u{feff}]{0,8}",
        "[a-z]{1,6}",
        "(\\PC){0,400}",
        Just("x".repeat(20_000)),
        Just("2026-02-30".to_string()),
        Just("(((((a*)*)*)*)*b".to_string()),
        Just("[".to_string()),
    ]
}

fn field(index: usize, keys: Vec<String>) -> impl Strategy<Value = Value> {
    (
        prop::sample::select(&KINDS[..]),
        any::<bool>(),
        prop::collection::vec(nasty(), 0..4),
        prop::option::of(-5.0f64..50.0),
        prop::option::of(-5.0f64..50.0),
        prop::option::of(nasty()),
        prop::option::of((
            prop::sample::select(if keys.is_empty() {
                vec!["nowhere".to_string()]
            } else {
                keys
            }),
            prop::sample::select(&OPS[..]),
            prop::collection::vec(nasty(), 0..3),
            any::<bool>(),
        )),
    )
        .prop_map(move |(kind, required, options, min, max, pattern, when)| {
            let mut f = json!({
                "key": format!("f{index}"), "label": format!("Field {index}"), "kind": kind,
                "required": required, "options": options,
            });
            if let Some(min) = min {
                f["min"] = json!(min);
            }
            if let Some(max) = max {
                f["max"] = json!(max);
            }
            if let Some(p) = pattern {
                f["pattern"] = json!(p);
            }
            if let Some((field, op, values, any)) = when {
                f["visible_when"] = json!({
                    "join": if any { "any" } else { "all" },
                    "rules": [{ "field": field, "op": op, "values": values }],
                });
            }
            f
        })
}

fn schema() -> impl Strategy<Value = FormSchema> {
    (1usize..6)
        .prop_flat_map(|n| {
            let keys: Vec<String> = (0..n).map(|i| format!("f{i}")).collect();
            (0..n).map(|i| field(i, keys.clone())).collect::<Vec<_>>()
        })
        .prop_filter_map("a schema the wire format reads", |fields| {
            serde_json::from_value(json!({ "fields": fields })).ok()
        })
}

fn answers() -> impl Strategy<Value = Answers> {
    prop::collection::btree_map(
        prop_oneof!["f[0-6]", nasty()],
        prop::collection::vec(nasty(), 0..4),
        0..8,
    )
}

fn lookups() -> LookupLists {
    LookupLists {
        stores: vec!["S012".into()],
        assets: vec![("S012-PRN-01".into(), "S012".into())],
        impacts: vec![("one_device".into(), "One device".into())],
        urgencies: vec![("today".into(), "Today".into())],
        ..LookupLists::default()
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn any_answers_to_any_form_are_accepted_or_refused_by_field(schema in schema(), answers in answers()) {
        let _ = schema.problems();
        match validate_answers(&schema, &answers, &lookups()) {
            Ok(_) => {}
            Err(errors) => {
                prop_assert!(!errors.is_empty());
                // Each problem is a message English has (else it would show as its id).
                let english = app::i18n::I18n(app::i18n::catalog("en"));
                for said in errors.values() {
                    let text = english.say(said);
                    prop_assert!(!text.trim().is_empty() && Some(text.as_str()) != said.id(), "{said:?}");
                }
            }
        }
    }

    #[test]
    fn any_csv_file_is_read_or_refused_with_a_message(text in prop_oneof![
        nasty(),
        "(code|name|region|timezone|tag|store|kind|model|email|role|,|\"|\n|\r){0,60}",
    ]) {
        for file in [ImportFile::Stores, ImportFile::Devices, ImportFile::People] {
            if let Err(e) = csv_import::read_file(&text, file) {
                prop_assert!(!e.to_string().trim().is_empty());
            }
        }
    }

    #[test]
    fn any_markdown_renders_without_anything_that_runs(text in prop_oneof![
        nasty(),
        "(<script>|</script>|<img src=x onerror=y>|javascript:|\\[a\\]\\(|\\)|\\*|#|`|>|\n|[a-z ]){0,80}",
    ]) {
        let html = markdown::render(&text).to_lowercase();
        // Text that looks like markup is escaped (`&lt;`); every real tag is checked.
        for tag in html.split('<').skip(1).map(|t| t.split('>').next().unwrap_or_default()) {
            prop_assert!(!tag.starts_with("script"), "{html}");
            prop_assert!(!tag.contains(" on"), "an event handler in {html}");
            prop_assert!(!tag.contains("=\"javascript:"), "a script link in {html}");
        }
    }

    #[test]
    fn any_query_searches_without_panicking(query in nasty(), typing in any::<bool>()) {
        // As every caller does (`search_portal`, the public search API): longer is refused.
        let query: String = query.chars().take(MAX_QUERY_CHARS).collect();
        let index = SearchIndex::build(&documents());
        let hits = index.search(&query, &SearchOptions { typing, ..SearchOptions::default() });
        prop_assert!(hits.len() <= SearchOptions::default().limit);
    }
}

fn documents() -> Vec<Document> {
    [
        "Printer prints blank receipts",
        "Card reader declines cards",
        "Wi-Fi drops in the store",
    ]
    .iter()
    .enumerate()
    .map(|(i, title)| Document {
        key: format!("doc-{i}"),
        kind: DocKind::Article,
        title: (*title).into(),
        tags: vec!["till".into()],
        summary: "A summary".into(),
        body: "Body text with E-27 and 0x80070057.".into(),
        category: "hardware".into(),
        learned: Vec::new(),
        language: Default::default(),
        group: format!("doc-{i}"),
    })
    .collect()
}
