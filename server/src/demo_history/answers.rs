//! Form answers for a generated ticket, so its page shows what was asked and answered. They
//! follow the item's current form: visibility conditions (`is_visible`, the rule the browser and
//! the server run), options, number ranges, and the store, device, impact and urgency the
//! ticket was drawn with, stored as `validate_answers` stores them (impact and urgency by label).

use super::words;
use app::domain::priority::ServiceLevels;
use app::domain::validation::AnsweredField;
use app::domain::{is_visible, Answers, FieldKind, FormSchema, ValidAnswer, ValidAnswers};
use chrono::{DateTime, Duration, Utc};
use rand::seq::SliceRandom;
use rand::Rng;

/// What the ticket was drawn with; the rest of the form is made up.
pub struct Known<'a> {
    pub store: Option<&'a str>,
    pub asset: Option<&'a str>,
    pub impact: Option<&'a str>,
    pub urgency: Option<&'a str>,
    pub incident: bool,
    pub created_at: DateTime<Utc>,
    /// Addresses an email field may name (colleagues).
    pub emails: &'a [String],
}

/// Optional fields people fill in this often.
const OPTIONAL_FILLED: f64 = 0.4;

pub fn answers(
    rng: &mut impl Rng,
    schema: &FormSchema,
    levels: &ServiceLevels,
    known: &Known,
) -> ValidAnswers {
    let mut raw = Answers::new();
    let mut valid = ValidAnswers::new();
    for field in &schema.fields {
        if !is_visible(schema, &raw, &field.key) {
            continue;
        }
        let label_of = |levels: &[app::domain::priority::Level], key: Option<&str>| {
            let key = key?;
            levels
                .iter()
                .find(|l| l.key == key)
                .map(|l| (key.to_string(), l.label.clone()))
        };
        let filled = field.required || rng.gen::<f64>() < OPTIONAL_FILLED;
        let answer: Option<(String, ValidAnswer)> = match field.kind {
            FieldKind::Store => known
                .store
                .map(|s| (s.to_string(), ValidAnswer::Store(s.into()))),
            FieldKind::Asset => known
                .asset
                .map(|a| (a.to_string(), ValidAnswer::Asset(a.into()))),
            FieldKind::Impact => label_of(&levels.matrix.impacts, known.impact)
                .map(|(k, l)| (k, ValidAnswer::Choice(l))),
            FieldKind::Urgency => label_of(&levels.matrix.urgencies, known.urgency)
                .map(|(k, l)| (k, ValidAnswer::Choice(l))),
            _ if !filled => None,
            FieldKind::Choice => field
                .options
                .choose(rng)
                .map(|o| (o.clone(), ValidAnswer::Choice(o.clone()))),
            FieldKind::MultiChoice => {
                let want = (field.min.unwrap_or(1.0).max(1.0) as usize).min(field.options.len());
                let picked: Vec<String> =
                    field.options.choose_multiple(rng, want).cloned().collect();
                (!picked.is_empty()).then(|| (picked.join(","), ValidAnswer::MultiChoice(picked)))
            }
            FieldKind::YesNo => {
                let yes = rng.gen::<bool>();
                Some((
                    if yes { "yes" } else { "no" }.into(),
                    ValidAnswer::YesNo(yes),
                ))
            }
            FieldKind::Email => known
                .emails
                .choose(rng)
                .map(|e| (e.clone(), ValidAnswer::Email(e.clone()))),
            FieldKind::Text => {
                let t = words::short_text(rng);
                Some((t.clone(), ValidAnswer::Text(t)))
            }
            FieldKind::LongText => {
                let t = words::description(rng, known.incident);
                Some((t.clone(), ValidAnswer::Text(t)))
            }
            FieldKind::Number => {
                let min = field.min.unwrap_or(1.0).ceil() as i64;
                let max = field.max.map_or(min + 3, |m| m.floor() as i64).max(min);
                let n = rng.gen_range(min..=max);
                Some((n.to_string(), ValidAnswer::Number(n as f64)))
            }
            FieldKind::Date => {
                let d = (known.created_at + Duration::days(rng.gen_range(3..30))).date_naive();
                Some((d.to_string(), ValidAnswer::Date(d)))
            }
            // No files in a generated history.
            FieldKind::Attachment => None,
        };
        if let Some((raw_value, answer)) = answer {
            raw.insert(field.key.clone(), vec![raw_value]);
            valid.push(AnsweredField {
                key: field.key.clone(),
                label: field.label.clone(),
                answer,
            });
        }
    }
    valid
}

/// The colleague a request is for, found the way `submit::file` finds it.
pub fn on_behalf_of(answers: &ValidAnswers) -> Option<String> {
    answers.iter().find_map(|a| match &a.answer {
        ValidAnswer::Email(e) if a.key.contains("colleague") || a.key.contains("behalf") => {
            Some(e.clone())
        }
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use app::domain::{Condition, Field, Operator, Visibility};
    use rand::SeedableRng;

    fn levels() -> ServiceLevels {
        toml::from_str(include_str!("../../config/service-levels.toml")).unwrap()
    }

    #[test]
    fn answers_follow_the_form_and_what_the_ticket_was_drawn_with() {
        let mut other = Field::new("other", "Which model?", FieldKind::Text);
        other.required = true;
        other.visible_when = Some(Visibility::when(Condition::new(
            "model",
            Operator::AnyOf,
            &["Other"],
        )));
        let mut model = Field::new("model", "Model", FieldKind::Choice);
        model.required = true;
        model.options = vec!["Standard".into(), "Other".into()];
        let mut qty = Field::new("qty", "How many", FieldKind::Number);
        qty.required = true;
        qty.min = Some(2.0);
        qty.max = Some(4.0);
        let schema = FormSchema {
            fields: vec![
                Field::new("store", "Store", FieldKind::Store),
                Field::new("asset", "Till", FieldKind::Asset),
                Field::new("impact", "Impact", FieldKind::Impact),
                model,
                other,
                qty,
            ],
        };
        let known = Known {
            store: Some("S012"),
            asset: Some("S012-REG-01"),
            impact: Some("whole_store"),
            urgency: None,
            incident: true,
            created_at: Utc::now(),
            emails: &[],
        };
        let levels = levels();
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(4);
        for _ in 0..50 {
            let a = answers(&mut rng, &schema, &levels, &known);
            let get = |k: &str| a.iter().find(|f| f.key == k).map(|f| f.answer.clone());
            assert_eq!(get("store"), Some(ValidAnswer::Store("S012".into())));
            assert_eq!(get("asset"), Some(ValidAnswer::Asset("S012-REG-01".into())));
            assert!(
                matches!(get("impact"), Some(ValidAnswer::Choice(l)) if l.starts_with("The whole store"))
            );
            let other_shown = get("model") == Some(ValidAnswer::Choice("Other".into()));
            assert_eq!(get("other").is_some(), other_shown);
            assert!(matches!(get("qty"), Some(ValidAnswer::Number(n)) if (2.0..=4.0).contains(&n)));
        }
    }
}
