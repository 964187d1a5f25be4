//! Editors write, publish and retire articles through the portal's server functions; everyone
//! else is refused, and two editors cannot overwrite each other unknowingly.

use crate::common::*;

fn draft<'a>(
    slug: &'a str,
    title: &'a str,
    state: &'a str,
    base: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("draft[slug]", slug),
        ("draft[title]", title),
        (
            "draft[summary]",
            "What to do when the loyalty card reader beeps twice.",
        ),
        ("draft[category]", "pos"),
        ("draft[tags]", "loyalty, card, beeps"),
        ("draft[related_items]", "card-reader-fault"),
        (
            "draft[body_md]",
            "## Wipe the card\n\nThen try again.\n\n<script>alert(1)</script>",
        ),
        ("draft[state]", state),
        ("base_revision", base),
    ]
}

#[tokio::test]
async fn an_editor_drafts_publishes_and_retires_with_revisions() {
    let app = spawn().await;
    let eve = app.signed_in(EVE).await;
    let slug = "loyalty-reader-beeps-twice";

    // A draft is not searchable.
    let rev = app
        .call_json(
            &eve,
            "save_article",
            &draft(slug, "Loyalty reader beeps twice", "draft", "0"),
        )
        .await;
    assert_eq!(rev, 1);
    assert!(!app
        .kb_slugs(&eve, "loyalty beeps", "en")
        .await
        .contains(&slug.to_string()));

    // Published: found, and the page shows it without the script.
    let rev = app
        .call_json(
            &eve,
            "save_article",
            &draft(slug, "Loyalty reader beeps twice", "published", "1"),
        )
        .await;
    assert_eq!(rev, 2);
    assert_eq!(
        app.kb_slugs(&eve, "loyalty beeps", "en")
            .await
            .first()
            .map(String::as_str),
        Some(slug)
    );
    let html = eve
        .get(format!("{}/kb/{slug}", app.base))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Wipe the card") && !html.contains("alert(1)"));

    // Saving the same thing again writes nothing.
    let rev = app
        .call_json(
            &eve,
            "save_article",
            &draft(slug, "Loyalty reader beeps twice", "published", "2"),
        )
        .await;
    assert_eq!(rev, 2);

    // Retired: gone from search and from readers, kept for editors with its history.
    let rev = app
        .call_json(
            &eve,
            "save_article",
            &draft(slug, "Loyalty reader beeps twice", "retired", "2"),
        )
        .await;
    assert_eq!(rev, 3);
    assert!(!app
        .kb_slugs(&eve, "loyalty beeps", "en")
        .await
        .contains(&slug.to_string()));
    let view = app.call_json(&eve, "article", &[("slug", slug)]).await;
    assert_eq!(view["error"], "not_found");
    let edit = app
        .call_json(&eve, "article_for_edit", &[("slug", slug)])
        .await;
    let states: Vec<&str> = edit["revisions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["state"].as_str().unwrap())
        .collect();
    assert_eq!(states, ["retired", "published", "draft"]);
    assert_eq!(edit["revisions"][0]["author"], "Eve Thompson");
    let list = app.call_json(&eve, "editor_articles", &[]).await;
    assert_eq!(list[0]["slug"], slug, "newest change first");

    let preview = app
        .call_json(
            &eve,
            "preview_article",
            &[("body_md", "**bold** <img src=x onerror=alert(1)>")],
        )
        .await;
    let preview = preview.as_str().unwrap();
    assert!(preview.contains("<strong>bold</strong>") && !preview.contains("onerror"));
}

#[tokio::test]
async fn bad_drafts_duplicates_and_stale_edits_are_refused_by_field() {
    let app = spawn().await;
    let eve = app.signed_in(EVE).await;
    let mut bad = draft("Bad Slug", "", "gone", "0");
    bad[5] = ("draft[related_items]", "no-such-item");
    let body = app.call_json(&eve, "save_article", &bad).await;
    for field in ["slug", "title", "state", "related_items"] {
        assert!(body["fields"][field].is_string(), "{field}: {body}");
    }

    // A new article may not take the slug of an existing one.
    let body = app
        .call_json(
            &eve,
            "save_article",
            &draft(
                "receipt-printer-not-printing",
                "Another printer article",
                "draft",
                "0",
            ),
        )
        .await;
    assert!(
        body["fields"]["slug"]
            .as_str()
            .unwrap()
            .contains("exists already"),
        "{body}"
    );

    // Two editors start from revision 1; the second save is refused, not merged blindly.
    let slug = "two-editors";
    assert_eq!(
        app.call_json(
            &eve,
            "save_article",
            &draft(slug, "First title", "draft", "0")
        )
        .await,
        1
    );
    assert_eq!(
        app.call_json(
            &eve,
            "save_article",
            &draft(slug, "Second title", "draft", "1")
        )
        .await,
        2
    );
    let stale = app
        .call_json(
            &eve,
            "save_article",
            &draft(slug, "Third title", "draft", "1"),
        )
        .await;
    assert_eq!(stale["error"], "conflict", "{stale}");
    let edit = app
        .call_json(&eve, "article_for_edit", &[("slug", slug)])
        .await;
    assert_eq!(edit["draft"]["title"], "Second title");
}

#[tokio::test]
async fn only_editors_edit() {
    let app = spawn().await;
    let rita = app.signed_in(RITA).await;
    for (name, form) in [
        (
            "save_article",
            draft("sneaky", "Sneaky article", "published", "0"),
        ),
        ("editor_articles", vec![]),
        (
            "article_for_edit",
            vec![("slug", "receipt-printer-not-printing")],
        ),
        ("preview_article", vec![("body_md", "hi")]),
    ] {
        let body = app.call_json(&rita, name, &form).await;
        assert_eq!(body["error"], "forbidden", "{name}: {body}");
    }
    let html = rita
        .get(format!("{}/editor/articles", app.base))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Only knowledge editors"));
}
