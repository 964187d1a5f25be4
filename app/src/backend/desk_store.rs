//! The storage interface of the service desk: what a ticket carries beyond the request form
//! (priority, store and asset, assignment, SLA clocks), the agent queue, notifications and
//! satisfaction. `Store` requires it, so a `dyn Store` offers both.

use super::store::{NewEvent, StoreResult};
use crate::domain::calendar::CalendarSpec;
use crate::domain::priority::{Priority, StoreHours};
use crate::domain::sla::Pause;
use crate::domain::ticket_sla::{Clock, DueTimes, UsedMinutes};
use crate::domain::{TicketKind, TicketState};
use crate::model::Page;
use chrono::{DateTime, Utc};

/// The desk's fields of a new ticket, decided by `backend::desk::plan` at submission.
#[derive(Clone, Debug)]
pub struct DeskFields {
    pub priority: Priority,
    pub impact: Option<String>,
    pub urgency: Option<String>,
    pub category: String,
    pub store_code: Option<String>,
    pub asset_tag: Option<String>,
    pub assignment_group: String,
    pub calendar: CalendarSpec,
    pub response_minutes: i64,
    pub resolution_minutes: i64,
    pub due: DueTimes,
}

/// A ticket as the desk works it.
#[derive(Clone, Debug)]
pub struct DeskTicket {
    pub id: i64,
    pub number: String,
    pub kind: TicketKind,
    pub title: String,
    pub state: TicketState,
    pub revision: i64,
    pub requester_id: i64,
    pub requester_name: String,
    pub approver_id: Option<i64>,
    pub priority: Priority,
    pub impact: Option<String>,
    pub urgency: Option<String>,
    pub category: String,
    pub store_code: Option<String>,
    pub asset_tag: Option<String>,
    pub assignment_group: String,
    pub assignee_id: Option<i64>,
    pub assignee_name: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub calendar: CalendarSpec,
    pub response_minutes: i64,
    pub resolution_minutes: i64,
    pub responded_at: Option<DateTime<Utc>>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub resolution_code: Option<String>,
    pub pauses: Vec<Pause>,
}

/// Starting or ending an SLA pause along with a change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PauseChange {
    Keep,
    Start(DateTime<Utc>),
    End(DateTime<Utc>),
}

/// The new values of a ticket's mutable desk fields, written only if the ticket is still at
/// `expect_revision` (so two agents acting at once cannot silently overwrite each other).
#[derive(Clone, Debug)]
pub struct TicketChange {
    pub expect_revision: i64,
    pub state: TicketState,
    pub assignee_id: Option<i64>,
    pub responded_at: Option<DateTime<Utc>>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub resolution_code: Option<String>,
    pub pause: PauseChange,
    pub due: DueTimes,
    /// What the clocks used until their goals (filled in with `due`).
    pub used: UsedMinutes,
    /// The requester reopened it (counted on the ticket for the reopen rate).
    pub reopened: bool,
    /// Audit and timeline entries, in order.
    pub events: Vec<NewEvent>,
    /// Someone to tell in the portal (the requester, when the desk replies or resolves).
    pub notify: Option<NewNotification>,
    /// A decision on the ticket's approval chain, written with the change or not at all.
    pub approval: Option<ApprovalWrite>,
    /// It leaves approval: a chain still waiting on it (a cancelled request's) is withdrawn.
    pub leaves_approval: bool,
    pub now: DateTime<Utc>,
}

/// A decision on a running approval chain (`ApprovalStore`), with the chain's progress after
/// it: written only if the chain is still at `expect_revision` and the approver has not decided
/// that step yet.
#[derive(Clone, Debug, PartialEq)]
pub struct ApprovalWrite {
    pub run_id: i64,
    pub expect_revision: i64,
    pub decided: super::approval_store::DecisionRecord,
    pub progress: super::approval_store::Progress,
}

#[derive(Clone, Debug, PartialEq)]
pub struct NewNotification {
    pub user_id: i64,
    pub body: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AssigneeFilter {
    Anyone,
    Unassigned,
    User(i64),
}

/// What the agent queue shows. Empty `states` means every open state.
#[derive(Clone, Debug)]
pub struct QueueFilter {
    /// `None`: every group (managers, admins).
    pub groups: Option<Vec<String>>,
    pub states: Vec<TicketState>,
    pub priority: Option<Priority>,
    pub store: Option<String>,
    pub category: Option<String>,
    pub assignee: AssigneeFilter,
    pub page: u32,
    pub per_page: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct QueueRow {
    pub number: String,
    pub title: String,
    pub state: TicketState,
    pub priority: Priority,
    pub store_code: Option<String>,
    pub asset_tag: Option<String>,
    pub category: String,
    pub assignment_group: String,
    pub assignee_name: Option<String>,
    pub requester_name: String,
    pub created_at: DateTime<Utc>,
    pub next_due_at: Option<DateTime<Utc>>,
}

impl From<QueueRow> for crate::model::QueueItem {
    fn from(r: QueueRow) -> Self {
        crate::model::QueueItem {
            number: r.number,
            title: r.title,
            state: r.state,
            priority: r.priority,
            store: r.store_code,
            asset: r.asset_tag,
            category: r.category,
            assignment_group: r.assignment_group,
            assignee: r.assignee_name,
            requester: r.requester_name,
            created_at: r.created_at,
            next_due_at: r.next_due_at,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct NotificationRow {
    pub id: i64,
    pub number: String,
    pub body: String,
    pub created_at: DateTime<Utc>,
    pub read: bool,
}

/// A warning or breach the SLA job must raise.
#[derive(Clone, Debug, PartialEq)]
pub struct DueAlert {
    pub ticket_id: i64,
    pub clock: Clock,
    pub breach: bool,
    pub due_at: DateTime<Utc>,
}

#[async_trait::async_trait]
pub trait DeskStore: Send + Sync {
    async fn desk_ticket(&self, number: &str) -> StoreResult<Option<DeskTicket>>;
    /// Writes `change` if the ticket is still at its expected revision. Returns whether it did.
    async fn change_ticket(&self, ticket_id: i64, change: TicketChange) -> StoreResult<bool>;
    async fn queue(&self, filter: &QueueFilter) -> StoreResult<Page<QueueRow>>;
    /// The assignment groups `user_id` works in.
    async fn groups_of(&self, user_id: i64) -> StoreResult<Vec<String>>;
    /// Every assignment group someone works in, by name.
    async fn all_groups(&self) -> StoreResult<Vec<String>>;
    /// The people who may be assigned tickets of `group`: (id, name), by name.
    async fn group_members(&self, group: &str) -> StoreResult<Vec<(i64, String)>>;
    async fn store_hours(&self, code: &str) -> StoreResult<Option<StoreHours>>;
    /// Every store's hours, by store code (for the priority preview on fault forms).
    async fn all_store_hours(&self) -> StoreResult<Vec<(String, StoreHours)>>;
    async fn notifications(&self, user_id: i64, limit: u32) -> StoreResult<Vec<NotificationRow>>;
    async fn unread_notifications(&self, user_id: i64) -> StoreResult<i64>;
    async fn mark_notifications_read(&self, user_id: i64, now: DateTime<Utc>) -> StoreResult<()>;
    /// Records the requester's rating; false if the ticket was rated already.
    async fn rate_ticket(
        &self,
        ticket_id: i64,
        user_id: i64,
        rating: i64,
        comment: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<bool>;
    async fn rating(&self, ticket_id: i64) -> StoreResult<Option<(i64, String)>>;
    /// Warnings and breaches due by `now` that have not been raised, at most `limit`.
    async fn due_alerts(&self, now: DateTime<Utc>, limit: u32) -> StoreResult<Vec<DueAlert>>;
    /// Records the alert and its timeline event once; false if it was raised already (by
    /// another instance or an overlapping run).
    async fn raise_alert(&self, alert: &DueAlert, event: NewEvent) -> StoreResult<bool>;
}
