//! Approval chains, shared by requests and changes: a sequence of steps, each decided by the
//! requester's line manager, a named person, or a group — any one of its members, or a quorum
//! ("2 of the 3 CAB members"). A step may apply only when a condition on the request's answers
//! holds ("only when the cost is over 500"). The chain is data: the catalog builder picks one
//! for an item, the change policy one per risk.
//!
//! How a step is decided, so the desk can explain it:
//! - one person (the line manager, a named person): their decision;
//! - a group, any one: the first decision made, approval or rejection;
//! - a group, N of M: N approvals; rejected as soon as N can no longer be reached.
//!
//! A rejected step ends the chain. Each approver counts once, whoever clicked for them: an
//! approver away may delegate, and the delegate then decides in their place.

use super::form::Visibility;
use super::say::{say, say_with, Arg, Say};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

pub const MAX_STEPS: usize = 6;
pub const MAX_STEP_NAME_CHARS: usize = 80;
/// The longest comment an approver may write with a decision.
pub const MAX_COMMENT_CHARS: usize = 2_000;

/// How many of a group must approve.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Needed {
    /// The first member to decide decides for the group.
    AnyOne,
    /// This many approvals; enough rejections that it cannot be reached reject.
    Quorum(u32),
}

/// Who decides a step.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Approver {
    /// The line manager of the person the request is for (of a change's owner).
    LineManager,
    /// One person, by their e-mail address.
    Person { email: String },
    /// The members of a group, by the group's key.
    Group { group: String, needed: Needed },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChainStep {
    /// What the approvers read: "Line manager", "Software owner", "CAB".
    pub name: String,
    pub approver: Approver,
    /// The step applies only when this holds for the request's answers; otherwise it is
    /// skipped. `None`: always.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub only_when: Option<Visibility>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ApprovalChain {
    pub steps: Vec<ChainStep>,
}

impl ApprovalChain {
    /// What an admin may save: one to `MAX_STEPS` named steps; a quorum of at least one.
    /// Whether a group has enough members is known only when a chain starts (`resolve`).
    pub fn check(&self) -> Result<(), Say> {
        if self.steps.is_empty() {
            return Err(say("error-chain-empty"));
        }
        if self.steps.len() > MAX_STEPS {
            return Err(say_with(
                "error-chain-too-long",
                [("max", Arg::count(MAX_STEPS))],
            ));
        }
        for step in &self.steps {
            let name = step.name.trim();
            if name.is_empty() || name.chars().count() > MAX_STEP_NAME_CHARS {
                return Err(say_with(
                    "error-chain-step-name",
                    [("max", Arg::count(MAX_STEP_NAME_CHARS))],
                ));
            }
            match &step.approver {
                Approver::Person { email } if !email.contains('@') => {
                    return Err(say_with("error-chain-person", [("step", name.into())]));
                }
                Approver::Group { group, .. } if group.trim().is_empty() => {
                    return Err(say_with("error-chain-group", [("step", name.into())]));
                }
                Approver::Group {
                    needed: Needed::Quorum(0),
                    ..
                } => {
                    return Err(say_with("error-chain-quorum-zero", [("step", name.into())]));
                }
                _ => {}
            }
        }
        Ok(())
    }
}

/// A step as it applies to one request or change: who may decide, by e-mail address.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepOnRecord {
    pub name: String,
    pub approvers: Vec<String>,
    /// Approvals needed; `None`: the first decision decides.
    pub needed: Option<usize>,
    /// Its condition did not hold when the chain started.
    pub skipped: bool,
}

/// The chain's steps for one request or change, with the people who decide each: the line
/// manager and the groups' members as they are when it starts. `applies` says whether a step's
/// condition holds (for a request: on its answers). Refused when a step cannot be decided by
/// anyone: no line manager, an empty group, a quorum larger than the group.
pub fn resolve(
    chain: &ApprovalChain,
    line_manager: Option<&str>,
    members_of: &dyn Fn(&str) -> Vec<String>,
    applies: &dyn Fn(&Visibility) -> bool,
) -> Result<Vec<StepOnRecord>, Say> {
    chain
        .steps
        .iter()
        .map(|step| {
            let skipped = step.only_when.as_ref().is_some_and(|when| !applies(when));
            let (approvers, needed) = match &step.approver {
                Approver::LineManager => {
                    (line_manager.map(str::to_string).into_iter().collect(), None)
                }
                Approver::Person { email } => (vec![email.trim().to_lowercase()], None),
                Approver::Group { group, needed } => {
                    let members: BTreeSet<String> = members_of(group)
                        .iter()
                        .map(|m| m.trim().to_lowercase())
                        .collect();
                    let needed = match needed {
                        Needed::AnyOne => None,
                        Needed::Quorum(n) => Some(*n as usize),
                    };
                    (members.into_iter().collect::<Vec<_>>(), needed)
                }
            };
            let reachable = approvers.len() >= needed.unwrap_or(1);
            if !skipped && !reachable {
                let name = step.name.trim();
                return Err(match step.approver {
                    Approver::LineManager => say("error-no-line-manager"),
                    _ => say_with(
                        "error-chain-quorum-unreachable",
                        [
                            ("step", name.into()),
                            ("needed", Arg::count(needed.unwrap_or(1))),
                            ("members", Arg::count(approvers.len())),
                        ],
                    ),
                });
            }
            Ok(StepOnRecord {
                name: step.name.trim().to_string(),
                approvers,
                needed,
                skipped,
            })
        })
        .collect()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Approve,
    Reject,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Approve => "approve",
            Verdict::Reject => "reject",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Verdict::Approve, Verdict::Reject]
            .into_iter()
            .find(|verdict| verdict.as_str() == s)
    }
}

/// One approver's decision on one step. `by` clicked; `for_whom` is the approver whose vote it
/// is (the same person, or the one `by` stands in for).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub step: usize,
    pub by: String,
    pub for_whom: String,
    pub verdict: Verdict,
    pub at: DateTime<Utc>,
}

/// An approver away: `to` decides in `from`'s place during `[starts, ends)`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Delegation {
    pub from: String,
    pub to: String,
    pub starts: DateTime<Utc>,
    pub ends: DateTime<Utc>,
}

impl Delegation {
    /// A delegation to someone else, ending after it starts.
    pub fn new(
        from: &str,
        to: &str,
        starts: DateTime<Utc>,
        ends: DateTime<Utc>,
    ) -> Result<Delegation, Say> {
        let (from, to) = (from.trim().to_lowercase(), to.trim().to_lowercase());
        if !to.contains('@') {
            return Err(say("error-delegate-who"));
        }
        if from == to {
            return Err(say("error-delegate-self"));
        }
        if ends <= starts {
            return Err(say("error-delegate-dates"));
        }
        Ok(Delegation {
            from,
            to,
            starts,
            ends,
        })
    }

    pub fn active(&self, at: DateTime<Utc>) -> bool {
        self.starts <= at && at < self.ends
    }
}

/// Where a chain started on a record stands, as it is stored and shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RunStatus {
    Waiting,
    Approved,
    Rejected,
    /// Its record left authorisation another way (revised, cancelled): nobody decides any more.
    Withdrawn,
}

impl RunStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            RunStatus::Waiting => "waiting",
            RunStatus::Approved => "approved",
            RunStatus::Rejected => "rejected",
            RunStatus::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [
            RunStatus::Waiting,
            RunStatus::Approved,
            RunStatus::Rejected,
            RunStatus::Withdrawn,
        ]
        .into_iter()
        .find(|status| status.as_str() == s)
    }
}

/// Where a chain stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChainStatus {
    /// Step `step` waits for decisions: `approvals` of `needed` so far, from those in `waiting_on`.
    Waiting {
        step: usize,
        waiting_on: Vec<String>,
        approvals: usize,
        needed: usize,
    },
    Approved,
    /// Step `step` rejected it: someone said no, or its quorum can no longer be met.
    Rejected {
        step: usize,
    },
}

/// How one step stands on its decisions: each approver's first decision counts, once.
enum StepStands {
    Approved,
    Rejected,
    Waiting {
        approvals: usize,
        undecided: Vec<String>,
    },
}

fn stands(step: &StepOnRecord, index: usize, decisions: &[Decision]) -> StepStands {
    let mut counted = BTreeSet::new();
    let mut approvals = 0;
    let mut rejections = 0;
    let mut first = None;
    let mut ordered: Vec<&Decision> = decisions.iter().filter(|d| d.step == index).collect();
    ordered.sort_by_key(|d| d.at);
    for decision in ordered {
        if !step.approvers.contains(&decision.for_whom) || !counted.insert(&decision.for_whom) {
            continue;
        }
        first.get_or_insert(decision.verdict);
        match decision.verdict {
            Verdict::Approve => approvals += 1,
            Verdict::Reject => rejections += 1,
        }
    }
    let undecided: Vec<String> = step
        .approvers
        .iter()
        .filter(|a| !counted.contains(a))
        .cloned()
        .collect();
    match (step.needed, first) {
        (None, Some(Verdict::Approve)) => StepStands::Approved,
        (None, Some(Verdict::Reject)) => StepStands::Rejected,
        (Some(needed), _) if approvals >= needed => StepStands::Approved,
        (Some(needed), _) if step.approvers.len() - rejections < needed => StepStands::Rejected,
        _ => StepStands::Waiting {
            approvals,
            undecided,
        },
    }
}

/// Where the chain stands after `decisions`, walking its steps in order.
pub fn status(steps: &[StepOnRecord], decisions: &[Decision]) -> ChainStatus {
    for (index, step) in steps.iter().enumerate() {
        if step.skipped {
            continue;
        }
        match stands(step, index, decisions) {
            StepStands::Approved => continue,
            StepStands::Rejected => return ChainStatus::Rejected { step: index },
            StepStands::Waiting {
                approvals,
                undecided,
            } => {
                return ChainStatus::Waiting {
                    step: index,
                    waiting_on: undecided,
                    approvals,
                    needed: step.needed.unwrap_or(1),
                }
            }
        }
    }
    ChainStatus::Approved
}

/// `person`'s decision on the chain now, or why they may not decide: the chain has ended,
/// they decided already, it is not their step yet (or any more), or it is not theirs at all.
/// They decide for themselves when they are an undecided approver of the waiting step, else
/// for the first undecided approver who delegated to them.
pub fn decide(
    steps: &[StepOnRecord],
    decisions: &[Decision],
    delegations: &[Delegation],
    person: &str,
    verdict: Verdict,
    now: DateTime<Utc>,
) -> Result<Decision, Say> {
    let person = person.trim().to_lowercase();
    let ChainStatus::Waiting {
        step, waiting_on, ..
    } = status(steps, decisions)
    else {
        return Err(say("error-approval-over"));
    };
    let stands_in_for = || {
        delegations
            .iter()
            .find(|d| d.to == person && d.active(now) && waiting_on.contains(&d.from))
            .map(|d| d.from.clone())
    };
    let for_whom = if waiting_on.contains(&person) {
        person.clone()
    } else if let Some(absent) = stands_in_for() {
        absent
    } else if steps[step].approvers.contains(&person) {
        return Err(say("error-approval-twice"));
    } else if steps
        .iter()
        .any(|s| !s.skipped && s.approvers.contains(&person))
    {
        return Err(say_with(
            "error-approval-not-your-turn",
            [("step", steps[step].name.as_str().into())],
        ));
    } else {
        return Err(say("error-approval-not-yours"));
    };
    Ok(Decision {
        step,
        by: person,
        for_whom,
        verdict,
        at: now,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::form::{Condition, Operator};
    use chrono::Duration;

    const CAB: [&str; 3] = ["cab1@x.test", "cab2@x.test", "cab3@x.test"];

    fn now() -> DateTime<Utc> {
        "2026-12-07T10:00:00Z".parse().unwrap()
    }

    fn chain() -> ApprovalChain {
        ApprovalChain {
            steps: vec![
                ChainStep {
                    name: "Line manager".into(),
                    approver: Approver::LineManager,
                    only_when: None,
                },
                ChainStep {
                    name: "Software owner".into(),
                    approver: Approver::Group {
                        group: "software".into(),
                        needed: Needed::AnyOne,
                    },
                    only_when: Some(Visibility::when(Condition::new(
                        "cost",
                        Operator::GreaterThan,
                        &["500"],
                    ))),
                },
                ChainStep {
                    name: "CAB".into(),
                    approver: Approver::Group {
                        group: "cab".into(),
                        needed: Needed::Quorum(2),
                    },
                    only_when: None,
                },
            ],
        }
    }

    fn members(group: &str) -> Vec<String> {
        match group {
            "software" => vec!["Owner@X.test".into(), "deputy@x.test".into()],
            "cab" => CAB.map(String::from).to_vec(),
            _ => Vec::new(),
        }
    }

    fn steps(costly: bool) -> Vec<StepOnRecord> {
        resolve(&chain(), Some("boss@x.test"), &members, &|_| costly).unwrap()
    }

    /// `person` decides; the decision is recorded, a minute after the last.
    fn act(
        steps: &[StepOnRecord],
        decisions: &mut Vec<Decision>,
        person: &str,
        verdict: Verdict,
    ) -> Result<(), Say> {
        let at = now() + Duration::minutes(decisions.len() as i64);
        decisions.push(decide(steps, decisions, &[], person, verdict, at)?);
        Ok(())
    }

    #[test]
    fn three_steps_with_a_quorum_approve_in_order() {
        let steps = steps(true);
        assert_eq!(steps[1].approvers, ["deputy@x.test", "owner@x.test"]);
        let mut d = Vec::new();
        assert_eq!(
            act(&steps, &mut d, "cab1@x.test", Verdict::Approve)
                .unwrap_err()
                .id(),
            Some("error-approval-not-your-turn"),
            "the CAB decides after the manager and the owner"
        );
        act(&steps, &mut d, "boss@x.test", Verdict::Approve).unwrap();
        act(&steps, &mut d, "owner@x.test", Verdict::Approve).unwrap();
        assert_eq!(
            act(&steps, &mut d, "deputy@x.test", Verdict::Approve)
                .unwrap_err()
                .id(),
            Some("error-approval-not-your-turn"),
            "any one of the owners decided for the group"
        );
        act(&steps, &mut d, "cab2@x.test", Verdict::Approve).unwrap();
        assert_eq!(
            status(&steps, &d),
            ChainStatus::Waiting {
                step: 2,
                waiting_on: vec!["cab1@x.test".into(), "cab3@x.test".into()],
                approvals: 1,
                needed: 2
            }
        );
        assert_eq!(
            act(&steps, &mut d, "cab2@x.test", Verdict::Reject)
                .unwrap_err()
                .id(),
            Some("error-approval-twice")
        );
        act(&steps, &mut d, "cab3@x.test", Verdict::Reject).unwrap();
        act(&steps, &mut d, "cab1@x.test", Verdict::Approve).unwrap();
        assert_eq!(status(&steps, &d), ChainStatus::Approved);
        assert_eq!(
            act(&steps, &mut d, "cab3@x.test", Verdict::Approve)
                .unwrap_err()
                .id(),
            Some("error-approval-over")
        );
    }

    #[test]
    fn a_step_whose_condition_does_not_hold_is_skipped() {
        let steps = steps(false);
        assert!(steps[1].skipped);
        let mut d = Vec::new();
        act(&steps, &mut d, "boss@x.test", Verdict::Approve).unwrap();
        assert!(matches!(
            status(&steps, &d),
            ChainStatus::Waiting { step: 2, .. }
        ));
        assert_eq!(
            act(&steps, &mut d, "owner@x.test", Verdict::Approve)
                .unwrap_err()
                .id(),
            Some("error-approval-not-yours")
        );
    }

    #[test]
    fn a_rejection_ends_the_chain_and_so_does_a_quorum_out_of_reach() {
        let steps = steps(false);
        let mut d = Vec::new();
        act(&steps, &mut d, "boss@x.test", Verdict::Reject).unwrap();
        assert_eq!(status(&steps, &d), ChainStatus::Rejected { step: 0 });

        let mut d = Vec::new();
        act(&steps, &mut d, "boss@x.test", Verdict::Approve).unwrap();
        act(&steps, &mut d, "cab1@x.test", Verdict::Reject).unwrap();
        assert!(matches!(
            status(&steps, &d),
            ChainStatus::Waiting { step: 2, .. }
        ));
        act(&steps, &mut d, "cab2@x.test", Verdict::Reject).unwrap();
        assert_eq!(
            status(&steps, &d),
            ChainStatus::Rejected { step: 2 },
            "two of three said no: two approvals can no longer be had"
        );
    }

    #[test]
    fn decisions_at_the_same_instant_count_each_approver_once() {
        let steps = steps(false);
        let boss = |verdict| Decision {
            step: 0,
            by: "boss@x.test".into(),
            for_whom: "boss@x.test".into(),
            verdict,
            at: now(),
        };
        // Two clicks that both read the chain before either was written.
        let mut d = vec![boss(Verdict::Approve), boss(Verdict::Approve)];
        let cab = |who: &str, verdict| Decision {
            step: 2,
            by: who.into(),
            for_whom: "cab1@x.test".into(),
            verdict,
            at: now() + Duration::minutes(1),
        };
        d.push(cab("cab1@x.test", Verdict::Approve));
        d.push(cab("stand-in@x.test", Verdict::Approve));
        assert_eq!(
            status(&steps, &d),
            ChainStatus::Waiting {
                step: 2,
                waiting_on: vec!["cab2@x.test".into(), "cab3@x.test".into()],
                approvals: 1,
                needed: 2
            },
            "cab1's vote counted once, whoever clicked"
        );
    }

    #[test]
    fn a_delegate_decides_in_the_absent_approvers_place_while_it_lasts() {
        let steps = steps(false);
        let away = Delegation::new(
            "Boss@x.test",
            "deputy@x.test",
            now() - Duration::days(1),
            now() + Duration::days(1),
        )
        .unwrap();
        let decided = decide(
            &steps,
            &[],
            std::slice::from_ref(&away),
            "deputy@x.test",
            Verdict::Approve,
            now(),
        )
        .unwrap();
        assert_eq!(
            (decided.by.as_str(), decided.for_whom.as_str()),
            ("deputy@x.test", "boss@x.test")
        );
        let later = now() + Duration::days(2);
        assert_eq!(
            decide(
                &steps,
                &[],
                &[away],
                "deputy@x.test",
                Verdict::Approve,
                later
            )
            .unwrap_err()
            .id(),
            Some("error-approval-not-yours"),
            "the delegation has ended"
        );
        for (to, starts, ends, id) in [
            (
                "boss@x.test",
                now(),
                now() + Duration::days(1),
                "error-delegate-self",
            ),
            (
                "deputy",
                now(),
                now() + Duration::days(1),
                "error-delegate-who",
            ),
            ("deputy@x.test", now(), now(), "error-delegate-dates"),
        ] {
            assert_eq!(
                Delegation::new("boss@x.test", to, starts, ends)
                    .unwrap_err()
                    .id(),
                Some(id)
            );
        }
    }

    #[test]
    fn a_chain_nobody_can_decide_is_refused_when_it_starts() {
        assert_eq!(
            resolve(&chain(), None, &members, &|_| true)
                .unwrap_err()
                .id(),
            Some("error-no-line-manager")
        );
        let small = |group: &str| {
            if group == "cab" {
                vec!["a@x.test".into()]
            } else {
                members(group)
            }
        };
        assert_eq!(
            resolve(&chain(), Some("boss@x.test"), &small, &|_| true)
                .unwrap_err()
                .id(),
            Some("error-chain-quorum-unreachable")
        );
        // A skipped step needs nobody.
        let no_owners = |group: &str| {
            if group == "software" {
                Vec::new()
            } else {
                members(group)
            }
        };
        assert!(resolve(&chain(), Some("boss@x.test"), &no_owners, &|_| false).is_ok());
    }

    #[test]
    fn a_chain_an_admin_saves_is_checked() {
        assert!(chain().check().is_ok());
        let refused = |change: &dyn Fn(&mut ApprovalChain)| {
            let mut c = chain();
            change(&mut c);
            c.check().unwrap_err().id().unwrap()
        };
        assert_eq!(refused(&|c| c.steps.clear()), "error-chain-empty");
        assert_eq!(
            refused(&|c| c.steps = vec![c.steps[0].clone(); MAX_STEPS + 1]),
            "error-chain-too-long"
        );
        assert_eq!(
            refused(&|c| c.steps[0].name = " ".into()),
            "error-chain-step-name"
        );
        assert_eq!(
            refused(&|c| c.steps[2].approver = Approver::Group {
                group: "cab".into(),
                needed: Needed::Quorum(0)
            }),
            "error-chain-quorum-zero"
        );
        assert_eq!(
            refused(&|c| c.steps[0].approver = Approver::Person {
                email: "nobody".into()
            }),
            "error-chain-person"
        );
    }

    #[test]
    fn a_chain_reads_back_as_it_was_written() {
        let json = serde_json::to_string(&chain()).unwrap();
        assert!(
            json.contains(r#""kind":"group""#) && json.contains(r#""quorum":2"#),
            "{json}"
        );
        assert_eq!(
            serde_json::from_str::<ApprovalChain>(&json).unwrap(),
            chain()
        );
    }
}
