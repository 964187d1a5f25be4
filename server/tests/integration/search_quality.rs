//! Search quality on the demo knowledge base: every query of `seed/kb-queries.toml` (typos,
//! plurals, other word forms, words far apart, split and joined words, wrong accents, prefixes)
//! names the article a person typing it wants, and that article must be in the top three for
//! at least 95 % of them. The index is built the way the server's store builds it (published
//! articles; title, tags, summary, Markdown body, category), straight from the seed folder, so
//! the test needs no database.
//!
//! A failure lists every miss with what came back instead. Before "fixing" a miss in the engine,
//! check the query is fair: a person who typed it should really want that article.

use app::search::{DocKind, Document, SearchIndex, SearchOptions};
use serde::Deserialize;
use server::kb_import::read_folder;
use std::path::Path;

const MIN_QUERIES: usize = 40;
const MIN_HIT_RATE: f64 = 0.95;
const TOP: usize = 3;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QueryFile {
    query: Vec<Query>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Query {
    q: String,
    expect: String,
    kind: String,
    /// Searched as while typing: the last word may be the start of a longer one.
    #[serde(default)]
    typing: bool,
}

fn seed(path: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("seed")
        .join(path)
}

/// The same mapping as `search_documents` in `store/sql.rs`, for articles.
fn index() -> SearchIndex {
    let articles = read_folder(&seed("kb")).expect("the demo articles parse");
    let documents: Vec<Document> = articles
        .into_iter()
        .filter(|a| a.state == app::backend::store::ArticleState::Published)
        .map(|a| Document {
            key: a.slug,
            kind: DocKind::Article,
            title: a.title,
            tags: a.tags,
            summary: a.summary,
            body: a.body_md,
            category: a.category,
        })
        .collect();
    SearchIndex::build(&documents)
}

fn queries() -> Vec<Query> {
    let text = std::fs::read_to_string(seed("kb-queries.toml")).expect("seed/kb-queries.toml");
    toml::from_str::<QueryFile>(&text)
        .expect("kb-queries.toml parses")
        .query
}

#[test]
fn the_query_set_is_big_enough_and_names_real_articles() {
    let index = index();
    let queries = queries();
    assert!(
        queries.len() >= MIN_QUERIES,
        "{} queries, at least {MIN_QUERIES} wanted",
        queries.len()
    );
    let keys: Vec<&str> = (0..index.len())
        .map(|n| index.doc(n).key.as_str())
        .collect();
    for q in &queries {
        assert!(
            keys.contains(&q.expect.as_str()),
            "{:?} expects {:?}, which is not a published article",
            q.q,
            q.expect
        );
        assert!(!q.kind.trim().is_empty(), "{:?} has no kind", q.q);
    }
}

#[test]
fn the_expected_article_is_in_the_top_three_for_95_percent_of_queries() {
    let index = index();
    let queries = queries();
    let mut misses = Vec::new();
    for q in &queries {
        let options = SearchOptions {
            limit: TOP,
            typing: q.typing,
            kind: Some(DocKind::Article),
            category: None,
        };
        let hits = index.search(&q.q, &options);
        let found: Vec<String> = hits
            .iter()
            .map(|h| format!("{} ({:.2})", index.doc(h.doc).key, h.score))
            .collect();
        if !hits.iter().any(|h| index.doc(h.doc).key == q.expect) {
            misses.push(format!(
                "  [{}] {:?}: expected {}, got {}",
                q.kind,
                q.q,
                q.expect,
                if found.is_empty() {
                    "nothing".to_string()
                } else {
                    found.join(", ")
                }
            ));
        }
    }
    let hit_rate = (queries.len() - misses.len()) as f64 / queries.len() as f64;
    let report = format!(
        "{} of {} queries found their article in the top {TOP} ({:.1} %)",
        queries.len() - misses.len(),
        queries.len(),
        hit_rate * 100.0
    );
    println!("{report}");
    for miss in &misses {
        println!("{miss}");
    }
    assert!(
        hit_rate >= MIN_HIT_RATE,
        "{report}, at least {:.0} % wanted. Misses:\n{}",
        MIN_HIT_RATE * 100.0,
        misses.join("\n")
    );
}
