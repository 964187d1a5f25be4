//! What makes a synonym group acceptable, checked as the editor types and again on the server.
//! A group is a list of phrases that mean one thing ("till, register, POS"); search applies it
//! (`crate::search::synonyms`).

use crate::domain::say::{say, say_with, Say};
use crate::search::text::terms;

pub const MAX_PHRASES: usize = 20;
pub const MAX_PHRASE: usize = 60;
/// Longer phrases are descriptions, not names for a thing; they rarely occur word for word.
pub const MAX_PHRASE_WORDS: usize = 5;

/// The group's phrases, trimmed, with repeats and empty entries dropped, or what is wrong with
/// them, in words for the editor.
pub fn check_group<S: AsRef<str>>(phrases: &[S]) -> Result<Vec<String>, Say> {
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
            return Err(say_with(
                "synonym-too-long",
                [
                    ("phrase", phrase.into()),
                    ("max", (MAX_PHRASE as i64).into()),
                ],
            ));
        }
        if phrase.split(' ').count() > MAX_PHRASE_WORDS {
            return Err(say_with(
                "synonym-too-many-words",
                [
                    ("phrase", phrase.into()),
                    ("max", (MAX_PHRASE_WORDS as i64).into()),
                ],
            ));
        }
        let meaning = terms(&phrase);
        if meaning.is_empty() {
            return Err(say_with("synonym-small-words", [("phrase", phrase.into())]));
        }
        if meanings.contains(&meaning) {
            // "printers" beside "printer": search already treats them as one.
            continue;
        }
        meanings.push(meaning);
        kept.push(phrase);
    }
    if kept.len() < 2 {
        return Err(say("error-synonyms-too-few"));
    }
    if kept.len() > MAX_PHRASES {
        // The message names the limit itself: a notice brings it back with no variables.
        return Err(say("error-synonyms-too-many"));
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
            .id()
            .is_some_and(|id| id == "synonym-too-long"));
        assert!(check_group(&["till", "the till that is by the door"])
            .unwrap_err()
            .id()
            .is_some_and(|id| id == "synonym-too-many-words"));
        assert!(check_group(&["till", "to the"])
            .unwrap_err()
            .id()
            .is_some_and(|id| id == "synonym-small-words"));
        let many: Vec<String> = (0..=MAX_PHRASES).map(|n| format!("word{n}x")).collect();
        assert_eq!(
            check_group(&many).unwrap_err().id(),
            Some("error-synonyms-too-many")
        );
    }
}
