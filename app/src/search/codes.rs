//! Error codes as one token. A card reader shows "E-27", the article says "E-27", and the person
//! types "e27", "E 27", "error 27" or "E-027"; word splitting alone makes "e" and "27" of the
//! first and one unknown word of the second. So codes are recognised in articles and queries
//! alike and indexed as extra terms in two forms:
//! - the *specific* form, letters and number ("#e27"), for a code typed as shown;
//! - the *generic* form, the number alone ("#27"), for "error 27" or "code 27", which name no
//!   letters.
//!
//! Numbers lose their leading zeros ("E-027" is "E-27"); hexadecimal codes keep their digits
//! ("0x80070057" is "#0x80070057" and, generic, "#80070057", as people often leave out the
//! "0x"). The `#` keeps code terms apart from words: no word folds to a term starting with it.

use super::text::Word;

/// The marker that starts every code term.
pub const CODE_MARK: char = '#';

/// Words that say "a code follows" without being part of it: "error 27", "code 65".
const CODE_WORDS: [&str; 8] = [
    "error", "err", "code", "fault", "fehler", "erreur", "errore", "codigo",
];

/// The most letters a code's name may have ("E", "ERR", "REC"); longer ones are words.
const MAX_CODE_LETTERS: usize = 4;
/// The most digits a decimal code may have; longer numbers are phone or order numbers.
const MAX_CODE_DIGITS: usize = 6;
/// The fewest hexadecimal digits after "0x" that make a code.
const MIN_HEX_DIGITS: usize = 4;

/// An error code found in a text: the words it spans (positions in the `words` list) and its
/// terms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Code {
    pub first: usize,
    pub last: usize,
    /// "#e27": letters and number. `None` when the text named no letters ("error 27").
    pub specific: Option<String>,
    /// "#27": the number alone.
    pub generic: String,
}

impl Code {
    /// The code's terms, specific first.
    pub fn terms(&self) -> impl Iterator<Item = &String> {
        self.specific.iter().chain(std::iter::once(&self.generic))
    }
}

fn term(body: &str) -> String {
    let mut t = String::with_capacity(body.len() + 1);
    t.push(CODE_MARK);
    t.push_str(body);
    t
}

/// The number without its leading zeros ("027" → "27", "000" → "0").
fn trim_zeros(digits: &str) -> &str {
    let trimmed = digits.trim_start_matches('0');
    if trimmed.is_empty() {
        &digits[digits.len() - 1..]
    } else {
        trimmed
    }
}

fn is_number(s: &str) -> bool {
    !s.is_empty() && s.len() <= MAX_CODE_DIGITS && s.bytes().all(|b| b.is_ascii_digit())
}

fn is_code_name(s: &str) -> bool {
    (1..=MAX_CODE_LETTERS).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_lowercase())
}

/// A code made of letters and a number: specific unless the letters only say "error".
fn named(letters: &str, digits: &str, first: usize, last: usize) -> Code {
    let number = trim_zeros(digits);
    Code {
        first,
        last,
        specific: (!CODE_WORDS.contains(&letters)).then(|| term(&format!("{letters}{number}"))),
        generic: term(number),
    }
}

/// "0x80070057" as one word.
fn hexadecimal(word: &str, at: usize) -> Option<Code> {
    let digits = word.strip_prefix("0x")?;
    if digits.len() < MIN_HEX_DIGITS || !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let number = trim_zeros(digits);
    Some(Code {
        first: at,
        last: at,
        specific: Some(term(&format!("0x{number}"))),
        generic: term(number),
    })
}

/// "e27", "err03" as one word.
fn joined(word: &str, at: usize) -> Option<Code> {
    let split = word.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = word.split_at(split);
    (is_code_name(letters) && is_number(digits)).then(|| named(letters, digits, at, at))
}

/// "E-27", "E 27", "ERR-03", "error 27": a name, one separator, a number. A space joins only a
/// one-letter name or a word that says "error": "step 2" and "windows 11" are not codes.
fn separated(text: &str, words: &[Word], at: usize) -> Option<Code> {
    let (name, number) = (words.get(at)?, words.get(at + 1)?);
    if !is_number(&number.folded) {
        return None;
    }
    let letters = name.folded.as_str();
    let between = &text[name.end..number.start];
    let says_error = CODE_WORDS.contains(&letters);
    let fits = match between {
        "-" | "‐" | "–" | "_" => is_code_name(letters) || says_error,
        " " | ": " => (letters.len() == 1 && is_code_name(letters)) || says_error,
        _ => false,
    };
    fits.then(|| named(letters, &number.folded, at, at + 1))
}

/// Every error code in `text`, whose words are `words` (as `text::words` splits them), in order.
pub fn codes(text: &str, words: &[Word]) -> Vec<Code> {
    let mut found = Vec::new();
    let mut at = 0;
    while at < words.len() {
        let word = words[at].folded.as_str();
        let code = hexadecimal(word, at)
            .or_else(|| joined(word, at))
            .or_else(|| separated(text, words, at));
        match code {
            Some(code) => {
                at = code.last + 1;
                found.push(code);
            }
            None => at += 1,
        }
    }
    found
}

/// The generic code term of a bare number typed in a query ("vpn 809"), for numbers long
/// enough to be a code rather than a quantity.
pub fn bare_number(folded: &str) -> Option<String> {
    (folded.len() >= 3 && is_number(folded)).then(|| term(trim_zeros(folded)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::text::words;

    fn found(text: &str) -> Vec<Vec<String>> {
        let ws = words(text);
        codes(text, &ws)
            .iter()
            .map(|c| c.terms().cloned().collect())
            .collect()
    }

    #[test]
    fn a_code_written_any_way_meets_the_same_terms() {
        for typed in ["E-27", "E27", "e27", "E 27", "E-027", "e_27"] {
            assert_eq!(found(typed), [["#e27", "#27"]], "{typed}");
        }
    }

    #[test]
    fn a_word_that_says_error_gives_the_number_alone() {
        assert_eq!(found("ERR 27"), [["#27"]]);
        assert_eq!(found("error 27 on the reader"), [["#27"]]);
        assert_eq!(found("code: 65"), [["#65"]]);
        assert_eq!(found("ERR-03"), [["#3"]]);
        assert_eq!(found("err03"), [["#3"]]);
    }

    #[test]
    fn hexadecimal_codes_keep_their_digits() {
        assert_eq!(found("0x80070057"), [["#0x80070057", "#80070057"]]);
        assert_eq!(found("Error 0x8004010F"), [["#0x8004010f", "#8004010f"]]);
        assert_eq!(found("0x12"), Vec::<Vec<String>>::new());
    }

    #[test]
    fn ordinary_words_and_numbers_are_not_codes() {
        for text in [
            "step 2",
            "windows 11",
            "wait 10 seconds",
            "Wi-Fi",
            "call 0113 496 0000",
            "order 12345678",
            "printer",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn codes_span_the_words_they_were_written_with() {
        let text = "The reader shows E-27, then REC02.";
        let ws = words(text);
        let cs = codes(text, &ws);
        assert_eq!((cs[0].first, cs[0].last), (3, 4));
        assert_eq!((cs[1].first, cs[1].last), (6, 6));
        assert_eq!(cs[1].specific.as_deref(), Some("#rec2"));
    }

    #[test]
    fn bare_numbers_are_codes_only_when_long_enough() {
        assert_eq!(bare_number("809").as_deref(), Some("#809"));
        assert_eq!(bare_number("0809").as_deref(), Some("#809"));
        assert_eq!(bare_number("27"), None);
        assert_eq!(bare_number("e27"), None);
    }
}
