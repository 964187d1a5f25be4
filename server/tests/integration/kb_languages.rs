//! The knowledge base per language (issue 21): an article written in two languages reads in
//! the reader's, with a link to the other; an article only in English reads in English and says
//! so; search finds German word forms for a German reader and shows one version of each
//! article; editors link a translation to its original and are refused a second one in the same
//! language. On the demo data, whose German versions live in `seed/kb` beside the originals.

use crate::common::*;
use reqwest::{Client, StatusCode};
use serde_json::Value;

const GERMAN: &str = "de-DE,de;q=0.9,en;q=0.5";
const ENGLISH: &str = "en-GB,en;q=0.9";
const ORIGINAL: &str = "receipt-printer-not-printing";
const TRANSLATION: &str = "bondrucker-druckt-nicht";

async fn page(app: &TestApp, client: &Client, path: &str, languages: &str) -> String {
    let res = client
        .get(format!("{}{path}", app.base))
        .header("accept-language", languages)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK, "{path}");
    res.text().await.unwrap()
}

/// The `data-slug` and `data-locale` of the article the page shows.
fn shown(html: &str) -> (String, String) {
    let attribute = |name: &str| {
        let at = html
            .find(&format!(r#"{name}=""#))
            .unwrap_or_else(|| panic!("no {name} in the page"));
        let rest = &html[at + name.len() + 2..];
        rest[..rest.find('"').unwrap()].to_string()
    };
    (attribute("data-slug"), attribute("data-locale"))
}

#[tokio::test]
async fn an_article_in_two_languages_reads_in_the_readers_language() {
    let app = spawn().await;
    let rita = app.signed_in(RITA).await;

    // A German reader following a link to the English original reads the German version,
    // with a link back to the English one.
    let html = page(&app, &rita, &format!("/kb/{ORIGINAL}"), GERMAN).await;
    assert_eq!(shown(&html), (TRANSLATION.into(), "de".into()));
    assert!(
        html.contains(&format!(r#"href="/kb/{ORIGINAL}?exact=1""#)),
        "no link to the original"
    );
    assert!(html.contains("Englisch") && html.contains("Auch auf"));
    assert!(!html.contains(r#"data-testid="article-language-note""#));

    // An English reader reads the original, with a link to the German version.
    let html = page(&app, &rita, &format!("/kb/{ORIGINAL}"), ENGLISH).await;
    assert_eq!(shown(&html), (ORIGINAL.into(), "en".into()));
    assert!(html.contains(&format!(r#"href="/kb/{TRANSLATION}?exact=1""#)));
    assert!(html.contains("German") && html.contains("Also in"));

    // Chosen from the language links, a version is shown as it is, whatever the reader's
    // language; it has one in theirs, so no "not in your language" note.
    let html = page(&app, &rita, &format!("/kb/{ORIGINAL}?exact=1"), GERMAN).await;
    assert_eq!(shown(&html), (ORIGINAL.into(), "en".into()));
    assert!(!html.contains(r#"data-testid="article-language-note""#));
    // The rule holds both ways: the German version's address reads English for an English
    // reader, and as written with `exact`.
    let html = page(&app, &rita, &format!("/kb/{TRANSLATION}"), ENGLISH).await;
    assert_eq!(shown(&html), (ORIGINAL.into(), "en".into()));
    let html = page(&app, &rita, &format!("/kb/{TRANSLATION}?exact=1"), ENGLISH).await;
    assert_eq!(shown(&html), (TRANSLATION.into(), "de".into()));
}

#[tokio::test]
async fn an_article_only_in_english_says_so_to_a_german_reader() {
    let app = spawn().await;
    let rita = app.signed_in(RITA).await;
    let html = page(&app, &rita, "/kb/vpn-wont-connect", GERMAN).await;
    assert!(html.contains(r#"<html lang="de""#));
    assert_eq!(shown(&html), ("vpn-wont-connect".into(), "en".into()));
    assert!(html.contains(r#"data-testid="article-language-note""#));
    assert!(html
        .contains("Diesen Artikel gibt es noch nicht in Ihrer Sprache. Hier ist er auf Englisch."));
    // The English text is marked as English inside the German page, for screen readers.
    assert!(
        html.contains(r#"<div lang="en">"#),
        "the article's text carries its language"
    );
    // And the page around it is German.
    assert!(html.contains("Hat das geholfen?"));
}

#[tokio::test]
async fn search_understands_german_word_forms_and_shows_one_version_per_article() {
    let app = spawn().await;
    let rita = app.signed_in(RITA).await;
    // "Bondruckern" (dative plural) meets "Bondrucker" at one German stem.
    let found = app.kb_slugs(&rita, "Bondruckern", GERMAN).await;
    assert_eq!(
        found.first().map(String::as_str),
        Some(TRANSLATION),
        "{found:?}"
    );
    // The English title, searched by a German reader: never both versions of one article.
    let found = app
        .kb_slugs(&rita, "receipt printer not printing", GERMAN)
        .await;
    assert!(
        !(found.contains(&ORIGINAL.to_string()) && found.contains(&TRANSLATION.to_string())),
        "{found:?}"
    );
    // An English reader gets the original…
    let found = app
        .kb_slugs(&rita, "receipt printer not printing", ENGLISH)
        .await;
    assert!(found[..3].contains(&ORIGINAL.to_string()), "{found:?}");
    assert!(!found.contains(&TRANSLATION.to_string()), "{found:?}");
    // …and, typing German words no English article has, the German version (the fallback to
    // every language when nothing in the reader's matches).
    let found = app.kb_slugs(&rita, "Bondruckern", ENGLISH).await;
    assert_eq!(
        found.first().map(String::as_str),
        Some(TRANSLATION),
        "{found:?}"
    );

    // The portal's search page (a server function) ranks for the reader's language alike.
    let res = rita
        .post(format!("{}/api/search", app.base))
        .header("accept-language", GERMAN)
        .form(&[("q", "Bondruckern")])
        .send()
        .await
        .unwrap();
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["results"][0]["key"], TRANSLATION, "{body}");
}

fn translation_form<'a>(
    slug: &'a str,
    locale: &'a str,
    translation_of: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("draft[slug]", slug),
        ("draft[title]", "Kundenkartenleser piept zweimal"),
        (
            "draft[summary]",
            "Was zu tun ist, wenn der Kundenkartenleser zweimal piept.",
        ),
        ("draft[category]", "pos"),
        ("draft[tags]", "Kundenkarte, piept"),
        ("draft[related_items]", ""),
        (
            "draft[body_md]",
            "## Karte abwischen\n\nDann erneut versuchen.",
        ),
        ("draft[state]", "published"),
        ("draft[locale]", locale),
        ("draft[translation_of]", translation_of),
        ("base_revision", "0"),
    ]
}

#[tokio::test]
async fn editors_link_a_translation_once_per_language() {
    let app = spawn().await;
    let eve = app.signed_in("eve.editor@deskfront.test").await;

    // A German version of an English article: saved, and linked both ways.
    let form = translation_form("vpn-verbindet-nicht", "de", "vpn-wont-connect");
    assert_eq!(app.call_json(&eve, "save_article", &form).await, 1);
    let edit = app
        .call_json(&eve, "article_for_edit", &[("slug", "vpn-wont-connect")])
        .await;
    assert_eq!(edit["versions"][0]["slug"], "vpn-verbindet-nicht", "{edit}");
    assert_eq!(edit["versions"][0]["locale"], "de");
    let html = page(&app, &eve, "/kb/vpn-wont-connect", GERMAN).await;
    assert_eq!(shown(&html), ("vpn-verbindet-nicht".into(), "de".into()));

    // A second German version of the same article is refused beside the field, naming the
    // first; nothing is written.
    let form = translation_form("vpn-geht-nicht", "de", "vpn-wont-connect");
    let res = app.call(&eve, "save_article", &form).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = res.json().await.unwrap();
    let said = body.to_string();
    assert!(
        said.contains("translation_of") && said.contains("vpn-verbindet-nicht"),
        "{said}"
    );
    let res = app
        .call(&eve, "article_for_edit", &[("slug", "vpn-geht-nicht")])
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);

    // An original that does not exist, a translation of a translation, a language the portal
    // has no file for: each refused with its field.
    for (form, field, words) in [
        (
            translation_form("x-de", "de", "no-such-article"),
            "translation_of",
            "no article",
        ),
        (
            translation_form("x-de", "de", "vpn-verbindet-nicht"),
            "translation_of",
            "itself a translation",
        ),
        (
            translation_form("x-de", "xx", ""),
            "locale",
            "Choose the language",
        ),
    ] {
        let res = app.call(&eve, "save_article", &form).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{field}");
        let said = res.json::<Value>().await.unwrap().to_string();
        assert!(said.contains(field) && said.contains(words), "{said}");
    }

    // A requester may not write articles in any language.
    let rita = app.signed_in(RITA).await;
    let form = translation_form("x-de", "de", "vpn-wont-connect");
    assert_eq!(
        app.call(&rita, "save_article", &form).await.status(),
        StatusCode::FORBIDDEN
    );
}

/// Two editors saving German versions of one article at the same moment never leave two: the
/// database's one-per-language index holds what the editor's check could not see yet, and the
/// loser hears so (409, or 422 when the first was already saved), never a 500.
#[tokio::test]
async fn two_editors_translating_into_one_language_at_once_leave_one_version() {
    let app = spawn().await;
    let eve = app.signed_in(EVE).await;
    let ada = app.signed_in("ada.admin@deskfront.test").await;
    let originals = [
        "vpn-wont-connect",
        "authenticator-codes-not-working",
        "chip-card-error",
        "contactless-payments-declined",
        "card-reader-battery-not-charging",
    ];
    for original in originals {
        let (first, second) = (format!("{original}-de-a"), format!("{original}-de-b"));
        let (first, second) = (
            translation_form(&first, "de", original),
            translation_form(&second, "de", original),
        );
        let (a, b) = tokio::join!(
            app.call(&eve, "save_article", &first),
            app.call(&ada, "save_article", &second),
        );
        let statuses = [a.status(), b.status()];
        let saved = statuses.iter().filter(|s| s.is_success()).count();
        assert_eq!(saved, 1, "{original}: {statuses:?}");
        let refused = statuses.iter().find(|s| !s.is_success()).unwrap();
        assert!(
            [StatusCode::CONFLICT, StatusCode::UNPROCESSABLE_ENTITY].contains(refused),
            "{original}: {statuses:?}"
        );
        let edit = app
            .call_json(&eve, "article_for_edit", &[("slug", original)])
            .await;
        let german = edit["versions"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|v| v["locale"] == "de")
            .count();
        assert_eq!(german, 1, "{original}: {edit}");
    }
}
