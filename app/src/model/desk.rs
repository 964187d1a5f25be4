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

/// The queue counts its tickets up to this many; a `Page::total` above it means "more than".
pub const QUEUE_COUNT_CAP: u64 = 10_000;
