//! Highlighted snippets: the stretch of a text with the most matched words, as plain segments
//! the UI renders (never HTML, so a document's text cannot inject markup into the page).

use super::codes::codes;
use super::text::{stem_in, words, Language};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    pub text: String,
    /// A matched word, to be shown highlighted.
    pub hit: bool,
}

/// Up to `max_words` words of `text` around the densest cluster of `matched` terms (index
/// terms, as `Hit::matched` gives them, stemmed in the text's `language`), with "…" where the
/// text was cut.
pub fn snippet(
    text: &str,
    matched: &[String],
    max_words: usize,
    language: Language,
) -> Vec<Segment> {
    let ws = words(text);
    if ws.is_empty() || max_words == 0 {
        return Vec::new();
    }
    let mut is_hit: Vec<bool> = ws
        .iter()
        .map(|w| {
            let s = stem_in(language, &w.folded);
            matched.iter().any(|m| *m == s || *m == w.folded)
        })
        .collect();
    // An error code matched as one term ("#e27") marks every word it was written with, and
    // reads as one highlight ("E-27").
    let mut in_code = vec![false; ws.len()];
    for code in codes(text, &ws) {
        if code.terms().any(|t| matched.contains(t)) {
            is_hit[code.first..=code.last].fill(true);
            in_code[code.first + 1..=code.last].fill(true);
        }
    }
    // The window of `max_words` words with the most hits; the earliest wins a tie.
    let width = max_words.min(ws.len());
    let mut count: usize = is_hit[..width].iter().filter(|h| **h).count();
    let (mut best, mut best_count) = (0, count);
    for start in 1..=ws.len() - width {
        count = count + usize::from(is_hit[start + width - 1]) - usize::from(is_hit[start - 1]);
        if count > best_count {
            (best, best_count) = (start, count);
        }
    }
    // Start a word or two before the first hit, so it reads in context.
    let first = (best..best + width).find(|&i| is_hit[i]).unwrap_or(best);
    let start = first
        .saturating_sub(2)
        .max(best.saturating_sub(width / 2))
        .min(ws.len() - width);
    let end = start + width;

    let mut out: Vec<Segment> = Vec::new();
    let mut push = |text: &str, hit: bool| match out.last_mut() {
        Some(last) if last.hit == hit => last.text.push_str(text),
        _ => out.push(Segment {
            text: text.to_string(),
            hit,
        }),
    };
    if start > 0 {
        push("…", false);
    }
    let mut at = ws[start].start;
    for i in start..end {
        let gap = &text[at..ws[i].start];
        // Adjacent matched words read as one highlighted phrase.
        let joins_hits =
            i > start && is_hit[i] && is_hit[i - 1] && (gap.trim().is_empty() || in_code[i]);
        push(gap, joins_hits);
        push(&text[ws[i].start..ws[i].end], is_hit[i]);
        at = ws[i].end;
    }
    if end < ws.len() {
        push(" …", false);
    } else {
        push(text[at..].trim_end(), false);
    }
    out.retain(|s| !s.text.is_empty());
    out
}
