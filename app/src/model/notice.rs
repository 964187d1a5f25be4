//! What a page shows after a plain form post sent it back with `?error=`. The query string is
//! anyone's to write (a link in a phishing mail included), so it names a notice by code and at
//! most one short token (a store code, an e-mail address); the words are always ours.

use super::AppError;

/// Codes and their texts; `{}` is where the token goes.
const NOTICES: &[(&str, &str)] = &[
    ("sign_in_failed", "That email and password do not match an account."),
    ("sign_in_empty", "Enter your email address and password."),
    ("no_store", "There is no store {}."),
    ("no_store_yet", "There is no store {}: import the stores first."),
    ("no_person", "There is no active person with the address {}."),
    (
        "not_a_role",
        "\"{}\" is not a role (requester, store_staff, approver, agent, manager, editor, admin).",
    ),
    (
        "stale",
        "Someone changed this {} after you opened the page. Reload to see the change, then make yours again.",
    ),
    // Signing in with an identity provider (see backend::identity and the server's routes::oidc).
    (
        "provider_unavailable",
        "The identity provider cannot be reached right now. Try again in a few minutes; if it keeps happening, tell the service desk.",
    ),
    (
        "provider_refused",
        "The identity provider's answer could not be verified, so you are not signed in. Try again; if it keeps happening, tell the service desk.",
    ),
    (
        "provider_cancelled",
        "Sign-in at the identity provider was cancelled or refused. Try again.",
    ),
    (
        "sign_in_expired",
        "That sign-in took too long or was already used. Start again.",
    ),
    (
        "no_email",
        "Your identity provider did not tell us your e-mail address. Ask your administrator to release the email claim to Deskfront.",
    ),
    (
        "deactivated",
        "Your account here is deactivated. If you think it should not be, ask the service desk.",
    ),
    (
        "password_admins_only",
        "Password sign-in is for administrators only. Use your organisation's sign-in button.",
    ),
    // A synonym group refused (domain::synonyms::check_group); the messages naming a phrase
    // fall back to "invalid", as a phrase is more than a token.
    (
        "synonyms_too_few",
        "A group needs at least two different words or phrases.",
    ),
    (
        "synonyms_too_many",
        "A group holds at most 20 phrases; split it into groups of one meaning each.",
    ),
    // One per kind of error, for every message without a code of its own.
    ("not_signed_in", "Please sign in to continue."),
    ("forbidden", "You may not do that. If you think you should, ask the service desk."),
    ("not_found", "That does not exist, or no longer does."),
    ("invalid", "Something you entered was not accepted. Check the form and send it again."),
    (
        "conflict",
        "This changed after you opened the page. Reload to see the change, then try again.",
    ),
    ("too_many", "Too many attempts. Wait a few minutes, then try again."),
    (
        "internal",
        "Something went wrong on our side. Try again in a moment; if it keeps happening, tell the service desk.",
    ),
    ("transport", "The form could not be read. Reload the page and try again."),
];

/// The longest token a notice shows.
const MAX_TOKEN_CHARS: usize = 60;

/// A token is one word of letters, digits and `.`, `-`, `_`, `@`, `+`: enough for a code or an
/// address, too little for a sentence.
fn is_token(s: &str) -> bool {
    !s.is_empty()
        && s.chars().count() <= MAX_TOKEN_CHARS
        && s.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | '@' | '+'))
}

/// The text for `?error=code` (and `error_arg`), or `None` for a code we never send.
pub fn notice_text(code: &str, arg: Option<&str>) -> Option<String> {
    let (_, template) = NOTICES.iter().find(|(c, _)| *c == code)?;
    match template.split_once("{}") {
        None => Some((*template).to_string()),
        Some((before, after)) => {
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
    for (code, template) in NOTICES {
        match template.split_once("{}") {
            None if *template == message => return (code, None),
            Some((before, after)) => {
                let token = message
                    .strip_prefix(before)
                    .and_then(|rest| rest.strip_suffix(after))
                    .filter(|t| is_token(t));
                if let Some(token) = token {
                    return (code, Some(token.to_string()));
                }
            }
            None => {}
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
            let message = crate::domain::synonyms::check_group(&phrases).unwrap_err();
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
