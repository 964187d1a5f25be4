//! The change risk questionnaire (`domain::change_risk::RiskModel`): the one an admin saved, or
//! the starter's until then; and its administration. Admins only; a save is checked against
//! the revision the form was opened at and audited (`AuditKind::RiskModel`). A question's and
//! an answer's key stay as they were made, because changes keep their answers by key: renaming
//! a question keeps every change's answer to it.

use super::access::admin_only;
use super::audit::Actor;
use super::internal;
use super::store::{Store, Written};
use crate::domain::article::slug_from_title;
use crate::domain::change_risk::{RiskAnswer, RiskModel, RiskQuestion, MAX_WEIGHT};
use crate::domain::validation::FieldErrors;
use crate::i18n::{i18n, t, t_with, Arg};
use crate::model::{AppError, AppResult, AuditKind, RiskModelView, RiskQuestionForm, UserView};
use chrono::{DateTime, Utc};
use std::collections::BTreeSet;

/// The questionnaire changes are assessed with now.
pub async fn current(store: &dyn Store) -> AppResult<RiskModel> {
    Ok(view(store).await?.model)
}

async fn view(store: &dyn Store) -> AppResult<RiskModelView> {
    Ok(match store.risk_model().await.map_err(internal)? {
        Some((model, revision)) => RiskModelView {
            model,
            revision,
            starter: false,
        },
        None => RiskModelView {
            model: starter_risk_model(),
            revision: 0,
            starter: true,
        },
    })
}

pub async fn page(store: &dyn Store, user: &UserView) -> AppResult<RiskModelView> {
    admin_only(user)?;
    view(store).await
}

/// The questionnaire a change's risk is assessed with until the IT service manager keeps their
/// own: the questions most change policies start from.
pub fn starter_risk_model() -> RiskModel {
    let question = |key: &str, text: &str, answers: &[(&str, &str, u32)]| RiskQuestion {
        key: key.into(),
        question: text.into(),
        answers: answers
            .iter()
            .map(|(key, label, weight)| RiskAnswer {
                key: (*key).into(),
                label: (*label).into(),
                weight: *weight,
            })
            .collect(),
    };
    RiskModel {
        questions: vec![
            question(
                "reach",
                "How many stores does it touch?",
                &[
                    ("one", "One store", 0),
                    ("some", "Several stores", 2),
                    ("all", "Every store", 5),
                ],
            ),
            question(
                "payments",
                "Does it touch the tills or card payments?",
                &[("no", "No", 0), ("yes", "Yes", 3)],
            ),
            question(
                "tested",
                "Has it been tested on the same kind of device?",
                &[("yes", "Yes", 0), ("partly", "Partly", 2), ("no", "No", 4)],
            ),
            question(
                "back_out",
                "Can it be backed out within an hour?",
                &[("yes", "Yes", 0), ("no", "No", 3)],
            ),
        ],
        medium_from: 4,
        high_from: 8,
    }
}

/// A key made from `text` that `taken` does not hold yet ("Touches the tills?" →
/// "touches-the-tills", then "touches-the-tills-2").
fn new_key(text: &str, taken: &BTreeSet<String>) -> String {
    let base = slug_from_title(text);
    let base = if base.is_empty() {
        "q".to_string()
    } else {
        base
    };
    (1..)
        .map(|n| {
            if n == 1 {
                base.clone()
            } else {
                format!("{base}-{n}")
            }
        })
        .find(|key| !taken.contains(key))
        .unwrap_or(base)
}

/// The questionnaire's form read: filled slots as questions and answers, in order (a question
/// or answer with no text is left out, which is how one is removed); keys kept, or made for
/// new ones. Unreadable weights and thresholds beside their fields.
fn read(
    questions: &[RiskQuestionForm],
    medium_from: &str,
    high_from: &str,
    errors: &mut FieldErrors,
) -> RiskModel {
    let mut question_keys: BTreeSet<String> = questions
        .iter()
        .map(|q| q.key.trim().to_string())
        .filter(|k| !k.is_empty())
        .collect();
    let mut read_questions = Vec::new();
    for (q_slot, form) in questions.iter().enumerate() {
        let text = form.question.trim();
        if text.is_empty() {
            continue;
        }
        let key = match form.key.trim() {
            "" => {
                let key = new_key(text, &question_keys);
                question_keys.insert(key.clone());
                key
            }
            kept => kept.to_string(),
        };
        let mut answer_keys: BTreeSet<String> = form
            .answers
            .iter()
            .map(|a| a.key.trim().to_string())
            .filter(|k| !k.is_empty())
            .collect();
        let mut answers = Vec::new();
        for (a_slot, answer) in form.answers.iter().enumerate() {
            let label = answer.label.trim();
            if label.is_empty() {
                continue;
            }
            let weight = match answer.weight.trim().parse::<u32>() {
                Ok(w) if w <= MAX_WEIGHT => w,
                _ => {
                    errors.insert(
                        format!("question-{q_slot}-answer-{a_slot}-weight"),
                        t_with("error-risk-weight", &[("max", Arg::from(MAX_WEIGHT))]),
                    );
                    0
                }
            };
            let key = match answer.key.trim() {
                "" => {
                    let key = new_key(label, &answer_keys);
                    answer_keys.insert(key.clone());
                    key
                }
                kept => kept.to_string(),
            };
            answers.push(RiskAnswer {
                key,
                label: label.to_string(),
                weight,
            });
        }
        read_questions.push(RiskQuestion {
            key,
            question: text.to_string(),
            answers,
        });
    }
    let mut threshold = |text: &str, field: &str| {
        text.trim().parse::<u32>().unwrap_or_else(|_| {
            errors.insert(field.into(), t("error-risk-threshold-number"));
            0
        })
    };
    let medium_from = threshold(medium_from, "medium_from");
    let high_from = threshold(high_from, "high_from");
    RiskModel {
        questions: read_questions,
        medium_from,
        high_from,
    }
}

/// Saves the questionnaire from its form, opened at `revision` (0: the starter's is in use).
/// Answers the new revision.
pub async fn save(
    store: &dyn Store,
    user: &UserView,
    revision: i64,
    questions: &[RiskQuestionForm],
    medium_from: &str,
    high_from: &str,
    now: DateTime<Utc>,
) -> AppResult<i64> {
    admin_only(user)?;
    let mut errors = FieldErrors::new();
    let model = read(questions, medium_from, high_from, &mut errors);
    if errors.is_empty() {
        if let Err(said) = model.check() {
            let field = match said.id() {
                Some("error-risk-thresholds" | "error-risk-high-unreachable") => "high_from",
                _ => "questions",
            };
            errors.insert(field.into(), i18n().say(&said));
        }
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid { fields: errors });
    }
    let before = view(store).await?;
    let audit = Actor::person(user)
        .did(AuditKind::RiskModel, "update", t("risk-title"), now)
        .before(serde_json::to_value(&before.model).unwrap_or_default())
        .after(serde_json::to_value(&model).unwrap_or_default());
    match store
        .save_risk_model(&model, revision, &audit, now)
        .await
        .map_err(internal)?
    {
        Written::Done { revision } => Ok(revision),
        Written::Stale { .. } => Err(super::stale("questionnaire")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::RiskAnswerForm;

    fn answer(key: &str, label: &str, weight: &str) -> RiskAnswerForm {
        RiskAnswerForm {
            key: key.into(),
            label: label.into(),
            weight: weight.into(),
        }
    }

    #[test]
    fn kept_keys_stay_new_ones_are_made_and_blank_slots_are_left_out() {
        let questions = [
            RiskQuestionForm {
                key: "payments".into(),
                question: "Touches card payments?".into(),
                answers: vec![
                    answer("no", "No", "0"),
                    answer("", "Yes", "3"),
                    answer("", " ", ""),
                ],
            },
            RiskQuestionForm {
                key: String::new(),
                question: "Payments".into(),
                answers: vec![answer("", "Night", "0"), answer("", "Day", "2")],
            },
            RiskQuestionForm::default(),
        ];
        let mut errors = FieldErrors::new();
        let model = read(&questions, "2", "4", &mut errors);
        assert!(errors.is_empty(), "{errors:?}");
        let keys: Vec<_> = model.questions.iter().map(|q| q.key.as_str()).collect();
        assert_eq!(
            keys,
            ["payments", "payments-2"],
            "a new key never takes a kept one"
        );
        let answers: Vec<_> = model.questions[0]
            .answers
            .iter()
            .map(|a| (a.key.as_str(), a.weight))
            .collect();
        assert_eq!(answers, [("no", 0), ("yes", 3)]);
        assert!(model.check().is_ok());
    }

    #[test]
    fn unreadable_weights_and_thresholds_are_named_by_slot() {
        let questions = [RiskQuestionForm {
            key: String::new(),
            question: "Tested?".into(),
            answers: vec![answer("", "Yes", "0"), answer("", "No", "lots")],
        }];
        let mut errors = FieldErrors::new();
        read(&questions, "two", "101", &mut errors);
        let fields: Vec<_> = errors.keys().map(String::as_str).collect();
        assert_eq!(fields, ["medium_from", "question-0-answer-1-weight"]);
        assert!(
            starter_risk_model().check().is_ok(),
            "the starter questionnaire is one an admin could save"
        );
    }
}
