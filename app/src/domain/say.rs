//! What the rules tell a person, as a message of the language files (`app/locales`) and its
//! variables. The rules decide what to say; the layers above say it in the reader's language
//! (`i18n::I18n::say`): the browser in the page's, the server in the request's. So the same
//! check gives a German store worker the same German sentence live in the form and after a
//! submit the server refused.

use std::collections::BTreeMap;

/// A value for a message's `$variable`. Numbers stay numbers, so a translation can choose its
/// plural form by them (`{ $count -> [one] … *[other] … }`).
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    Text(String),
    Number(i64),
}

impl From<&str> for Arg {
    fn from(text: &str) -> Self {
        Arg::Text(text.to_string())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Self {
        Arg::Text(text)
    }
}

impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Number(n)
    }
}

impl From<i32> for Arg {
    fn from(n: i32) -> Self {
        Arg::Number(i64::from(n))
    }
}

impl From<u32> for Arg {
    fn from(n: u32) -> Self {
        Arg::Number(i64::from(n))
    }
}

impl From<u64> for Arg {
    fn from(n: u64) -> Self {
        Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl Arg {
    /// A count or a length, as a number.
    pub fn count(n: usize) -> Arg {
        Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

/// One thing to tell a person.
#[derive(Clone, Debug, PartialEq)]
pub enum Say {
    /// A message of the language files, by id, with its variables.
    Message {
        id: &'static str,
        args: Vec<(&'static str, Arg)>,
    },
    /// Words someone wrote for the purpose (a form's own hint), shown as they wrote them.
    Verbatim(String),
}

impl Say {
    /// The message's id (`None` for verbatim text): what tests compare.
    pub fn id(&self) -> Option<&'static str> {
        match self {
            Say::Message { id, .. } => Some(id),
            Say::Verbatim(_) => None,
        }
    }
}

/// The message `id`, without variables.
pub fn say(id: &'static str) -> Say {
    Say::Message {
        id,
        args: Vec::new(),
    }
}

/// The message `id` with its variables.
pub fn say_with<const N: usize>(id: &'static str, args: [(&'static str, Arg); N]) -> Say {
    Say::Message {
        id,
        args: args.into(),
    }
}

/// What to tell about each field of a form, by field key (`validation::FORM_ERROR_KEY` for the
/// form as a whole): `i18n::I18n::say_each` turns it into the `FieldErrors` people read.
pub type Problems = BTreeMap<String, Say>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_names_its_id_and_variables() {
        let s = say_with(
            "field-too-short",
            [("min", Arg::count(3)), ("now", "ab".into())],
        );
        assert_eq!(s.id(), Some("field-too-short"));
        assert_eq!(
            s,
            Say::Message {
                id: "field-too-short",
                args: vec![("min", Arg::Number(3)), ("now", Arg::Text("ab".into()))],
            }
        );
        assert_eq!(Say::Verbatim("Like AB12".into()).id(), None);
    }
}
