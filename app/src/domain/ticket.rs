//! Ticket kinds, states and the lifecycle rules that say which moves are allowed.
//!
//! new → awaiting approval → in progress ⇄ awaiting user → resolved → closed; also rejected and
//! cancelled. The server enforces these; the browser uses them to decide which buttons to show.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TicketKind {
    Request,
    Incident,
}

impl TicketKind {
    pub fn prefix(self) -> &'static str {
        match self {
            TicketKind::Request => "REQ",
            TicketKind::Incident => "INC",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            TicketKind::Request => "request",
            TicketKind::Incident => "incident",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "request" => Some(TicketKind::Request),
            "incident" => Some(TicketKind::Incident),
            _ => None,
        }
    }

    /// The human number people quote on the phone: REQ0001042, INC0000317.
    pub fn number(self, sequence: i64) -> String {
        format!("{}{:07}", self.prefix(), sequence)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TicketState {
    New,
    AwaitingApproval,
    InProgress,
    AwaitingUser,
    Resolved,
    Closed,
    Rejected,
    Cancelled,
}

impl TicketState {
    pub const ALL: [TicketState; 8] = [
        TicketState::New,
        TicketState::AwaitingApproval,
        TicketState::InProgress,
        TicketState::AwaitingUser,
        TicketState::Resolved,
        TicketState::Closed,
        TicketState::Rejected,
        TicketState::Cancelled,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            TicketState::New => "new",
            TicketState::AwaitingApproval => "awaiting_approval",
            TicketState::InProgress => "in_progress",
            TicketState::AwaitingUser => "awaiting_user",
            TicketState::Resolved => "resolved",
            TicketState::Closed => "closed",
            TicketState::Rejected => "rejected",
            TicketState::Cancelled => "cancelled",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|state| state.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            TicketState::New => "New",
            TicketState::AwaitingApproval => "Awaiting approval",
            TicketState::InProgress => "In progress",
            TicketState::AwaitingUser => "Waiting for you",
            TicketState::Resolved => "Resolved",
            TicketState::Closed => "Closed",
            TicketState::Rejected => "Rejected",
            TicketState::Cancelled => "Cancelled",
        }
    }

    /// Where a fresh submission starts.
    pub fn initial(needs_approval: bool) -> Self {
        if needs_approval {
            TicketState::AwaitingApproval
        } else {
            TicketState::New
        }
    }

    /// Still being worked on or waiting on someone: the requester may comment and cancel.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            TicketState::New
                | TicketState::AwaitingApproval
                | TicketState::InProgress
                | TicketState::AwaitingUser
        )
    }

    pub fn can_cancel(self) -> bool {
        self.is_open()
    }

    /// Comments are welcome until the ticket is finished for good.
    pub fn can_comment(self) -> bool {
        self.is_open() || self == TicketState::Resolved
    }

    /// The state an approval decision moves a ticket to, if it may be decided at all.
    pub fn after_approval(self, approved: bool) -> Option<Self> {
        match (self, approved) {
            (TicketState::AwaitingApproval, true) => Some(TicketState::InProgress),
            (TicketState::AwaitingApproval, false) => Some(TicketState::Rejected),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_prefixed_and_zero_padded() {
        assert_eq!(TicketKind::Request.number(1), "REQ0000001");
        assert_eq!(TicketKind::Incident.number(317), "INC0000317");
        assert_eq!(TicketKind::Request.number(1_042), "REQ0001042");
    }

    #[test]
    fn states_round_trip_through_their_names() {
        for state in TicketState::ALL {
            assert_eq!(TicketState::parse(state.as_str()), Some(state));
        }
        assert_eq!(TicketState::parse("bogus"), None);
    }

    #[test]
    fn approval_only_decides_waiting_tickets() {
        use TicketState::*;
        assert_eq!(AwaitingApproval.after_approval(true), Some(InProgress));
        assert_eq!(AwaitingApproval.after_approval(false), Some(Rejected));
        for state in [New, InProgress, Resolved, Closed, Rejected, Cancelled] {
            assert_eq!(state.after_approval(true), None, "{state:?}");
        }
    }

    #[test]
    fn cancel_and_comment_rules() {
        use TicketState::*;
        assert!(New.can_cancel() && AwaitingApproval.can_cancel() && InProgress.can_cancel());
        assert!(!Resolved.can_cancel() && !Closed.can_cancel() && !Rejected.can_cancel());
        assert!(!Cancelled.can_cancel());
        assert!(Resolved.can_comment());
        assert!(!Closed.can_comment() && !Cancelled.can_comment() && !Rejected.can_comment());
    }

    #[test]
    fn initial_state_depends_on_approval() {
        assert_eq!(TicketState::initial(true), TicketState::AwaitingApproval);
        assert_eq!(TicketState::initial(false), TicketState::New);
    }
}
