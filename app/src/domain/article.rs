//! What makes an article acceptable, checked as the editor types and again on the server.

use super::say::{say, say_with, Arg, Problems, Say};
use serde::{Deserialize, Serialize};

pub const MAX_TITLE: usize = 120;
pub const MAX_SUMMARY: usize = 300;
pub const MAX_BODY: usize = 100_000;
pub const MAX_TAGS: usize = 12;
pub const MAX_TAG: usize = 40;
pub const MAX_SLUG: usize = 80;
/// The knowledge base's categories today, offered in the editor (a new one may be typed).
pub const KNOWN_CATEGORIES: [&str; 14] = [
    "accounts",
    "email",
    "hardware",
    "mobile",
    "network",
    "passwords",
    "payments",
    "pos",
    "printers",
    "scanners",
    "software",
    "store-systems",
    "vpn",
    "wifi",
];

/// An article as the editor's form holds it: tags and related items as comma-separated text,
/// the way people type them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ArticleDraft {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub category: String,
    pub tags: String,
    pub related_items: String,
    pub body_md: String,
    pub state: String,
    /// The language it is written in (a tag of one of the portal's language files).
    #[serde(default)]
    pub locale: String,
    /// The slug of the original it translates; empty for an original.
    #[serde(default)]
    pub translation_of: String,
}

/// Splits comma-separated text into trimmed, non-empty, distinct entries in their order.
pub fn split_list(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        if !out.iter().any(|o| o.eq_ignore_ascii_case(part)) {
            out.push(part.to_string());
        }
    }
    out
}

/// Lowercase letters, digits and single hyphens inside: stable in URLs and file names.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= MAX_SLUG
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// A slug made from a title, for new articles: "Wi-Fi drops in the café" → "wi-fi-drops-in-the-cafe".
pub fn slug_from_title(title: &str) -> String {
    let mut slug = String::new();
    for c in title.chars() {
        let f = crate::search::text::fold_char(c);
        if f.is_ascii_alphanumeric() {
            slug.push(f.to_ascii_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    slug.chars()
        .take(MAX_SLUG)
        .collect::<String>()
        .trim_end_matches('-')
        .to_string()
}

/// Checks a draft field by field. `known_items` are the live catalog item slugs when the caller
/// has them (the server always does); `languages` the portal's language tags.
pub fn validate_article(
    draft: &ArticleDraft,
    known_items: Option<&[String]>,
    languages: &[&str],
) -> Result<(), Problems> {
    let mut errors = Problems::new();
    let mut check = |key: &str, problem: Option<Say>| {
        if let Some(p) = problem {
            errors.insert(key.to_string(), p);
        }
    };
    check(
        "slug",
        (!is_slug(&draft.slug))
            .then(|| say_with("error-article-slug", [("max", Arg::count(MAX_SLUG))])),
    );
    check(
        "title",
        length_problem(&draft.title, "error-article-title", 3, MAX_TITLE),
    );
    check(
        "summary",
        length_problem(&draft.summary, "error-article-summary", 10, MAX_SUMMARY),
    );
    check(
        "category",
        (!is_slug(&draft.category)).then(|| say("error-article-category")),
    );
    let tags = split_list(&draft.tags);
    check(
        "tags",
        if tags.len() > MAX_TAGS {
            Some(say_with(
                "error-article-tags",
                [("max", Arg::count(MAX_TAGS))],
            ))
        } else {
            tags.iter().find(|t| t.chars().count() > MAX_TAG).map(|t| {
                say_with(
                    "error-article-tag-long",
                    [("tag", t.as_str().into()), ("max", Arg::count(MAX_TAG))],
                )
            })
        },
    );
    let related = split_list(&draft.related_items);
    check(
        "related_items",
        known_items.and_then(|known| {
            related
                .iter()
                .find(|r| !known.contains(r))
                .map(|r| say_with("error-article-no-item", [("item", r.as_str().into())]))
        }),
    );
    check(
        "body_md",
        if draft.body_md.trim().is_empty() {
            Some(say("error-article-body"))
        } else if draft.body_md.chars().count() > MAX_BODY {
            Some(say_with(
                "error-article-body-long",
                [("max", Arg::count(MAX_BODY))],
            ))
        } else {
            None
        },
    );
    check(
        "state",
        (!matches!(draft.state.as_str(), "draft" | "published" | "retired"))
            .then(|| say("error-article-state")),
    );
    check(
        "locale",
        (!languages.contains(&draft.locale.as_str())).then(|| {
            say_with(
                "error-article-language",
                [("languages", languages.join(", ").into())],
            )
        }),
    );
    let original = draft.translation_of.trim();
    check(
        "translation_of",
        if original.is_empty() {
            None
        } else if original == draft.slug {
            Some(say("error-article-translates-itself"))
        } else if !is_slug(original) {
            Some(say("error-article-original-slug"))
        } else {
            None
        },
    );
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// An article of a group of translations, as `translation_problem` needs it.
#[derive(Clone, Debug, PartialEq)]
pub struct Version {
    pub slug: String,
    pub locale: String,
    pub translation_of: Option<String>,
}

/// What stops `draft` from joining its group of translations, given the articles of the group
/// it names (`target`: the original `draft.translation_of` and its translations, or for an
/// original the draft's own group). Groups stay one level deep (a translation translates an
/// original, never another translation) and hold one article per language, so a reader's
/// language picks one version.
pub fn translation_problem(draft: &ArticleDraft, target: &[Version]) -> Option<Say> {
    let original = draft.translation_of.trim();
    // Another article of the group in the draft's language, if any (translations only, for
    // an original: its own old row is not another article).
    let in_same_language = |translations_only: bool| {
        target
            .iter()
            .filter(|v| v.slug != draft.slug && v.locale == draft.locale)
            .find(|v| !translations_only || v.translation_of.is_some())
            .map(|v| v.slug.clone())
    };
    if original.is_empty() {
        return in_same_language(true)
            .map(|slug| say_with("error-article-already-in-language", [("slug", slug.into())]));
    }
    let Some(head) = target.iter().find(|v| v.slug == original) else {
        return Some(say_with(
            "error-article-no-original",
            [("original", original.into())],
        ));
    };
    if let Some(first) = &head.translation_of {
        return Some(say_with(
            "error-article-nested",
            [
                ("original", original.into()),
                ("first", first.as_str().into()),
            ],
        ));
    }
    if target
        .iter()
        .any(|v| v.translation_of.as_deref() == Some(draft.slug.as_str()))
    {
        return Some(say("error-article-has-translations"));
    }
    in_same_language(false).map(|slug| {
        if slug == original {
            say("error-article-same-language")
        } else {
            say_with(
                "error-article-translated-already",
                [("slug", slug.into()), ("original", original.into())],
            )
        }
    })
}

/// `missing`: the id of the message that asks for the text.
fn length_problem(value: &str, missing: &'static str, min: usize, max: usize) -> Option<Say> {
    let n = value.trim().chars().count();
    if n == 0 {
        Some(say(missing))
    } else if n < min {
        Some(say_with(
            "error-article-too-short",
            [("min", Arg::count(min))],
        ))
    } else if n > max {
        Some(say_with(
            "error-article-too-long",
            [("max", Arg::count(max)), ("now", Arg::count(n))],
        ))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn good() -> ArticleDraft {
        ArticleDraft {
            slug: "printer-offline".into(),
            title: "Printer shows offline".into(),
            summary: "What to do when the office printer says offline.".into(),
            category: "printers".into(),
            tags: "printer, offline, Printer".into(),
            related_items: "printer-access".into(),
            body_md: "## Check the cable\n\nIs it plugged in?".into(),
            state: "draft".into(),
            locale: "en".into(),
            translation_of: String::new(),
        }
    }

    const LANGUAGES: [&str; 2] = ["en", "de"];

    fn version(slug: &str, locale: &str, translation_of: Option<&str>) -> Version {
        Version {
            slug: slug.into(),
            locale: locale.into(),
            translation_of: translation_of.map(str::to_string),
        }
    }

    #[test]
    fn a_translation_joins_an_original_once_per_language() {
        let german = ArticleDraft {
            slug: "drucker-offline".into(),
            locale: "de".into(),
            translation_of: "printer-offline".into(),
            ..good()
        };
        let original = version("printer-offline", "en", None);
        assert_eq!(
            translation_problem(&german, std::slice::from_ref(&original)),
            None
        );
        // Saving it again finds its own row in the group: still fine.
        let itself = version("drucker-offline", "de", Some("printer-offline"));
        assert_eq!(
            translation_problem(&german, &[original.clone(), itself]),
            None
        );
        // A second German version is refused, naming the first.
        let other = version("drucker-zeigt-offline", "de", Some("printer-offline"));
        let said = translation_problem(&german, &[original.clone(), other]).unwrap();
        assert_eq!(said.id(), Some("error-article-translated-already"));
        assert!(
            format!("{said:?}").contains("drucker-zeigt-offline"),
            "{said:?}"
        );
        // So is a "translation" in the original's own language.
        let english = ArticleDraft {
            locale: "en".into(),
            ..german.clone()
        };
        assert_eq!(
            translation_problem(&english, std::slice::from_ref(&original)).and_then(|s| s.id()),
            Some("error-article-same-language")
        );
        // The original must exist and be an original.
        assert_eq!(
            translation_problem(&german, &[]).and_then(|s| s.id()),
            Some("error-article-no-original")
        );
        let nested = version("printer-offline", "en", Some("printers"));
        assert_eq!(
            translation_problem(&german, &[nested]).and_then(|s| s.id()),
            Some("error-article-nested")
        );
        // An original with translations cannot become one.
        let translated = version("x-fr", "fr", Some("drucker-offline"));
        assert_eq!(
            translation_problem(&german, &[original, translated]).and_then(|s| s.id()),
            Some("error-article-has-translations")
        );
    }

    #[test]
    fn an_original_keeps_a_language_none_of_its_translations_has() {
        let original = good();
        let german = version("drucker-offline", "de", Some("printer-offline"));
        let own_row = version("printer-offline", "en", None);
        assert_eq!(
            translation_problem(&original, &[own_row.clone(), german.clone()]),
            None
        );
        let now_german = ArticleDraft {
            locale: "de".into(),
            ..original
        };
        let said = translation_problem(&now_german, &[own_row, german]).unwrap();
        assert_eq!(said.id(), Some("error-article-already-in-language"));
        assert!(format!("{said:?}").contains("drucker-offline"));
    }

    #[test]
    fn language_and_original_are_checked_in_the_form() {
        let unknown = ArticleDraft {
            locale: "xx".into(),
            translation_of: "Not A Slug".into(),
            ..good()
        };
        let errors = validate_article(&unknown, None, &LANGUAGES).unwrap_err();
        assert!(
            format!("{:?}", errors["locale"]).contains("en, de"),
            "{errors:?}"
        );
        assert_eq!(
            errors["translation_of"].id(),
            Some("error-article-original-slug")
        );
        let itself = ArticleDraft {
            translation_of: "printer-offline".into(),
            ..good()
        };
        let errors = validate_article(&itself, None, &LANGUAGES).unwrap_err();
        assert_eq!(
            errors["translation_of"].id(),
            Some("error-article-translates-itself")
        );
    }

    #[test]
    fn a_complete_draft_passes() {
        let known = vec!["printer-access".to_string()];
        assert_eq!(validate_article(&good(), Some(&known), &LANGUAGES), Ok(()));
    }

    #[test]
    fn each_bad_field_is_named() {
        let draft = ArticleDraft {
            slug: "Printer Offline".into(),
            title: "  ".into(),
            summary: "short".into(),
            category: "".into(),
            tags: (0..13)
                .map(|i| format!("t{i}"))
                .collect::<Vec<_>>()
                .join(","),
            related_items: "no-such-item".into(),
            body_md: " \n".into(),
            state: "deleted".into(),
            locale: "en".into(),
            translation_of: String::new(),
        };
        let errors = validate_article(&draft, Some(&[]), &LANGUAGES).unwrap_err();
        let keys: Vec<&str> = errors.keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            [
                "body_md",
                "category",
                "related_items",
                "slug",
                "state",
                "summary",
                "tags",
                "title"
            ]
        );
        assert!(format!("{:?}", errors["related_items"]).contains("no-such-item"));
    }

    #[test]
    fn lists_are_trimmed_and_deduplicated() {
        assert_eq!(
            split_list(" printer, offline ,,Printer"),
            ["printer", "offline"]
        );
    }

    #[test]
    fn slugs_come_from_titles() {
        assert_eq!(
            slug_from_title("Wi-Fi drops in the café!"),
            "wi-fi-drops-in-the-cafe"
        );
        assert!(is_slug(&slug_from_title("  ---Ünïcode  title--- ")));
        assert!(!is_slug("double--hyphen"));
        assert!(!is_slug("-leading"));
    }
}
