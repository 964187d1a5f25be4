//! The layers of `app/src` point down only (DESIGN.md, "Shape"): pages and components call
//! server functions (`api`), which call services (`backend`), which call the `Store` traits;
//! `model` (what crosses the wire), `domain` and `search` sit below all of them. This test reads
//! the sources and fails when a lower layer names a higher one, so the layering cannot drift
//! back into an import circle unnoticed. It runs with `cargo test -p app --features ssr`.

mod common;
use common::rust_files;

use std::fs;
use std::path::Path;

/// Modules of `app/src` that only the browser or the UI may use.
const UI: &[&str] = &[
    "app",
    "pages",
    "components",
    "lazy_pages",
    "offline",
    "drafts",
    "idb",
    "local_search",
];

/// For each lower layer, the modules of the crate it must never name.
fn forbidden_for(layer: &str) -> Vec<&'static str> {
    let mut above: Vec<&'static str> = match layer {
        "backend" => vec!["api"],
        "model" => vec!["api", "backend"],
        // Text in the reader's language sits on the domain (locale negotiation), below the rest.
        "i18n" => vec!["api", "backend", "model"],
        "domain" | "search" => vec!["api", "backend", "model", "i18n"],
        _ => return Vec::new(),
    };
    above.extend_from_slice(UI);
    above
}

/// Every crate-level module `line` names: `crate::x`, `super::super::x`, and the members of a
/// grouped `crate::{x, y::z}`. Comments are ignored.
fn named_modules(line: &str) -> Vec<String> {
    let code = line.split("//").next().unwrap_or_default();
    let mut names = Vec::new();
    for root in ["crate::", "super::super::"] {
        let mut rest = code;
        while let Some(at) = rest.find(root) {
            rest = &rest[at + root.len()..];
            if let Some(group) = rest.strip_prefix('{') {
                let inner = group.split('}').next().unwrap_or_default();
                names.extend(inner.split(',').map(|part| first_segment(part.trim())));
            } else {
                names.push(first_segment(rest));
            }
        }
    }
    names.retain(|n| !n.is_empty());
    names
}

fn first_segment(path: &str) -> String {
    path.chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect()
}

/// "file:line names crate::x" for each upward import in `source`, a file of `layer`.
fn upward_imports(layer: &str, file: &str, source: &str) -> Vec<String> {
    let forbidden = forbidden_for(layer);
    source
        .lines()
        .enumerate()
        .flat_map(|(n, line)| {
            named_modules(line)
                .into_iter()
                .filter(|m| forbidden.contains(&m.as_str()))
                .map(move |m| format!("{file}:{} names crate::{m}", n + 1))
        })
        .collect()
}

#[test]
fn lower_layers_never_import_higher_ones() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = Vec::new();
    let mut checked = 0;
    for layer in ["backend", "model", "domain", "search", "i18n"] {
        for file in rust_files(&src.join(layer)) {
            let source = fs::read_to_string(&file).unwrap();
            let name = file.strip_prefix(&src).unwrap().display().to_string();
            found.extend(upward_imports(layer, &name, &source));
            checked += 1;
        }
    }
    assert!(
        checked > 40,
        "only {checked} files read: is the layout still app/src/<layer>?"
    );
    assert!(
        found.is_empty(),
        "lower layers import higher ones (move the type down into `model`, or the logic into \
         `backend`):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_server_uses_the_model_and_the_services_not_the_ui() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../server");
    let mut found = Vec::new();
    for file in rust_files(&src) {
        let source = fs::read_to_string(&file).unwrap();
        for (n, line) in source.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            for ui in ["app::pages", "app::components", "app::api"] {
                if code.contains(ui) {
                    found.push(format!("{}:{} names {ui}", file.display(), n + 1));
                }
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_check_sees_each_way_of_naming_a_module() {
    let bad = "use crate::api::types::UserView;\n\
               use crate::{domain::Ticket, pages::item};\n\
               let x = super::super::components::Header;\n\
               // use crate::api::ignored_in_a_comment;\n\
               use crate::domain::FormSchema;\n";
    let found = upward_imports("backend", "x.rs", bad);
    assert_eq!(
        found,
        vec![
            "x.rs:1 names crate::api",
            "x.rs:2 names crate::pages",
            "x.rs:3 names crate::components",
        ]
    );
    assert_eq!(
        upward_imports("model", "m.rs", "use crate::backend::store::Store;"),
        vec!["m.rs:1 names crate::backend"]
    );
    assert!(upward_imports("domain", "d.rs", "use crate::domain::form::Field;").is_empty());
}
