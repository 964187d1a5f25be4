//! Learning from outcomes: the words people typed before an article solved their problem
//! become words of that article, so the next person who describes it the same way finds it.
//!
//! Evidence is a query and the article that answered it ("This solved it" beside a form, or an
//! article opened from a form that was then not sent). Each word of the query counts for the
//! article by how many different people typed it, each person's weight capped, each piece of
//! evidence fading with a half-life: one person cannot push an article up alone, however often
//! they click, and what people typed years ago gives way to what they type now. A word that
//! passes becomes an index term of the article's tags field, repeated by its weight, so it
//! ranks through the same BM25 as everything else, on the server and in the browser's snapshot.

use super::text::terms;
use chrono::{DateTime, Utc};
use std::collections::{BTreeMap, HashMap};

/// How fast evidence fades: half its weight after this many days.
pub const HALF_LIFE_DAYS: f64 = 90.0;
/// The most one person's evidence for one word of one article counts, however often given.
pub const PERSON_CAP: f64 = 1.0;
/// How many different people must have typed a word before it counts at all.
pub const MIN_PEOPLE: usize = 2;
/// The weight a word needs (after fading) to count: two people's recent "solved", or three
/// recently abandoned forms (a little under 1.5 once a few hours have faded them).
pub const MIN_WEIGHT: f64 = 1.4;
/// The most times a learned word is added to an article: like a tag given a few times.
pub const MAX_REPEATS: usize = 3;

/// How strongly an outcome says the article answered the query.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// "This solved it".
    Solved,
    /// Opened from the form, and the form was not sent.
    OpenedNotSent,
}

impl Outcome {
    fn strength(self) -> f64 {
        match self {
            Outcome::Solved => 1.0,
            Outcome::OpenedNotSent => 0.5,
        }
    }
}

/// One outcome: `person` typed `query` and `article` answered it.
#[derive(Clone, Debug, PartialEq)]
pub struct Evidence {
    pub article: String,
    pub person: i64,
    pub query: String,
    pub outcome: Outcome,
    pub at: DateTime<Utc>,
}

/// The learned index terms of each article that has any, each repeated by its weight, in a
/// stable order.
pub fn learn(evidence: &[Evidence], now: DateTime<Utc>) -> BTreeMap<String, Vec<String>> {
    // article → term → person → faded weight
    let mut weights: HashMap<&str, HashMap<String, HashMap<i64, f64>>> = HashMap::new();
    for e in evidence {
        let age_days = (now - e.at).num_seconds().max(0) as f64 / 86_400.0;
        let weight = e.outcome.strength() * 0.5f64.powf(age_days / HALF_LIFE_DAYS);
        let mut seen = Vec::new();
        for term in terms(&e.query) {
            if seen.contains(&term) {
                continue;
            }
            seen.push(term.clone());
            *weights
                .entry(e.article.as_str())
                .or_default()
                .entry(term)
                .or_default()
                .entry(e.person)
                .or_default() += weight;
        }
    }
    let mut learned = BTreeMap::new();
    for (article, by_term) in weights {
        let mut kept: Vec<(String, usize)> = by_term
            .into_iter()
            .filter(|(_, people)| people.len() >= MIN_PEOPLE)
            .map(|(term, people)| {
                let weight: f64 = people.values().map(|w| w.min(PERSON_CAP)).sum();
                (term, weight)
            })
            .filter(|(_, weight)| *weight >= MIN_WEIGHT)
            .map(|(term, weight)| (term, (weight.floor() as usize).clamp(1, MAX_REPEATS)))
            .collect();
        kept.sort();
        if !kept.is_empty() {
            let repeated = kept
                .into_iter()
                .flat_map(|(term, n)| std::iter::repeat_n(term, n))
                .collect();
            learned.insert(article.to_string(), repeated);
        }
    }
    learned
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    fn solved(person: i64, query: &str, days_ago: i64) -> Evidence {
        Evidence {
            article: "cash-drawer".into(),
            person,
            query: query.into(),
            outcome: Outcome::Solved,
            at: Utc::now() - Duration::days(days_ago),
        }
    }

    #[test]
    fn one_person_alone_teaches_nothing_however_often() {
        let evidence: Vec<Evidence> = (0..20)
            .map(|_| solved(1, "gremlin in the drawer", 0))
            .collect();
        assert!(learn(&evidence, Utc::now()).is_empty());
    }

    #[test]
    fn two_people_teach_the_words_they_both_typed() {
        let evidence = [
            solved(1, "gremlin in the drawer", 0),
            solved(2, "drawer gremlins again", 1),
        ];
        let learned = learn(&evidence, Utc::now());
        assert_eq!(learned["cash-drawer"], ["drawer", "gremlin"]);
    }

    #[test]
    fn each_person_counts_at_most_once_per_word() {
        let mut evidence: Vec<Evidence> = (0..10).map(|_| solved(1, "gremlin", 0)).collect();
        evidence.push(solved(2, "gremlin", 0));
        assert_eq!(
            learn(&evidence, Utc::now())["cash-drawer"],
            ["gremlin", "gremlin"]
        );
        evidence.extend((3..10).map(|p| solved(p, "gremlin", 0)));
        assert_eq!(
            learn(&evidence, Utc::now())["cash-drawer"].len(),
            MAX_REPEATS
        );
    }

    #[test]
    fn old_evidence_fades_and_opened_counts_less_than_solved() {
        let old = [solved(1, "gremlin", 400), solved(2, "gremlin", 400)];
        assert!(learn(&old, Utc::now()).is_empty());
        let opened = |person| Evidence {
            outcome: Outcome::OpenedNotSent,
            ..solved(person, "gremlin", 0)
        };
        assert!(learn(&[opened(1), opened(2)], Utc::now()).is_empty());
        assert!(!learn(&[opened(1), opened(2), opened(3)], Utc::now()).is_empty());
    }
}
