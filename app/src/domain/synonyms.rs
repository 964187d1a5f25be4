//! What makes a synonym group acceptable, checked as the editor types and again on the server.
//! A group is a list of phrases that mean one thing ("till, register, POS"); search applies it
//! (`crate::search::synonyms`).

use crate::search::text::terms;

pub const MAX_PHRASES: usize = 20;
pub const MAX_PHRASE: usize = 60;
/// Longer phrases are descriptions, not names for a thing; they rarely occur word for word.
pub const MAX_PHRASE_WORDS: usize = 5;

/// The group's phrases, trimmed, with repeats and empty entries dropped, or what is wrong with
/// them, in words for the editor.
pub fn check_group<S: AsRef<str>>(phrases: &[S]) -> Result<Vec<String>, String> {
    let mut kept: Vec<String> = Vec::new();
    let mut meanings: Vec<Vec<String>> = Vec::new();
    for phrase in phrases {
        let phrase = phrase
            .as_ref()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if phrase.is_empty() || kept.iter().any(|k| k.eq_ignore_ascii_case(&phrase)) {
            continue;
        }
        if phrase.chars().count() > MAX_PHRASE {
            return Err(format!(
                "\"{phrase}\" is longer than {MAX_PHRASE} characters."
            ));
        }
        if phrase.split(' ').count() > MAX_PHRASE_WORDS {
            return Err(format!(
                "\"{phrase}\" has more than {MAX_PHRASE_WORDS} words: name the thing, do not describe it."
            ));
        }
        let meaning = terms(&phrase);
        if meaning.is_empty() {
            return Err(format!(
                "\"{phrase}\" is only small words (like \"the\" or \"to\") that search ignores."
            ));
        }
        if meanings.contains(&meaning) {
            // "printers" beside "printer": search already treats them as one.
            continue;
        }
        meanings.push(meaning);
        kept.push(phrase);
    }
    if kept.len() < 2 {
        return Err("A group needs at least two different words or phrases.".into());
    }
    if kept.len() > MAX_PHRASES {
        return Err(format!(
            "A group holds at most {MAX_PHRASES} phrases; split it into groups of one meaning each."
        ));
    }
    Ok(kept)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_are_tidied_and_repeats_dropped() {
        assert_eq!(
            check_group(&[
                "  till ",
                "Register",
                "TILL",
                "",
                "registers",
                "cash   register"
            ]),
            Ok(vec![
                "till".into(),
                "Register".into(),
                "cash register".into()
            ])
        );
    }

    #[test]
    fn a_group_needs_two_meanings() {
        assert!(check_group(&["printer", "printers"]).is_err());
        assert!(check_group::<&str>(&[]).is_err());
    }

    #[test]
    fn phrases_must_be_short_and_mean_something() {
        let long = "x".repeat(MAX_PHRASE + 1);
        assert!(check_group(&["till", long.as_str()])
            .unwrap_err()
            .contains("longer"));
        assert!(check_group(&["till", "the till that is by the door"])
            .unwrap_err()
            .contains("words"));
        assert!(check_group(&["till", "to the"])
            .unwrap_err()
            .contains("small words"));
        let many: Vec<String> = (0..=MAX_PHRASES).map(|n| format!("word{n}x")).collect();
        assert!(check_group(&many).unwrap_err().contains("at most"));
    }
}
