//! What happened around the tickets in the knowledge base: the deflection funnel beside the
//! forms (articles shown, some opened, some "this solved it" so no ticket came, some forms
//! sent anyway) and the searches people ran, some of which found nothing.
//!
//! Searches use real queries (`seed/kb-queries.toml`, what people type) and a few the demo
//! knowledge base has no answer for; each is run once through the portal's own search over the
//! database's articles, so a logged result count is what a person would have seen.

use super::population::{Draft, Population};
use super::reference::Reference;
use super::{shape, words, Batch, HistoryTicket, SearchRow};
use crate::store::Housekeeping;
use app::backend::store::DeflectionEvent;
use app::model::DeflectionKind;
use app::search::SearchIndex;
use chrono::{DateTime, Duration, Utc};
use rand::seq::SliceRandom;
use rand::Rng;
use serde::Deserialize;
use std::path::Path;

/// Forms whose describing text brought up suggestions before they were sent.
const FUNNEL_BEFORE_TICKET: f64 = 0.45;
/// Of those, the ones where an article was opened.
const OPENED_BEFORE_TICKET: f64 = 0.3;
/// Visits that saw suggestions and raised nothing, per ticket.
const VISIT_WITHOUT_TICKET: f64 = 0.22;
/// Of those, the ones that opened an article, and of those the ones it solved.
const OPENED_WITHOUT_TICKET: f64 = 0.75;
const SOLVED: f64 = 0.65;
/// Tickets preceded by a knowledge search, and by a search that found nothing.
const SEARCHED: f64 = 0.5;
const SEARCHED_IN_VAIN: f64 = 0.12;
/// The portal's search page shows this many results.
const RESULTS_PAGE: usize = 30;

/// Things people look for that the demo knowledge base does not cover. The search is lenient
/// (typos, word forms, any word), so most phrases find something; only those that really find
/// nothing are used.
const UNANSWERED: &[&str] = &[
    "payslips",
    "uniform",
    "cctv",
    "planogram",
    "tannoy",
    "hht",
    "fridge temperature alarm",
    "defibrillator",
    "trolley bay",
    "tachograph",
    "chiller",
    "defrost",
];

#[derive(Deserialize)]
struct QueryFile {
    #[serde(default)]
    query: Vec<KnownQuery>,
}

#[derive(Clone, Deserialize)]
struct KnownQuery {
    q: String,
    expect: String,
}

pub struct Searches {
    /// (query, results, the article that answers it)
    known: Vec<(String, i64, String)>,
    unanswered: Vec<String>,
}

impl Searches {
    pub async fn new(store: &dyn Housekeeping, seed_dir: &Path) -> Result<Self, crate::BoxError> {
        let (_, documents) = store.search_documents().await?;
        let index = SearchIndex::build(&documents);
        let count = |q: &str| {
            app::search::results::run(&index, q, None, RESULTS_PAGE, false, Default::default())
                .results
                .len() as i64
        };
        // Without the query file (an edited seed folder) the history has no known queries.
        let queries: Vec<KnownQuery> = std::fs::read_to_string(seed_dir.join("kb-queries.toml"))
            .ok()
            .and_then(|text| toml::from_str::<QueryFile>(&text).ok())
            .map(|f| f.query)
            .unwrap_or_default();
        Ok(Searches {
            known: queries
                .into_iter()
                .map(|k| {
                    let n = count(&k.q);
                    (k.q, n, k.expect)
                })
                .collect(),
            unanswered: UNANSWERED
                .iter()
                .filter(|q| count(q) == 0)
                .map(|q| q.to_string())
                .collect(),
        })
    }

    /// What someone reporting `item` typed: a real query one of its articles answers, else
    /// the item's name.
    fn query_for(&self, rng: &mut impl Rng, articles: &[&str], item_name: &str) -> String {
        let fitting: Vec<&String> = self
            .known
            .iter()
            .filter(|(_, _, expect)| articles.contains(&expect.as_str()))
            .map(|(q, _, _)| q)
            .collect();
        fitting
            .choose(rng)
            .map(|q| q.to_string())
            .unwrap_or_else(|| item_name.to_lowercase())
    }
}

/// The funnels and searches that came with `ticket`, and a visit that raised no ticket now
/// and then, all at or before the ticket's creation.
pub fn around(
    rng: &mut impl Rng,
    reference: &Reference,
    population: &Population,
    searches: &Searches,
    draft: &Draft,
    ticket: &HistoryTicket,
    batch: &mut Batch,
) {
    let item = population.item(draft);
    let articles = reference.articles_for(&item.slug);
    let created = ticket.created_at;
    let minutes_before = |rng: &mut _, range: std::ops::Range<i64>| {
        created - Duration::minutes(Rng::gen_range(rng, range))
    };
    if !articles.is_empty() && shape::chance(rng, FUNNEL_BEFORE_TICKET) {
        let query = searches.query_for(rng, &articles, &item.name);
        let visit = Visit {
            funnel: &ticket.idempotency_key,
            user_id: ticket.requester_id,
            item_slug: &item.slug,
            query: &query,
        };
        let shown = minutes_before(rng, 8..15);
        let opened = shape::chance(rng, OPENED_BEFORE_TICKET).then(|| minutes_before(rng, 2..7));
        visit.steps(rng, &articles, shown, opened, None, batch);
        batch
            .deflection
            .push(visit.event(DeflectionKind::Submitted, None, created));
    }
    if !articles.is_empty() && shape::chance(rng, VISIT_WITHOUT_TICKET) {
        // Someone else with the same trouble, some hours earlier, who raised nothing.
        let funnel = words::idempotency_key(rng);
        let query = searches.query_for(rng, &articles, &item.name);
        // Early enough that opening and solving are over before the ticket's own time.
        let shown = created - Duration::minutes(rng.gen_range(20..72 * 60));
        let opened = shape::chance(rng, OPENED_WITHOUT_TICKET)
            .then(|| shown + Duration::seconds(rng.gen_range(20..300)));
        let solved = opened
            .filter(|_| shape::chance(rng, SOLVED))
            .map(|at| at + Duration::seconds(rng.gen_range(30..600)));
        let visit = Visit {
            funnel: &funnel,
            user_id: population.someone_like(rng, draft),
            item_slug: &item.slug,
            query: &query,
        };
        visit.steps(rng, &articles, shown, opened, solved, batch);
    }
    if shape::chance(rng, SEARCHED) {
        if let Some((query, results, _)) = searches.known.choose(rng) {
            batch.searches.push(SearchRow {
                query: query.clone(),
                results: *results,
                at: minutes_before(rng, 1..30),
            });
        }
    }
    if shape::chance(rng, SEARCHED_IN_VAIN) {
        if let Some(query) = searches.unanswered.choose(rng) {
            batch.searches.push(SearchRow {
                query: query.clone(),
                results: 0,
                at: minutes_before(rng, 1..60),
            });
        }
    }
}

/// One form visit's funnel.
struct Visit<'v> {
    funnel: &'v str,
    user_id: i64,
    item_slug: &'v str,
    query: &'v str,
}

impl Visit<'_> {
    fn event(
        &self,
        kind: DeflectionKind,
        article: Option<&str>,
        at: DateTime<Utc>,
    ) -> DeflectionEvent {
        DeflectionEvent {
            funnel: self.funnel.to_string(),
            kind,
            user_id: self.user_id,
            item_slug: self.item_slug.to_string(),
            query: self.query.to_string(),
            article_slug: article.map(str::to_string),
            now: at,
        }
    }

    /// Up to three articles shown, the first of them opened (if `opened`) and solving it (if
    /// `solved`).
    fn steps(
        &self,
        rng: &mut impl Rng,
        articles: &[&str],
        shown: DateTime<Utc>,
        opened: Option<DateTime<Utc>>,
        solved: Option<DateTime<Utc>>,
        batch: &mut Batch,
    ) {
        let count = rng.gen_range(1..=articles.len().min(3));
        let picked: Vec<&str> = articles.choose_multiple(rng, count).copied().collect();
        for slug in &picked {
            batch
                .deflection
                .push(self.event(DeflectionKind::Shown, Some(slug), shown));
        }
        if let Some(at) = opened {
            batch
                .deflection
                .push(self.event(DeflectionKind::Opened, Some(picked[0]), at));
        }
        if let Some(at) = solved {
            batch
                .deflection
                .push(self.event(DeflectionKind::Solved, Some(picked[0]), at));
        }
    }
}
