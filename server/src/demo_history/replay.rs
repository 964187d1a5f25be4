//! The desk's moves, replayed over a ticket: each step makes the change `desk::act` (or the
//! approval, cancellation and auto-close paths) would make — the state-change audit event, a
//! pause started or ended where `pauses_sla` says, the step's own timeline event, the first
//! response, the resolution — so a generated timeline reads like a worked one.

use super::Rating;
use app::backend::store::{EventKind, NewEvent};
use app::domain::sla::Pause;
use app::domain::TicketState;
use chrono::{DateTime, Utc};

/// Something that happens to a ticket, in the order the script has them.
#[derive(Clone, Debug)]
pub enum Step {
    Decide {
        approve: bool,
        body: String,
    },
    /// The desk takes the ticket (its first response); `None`: nobody in the group, so a
    /// reply from the desk is the first response instead.
    Take {
        agent: Option<(i64, String)>,
    },
    Ask {
        body: String,
    },
    Answer {
        body: String,
    },
    Resolve {
        code: String,
        body: String,
    },
    Reopen {
        body: String,
    },
    Close,
    Cancel {
        body: String,
    },
    Rate {
        rating: i64,
        comment: String,
    },
}

/// The people steps are written by when the step itself does not say.
#[derive(Clone, Copy, Debug)]
pub struct Cast {
    /// Deskfront itself: approvals without an approver, auto-close.
    pub system_user: i64,
    /// Who answers for the desk before anyone took the ticket.
    pub desk: i64,
    pub auto_close_days: i64,
}

/// The ticket as the replay has left it.
pub struct Replay {
    cast: Cast,
    requester: i64,
    approver: Option<i64>,
    pub state: TicketState,
    pub pauses: Vec<Pause>,
    pub events: Vec<NewEvent>,
    pub responded_at: Option<DateTime<Utc>>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub resolution_code: Option<String>,
    pub assignee: Option<(i64, String)>,
    pub revision: i64,
    pub updated_at: DateTime<Utc>,
    pub reopen_count: i64,
    pub rating: Option<Rating>,
}

impl Replay {
    /// Created as `store.create_ticket` creates it: a "submitted" event, and a paused clock and
    /// a request to the approver if it waits for approval.
    pub fn new(
        cast: Cast,
        requester: i64,
        approver: Option<i64>,
        state: TicketState,
        at: DateTime<Utc>,
    ) -> Self {
        let mut events = vec![NewEvent::bare(EventKind::Submitted, requester, at)];
        let mut pauses = Vec::new();
        if state.pauses_sla() {
            pauses.push(Pause { from: at, to: None });
        }
        if let (TicketState::AwaitingApproval, Some(a)) = (state, approver) {
            events.push(NewEvent::bare(EventKind::ApprovalRequested, a, at));
        }
        Replay {
            cast,
            requester,
            approver,
            state,
            pauses,
            events,
            responded_at: None,
            resolved_at: None,
            resolution_code: None,
            assignee: None,
            revision: 0,
            updated_at: at,
            reopen_count: 0,
            rating: None,
        }
    }

    /// A change of state as `desk::moving` makes it: the audit event, and a pause started or
    /// ended where the clocks stop or start.
    fn moving(&mut self, to: TicketState, author: i64, at: DateTime<Utc>) {
        if to != self.state {
            self.events.push(
                NewEvent::bare(EventKind::StateChanged, author, at)
                    .internal()
                    .changing(
                        "state",
                        Some(self.state.as_str().into()),
                        Some(to.as_str().into()),
                    ),
            );
        }
        match (self.state.pauses_sla(), to.pauses_sla()) {
            (false, true) => self.pauses.push(Pause { from: at, to: None }),
            (true, false) => {
                for p in self.pauses.iter_mut().filter(|p| p.to.is_none()) {
                    p.to = Some(at);
                }
            }
            _ => {}
        }
        self.state = to;
        self.revision += 1;
        self.updated_at = at;
    }

    fn desk_person(&self) -> i64 {
        self.assignee
            .as_ref()
            .map(|(id, _)| *id)
            .unwrap_or(self.cast.desk)
    }

    pub fn apply(&mut self, at: DateTime<Utc>, step: Step) {
        let requester = self.requester;
        match step {
            Step::Decide { approve, body } => {
                let approver = self.approver.unwrap_or(self.cast.system_user);
                let (to, kind) = if approve {
                    (TicketState::InProgress, EventKind::ApprovalApproved)
                } else {
                    (TicketState::Rejected, EventKind::ApprovalRejected)
                };
                self.moving(to, approver, at);
                self.events.push(NewEvent::text(kind, approver, body, at));
            }
            Step::Take {
                agent: Some((id, name)),
            } => {
                let to = if self.state == TicketState::New {
                    TicketState::InProgress
                } else {
                    self.state
                };
                self.moving(to, id, at);
                self.events.push(
                    NewEvent::text(EventKind::Assigned, id, name.clone(), at).changing(
                        "assignee",
                        None,
                        Some(name.clone()),
                    ),
                );
                self.assignee = Some((id, name));
                self.responded_at.get_or_insert(at);
            }
            Step::Take { agent: None } => {
                let desk = self.desk_person();
                self.moving(self.state, desk, at);
                let body = "Thanks, we are looking into it.".to_string();
                self.events
                    .push(NewEvent::text(EventKind::Reply, desk, body, at));
                self.responded_at.get_or_insert(at);
            }
            Step::Ask { body } => {
                let desk = self.desk_person();
                self.moving(TicketState::AwaitingUser, desk, at);
                self.events
                    .push(NewEvent::text(EventKind::Question, desk, body, at));
                self.responded_at.get_or_insert(at);
            }
            Step::Answer { body } => {
                self.moving(TicketState::InProgress, requester, at);
                self.events
                    .push(NewEvent::text(EventKind::Comment, requester, body, at));
            }
            Step::Resolve { code, body } => {
                let desk = self.desk_person();
                self.moving(TicketState::Resolved, desk, at);
                self.events.push(
                    NewEvent::text(EventKind::Resolved, desk, body, at).changing(
                        "resolution_code",
                        self.resolution_code.clone(),
                        Some(code.clone()),
                    ),
                );
                self.resolved_at = Some(at);
                self.resolution_code = Some(code);
                self.responded_at.get_or_insert(at);
            }
            Step::Reopen { body } => {
                self.moving(TicketState::InProgress, requester, at);
                self.events
                    .push(NewEvent::text(EventKind::Reopened, requester, body, at));
                self.reopen_count += 1;
            }
            Step::Close => {
                let system = self.cast.system_user;
                self.moving(TicketState::Closed, system, at);
                let days = self.cast.auto_close_days;
                self.events
                    .push(crate::jobs::auto_close_event(days, system, at));
            }
            Step::Cancel { body } => {
                self.moving(TicketState::Cancelled, requester, at);
                self.events
                    .push(NewEvent::text(EventKind::Cancelled, requester, body, at));
            }
            Step::Rate { rating, comment } => {
                if matches!(self.state, TicketState::Resolved | TicketState::Closed) {
                    self.events.push(
                        NewEvent::text(EventKind::Rated, requester, comment.clone(), at).changing(
                            "rating",
                            None,
                            Some(rating.to_string()),
                        ),
                    );
                    self.rating = Some(Rating {
                        user_id: requester,
                        rating,
                        comment,
                        at,
                    });
                }
            }
        }
    }
}
