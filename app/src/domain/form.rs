//! The shape of a request form: an ordered list of fields stored with a catalog item.
//!
//! Forms are versioned: editing a form creates a new version, and a submitted request keeps the
//! version it answered, so old requests still show their questions as they were asked.

use super::say::{say_with, Arg, Say};
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

/// How a condition looks at an earlier field's answer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Operator {
    /// The answer is one of `values` (for a multi-choice: any picked option is). The default,
    /// so forms stored before operators existed (`equals = [..]`) keep their meaning.
    #[default]
    AnyOf,
    /// The answer is `values[0]`.
    Equals,
    /// The answer is not `values[0]` (an unanswered field is not equal to anything).
    NotEquals,
    /// Anything was answered.
    Answered,
    /// A number or date after `values[0]`.
    GreaterThan,
    /// A number or date before `values[0]`.
    LessThan,
}

impl Operator {
    pub const ALL: [Operator; 6] = [
        Operator::Equals,
        Operator::NotEquals,
        Operator::AnyOf,
        Operator::Answered,
        Operator::GreaterThan,
        Operator::LessThan,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Operator::AnyOf => "any_of",
            Operator::Equals => "equals",
            Operator::NotEquals => "not_equals",
            Operator::Answered => "answered",
            Operator::GreaterThan => "greater_than",
            Operator::LessThan => "less_than",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|o| o.as_str() == s)
    }

    /// How a person reads it: "is", "is not", "is one of"…
    /// Compares numbers or dates, so it only applies to number and date fields.
    pub fn orders(self) -> bool {
        matches!(self, Operator::GreaterThan | Operator::LessThan)
    }

    /// How many values it compares with: none, exactly one, or at least one.
    fn arity(self) -> (usize, usize) {
        match self {
            Operator::Answered => (0, 0),
            Operator::AnyOf => (1, usize::MAX),
            _ => (1, 1),
        }
    }
}

/// One test on an earlier field's answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Condition {
    pub field: String,
    #[serde(default)]
    pub op: Operator,
    /// `equals` is how forms stored before operators existed name it.
    #[serde(default, alias = "equals", skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<String>,
}

impl Condition {
    pub fn new(field: &str, op: Operator, values: &[&str]) -> Self {
        Condition {
            field: field.into(),
            op,
            values: values.iter().map(|v| v.to_string()).collect(),
        }
    }
}

/// Whether every condition must hold, or one is enough.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Join {
    #[default]
    All,
    Any,
}

/// When a field is shown: its conditions, joined with all or any.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(from = "VisibilityWire")]
pub struct Visibility {
    pub join: Join,
    pub rules: Vec<Condition>,
}

impl Visibility {
    pub fn when(rule: Condition) -> Self {
        Visibility {
            join: Join::All,
            rules: vec![rule],
        }
    }
}

/// A stored visibility: the joined list, or the single condition forms had before joins existed.
#[derive(Deserialize)]
#[serde(untagged)]
enum VisibilityWire {
    Joined {
        #[serde(default)]
        join: Join,
        rules: Vec<Condition>,
    },
    Single(Condition),
}

impl From<VisibilityWire> for Visibility {
    fn from(wire: VisibilityWire) -> Self {
        match wire {
            VisibilityWire::Joined { join, rules } => Visibility { join, rules },
            VisibilityWire::Single(rule) => Visibility::when(rule),
        }
    }
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
    /// How options read in the reader's language, by value, where a translation says
    /// (`domain::translation`); an option without one reads as its value.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub option_labels: BTreeMap<String, String>,
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
    pub visible_when: Option<Visibility>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FormSchema {
    pub fields: Vec<Field>,
}

/// A schema problem found when an editor (or the seed data) defines a form. Each names the field
/// it is about, so the form builder shows it beside that field.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SchemaError {
    #[error("The key “{0}” is used by an earlier field; each field needs its own.")]
    DuplicateKey(String),
    #[error("The key “{0}” may hold only lowercase letters, digits and underscores.")]
    BadKey(String),
    #[error("Give the field “{0}” a label people can read.")]
    NoLabel(String),
    #[error("The choice field “{0}” needs at least one option.")]
    NoOptions(String),
    #[error("The field “{field}” lists the option “{option}” twice.")]
    DuplicateOption { field: String, option: String },
    #[error("The field “{field}” depends on “{on}”, which is not an earlier field. Conditions may only look at fields above.")]
    BadCondition { field: String, on: String },
    /// `wants`: "none", "one" or "some" (values).
    #[error("A condition of “{field}” needs {}.", match *.wants { "none" => "no value", "one" => "exactly one value", _ => "at least one value" })]
    ConditionValues { field: String, wants: &'static str },
    #[error("A condition of “{field}” compares “{on}” as a number or date, but it is neither.")]
    NotComparable { field: String, on: String },
    #[error("A condition of “{field}” looks for “{value}”, which “{on}” can never answer.")]
    ImpossibleValue {
        field: String,
        on: String,
        value: String,
    },
    #[error("The pattern of “{0}” is not a valid regular expression.")]
    BadPattern(String),
    #[error("The field “{0}” has a minimum above its maximum.")]
    BadRange(String),
}

impl SchemaError {
    /// The key of the field the problem is about.
    pub fn field(&self) -> &str {
        match self {
            SchemaError::DuplicateKey(k)
            | SchemaError::BadKey(k)
            | SchemaError::NoLabel(k)
            | SchemaError::NoOptions(k)
            | SchemaError::BadPattern(k)
            | SchemaError::BadRange(k) => k,
            SchemaError::DuplicateOption { field, .. }
            | SchemaError::BadCondition { field, .. }
            | SchemaError::ConditionValues { field, .. }
            | SchemaError::NotComparable { field, .. }
            | SchemaError::ImpossibleValue { field, .. } => field,
        }
    }

    /// The problem in words of the reader's language (`Display` is English, for logs and the
    /// seed check).
    pub fn say(&self) -> Say {
        let text = |s: &str| Arg::from(s);
        match self {
            SchemaError::DuplicateKey(k) => {
                say_with("error-schema-duplicate-key", [("key", text(k))])
            }
            SchemaError::BadKey(k) => say_with("error-schema-bad-key", [("key", text(k))]),
            SchemaError::NoLabel(k) => say_with("error-schema-no-label", [("key", text(k))]),
            SchemaError::NoOptions(k) => say_with("error-schema-no-options", [("key", text(k))]),
            SchemaError::DuplicateOption { field, option } => say_with(
                "error-schema-duplicate-option",
                [("field", text(field)), ("option", text(option))],
            ),
            SchemaError::BadCondition { field, on } => say_with(
                "error-schema-bad-condition",
                [("field", text(field)), ("on", text(on))],
            ),
            SchemaError::ConditionValues { field, wants } => say_with(
                "error-schema-condition-values",
                [("field", text(field)), ("wants", text(wants))],
            ),
            SchemaError::NotComparable { field, on } => say_with(
                "error-schema-not-comparable",
                [("field", text(field)), ("on", text(on))],
            ),
            SchemaError::ImpossibleValue { field, on, value } => say_with(
                "error-schema-impossible-value",
                [
                    ("field", text(field)),
                    ("on", text(on)),
                    ("value", text(value)),
                ],
            ),
            SchemaError::BadPattern(k) => say_with("error-schema-bad-pattern", [("key", text(k))]),
            SchemaError::BadRange(k) => say_with("error-schema-bad-range", [("key", text(k))]),
        }
    }
}

impl Field {
    /// How `option` reads: its translated label, else itself.
    pub fn option_label<'a>(&'a self, option: &'a str) -> &'a str {
        self.option_labels
            .get(option)
            .map(String::as_str)
            .unwrap_or(option)
    }

    /// An optional field with no limits; set the rest with struct update syntax.
    pub fn new(key: &str, label: &str, kind: FieldKind) -> Self {
        Field {
            key: key.into(),
            label: label.into(),
            kind,
            required: false,
            help: None,
            options: vec![],
            option_labels: BTreeMap::new(),
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

    /// Checks that a schema can be answered at all: the first problem, if any.
    pub fn check(&self) -> Result<(), SchemaError> {
        match self.problems().into_iter().next() {
            Some((_, problem)) => Err(problem),
            None => Ok(()),
        }
    }

    /// Every problem of the schema with the position of the field it is about, so an editor
    /// sees them all beside their fields at once. Conditions may only point backwards, which
    /// rules out cycles and lets visibility be decided in one pass.
    pub fn problems(&self) -> Vec<(usize, SchemaError)> {
        let mut problems = Vec::new();
        for (index, field) in self.fields.iter().enumerate() {
            let earlier = &self.fields[..index];
            if let Err(problem) = check_field(field, earlier) {
                problems.push((index, problem));
            }
        }
        problems
    }
}

fn check_field(field: &Field, earlier: &[Field]) -> Result<(), SchemaError> {
    let key = || field.key.clone();
    let key_ok = !field.key.is_empty()
        && field.key.len() <= 64
        && field
            .key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if !key_ok {
        return Err(SchemaError::BadKey(key()));
    }
    if earlier.iter().any(|f| f.key == field.key) {
        return Err(SchemaError::DuplicateKey(key()));
    }
    if field.label.trim().is_empty() {
        return Err(SchemaError::NoLabel(key()));
    }
    if matches!(field.kind, FieldKind::Choice | FieldKind::MultiChoice) {
        if field.options.iter().all(|o| o.trim().is_empty()) {
            return Err(SchemaError::NoOptions(key()));
        }
        for (i, option) in field.options.iter().enumerate() {
            if field.options[..i].contains(option) {
                return Err(SchemaError::DuplicateOption {
                    field: key(),
                    option: option.clone(),
                });
            }
        }
    }
    if let Some(pattern) = &field.pattern {
        if regex_lite::Regex::new(pattern).is_err() {
            return Err(SchemaError::BadPattern(key()));
        }
    }
    if let (Some(min), Some(max)) = (field.min, field.max) {
        if min > max {
            return Err(SchemaError::BadRange(key()));
        }
    }
    for rule in field.visible_when.iter().flat_map(|v| &v.rules) {
        let Some(on) = earlier.iter().find(|f| f.key == rule.field) else {
            return Err(SchemaError::BadCondition {
                field: key(),
                on: rule.field.clone(),
            });
        };
        check_rule(field, on, rule)?;
    }
    Ok(())
}

/// A condition must be able to hold: the right number of values, each one the earlier field
/// could answer.
fn check_rule(field: &Field, on: &Field, rule: &Condition) -> Result<(), SchemaError> {
    let (least, most) = rule.op.arity();
    let given = rule.values.iter().filter(|v| !v.trim().is_empty()).count();
    if given < least || given > most || given != rule.values.len() {
        let wants = match (least, most) {
            (0, 0) => "none",
            (1, 1) => "one",
            _ => "some",
        };
        return Err(SchemaError::ConditionValues {
            field: field.key.clone(),
            wants,
        });
    }
    if rule.op.orders() && !matches!(on.kind, FieldKind::Number | FieldKind::Date) {
        return Err(SchemaError::NotComparable {
            field: field.key.clone(),
            on: on.key.clone(),
        });
    }
    let answerable = |value: &str| match on.kind {
        FieldKind::Choice | FieldKind::MultiChoice => on.options.iter().any(|o| o == value),
        FieldKind::YesNo => matches!(value, "yes" | "no"),
        FieldKind::Number => value.trim().parse::<f64>().is_ok_and(f64::is_finite),
        FieldKind::Date => super::visibility::parse_date(value).is_some(),
        _ => true,
    };
    match rule.values.iter().find(|v| !answerable(v)) {
        Some(value) => Err(SchemaError::ImpossibleValue {
            field: field.key.clone(),
            on: on.key.clone(),
            value: value.clone(),
        }),
        None => Ok(()),
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
        why.visible_when = Some(Visibility::when(Condition::new(
            "model",
            Operator::Equals,
            &["Other"],
        )));
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
        later.visible_when = Some(Visibility::when(Condition::new(
            "after",
            Operator::AnyOf,
            &["x"],
        )));
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

    #[test]
    fn forms_stored_before_operators_still_read_as_any_of() {
        let old = r#"{"fields":[{"key":"model","label":"Model","kind":"choice","options":["A","Other"]},
            {"key":"why","label":"Why","kind":"text","visible_when":{"field":"model","equals":["Other"]}}]}"#;
        let schema: FormSchema = serde_json::from_str(old).unwrap();
        let when = schema.fields[1].visible_when.as_ref().unwrap();
        assert_eq!(when.join, Join::All);
        assert_eq!(
            when.rules,
            vec![Condition::new("model", Operator::AnyOf, &["Other"])]
        );
        assert_eq!(schema.check(), Ok(()));
        let toml_form: Field = toml::from_str(
            "key = \"why\"\nlabel = \"Why\"\nkind = \"text\"\nvisible_when = { field = \"model\", equals = [\"Other\"] }",
        )
        .unwrap();
        assert_eq!(toml_form.visible_when, Some(when.clone()));
    }

    fn two_fields(first: Field, mut second: Field, rules: Vec<Condition>) -> FormSchema {
        second.visible_when = Some(Visibility {
            join: Join::Any,
            rules,
        });
        FormSchema {
            fields: vec![first, second],
        }
    }

    #[test]
    fn check_names_each_condition_problem() {
        let mut size = field("size", FieldKind::Choice);
        size.options = vec!["S".into(), "L".into()];
        let note = field("note", FieldKind::Text);
        let problem = |rule: Condition| {
            two_fields(size.clone(), note.clone(), vec![rule])
                .check()
                .unwrap_err()
        };
        assert!(matches!(
            problem(Condition::new("size", Operator::Equals, &[])),
            SchemaError::ConditionValues { wants: "one", .. }
        ));
        assert!(matches!(
            problem(Condition::new("size", Operator::Answered, &["S"])),
            SchemaError::ConditionValues { wants: "none", .. }
        ));
        assert!(matches!(
            problem(Condition::new("size", Operator::AnyOf, &[])),
            SchemaError::ConditionValues { .. }
        ));
        assert!(matches!(
            problem(Condition::new("size", Operator::GreaterThan, &["S"])),
            SchemaError::NotComparable { .. }
        ));
        assert_eq!(
            problem(Condition::new("size", Operator::Equals, &["XL"])),
            SchemaError::ImpossibleValue {
                field: "note".into(),
                on: "size".into(),
                value: "XL".into()
            }
        );
        assert!(matches!(
            problem(Condition::new("missing", Operator::Answered, &[])),
            SchemaError::BadCondition { .. }
        ));
        let amount = field("amount", FieldKind::Number);
        let on_amount = |value: &str| {
            two_fields(
                amount.clone(),
                note.clone(),
                vec![Condition::new("amount", Operator::GreaterThan, &[value])],
            )
            .check()
        };
        assert_eq!(on_amount("500"), Ok(()));
        assert!(on_amount("five hundred").is_err());
        let date = field("by", FieldKind::Date);
        let on_date = |value: &str| {
            two_fields(
                date.clone(),
                note.clone(),
                vec![Condition::new("by", Operator::LessThan, &[value])],
            )
            .check()
        };
        assert_eq!(on_date("2026-12-24"), Ok(()));
        assert!(on_date("24/12/2026").is_err());
    }

    #[test]
    fn problems_lists_every_bad_field_by_position() {
        let mut low_high = field("qty", FieldKind::Number);
        low_high.min = Some(5.0);
        low_high.max = Some(1.0);
        let mut unlabelled = field("ok", FieldKind::Text);
        unlabelled.label = "  ".into();
        let mut twice = field("pick", FieldKind::Choice);
        twice.options = vec!["A".into(), "A".into()];
        let schema = FormSchema {
            fields: vec![low_high, field("fine", FieldKind::Text), unlabelled, twice],
        };
        let problems = schema.problems();
        assert_eq!(problems.len(), 3);
        assert_eq!(problems[0], (0, SchemaError::BadRange("qty".into())));
        assert_eq!(problems[1], (2, SchemaError::NoLabel("ok".into())));
        assert_eq!(problems[2].0, 3);
        assert_eq!(problems[2].1.field(), "pick");
        assert!(matches!(problems[2].1, SchemaError::DuplicateOption { .. }));
    }

    #[test]
    fn operators_round_trip_through_their_names() {
        for op in Operator::ALL {
            assert_eq!(Operator::parse(op.as_str()), Some(op));
        }
        assert_eq!(Operator::parse("contains"), None);
    }
}
