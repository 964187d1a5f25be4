//! Changes (ITIL's change enablement): what is about to be done to the stores' systems, planned,
//! assessed and authorised before it goes live, then reviewed.
//!
//! draft → assess → authorise → scheduled → implement → review → closed; cancelled from any
//! state before the work starts. A standard change is a pre-approved model: it skips
//! authorisation, so it must stay low risk. A rejected authorisation sends the change back to
//! draft, for rework or cancelling. The browser asks these rules which buttons to show; the
//! server asks them again before it writes (who may press which is the server's `access`).

use super::change_risk::RiskLevel;
use super::say::{say, say_with, Arg, Problems, Say};
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

pub const MAX_TITLE_CHARS: usize = 200;
pub const MAX_PLAN_CHARS: usize = 8_000;
/// The longest window one change may plan: a weekend's work. Longer work is several changes.
pub const MAX_WINDOW_HOURS: i64 = 72;

/// The number people quote: CHG0000042, in the style of ticket and problem numbers.
pub fn change_number(sequence: i64) -> String {
    format!("CHG{sequence:07}")
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// A pre-approved model ("replace a receipt printer"): low risk, no authorisation.
    Standard,
    /// Assessed and authorised by its approval chain (the CAB when the risk is high).
    Normal,
    /// Must happen now to end an outage; authorised by the emergency chain, which may be short.
    Emergency,
}

impl ChangeKind {
    pub const ALL: [ChangeKind; 3] = [
        ChangeKind::Standard,
        ChangeKind::Normal,
        ChangeKind::Emergency,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Standard => "standard",
            ChangeKind::Normal => "normal",
            ChangeKind::Emergency => "emergency",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == s)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeState {
    Draft,
    Assess,
    Authorise,
    Scheduled,
    Implement,
    Review,
    Closed,
    Cancelled,
}

impl ChangeState {
    pub const ALL: [ChangeState; 8] = [
        ChangeState::Draft,
        ChangeState::Assess,
        ChangeState::Authorise,
        ChangeState::Scheduled,
        ChangeState::Implement,
        ChangeState::Review,
        ChangeState::Closed,
        ChangeState::Cancelled,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ChangeState::Draft => "draft",
            ChangeState::Assess => "assess",
            ChangeState::Authorise => "authorise",
            ChangeState::Scheduled => "scheduled",
            ChangeState::Implement => "implement",
            ChangeState::Review => "review",
            ChangeState::Closed => "closed",
            ChangeState::Cancelled => "cancelled",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|state| state.as_str() == s)
    }

    /// Nothing more happens to it.
    pub fn is_final(self) -> bool {
        matches!(self, ChangeState::Closed | ChangeState::Cancelled)
    }

    /// Shown on the change calendar: booked, or done and being reviewed or closed (what
    /// happened stays in the calendar's past).
    pub fn on_calendar(self) -> bool {
        self.holds_its_window() || matches!(self, ChangeState::Review | ChangeState::Closed)
    }

    /// On the change calendar: its window is booked (the conflict checks count it).
    pub fn holds_its_window(self) -> bool {
        matches!(
            self,
            ChangeState::Authorise | ChangeState::Scheduled | ChangeState::Implement
        )
    }
}

/// How the work went, recorded when it ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeOutcome {
    Successful,
    Failed,
    /// Undone by the back-out plan: the systems are as they were.
    BackedOut,
}

impl ChangeOutcome {
    pub const ALL: [ChangeOutcome; 3] = [
        ChangeOutcome::Successful,
        ChangeOutcome::Failed,
        ChangeOutcome::BackedOut,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ChangeOutcome::Successful => "successful",
            ChangeOutcome::Failed => "failed",
            ChangeOutcome::BackedOut => "backed_out",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|outcome| outcome.as_str() == s)
    }
}

/// A step of the lifecycle.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Move {
    /// draft → assess: the plans are written.
    Submit,
    /// assess → authorise (a standard change: → scheduled): risk assessed, window planned.
    RequestAuthorisation,
    /// authorise → scheduled: the approval chain approved. Made by the portal, not a person.
    Authorised,
    /// authorise → draft: the approval chain rejected. Made by the portal, not a person.
    Rejected,
    /// assess or authorise → draft: the owner takes it back to rework (a running approval chain
    /// ends; a new submission starts a new one).
    Revise,
    /// scheduled → implement: the window has opened and the work starts.
    Start,
    /// implement → review: the work ended, with its outcome.
    Finish,
    /// review → closed: the post-implementation review is written.
    Close,
    /// Before the work starts, it is called off.
    Cancel,
}

impl Move {
    pub const ALL: [Move; 9] = [
        Move::Submit,
        Move::RequestAuthorisation,
        Move::Authorised,
        Move::Rejected,
        Move::Revise,
        Move::Start,
        Move::Finish,
        Move::Close,
        Move::Cancel,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Move::Submit => "submit",
            Move::RequestAuthorisation => "request_authorisation",
            Move::Authorised => "authorised",
            Move::Rejected => "rejected",
            Move::Revise => "revise",
            Move::Start => "start",
            Move::Finish => "finish",
            Move::Close => "close",
            Move::Cancel => "cancel",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.as_str() == s)
    }

    /// Made by the portal when the approval chain ends, never by a button.
    pub fn by_the_portal(self) -> bool {
        matches!(self, Move::Authorised | Move::Rejected)
    }
}

/// Where `step` leads from `state` for a change of `kind`, by the lifecycle alone (what the
/// change's record must hold first is `check_move`'s part). `None`: the lifecycle forbids it.
pub fn target(kind: ChangeKind, state: ChangeState, step: Move) -> Option<ChangeState> {
    use ChangeState as S;
    let to = match (state, step) {
        (S::Draft, Move::Submit) => S::Assess,
        (S::Assess, Move::RequestAuthorisation) if kind == ChangeKind::Standard => S::Scheduled,
        (S::Assess, Move::RequestAuthorisation) => S::Authorise,
        (S::Authorise, Move::Authorised) => S::Scheduled,
        (S::Authorise, Move::Rejected) => S::Draft,
        (S::Assess | S::Authorise, Move::Revise) => S::Draft,
        (S::Scheduled, Move::Start) => S::Implement,
        (S::Implement, Move::Finish) => S::Review,
        (S::Review, Move::Close) => S::Closed,
        (S::Draft | S::Assess | S::Authorise | S::Scheduled, Move::Cancel) => S::Cancelled,
        _ => return None,
    };
    Some(to)
}

/// The steps a person may offer from `state`: the buttons of a change's page.
pub fn next_moves(kind: ChangeKind, state: ChangeState) -> Vec<Move> {
    Move::ALL
        .into_iter()
        .filter(|step| !step.by_the_portal() && target(kind, state, *step).is_some())
        .collect()
}

/// When a change's work is planned: `[start, end)`, in UTC.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Window {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

impl Window {
    /// A window that ends after it starts and is no longer than `MAX_WINDOW_HOURS`.
    pub fn new(start: DateTime<Utc>, end: DateTime<Utc>) -> Result<Window, Say> {
        if end <= start {
            return Err(say("error-change-window-order"));
        }
        if end - start > Duration::hours(MAX_WINDOW_HOURS) {
            return Err(say_with(
                "error-change-window-long",
                [("hours", Arg::Number(MAX_WINDOW_HOURS))],
            ));
        }
        Ok(Window { start, end })
    }

    /// Whether the two share an instant (a window ending when the other starts does not).
    pub fn overlaps(&self, other: &Window) -> bool {
        self.start < other.end && other.start < self.end
    }

    pub fn contains(&self, at: DateTime<Utc>) -> bool {
        self.start <= at && at < self.end
    }
}

/// What a change's record holds, as far as the lifecycle asks.
#[derive(Clone, Debug, PartialEq)]
pub struct ChangeFacts {
    /// Implementation, back-out and test plan are all written.
    pub plans_written: bool,
    /// The questionnaire's answer; `None` until every question is answered.
    pub risk: Option<RiskLevel>,
    pub window: Option<Window>,
    /// Set when the work ends (`Finish`).
    pub outcome: Option<ChangeOutcome>,
    /// The post-implementation review is written.
    pub review_written: bool,
    pub now: DateTime<Utc>,
}

/// The state `step` moves the change to, or what must be done first. Every refusal says what
/// to do next, under the field it is about (`Problems` keys: `move`, `plans`, `risk`, `window`,
/// `outcome`, `review`).
pub fn check_move(
    kind: ChangeKind,
    state: ChangeState,
    step: Move,
    facts: &ChangeFacts,
) -> Result<ChangeState, Problems> {
    let refuse = |key: &str, said: Say| Err(Problems::from([(key.to_string(), said)]));
    let Some(to) = target(kind, state, step) else {
        return refuse(
            "move",
            say_with(
                "error-change-move",
                [
                    ("move", step.as_str().into()),
                    ("state", state.as_str().into()),
                ],
            ),
        );
    };
    match step {
        Move::Submit if !facts.plans_written => refuse("plans", say("error-change-plans")),
        Move::RequestAuthorisation => {
            let mut problems = Problems::new();
            match facts.risk {
                None => {
                    problems.insert("risk".into(), say("error-change-risk"));
                }
                Some(level) if kind == ChangeKind::Standard && level != RiskLevel::Low => {
                    problems.insert("risk".into(), say("error-change-standard-risk"));
                }
                Some(_) => {}
            }
            match facts.window {
                None => {
                    problems.insert("window".into(), say("error-change-window"));
                }
                // An emergency is planned as it happens; anything else is planned ahead.
                Some(window) if kind != ChangeKind::Emergency && window.start <= facts.now => {
                    problems.insert("window".into(), say("error-change-window-past"));
                }
                Some(_) => {}
            }
            if problems.is_empty() {
                Ok(to)
            } else {
                Err(problems)
            }
        }
        Move::Start => match facts.window {
            Some(window) if kind == ChangeKind::Emergency || window.start <= facts.now => Ok(to),
            _ => refuse("move", say("error-change-not-yet")),
        },
        Move::Finish if facts.outcome.is_none() => refuse("outcome", say("error-change-outcome")),
        Move::Close if !facts.review_written => refuse("review", say("error-change-review")),
        _ => Ok(to),
    }
}

/// A change's texts as the form sends them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ChangePlans {
    pub title: String,
    pub implementation: String,
    pub back_out: String,
    pub test: String,
}

/// Trimmed texts within their lengths, or what is wrong with each. Empty plans are allowed
/// while the change is a draft: `plans_written` says whether it may be submitted.
pub fn validate_plans(plans: &ChangePlans) -> Result<ChangePlans, Problems> {
    let mut problems = Problems::new();
    let title = plans.title.trim();
    if title.is_empty() {
        problems.insert("title".into(), say("error-change-title"));
    } else if title.chars().count() > MAX_TITLE_CHARS {
        problems.insert(
            "title".into(),
            say_with(
                "error-change-title-long",
                [("max", Arg::count(MAX_TITLE_CHARS))],
            ),
        );
    }
    let mut text = |key: &str, value: &str| {
        let value = value.trim();
        if value.chars().count() > MAX_PLAN_CHARS {
            problems.insert(
                key.into(),
                say_with("error-text-too-long", [("max", Arg::count(MAX_PLAN_CHARS))]),
            );
        }
        value.to_string()
    };
    let valid = ChangePlans {
        title: title.to_string(),
        implementation: text("implementation", &plans.implementation),
        back_out: text("back_out", &plans.back_out),
        test: text("test", &plans.test),
    };
    if problems.is_empty() {
        Ok(valid)
    } else {
        Err(problems)
    }
}

impl ChangePlans {
    /// Every plan is there: how it is done, how it is undone, how we know it worked.
    pub fn written(&self) -> bool {
        [&self.implementation, &self.back_out, &self.test]
            .iter()
            .all(|plan| !plan.trim().is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ChangeKind::*;
    use ChangeState as S;

    fn at(hour: i64) -> DateTime<Utc> {
        "2026-12-01T00:00:00Z".parse::<DateTime<Utc>>().unwrap() + Duration::hours(hour)
    }

    fn ready() -> ChangeFacts {
        ChangeFacts {
            plans_written: true,
            risk: Some(RiskLevel::High),
            window: Some(Window::new(at(48), at(52)).unwrap()),
            outcome: None,
            review_written: false,
            now: at(0),
        }
    }

    fn refused_on(result: Result<ChangeState, Problems>) -> Vec<String> {
        result.unwrap_err().into_keys().collect()
    }

    #[test]
    fn names_round_trip_and_numbers_look_like_the_others() {
        assert_eq!(change_number(1), "CHG0000001");
        for s in ChangeState::ALL {
            assert_eq!(ChangeState::parse(s.as_str()), Some(s));
        }
        for k in ChangeKind::ALL {
            assert_eq!(ChangeKind::parse(k.as_str()), Some(k));
        }
        for m in Move::ALL {
            assert_eq!(Move::parse(m.as_str()), Some(m));
        }
        for o in ChangeOutcome::ALL {
            assert_eq!(ChangeOutcome::parse(o.as_str()), Some(o));
        }
        assert_eq!(ChangeState::parse("approved"), None);
    }

    #[test]
    fn a_normal_change_walks_the_whole_lifecycle() {
        let mut facts = ready();
        let mut state = S::Draft;
        for (step, expected) in [
            (Move::Submit, S::Assess),
            (Move::RequestAuthorisation, S::Authorise),
            (Move::Authorised, S::Scheduled),
        ] {
            state = check_move(Normal, state, step, &facts).unwrap();
            assert_eq!(state, expected);
        }
        assert_eq!(
            refused_on(check_move(Normal, state, Move::Start, &facts)),
            ["move"],
            "not before the window opens"
        );
        facts.now = at(48);
        state = check_move(Normal, state, Move::Start, &facts).unwrap();
        assert_eq!(
            refused_on(check_move(Normal, state, Move::Finish, &facts)),
            ["outcome"]
        );
        facts.outcome = Some(ChangeOutcome::BackedOut);
        state = check_move(Normal, state, Move::Finish, &facts).unwrap();
        assert_eq!(state, S::Review);
        assert_eq!(
            refused_on(check_move(Normal, state, Move::Close, &facts)),
            ["review"]
        );
        facts.review_written = true;
        assert_eq!(
            check_move(Normal, state, Move::Close, &facts),
            Ok(S::Closed)
        );
    }

    #[test]
    fn a_standard_change_skips_authorisation_but_only_while_low_risk() {
        let mut facts = ready();
        assert_eq!(
            refused_on(check_move(
                Standard,
                S::Assess,
                Move::RequestAuthorisation,
                &facts
            )),
            ["risk"]
        );
        facts.risk = Some(RiskLevel::Low);
        assert_eq!(
            check_move(Standard, S::Assess, Move::RequestAuthorisation, &facts),
            Ok(S::Scheduled)
        );
    }

    #[test]
    fn what_is_missing_is_named_field_by_field() {
        let facts = ChangeFacts {
            plans_written: false,
            risk: None,
            window: None,
            ..ready()
        };
        assert_eq!(
            refused_on(check_move(Normal, S::Draft, Move::Submit, &facts)),
            ["plans"]
        );
        assert_eq!(
            refused_on(check_move(
                Normal,
                S::Assess,
                Move::RequestAuthorisation,
                &facts
            )),
            ["risk", "window"]
        );
        let past = ChangeFacts {
            now: at(49),
            ..ready()
        };
        assert_eq!(
            refused_on(check_move(
                Normal,
                S::Assess,
                Move::RequestAuthorisation,
                &past
            )),
            ["window"]
        );
        // An emergency is planned while it happens.
        assert_eq!(
            check_move(Emergency, S::Assess, Move::RequestAuthorisation, &past),
            Ok(S::Authorise)
        );
    }

    #[test]
    fn the_lifecycle_refuses_what_it_does_not_allow() {
        let facts = ready();
        for (state, step) in [
            (S::Draft, Move::Start),
            (S::Draft, Move::Authorised),
            (S::Scheduled, Move::Revise),
            (S::Implement, Move::Cancel),
            (S::Closed, Move::Cancel),
            (S::Cancelled, Move::Submit),
            (S::Review, Move::Finish),
        ] {
            let problems = check_move(Normal, state, step, &facts).unwrap_err();
            assert_eq!(
                problems["move"].id(),
                Some("error-change-move"),
                "{state:?} {step:?}"
            );
        }
        assert_eq!(
            check_move(Normal, S::Authorise, Move::Rejected, &facts),
            Ok(S::Draft)
        );
    }

    #[test]
    fn the_buttons_offered_are_the_moves_a_person_makes() {
        assert_eq!(next_moves(Normal, S::Draft), [Move::Submit, Move::Cancel]);
        assert_eq!(
            next_moves(Normal, S::Authorise),
            [Move::Revise, Move::Cancel]
        );
        assert_eq!(next_moves(Normal, S::Implement), [Move::Finish]);
        assert!(next_moves(Normal, S::Closed).is_empty());
        assert!(next_moves(Normal, S::Cancelled).is_empty());
        for state in ChangeState::ALL {
            assert_eq!(
                next_moves(Normal, state).is_empty(),
                state.is_final(),
                "{state:?}"
            );
        }
    }

    #[test]
    fn a_window_ends_after_it_starts_and_within_three_days() {
        assert_eq!(
            Window::new(at(5), at(5)).unwrap_err().id(),
            Some("error-change-window-order")
        );
        assert_eq!(
            Window::new(at(5), at(4)).unwrap_err().id(),
            Some("error-change-window-order")
        );
        assert_eq!(
            Window::new(at(0), at(MAX_WINDOW_HOURS + 1))
                .unwrap_err()
                .id(),
            Some("error-change-window-long")
        );
        let w = Window::new(at(0), at(MAX_WINDOW_HOURS)).unwrap();
        assert!(w.contains(at(0)) && !w.contains(at(MAX_WINDOW_HOURS)));
        let next = Window::new(at(MAX_WINDOW_HOURS), at(MAX_WINDOW_HOURS + 1)).unwrap();
        assert!(!w.overlaps(&next), "touching windows do not overlap");
        assert!(w.overlaps(&Window::new(at(1), at(2)).unwrap()));
    }

    #[test]
    fn plans_are_trimmed_and_held_to_their_lengths() {
        let plans = ChangePlans {
            title: "  Card reader firmware 4.3 at S012 ".into(),
            implementation: "Flash each reader".into(),
            back_out: "Flash 4.2 again".into(),
            test: String::new(),
        };
        let valid = validate_plans(&plans).unwrap();
        assert_eq!(valid.title, "Card reader firmware 4.3 at S012");
        assert!(!valid.written(), "the test plan is missing");
        let too_long = ChangePlans {
            title: " ".into(),
            back_out: "x".repeat(MAX_PLAN_CHARS + 1),
            ..plans
        };
        let problems = validate_plans(&too_long).unwrap_err();
        assert_eq!(problems.keys().collect::<Vec<_>>(), ["back_out", "title"]);
    }
}
