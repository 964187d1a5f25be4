//! From text to index terms: case and accent folding, word splitting, stop words, stemming.
//! The index and the query go through exactly these functions, so "Réinstaller", "reinstalling"
//! and "reinstalls" meet at one term.

use pagefind_stem::{Algorithm, Stemmer};
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// A language whose word forms search knows: a Snowball stemmer and a list of stop words. A
/// document is indexed in its own language; a query is stemmed in the reader's first (issue 21).
/// Any other locale reads as English, the portal's default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Language {
    #[default]
    #[serde(rename = "en")]
    English,
    #[serde(rename = "de")]
    German,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::English, Language::German];

    /// The language of a locale ("de", "de-AT"); English for any search has no stemmer for.
    pub fn of_locale(locale: &str) -> Language {
        let primary = locale.split(['-', '_']).next().unwrap_or_default();
        if primary.eq_ignore_ascii_case("de") {
            Language::German
        } else {
            Language::English
        }
    }

    pub fn locale(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::German => "de",
        }
    }

    /// This language as one bit of a set (`DocInfo`'s versions).
    pub fn bit(self) -> u8 {
        match self {
            Language::English => 1,
            Language::German => 2,
        }
    }
}

/// A word of the original text: where it is (byte offsets, for highlighting) and its folded
/// form (lowercase, accents removed).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    pub folded: String,
}

/// Lowercase, with the accents of Latin letters removed. Written as a table rather than with a
/// Unicode normalisation crate: the table is a few hundred bytes of wasm, the crate's data
/// tables are tens of kilobytes, and portal text is overwhelmingly Latin script.
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let c = c.to_lowercase().next().unwrap_or(c);
    match c {
        'à'..='å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è'..='ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => 'g',
        'ì'..='ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => 'i',
        'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
        'ò'..='ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => 'o',
        'ŕ' | 'ŗ' | 'ř' => 'r',
        'ś' | 'ŝ' | 'ş' | 'š' => 's',
        'ţ' | 'ť' | 'ŧ' => 't',
        'ù'..='ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        'ł' => 'l',
        other => other,
    }
}

/// Splits text into words: runs of letters and digits. Apostrophes inside a word are dropped
/// ("won't" → "wont"), because people type it both ways.
pub fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut current: Option<Word> = None;
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        if c.is_alphanumeric() {
            let w = current.get_or_insert_with(|| Word {
                start: i,
                end,
                folded: String::new(),
            });
            w.folded.push(fold_char(c));
            w.end = end;
        } else if (c == '\'' || c == '’') && current.is_some() {
            // Part of the word if a letter follows; otherwise the word ends at the next
            // non-letter anyway.
            continue;
        } else if let Some(w) = current.take() {
            out.push(w);
        }
    }
    out.extend(current);
    out
}

/// Words too common to tell documents apart, and words that only say how much ("completely",
/// "really"): people add those to a description, articles rarely do. Short on purpose: "not",
/// "no" and "won't" stay, because "printer not printing" is a different problem from "printer
/// printing twice".
pub fn is_stop_word(folded: &str) -> bool {
    is_english_stop_word(folded)
}

/// A stop word of `language`. German keeps "nicht" and "kein" for the reason English keeps
/// "not"; its words are folded as the index folds them ("für" → "fur").
pub fn is_stop_word_in(language: Language, folded: &str) -> bool {
    match language {
        Language::English => is_english_stop_word(folded),
        Language::German => is_german_stop_word(folded),
    }
}

fn is_german_stop_word(folded: &str) -> bool {
    matches!(
        folded,
        "aber"
            | "als"
            | "am"
            | "an"
            | "auch"
            | "auf"
            | "aus"
            | "bei"
            | "bitte"
            | "da"
            | "dann"
            | "das"
            | "dass"
            | "dem"
            | "den"
            | "der"
            | "des"
            | "die"
            | "du"
            | "ein"
            | "eine"
            | "einem"
            | "einen"
            | "einer"
            | "eines"
            | "einfach"
            | "er"
            | "es"
            | "fur"
            | "ganz"
            | "gar"
            | "hier"
            | "ich"
            | "ihr"
            | "im"
            | "in"
            | "ins"
            | "ist"
            | "kann"
            | "mal"
            | "mein"
            | "meine"
            | "meinem"
            | "meinen"
            | "meiner"
            | "mich"
            | "mir"
            | "mit"
            | "noch"
            | "oder"
            | "schon"
            | "sehr"
            | "sich"
            | "sie"
            | "sind"
            | "so"
            | "total"
            | "und"
            | "uns"
            | "unser"
            | "vom"
            | "von"
            | "war"
            | "warum"
            | "was"
            | "wenn"
            | "wie"
            | "wir"
            | "wird"
            | "wirklich"
            | "wo"
            | "zu"
            | "zum"
            | "zur"
    )
}

fn is_english_stop_word(folded: &str) -> bool {
    matches!(
        folded,
        "a" | "an"
            | "and"
            | "are"
            | "as"
            | "at"
            | "be"
            | "by"
            | "can"
            | "completely"
            | "do"
            | "does"
            | "for"
            | "from"
            | "how"
            | "i"
            | "if"
            | "in"
            | "into"
            | "is"
            | "it"
            | "its"
            | "just"
            | "me"
            | "my"
            | "of"
            | "on"
            | "or"
            | "our"
            | "quite"
            | "really"
            | "so"
            | "that"
            | "the"
            | "their"
            | "then"
            | "there"
            | "this"
            | "to"
            | "totally"
            | "very"
            | "was"
            | "we"
            | "what"
            | "when"
            | "where"
            | "which"
            | "why"
            | "will"
            | "with"
            | "you"
            | "your"
    )
}

/// The English stem of a folded word ("printing" → "print"): the language of the editors'
/// synonym groups and of what search learns from queries.
pub fn stem(folded: &str) -> String {
    stem_in(Language::English, folded)
}

/// The stem of a folded word in `language` ("druckt", "drucken" → "druck").
pub fn stem_in(language: Language, folded: &str) -> String {
    static ENGLISH: OnceLock<Stemmer> = OnceLock::new();
    static GERMAN: OnceLock<Stemmer> = OnceLock::new();
    let stemmer = match language {
        Language::English => ENGLISH.get_or_init(|| Stemmer::create(Algorithm::English)),
        Language::German => GERMAN.get_or_init(|| Stemmer::create(Algorithm::German)),
    };
    stemmer.stem(folded).into_owned()
}

/// The index terms of an English text, in order, stop words removed.
pub fn terms(text: &str) -> Vec<String> {
    terms_in(Language::English, text)
}

/// The index terms of a text in `language`, in order, stop words removed.
pub fn terms_in(language: Language, text: &str) -> Vec<String> {
    words(text)
        .into_iter()
        .filter(|w| !is_stop_word_in(language, &w.folded))
        .map(|w| stem_in(language, &w.folded))
        .collect()
}

/// Edit distance with adjacent transpositions counting as one edit ("pritner" → "printer" is
/// one), or `None` when it is above `max`. Rows stop early once every cell exceeds `max`.
pub fn edit_distance(a: &str, b: &str, max: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let mut before: Vec<usize> = Vec::new();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut row = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            row[j] = (prev[j] + 1).min(row[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                row[j] = row[j].min(before[j - 2] + 1);
            }
        }
        if row.iter().all(|&d| d > max) {
            return None;
        }
        before = std::mem::replace(&mut prev, row);
    }
    Some(prev[b.len()]).filter(|&d| d <= max)
}

/// Every word of `words` within `max` edits of `query`, counted as `edit_distance` counts them:
/// calls `found(position, distance)` in order. The same answers as calling `edit_distance` on
/// each word, at a fraction of the cost when `words` is sorted: the table's rows for a prefix
/// are shared by every word that starts with it, and a prefix already more than `max` edits
/// from every start of the query rules out all of them at once. The index scans its whole
/// vocabulary this way for each misspelt query word; comparing word by word took about 10 ms a
/// query word at 40,000 terms.
pub fn within_distance(
    query: &str,
    max: usize,
    words: &[String],
    mut found: impl FnMut(usize, usize),
) {
    let q: Vec<char> = query.chars().collect();
    let n = q.len();
    // rows[i][j]: the distance between the first i characters of `prefix` and the first j of
    // the query; rows[0] is the empty prefix.
    let mut rows: Vec<Vec<usize>> = vec![(0..=n).collect()];
    let mut spare: Vec<Vec<usize>> = Vec::new();
    let mut prefix: Vec<char> = Vec::new();
    // The length of the start of `prefix` that is too far from the query, if it is.
    let mut dead: Option<usize> = None;
    for (position, word) in words.iter().enumerate() {
        let mut chars = word.chars().peekable();
        let mut common = 0;
        while common < prefix.len() && chars.peek() == Some(&prefix[common]) {
            chars.next();
            common += 1;
        }
        if dead.is_some_and(|d| common >= d) {
            continue;
        }
        dead = None;
        prefix.truncate(common);
        spare.extend(rows.drain(common + 1..));
        for c in chars {
            prefix.push(c);
            let i = prefix.len();
            let mut row = spare.pop().unwrap_or_default();
            row.clear();
            row.push(i);
            let prev = &rows[i - 1];
            for j in 1..=n {
                let cost = usize::from(c != q[j - 1]);
                let mut d = (prev[j] + 1).min(row[j - 1] + 1).min(prev[j - 1] + cost);
                if i > 1 && j > 1 && c == q[j - 2] && prefix[i - 2] == q[j - 1] {
                    d = d.min(rows[i - 2][j - 2] + 1);
                }
                row.push(d);
            }
            let too_far = row.iter().all(|&d| d > max);
            rows.push(row);
            if too_far {
                dead = Some(i);
                break;
            }
        }
        if dead.is_none() {
            let d = rows[prefix.len()][n];
            if d <= max {
                found(position, d);
            }
        }
    }
}

/// How many typos a word of this length may carry and still match: none for short words (too
/// many false friends), one from four letters, two from eight.
pub fn allowed_typos(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_removes_case_and_accents() {
        let folded: String = "Réinstaller ÇA Ñandú Łódź".chars().map(fold_char).collect();
        assert_eq!(folded, "reinstaller ca nandu lodz");
    }

    #[test]
    fn words_keep_their_place_in_the_original() {
        let text = "Printer won't print — café Wi-Fi";
        let ws = words(text);
        let folded: Vec<&str> = ws.iter().map(|w| w.folded.as_str()).collect();
        assert_eq!(folded, ["printer", "wont", "print", "cafe", "wi", "fi"]);
        assert_eq!(&text[ws[3].start..ws[3].end], "café");
        assert_eq!(&text[ws[1].start..ws[1].end], "won't");
    }

    #[test]
    fn word_forms_share_a_stem_and_stop_words_go() {
        assert_eq!(terms("Printing the printers"), ["print", "printer"]);
        assert_eq!(stem("connecting"), stem("connected"));
        assert_eq!(terms("is not working"), ["not", "work"]);
    }

    #[test]
    fn german_word_forms_share_a_stem_with_and_without_umlauts() {
        use Language::German;
        assert_eq!(stem_in(German, "druckern"), stem_in(German, "drucken"));
        assert_eq!(stem_in(German, "kassen"), stem_in(German, "kasse"));
        assert_eq!(
            stem_in(German, "verbindungen"),
            stem_in(German, "verbindung")
        );
        // The index folds "Geräte" to "gerate", and so does a query typed without the umlaut.
        let folded: String = "Geräte".chars().map(fold_char).collect();
        assert_eq!(stem_in(German, &folded), stem_in(German, "gerat"));
        assert_eq!(
            terms_in(German, "Der Drucker druckt nicht mehr"),
            ["druck", "druckt", "nicht", "mehr"]
        );
    }

    #[test]
    fn a_locale_names_its_language_and_unknown_ones_read_as_english() {
        assert_eq!(Language::of_locale("de"), Language::German);
        assert_eq!(Language::of_locale("de-AT"), Language::German);
        assert_eq!(Language::of_locale("en-GB"), Language::English);
        assert_eq!(Language::of_locale("fr"), Language::English);
        assert_eq!(Language::of_locale(""), Language::English);
        for l in Language::ALL {
            assert_eq!(Language::of_locale(l.locale()), l);
        }
    }

    #[test]
    fn edit_distance_counts_transpositions_once_and_stops_at_max() {
        assert_eq!(edit_distance("pritner", "printer", 2), Some(1));
        assert_eq!(edit_distance("pasword", "password", 1), Some(1));
        assert_eq!(edit_distance("outlok", "outlook", 1), Some(1));
        assert_eq!(edit_distance("vpn", "vpn", 0), Some(0));
        assert_eq!(edit_distance("scanner", "printer", 2), None);
        assert_eq!(edit_distance("a", "abcd", 2), None);
    }

    #[test]
    fn scanning_a_word_list_agrees_with_edit_distance() {
        let mut list: Vec<String> = [
            "print",
            "printer",
            "pritner",
            "prints",
            "paint",
            "painter",
            "password",
            "passwort",
            "pasword",
            "outlook",
            "outlok",
            "out",
            "ou",
            "",
            "scanner",
            "printing",
            "prnit",
            "rpint",
            "abcd",
            "a",
            "café",
            "cafe",
            "caef",
            "receipt",
            "reciept",
            "reconcili",
        ]
        .map(String::from)
        .into();
        list.sort();
        for query in [
            "printer", "print", "pasword", "outlok", "caf", "café", "reciept", "ab",
        ] {
            for max in 0..=2 {
                let mut scanned = Vec::new();
                within_distance(query, max, &list, |i, d| scanned.push((i, d)));
                let expected: Vec<(usize, usize)> = list
                    .iter()
                    .enumerate()
                    .filter_map(|(i, w)| edit_distance(query, w, max).map(|d| (i, d)))
                    .collect();
                assert_eq!(scanned, expected, "{query} within {max}");
            }
        }
    }

    #[test]
    fn short_words_must_be_exact() {
        assert_eq!(allowed_typos(3), 0);
        assert_eq!(allowed_typos(5), 1);
        assert_eq!(allowed_typos(9), 2);
    }
}
