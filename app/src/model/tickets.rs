//! Tickets as their requester sees them: summaries, a ticket's page with its timeline, approvals,
//! the receipt for a submission, notifications, and a failed plain-HTML submit handed back.

use super::desk::{DeskPanel, ServiceView};
use crate::domain::validation::{FieldErrors, ValidAnswers};
use crate::domain::Answers;
use crate::domain::{TicketKind, TicketState};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TicketSummary {
    pub number: String,
    pub title: String,
    pub state: TicketState,
    pub requester_name: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub page: u32,
    pub per_page: u32,
    pub total: u64,
}

impl<T> Page<T> {
    pub fn has_next(&self) -> bool {
        u64::from(self.page) * u64::from(self.per_page) < self.total
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventView {
    pub kind: String,
    pub author: String,
    pub body: String,
    pub at: DateTime<Utc>,
    /// Seen by the service desk only; the requester's timeline never contains these.
    pub internal: bool,
    /// The field the event changed, with its value before and after (the audit trail).
    pub change: Option<FieldChangeView>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FieldChangeView {
    pub field: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AttachmentView {
    pub id: i64,
    pub file_name: String,
    pub size_bytes: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TicketDetail {
    pub summary: TicketSummary,
    pub kind: TicketKind,
    pub item_slug: String,
    pub form_version: i64,
    pub on_behalf_of: Option<String>,
    pub approver_name: Option<String>,
    pub answers: ValidAnswers,
    pub attachments: Vec<AttachmentView>,
    pub timeline: Vec<EventView>,
    pub can_cancel: bool,
    pub can_comment: bool,
    /// Priority, SLA clocks and assignment: shown to everyone who sees the ticket.
    pub service: Option<ServiceView>,
    /// What the service desk may do here; `None` for everyone else.
    pub desk: Option<DeskPanel>,
    /// The requester may rate (resolved or closed, not rated yet).
    pub can_rate: bool,
    /// The requester may reopen (resolved, within the grace period).
    pub can_reopen: bool,
    pub rating: Option<(i64, String)>,
    /// The approval chain its item named, with who decided what so far.
    #[serde(default)]
    pub approval: Option<super::ApprovalRunView>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ApprovalView {
    pub ticket: TicketSummary,
    pub answers: ValidAnswers,
    /// The step of the item's approval chain that waits for the reader; none: they approve as
    /// the requester's line manager.
    #[serde(default)]
    pub step: Option<String>,
    /// Set when the reader decides in someone else's place: that person's name.
    #[serde(default)]
    pub standing_in_for: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SubmitReceipt {
    pub number: String,
    pub state: TicketState,
    /// False when the idempotency key had been seen before and the earlier ticket came back.
    pub created: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NotificationView {
    pub number: String,
    pub body: String,
    pub at: DateTime<Utc>,
    pub read: bool,
}

/// A failed no-JavaScript submit, handed back to the page so it renders with every answer and
/// every message in place.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FormPostback {
    pub item_slug: String,
    pub answers: Answers,
    pub errors: FieldErrors,
    pub idempotency_key: String,
}
