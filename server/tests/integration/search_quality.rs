//! Search quality on the demo knowledge base: every query of `seed/kb-queries.toml` (typos,
//! plurals, other word forms, words far apart, split and joined words, wrong accents, prefixes,
//! symptoms in the person's own words, error codes written another way) names the article a
//! person typing it wants, and that article must be in the top three for at least 95 % of them,
//! and for at least 80 % of the symptom descriptions alone. The index is built the way the
//! server's store builds it (published articles; title, tags, summary, Markdown body, category;
//! the starter synonym groups), straight from the seed folder, so the test needs no database.
//! Each run prints the hit rate and the mean reciprocal rank per kind.
//!
//! A failure lists every miss with what came back instead. Before "fixing" a miss in the engine,
//! check the query is fair: a person who typed it should really want that article.

use app::search::text::Language;
use app::search::{DocKind, Document, SearchIndex, SearchOptions, Synonyms};
use serde::Deserialize;
use server::kb_import::read_folder;
use std::path::Path;

const MIN_QUERIES: usize = 40;
const MIN_HIT_RATE: f64 = 0.95;
const MIN_SYMPTOM_HIT_RATE: f64 = 0.80;
/// German queries against the German versions (issue 21): German word forms, compounds
/// written apart, umlauts typed without dots.
const MIN_GERMAN_QUERIES: usize = 8;
const MIN_GERMAN_HIT_RATE: f64 = 0.90;
const TOP: usize = 3;
/// How deep the reciprocal rank looks: an article further down counts as not found.
const RANKED: usize = 10;

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
    /// The reader's language; English when not given.
    #[serde(default)]
    lang: Option<String>,
}

impl Query {
    fn language(&self) -> Language {
        Language::of_locale(self.lang.as_deref().unwrap_or("en"))
    }

    fn options(&self, limit: usize) -> SearchOptions {
        SearchOptions {
            limit,
            typing: self.typing,
            kind: Some(DocKind::Article),
            category: None,
            language: self.language(),
        }
    }
}

fn seed(path: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("seed")
        .join(path)
}

/// The same mapping as `search_documents` in `store/sql.rs`, for articles, with the synonym
/// groups a new installation starts with.
fn index() -> SearchIndex {
    let mut index = index_without_synonyms();
    index.set_synonyms(Synonyms::compile(&server::starter::synonym_groups()));
    index
}

fn index_without_synonyms() -> SearchIndex {
    let articles = read_folder(&seed("kb")).expect("the demo articles parse");
    let documents: Vec<Document> = articles
        .into_iter()
        .filter(|a| a.state == app::backend::store::ArticleState::Published)
        .map(|a| Document {
            language: Language::of_locale(&a.locale),
            group: a.group().to_string(),
            key: a.slug,
            kind: DocKind::Article,
            title: a.title,
            tags: a.tags,
            summary: a.summary,
            body: a.body_md,
            category: a.category,
            learned: Vec::new(),
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

/// Where the query's article ranks (1 is first), or `None` beyond `RANKED`.
fn rank(index: &SearchIndex, q: &Query, synonyms: &Synonyms) -> Option<usize> {
    index
        .search_with(&q.q, &q.options(RANKED), synonyms)
        .iter()
        .position(|h| index.doc(h.doc).key == q.expect)
        .map(|p| p + 1)
}

/// Hit rate in the top three and mean reciprocal rank of some queries.
fn figures<'a>(ranks: impl Iterator<Item = &'a Option<usize>>) -> (usize, usize, f64) {
    let (mut count, mut hits, mut reciprocal) = (0, 0, 0.0);
    for r in ranks {
        count += 1;
        if r.is_some_and(|r| r <= TOP) {
            hits += 1;
        }
        reciprocal += r.map_or(0.0, |r| 1.0 / r as f64);
    }
    (count, hits, reciprocal / count.max(1) as f64)
}

#[test]
fn the_expected_article_is_in_the_top_three_for_95_percent_of_queries() {
    let index = index();
    let queries = queries();
    let ranks: Vec<Option<usize>> = queries
        .iter()
        .map(|q| rank(&index, q, index.synonyms()))
        .collect();
    let mut kinds: Vec<&str> = queries.iter().map(|q| q.kind.as_str()).collect();
    kinds.sort();
    kinds.dedup();
    for kind in &kinds {
        let (count, hits, mrr) = figures(
            queries
                .iter()
                .zip(&ranks)
                .filter(|(q, _)| q.kind == *kind)
                .map(|(_, r)| r),
        );
        println!("{kind:>14}: {hits:>3} of {count:>3} in the top {TOP}, MRR {mrr:.3}");
    }
    let (count, hits, mrr) = figures(ranks.iter());
    let hit_rate = hits as f64 / count as f64;
    let report = format!(
        "{hits} of {count} queries found their article in the top {TOP} ({:.1} %), MRR {mrr:.3}",
        hit_rate * 100.0
    );
    println!("{report}");
    let misses: Vec<String> = queries
        .iter()
        .zip(&ranks)
        .filter(|(_, r)| !r.is_some_and(|r| r <= TOP))
        .map(|(q, _)| {
            let found: Vec<String> = index
                .search(&q.q, &q.options(TOP))
                .iter()
                .map(|h| format!("{} ({:.2})", index.doc(h.doc).key, h.score))
                .collect();
            format!(
                "  [{}] {:?}: expected {}, got {}",
                q.kind,
                q.q,
                q.expect,
                if found.is_empty() {
                    "nothing".to_string()
                } else {
                    found.join(", ")
                }
            )
        })
        .collect();
    for miss in &misses {
        println!("{miss}");
    }
    assert!(
        hit_rate >= MIN_HIT_RATE,
        "{report}, at least {:.0} % wanted. Misses:\n{}",
        MIN_HIT_RATE * 100.0,
        misses.join("\n")
    );
    let (count, hits, _) = figures(
        queries
            .iter()
            .zip(&ranks)
            .filter(|(q, _)| q.kind == "symptom")
            .map(|(_, r)| r),
    );
    assert!(
        count >= 30 && hits as f64 >= MIN_SYMPTOM_HIT_RATE * count as f64,
        "symptoms: {hits} of {count} in the top {TOP}, at least {:.0} % of 30 or more wanted",
        MIN_SYMPTOM_HIT_RATE * 100.0
    );
    let (count, hits, _) = figures(
        queries
            .iter()
            .zip(&ranks)
            .filter(|(q, _)| q.language() == Language::German)
            .map(|(_, r)| r),
    );
    println!("German: {hits} of {count} in the top {TOP}");
    assert!(
        count >= MIN_GERMAN_QUERIES && hits as f64 >= MIN_GERMAN_HIT_RATE * count as f64,
        "German: {hits} of {count} in the top {TOP}, at least {:.0} % of {MIN_GERMAN_QUERIES} or more wanted",
        MIN_GERMAN_HIT_RATE * 100.0
    );
}

/// A German reader is shown the German version of an article that has one, never its English
/// original beside it, and finds it by its German title; an English reader is shown the
/// English original.
#[test]
fn each_reader_gets_one_version_of_a_translated_article() {
    let index = index();
    let groups: Vec<(String, String)> = read_folder(&seed("kb"))
        .expect("the demo articles parse")
        .into_iter()
        .filter_map(|a| a.translation_of.clone().map(|original| (a.slug, original)))
        .collect();
    assert!(groups.len() >= 5, "{} German versions", groups.len());
    let keys = |query: &str, language: Language| -> Vec<String> {
        let options = SearchOptions {
            limit: 20,
            kind: Some(DocKind::Article),
            language,
            ..SearchOptions::default()
        };
        index
            .search(query, &options)
            .iter()
            .map(|h| index.doc(h.doc).key.clone())
            .collect()
    };
    for (german, english) in &groups {
        let title = &index
            .doc(
                (0..index.len())
                    .find(|&n| index.doc(n).key == *english)
                    .unwrap(),
            )
            .title;
        let for_english = keys(title, Language::English);
        assert!(
            for_english.contains(english),
            "{title:?} in English: {for_english:?}"
        );
        assert!(
            !for_english.contains(german),
            "{title:?} in English: {for_english:?}"
        );
        // The English original only when nothing the German reader is shown matches (the
        // fallback to every language), so never beside its German version.
        let for_german = keys(title, Language::German);
        assert!(
            !(for_german.contains(english) && for_german.contains(german)),
            "{title:?} in German: {for_german:?}"
        );
        let in_german = &index
            .doc(
                (0..index.len())
                    .find(|&n| index.doc(n).key == *german)
                    .unwrap(),
            )
            .title;
        let found = keys(in_german, Language::German);
        assert_eq!(
            found.first(),
            Some(german),
            "{in_german:?} in German: {found:?}"
        );
    }
}

/// Each starter group against the set without it: a group whose presence pushes a query's
/// article out of the top three, or lowers it at all for a query that does not need synonyms
/// (every kind but symptoms), means something else to someone; tighten it. Among symptom
/// queries, whose words only the groups connect to the article, several groups compete, and
/// one may cost another a place within the top three. (Alone
/// against no groups would be the wrong test: "till" alone widens "register is dead" to every
/// till article, which the group for "dead" then narrows.)
#[test]
fn no_starter_synonym_group_makes_a_query_rank_its_article_lower() {
    let index = index_without_synonyms();
    let queries = queries();
    let groups = server::starter::synonym_groups();
    let all = Synonyms::compile(&groups);
    let with: Vec<Option<usize>> = queries.iter().map(|q| rank(&index, q, &all)).collect();
    let mut worse = Vec::new();
    for (n, group) in groups.iter().enumerate() {
        let mut others = groups.clone();
        others.remove(n);
        let without = Synonyms::compile(&others);
        for (q, now) in queries.iter().zip(&with) {
            let now = *now;
            let was = &rank(&index, q, &without);
            let in_top = |r: Option<usize>| r.is_some_and(|r| r <= TOP);
            let lower = match (was, now) {
                (Some(_), _) if in_top(*was) && !in_top(now) => true,
                (Some(was), Some(now)) => now > *was && q.kind != "symptom",
                (Some(_), None) => true,
                (None, _) => false,
            };
            if lower {
                worse.push(format!(
                    "  {group:?} moves {:?} from {was:?} to {now:?}",
                    q.q
                ));
            }
        }
    }
    assert!(worse.is_empty(), "groups that hurt:\n{}", worse.join("\n"));
}
