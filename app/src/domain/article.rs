//! What makes an article acceptable, checked as the editor types and again on the server.

use super::validation::FieldErrors;
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
/// has them (the server always does).
pub fn validate_article(
    draft: &ArticleDraft,
    known_items: Option<&[String]>,
) -> Result<(), FieldErrors> {
    let mut errors = FieldErrors::new();
    let mut check = |key: &str, problem: Option<String>| {
        if let Some(p) = problem {
            errors.insert(key.to_string(), p);
        }
    };
    check(
        "slug",
        (!is_slug(&draft.slug)).then(|| {
            format!("Use lowercase letters, digits and hyphens, at most {MAX_SLUG} characters (for example printer-offline).")
        }),
    );
    check(
        "title",
        length_problem(&draft.title, "a title", 3, MAX_TITLE),
    );
    check(
        "summary",
        length_problem(&draft.summary, "a one-sentence summary", 10, MAX_SUMMARY),
    );
    check(
        "category",
        (!is_slug(&draft.category)).then(|| "Choose a category.".to_string()),
    );
    let tags = split_list(&draft.tags);
    check(
        "tags",
        if tags.len() > MAX_TAGS {
            Some(format!("Use at most {MAX_TAGS} tags."))
        } else {
            tags.iter()
                .find(|t| t.chars().count() > MAX_TAG)
                .map(|t| format!("The tag “{t}” is longer than {MAX_TAG} characters."))
        },
    );
    let related = split_list(&draft.related_items);
    check(
        "related_items",
        known_items.and_then(|known| {
            related.iter().find(|r| !known.contains(r)).map(|r| {
                format!("There is no catalog item “{r}”. Use the item's slug, as in its address.")
            })
        }),
    );
    check(
        "body_md",
        if draft.body_md.trim().is_empty() {
            Some("Write the article's text.".into())
        } else if draft.body_md.chars().count() > MAX_BODY {
            Some(format!(
                "The text is longer than {MAX_BODY} characters; split it into two articles."
            ))
        } else {
            None
        },
    );
    check(
        "state",
        (!matches!(draft.state.as_str(), "draft" | "published" | "retired"))
            .then(|| "Choose draft, published or retired.".to_string()),
    );
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

fn length_problem(value: &str, what: &str, min: usize, max: usize) -> Option<String> {
    let n = value.trim().chars().count();
    if n == 0 {
        Some(format!("Give {what}."))
    } else if n < min {
        Some(format!("Use at least {min} characters."))
    } else if n > max {
        Some(format!("Use at most {max} characters (now {n})."))
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
        }
    }

    #[test]
    fn a_complete_draft_passes() {
        let known = vec!["printer-access".to_string()];
        assert_eq!(validate_article(&good(), Some(&known)), Ok(()));
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
        };
        let errors = validate_article(&draft, Some(&[])).unwrap_err();
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
        assert!(errors["related_items"].contains("no-such-item"));
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
