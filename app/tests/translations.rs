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
    let problems = app::i18n::problems(text);
    assert!(
        problems.is_empty(),
        "locales/{tag}.ftl uses Fluent the portal does not read: {problems:#?}"
    );
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

/// The ids in `t("…")`, `t_with("…"`, `.t("…")`, the rules' `say("…")` and `say_with("…"`, and
/// every literal of the families below.
fn ids_named_in(source: &str) -> Vec<String> {
    let mut ids = Vec::new();
    for call in ["t(\"", "t_with(\"", "say(\"", "say_with(\""] {
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
    // Ids handed on to be said later: navigation links, the notifications a reader reads in
    // their own language, a list's page links, the definitions of the dashboard's figures.
    for family in ["\"nav-", "\"notify-", "\"pages-", "\"definition-"] {
        let mut rest = source;
        while let Some(at) = rest.find(family) {
            rest = &rest[at + 1..];
            ids.push(rest.chars().take_while(|c| *c != '"').collect());
        }
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
        .filter(|f| !f.parent().is_some_and(|dir| dir.ends_with("i18n")))
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

/// `text` formatted by Project Fluent's own formatter and by ours (`app::i18n`), message by
/// message, with every variable set to each of `values` in turn: the differences.
fn differences_from_fluent(locale: &'static str, text: &str) -> Vec<String> {
    use app::i18n::{Arg, Catalog};
    use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};

    let mut bundle = FluentBundle::new(vec![locale.parse().unwrap()]);
    bundle.set_use_isolating(false);
    bundle
        .add_resource(FluentResource::try_new(text.to_string()).unwrap())
        .unwrap();
    let ours = Catalog::parse(locale, text.to_string());
    let numbers = [0, 1, 2, 3, 5, 11, 21, 1000];
    let words = ["Ada", "one", "other", "Grüße {x}"];
    let mut differences = Vec::new();
    for (id, variables) in messages(locale, text) {
        if id.starts_with('-') {
            continue;
        }
        let mut cases: Vec<Option<(i64, &str)>> = vec![None];
        cases.extend(numbers.iter().map(|n| Some((*n, ""))));
        cases.extend(words.iter().map(|w| Some((-1, *w))));
        for case in cases {
            let mut fluent_args = FluentArgs::new();
            let mut our_args = Vec::new();
            if let Some((n, word)) = case {
                for v in &variables {
                    if word.is_empty() {
                        fluent_args.set(v.as_str(), FluentValue::from(n));
                        our_args.push((v.as_str(), Arg::Number(n)));
                    } else {
                        fluent_args.set(v.as_str(), FluentValue::from(word));
                        our_args.push((v.as_str(), Arg::from(word)));
                    }
                }
            }
            let message = bundle.get_message(&id).unwrap();
            let mut errors = Vec::new();
            let expected =
                bundle.format_pattern(message.value().unwrap(), Some(&fluent_args), &mut errors);
            let got = ours.text(&id, &our_args);
            if got != expected {
                differences.push(format!(
                    "{locale} {id} {case:?}: {got:?}, Fluent says {expected:?}"
                ));
            }
        }
    }
    differences
}

#[test]
fn our_reader_formats_every_shipped_message_as_fluent_does() {
    let all = locales();
    let mut differences = Vec::new();
    for tag in app::i18n::LANGUAGES {
        let text = app::i18n::served_text(&all[*tag], &all["en"]);
        differences.extend(differences_from_fluent(tag, &text));
    }
    assert!(differences.is_empty(), "{differences:#?}");
}

#[test]
fn our_reader_formats_the_syntax_it_reads_as_fluent_does() {
    // What a translator may write: terms and references, literals, escapes, plural and word
    // variants with exact numbers, values on the next line, blank lines, deeper indents.
    let file = r#"-brand = Deskfront
-brand-long = { -brand } Service Portal
welcome = Welcome to { -brand-long }, { $name }!
see-also = See { welcome }
braces = Use { "{" } and { "}" }, or { "\u00E9t\u00E9" } and { "\"quoted\"" }
number = Number { 42 } and { -3.50 }
requests = { $count ->
    [0] No requests
    [one] One request
   *[other] { $count } requests
}
status = { $state ->
    [open] Open
    [closed]
        Closed, { $state }
   *[other] Unknown
} (state)
multiline =
    First line
      indented more

    after a blank line
    { $name } at the start of a line
inline-then-more = Starts here
    and goes on
nested = { $count ->
   *[other] { $name ->
        [Ada] Ada has { $count }
       *[other] Someone has { $count }
    }
}
trailing = Trailing spaces are trimmed   
missing = { no-such-message } and { -no-such-term }
"#;
    let differences = differences_from_fluent("en", file);
    assert!(differences.is_empty(), "{differences:#?}");
}

#[test]
fn what_the_rules_say_reads_in_the_readers_language() {
    use app::domain::say::{say_with, Arg, Say};
    use app::i18n::{catalog, I18n};
    let (en, de) = (I18n(catalog("en")), I18n(catalog("de")));
    let short = say_with(
        "field-too-short",
        [("min", Arg::count(20)), ("now", Arg::count(3))],
    );
    assert_eq!(en.say(&short), "Write at least 20 characters (now 3).");
    assert_eq!(
        de.say(&short),
        "Schreiben Sie mindestens 20 Zeichen (jetzt 3)."
    );
    let elsewhere = say_with("field-device-elsewhere", [("store", "S020".into())]);
    assert_eq!(
        de.say(&elsewhere),
        "Dieses Gerät steht nicht in Filiale S020."
    );
    // A form's own hint is shown as its author wrote it, whatever the language.
    let hint = Say::Verbatim("Two letters then two digits".into());
    assert_eq!(de.say(&hint), "Two letters then two digits");
    // The count of answers to fix chooses its plural form per language.
    let to_fix = |i18n: I18n, n: usize| i18n.t_with("form-to-fix", &[("count", Arg::count(n))]);
    assert_eq!(to_fix(en, 1), "1 answer needs to fix before sending.");
    assert_eq!(to_fix(en, 2), "2 answers need to fix before sending.");
    assert_eq!(
        to_fix(de, 1),
        "Eine Antwort muss vor dem Senden noch korrigiert werden."
    );
    assert_eq!(
        to_fix(de, 3),
        "3 Antworten müssen vor dem Senden noch korrigiert werden."
    );
}

#[test]
fn mails_read_in_the_recipients_language() {
    use app::domain::mail::{all_messages, render, render_digest, MailFacts, MailKind};
    use app::i18n::catalog;
    let facts = |kind| MailFacts {
        kind,
        ticket_number: "REQ0001042".into(),
        ticket_title: "Laptop".into(),
        requester_name: "Rita Requester".into(),
        detail: String::new(),
    };
    let english = catalog("en");
    let german = catalog("de");
    let in_english = |id: &str, args: &[(&str, app::i18n::Arg)]| english.text(id, args);
    let in_german = |id: &str, args: &[(&str, app::i18n::Arg)]| german.text(id, args);
    // The mails' ids are chosen per kind of mail, so the scan of `t("…")` calls does not see
    // them: each must be in English (and, by the test above, in German).
    for id in all_messages() {
        assert_ne!(english.text(id, &[]), id, "{id} is not in locales/en.ftl");
    }
    for kind in MailKind::ALL {
        for words in [&in_english as app::domain::mail::Words, &in_german] {
            let mail = render(&facts(kind), "http://portal", words);
            assert!(
                !mail.subject.contains("mail-") && !mail.text.contains("mail-"),
                "{kind:?}: {mail:?}"
            );
        }
    }
    let approval = facts(MailKind::ApprovalNeeded);
    assert_eq!(
        render(&approval, "http://portal", &in_english).subject,
        "[REQ0001042] Rita Requester asks for Laptop — approve or reject"
    );
    let mail = render(&approval, "http://portal", &in_german);
    assert_eq!(
        mail.subject,
        "[REQ0001042] Rita Requester bittet um Laptop – genehmigen oder ablehnen"
    );
    assert!(mail
        .text
        .contains("Genehmigen oder ablehnen: http://portal/approvals#REQ0001042"));
    assert!(mail.text.contains("in den Einstellungen"));
    let resolved = render(&facts(MailKind::Resolved), "http://portal", &in_english);
    assert!(resolved.text.contains("Tell us how we did"));
    let mut second = facts(MailKind::ApprovalNeeded);
    second.ticket_number = "REQ0001043".into();
    second.ticket_title = "Monitor".into();
    let both = [approval, second];
    let digest = render_digest(&both, "http://portal", &in_english);
    assert_eq!(digest.subject, "2 requests wait for your approval");
    assert!(digest
        .text
        .contains("REQ0001043 — Rita Requester asks for Monitor"));
    let digest = render_digest(&both, "http://portal", &in_german);
    assert_eq!(digest.subject, "2 Anfragen warten auf Ihre Genehmigung");
    assert!(digest
        .text
        .contains("REQ0001042 – Rita Requester bittet um Laptop"));
}
