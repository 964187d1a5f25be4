//! Knowledge articles as readers and editors see them, the search snapshot a device keeps, and the
//! steps of the deflection funnel.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

impl ArticleView {
    /// The slug of the version a reader of `locale` is shown instead of this one: theirs, when
    /// this is in another language and has one (the server and the device's snapshot pick
    /// alike). `exact`: the reader chose this version, so none.
    pub fn version_for(&self, locale: &str, exact: bool) -> Option<&str> {
        version_for(&self.locale, &self.versions, locale, exact)
    }
}

/// `ArticleView::version_for` of an article written in `written_in` with these `versions`,
/// for the server to choose before it renders anything.
pub fn version_for<'a>(
    written_in: &str,
    versions: &'a [ArticleVersion],
    reader: &str,
    exact: bool,
) -> Option<&'a str> {
    if exact || written_in == reader {
        return None;
    }
    versions
        .iter()
        .find(|v| v.locale == reader)
        .map(|v| v.slug.as_str())
}

/// An article in another language, linked from its translations.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleVersion {
    pub slug: String,
    pub locale: String,
    pub title: String,
}

/// A published knowledge article as its page shows it. `html` is already sanitised.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleView {
    pub slug: String,
    /// The language it is written in.
    pub locale: String,
    /// The same article in other languages (published ones only).
    pub versions: Vec<ArticleVersion>,
    pub title: String,
    pub summary: String,
    pub html: String,
    pub category: String,
    pub tags: Vec<String>,
    /// Catalog items to order when the article does not solve it: (slug, name).
    pub related_items: Vec<(String, String)>,
    pub revision: i64,
    pub updated_at: chrono::DateTime<chrono::Utc>,
    /// Views written so far (counts reach the database in batches, see `backend::views`).
    pub views: i64,
}

/// A step of the deflection funnel: an article suggested beside a form, opened from there,
/// "This solved it", or the form sent anyway.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeflectionKind {
    Shown,
    Opened,
    Solved,
    Submitted,
}

impl DeflectionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DeflectionKind::Shown => "shown",
            DeflectionKind::Opened => "opened",
            DeflectionKind::Solved => "solved",
            DeflectionKind::Submitted => "submitted",
        }
    }
}

/// The search index as the browser keeps it in IndexedDB, with the content version it was
/// built from.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct SearchSnapshot {
    pub version: i64,
    pub index: crate::search::SearchIndex,
}

/// A row of the editors' article list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleListView {
    pub slug: String,
    pub title: String,
    pub category: String,
    pub state: String,
    pub revision: i64,
    pub updated_at: DateTime<Utc>,
    pub views: i64,
    pub helpful: i64,
    pub not_helpful: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RevisionView {
    pub revision: i64,
    pub title: String,
    /// Empty for revisions saved before states were recorded.
    pub state: String,
    pub author: String,
    pub created_at: DateTime<Utc>,
}

/// An article open in the editor.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleEditView {
    pub draft: crate::domain::article::ArticleDraft,
    pub revision: i64,
    pub views: i64,
    pub revisions: Vec<RevisionView>,
    /// The article's translations, or for a translation its original and the others.
    pub versions: Vec<ArticleVersion>,
}
