//! A ticket's two SLA clocks — first response and resolution — from what the ticket records.
//!
//! The server stores the due and warning times this computes in indexed columns (the agent queue
//! sorts by them, the SLA job sweeps them) and recomputes them on every change; the pages show
//! the live status. Both come from here, so the queue order and the clock on screen agree.

use super::calendar::BusinessCalendar;
use super::sla::{self, ClockStatus, Pause, WARNING_PERCENT};
use super::TicketState;
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

/// The derived times written to the ticket row. `None` means "nothing to chase": the goal is
/// met, the ticket is finished, or the clock is paused.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DueTimes {
    pub response_due_at: Option<DateTime<Utc>>,
    pub response_warn_at: Option<DateTime<Utc>>,
    pub resolution_due_at: Option<DateTime<Utc>>,
    pub resolution_warn_at: Option<DateTime<Utc>>,
    /// The earlier of the unmet due times: the queue's "time to breach".
    pub next_due_at: Option<DateTime<Utc>>,
}

/// Business minutes each clock ran until its goal was reached, pauses excluded, rounded up to
/// the minute: what the dashboard's first-response time, MTTR and SLA compliance read. Rounding
/// up keeps "breached" the same test the live clock makes: with a target of whole minutes,
/// `used > target` holds for the rounded figure exactly when it holds for the exact one.
/// `None`: the goal is not reached (for resolution: or the ticket was reopened since).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UsedMinutes {
    pub response: Option<i64>,
    pub resolution: Option<i64>,
}

pub struct TicketClocks<'a> {
    pub calendar: &'a BusinessCalendar,
    pub started_at: DateTime<Utc>,
    pub response: Duration,
    pub resolution: Duration,
    pub pauses: &'a [Pause],
    pub responded_at: Option<DateTime<Utc>>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub state: TicketState,
}

/// Which of a ticket's clocks an alert or a figure is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Clock {
    Response,
    Resolution,
}

impl Clock {
    pub fn as_str(self) -> &'static str {
        match self {
            Clock::Response => "response",
            Clock::Resolution => "resolution",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Clock::Response, Clock::Resolution]
            .into_iter()
            .find(|c| c.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            Clock::Response => "First response",
            Clock::Resolution => "Resolution",
        }
    }
}

impl TicketClocks<'_> {
    fn stop(&self, clock: Clock) -> Option<DateTime<Utc>> {
        match clock {
            Clock::Response => self.responded_at,
            // A resolved ticket's clock stands paused (it may be reopened); a closed, cancelled or
            // rejected one stopped for good when it was last resolved, or now.
            Clock::Resolution if self.state == TicketState::Resolved || self.state.is_final() => {
                self.resolved_at.or(Some(self.started_at))
            }
            Clock::Resolution => None,
        }
    }

    fn target(&self, clock: Clock) -> Duration {
        match clock {
            Clock::Response => self.response,
            Clock::Resolution => self.resolution,
        }
    }

    /// Whether the clock still has a goal ahead of it.
    fn chasing(&self, clock: Clock) -> bool {
        if self.state.is_final() || self.state == TicketState::Resolved {
            return false;
        }
        self.stop(clock).is_none()
    }

    pub fn status(&self, clock: Clock, now: DateTime<Utc>) -> ClockStatus {
        sla::clock_status(
            self.calendar,
            self.started_at,
            self.target(clock),
            self.pauses,
            self.stop(clock),
            now,
        )
    }

    pub fn used_minutes(&self) -> UsedMinutes {
        let used = |stop: Option<DateTime<Utc>>| {
            stop.map(|at| {
                let d = sla::elapsed(self.calendar, self.started_at, at, self.pauses);
                let whole = d.num_minutes();
                if d > Duration::minutes(whole) {
                    whole + 1
                } else {
                    whole
                }
            })
        };
        let resolved = matches!(self.state, TicketState::Resolved | TicketState::Closed);
        UsedMinutes {
            response: used(self.responded_at),
            resolution: used(self.resolved_at.filter(|_| resolved)),
        }
    }

    pub fn due_times(&self) -> DueTimes {
        let due = |clock: Clock| {
            self.chasing(clock).then(|| {
                let target = self.target(clock);
                let warn = target * WARNING_PERCENT as i32 / 100;
                (
                    sla::due_at(self.calendar, self.started_at, target, self.pauses),
                    sla::due_at(self.calendar, self.started_at, warn, self.pauses),
                )
            })
        };
        let (response_due_at, response_warn_at) = due(Clock::Response).unwrap_or_default();
        let (resolution_due_at, resolution_warn_at) = due(Clock::Resolution).unwrap_or_default();
        let next_due_at = [response_due_at, resolution_due_at]
            .into_iter()
            .flatten()
            .min();
        DueTimes {
            response_due_at,
            response_warn_at,
            resolution_due_at,
            resolution_warn_at,
            next_due_at,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn clocks<'a>(
        calendar: &'a BusinessCalendar,
        pauses: &'a [Pause],
        state: TicketState,
    ) -> TicketClocks<'a> {
        TicketClocks {
            calendar,
            started_at: utc("2026-11-23T10:00:00Z"),
            response: Duration::minutes(15),
            resolution: Duration::hours(4),
            pauses,
            responded_at: None,
            resolved_at: None,
            state,
        }
    }

    #[test]
    fn a_new_ticket_chases_its_response_first() {
        let cal = BusinessCalendar::always_open("24x7");
        let due = clocks(&cal, &[], TicketState::New).due_times();
        assert_eq!(due.response_due_at, Some(utc("2026-11-23T10:15:00Z")));
        assert_eq!(due.resolution_due_at, Some(utc("2026-11-23T14:00:00Z")));
        assert_eq!(due.next_due_at, due.response_due_at);
        // 75 % of 15 minutes, rounded down to whole seconds by the duration arithmetic.
        assert_eq!(due.response_warn_at, Some(utc("2026-11-23T10:11:15Z")));
    }

    #[test]
    fn once_answered_only_resolution_is_chased() {
        let cal = BusinessCalendar::always_open("24x7");
        let mut c = clocks(&cal, &[], TicketState::InProgress);
        c.responded_at = Some(utc("2026-11-23T10:05:00Z"));
        let due = c.due_times();
        assert_eq!(due.response_due_at, None);
        assert_eq!(due.next_due_at, Some(utc("2026-11-23T14:00:00Z")));
    }

    #[test]
    fn waiting_for_the_user_stops_the_chase_and_the_reply_moves_the_due_time() {
        let cal = BusinessCalendar::always_open("24x7");
        let open = [Pause {
            from: utc("2026-11-23T11:00:00Z"),
            to: None,
        }];
        let mut c = clocks(&cal, &open, TicketState::AwaitingUser);
        c.responded_at = Some(utc("2026-11-23T10:05:00Z"));
        assert_eq!(c.due_times().next_due_at, None);

        let closed = [Pause {
            from: utc("2026-11-23T11:00:00Z"),
            to: Some(utc("2026-11-23T12:30:00Z")),
        }];
        let mut c = clocks(&cal, &closed, TicketState::InProgress);
        c.responded_at = Some(utc("2026-11-23T10:05:00Z"));
        assert_eq!(c.due_times().next_due_at, Some(utc("2026-11-23T15:30:00Z")));
    }

    #[test]
    fn resolved_and_finished_tickets_chase_nothing() {
        let cal = BusinessCalendar::always_open("24x7");
        for state in [
            TicketState::Resolved,
            TicketState::Closed,
            TicketState::Cancelled,
        ] {
            let mut c = clocks(&cal, &[], state);
            c.resolved_at = Some(utc("2026-11-23T12:00:00Z"));
            assert_eq!(c.due_times(), DueTimes::default(), "{state:?}");
        }
    }

    #[test]
    fn resolution_met_on_time_and_late() {
        let cal = BusinessCalendar::always_open("24x7");
        let mut c = clocks(&cal, &[], TicketState::Resolved);
        c.resolved_at = Some(utc("2026-11-23T13:00:00Z"));
        let now = utc("2026-11-24T09:00:00Z");
        assert!(!c.status(Clock::Resolution, now).breached);
        c.resolved_at = Some(utc("2026-11-23T14:00:01Z"));
        assert!(c.status(Clock::Resolution, now).breached);
    }

    #[test]
    fn used_minutes_exclude_pauses_round_up_and_agree_with_the_breach() {
        let cal = BusinessCalendar::always_open("24x7");
        // Waited 30 min for the user between 11:00 and 11:30.
        let pauses = [Pause {
            from: utc("2026-11-23T11:00:00Z"),
            to: Some(utc("2026-11-23T11:30:00Z")),
        }];
        let mut c = clocks(&cal, &pauses, TicketState::Resolved);
        c.responded_at = Some(utc("2026-11-23T10:15:00Z"));
        c.resolved_at = Some(utc("2026-11-23T14:30:00Z"));
        let used = c.used_minutes();
        assert_eq!(used.response, Some(15));
        assert_eq!(used.resolution, Some(240));
        assert!(
            !c.status(Clock::Resolution, utc("2026-11-24T00:00:00Z"))
                .breached
        );
        // Half a minute late: 16 minutes, a breach, as the live clock says.
        c.responded_at = Some(utc("2026-11-23T10:15:30Z"));
        assert_eq!(c.used_minutes().response, Some(16));
        assert!(
            c.status(Clock::Response, utc("2026-11-24T00:00:00Z"))
                .breached
        );
    }

    #[test]
    fn a_reopened_ticket_has_no_resolution_figure_until_resolved_again() {
        let cal = BusinessCalendar::always_open("24x7");
        let mut c = clocks(&cal, &[], TicketState::InProgress);
        c.resolved_at = Some(utc("2026-11-23T12:00:00Z"));
        assert_eq!(c.used_minutes().resolution, None);
        c.state = TicketState::Closed;
        assert_eq!(c.used_minutes().resolution, Some(120));
    }
}
