//! Synonyms: groups of words and phrases that mean the same in an IT shop ("till, register,
//! POS"; "won't start, dead, no power"). People describe a problem in their own words, the
//! article in its own; a group lets one find the other.
//!
//! Groups are applied at query time, never at indexing: an editor's change then needs no
//! re-indexing, and the browser applies exactly the groups its snapshot carries. A phrase of the
//! query that belongs to a group adds the group's other phrases as alternatives of its words, at
//! a lower quality than the words as typed, so an article in the person's own words still ranks
//! first.

use super::text::terms;
use serde::{Deserialize, Serialize};

/// The groups, each phrase as its index terms (folded, stemmed, stop words removed), so
/// "won't start" is `["wont", "start"]` and meets "Won't Starting" in a query.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Synonyms {
    groups: Vec<Vec<Vec<String>>>,
}

/// A phrase of a group found in a query: it covers `len` query words from `start`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Occurrence {
    pub start: usize,
    pub len: usize,
    pub group: usize,
    pub phrase: usize,
}

impl Synonyms {
    /// Compiles groups of phrases as editors write them. Phrases with no index terms (only stop
    /// words) and repeats are dropped; so is a group left with fewer than two phrases.
    pub fn compile<S: AsRef<str>>(groups: &[Vec<S>]) -> Self {
        let groups = groups
            .iter()
            .filter_map(|phrases| {
                let mut compiled: Vec<Vec<String>> = Vec::with_capacity(phrases.len());
                for phrase in phrases {
                    let t = terms(phrase.as_ref());
                    if !t.is_empty() && !compiled.contains(&t) {
                        compiled.push(t);
                    }
                }
                (compiled.len() >= 2).then_some(compiled)
            })
            .collect();
        Synonyms { groups }
    }

    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    pub fn len(&self) -> usize {
        self.groups.len()
    }

    /// Every phrase of every group that occurs in the query. `positions` holds, per query word,
    /// the terms that word may stand for (its stem, and the index terms it matches with a typo
    /// or as a prefix); a phrase occurs where each of its terms is among those of consecutive
    /// words.
    pub fn occurrences<T: AsRef<str>>(&self, positions: &[Vec<T>]) -> Vec<Occurrence> {
        let mut found = Vec::new();
        for (group, phrases) in self.groups.iter().enumerate() {
            for (phrase, words) in phrases.iter().enumerate() {
                if words.len() > positions.len() {
                    continue;
                }
                for start in 0..=positions.len() - words.len() {
                    let here = words
                        .iter()
                        .zip(&positions[start..])
                        .all(|(w, candidates)| candidates.iter().any(|c| c.as_ref() == w.as_str()));
                    if here {
                        found.push(Occurrence {
                            start,
                            len: words.len(),
                            group,
                            phrase,
                        });
                    }
                }
            }
        }
        found
    }

    /// The phrases of the occurrence's group other than the one found.
    pub fn others(&self, at: &Occurrence) -> impl Iterator<Item = &[String]> {
        let found = at.phrase;
        self.groups[at.group]
            .iter()
            .enumerate()
            .filter(move |(p, _)| *p != found)
            .map(|(_, words)| words.as_slice())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn groups() -> Synonyms {
        Synonyms::compile(&[
            vec!["till", "register", "POS", "cash register"],
            vec!["won't start", "dead", "no power"],
            vec!["the", "a"],
        ])
    }

    fn positions(query: &str) -> Vec<Vec<String>> {
        terms(query).into_iter().map(|t| vec![t]).collect()
    }

    #[test]
    fn phrases_are_compiled_to_index_terms_and_empty_groups_go() {
        let s = groups();
        assert_eq!(s.len(), 2, "the group of stop words has no phrase left");
        assert_eq!(s.groups[1][0], ["wont", "start"]);
        assert_eq!(s.groups[0][1], ["regist"]);
    }

    #[test]
    fn a_phrase_is_found_across_consecutive_words_in_any_word_form() {
        let s = groups();
        let found = s.occurrences(&positions("the register won't starting"));
        let spans: Vec<(usize, usize)> = found.iter().map(|o| (o.start, o.len)).collect();
        assert_eq!(spans, [(0, 1), (1, 2)]);
        let others: Vec<&[String]> = s.others(&found[1]).collect();
        assert_eq!(
            others,
            [
                &["dead".to_string()][..],
                &["no".into(), "power".into()][..]
            ]
        );
    }

    #[test]
    fn a_multi_word_phrase_needs_all_its_words_in_order() {
        let s = groups();
        assert!(s.occurrences(&positions("start wont")).is_empty());
        assert_eq!(s.occurrences(&positions("cash register")).len(), 2);
    }

    #[test]
    fn a_word_may_stand_for_several_terms() {
        let s = groups();
        let typed = vec![vec!["registr".to_string(), "regist".to_string()]];
        assert_eq!(s.occurrences(&typed).len(), 1);
    }
}
