//! Which fields of a form are shown, given the answers so far.
//!
//! A hidden field is neither required nor stored: if "Laptop model" is not "Other", the
//! justification someone typed earlier and then hid is dropped on submit.

use super::form::{Answers, FormSchema};

/// Whether the field `key` is visible. A field whose controlling field is itself hidden is hidden
/// too, so chains of conditions behave as people expect.
pub fn is_visible(schema: &FormSchema, answers: &Answers, key: &str) -> bool {
    // Conditions only point to earlier fields (checked by `FormSchema::check`), so this walk
    // ends; the depth cap guards against a schema that skipped the check.
    let mut current = key;
    for _ in 0..=schema.fields.len() {
        let Some(field) = schema.field(current) else {
            return false;
        };
        let Some(cond) = &field.visible_when else {
            return true;
        };
        let matches = answers
            .get(&cond.field)
            .is_some_and(|values| values.iter().any(|v| cond.equals.contains(v)));
        if !matches {
            return false;
        }
        current = &cond.field;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::form::{Condition, Field, FieldKind};

    fn schema() -> FormSchema {
        let f = |key: &str, cond: Option<(&str, &str)>| Field {
            required: true,
            visible_when: cond.map(|(field, value)| Condition {
                field: field.into(),
                equals: vec![value.into()],
            }),
            ..Field::new(key, key, FieldKind::Text)
        };
        FormSchema {
            fields: vec![
                f("model", None),
                f("justification", Some(("model", "Other"))),
                f("budget_code", Some(("justification", "costly"))),
            ],
        }
    }

    fn answers(pairs: &[(&str, &str)]) -> Answers {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), vec![v.to_string()]))
            .collect()
    }

    #[test]
    fn unconditional_fields_are_always_visible() {
        assert!(is_visible(&schema(), &Answers::new(), "model"));
    }

    #[test]
    fn condition_shows_field_only_for_matching_answer() {
        let s = schema();
        assert!(!is_visible(
            &s,
            &answers(&[("model", "Standard")]),
            "justification"
        ));
        assert!(is_visible(
            &s,
            &answers(&[("model", "Other")]),
            "justification"
        ));
        assert!(!is_visible(&s, &Answers::new(), "justification"));
    }

    #[test]
    fn field_behind_a_hidden_field_is_hidden() {
        let s = schema();
        // budget_code's own condition matches, but justification (its parent) is hidden.
        let a = answers(&[("model", "Standard"), ("justification", "costly")]);
        assert!(!is_visible(&s, &a, "budget_code"));
        let a = answers(&[("model", "Other"), ("justification", "costly")]);
        assert!(is_visible(&s, &a, "budget_code"));
    }

    #[test]
    fn unknown_field_is_not_visible() {
        assert!(!is_visible(&schema(), &Answers::new(), "nope"));
    }
}
