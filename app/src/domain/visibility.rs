//! Which fields of a form are shown, given the answers so far.
//!
//! A hidden field is neither required nor stored: if "Laptop model" is not "Other", the
//! justification someone typed earlier and then hid is dropped on submit.

use super::form::{Answers, Condition, Field, FieldKind, FormSchema, Join, Operator, Visibility};
use std::collections::HashSet;

/// Whether the field `key` is visible. A field whose controlling field is hidden counts that
/// field as unanswered, so chains of conditions behave as people expect.
pub fn is_visible(schema: &FormSchema, answers: &Answers, key: &str) -> bool {
    visible_fields(schema, answers).contains(key)
}

/// The keys of every visible field, decided in one pass: conditions only point to earlier
/// fields (`FormSchema::check`), so each field's controls are settled before it is reached. A
/// condition on a field that is not (yet) visible does not hold.
pub fn visible_fields<'a>(schema: &'a FormSchema, answers: &Answers) -> HashSet<&'a str> {
    let mut visible: HashSet<&str> = HashSet::new();
    for field in &schema.fields {
        let shown = match &field.visible_when {
            None => true,
            Some(when) => joined_hold(schema, &visible, answers, when),
        };
        if shown {
            visible.insert(field.key.as_str());
        }
    }
    visible
}

/// Whether `when` holds for a submitted form: an approval step's condition ("only when the
/// cost is over 500") read as a field's would be, against the fields that were shown.
pub fn conditions_hold(schema: &FormSchema, answers: &Answers, when: &Visibility) -> bool {
    joined_hold(schema, &visible_fields(schema, answers), answers, when)
}

/// `when`'s conditions joined, each on a field that is visible and answered as it asks.
fn joined_hold(
    schema: &FormSchema,
    visible: &HashSet<&str>,
    answers: &Answers,
    when: &Visibility,
) -> bool {
    let holds = |rule: &Condition| {
        visible.contains(rule.field.as_str())
            && schema
                .field(&rule.field)
                .is_some_and(|on| holds(rule, on, answers.get(&on.key)))
    };
    match when.join {
        Join::All => when.rules.iter().all(holds),
        Join::Any => when.rules.is_empty() || when.rules.iter().any(holds),
    }
}

/// Whether one condition holds for the answer given to the field `on`.
fn holds(rule: &Condition, on: &Field, answer: Option<&Vec<String>>) -> bool {
    let mut given: Vec<&str> = answer
        .map(|values| {
            values
                .iter()
                .map(|v| v.trim())
                .filter(|v| !v.is_empty())
                .collect()
        })
        .unwrap_or_default();
    if on.kind == FieldKind::YesNo {
        // An unticked checkbox sends nothing, and means "no".
        let yes = given.iter().any(|v| matches!(*v, "yes" | "true" | "on"));
        given = vec![if yes { "yes" } else { "no" }];
    }
    let first = rule.values.first().map(|v| v.trim());
    match rule.op {
        Operator::Answered => !given.is_empty(),
        Operator::AnyOf => given
            .iter()
            .any(|g| rule.values.iter().any(|v| v.trim() == *g)),
        Operator::Equals => first.is_some_and(|v| given.contains(&v)),
        Operator::NotEquals => first.is_some_and(|v| !given.contains(&v)),
        Operator::GreaterThan | Operator::LessThan => {
            let (Some(value), Some(answer)) = (first, given.first()) else {
                return false;
            };
            let order = if on.kind == FieldKind::Date {
                parse_date(answer)
                    .zip(parse_date(value))
                    .map(|(a, b)| a.cmp(&b))
            } else {
                let number = |s: &str| s.parse::<f64>().ok().filter(|n| n.is_finite());
                number(answer)
                    .zip(number(value))
                    .and_then(|(a, b)| a.partial_cmp(&b))
            };
            let wanted = if rule.op == Operator::GreaterThan {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Less
            };
            order == Some(wanted)
        }
    }
}

/// A date as a date field answers it (`2026-12-24`).
pub fn parse_date(s: &str) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::form::{Field, FieldKind, Visibility};

    fn schema() -> FormSchema {
        let f = |key: &str, cond: Option<(&str, &str)>| Field {
            required: true,
            visible_when: cond.map(|(field, value)| {
                Visibility::when(Condition::new(field, Operator::AnyOf, &[value]))
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
    fn an_approval_condition_reads_the_answers_as_a_field_condition_would() {
        let form = FormSchema {
            fields: vec![
                Field::new("software", "Software", FieldKind::Text),
                Field {
                    visible_when: Some(Visibility::when(Condition::new(
                        "software",
                        Operator::NotEquals,
                        &["free"],
                    ))),
                    ..Field::new("cost", "Cost", FieldKind::Number)
                },
            ],
        };
        let over_500 = Visibility::when(Condition::new("cost", Operator::GreaterThan, &["500"]));
        let holds = |pairs: &[(&str, &str)]| conditions_hold(&form, &answers(pairs), &over_500);
        assert!(holds(&[("software", "CAD"), ("cost", "1200")]));
        assert!(!holds(&[("software", "CAD"), ("cost", "499")]));
        assert!(!holds(&[("software", "CAD")]), "no cost given");
        assert!(
            !holds(&[("software", "free"), ("cost", "1200")]),
            "a hidden field's answer does not count"
        );
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

    fn with_rules(join: Join, rules: Vec<Condition>) -> FormSchema {
        let mut amount = Field::new("amount", "Amount", FieldKind::Number);
        amount.required = false;
        let mut when = Field::new("when", "Needed by", FieldKind::Date);
        when.required = false;
        let mut colour = Field::new("colour", "Colour", FieldKind::MultiChoice);
        colour.options = vec!["Red".into(), "Blue".into(), "Green".into()];
        let mut shown = Field::new("shown", "Shown", FieldKind::Text);
        shown.visible_when = Some(Visibility { join, rules });
        FormSchema {
            fields: vec![
                amount,
                when,
                colour,
                Field::new("urgent", "Urgent", FieldKind::YesNo),
                shown,
            ],
        }
    }

    fn shown(rule: Condition, pairs: &[(&str, &str)]) -> bool {
        is_visible(&with_rules(Join::All, vec![rule]), &answers(pairs), "shown")
    }

    #[test]
    fn equals_and_not_equals_compare_one_value() {
        let is_red = Condition::new("colour", Operator::Equals, &["Red"]);
        assert!(shown(is_red.clone(), &[("colour", "Red")]));
        assert!(!shown(is_red, &[("colour", "Blue")]));
        let not_red = Condition::new("colour", Operator::NotEquals, &["Red"]);
        assert!(shown(not_red.clone(), &[("colour", "Blue")]));
        assert!(shown(not_red.clone(), &[]), "unanswered is not red");
        assert!(!shown(not_red, &[("colour", "Red")]));
    }

    #[test]
    fn any_of_holds_when_any_picked_option_is_listed() {
        let rule = Condition::new("colour", Operator::AnyOf, &["Red", "Green"]);
        let s = with_rules(Join::All, vec![rule]);
        let mut a = Answers::new();
        a.insert("colour".into(), vec!["Blue".into(), "Green".into()]);
        assert!(is_visible(&s, &a, "shown"));
        a.insert("colour".into(), vec!["Blue".into()]);
        assert!(!is_visible(&s, &a, "shown"));
    }

    #[test]
    fn answered_ignores_blank_answers() {
        let rule = Condition::new("amount", Operator::Answered, &[]);
        assert!(shown(rule.clone(), &[("amount", "3")]));
        assert!(!shown(rule.clone(), &[("amount", "   ")]));
        assert!(!shown(rule, &[]));
    }

    #[test]
    fn greater_and_less_than_compare_numbers_not_text() {
        let over = Condition::new("amount", Operator::GreaterThan, &["500"]);
        assert!(
            shown(over.clone(), &[("amount", "1200")]),
            "1200 > 500 though \"1\" < \"5\""
        );
        assert!(!shown(over.clone(), &[("amount", "500")]));
        assert!(!shown(over.clone(), &[("amount", "lots")]));
        assert!(!shown(over, &[]));
        let under = Condition::new("amount", Operator::LessThan, &["2.5"]);
        assert!(shown(under.clone(), &[("amount", "-1")]));
        assert!(!shown(under, &[("amount", "2.5")]));
    }

    #[test]
    fn greater_and_less_than_compare_dates_on_date_fields() {
        let after = Condition::new("when", Operator::GreaterThan, &["2026-12-24"]);
        assert!(shown(after.clone(), &[("when", "2027-01-02")]));
        assert!(!shown(after.clone(), &[("when", "2026-12-24")]));
        assert!(!shown(after, &[("when", "next week")]));
        let before = Condition::new("when", Operator::LessThan, &["2026-12-24"]);
        assert!(shown(before, &[("when", "2026-02-01")]));
    }

    #[test]
    fn yes_no_treats_an_unticked_box_as_no() {
        let no = Condition::new("urgent", Operator::Equals, &["no"]);
        assert!(shown(no.clone(), &[]));
        assert!(!shown(no, &[("urgent", "on")]));
        let yes = Condition::new("urgent", Operator::Equals, &["yes"]);
        assert!(shown(yes, &[("urgent", "true")]));
    }

    #[test]
    fn all_needs_every_rule_and_any_needs_one() {
        let rules = vec![
            Condition::new("amount", Operator::GreaterThan, &["500"]),
            Condition::new("colour", Operator::Equals, &["Red"]),
        ];
        let all = with_rules(Join::All, rules.clone());
        let any = with_rules(Join::Any, rules);
        let one = answers(&[("amount", "900"), ("colour", "Blue")]);
        let both = answers(&[("amount", "900"), ("colour", "Red")]);
        let none = answers(&[("amount", "9"), ("colour", "Blue")]);
        assert!(!is_visible(&all, &one, "shown"));
        assert!(is_visible(&all, &both, "shown"));
        assert!(is_visible(&any, &one, "shown"));
        assert!(!is_visible(&any, &none, "shown"));
        // No rules at all: always shown, whichever the join.
        assert!(is_visible(&with_rules(Join::Any, vec![]), &none, "shown"));
        assert!(is_visible(&with_rules(Join::All, vec![]), &none, "shown"));
    }

    #[test]
    fn a_rule_on_a_hidden_field_does_not_hold_even_joined_with_any() {
        let mut s = schema();
        // budget_code: shown when justification is "costly" OR model is "Standard".
        s.fields[2].visible_when = Some(Visibility {
            join: Join::Any,
            rules: vec![
                Condition::new("justification", Operator::AnyOf, &["costly"]),
                Condition::new("model", Operator::Equals, &["Standard"]),
            ],
        });
        // justification is hidden (model is not Other), so its stale answer does not count.
        let a = answers(&[("model", "Cheap"), ("justification", "costly")]);
        assert!(!is_visible(&s, &a, "budget_code"));
        let a = answers(&[("model", "Standard")]);
        assert!(is_visible(&s, &a, "budget_code"));
    }
}
