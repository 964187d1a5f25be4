//! A change's risk, from a short questionnaire whose questions, answers and weights are data
//! the IT service manager keeps (`RiskModel`): the answers' weights add up to a score, and two
//! thresholds cut the score into low, medium and high. High risk is what sends a normal change
//! to the CAB; a standard change must stay low.

use super::form::{Answers, Field, FieldKind, FormSchema};
use super::say::{say, say_with, Arg, Problems, Say};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

pub const MAX_QUESTIONS: usize = 20;
pub const MAX_ANSWERS: usize = 8;
pub const MAX_WEIGHT: u32 = 100;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RiskLevel {
    Low,
    Medium,
    High,
}

impl RiskLevel {
    pub const ALL: [RiskLevel; 3] = [RiskLevel::Low, RiskLevel::Medium, RiskLevel::High];

    pub fn as_str(self) -> &'static str {
        match self {
            RiskLevel::Low => "low",
            RiskLevel::Medium => "medium",
            RiskLevel::High => "high",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|level| level.as_str() == s)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RiskAnswer {
    pub key: String,
    pub label: String,
    pub weight: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RiskQuestion {
    pub key: String,
    pub question: String,
    pub answers: Vec<RiskAnswer>,
}

/// The questionnaire: a score of at least `medium_from` is medium risk, of at least `high_from`
/// high.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RiskModel {
    pub questions: Vec<RiskQuestion>,
    pub medium_from: u32,
    pub high_from: u32,
}

/// What the questionnaire gave: the score and its level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiskAssessment {
    pub score: u32,
    pub level: RiskLevel,
}

impl RiskModel {
    /// The level of a score.
    pub fn level(&self, score: u32) -> RiskLevel {
        if score >= self.high_from {
            RiskLevel::High
        } else if score >= self.medium_from {
            RiskLevel::Medium
        } else {
            RiskLevel::Low
        }
    }

    /// The score and level of a change's answers (question key → answer key), or the
    /// questions that are unanswered or answered with something the question does not offer.
    pub fn assess(&self, answers: &BTreeMap<String, String>) -> Result<RiskAssessment, Problems> {
        let mut problems = Problems::new();
        let mut score = 0;
        for question in &self.questions {
            let given = answers.get(&question.key).map(|a| a.trim());
            match given.and_then(|a| question.answers.iter().find(|o| o.key == a)) {
                Some(answer) => score += answer.weight,
                None => {
                    let id = if given.is_none_or(str::is_empty) {
                        "error-risk-unanswered"
                    } else {
                        "error-risk-answer"
                    };
                    problems.insert(
                        format!("risk.{}", question.key),
                        say_with(id, [("question", question.question.as_str().into())]),
                    );
                }
            }
        }
        if problems.is_empty() {
            Ok(RiskAssessment {
                score,
                level: self.level(score),
            })
        } else {
            Err(problems)
        }
    }

    /// What the manager's questionnaire must be before it is saved: questions with keys of
    /// their own and at least two answers each, weights and counts within bounds, thresholds
    /// that keep low below medium below high.
    pub fn check(&self) -> Result<(), Say> {
        if self.questions.is_empty() {
            return Err(say("error-risk-no-questions"));
        }
        if self.questions.len() > MAX_QUESTIONS {
            return Err(say_with(
                "error-risk-too-many-questions",
                [("max", Arg::count(MAX_QUESTIONS))],
            ));
        }
        let mut keys = BTreeSet::new();
        for question in &self.questions {
            let named = |what: &'static str| {
                say_with(what, [("question", question.question.as_str().into())])
            };
            if question.key.trim().is_empty() || question.question.trim().is_empty() {
                return Err(say("error-risk-question-blank"));
            }
            if !keys.insert(question.key.as_str()) {
                return Err(named("error-risk-question-twice"));
            }
            if !(2..=MAX_ANSWERS).contains(&question.answers.len()) {
                return Err(named("error-risk-answer-count"));
            }
            let mut answer_keys = BTreeSet::new();
            for answer in &question.answers {
                if answer.key.trim().is_empty()
                    || answer.label.trim().is_empty()
                    || !answer_keys.insert(answer.key.as_str())
                {
                    return Err(named("error-risk-answer-blank"));
                }
                if answer.weight > MAX_WEIGHT {
                    return Err(say_with(
                        "error-risk-weight",
                        [("max", Arg::from(MAX_WEIGHT))],
                    ));
                }
            }
        }
        if self.medium_from == 0 || self.high_from <= self.medium_from {
            return Err(say("error-risk-thresholds"));
        }
        if self.high_from > self.highest_score() {
            return Err(say_with(
                "error-risk-high-unreachable",
                [("highest", Arg::from(self.highest_score()))],
            ));
        }
        Ok(())
    }

    /// The score of the riskiest answers to every question.
    pub fn highest_score(&self) -> u32 {
        self.questions
            .iter()
            .map(|q| q.answers.iter().map(|a| a.weight).max().unwrap_or(0))
            .sum()
    }

    /// The questionnaire as a form of choices (answer keys as options), with the answers as a
    /// form's: so an approval step's condition ("only when it touches the tills") reads a
    /// change's risk answers exactly as it reads a request's answers.
    pub fn as_form(&self, answers: &BTreeMap<String, String>) -> (FormSchema, Answers) {
        let fields = self
            .questions
            .iter()
            .map(|q| Field {
                options: q.answers.iter().map(|a| a.key.clone()).collect(),
                ..Field::new(&q.key, &q.question, FieldKind::Choice)
            })
            .collect();
        let answers = answers
            .iter()
            .map(|(question, answer)| (question.clone(), vec![answer.clone()]))
            .collect();
        (FormSchema { fields }, answers)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question(key: &str, weights: &[(&str, u32)]) -> RiskQuestion {
        RiskQuestion {
            key: key.into(),
            question: format!("{key}?"),
            answers: weights
                .iter()
                .map(|(k, w)| RiskAnswer {
                    key: (*k).into(),
                    label: k.to_uppercase(),
                    weight: *w,
                })
                .collect(),
        }
    }

    fn model() -> RiskModel {
        RiskModel {
            questions: vec![
                question("stores", &[("one", 0), ("some", 2), ("all", 5)]),
                question("tested", &[("yes", 0), ("partly", 2), ("no", 4)]),
                question("payments", &[("no", 0), ("yes", 3)]),
            ],
            medium_from: 4,
            high_from: 8,
        }
    }

    fn answers(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(q, a)| ((*q).into(), (*a).into()))
            .collect()
    }

    #[test]
    fn weights_add_up_and_thresholds_cut_the_levels() {
        let m = model();
        assert!(m.check().is_ok());
        let level = |pairs: &[(&str, &str)]| m.assess(&answers(pairs)).unwrap();
        assert_eq!(
            level(&[("stores", "one"), ("tested", "yes"), ("payments", "yes")]),
            RiskAssessment {
                score: 3,
                level: RiskLevel::Low
            }
        );
        assert_eq!(
            level(&[("stores", "some"), ("tested", "partly"), ("payments", "no")]).level,
            RiskLevel::Medium,
            "exactly the medium threshold"
        );
        assert_eq!(
            level(&[("stores", "all"), ("tested", "partly"), ("payments", "yes")]),
            RiskAssessment {
                score: 10,
                level: RiskLevel::High
            }
        );
        assert_eq!(m.level(7), RiskLevel::Medium);
        assert_eq!(m.level(8), RiskLevel::High);
    }

    #[test]
    fn unanswered_and_unknown_answers_are_named_by_question() {
        let problems = model()
            .assess(&answers(&[("stores", "many"), ("tested", " ")]))
            .unwrap_err();
        let ids: Vec<_> = problems.iter().map(|(k, s)| (k.as_str(), s.id())).collect();
        assert_eq!(
            ids,
            [
                ("risk.payments", Some("error-risk-unanswered")),
                ("risk.stores", Some("error-risk-answer")),
                ("risk.tested", Some("error-risk-unanswered")),
            ]
        );
    }

    #[test]
    fn a_questionnaire_that_cannot_work_is_refused() {
        let refused = |change: &dyn Fn(&mut RiskModel)| {
            let mut m = model();
            change(&mut m);
            m.check().unwrap_err().id().unwrap()
        };
        assert_eq!(refused(&|m| m.questions.clear()), "error-risk-no-questions");
        assert_eq!(
            refused(&|m| m.questions[1].key = "stores".into()),
            "error-risk-question-twice"
        );
        assert_eq!(
            refused(&|m| m.questions[2].answers.truncate(1)),
            "error-risk-answer-count"
        );
        assert_eq!(
            refused(&|m| m.questions[0].answers[1].key = "one".into()),
            "error-risk-answer-blank"
        );
        assert_eq!(
            refused(&|m| m.questions[0].answers[0].weight = MAX_WEIGHT + 1),
            "error-risk-weight"
        );
        assert_eq!(refused(&|m| m.high_from = 4), "error-risk-thresholds");
        assert_eq!(refused(&|m| m.medium_from = 0), "error-risk-thresholds");
        assert_eq!(
            refused(&|m| m.high_from = 13),
            "error-risk-high-unreachable"
        );
        assert_eq!(model().highest_score(), 12);
    }

    #[test]
    fn an_approval_steps_condition_reads_the_answers_as_a_forms() {
        use crate::domain::form::{Condition, Operator, Visibility};
        use crate::domain::visibility::conditions_hold;
        let m = model();
        let tills = Visibility::when(Condition::new("payments", Operator::Equals, &["yes"]));
        let (schema, given) = m.as_form(&answers(&[("stores", "one"), ("payments", "yes")]));
        assert_eq!(schema.fields.len(), 3);
        assert_eq!(schema.fields[2].options, ["no", "yes"]);
        assert!(conditions_hold(&schema, &given, &tills));
        let (schema, given) = m.as_form(&answers(&[("payments", "no")]));
        assert!(!conditions_hold(&schema, &given, &tills));
        let (schema, given) = m.as_form(&answers(&[]));
        assert!(
            !conditions_hold(&schema, &given, &tills),
            "unanswered is not yes"
        );
    }
}
