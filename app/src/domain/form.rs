//! The shape of a request form: an ordered list of fields stored with a catalog item.
//!
//! Forms are versioned: editing a form creates a new version, and a submitted request keeps the
//! version it answered, so old requests still show their questions as they were asked.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What a person typed or picked, by field key. Every kind of field answers with strings (as an
/// HTML form does); a multi-choice field may answer with several. Parsing into typed values is
/// the validator's job.
pub type Answers = BTreeMap<String, Vec<String>>;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldKind {
    Text,
    LongText,
    Number,
    Date,
    Choice,
    MultiChoice,
    YesNo,
    Email,
    Store,
    Asset,
    Attachment,
    /// "How much is affected?": its options are the impact levels of the priority matrix.
    Impact,
    /// "How soon?": the urgency levels of the priority matrix.
    Urgency,
}

impl FieldKind {
    /// Largest text any single answer may hold, whatever the form says: keeps a hostile client
    /// from storing megabytes in one field.
    pub const HARD_MAX_CHARS: usize = 10_000;

    pub fn default_max_chars(self) -> usize {
        match self {
            FieldKind::LongText => 4_000,
            _ => 255,
        }
    }
}

/// Show a field only when an earlier field's answer is one of `equals`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Condition {
    pub field: String,
    pub equals: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Field {
    pub key: String,
    pub label: String,
    pub kind: FieldKind,
    #[serde(default)]
    pub required: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<String>,
    /// Length for text, value for numbers, count for multi-choice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pattern: Option<String>,
    /// Says in words what `pattern` wants: a regex is no error message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pattern_hint: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visible_when: Option<Condition>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FormSchema {
    pub fields: Vec<Field>,
}

/// A schema problem found when an editor (or the seed data) defines a form.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SchemaError {
    #[error("field key `{0}` is used twice")]
    DuplicateKey(String),
    #[error("field key `{0}` must be lowercase letters, digits and underscores")]
    BadKey(String),
    #[error("field `{0}` is a choice but has no options")]
    NoOptions(String),
    #[error("field `{field}` depends on `{on}`, which is not an earlier field")]
    BadCondition { field: String, on: String },
    #[error("field `{0}` has a pattern that does not compile")]
    BadPattern(String),
    #[error("field `{0}` has min greater than max")]
    BadRange(String),
}

impl Field {
    /// An optional field with no limits; set the rest with struct update syntax.
    pub fn new(key: &str, label: &str, kind: FieldKind) -> Self {
        Field {
            key: key.into(),
            label: label.into(),
            kind,
            required: false,
            help: None,
            options: vec![],
            min: None,
            max: None,
            pattern: None,
            pattern_hint: None,
            visible_when: None,
        }
    }
}

/// Short fields whose answer says what the request is about, besides every long text.
const DESCRIBING_KEYS: [&str; 7] = [
    "title",
    "subject",
    "summary",
    "symptom",
    "problem",
    "topic",
    "description",
];

impl FormSchema {
    pub fn field(&self, key: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.key == key)
    }

    /// What the person has said about their problem so far, from the long texts and the
    /// title-like fields, in form order: the query for knowledge suggestions beside the form.
    pub fn describing_text(&self, answers: &Answers) -> String {
        self.fields
            .iter()
            .filter(|f| {
                f.kind == FieldKind::LongText
                    || (matches!(f.kind, FieldKind::Text | FieldKind::Choice)
                        && DESCRIBING_KEYS.contains(&f.key.as_str()))
            })
            .filter_map(|f| answers.get(&f.key))
            .flatten()
            .map(|v| v.trim())
            .filter(|v| !v.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Whether any field asks for `kind` (an impact field brings the priority preview, a store
    /// field makes an incident a store fault).
    pub fn asks_for(&self, kind: FieldKind) -> bool {
        self.fields.iter().any(|f| f.kind == kind)
    }

    /// Whether an item of `kind` with this form is listed on "Report a fault": an incident
    /// that asks which store.
    pub fn is_store_fault(&self, kind: super::TicketKind) -> bool {
        kind == super::TicketKind::Incident && self.asks_for(FieldKind::Store)
    }

    /// Whether answering needs the store and device lists; most forms do not, and loading them
    /// for every page view and submit would be wasted work.
    pub fn uses_lookups(&self) -> bool {
        self.fields
            .iter()
            .any(|f| matches!(f.kind, FieldKind::Store | FieldKind::Asset))
    }

    /// The raw answer of the first field of `kind` (the impact, urgency, store or device the
    /// form asked for).
    pub fn answer_of<'a>(&self, kind: FieldKind, answers: &'a Answers) -> Option<&'a str> {
        self.fields
            .iter()
            .find(|f| f.kind == kind)
            .and_then(|f| answers.get(&f.key))
            .and_then(|v| v.first())
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
    }

    /// The store picked on this form (its first store field), which narrows the devices that
    /// may be picked: the picker shows only those, and validation refuses the others.
    pub fn chosen_store<'a>(&self, answers: &'a Answers) -> Option<&'a str> {
        self.answer_of(FieldKind::Store, answers)
    }

    /// Checks that a schema can be answered at all. Conditions may only point backwards, which
    /// rules out cycles and lets visibility be decided in one pass.
    pub fn check(&self) -> Result<(), SchemaError> {
        let mut seen: Vec<&str> = Vec::new();
        for field in &self.fields {
            let key_ok = !field.key.is_empty()
                && field
                    .key
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
            if !key_ok {
                return Err(SchemaError::BadKey(field.key.clone()));
            }
            if seen.contains(&field.key.as_str()) {
                return Err(SchemaError::DuplicateKey(field.key.clone()));
            }
            if matches!(field.kind, FieldKind::Choice | FieldKind::MultiChoice)
                && field.options.is_empty()
            {
                return Err(SchemaError::NoOptions(field.key.clone()));
            }
            if let Some(cond) = &field.visible_when {
                if !seen.contains(&cond.field.as_str()) {
                    return Err(SchemaError::BadCondition {
                        field: field.key.clone(),
                        on: cond.field.clone(),
                    });
                }
            }
            if let Some(pattern) = &field.pattern {
                if regex_lite::Regex::new(pattern).is_err() {
                    return Err(SchemaError::BadPattern(field.key.clone()));
                }
            }
            if let (Some(min), Some(max)) = (field.min, field.max) {
                if min > max {
                    return Err(SchemaError::BadRange(field.key.clone()));
                }
            }
            seen.push(&field.key);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(key: &str, kind: FieldKind) -> Field {
        Field::new(key, key, kind)
    }

    #[test]
    fn schema_round_trips_through_json_as_stored() {
        let mut model = field("model", FieldKind::Choice);
        model.options = vec!["Standard".into(), "Other".into()];
        let mut why = field("justification", FieldKind::LongText);
        why.visible_when = Some(Condition {
            field: "model".into(),
            equals: vec!["Other".into()],
        });
        let schema = FormSchema {
            fields: vec![model, why],
        };
        let json = serde_json::to_string(&schema).unwrap();
        assert!(json.contains("\"long_text\""));
        let back: FormSchema = serde_json::from_str(&json).unwrap();
        assert_eq!(back, schema);
        assert_eq!(back.check(), Ok(()));
    }

    #[test]
    fn describing_text_takes_long_texts_and_title_like_fields_in_form_order() {
        let schema = FormSchema {
            fields: vec![
                field("symptom", FieldKind::Choice),
                field("store", FieldKind::Store),
                field("callback_number", FieldKind::Text),
                field("details", FieldKind::LongText),
            ],
        };
        let mut answers = Answers::new();
        answers.insert("details".into(), vec!["  paper jams every time ".into()]);
        answers.insert("symptom".into(), vec!["Prints blank receipts".into()]);
        answers.insert("store".into(), vec!["S012".into()]);
        answers.insert("callback_number".into(), vec!["0123".into()]);
        assert_eq!(
            schema.describing_text(&answers),
            "Prints blank receipts paper jams every time"
        );
        assert_eq!(schema.describing_text(&Answers::new()), "");
    }

    #[test]
    fn chosen_store_comes_from_the_first_store_field_only() {
        let schema = FormSchema {
            fields: vec![
                field("note", FieldKind::Text),
                field("store", FieldKind::Store),
            ],
        };
        let mut answers = Answers::new();
        // A text answer that happens to look like a store code is not a store choice.
        answers.insert("note".into(), vec!["S020".into()]);
        assert_eq!(schema.chosen_store(&answers), None);
        answers.insert("store".into(), vec![" S012 ".into()]);
        assert_eq!(schema.chosen_store(&answers), Some("S012"));
        assert!(schema.uses_lookups());
        let plain = FormSchema {
            fields: vec![field("note", FieldKind::Text)],
        };
        assert!(!plain.uses_lookups());
    }

    #[test]
    fn check_rejects_forward_conditions_duplicates_and_bad_patterns() {
        let mut later = field("later", FieldKind::Text);
        later.visible_when = Some(Condition {
            field: "after".into(),
            equals: vec!["x".into()],
        });
        let schema = FormSchema {
            fields: vec![later, field("after", FieldKind::Text)],
        };
        assert!(matches!(
            schema.check(),
            Err(SchemaError::BadCondition { .. })
        ));

        let dup = FormSchema {
            fields: vec![field("a", FieldKind::Text), field("a", FieldKind::Number)],
        };
        assert_eq!(dup.check(), Err(SchemaError::DuplicateKey("a".into())));

        let mut bad = field("code", FieldKind::Text);
        bad.pattern = Some("([".into());
        let bad = FormSchema { fields: vec![bad] };
        assert_eq!(bad.check(), Err(SchemaError::BadPattern("code".into())));

        let no_opts = FormSchema {
            fields: vec![field("pick", FieldKind::Choice)],
        };
        assert_eq!(no_opts.check(), Err(SchemaError::NoOptions("pick".into())));

        let upper = FormSchema {
            fields: vec![field("Bad Key", FieldKind::Text)],
        };
        assert_eq!(upper.check(), Err(SchemaError::BadKey("Bad Key".into())));
    }
}
