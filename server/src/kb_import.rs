//! Knowledge articles from a folder of Markdown files with TOML front matter between `+++`
//! lines (title, slug, summary, category, tags, related_items, and optionally state). The
//! slug is the identity: importing the same folder again updates articles that changed and
//! leaves the rest alone, so nothing is duplicated.

use crate::store::Housekeeping;
use app::backend::store::{ArticleInput, ArticleState, Expect, Saved, StoreError};
use chrono::Utc;
use serde::Deserialize;
use std::path::Path;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    title: String,
    slug: String,
    summary: String,
    category: String,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    related_items: Vec<String>,
    #[serde(default)]
    state: Option<String>,
    /// The language it is written in; English when not given.
    #[serde(default)]
    locale: Option<String>,
    /// The slug of the original it translates.
    #[serde(default)]
    translation_of: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("reading {0}: {1}")]
    Read(String, std::io::Error),
    #[error("{0}: {1}")]
    Invalid(String, String),
    #[error("{0}")]
    Store(#[from] StoreError),
}

#[derive(Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Files that were not imported: (file, reason).
    pub rejected: Vec<(String, String)>,
}

/// Parses one file's text; `name` is the file name without `.md`, which must equal the slug.
pub fn parse_article(name: &str, text: &str) -> Result<ArticleInput, String> {
    let text = text.trim_start_matches('\u{feff}');
    let rest = text
        .strip_prefix("+++")
        .ok_or("the file must start with +++ front matter")?;
    let (front, body) = rest
        .split_once("\n+++")
        .ok_or("the front matter has no closing +++")?;
    let meta: FrontMatter = toml::from_str(front).map_err(|e| e.to_string())?;
    if meta.slug != name {
        return Err(format!("slug {:?} differs from the file name", meta.slug));
    }
    let slug_ok = !meta.slug.is_empty()
        && meta
            .slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !slug_ok {
        return Err("the slug may only hold a-z, 0-9 and hyphens".into());
    }
    for (field, value) in [
        ("title", &meta.title),
        ("summary", &meta.summary),
        ("category", &meta.category),
    ] {
        if value.trim().is_empty() {
            return Err(format!("{field} is empty"));
        }
    }
    let state = match meta.state.as_deref().unwrap_or("published") {
        "published" => ArticleState::Published,
        "draft" => ArticleState::Draft,
        "retired" => ArticleState::Retired,
        other => return Err(format!("unknown state {other:?}")),
    };
    let locale = meta
        .locale
        .unwrap_or_else(|| app::i18n::DEFAULT.to_string());
    if !app::i18n::LANGUAGES.contains(&locale.as_str()) {
        return Err(format!(
            "locale {locale:?} is none of the portal's languages ({})",
            app::i18n::LANGUAGES.join(", ")
        ));
    }
    if meta.translation_of.as_deref() == Some(meta.slug.as_str()) {
        return Err("an article cannot be a translation of itself".into());
    }
    Ok(ArticleInput {
        locale,
        translation_of: meta.translation_of,
        slug: meta.slug,
        title: meta.title.trim().into(),
        summary: meta.summary.trim().into(),
        body_md: body.trim_start_matches(['\r', '\n']).trim_end().to_string() + "\n",
        category: meta.category,
        tags: meta.tags,
        related_items: meta.related_items,
        state,
    })
}

/// What a folder holds: the articles that parsed, and each file that did not with the reason.
#[derive(Debug, Default)]
pub struct Folder {
    pub articles: Vec<ArticleInput>,
    pub rejected: Vec<(String, String)>,
}

/// Every `*.md` file of `dir`, parsed; a broken file is set aside with its reason, so one bad
/// file does not hold back the rest.
pub fn scan_folder(dir: &Path) -> Result<Folder, ImportError> {
    let read_err = |e| ImportError::Read(dir.display().to_string(), e);
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map_err(read_err)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    paths.sort();
    let mut folder = Folder::default();
    for path in &paths {
        let shown = path.display().to_string();
        let name = path.file_stem().unwrap_or_default().to_string_lossy();
        let parsed = std::fs::read_to_string(path)
            .map_err(|e| e.to_string())
            .and_then(|text| parse_article(&name, &text));
        match parsed {
            Ok(article) => folder.articles.push(article),
            Err(reason) => folder.rejected.push((shown, reason)),
        }
    }
    Ok(folder)
}

/// Every `*.md` file of `dir`, all of which must parse (the demo data and the benchmarks).
pub fn read_folder(dir: &Path) -> Result<Vec<ArticleInput>, ImportError> {
    let folder = scan_folder(dir)?;
    match folder.rejected.into_iter().next() {
        Some((file, reason)) => Err(ImportError::Invalid(file, reason)),
        None => Ok(folder.articles),
    }
}

/// Imports the good files of the folder as `author_id`; the report lists the bad ones.
pub async fn import(
    store: &dyn Housekeeping,
    dir: &Path,
    author_id: i64,
) -> Result<ImportReport, ImportError> {
    let folder = scan_folder(dir)?;
    let mut report = ImportReport {
        rejected: folder.rejected,
        ..ImportReport::default()
    };
    let now = Utc::now();
    for article in &folder.articles {
        let saved = store
            .save_article(article, Expect::Anything, author_id, now)
            .await?;
        match saved {
            Saved::Created => report.created += 1,
            Saved::Updated { .. } => report.updated += 1,
            Saved::Unchanged => report.unchanged += 1,
            Saved::Conflict { current } => {
                return Err(ImportError::Invalid(
                    article.slug.clone(),
                    format!("conflict at revision {current}, which an import never expects"),
                ))
            }
            Saved::LanguageTaken => {
                return Err(ImportError::Invalid(
                    article.slug.clone(),
                    "another article of its group is already in its language".into(),
                ))
            }
        }
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "+++\ntitle = \"VPN won't connect\"\nslug = \"vpn-wont-connect\"\nsummary = \"When the VPN stops at Connecting.\"\ncategory = \"vpn\"\ntags = [\"vpn\"]\n+++\n\n## Check first\n\nRestart the client.\n";

    #[test]
    fn front_matter_and_body_are_read() {
        let a = parse_article("vpn-wont-connect", GOOD).unwrap();
        assert_eq!(a.title, "VPN won't connect");
        assert_eq!(a.state, ArticleState::Published);
        assert_eq!(a.body_md, "## Check first\n\nRestart the client.\n");
        assert!(a.related_items.is_empty());
    }

    #[test]
    fn mistakes_are_named() {
        let err = parse_article("other-name", GOOD).unwrap_err();
        assert!(err.contains("differs from the file name"), "{err}");
        let err = parse_article("x", "no front matter").unwrap_err();
        assert!(err.contains("+++"), "{err}");
        let unknown = GOOD.replace("tags = [\"vpn\"]", "colour = \"red\"");
        assert!(parse_article("vpn-wont-connect", &unknown).is_err());
        let bad_state = GOOD.replace("tags = [\"vpn\"]", "state = \"maybe\"");
        let err = parse_article("vpn-wont-connect", &bad_state).unwrap_err();
        assert!(err.contains("unknown state"), "{err}");
    }

    #[test]
    fn a_translation_names_its_language_and_original() {
        let english = parse_article("vpn-wont-connect", GOOD).unwrap();
        assert_eq!(
            (english.locale.as_str(), english.translation_of),
            ("en", None)
        );
        let german = GOOD
            .replace("vpn-wont-connect", "vpn-verbindet-nicht")
            .replace(
                "tags = [\"vpn\"]",
                "locale = \"de\"\ntranslation_of = \"vpn-wont-connect\"",
            );
        let a = parse_article("vpn-verbindet-nicht", &german).unwrap();
        assert_eq!(a.locale, "de");
        assert_eq!(a.group(), "vpn-wont-connect");
        let unknown = german.replace("locale = \"de\"", "locale = \"xx\"");
        let err = parse_article("vpn-verbindet-nicht", &unknown).unwrap_err();
        assert!(err.contains("none of the portal's languages"), "{err}");
        let itself = german.replace(
            "translation_of = \"vpn-wont-connect\"",
            "translation_of = \"vpn-verbindet-nicht\"",
        );
        assert!(parse_article("vpn-verbindet-nicht", &itself).is_err());
    }

    #[test]
    fn the_shipped_knowledge_base_parses() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seed/kb");
        let articles = read_folder(&dir).expect("demo articles parse");
        assert!(articles.len() >= 60, "{} articles", articles.len());
    }
}
