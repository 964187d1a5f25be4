//! What server functions send to the browser. Plain data, shared by both sides.

use crate::domain::priority::{Level, PriorityMatrix, ServiceLevels, StoreHours};
use crate::domain::validation::{LookupLists, ValidAnswers};
use crate::domain::{FormSchema, TicketKind, TicketState};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Requester,
    StoreStaff,
    Approver,
    Agent,
    Manager,
    Editor,
    Admin,
}

impl Role {
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "requester" => Role::Requester,
            "store_staff" => Role::StoreStaff,
            "approver" => Role::Approver,
            "agent" => Role::Agent,
            "manager" => Role::Manager,
            "editor" => Role::Editor,
            "admin" => Role::Admin,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Requester => "requester",
            Role::StoreStaff => "store_staff",
            Role::Approver => "approver",
            Role::Agent => "agent",
            Role::Manager => "manager",
            Role::Editor => "editor",
            Role::Admin => "admin",
        }
    }

    /// Agents, managers and admins work the queue.
    pub fn works_queue(self) -> bool {
        matches!(self, Role::Agent | Role::Manager | Role::Admin)
    }

    /// Editors and admins write, publish and retire knowledge articles.
    pub fn edits_articles(self) -> bool {
        matches!(self, Role::Editor | Role::Admin)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UserView {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub role: Role,
    /// Someone reports to them, so approvals may wait for them.
    pub is_line_manager: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CategoryView {
    pub slug: String,
    pub name: String,
    pub description: String,
    pub icon: String,
    pub parent: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ItemCard {
    pub slug: String,
    pub name: String,
    pub summary: String,
    pub icon: String,
    pub category: String,
    pub kind: TicketKind,
    pub keywords: Vec<String>,
    pub requires_approval: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CatalogView {
    pub categories: Vec<CategoryView>,
    pub items: Vec<ItemCard>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoreOption {
    pub code: String,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AssetOption {
    pub tag: String,
    pub name: String,
    pub store: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ItemDetail {
    pub card: ItemCard,
    pub category_name: String,
    pub description: String,
    pub expected_delivery: String,
    pub fulfilment_group: String,
    pub form_version: i64,
    pub form: FormSchema,
    pub stores: Vec<StoreOption>,
    pub assets: Vec<AssetOption>,
    /// A fresh idempotency key for this visit's submission, made on the server at render time
    /// so that the plain-HTML form carries one too.
    pub submission_key: String,
    /// For forms that ask impact and urgency (fault reports).
    pub service: Option<ServicePreview>,
}

impl ItemDetail {
    pub fn lookups(&self) -> LookupLists {
        let levels = |pick: fn(&PriorityMatrix) -> &Vec<Level>| {
            self.service
                .as_ref()
                .map(|s| {
                    pick(&s.levels.matrix)
                        .iter()
                        .map(|l| (l.key.clone(), l.label.clone()))
                        .collect()
                })
                .unwrap_or_default()
        };
        LookupLists {
            stores: self.stores.iter().map(|s| s.code.clone()).collect(),
            assets: self
                .assets
                .iter()
                .map(|a| (a.tag.clone(), a.store.clone()))
                .collect(),
            impacts: levels(|m| &m.impacts),
            urgencies: levels(|m| &m.urgencies),
            device_files: false,
        }
    }
}

/// What a form with impact and urgency needs to show the priority and the promised response
/// time before it is sent: the service levels and the hours of each store.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ServicePreview {
    pub levels: ServiceLevels,
    pub store_hours: Vec<(String, StoreHours)>,
}

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
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ApprovalView {
    pub ticket: TicketSummary,
    pub answers: ValidAnswers,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SubmitReceipt {
    pub number: String,
    pub state: TicketState,
    /// False when the idempotency key had been seen before and the earlier ticket came back.
    pub created: bool,
}

/// A published knowledge article as its page shows it. `html` is already sanitised.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleView {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub html: String,
    pub category: String,
    pub tags: Vec<String>,
    /// Catalog items to order when the article does not solve it: (slug, name).
    pub related_items: Vec<(String, String)>,
    pub revision: i64,
    pub updated_at: chrono::DateTime<chrono::Utc>,
    /// Views written so far (counts reach the database in batches, see `backend::views`).
    pub views: i64,
}

/// A step of the deflection funnel: an article suggested beside a form, opened from there,
/// "This solved it", or the form sent anyway.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeflectionKind {
    Shown,
    Opened,
    Solved,
    Submitted,
}

impl DeflectionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DeflectionKind::Shown => "shown",
            DeflectionKind::Opened => "opened",
            DeflectionKind::Solved => "solved",
            DeflectionKind::Submitted => "submitted",
        }
    }
}

/// The search index as the browser keeps it in IndexedDB, with the content version it was
/// built from.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct SearchSnapshot {
    pub version: i64,
    pub index: crate::search::SearchIndex,
}

/// A row of the editors' article list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleListView {
    pub slug: String,
    pub title: String,
    pub category: String,
    pub state: String,
    pub revision: i64,
    pub updated_at: DateTime<Utc>,
    pub views: i64,
    pub helpful: i64,
    pub not_helpful: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RevisionView {
    pub revision: i64,
    pub title: String,
    /// Empty for revisions saved before states were recorded.
    pub state: String,
    pub author: String,
    pub created_at: DateTime<Utc>,
}

/// An article open in the editor.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleEditView {
    pub draft: crate::domain::article::ArticleDraft,
    pub revision: i64,
    pub views: i64,
    pub revisions: Vec<RevisionView>,
}

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

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NotificationView {
    pub number: String,
    pub body: String,
    pub at: DateTime<Utc>,
    pub read: bool,
}

/// "Report a fault": the store faults to pick from, and the store and device a QR sticker named.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReportView {
    pub store: Option<StoreOption>,
    pub asset: Option<AssetOption>,
    /// Incident items whose form asks for a store, in catalog order.
    pub faults: Vec<ItemCard>,
}
