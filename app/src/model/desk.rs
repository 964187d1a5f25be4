//! The service desk's view of a ticket: its service facts, the desk's controls and a queue row.

use crate::domain::TicketState;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A ticket's service facts as its page shows them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ServiceView {
    pub priority: crate::domain::priority::Priority,
    pub store: Option<String>,
    pub asset: Option<String>,
    pub assignment_group: String,
    pub assignee: Option<String>,
    pub response: crate::domain::sla::ClockStatus,
    pub resolution: crate::domain::sla::ClockStatus,
    pub resolution_code: Option<String>,
}

/// The desk's controls on a ticket page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DeskPanel {
    /// People of the assignment group: (id, name).
    pub members: Vec<(i64, String)>,
    pub resolution_codes: Vec<String>,
    pub can_assign: bool,
    pub can_ask: bool,
    pub can_resolve: bool,
    /// When related incidents make a recurring fault: as many as `threshold` within
    /// `window_days` (see `api::problems::related_incidents`).
    pub recurring: crate::domain::problem::RecurringRule,
    /// Changes at work on the incident's device (or its store, for a change that names no
    /// devices) when it was raised: number and title, for the agent to check first.
    #[serde(default)]
    pub possible_causes: Vec<(String, String)>,
}

/// One row of the agent queue.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QueueItem {
    pub number: String,
    pub title: String,
    pub state: TicketState,
    pub priority: crate::domain::priority::Priority,
    pub store: Option<String>,
    pub asset: Option<String>,
    pub category: String,
    pub assignment_group: String,
    pub assignee: Option<String>,
    pub requester: String,
    pub created_at: DateTime<Utc>,
    pub next_due_at: Option<DateTime<Utc>>,
}

/// The queue counts its tickets up to this many past the first ticket of the page shown; a
/// `Page::total` above that means "more than" (`queue_count_cap`). Counting every open ticket on
/// each view was half of the queue's cost at 100,000 tickets, and nobody reads a count of
/// thousands: what they need is the next page, which stays reachable however deep.
pub const QUEUE_COUNT_AHEAD: u64 = 1_000;

/// How far the queue counts on page `page` (from 1) of `per_page` tickets.
pub fn queue_count_cap(page: u32, per_page: u32) -> u64 {
    u64::from(page.max(1) - 1) * u64::from(per_page) + QUEUE_COUNT_AHEAD
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Page;

    #[test]
    fn the_queue_counts_a_fixed_distance_past_the_page_so_every_page_has_a_next() {
        assert_eq!(queue_count_cap(1, 25), 1_000);
        assert_eq!(queue_count_cap(0, 25), 1_000, "page 0 is page 1");
        assert_eq!(queue_count_cap(41, 25), 2_000);
        // Counted to the cap and one more, the last page under it still offers the next.
        let page = Page::<()> {
            items: Vec::new(),
            page: 40,
            per_page: 25,
            total: queue_count_cap(40, 25) + 1,
        };
        assert!(page.has_next());
    }
}
