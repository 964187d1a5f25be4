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

/// Who is making a change, as far as the lifecycle cares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Actor {
    /// An agent of the ticket's assignment group (or a manager or admin).
    Desk,
    Requester,
    Approver,
    /// Deskfront itself: auto-close.
    System,
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

    /// States in which the SLA clocks stand still: nobody on the desk can act until someone
    /// else does (the approver, the requester), or the work is done unless it is reopened.
    pub fn pauses_sla(self) -> bool {
        matches!(
            self,
            TicketState::AwaitingApproval | TicketState::AwaitingUser | TicketState::Resolved
        )
    }

    /// Finished for good: no clock runs, nothing more can happen but reading.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            TicketState::Closed | TicketState::Rejected | TicketState::Cancelled
        )
    }

    /// The lifecycle: which moves each kind of actor may make. Every state change on the server
    /// goes through this; the browser uses it to decide which buttons to show.
    pub fn allows(self, to: TicketState, actor: Actor) -> bool {
        use TicketState::*;
        match actor {
            Actor::Desk => matches!(
                (self, to),
                (New, InProgress)
                    | (New | InProgress, AwaitingUser)
                    | (AwaitingUser, InProgress)
                    | (New | InProgress | AwaitingUser, Resolved)
            ),
            // Replying to a question, reopening within the grace period, or withdrawing.
            Actor::Requester => {
                matches!((self, to), (AwaitingUser | Resolved, InProgress))
                    || (to == Cancelled && self.can_cancel())
            }
            Actor::Approver => self.after_approval(to == InProgress) == Some(to),
            Actor::System => matches!((self, to), (Resolved, Closed)),
        }
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
    fn the_desk_moves_tickets_along_the_lifecycle_only() {
        use TicketState::*;
        let desk = |from: TicketState, to| from.allows(to, Actor::Desk);
        assert!(desk(New, InProgress) && desk(InProgress, AwaitingUser));
        assert!(desk(AwaitingUser, InProgress) && desk(InProgress, Resolved));
        assert!(desk(New, Resolved) && desk(AwaitingUser, Resolved));
        // Approval is the approver's; closing is Deskfront's after the grace period.
        assert!(!desk(AwaitingApproval, InProgress) && !desk(Resolved, Closed));
        assert!(!desk(Closed, InProgress) && !desk(Cancelled, InProgress));
        assert!(!desk(Resolved, InProgress), "only the requester reopens");
        assert!(!desk(InProgress, New) && !desk(InProgress, InProgress));
    }

    #[test]
    fn the_requester_answers_reopens_and_cancels() {
        use TicketState::*;
        let requester = |from: TicketState, to| from.allows(to, Actor::Requester);
        assert!(requester(AwaitingUser, InProgress) && requester(Resolved, InProgress));
        assert!(requester(New, Cancelled) && requester(InProgress, Cancelled));
        assert!(!requester(New, InProgress) && !requester(InProgress, Resolved));
        assert!(!requester(Closed, InProgress) && !requester(Resolved, Cancelled));
    }

    #[test]
    fn approver_and_system_moves() {
        use TicketState::*;
        assert!(AwaitingApproval.allows(InProgress, Actor::Approver));
        assert!(AwaitingApproval.allows(Rejected, Actor::Approver));
        assert!(!New.allows(InProgress, Actor::Approver));
        assert!(Resolved.allows(Closed, Actor::System));
        assert!(!InProgress.allows(Closed, Actor::System));
    }

    #[test]
    fn clocks_pause_while_someone_else_must_act() {
        use TicketState::*;
        assert!(
            AwaitingUser.pauses_sla() && AwaitingApproval.pauses_sla() && Resolved.pauses_sla()
        );
        assert!(!New.pauses_sla() && !InProgress.pauses_sla());
        assert!(Closed.is_final() && Cancelled.is_final() && Rejected.is_final());
        assert!(!Resolved.is_final());
    }

    #[test]
    fn initial_state_depends_on_approval() {
        assert_eq!(TicketState::initial(true), TicketState::AwaitingApproval);
        assert_eq!(TicketState::initial(false), TicketState::New);
    }
}
