//! The language files against each other and against the code (issue 21): every file parses,
//! names no message English lacks, and passes no variable English does not; the languages we
//! ship complete (`COMPLETE`) miss no message; and every message id the code names exists in
//! English. The messages each language still lacks are printed, so a new language's progress
//! is visible in the test output.

mod common;
use common::rust_files;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// Languages that must have every message English has.
const COMPLETE: &[&str] = &["en", "de"];

fn locales() -> BTreeMap<String, String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| {
            let path = e.ok()?.path();
            let tag = path
                .file_name()?
                .to_str()?
                .strip_suffix(".ftl")?
                .to_string();
            Some((tag, fs::read_to_string(&path).unwrap()))
        })
        .collect()
}

/// Each message's id with the variables (`$name`) it uses.
fn messages(tag: &str, text: &str) -> BTreeMap<String, BTreeSet<String>> {
    let parsed = fluent_bundle::FluentResource::try_new(text.to_string());
    if let Err((_, errors)) = &parsed {
        panic!("locales/{tag}.ftl does not parse: {errors:?}");
    }
    app::i18n::entries(text)
        .into_iter()
        .map(|(id, lines)| {
            let variables = lines
                .split('$')
                .skip(1)
                .map(|rest| {
                    rest.chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '-' || *c == '_')
                        .collect()
                })
                .collect();
            (id.to_string(), variables)
        })
        .collect()
}

#[test]
fn every_language_says_what_english_says_and_nothing_else() {
    let all = locales();
    let english = messages("en", &all["en"]);
    let mut failures = Vec::new();
    for (tag, text) in &all {
        let own = messages(tag, text);
        let missing: Vec<&String> = english.keys().filter(|id| !own.contains_key(*id)).collect();
        println!(
            "{tag}: {} of {} messages, missing {missing:?}",
            own.len(),
            english.len()
        );
        if COMPLETE.contains(&tag.as_str()) && !missing.is_empty() {
            failures.push(format!("{tag} misses {missing:?}"));
        }
        for (id, variables) in &own {
            match english.get(id) {
                None => failures.push(format!("{tag} has {id}, which English does not")),
                Some(known) => {
                    for v in variables.difference(known) {
                        failures.push(format!(
                            "{tag}'s {id} uses ${v}, which English does not pass"
                        ));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// The ids in `t("…")`, `t_with("…"`, `.t("…")` and `NavLink::new(…, "…", …)` calls.
fn ids_named_in(source: &str) -> Vec<String> {
    let mut ids = Vec::new();
    for call in ["t(\"", "t_with(\""] {
        let mut from = 0;
        while let Some(at) = source[from..].find(call).map(|at| from + at) {
            from = at + call.len();
            // `t(` itself, not the end of `get(` or `text(`.
            let whole = source[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric() && c != '_');
            if whole {
                ids.push(source[from..].chars().take_while(|c| *c != '"').collect());
            }
        }
    }
    let mut rest = source;
    while let Some(at) = rest.find("\"nav-") {
        rest = &rest[at + 1..];
        ids.push(rest.chars().take_while(|c| *c != '"').collect());
    }
    ids
}

#[test]
fn every_id_the_code_names_is_in_english() {
    let english = messages("en", &locales()["en"]);
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut unknown = Vec::new();
    let mut named = 0;
    // The translation module's own tests use messages of their own.
    for file in rust_files(&src)
        .into_iter()
        .filter(|f| !f.ends_with("i18n/mod.rs"))
    {
        let source = fs::read_to_string(&file).unwrap();
        for id in ids_named_in(&source) {
            named += 1;
            if !english.contains_key(&id) {
                unknown.push(format!("{}: {id}", file.display()));
            }
        }
    }
    assert!(named > 10, "the scan found the code's messages ({named})");
    assert!(
        unknown.is_empty(),
        "ids not in locales/en.ftl: {unknown:#?}"
    );
}
