//! The index and its ranking.
//!
//! Why our own index rather than a crate: the same code must rank on the server and inside the
//! browser's wasm, from a snapshot small enough to keep in IndexedDB, and it must forgive typos,
//! prefixes and split or joined words. Tantivy does not target wasm32; the wasm-friendly crates
//! we looked at either build an index for a JavaScript library or have no typo tolerance. The
//! knowledge base is hundreds of documents with a vocabulary of thousands of terms, so a sorted
//! term list with postings, scanned for typos, answers in well under a millisecond.
//!
//! Ranking is BM25 per field, with title and tags weighted above the summary and the summary
//! above the body, multiplied by how well each query word matched (exact, typo, prefix) and by
//! how many of the query's words the document matched.

use super::codes::{bare_number, codes};
use super::synonyms::Synonyms;
use super::text::{
    allowed_typos, is_stop_word_in, stem, stem_in, within_distance, words, Language,
};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// The parts of a document, in order of weight.
const FIELD_COUNT: usize = 4;
const TITLE: usize = 0;
const TAGS: usize = 1;
const SUMMARY: usize = 2;
const BODY: usize = 3;
const FIELD_WEIGHTS: [f32; FIELD_COUNT] = [3.0, 2.5, 1.5, 1.0];
const K1: f32 = 1.2;
const B: f32 = 0.75;

/// How much a match counts, by kind.
const EXACT: f32 = 1.0;
const JOINED: f32 = 0.9;
const PREFIX: f32 = 0.85;
const SPLIT: f32 = 0.8;
const ONE_TYPO: f32 = 0.7;
const TWO_TYPOS: f32 = 0.5;
/// A known stem followed by an ending the stemmer did not recognise ("phishng").
const MISSPELT_ENDING: f32 = 0.7;
/// The shortest stem that a misspelt ending may follow: shorter ones are too often the start
/// of an unrelated word.
const MIN_STEM_BEFORE_ENDING: usize = 5;
/// An error code typed as the article writes it ("E-27" for "e27"): rarer and surer than any
/// word, so above an exact word.
const CODE: f32 = 2.0;
/// The number of a code without its letters ("error 27" for "E-27").
const CODE_NUMBER: f32 = 1.5;
/// Another phrase of the query word's synonym group: below a typo, so an article in the
/// person's own words stays ahead of one that only means the same.
const SYNONYM: f32 = 0.6;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DocKind {
    Article,
    Item,
}

/// A document to index. Articles and catalog items both go in: people do not know which of
/// the two they need.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    pub key: String,
    pub kind: DocKind,
    pub title: String,
    pub tags: Vec<String>,
    pub summary: String,
    pub body: String,
    pub category: String,
    /// Index terms learned from what people typed before this document helped them
    /// (`learned::learn`), counted with the tags.
    pub learned: Vec<String>,
    /// The language it is written in: its words are stemmed in it.
    pub language: Language,
    /// The key its translations share (the original's): of one group, a reader is shown the
    /// version in their language when there is one (`SearchOptions::language`).
    pub group: String,
}

/// What the index keeps of a document: enough to show it in a result list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocInfo {
    pub key: String,
    pub kind: DocKind,
    pub title: String,
    pub summary: String,
    pub category: String,
    /// Terms per field, for BM25's length normalisation.
    lengths: [u16; FIELD_COUNT],
    #[serde(default)]
    pub language: Language,
    /// The languages of its group (itself included), as `Language::bit`s.
    #[serde(default)]
    versions: u8,
}

impl DocInfo {
    /// Whether a reader of `language` is shown this document first: it is in their language,
    /// or its group has no version in it.
    pub fn shown_in(&self, language: Language) -> bool {
        self.language == language || self.versions & language.bit() == 0
    }
}

/// One term's occurrences in one document: the document's number and the count per field.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Posting(u32, [u16; FIELD_COUNT]);

/// A built index. Serialises to a compact snapshot that the browser keeps: the bodies' terms
/// are in it (they count for ranking), the bodies' text is not.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchIndex {
    docs: Vec<DocInfo>,
    /// Sorted, so a prefix is a contiguous range.
    terms: Vec<String>,
    /// Parallel to `terms`.
    postings: Vec<Vec<Posting>>,
    avg_lengths: [f32; FIELD_COUNT],
    /// Editors' synonym groups, applied at query time (`synonyms`).
    #[serde(default)]
    synonyms: Synonyms,
}

/// A field's index terms: its words (stop words removed, stemmed in the document's language)
/// in order, then the terms of the error codes it mentions.
fn field_terms(text: &str, language: Language) -> Vec<String> {
    let ws = words(text);
    let found = codes(text, &ws);
    let mut out: Vec<String> = ws
        .iter()
        .filter(|w| !is_stop_word_in(language, &w.folded))
        .map(|w| stem_in(language, &w.folded))
        .collect();
    out.extend(found.iter().flat_map(|c| c.terms().cloned()));
    out
}

/// What to search for and how.
#[derive(Clone, Debug)]
pub struct SearchOptions {
    pub limit: usize,
    /// The query is being typed: its last word may be the start of a longer one.
    pub typing: bool,
    pub kind: Option<DocKind>,
    pub category: Option<String>,
    /// The reader's language: the query is stemmed in it first, and of each group of
    /// translations the version in it is searched; the other versions only when nothing
    /// matches at all.
    pub language: Language,
}

impl Default for SearchOptions {
    fn default() -> Self {
        Self {
            limit: 10,
            typing: false,
            kind: None,
            category: None,
            language: Language::English,
        }
    }
}

/// The languages a query's words are stemmed in, the reader's first: people mix in words of
/// the portal's default language ("Drucker offline"), and a reader's results include the
/// documents that have no version in their language.
fn query_languages(reader: Language) -> Vec<Language> {
    let mut out = vec![reader];
    out.extend(Language::ALL.into_iter().filter(|&l| l != reader));
    out
}

/// A stop word of the reader's language or of English (the portal's default, whose words
/// people mix in); not of every language, so an English reader's "die" stays a word.
fn is_query_stop_word(reader: Language, folded: &str) -> bool {
    is_stop_word_in(reader, folded) || is_stop_word_in(Language::English, folded)
}

/// A ranked result: the document's number in `SearchIndex::doc`, its score, and the index
/// terms it matched (for highlighting with `snippet`).
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub doc: usize,
    pub score: f32,
    pub matched: Vec<String>,
}

/// One way a query word can match: all of `terms` present (two for a split word), at `quality`.
#[derive(Clone, Debug)]
struct Alternative {
    terms: Vec<usize>,
    quality: f32,
    /// Scored by its weakest term rather than the mean of its terms: a synonym phrase ("won't
    /// turn on"), whose words the index cannot check are together, counts only as much as its
    /// least present word, so "won't" in a title and "turn" deep in the body add up to little.
    weakest: bool,
}

impl Alternative {
    fn one(term: usize, quality: f32) -> Self {
        Alternative {
            terms: vec![term],
            quality,
            weakest: false,
        }
    }
}

impl SearchIndex {
    pub fn build(documents: &[Document]) -> Self {
        let mut postings: BTreeMap<String, Vec<Posting>> = BTreeMap::new();
        let mut docs = Vec::with_capacity(documents.len());
        let mut totals = [0f32; FIELD_COUNT];
        let mut versions: HashMap<&str, u8> = HashMap::new();
        for d in documents {
            *versions.entry(d.group.as_str()).or_default() |= d.language.bit();
        }
        for (n, d) in documents.iter().enumerate() {
            let language = d.language;
            let mut tags = field_terms(&d.tags.join(", "), language);
            tags.extend(d.learned.iter().cloned());
            let fields = [
                field_terms(&d.title, language),
                tags,
                field_terms(&d.summary, language),
                field_terms(&d.body, language),
            ];
            let mut counts: HashMap<&str, [u16; FIELD_COUNT]> = HashMap::new();
            let mut lengths = [0u16; FIELD_COUNT];
            for (f, field_terms) in fields.iter().enumerate() {
                lengths[f] = field_terms.len().min(u16::MAX as usize) as u16;
                totals[f] += f32::from(lengths[f]);
                for t in field_terms {
                    let c = &mut counts.entry(t.as_str()).or_default()[f];
                    *c = c.saturating_add(1);
                }
            }
            for (term, tf) in counts {
                postings
                    .entry(term.to_string())
                    .or_default()
                    .push(Posting(n as u32, tf));
            }
            docs.push(DocInfo {
                key: d.key.clone(),
                kind: d.kind,
                title: d.title.clone(),
                summary: d.summary.clone(),
                category: d.category.clone(),
                lengths,
                language,
                versions: versions.get(d.group.as_str()).copied().unwrap_or_default(),
            });
        }
        let n = documents.len().max(1) as f32;
        let (terms, mut postings): (Vec<_>, Vec<_>) = postings.into_iter().unzip();
        for list in &mut postings {
            list.sort_by_key(|p: &Posting| p.0);
        }
        SearchIndex {
            docs,
            terms,
            postings,
            avg_lengths: totals.map(|t| (t / n).max(1.0)),
            synonyms: Synonyms::default(),
        }
    }

    /// The synonym groups every search applies from now on (the snapshot carries them).
    pub fn set_synonyms(&mut self, synonyms: Synonyms) {
        self.synonyms = synonyms;
    }

    pub fn synonyms(&self) -> &Synonyms {
        &self.synonyms
    }

    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    pub fn doc(&self, n: usize) -> &DocInfo {
        &self.docs[n]
    }

    /// How many distinct terms the index holds (the typo scan's work grows with it).
    pub fn term_count(&self) -> usize {
        self.terms.len()
    }

    fn term_id(&self, term: &str) -> Option<usize> {
        self.terms.binary_search_by(|t| t.as_str().cmp(term)).ok()
    }

    /// Every way each query word can match, one list per word.
    fn alternatives(
        &self,
        query: &str,
        typing: bool,
        synonyms: &Synonyms,
        reader: Language,
    ) -> Vec<Vec<Alternative>> {
        let all = words(query);
        let open_last = typing && query.chars().last().is_some_and(|c| c.is_alphanumeric());
        let last = all.len().saturating_sub(1);
        // Stop words only count when they are all there is ("how to").
        let keep: Vec<(usize, &str)> = all
            .iter()
            .enumerate()
            .filter(|(i, w)| !is_query_stop_word(reader, &w.folded) || (open_last && *i == last))
            .map(|(i, w)| (i, w.folded.as_str()))
            .collect();
        let keep = if keep.is_empty() {
            all.iter()
                .enumerate()
                .map(|(i, w)| (i, w.folded.as_str()))
                .collect()
        } else {
            keep
        };
        let mut units: Vec<Vec<Alternative>> = keep
            .iter()
            .map(|&(i, folded)| self.word_alternatives(folded, open_last && i == last, reader))
            .collect();
        // "mail box" finds "mailbox": the joined pair is an alternative for both words.
        for pair in 0..keep.len().saturating_sub(1) {
            let joined = format!("{}{}", keep[pair].1, keep[pair + 1].1);
            if let Some(t) = self.term_id(&stem_in(reader, &joined)) {
                for unit in &mut units[pair..=pair + 1] {
                    unit.push(Alternative::one(t, JOINED));
                }
            }
        }
        self.add_codes(query, &all, &keep, &mut units);
        self.add_synonyms(synonyms, &keep, &mut units);
        units
    }

    /// Error codes of the query as alternatives of every word they were written with ("E" and
    /// "27" of "E-27"), and a bare long number ("vpn 809") as a code's number.
    fn add_codes(
        &self,
        query: &str,
        all: &[super::text::Word],
        keep: &[(usize, &str)],
        units: &mut [Vec<Alternative>],
    ) {
        let found = codes(query, all);
        for code in &found {
            let mut alts = Vec::new();
            if let Some(t) = code.specific.as_deref().and_then(|s| self.term_id(s)) {
                alts.push((t, CODE));
            }
            if let Some(t) = self.term_id(&code.generic) {
                alts.push((t, CODE_NUMBER));
            }
            for (unit, _) in keep
                .iter()
                .enumerate()
                .filter(|(_, (i, _))| (code.first..=code.last).contains(i))
            {
                units[unit].extend(
                    alts.iter()
                        .map(|&(t, quality)| Alternative::one(t, quality)),
                );
            }
        }
        for (unit, &(i, folded)) in keep.iter().enumerate() {
            if found.iter().any(|c| (c.first..=c.last).contains(&i)) {
                continue;
            }
            if let Some(t) = bare_number(folded).and_then(|g| self.term_id(&g)) {
                units[unit].push(Alternative::one(t, CODE_NUMBER));
            }
        }
    }

    /// For each synonym phrase in the query, the group's other phrases as alternatives of the
    /// words that phrase covers. A query word stands for its stem and for every term it already
    /// matches (so "registr", one typo from "register", still finds "till").
    fn add_synonyms(
        &self,
        synonyms: &Synonyms,
        keep: &[(usize, &str)],
        units: &mut [Vec<Alternative>],
    ) {
        if synonyms.is_empty() {
            return;
        }
        let stems: Vec<String> = keep.iter().map(|&(_, folded)| stem(folded)).collect();
        let positions: Vec<Vec<&str>> = keep
            .iter()
            .zip(&stems)
            .zip(units.iter())
            .map(|((&(_, folded), stemmed), unit)| {
                let mut candidates = vec![stemmed.as_str(), folded];
                candidates.extend(
                    unit.iter()
                        .filter(|a| a.terms.len() == 1)
                        .map(|a| self.terms[a.terms[0]].as_str()),
                );
                candidates
            })
            .collect();
        let mut added: Vec<(usize, Vec<usize>)> = Vec::new();
        for at in synonyms.occurrences(&positions) {
            for phrase in synonyms.others(&at) {
                let Some(mut ids) = phrase
                    .iter()
                    .map(|w| self.term_id(w))
                    .collect::<Option<Vec<usize>>>()
                else {
                    continue;
                };
                // The search walks the first term's postings and looks the others up: start
                // from the rarest ("connect" of "no connection", not "no", which half the
                // documents hold). A phrase counts by its weakest term, whatever the order.
                ids.sort_by_key(|&t| (self.postings[t].len(), t));
                for unit in at.start..at.start + at.len {
                    added.push((unit, ids.clone()));
                }
            }
        }
        for (unit, ids) in added {
            // Groups overlap ("login" is in two): each way to match is walked once.
            let known = units[unit]
                .iter()
                .any(|a| a.terms == ids && a.quality >= SYNONYM);
            if !known {
                units[unit].push(Alternative {
                    terms: ids,
                    quality: SYNONYM,
                    weakest: true,
                });
            }
        }
    }

    fn word_alternatives(&self, folded: &str, open: bool, reader: Language) -> Vec<Alternative> {
        let single = Alternative::one;
        let stemmed = stem_in(reader, folded);
        let mut alts = Vec::new();
        // The word's stem in each language the index may hold it in, the reader's first.
        let mut exacts: Vec<usize> = Vec::new();
        for language in query_languages(reader) {
            if let Some(t) = self.term_id(&stem_in(language, folded)) {
                if !exacts.contains(&t) {
                    exacts.push(t);
                }
            }
        }
        if exacts.is_empty() {
            exacts.extend(self.term_id(folded));
        }
        let exact = exacts.first().copied();
        alts.extend(exacts.iter().map(|&t| single(t, EXACT)));
        if open && folded.chars().count() >= 2 {
            let from = self.terms.partition_point(|t| t.as_str() < folded);
            for (t, term) in self.terms.iter().enumerate().skip(from) {
                if !term.starts_with(folded) {
                    break;
                }
                if !exacts.contains(&t) {
                    alts.push(single(t, PREFIX));
                }
            }
        }
        let max = allowed_typos(folded.chars().count());
        if exact.is_none() && max > 0 {
            // The distance from the stem, or else from the word as typed.
            let mut distances: Vec<(usize, usize)> = Vec::new();
            within_distance(&stemmed, max, &self.terms, |t, d| distances.push((t, d)));
            if stemmed != folded {
                within_distance(folded, max, &self.terms, |t, d| distances.push((t, d)));
                // Stable: for a term both found, the stem's distance comes first and stays.
                distances.sort_by_key(|&(t, _)| t);
                distances.dedup_by_key(|&mut (t, _)| t);
            }
            for (t, distance) in distances {
                match distance {
                    1 => alts.push(single(t, ONE_TYPO)),
                    2 => alts.push(single(t, TWO_TYPOS)),
                    _ => {}
                }
            }
        }
        // "mailbox" finds "mail box": both halves must be words of the index.
        let before_split = alts.len();
        if exact.is_none() && folded.len() >= 6 && folded.is_ascii() {
            for cut in 3..=folded.len() - 3 {
                let (left, right) = folded.split_at(cut);
                let stem_of = |part: &str| self.term_id(&stem_in(reader, part));
                if let (Some(l), Some(r)) = (stem_of(left), stem_of(right)) {
                    alts.push(Alternative {
                        terms: vec![l, r],
                        quality: SPLIT,
                        weakest: false,
                    });
                }
            }
        }
        // A typo in a word's ending hides the word from the typo scan above, because the index
        // holds stems: "authenticator" is indexed as "authent", the stemmer cannot take the
        // ending off "authenticater", and the two are six edits apart; so are "phishng" and
        // "phish", "reconciliaton" and "reconcili". So a long start of the word (five letters or
        // more, and at least half the word) that is a term counts as that term with one typo.
        // Every such start, not only the longest: "certificat" starts with "certif"
        // (certificate) and with "certifi" (certified). Found with the query set in
        // server/seed/kb-queries.toml. Not for a word that splits into two ("guestwifi"): its
        // start is a whole word, not a stem with a misspelt ending.
        if exact.is_none() && alts.len() == before_split {
            let shortest = MIN_STEM_BEFORE_ENDING.max(folded.chars().count().div_ceil(2));
            for (end, _) in folded.char_indices().skip(shortest) {
                if let Some(t) = self.term_id(&folded[..end]) {
                    alts.push(single(t, MISSPELT_ENDING));
                }
            }
        }
        alts
    }

    /// The inverse document frequency of a term.
    fn idf(&self, term: usize) -> f32 {
        let n = self.docs.len() as f32;
        let df = self.postings[term].len() as f32;
        ((n - df + 0.5) / (df + 0.5) + 1.0).ln()
    }

    /// BM25 of one term in one document, over the weighted fields, given the term's `idf`.
    fn term_score(&self, idf: f32, posting: &Posting) -> f32 {
        let lengths = &self.docs[posting.0 as usize].lengths;
        let mut score = 0.0;
        for f in [TITLE, TAGS, SUMMARY, BODY] {
            let tf = f32::from(posting.1[f]);
            if tf > 0.0 {
                let norm = 1.0 - B + B * f32::from(lengths[f]) / self.avg_lengths[f];
                score += FIELD_WEIGHTS[f] * tf * (K1 + 1.0) / (tf + K1 * norm);
            }
        }
        idf * score
    }

    fn posting(&self, term: usize, doc: u32) -> Option<&Posting> {
        let list = &self.postings[term];
        list.binary_search_by_key(&doc, |p| p.0)
            .ok()
            .map(|i| &list[i])
    }

    /// How well one alternative matches `doc`: its quality times the mean BM25 of its terms, or
    /// `None` when one of its terms is not in the document. `first` is the posting and idf of its
    /// first term when the caller already holds them. Both ways of scoring (`search` and
    /// `score`) go through here, so they agree to the bit.
    fn alternative_score(
        &self,
        alt: &Alternative,
        doc: u32,
        first: Option<(&Posting, f32)>,
    ) -> Option<f32> {
        let mut sum = 0.0f32;
        let mut least = f32::INFINITY;
        for (i, &t) in alt.terms.iter().enumerate() {
            let (posting, idf) = match first {
                Some(known) if i == 0 => known,
                _ => (self.posting(t, doc)?, self.idf(t)),
            };
            let score = self.term_score(idf, posting);
            sum += score;
            least = least.min(score);
        }
        let combined = if alt.weakest {
            least
        } else {
            sum / alt.terms.len() as f32
        };
        Some(alt.quality * combined)
    }

    /// Ranks the documents for `query`, best first.
    ///
    /// Scores are accumulated term at a time: each alternative walks its posting list once and
    /// keeps, per document, the best score of its query word. Scoring document at a time (look
    /// up every alternative in every candidate) costs candidates × alternatives binary searches,
    /// which is nothing for a few hundred articles but was 40 ms a query at 50,000 (a common
    /// word like "not" makes every document a candidate) and half a second while typing a
    /// two-letter prefix with hundreds of expansions. The sums are made in the same order as
    /// `score`, which then only runs for the hits returned, to name the matched terms.
    pub fn search(&self, query: &str, options: &SearchOptions) -> Vec<Hit> {
        self.search_with(query, options, &self.synonyms)
    }

    /// Ranks as `search` does, with other synonym groups than the index's own: an editor's
    /// preview of a group not yet saved.
    pub fn search_with(
        &self,
        query: &str,
        options: &SearchOptions,
        synonyms: &Synonyms,
    ) -> Vec<Hit> {
        let units = self.alternatives(query, options.typing, synonyms, options.language);
        if units.is_empty() || options.limit == 0 {
            return Vec::new();
        }
        let n = self.docs.len();
        // Per document: the sum of its matched words' best scores, and how many words matched.
        let mut totals = vec![0f32; n];
        let mut matched_units = vec![0u32; n];
        let mut candidates: Vec<u32> = Vec::new();
        // The current word's best score per document, and the documents it touched.
        let mut best = vec![f32::NEG_INFINITY; n];
        let mut touched: Vec<u32> = Vec::new();
        for unit in &units {
            for alt in unit {
                let Some(&first) = alt.terms.first() else {
                    continue;
                };
                let idf = self.idf(first);
                for posting in &self.postings[first] {
                    let d = posting.0;
                    if let Some(s) = self.alternative_score(alt, d, Some((posting, idf))) {
                        let b = &mut best[d as usize];
                        if *b == f32::NEG_INFINITY {
                            touched.push(d);
                        }
                        if s > *b {
                            *b = s;
                        }
                    }
                }
            }
            for &d in &touched {
                let d = d as usize;
                if matched_units[d] == 0 {
                    candidates.push(d as u32);
                }
                totals[d] += best[d];
                matched_units[d] += 1;
                best[d] = f32::NEG_INFINITY;
            }
            touched.clear();
        }

        let words = units.len() as f32;
        let wanted = |d: u32, any_language: bool| {
            let info = &self.docs[d as usize];
            options.kind.is_none_or(|k| k == info.kind)
                && options
                    .category
                    .as_ref()
                    .is_none_or(|c| *c == info.category)
                && (any_language || info.shown_in(options.language))
        };
        let rank = |any_language: bool| -> Vec<(f32, u32)> {
            candidates
                .iter()
                .copied()
                .filter(|&d| wanted(d, any_language))
                .map(|d| {
                    // As in `score`: matching every word beats matching one word many times.
                    let coverage = matched_units[d as usize] as f32 / words;
                    (totals[d as usize] * coverage * coverage, d)
                })
                .collect()
        };
        // The reader's versions first; every language only when none of them matches.
        let mut ranked = rank(false);
        if ranked.is_empty() {
            ranked = rank(true);
        }
        let order = |a: &(f32, u32), b: &(f32, u32)| {
            b.0.total_cmp(&a.0)
                .then_with(|| {
                    self.docs[a.1 as usize]
                        .title
                        .cmp(&self.docs[b.1 as usize].title)
                })
                .then_with(|| a.1.cmp(&b.1))
        };
        if ranked.len() > options.limit {
            ranked.select_nth_unstable_by(options.limit - 1, order);
            ranked.truncate(options.limit);
        }
        ranked.sort_unstable_by(order);
        ranked
            .into_iter()
            .filter_map(|(score, d)| {
                let hit = self.score(d, &units)?;
                debug_assert_eq!(hit.score.to_bits(), score.to_bits());
                Some(hit)
            })
            .collect()
    }

    fn score(&self, doc: u32, units: &[Vec<Alternative>]) -> Option<Hit> {
        let mut total = 0.0;
        let mut matched_units = 0;
        let mut matched = Vec::new();
        for unit in units {
            let mut best: Option<(f32, &Alternative)> = None;
            for alt in unit {
                if let Some(s) = self.alternative_score(alt, doc, None) {
                    if best.is_none_or(|(b, _)| s > b) {
                        best = Some((s, alt));
                    }
                }
            }
            if let Some((s, alt)) = best {
                total += s;
                matched_units += 1;
                matched.extend(alt.terms.iter().map(|&t| self.terms[t].clone()));
            }
        }
        if matched_units == 0 {
            return None;
        }
        // A document that matches every word of the query beats one that matches a word
        // many times.
        let coverage = matched_units as f32 / units.len() as f32;
        matched.sort();
        matched.dedup();
        Some(Hit {
            doc: doc as usize,
            score: total * coverage * coverage,
            matched,
        })
    }
}
