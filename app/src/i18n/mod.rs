//! Text in the reader's language (issue 21). Each language is one Fluent file in `app/locales`
//! (`build.rs` lists them). English is complete; any other file may lack a message, which then
//! shows in English.
//!
//! The server has every file built in and picks one language per request: the person's
//! setting, else what the browser asks for, else the portal's default (`domain::locale`). It
//! renders the page in it, says so in `<html lang>`, and names the language's file in a
//! `deskfront-catalog` meta tag. The browser fetches that file beside the WebAssembly, after
//! the load event, and hydrates with it (`bootstrap_script`, `hydrate`): the same text on both
//! sides, so hydration matches, and no language is compiled into the wasm, so a first visit
//! carries only its own. The files are served under a digest of their text, so they are cached
//! for good and a changed translation is a new address; the service worker keeps every one for
//! offline starts.

mod answers;
mod dates;
mod fluent;
pub mod form;
mod plural;
pub mod report;
pub mod zone;

pub use crate::domain::say::Arg;
use crate::domain::say::{Problems, Say};
use crate::domain::FieldErrors;
pub use fluent::Problem;
pub use zone::{zone, Zone};

include!(concat!(env!("OUT_DIR"), "/languages.rs"));

/// The language of a portal whose administrators chose none, and every language's fallback.
pub const DEFAULT: &str = "en";

/// One language's messages.
pub struct Catalog {
    locale: &'static str,
    messages: fluent::Messages,
    /// "3 Dec 2026, 14:02" in this language, worked out on first use (`dates`).
    date_time_shape: std::sync::OnceLock<Option<dates::Shape>>,
}

impl Catalog {
    /// A catalog from a served file (`served_text`): the language's own messages, then the
    /// English ones it lacks. A message that cannot be read is left out, and shows as its id
    /// (`problems` names them; a test holds the shipped files to none).
    pub fn parse(locale: &'static str, text: String) -> Catalog {
        Catalog {
            locale,
            messages: fluent::Messages::new(text),
            date_time_shape: std::sync::OnceLock::new(),
        }
    }

    pub fn locale(&self) -> &'static str {
        self.locale
    }

    /// The message `id` with its variables filled in; the id itself when no language has it
    /// (a test checks every id the code names against the English file). Terms (`-id`) are
    /// parts of messages, not messages.
    pub fn text(&self, id: &str, args: &[(&str, Arg)]) -> String {
        let found = (!id.starts_with('-')).then(|| self.messages.get(id));
        let Some(pattern) = found.flatten() else {
            return id.to_string();
        };
        let value_of = |name: &str| {
            args.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, value)| match value {
                    Arg::Text(text) => fluent::Value::Text(text),
                    Arg::Number(n) => fluent::Value::Number(*n),
                })
        };
        let locale = self.locale;
        fluent::format(&self.messages, pattern, &value_of, &|n| {
            plural::category(locale, n)
        })
    }
}

/// What in a Fluent file cannot be read (`fluent`'s subset of the syntax), message by message.
pub fn problems(text: &str) -> Vec<Problem> {
    fluent::parse(text).1
}

/// The ids of the messages a Fluent file defines, in order, with each message's lines.
pub fn entries(text: &str) -> Vec<(&str, String)> {
    entry_spans(text)
        .into_iter()
        .map(|(id, span)| (id, lines_of(&text[span])))
        .collect()
}

/// The ids of the messages a Fluent file defines, in order, with where each message's lines
/// are. A message starts at a line that starts with its id (a letter, or `-` for a term); the
/// indented lines after it belong to it (blank lines between them too: they are part of its
/// text), and so do a select's `}` and variants written at the margin; a comment (`#`) ends it.
pub fn entry_spans(text: &str) -> Vec<(&str, std::ops::Range<usize>)> {
    let mut found: Vec<(&str, std::ops::Range<usize>)> = Vec::new();
    let mut open = false;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let span = at..at + line.len();
        at = span.end;
        let line = line.trim_end_matches('\n').trim_end_matches('\r');
        let first = line.chars().next();
        if first.is_some_and(|c| c.is_ascii_alphabetic() || c == '-') {
            let id = line.split(['=', ' ']).next().unwrap_or_default();
            found.push((id, span));
            open = true;
        } else if first != Some('#') && open {
            if let Some((_, lines)) = found.last_mut() {
                lines.end = span.end;
            }
        } else {
            open = false;
        }
    }
    found
}

/// A message's lines as `entries` gives them: each ended by one line feed.
pub fn lines_of(text: &str) -> String {
    let mut lines = String::with_capacity(text.len() + 1);
    for line in text.lines() {
        lines.push_str(line);
        lines.push('\n');
    }
    lines
}

/// What the browser gets for a language: its own file, then the English messages it lacks, so
/// one file is all a page needs.
pub fn served_text(own: &str, english: &str) -> String {
    let mut text = own.to_string();
    if !text.ends_with('\n') {
        text.push('\n');
    }
    let ids: Vec<&str> = entries(own).into_iter().map(|(id, _)| id).collect();
    for (id, lines) in entries(english) {
        if !ids.contains(&id) {
            text.push_str(&lines);
        }
    }
    text
}

/// The page's language, as a context value: `Copy`, so views capture it freely.
#[derive(Clone, Copy)]
pub struct I18n(pub &'static Catalog);

impl I18n {
    pub fn locale(self) -> &'static str {
        self.0.locale
    }

    pub fn t(self, id: &str) -> String {
        self.0.text(id, &[])
    }

    pub fn t_with(self, id: &str, args: &[(&str, Arg)]) -> String {
        self.0.text(id, args)
    }

    /// A language's name in this language ("Englisch"), from its tag.
    pub fn language_name(self, locale: &str) -> String {
        self.0.text("language-called", &[("locale", locale.into())])
    }

    /// The language search stems this reader's queries in first (`search::SearchOptions`).
    pub fn search_language(self) -> crate::search::text::Language {
        crate::search::text::Language::of_locale(self.0.locale)
    }

    /// What the rules say (`domain::say`), in this language.
    pub fn say(self, said: &Say) -> String {
        match said {
            Say::Message { id, args } => self.0.text(id, args),
            Say::Verbatim(text) => text.clone(),
        }
    }

    /// A form's problems, field by field, in this language.
    pub fn say_each(self, problems: &Problems) -> FieldErrors {
        problems
            .iter()
            .map(|(key, said)| (key.clone(), self.say(said)))
            .collect()
    }
}

/// The language of the page being rendered or the server function being answered: on the
/// server the request's (see `for_request`; `backend::session::current_user` adds the person's
/// setting once it knows them), in the browser the one installed at start. Errors are worded
/// with it where they are made, so a refusal reads in the language of the page that shows it.
pub fn i18n() -> I18n {
    if let Some(i18n) = leptos::prelude::use_context::<I18n>() {
        return i18n;
    }
    #[cfg(feature = "ssr")]
    if leptos::prelude::use_context::<http::request::Parts>().is_some() {
        return for_request(None);
    }
    #[cfg(feature = "hydrate")]
    if let Some(catalog) = browser::installed() {
        return I18n(catalog);
    }
    I18n(fallback())
}

/// Puts the page's language and zone on the current owner again, for a component that
/// renders many rows: `use_context` walks up the owner tree from where it is asked, and a
/// list deep inside the router, a role gate and a suspense boundary asked that walk a dozen
/// times a row (issue 19: 5 % of the desk queue's server time). Same values, found at once.
pub fn keep_close() {
    leptos::prelude::provide_context(i18n());
    leptos::prelude::provide_context(zone());
}

/// The message `id` in the page's language.
pub fn t(id: &str) -> String {
    i18n().t(id)
}

/// The message `id` with variables, in the page's language.
pub fn t_with(id: &str, args: &[(&str, Arg)]) -> String {
    i18n().t_with(id, args)
}

/// A ticket's state in the page's language ("In Bearbeitung"): on its badge, in its timeline
/// and inside the refusals that name it.
pub fn state_label(state: crate::domain::TicketState) -> String {
    t_with("ticket-state", &[("state", state.as_str().into())])
}

/// A priority with its word ("P2 – hoch"): on its long badge and in the desk's filter.
pub fn priority_label(priority: crate::domain::priority::Priority) -> String {
    t_with("priority-label", &[("priority", priority.as_str().into())])
}

/// A problem record's state in the page's language.
pub fn problem_state_label(state: crate::domain::problem::ProblemState) -> String {
    t_with("problem-state-label", &[("state", state.as_str().into())])
}

/// A change's state in the page's language ("Genehmigung"): on its page and its problem's.
pub fn change_state_label(state: crate::domain::change::ChangeState) -> String {
    t_with("change-state-label", &[("state", state.as_str().into())])
}

/// English on the server; in the browser, before a catalog is installed, no messages (ids).
fn fallback() -> &'static Catalog {
    #[cfg(feature = "ssr")]
    {
        server::catalog(DEFAULT)
    }
    #[cfg(not(feature = "ssr"))]
    {
        static EMPTY: std::sync::OnceLock<Catalog> = std::sync::OnceLock::new();
        EMPTY.get_or_init(|| Catalog::parse(DEFAULT, String::new()))
    }
}

#[cfg(feature = "ssr")]
pub use server::{
    catalog, catalog_files, for_headers, for_request, language_of_request, provide_for_request,
};

/// The server's side: every language's served file and catalog, built once.
#[cfg(feature = "ssr")]
mod server {
    use super::{served_text, Catalog, I18n, DEFAULT, FILES};
    use std::sync::OnceLock;

    /// One language as the server serves it.
    pub struct Served {
        pub locale: &'static str,
        /// `/i18n/<digest>/<locale>.ftl`
        pub path: String,
        pub text: String,
        pub catalog: Catalog,
    }

    fn all() -> &'static [Served] {
        static ALL: OnceLock<Vec<Served>> = OnceLock::new();
        ALL.get_or_init(|| {
            let english = FILES
                .iter()
                .find(|(tag, _)| *tag == DEFAULT)
                .map(|(_, text)| *text)
                .unwrap_or_default();
            FILES
                .iter()
                .map(|(locale, own)| {
                    let text = served_text(own, english);
                    let digest = {
                        use sha2::Digest;
                        let hash = sha2::Sha256::digest(text.as_bytes());
                        hash.iter()
                            .take(6)
                            .map(|b| format!("{b:02x}"))
                            .collect::<String>()
                    };
                    Served {
                        locale,
                        path: format!("/i18n/{digest}/{locale}.ftl"),
                        catalog: Catalog::parse(locale, text.clone()),
                        text,
                    }
                })
                .collect()
        })
    }

    fn served(locale: &str) -> &'static Served {
        let all = all();
        all.iter().find(|s| s.locale == locale).unwrap_or(&all[0])
    }

    /// The catalog of `locale` (a supported tag; any other gets English).
    pub fn catalog(locale: &str) -> &'static Catalog {
        &served(locale).catalog
    }

    /// Every language's file, as `(locale, address, text)`: what `/i18n/…` answers and what
    /// the service worker stores.
    pub fn catalog_files() -> impl Iterator<Item = (&'static str, &'static str, &'static str)> {
        all()
            .iter()
            .map(|s| (s.locale, s.path.as_str(), s.text.as_str()))
    }

    /// The address of `locale`'s file.
    pub fn catalog_path(locale: &str) -> &'static str {
        &served(locale).path
    }

    /// The language for a request from someone whose setting is `setting` (none: as the
    /// browser says) and whose browser sent `accept_language`.
    pub fn language_of_request(
        setting: Option<&str>,
        accept_language: Option<&str>,
    ) -> &'static str {
        crate::domain::locale::negotiate(setting, accept_language, super::LANGUAGES, DEFAULT)
    }

    /// Gives the request being answered its own language, from its headers, before anything
    /// reads it (`backend::session::current_user` then adds the person's setting). Needed
    /// because a request's reactive owner is made as a child of whatever owner the thread last
    /// ran, possibly another request's page, whose language the request would otherwise read.
    pub fn provide_for_request() {
        leptos::prelude::provide_context(for_request(None));
    }

    /// The language of the request being rendered, for a person whose setting is `setting`:
    /// that, else the languages its browser asks for.
    pub fn for_request(setting: Option<&str>) -> I18n {
        let parts = leptos::prelude::use_context::<http::request::Parts>();
        for_headers(setting, parts.as_ref().map(|p| &p.headers))
    }

    /// The same for a request handled outside Leptos (a plain form post), from its headers;
    /// with none (an integration), the portal's default.
    pub fn for_headers(setting: Option<&str>, headers: Option<&http::HeaderMap>) -> I18n {
        let accept = headers.and_then(|h| {
            h.get(http::header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
        });
        I18n(catalog(language_of_request(setting, accept)))
    }

    impl I18n {
        /// The address of this language's file, for the page's `deskfront-catalog` meta tag.
        pub fn catalog_path(self) -> &'static str {
            catalog_path(self.0.locale)
        }
    }
}

/// The browser's side: the one catalog of this page load.
#[cfg(feature = "hydrate")]
pub mod browser {
    use super::Catalog;
    use std::sync::OnceLock;

    static INSTALLED: OnceLock<Catalog> = OnceLock::new();

    pub fn installed() -> Option<&'static Catalog> {
        INSTALLED.get()
    }

    /// Makes `text` (a served file) the catalog of this page load; the first call wins.
    pub fn install(locale: &str, text: String) {
        let locale = super::LANGUAGES
            .iter()
            .find(|tag| **tag == locale)
            .copied()
            .unwrap_or(super::DEFAULT);
        let _ = INSTALLED.set(Catalog::parse(locale, text));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ENGLISH: &str = "# a comment\n\
        greeting = Hello, { $name }!\n\
        count = { $n ->\n    [one] One request\n   *[other] { $n } requests\n}\n\
        only-english = Only in English\n";

    #[test]
    fn a_language_lacking_a_message_shows_the_english_one() {
        let german = "greeting = Hallo, { $name }!\n";
        let catalog = Catalog::parse("de", served_text(german, ENGLISH));
        assert_eq!(
            catalog.text("greeting", &[("name", "Ada".into())]),
            "Hallo, Ada!"
        );
        assert_eq!(catalog.text("only-english", &[]), "Only in English");
        assert_eq!(catalog.text("count", &[("n", 1.into())]), "One request");
        assert_eq!(catalog.text("count", &[("n", 3.into())]), "3 requests");
    }

    #[test]
    fn an_unknown_id_shows_as_itself() {
        let catalog = Catalog::parse("en", ENGLISH.to_string());
        assert_eq!(catalog.text("no-such-message", &[]), "no-such-message");
    }

    #[test]
    fn the_served_file_holds_each_message_once_with_its_lines() {
        let text = served_text("count = { $n } Anfragen\n", ENGLISH);
        let ids: Vec<&str> = entries(&text).into_iter().map(|(id, _)| id).collect();
        assert_eq!(ids, ["count", "greeting", "only-english"]);
        assert!(!text.contains("# a comment"), "comments are not served");
    }

    #[test]
    fn a_broken_message_does_not_take_the_others_with_it() {
        let catalog = Catalog::parse(
            "en",
            "good = Fine\nbad = { $\nalso-good = Fine too\n".into(),
        );
        assert_eq!(catalog.text("good", &[]), "Fine");
        assert_eq!(catalog.text("also-good", &[]), "Fine too");
        // Read when first asked for, and shown as its id every time.
        assert_eq!(catalog.text("bad", &[]), "bad");
        assert_eq!(catalog.text("bad", &[]), "bad");
    }

    #[test]
    fn a_message_is_its_lines_up_to_the_next_id_or_comment() {
        let text = "a = { $n ->\n[one] x\n*[other] y\n}\n\n# note\nb = B\r\n  more\nc = last";
        let found = entries(text);
        assert_eq!(
            found,
            [
                ("a", "a = { $n ->\n[one] x\n*[other] y\n}\n\n".to_string()),
                ("b", "b = B\n  more\n".to_string()),
                ("c", "c = last\n".to_string()),
            ]
        );
        let catalog = Catalog::parse("en", text.to_string());
        assert_eq!(catalog.text("c", &[]), "last");
        assert_eq!(catalog.text("b", &[]), "B\nmore");
    }

    #[test]
    fn english_comes_first() {
        assert_eq!(LANGUAGES.first(), Some(&DEFAULT));
    }
}
