//! Problems: the cause behind recurring incidents (ITIL's problem management). A problem groups
//! incidents, records what caused them, the workaround the desk can give meanwhile and the
//! permanent fix, and moves open → known error → resolved. The rules here are what the
//! problem form checks in the browser and the server checks again.

use super::say::{say, say_with, Arg, Problems, Say};
use serde::{Deserialize, Serialize};

pub const MAX_TITLE_CHARS: usize = 200;
pub const MAX_TEXT_CHARS: usize = 4_000;
/// How many incidents one `open_problem` may group: a problem is opened from a screenful of
/// related incidents, not a bulk import.
pub const MAX_GROUPED: usize = 50;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProblemState {
    /// Being investigated: the cause is not known yet.
    Open,
    /// The cause is known (and usually a workaround); the permanent fix is still to come.
    KnownError,
    /// The fix is in place.
    Resolved,
}

impl ProblemState {
    pub const ALL: [ProblemState; 3] = [
        ProblemState::Open,
        ProblemState::KnownError,
        ProblemState::Resolved,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ProblemState::Open => "open",
            ProblemState::KnownError => "known_error",
            ProblemState::Resolved => "resolved",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|state| state.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            ProblemState::Open => "Open",
            ProblemState::KnownError => "Known error",
            ProblemState::Resolved => "Resolved",
        }
    }
}

/// The number people quote: PRB0000042, in the style of ticket numbers.
pub fn problem_number(sequence: i64) -> String {
    format!("PRB{sequence:07}")
}

/// What the desk records about a problem, as the form sends it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ProblemDraft {
    pub cause: String,
    pub workaround: String,
    pub fix: String,
    pub state: String,
}

/// A draft that passed `validate_problem`: trimmed texts and a known state.
#[derive(Clone, Debug, PartialEq)]
pub struct ProblemFields {
    pub cause: String,
    pub workaround: String,
    pub fix: String,
    pub state: ProblemState,
}

/// A problem title: something an agent recognises in a list, never empty.
pub fn validate_title(title: &str) -> Result<String, Say> {
    let title = title.trim();
    if title.is_empty() {
        return Err(say("error-problem-title"));
    }
    if title.chars().count() > MAX_TITLE_CHARS {
        return Err(say_with(
            "error-problem-title-long",
            [("max", Arg::count(MAX_TITLE_CHARS))],
        ));
    }
    Ok(title.to_string())
}

/// Checks every field at once. A known error must say what the cause is; a resolved problem
/// must say what fixed it: those records are what the next agent reads.
pub fn validate_problem(draft: &ProblemDraft) -> Result<ProblemFields, Problems> {
    let mut errors = Problems::new();
    let mut text = |key: &str, value: &str| -> String {
        let value = value.trim();
        if value.chars().count() > MAX_TEXT_CHARS {
            errors.insert(
                key.into(),
                say_with("error-text-too-long", [("max", Arg::count(MAX_TEXT_CHARS))]),
            );
        }
        value.to_string()
    };
    let cause = text("cause", &draft.cause);
    let workaround = text("workaround", &draft.workaround);
    let fix = text("fix", &draft.fix);
    let state = ProblemState::parse(draft.state.trim());
    match state {
        None => {
            errors.insert("state".into(), say("error-problem-state"));
        }
        Some(ProblemState::KnownError) if cause.is_empty() => {
            errors.insert("cause".into(), say("error-known-error-cause"));
        }
        Some(ProblemState::Resolved) if fix.is_empty() => {
            errors.insert("fix".into(), say("error-resolved-fix"));
        }
        Some(_) => {}
    }
    match state {
        Some(state) if errors.is_empty() => Ok(ProblemFields {
            cause,
            workaround,
            fix,
            state,
        }),
        _ => Err(errors),
    }
}

/// When incidents count as a recurring fault: at least `threshold` other incidents on the same
/// device, or of the same kind at the same store, within `window_days` of each other.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecurringRule {
    pub window_days: i64,
    pub threshold: i64,
}

impl Default for RecurringRule {
    fn default() -> Self {
        RecurringRule {
            window_days: 14,
            threshold: 2,
        }
    }
}

impl RecurringRule {
    /// A rule that makes sense whatever was configured: at least a day and one other incident.
    pub fn new(window_days: i64, threshold: i64) -> Self {
        RecurringRule {
            window_days: window_days.max(1),
            threshold: threshold.max(1),
        }
    }

    /// Whether `others` related incidents make this a recurring fault.
    pub fn is_recurring(&self, others: usize) -> bool {
        others as i64 >= self.threshold
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(state: &str, cause: &str, fix: &str) -> ProblemDraft {
        ProblemDraft {
            cause: cause.into(),
            workaround: String::new(),
            fix: fix.into(),
            state: state.into(),
        }
    }

    #[test]
    fn numbers_look_like_ticket_numbers() {
        assert_eq!(problem_number(42), "PRB0000042");
    }

    #[test]
    fn states_round_trip() {
        for s in ProblemState::ALL {
            assert_eq!(ProblemState::parse(s.as_str()), Some(s));
        }
        assert_eq!(ProblemState::parse("closed"), None);
    }

    #[test]
    fn known_errors_need_a_cause_and_resolved_problems_a_fix() {
        assert!(validate_problem(&draft("open", "", "")).is_ok());
        let e = validate_problem(&draft("known_error", "  ", "")).unwrap_err();
        assert!(e.contains_key("cause"));
        let e = validate_problem(&draft("resolved", "firmware", "")).unwrap_err();
        assert!(e.contains_key("fix"));
        let ok = validate_problem(&draft("resolved", " firmware ", "updated to 4.3")).unwrap();
        assert_eq!(ok.cause, "firmware");
        assert_eq!(ok.state, ProblemState::Resolved);
        let e = validate_problem(&draft("done", "", "")).unwrap_err();
        assert!(e.contains_key("state"));
    }

    #[test]
    fn long_texts_and_empty_titles_are_refused() {
        let mut d = draft("open", "", "");
        d.workaround = "x".repeat(MAX_TEXT_CHARS + 1);
        assert!(validate_problem(&d).unwrap_err().contains_key("workaround"));
        assert!(validate_title("   ").is_err());
        assert!(validate_title(&"t".repeat(MAX_TITLE_CHARS + 1)).is_err());
        assert_eq!(validate_title(" Readers drop ").unwrap(), "Readers drop");
    }

    #[test]
    fn the_recurring_rule_never_goes_below_one() {
        let rule = RecurringRule::new(0, 0);
        assert_eq!(
            rule,
            RecurringRule {
                window_days: 1,
                threshold: 1
            }
        );
        assert!(RecurringRule::default().is_recurring(2));
        assert!(!RecurringRule::default().is_recurring(1));
    }
}
