//! Approval chains at work on a record, whatever the record is: starting one (its steps resolved
//! to the people who decide them now), reading one for a page, and working out a person's
//! decision with the chain's progress after it. The record's own module writes the result with
//! its move (`backend::changes`), so a decision that ends a chain and the record's move are one
//! transaction.

use super::approval_store::{DecisionRecord, NamedChain, NewRun, Progress, RunRecord};
use super::internal;
use super::store::Store;
use crate::domain::approval_chain::{
    decide, resolve, status, ChainStatus, Delegation, RunStatus, Verdict, MAX_COMMENT_CHARS,
};
use crate::domain::form::{Answers, FormSchema};
use crate::domain::say::Say;
use crate::domain::visibility::conditions_hold;
use crate::model::{AppResult, ApprovalRunView, ApprovalStepView, ApproverView, StepState};
use chrono::{DateTime, Utc};
use std::collections::BTreeMap;

/// How often a decision reads again when another decision (or move) came first.
pub const DECIDE_ATTEMPTS: usize = 5;

/// A decision as a form sends it: "approve" or "reject", and a comment, trimmed, which a
/// rejection needs (a reason the requester or owner can act on).
pub fn checked<'a>(decision: &str, comment: &'a str) -> AppResult<(Verdict, &'a str)> {
    use crate::i18n::{t, t_with};
    use crate::model::AppError;
    let verdict = Verdict::parse(decision.trim())
        .ok_or_else(|| AppError::invalid_field("decision", t("error-decision-choose")))?;
    let comment = comment.trim();
    if verdict == Verdict::Reject && comment.is_empty() {
        return Err(AppError::invalid_field("comment", t("error-reject-why")));
    }
    if comment.chars().count() > MAX_COMMENT_CHARS {
        return Err(AppError::invalid_field(
            "comment",
            t_with(
                "error-decision-comment-long",
                &[("max", crate::i18n::Arg::count(MAX_COMMENT_CHARS))],
            ),
        ));
    }
    Ok((verdict, comment))
}

/// Everyone the portal knows, active, by e-mail: their name, line manager and groups.
struct Directory {
    people: Vec<crate::model::PersonView>,
}

impl Directory {
    async fn load(store: &dyn Store) -> AppResult<Directory> {
        let people = store.all_people().await.map_err(internal)?;
        Ok(Directory { people })
    }

    fn manager_of(&self, email: &str) -> Option<&str> {
        let manager = self
            .people
            .iter()
            .find(|p| p.email.eq_ignore_ascii_case(email))?
            .manager
            .as_deref()?;
        // A line manager who has left decides nothing.
        self.people
            .iter()
            .any(|p| p.active && p.email.eq_ignore_ascii_case(manager))
            .then_some(manager)
    }

    fn members_of(&self, group: &str) -> Vec<String> {
        self.people
            .iter()
            .filter(|p| p.active && p.groups.iter().any(|g| g.eq_ignore_ascii_case(group)))
            .map(|p| p.email.clone())
            .collect()
    }

    fn names(&self) -> BTreeMap<String, String> {
        self.people
            .iter()
            .map(|p| (p.email.to_lowercase(), p.name.clone()))
            .collect()
    }
}

/// Starts `named` for a record owned by `owner_email`, whose answers to `schema` are `answers`
/// (a step's condition reads them). Refused, worded for the owner, when a step has nobody to
/// decide it.
pub async fn start(
    store: &dyn Store,
    named: &NamedChain,
    owner_email: &str,
    schema: &FormSchema,
    answers: &Answers,
    now: DateTime<Utc>,
) -> AppResult<Result<NewRun, Say>> {
    let directory = Directory::load(store).await?;
    let steps = match resolve(
        &named.chain,
        directory.manager_of(owner_email),
        &|group| directory.members_of(group),
        &|when| conditions_hold(schema, answers, when),
    ) {
        Ok(steps) => steps,
        Err(said) => return Ok(Err(said)),
    };
    let progress = Progress::of(&status(&steps, &[]));
    Ok(Ok(NewRun {
        chain_name: named.name.clone(),
        steps,
        progress,
        at: now,
    }))
}

/// `person`'s decision on a waiting `run`, with the chain's status after it; or why they may
/// not decide (worded by the domain: not theirs, twice, out of turn, over).
pub fn decision(
    run: &RunRecord,
    delegations: &[Delegation],
    person: &str,
    verdict: Verdict,
    comment: &str,
    now: DateTime<Utc>,
) -> Result<(DecisionRecord, ChainStatus), Say> {
    if run.status != RunStatus::Waiting {
        return Err(crate::domain::say::say("error-approval-over"));
    }
    let mut decisions = run.decisions();
    let decided = decide(&run.steps, &decisions, delegations, person, verdict, now)?;
    decisions.push(decided.clone());
    let after = status(&run.steps, &decisions);
    Ok((
        DecisionRecord {
            decision: decided,
            comment: comment.trim().to_string(),
        },
        after,
    ))
}

/// A refused decision: not the reader's to make is forbidden; deciding twice, out of turn or
/// after the end conflicts with the chain's state.
pub fn refused(said: Say) -> crate::model::AppError {
    use crate::model::AppError;
    let message = crate::i18n::i18n().say(&said);
    match said.id() {
        Some("error-approval-not-yours") => AppError::forbidden(message),
        _ => AppError::conflict(message),
    }
}

/// A run as a page shows it, with people's names.
pub async fn view(store: &dyn Store, run: &RunRecord) -> AppResult<ApprovalRunView> {
    let names = Directory::load(store).await?.names();
    Ok(view_with(run, &names))
}

/// `view` with the names already at hand (a list of several runs reads them once).
pub fn view_with(run: &RunRecord, names: &BTreeMap<String, String>) -> ApprovalRunView {
    let name = |email: &str| {
        names
            .get(email)
            .cloned()
            .unwrap_or_else(|| email.to_string())
    };
    let decisions = run.decisions();
    // The step the chain stopped at (waiting there, or rejected there); none: all approved.
    let stopped_at = match status(&run.steps, &decisions) {
        ChainStatus::Waiting { step, .. } | ChainStatus::Rejected { step } => Some(step),
        ChainStatus::Approved => None,
    };
    let steps = run
        .steps
        .iter()
        .enumerate()
        .map(|(index, step)| {
            let state = match stopped_at {
                _ if step.skipped => StepState::Skipped,
                None => StepState::Approved,
                Some(at) if index < at => StepState::Approved,
                Some(at) if index == at && run.status == RunStatus::Rejected => StepState::Rejected,
                Some(at) if index == at && run.status == RunStatus::Waiting => StepState::Waiting,
                // After it, or a withdrawn chain's step: nobody decides it now.
                Some(_) => StepState::Later,
            };
            let approvers = step
                .approvers
                .iter()
                .map(|email| {
                    let decided = run
                        .decisions
                        .iter()
                        .find(|d| d.decision.step == index && d.decision.for_whom == *email);
                    ApproverView {
                        email: email.clone(),
                        name: name(email),
                        verdict: decided.map(|d| d.decision.verdict),
                        comment: decided.map(|d| d.comment.clone()).unwrap_or_default(),
                        delegate: decided
                            .filter(|d| d.decision.by != d.decision.for_whom)
                            .map(|d| name(&d.decision.by)),
                        at: decided.map(|d| d.decision.at),
                    }
                })
                .collect();
            ApprovalStepView {
                name: step.name.clone(),
                needed: step.needed,
                state,
                approvers,
            }
        })
        .collect();
    ApprovalRunView {
        chain: run.chain_name.clone(),
        status: run.status,
        started_at: run.started_at,
        steps,
    }
}

/// The people `person` decides for today: themselves, and whoever delegated to them.
pub async fn deciding_for(
    store: &dyn Store,
    person: &str,
    now: DateTime<Utc>,
) -> AppResult<(Vec<String>, Vec<Delegation>)> {
    let delegations = store
        .delegations_to(&person.to_lowercase(), now)
        .await
        .map_err(internal)?;
    let mut people = vec![person.to_lowercase()];
    people.extend(delegations.iter().map(|d| d.from.clone()));
    Ok((people, delegations))
}

/// Whose place `me` decides in at a step waiting on `waiting_on`: none when it waits on them,
/// else the name of the first absent approver there who delegated to them.
pub fn standing_in_for(
    waiting_on: &[String],
    me: &str,
    delegations: &[Delegation],
    names: &BTreeMap<String, String>,
) -> Option<String> {
    if waiting_on.iter().any(|w| w == me) {
        return None;
    }
    delegations
        .iter()
        .find(|d| waiting_on.contains(&d.from))
        .map(|d| {
            names
                .get(&d.from)
                .cloned()
                .unwrap_or_else(|| d.from.clone())
        })
}

/// The names of everyone, by e-mail (for a list of runs).
pub async fn names(store: &dyn Store) -> AppResult<BTreeMap<String, String>> {
    Ok(Directory::load(store).await?.names())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::approval_chain::{Decision, StepOnRecord};

    fn steps() -> Vec<StepOnRecord> {
        let step = |name: &str, approvers: &[&str], needed, skipped| StepOnRecord {
            name: name.into(),
            approvers: approvers.iter().map(|a| a.to_string()).collect(),
            needed,
            skipped,
        };
        vec![
            step("Manager", &["mo@x.test"], None, false),
            step("Owner", &["po@x.test"], None, true),
            step("CAB", &["a@x.test", "b@x.test", "c@x.test"], Some(2), false),
        ]
    }

    fn decided(step: usize, by: &str, for_whom: &str, verdict: Verdict) -> DecisionRecord {
        DecisionRecord {
            decision: Decision {
                step,
                by: by.into(),
                for_whom: for_whom.into(),
                verdict,
                at: "2026-12-07T10:00:00Z".parse().unwrap(),
            },
            comment: String::new(),
        }
    }

    fn run(status: RunStatus, decisions: Vec<DecisionRecord>) -> RunRecord {
        RunRecord {
            id: 1,
            chain_name: "Chain".into(),
            steps: steps(),
            status,
            revision: 1,
            started_at: "2026-12-07T09:00:00Z".parse().unwrap(),
            ended_at: None,
            decisions,
        }
    }

    fn states(run: &RunRecord) -> Vec<StepState> {
        let names = BTreeMap::from([("mo@x.test".to_string(), "Mo".to_string())]);
        view_with(run, &names)
            .steps
            .iter()
            .map(|s| s.state)
            .collect()
    }

    #[test]
    fn each_step_reads_where_the_chain_stopped() {
        use StepState::*;
        let manager_yes = decided(0, "eve@x.test", "mo@x.test", Verdict::Approve);
        assert_eq!(
            states(&run(RunStatus::Waiting, vec![])),
            [Waiting, Skipped, Later]
        );
        let waiting_cab = run(RunStatus::Waiting, vec![manager_yes.clone()]);
        assert_eq!(states(&waiting_cab), [Approved, Skipped, Waiting]);
        let mo = &view_with(
            &waiting_cab,
            &BTreeMap::from([
                ("mo@x.test".to_string(), "Mo".to_string()),
                ("eve@x.test".to_string(), "Eve".to_string()),
            ]),
        )
        .steps[0]
            .approvers[0];
        assert_eq!(mo.name, "Mo");
        assert_eq!(mo.delegate.as_deref(), Some("Eve"), "Eve clicked for Mo");

        let rejected = run(
            RunStatus::Rejected,
            vec![
                manager_yes.clone(),
                decided(2, "a@x.test", "a@x.test", Verdict::Reject),
                decided(2, "b@x.test", "b@x.test", Verdict::Reject),
            ],
        );
        assert_eq!(states(&rejected), [Approved, Skipped, Rejected]);
        let approved = run(
            RunStatus::Approved,
            vec![
                manager_yes.clone(),
                decided(2, "a@x.test", "a@x.test", Verdict::Approve),
                decided(2, "c@x.test", "c@x.test", Verdict::Approve),
            ],
        );
        assert_eq!(states(&approved), [Approved, Skipped, Approved]);
        assert_eq!(
            states(&run(RunStatus::Withdrawn, vec![manager_yes])),
            [Approved, Skipped, Later],
            "nobody decides a withdrawn chain's step"
        );
    }

    #[test]
    fn only_a_waiting_chain_takes_decisions() {
        let over = run(RunStatus::Withdrawn, vec![]);
        let refused = decision(
            &over,
            &[],
            "mo@x.test",
            Verdict::Approve,
            "",
            "2026-12-07T11:00:00Z".parse().unwrap(),
        );
        assert_eq!(refused.unwrap_err().id(), Some("error-approval-over"));
        let (made, after) = decision(
            &run(RunStatus::Waiting, vec![]),
            &[],
            "MO@x.test",
            Verdict::Approve,
            "  fine ",
            "2026-12-07T11:00:00Z".parse().unwrap(),
        )
        .unwrap();
        assert_eq!(made.comment, "fine");
        assert_eq!(made.decision.for_whom, "mo@x.test");
        assert!(matches!(after, ChainStatus::Waiting { step: 2, .. }));
    }
}
