//! A form's conditions in the reader's words: beside a field that only applies sometimes, for a
//! reader whose page cannot make it appear (no JavaScript), and in the catalog builder.

use super::{t, t_with};
use crate::domain::form::{Condition, Join, Operator, Visibility};

/// How the builder names a test ("is one of").
pub fn operator_words(op: Operator) -> String {
    t_with("condition-operator", &[("op", op.as_str().into())])
}

/// "Only if “Model” is Other or “Cost” is more than 500." `label_of` names a field by its key;
/// `value_of` words a value the field's answer is compared with (an option's label).
pub fn describe(
    when: &Visibility,
    label_of: impl Fn(&str) -> String,
    value_of: impl Fn(&str, &str) -> String,
) -> String {
    let glue = match when.join {
        Join::All => t("condition-and"),
        Join::Any => t("condition-or"),
    };
    let parts: Vec<String> = when
        .rules
        .iter()
        .map(|rule| condition(rule, &label_of(&rule.field), |v| value_of(&rule.field, v)))
        .collect();
    t_with(
        "condition-only-if",
        &[("rules", parts.join(&format!(" {glue} ")).into())],
    )
}

fn condition(rule: &Condition, label: &str, value_of: impl Fn(&str) -> String) -> String {
    let values: Vec<String> = rule.values.iter().map(|v| value_of(v)).collect();
    // One value of a list reads as "is".
    let op = match rule.op {
        Operator::AnyOf if values.len() <= 1 => Operator::Equals,
        op => op,
    };
    t_with(
        "condition",
        &[
            ("label", label.into()),
            ("op", op.as_str().into()),
            ("values", values.join(", ").into()),
        ],
    )
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    #[test]
    fn a_visibility_reads_in_words() {
        // Outside a page the messages are English.
        let when = Visibility {
            join: Join::Any,
            rules: vec![
                Condition::new("model", Operator::AnyOf, &["Other", "Custom"]),
                Condition::new("cost", Operator::GreaterThan, &["500"]),
            ],
        };
        assert_eq!(
            describe(&when, |k| k.to_uppercase(), |_, v| v.to_string()),
            "Only if “MODEL” is one of Other, Custom or “COST” is more than 500."
        );
        let one = Visibility {
            join: Join::All,
            rules: vec![
                Condition::new("model", Operator::AnyOf, &["Other"]),
                Condition::new("budget", Operator::Answered, &[]),
            ],
        };
        // Values read as the reader's option labels.
        assert_eq!(
            describe(&one, |k| k.to_string(), |_, v| format!("<{v}>")),
            "Only if “model” is <Other> and “budget” is answered."
        );
        for op in Operator::ALL {
            assert!(!operator_words(op).is_empty());
        }
    }
}
