//! What a page shows after a plain form post sent it back with `?error=`. The query string is
//! anyone's to write (a link in a phishing mail included), so it names a notice by code and at
//! most one short token (a store code, an e-mail address); the words are always ours, in the
//! reader's language.

use super::AppError;
use crate::i18n::{i18n, I18n};

/// Codes and the messages they show. A message with a `$token` variable shows the token there.
/// The code that made an error words it with the same message, which is how `notice_for` finds
/// the code again (in the same request, so in the same language).
const NOTICES: &[(&str, &str)] = &[
    ("sign_in_failed", "error-sign-in-failed"),
    ("sign_in_empty", "error-sign-in-empty"),
    ("no_store", "error-no-store"),
    ("no_store_yet", "error-no-store-yet"),
    ("no_person", "error-no-person"),
    ("not_a_role", "error-not-a-role"),
    ("stale", "error-stale"),
    // Signing in with an identity provider (see backend::identity and the server's routes::oidc).
    ("provider_unavailable", "error-provider-unavailable"),
    ("provider_refused", "error-provider-refused"),
    ("provider_cancelled", "error-provider-cancelled"),
    ("sign_in_expired", "error-sign-in-expired"),
    ("no_email", "error-no-email"),
    ("deactivated", "error-deactivated"),
    ("password_admins_only", "error-password-admins-only"),
    // A synonym group refused (domain::synonyms::check_group); the messages naming a phrase
    // fall back to "invalid", as a phrase is more than a token.
    ("synonyms_too_few", "error-synonyms-too-few"),
    ("synonyms_too_many", "error-synonyms-too-many"),
    // One per kind of error, for every message without a code of its own.
    ("not_signed_in", "notice-not-signed-in"),
    ("forbidden", "notice-forbidden"),
    ("not_found", "notice-not-found"),
    ("invalid", "notice-invalid"),
    ("conflict", "notice-conflict"),
    ("too_many", "notice-too-many"),
    ("internal", "notice-internal"),
    ("transport", "notice-transport"),
];

/// The longest token a notice shows.
const MAX_TOKEN_CHARS: usize = 60;

/// Stands for the token while a message is split around it: a private-use character no
/// message contains.
const TOKEN_MARK: &str = "\u{E000}";

/// A token is one word of letters, digits and `.`, `-`, `_`, `@`, `+`: enough for a code or an
/// address, too little for a sentence.
fn is_token(s: &str) -> bool {
    !s.is_empty()
        && s.chars().count() <= MAX_TOKEN_CHARS
        && s.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | '@' | '+'))
}

/// A notice's words in `language`: the whole text, or the parts before and after its token.
fn template(language: I18n, id: &str) -> (String, Option<String>) {
    let text = language.t_with(id, &[("token", TOKEN_MARK.into())]);
    match text.split_once(TOKEN_MARK) {
        None => (text, None),
        Some((before, after)) => (before.to_string(), Some(after.to_string())),
    }
}

/// The text for `?error=code` (and `error_arg`), or `None` for a code we never send.
pub fn notice_text(code: &str, arg: Option<&str>) -> Option<String> {
    let (_, id) = NOTICES.iter().find(|(c, _)| *c == code)?;
    match template(i18n(), id) {
        (text, None) => Some(text),
        (before, Some(after)) => {
            let arg = arg.filter(|a| is_token(a))?;
            Some(format!("{before}{arg}{after}"))
        }
    }
}

/// The code (and token) that brings `error`'s message back on the page it returns to: its own
/// notice when its words are one of ours, else its kind's.
pub fn notice_for(error: &AppError) -> (&'static str, Option<String>) {
    let message = error
        .field_errors()
        .and_then(|f| f.values().next().cloned())
        .unwrap_or_else(|| error.to_string());
    let language = i18n();
    for (code, id) in NOTICES {
        match template(language, id) {
            (text, None) if text == message => return (code, None),
            (before, Some(after)) => {
                let token = message
                    .strip_prefix(before.as_str())
                    .and_then(|rest| rest.strip_suffix(after.as_str()))
                    .filter(|t| is_token(t));
                if let Some(token) = token {
                    return (code, Some(token.to_string()));
                }
            }
            _ => {}
        }
    }
    (error.code(), None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn our_messages_come_back_word_for_word() {
        for message in [
            "That email and password do not match an account.",
            "There is no store S999.",
            "There is no active person with the address nobody@deskfront.test.",
            "Someone changed this person after you opened the page. Reload to see the change, then make yours again.",
        ] {
            let error = AppError::invalid_field("x", message);
            let (code, arg) = notice_for(&error);
            assert_eq!(notice_text(code, arg.as_deref()).as_deref(), Some(message));
        }
    }

    #[test]
    fn a_refused_synonym_group_comes_back_in_its_own_words() {
        let many: Vec<String> = (0..=crate::domain::synonyms::MAX_PHRASES)
            .map(|n| format!("word{n}"))
            .collect();
        for phrases in [vec!["till".to_string()], many] {
            let problem = crate::domain::synonyms::check_group(&phrases).unwrap_err();
            let message = i18n().say(&problem);
            let error = AppError::invalid_field("phrases", message.clone());
            let (code, arg) = notice_for(&error);
            assert_ne!(code, "invalid", "{message}");
            assert_eq!(notice_text(code, arg.as_deref()), Some(message));
        }
    }

    #[test]
    fn other_messages_fall_back_to_their_kind() {
        let error = AppError::conflict("Already decided by someone else.");
        let (code, arg) = notice_for(&error);
        assert_eq!((code, arg), ("conflict", None));
        assert!(notice_text(code, None).unwrap().contains("Reload"));
    }

    #[test]
    fn every_notice_has_words_in_every_language() {
        for locale in crate::i18n::LANGUAGES {
            let language = I18n(crate::i18n::catalog(locale));
            for (code, id) in NOTICES {
                let (words, _) = template(language, id);
                assert_ne!(words, *id, "{code} has no message in {locale}");
            }
        }
    }

    #[test]
    fn a_query_string_cannot_write_words_of_its_own() {
        assert_eq!(
            notice_text("Your account is locked, call 555-0100", None),
            None
        );
        assert_eq!(notice_text("no_store", Some("S1. Call 555-0100 now")), None);
        assert_eq!(notice_text("no_store", None), None);
        assert_eq!(notice_text("no_store", Some(&"S".repeat(61))), None);
        assert_eq!(
            notice_text("no_store", Some("S012")).as_deref(),
            Some("There is no store S012.")
        );
    }
}
