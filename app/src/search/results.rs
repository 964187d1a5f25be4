//! A page of search results as the portal shows them: the same function answers on the server
//! and, from the local snapshot, in the browser when the server cannot be reached, so both
//! look alike.

use super::text::Language;
use super::{snippet, DocKind, SearchIndex, SearchOptions, Segment};
use serde::{Deserialize, Serialize};

/// Longest query the portal searches for; longer ones are refused with a message.
pub const MAX_QUERY_CHARS: usize = 200;
const SNIPPET_WORDS: usize = 24;
/// How many hits the category counts are taken over.
const FACET_DEPTH: usize = 200;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ResultView {
    pub kind: DocKind,
    pub key: String,
    pub title: String,
    pub url: String,
    pub category: String,
    pub snippet: Vec<Segment>,
    /// The language it is written in (a result in another language than the page's is marked
    /// as such for screen readers).
    #[serde(default)]
    pub locale: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchResults {
    pub query: String,
    pub category: Option<String>,
    pub results: Vec<ResultView>,
    /// Categories of every match (before the category filter), with their counts, largest first.
    pub categories: Vec<(String, usize)>,
}

/// A query someone typed elsewhere and the portal records (a form's describing fields, the
/// search an article was opened from): trimmed and cut to `MAX_QUERY_CHARS`, not refused, since
/// what it comes with counts either way.
pub fn clip_query(query: &str) -> String {
    query.trim().chars().take(MAX_QUERY_CHARS).collect()
}

impl ResultView {
    /// The result's link from the results of `query`. An article's carries the query, so its
    /// "Did this help?" can say what was searched for (a yes teaches search: `search::learned`).
    pub fn link(&self, query: &str) -> String {
        let query = query.trim();
        if self.kind == DocKind::Article && !query.is_empty() {
            format!("{}?q={}", self.url, crate::url::encode(query))
        } else {
            self.url.clone()
        }
    }
}

pub fn url_of(kind: DocKind, key: &str) -> String {
    match kind {
        DocKind::Article => format!("/kb/{key}"),
        DocKind::Item => format!("/catalog/{key}"),
    }
}

/// The first `limit` results of `query` with `synonyms` in place of the index's own groups
/// (the editors' preview), shown as the search page shows them.
pub fn ranked(
    index: &SearchIndex,
    query: &str,
    synonyms: &super::Synonyms,
    limit: usize,
) -> Vec<ResultView> {
    let options = SearchOptions {
        limit,
        ..SearchOptions::default()
    };
    index
        .search_with(query, &options, synonyms)
        .iter()
        .map(|hit| result_view(index, hit))
        .collect()
}

fn result_view(index: &SearchIndex, hit: &super::Hit) -> ResultView {
    let doc = index.doc(hit.doc);
    ResultView {
        kind: doc.kind,
        key: doc.key.clone(),
        title: doc.title.clone(),
        url: url_of(doc.kind, &doc.key),
        category: doc.category.clone(),
        snippet: snippet(&doc.summary, &hit.matched, SNIPPET_WORDS, doc.language),
        locale: doc.language.locale().to_string(),
    }
}

/// Ranks `query` over `index` for a reader of `language`, optionally within one category.
/// `typing`: the query is still being typed, so its last word may be the start of a longer one.
pub fn run(
    index: &SearchIndex,
    query: &str,
    category: Option<&str>,
    limit: usize,
    typing: bool,
    language: Language,
) -> SearchResults {
    let all = index.search(
        query,
        &SearchOptions {
            limit: FACET_DEPTH,
            typing,
            language,
            ..SearchOptions::default()
        },
    );
    let query = query.trim();
    let mut categories: Vec<(String, usize)> = Vec::new();
    for hit in &all {
        let c = &index.doc(hit.doc).category;
        match categories.iter_mut().find(|(name, _)| name == c) {
            Some((_, n)) => *n += 1,
            None => categories.push((c.clone(), 1)),
        }
    }
    categories.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let results = all
        .iter()
        .filter(|hit| category.is_none_or(|c| index.doc(hit.doc).category == c))
        .take(limit)
        .map(|hit| result_view(index, hit))
        .collect();
    SearchResults {
        query: query.to_string(),
        category: category.map(str::to_string),
        results,
        categories,
    }
}

/// A category's name for people: the slugs are short ("pos", "wifi").
pub fn category_label(slug: &str) -> String {
    match slug {
        "pos" => "POS terminals".into(),
        "wifi" => "Wi-Fi".into(),
        "vpn" => "VPN".into(),
        "email" => "Email".into(),
        "store-systems" => "Store systems".into(),
        other => {
            let text = other.replace('-', " ");
            let mut chars = text.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect(),
                None => String::new(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn result(kind: DocKind, key: &str) -> ResultView {
        ResultView {
            kind,
            key: key.into(),
            title: String::new(),
            url: url_of(kind, key),
            category: String::new(),
            snippet: Vec::new(),
            locale: "en".into(),
        }
    }

    #[test]
    fn a_recorded_query_is_trimmed_and_cut() {
        assert_eq!(clip_query("  till stuck \n"), "till stuck");
        let long = "é".repeat(MAX_QUERY_CHARS + 5);
        assert_eq!(clip_query(&long).chars().count(), MAX_QUERY_CHARS);
    }

    #[test]
    fn an_article_found_by_a_search_carries_the_search_and_an_item_does_not() {
        let article = result(DocKind::Article, "printer-offline");
        assert_eq!(
            article.link(" pritner wont print "),
            "/kb/printer-offline?q=pritner%20wont%20print"
        );
        assert_eq!(article.link("  "), "/kb/printer-offline");
        let item = result(DocKind::Item, "laptop");
        assert_eq!(item.link("laptop"), "/catalog/laptop");
    }
}
