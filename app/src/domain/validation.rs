//! Parses a form's answers against its schema: the same function gives live feedback in the
//! browser and is the gate on the server. It returns typed answers or one message per field,
//! written for the person filling the form (`Say`: the page puts it in the reader's language).

use super::form::{Answers, Field, FieldKind, FormSchema};
use super::say::{say, say_with, Arg, Problems, Say};
use super::visibility::visible_fields;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Messages by field key, in the reader's words. The key `_form` holds problems that belong to
/// no single field.
pub type FieldErrors = BTreeMap<String, String>;

pub const FORM_ERROR_KEY: &str = "_form";

/// A typed answer, as stored with a ticket.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum ValidAnswer {
    Text(String),
    Number(f64),
    Date(NaiveDate),
    Choice(String),
    MultiChoice(Vec<String>),
    YesNo(bool),
    Email(String),
    Store(String),
    Asset(String),
    Attachment(i64),
}

impl ValidAnswer {
    /// How the answer reads on a request page.
    pub fn display(&self) -> String {
        match self {
            ValidAnswer::Text(s)
            | ValidAnswer::Choice(s)
            | ValidAnswer::Email(s)
            | ValidAnswer::Store(s)
            | ValidAnswer::Asset(s) => s.clone(),
            ValidAnswer::Number(n) => format_number(*n),
            ValidAnswer::Date(d) => d.format("%-d %B %Y").to_string(),
            ValidAnswer::MultiChoice(v) => v.join(", "),
            ValidAnswer::YesNo(b) => if *b { "Yes" } else { "No" }.to_string(),
            ValidAnswer::Attachment(id) => format!("attachment #{id}"),
        }
    }
}

fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AnsweredField {
    pub key: String,
    pub label: String,
    pub answer: ValidAnswer,
}

/// Visible, answered fields in form order. Hidden and empty optional fields are left out.
pub type ValidAnswers = Vec<AnsweredField>;

/// Store codes and asset tags that store and asset fields may name.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LookupLists {
    pub stores: Vec<String>,
    /// (asset tag, store code)
    pub assets: Vec<(String, String)>,
    /// The priority matrix's levels as (key, label): impact and urgency fields answer with a
    /// key and are stored with the label people read.
    pub impacts: Vec<(String, String)>,
    pub urgencies: Vec<(String, String)>,
    /// In the browser only: an attachment may be a file kept on the device (`local-…`) that
    /// the outbox uploads before it sends the form. The server never accepts one.
    #[serde(default)]
    pub device_files: bool,
}

impl LookupLists {
    /// The label of an impact or urgency level, for a field of that kind; `None` for another
    /// kind of field or a key the matrix does not have.
    pub fn level_label(&self, kind: FieldKind, key: &str) -> Option<&str> {
        let levels = match kind {
            FieldKind::Impact => &self.impacts,
            FieldKind::Urgency => &self.urgencies,
            _ => return None,
        };
        levels
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, label)| label.as_str())
    }
}

/// How an answer names an attachment that is still on the device, not yet uploaded.
pub const DEVICE_FILE_PREFIX: &str = "local-";

/// Validates every visible field and returns typed answers, or every problem at once (people
/// fix a form in one pass, not one error per submit).
pub fn validate_answers(
    schema: &FormSchema,
    answers: &Answers,
    lookups: &LookupLists,
) -> Result<ValidAnswers, Problems> {
    let mut errors = Problems::new();
    let mut valid = ValidAnswers::new();

    if let Some(unknown) = answers.keys().find(|k| schema.field(k).is_none()) {
        errors.insert(
            FORM_ERROR_KEY.into(),
            say_with("form-changed", [("field", unknown.as_str().into())]),
        );
    }

    // A device must belong to the store chosen on the same form, if the form asks for one.
    let chosen_store = schema.chosen_store(answers);

    let visible = visible_fields(schema, answers);
    for field in &schema.fields {
        if !visible.contains(field.key.as_str()) {
            continue;
        }
        let values: Vec<&str> = answers
            .get(&field.key)
            .map(|v| {
                v.iter()
                    .map(|s| s.trim())
                    .filter(|s| !s.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        match validate_field(field, &values, chosen_store, lookups) {
            Ok(Some(answer)) => valid.push(AnsweredField {
                key: field.key.clone(),
                label: field.label.clone(),
                answer,
            }),
            Ok(None) => {}
            Err(message) => {
                errors.insert(field.key.clone(), message);
            }
        }
    }

    if errors.is_empty() {
        Ok(valid)
    } else {
        Err(errors)
    }
}

/// Validates one field. `Ok(None)` means an optional field left empty.
pub fn validate_field(
    field: &Field,
    values: &[&str],
    chosen_store: Option<&str>,
    lookups: &LookupLists,
) -> Result<Option<ValidAnswer>, Say> {
    if values.is_empty() {
        // An unticked yes/no checkbox sends nothing: that is a "no", not a missing answer.
        if field.kind == FieldKind::YesNo && !field.required {
            return Ok(Some(ValidAnswer::YesNo(false)));
        }
        return if field.required {
            Err(required_message(field))
        } else {
            Ok(None)
        };
    }
    if field.kind != FieldKind::MultiChoice && values.len() > 1 {
        return Err(say("field-one-answer"));
    }
    let value = values[0];
    if value.chars().count() > FieldKind::HARD_MAX_CHARS {
        return Err(say_with(
            "field-too-long-at-all",
            [("max", Arg::count(FieldKind::HARD_MAX_CHARS))],
        ));
    }

    match field.kind {
        FieldKind::Text | FieldKind::LongText => {
            check_length(field, value)?;
            if let Some(pattern) = &field.pattern {
                let re = regex_lite::Regex::new(pattern).map_err(|_| say("field-cannot-check"))?;
                if !re.is_match(value) {
                    return Err(match &field.pattern_hint {
                        Some(hint) => Say::Verbatim(hint.clone()),
                        None => say("field-format"),
                    });
                }
            }
            Ok(Some(ValidAnswer::Text(value.to_string())))
        }
        FieldKind::Number => {
            let n: f64 = value
                .replace(',', "")
                .parse()
                .ok()
                .filter(|n: &f64| n.is_finite())
                .ok_or_else(|| say("field-number"))?;
            let min_arg = || ("min", format_number(field.min.unwrap_or_default()).into());
            let max_arg = || ("max", format_number(field.max.unwrap_or_default()).into());
            match (field.min, field.max) {
                (Some(min), Some(max)) if n < min || n > max => {
                    Err(say_with("field-number-between", [min_arg(), max_arg()]))
                }
                (Some(min), None) if n < min => Err(say_with("field-number-min", [min_arg()])),
                (None, Some(max)) if n > max => Err(say_with("field-number-max", [max_arg()])),
                _ => Ok(Some(ValidAnswer::Number(n))),
            }
        }
        FieldKind::Date => NaiveDate::parse_from_str(value, "%Y-%m-%d")
            .map(|d| Some(ValidAnswer::Date(d)))
            .map_err(|_| say("field-date")),
        FieldKind::Choice => {
            if field.options.iter().any(|o| o == value) {
                Ok(Some(ValidAnswer::Choice(value.to_string())))
            } else {
                Err(say("field-not-an-option"))
            }
        }
        FieldKind::MultiChoice => {
            let mut picked: Vec<String> = Vec::new();
            for v in values {
                if !field.options.iter().any(|o| o == v) {
                    return Err(say_with("field-not-one-of", [("value", (*v).into())]));
                }
                if !picked.iter().any(|p| p == v) {
                    picked.push(v.to_string());
                }
            }
            let count = picked.len() as f64;
            if let Some(min) = field.min.filter(|m| count < *m) {
                return Err(say_with(
                    "field-pick-at-least",
                    [("min", (min as i64).into())],
                ));
            }
            if let Some(max) = field.max.filter(|m| count > *m) {
                return Err(say_with(
                    "field-pick-at-most",
                    [("max", (max as i64).into())],
                ));
            }
            Ok(Some(ValidAnswer::MultiChoice(picked)))
        }
        FieldKind::YesNo => match value {
            "yes" | "true" | "on" => Ok(Some(ValidAnswer::YesNo(true))),
            "no" | "false" | "off" => Ok(Some(ValidAnswer::YesNo(false))),
            _ => Err(say("field-yes-no")),
        },
        FieldKind::Email => {
            check_length(field, value)?;
            if is_plausible_email(value) {
                Ok(Some(ValidAnswer::Email(value.to_lowercase())))
            } else {
                Err(say("field-email"))
            }
        }
        FieldKind::Store => {
            if lookups.stores.iter().any(|s| s == value) {
                Ok(Some(ValidAnswer::Store(value.to_string())))
            } else {
                Err(say("field-store"))
            }
        }
        FieldKind::Asset => {
            let Some((_, store)) = lookups.assets.iter().find(|(tag, _)| tag == value) else {
                return Err(say("field-device"));
            };
            match chosen_store {
                Some(code) if code != store.as_str() => {
                    Err(say_with("field-device-elsewhere", [("store", code.into())]))
                }
                _ => Ok(Some(ValidAnswer::Asset(value.to_string()))),
            }
        }
        FieldKind::Impact | FieldKind::Urgency => lookups
            .level_label(field.kind, value)
            .map(|label| Some(ValidAnswer::Choice(label.to_string())))
            .ok_or_else(|| say("field-not-an-option")),
        FieldKind::Attachment if lookups.device_files && value.starts_with(DEVICE_FILE_PREFIX) => {
            Ok(None)
        }
        FieldKind::Attachment => value
            .parse::<i64>()
            .ok()
            .filter(|id| *id > 0)
            .map(|id| Some(ValidAnswer::Attachment(id)))
            .ok_or_else(|| say("field-upload-again")),
    }
}

fn required_message(field: &Field) -> Say {
    match field.kind {
        FieldKind::Choice
        | FieldKind::Store
        | FieldKind::Asset
        | FieldKind::Impact
        | FieldKind::Urgency => say("field-pick-one"),
        FieldKind::MultiChoice => say("field-pick-some"),
        FieldKind::Attachment => say("field-attach"),
        FieldKind::YesNo => say("field-yes-no"),
        _ => say("field-required"),
    }
}

fn check_length(field: &Field, value: &str) -> Result<(), Say> {
    let len = value.chars().count();
    let max = field
        .max
        .map(|m| m as usize)
        .unwrap_or_else(|| field.kind.default_max_chars());
    if len > max {
        return Err(say_with(
            "field-too-long",
            [("max", Arg::count(max)), ("now", Arg::count(len))],
        ));
    }
    if let Some(min) = field.min.map(|m| m as usize).filter(|m| len < *m) {
        return Err(say_with(
            "field-too-short",
            [("min", Arg::count(min)), ("now", Arg::count(len))],
        ));
    }
    Ok(())
}

/// Deliberately loose: one @, something before it, a dotted domain after it, no spaces. The
/// only real check of an address is mail reaching it.
pub fn is_plausible_email(value: &str) -> bool {
    let Some((local, domain)) = value.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !value.chars().any(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::form::{Condition, Operator, Visibility};

    fn field(key: &str, kind: FieldKind) -> Field {
        Field {
            required: true,
            ..Field::new(key, key, kind)
        }
    }

    fn one(field: Field, value: &str) -> Result<Option<ValidAnswer>, Say> {
        let lookups = lookups();
        let values: Vec<&str> = if value.is_empty() {
            vec![]
        } else {
            vec![value]
        };
        validate_field(&field, &values, None, &lookups)
    }

    fn lookups() -> LookupLists {
        LookupLists {
            stores: vec!["S012".into(), "S020".into()],
            assets: vec![
                ("S012-REG-03".into(), "S012".into()),
                ("S020-REG-01".into(), "S020".into()),
            ],
            impacts: vec![("whole_store".into(), "The whole store".into())],
            urgencies: vec![("now".into(), "Now".into())],
            device_files: false,
        }
    }

    #[test]
    fn impact_and_urgency_answer_with_a_level_key_and_keep_its_words() {
        assert_eq!(
            one(field("i", FieldKind::Impact), "whole_store"),
            Ok(Some(ValidAnswer::Choice("The whole store".into())))
        );
        assert!(one(field("i", FieldKind::Impact), "P1").is_err());
        assert!(one(field("u", FieldKind::Urgency), "whole_store").is_err());
        assert!(one(field("u", FieldKind::Urgency), "now").is_ok());
    }

    fn answers(pairs: &[(&str, &str)]) -> Answers {
        let mut a = Answers::new();
        for (k, v) in pairs {
            a.entry(k.to_string()).or_default().push(v.to_string());
        }
        a
    }

    #[test]
    fn text_checks_required_length_and_pattern() {
        let mut f = field("code", FieldKind::Text);
        assert_eq!(one(f.clone(), ""), Err(say("field-required")));
        f.min = Some(3.0);
        f.max = Some(6.0);
        assert_eq!(
            one(f.clone(), "ab"),
            Err(say_with(
                "field-too-short",
                [("min", Arg::count(3)), ("now", Arg::count(2))]
            ))
        );
        assert_eq!(
            one(f.clone(), "abcdefg"),
            Err(say_with(
                "field-too-long",
                [("max", Arg::count(6)), ("now", Arg::count(7))]
            ))
        );
        f.pattern = Some("^[A-Z]{2}[0-9]{2}$".into());
        f.pattern_hint = Some("Two letters then two digits".into());
        assert_eq!(
            one(f.clone(), "ab12"),
            Err(Say::Verbatim("Two letters then two digits".into()))
        );
        assert_eq!(one(f, "AB12"), Ok(Some(ValidAnswer::Text("AB12".into()))));
    }

    #[test]
    fn text_has_a_default_cap_and_long_text_a_bigger_one() {
        let long = "x".repeat(300);
        assert!(one(field("t", FieldKind::Text), &long).is_err());
        assert!(one(field("t", FieldKind::LongText), &long).is_ok());
        let huge = "x".repeat(FieldKind::HARD_MAX_CHARS + 1);
        let mut f = field("t", FieldKind::LongText);
        f.max = Some(1e9);
        assert_eq!(
            one(f, &huge).unwrap_err().id(),
            Some("field-too-long-at-all")
        );
    }

    #[test]
    fn number_parses_and_respects_range() {
        let mut f = field("n", FieldKind::Number);
        f.min = Some(1.0);
        f.max = Some(5.0);
        assert_eq!(one(f.clone(), "3"), Ok(Some(ValidAnswer::Number(3.0))));
        assert_eq!(one(f.clone(), "2.5"), Ok(Some(ValidAnswer::Number(2.5))));
        assert_eq!(
            one(f.clone(), "9"),
            Err(say_with(
                "field-number-between",
                [("min", "1".into()), ("max", "5".into())]
            ))
        );
        assert_eq!(one(f.clone(), "three"), Err(say("field-number")));
        assert!(one(f, "NaN").is_err());
    }

    #[test]
    fn date_must_be_iso() {
        let f = field("d", FieldKind::Date);
        assert_eq!(
            one(f.clone(), "2026-12-01"),
            Ok(Some(ValidAnswer::Date(
                NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
            )))
        );
        assert!(one(f.clone(), "01/12/2026").is_err());
        assert!(one(f, "2026-02-30").is_err());
    }

    #[test]
    fn choice_must_be_an_option() {
        let mut f = field("c", FieldKind::Choice);
        f.options = vec!["A".into(), "B".into()];
        assert_eq!(
            one(f.clone(), "A"),
            Ok(Some(ValidAnswer::Choice("A".into())))
        );
        assert_eq!(one(f.clone(), "C"), Err(say("field-not-an-option")));
        assert_eq!(one(f, ""), Err(say("field-pick-one")));
    }

    #[test]
    fn multi_choice_counts_distinct_options() {
        let mut f = field("m", FieldKind::MultiChoice);
        f.options = vec!["A".into(), "B".into(), "C".into()];
        f.max = Some(2.0);
        let l = lookups();
        let ok = validate_field(&f, &["A", "B", "A"], None, &l);
        assert_eq!(
            ok,
            Ok(Some(ValidAnswer::MultiChoice(vec!["A".into(), "B".into()])))
        );
        assert_eq!(
            validate_field(&f, &["A", "B", "C"], None, &l),
            Err(say_with("field-pick-at-most", [("max", 2i64.into())]))
        );
        assert!(validate_field(&f, &["Z"], None, &l).is_err());
        f.required = false;
        assert_eq!(validate_field(&f, &[], None, &l), Ok(None));
    }

    #[test]
    fn yes_no_accepts_checkbox_and_words() {
        let f = field("y", FieldKind::YesNo);
        assert_eq!(one(f.clone(), "on"), Ok(Some(ValidAnswer::YesNo(true))));
        assert_eq!(one(f.clone(), "no"), Ok(Some(ValidAnswer::YesNo(false))));
        assert!(one(f.clone(), "maybe").is_err());
        let mut optional = f;
        optional.required = false;
        assert_eq!(one(optional, ""), Ok(Some(ValidAnswer::YesNo(false))));
    }

    #[test]
    fn email_is_plausible_and_lowercased() {
        let f = field("e", FieldKind::Email);
        assert_eq!(
            one(f.clone(), "Ana@Example.com"),
            Ok(Some(ValidAnswer::Email("ana@example.com".into())))
        );
        for bad in [
            "ana",
            "ana@",
            "@x.com",
            "ana@x",
            "a b@x.com",
            "a@b@c.com",
            "a@.com",
        ] {
            assert!(one(f.clone(), bad).is_err(), "{bad} should fail");
        }
    }

    #[test]
    fn store_and_asset_must_exist_and_match() {
        assert!(one(field("s", FieldKind::Store), "S012").is_ok());
        assert!(one(field("s", FieldKind::Store), "S999").is_err());
        assert!(one(field("a", FieldKind::Asset), "S012-REG-03").is_ok());
        assert!(one(field("a", FieldKind::Asset), "NOPE").is_err());

        let schema = FormSchema {
            fields: vec![
                field("store", FieldKind::Store),
                field("asset", FieldKind::Asset),
            ],
        };
        let wrong = answers(&[("store", "S020"), ("asset", "S012-REG-03")]);
        let errors = validate_answers(&schema, &wrong, &lookups()).unwrap_err();
        assert_eq!(
            errors["asset"],
            say_with("field-device-elsewhere", [("store", "S020".into())])
        );
        let right = answers(&[("store", "S012"), ("asset", "S012-REG-03")]);
        assert_eq!(
            validate_answers(&schema, &right, &lookups()).unwrap().len(),
            2
        );
    }

    #[test]
    fn attachment_is_an_uploaded_id() {
        let f = field("photo", FieldKind::Attachment);
        assert_eq!(one(f.clone(), "17"), Ok(Some(ValidAnswer::Attachment(17))));
        assert!(one(f.clone(), "../etc/passwd").is_err());
        assert_eq!(one(f, ""), Err(say("field-attach")));
    }

    #[test]
    fn a_file_kept_on_the_device_passes_only_in_the_browser() {
        let f = field("photo", FieldKind::Attachment);
        let mut l = lookups();
        assert!(
            validate_field(&f, &["local-1f2e"], None, &l).is_err(),
            "the server refuses it"
        );
        l.device_files = true;
        assert_eq!(validate_field(&f, &["local-1f2e"], None, &l), Ok(None));
        assert!(validate_field(&f, &["elsewhere-1"], None, &l).is_err());
    }

    #[test]
    fn single_value_fields_reject_several_values() {
        let l = lookups();
        let f = field("t", FieldKind::Text);
        assert!(validate_field(&f, &["a", "b"], None, &l).is_err());
    }

    fn laptop() -> FormSchema {
        let mut model = field("model", FieldKind::Choice);
        model.options = vec!["Standard".into(), "Other".into()];
        let mut why = field("justification", FieldKind::LongText);
        why.min = Some(20.0);
        why.visible_when = Some(Visibility::when(Condition::new(
            "model",
            Operator::AnyOf,
            &["Other"],
        )));
        FormSchema {
            fields: vec![model, why],
        }
    }

    #[test]
    fn hidden_fields_are_neither_required_nor_kept() {
        let schema = laptop();
        let a = answers(&[
            ("model", "Standard"),
            ("justification", "left over from before"),
        ]);
        let valid = validate_answers(&schema, &a, &lookups()).unwrap();
        assert_eq!(valid.len(), 1);
        assert_eq!(valid[0].key, "model");
    }

    #[test]
    fn visible_conditional_field_is_required_and_all_errors_come_back() {
        let schema = laptop();
        let errors =
            validate_answers(&schema, &answers(&[("model", "Other")]), &lookups()).unwrap_err();
        assert_eq!(errors["justification"], say("field-required"));

        let errors = validate_answers(&schema, &Answers::new(), &lookups()).unwrap_err();
        assert_eq!(
            errors.len(),
            1,
            "justification is hidden while model is empty"
        );
        assert_eq!(errors["model"], say("field-pick-one"));
    }

    #[test]
    fn unknown_answer_keys_are_a_form_level_error() {
        let a = answers(&[("model", "Standard"), ("colour", "pink")]);
        let errors = validate_answers(&laptop(), &a, &lookups()).unwrap_err();
        assert_eq!(
            errors[FORM_ERROR_KEY],
            say_with("form-changed", [("field", "colour".into())])
        );
    }

    #[test]
    fn whitespace_only_counts_as_empty() {
        let schema = FormSchema {
            fields: vec![field("t", FieldKind::Text)],
        };
        let errors = validate_answers(&schema, &answers(&[("t", "   ")]), &lookups()).unwrap_err();
        assert_eq!(errors["t"], say("field-required"));
    }

    #[test]
    fn display_reads_naturally() {
        assert_eq!(ValidAnswer::Number(3.0).display(), "3");
        assert_eq!(ValidAnswer::YesNo(true).display(), "Yes");
        assert_eq!(
            ValidAnswer::Date(NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()).display(),
            "1 December 2026"
        );
        assert_eq!(
            ValidAnswer::MultiChoice(vec!["A".into(), "B".into()]).display(),
            "A, B"
        );
    }
}
