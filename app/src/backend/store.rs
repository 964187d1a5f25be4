//! The storage interface server functions use. The `server` crate implements it for SQLite and
//! PostgreSQL; nothing above this trait writes SQL.

use crate::domain::validation::ValidAnswers;
use crate::domain::{FormSchema, TicketKind, TicketState};
use crate::model::{
    ApprovalView, AssetOption, AttachmentView, CatalogView, DeflectionKind, ItemDetail, Page,
    StoreOption, TicketDetail, TicketSummary, UserView,
};
use crate::search::Document;
use chrono::{DateTime, Utc};

/// A failure of the storage layer. It never reaches the user as text (see `AppError::internal`).
#[derive(Debug, thiserror::Error)]
#[error("storage: {0}")]
pub struct StoreError(pub String);

pub type StoreResult<T> = Result<T, StoreError>;

/// What a signed-in page served from a server's page cache depends on besides its address and
/// its reader: read with the session in one query, so a cached page costs one round trip and
/// still follows every change, whichever instance made it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PageStamp {
    /// The catalog's content version (`Store::catalog_version`).
    pub catalog_version: i64,
    /// The knowledge base's content version (`Store::search_version`): an article's page.
    pub search_version: i64,
    /// The reader's unread notifications: the count in every page's header.
    pub unread_notifications: i64,
}

#[derive(Clone, Debug)]
pub struct Credentials {
    pub user: UserView,
    pub password_hash: String,
}

/// The live state of a catalog item as submission needs it.
#[derive(Clone, Debug)]
pub struct ItemForSubmit {
    pub id: i64,
    pub name: String,
    pub kind: TicketKind,
    pub retired: bool,
    pub requires_approval: bool,
    /// The approval chain its requests go through, by key, when it requires approval; none:
    /// the requester's line manager approves.
    pub approval_chain: Option<String>,
    /// The category's slug: queues filter by it.
    pub category: String,
    /// The assignment group that works tickets for this item.
    pub fulfilment_group: String,
    /// The form version new submissions answer (integrations send no version of their own).
    pub form_version: i64,
    /// When that version was published: answers to the one before are accepted for a while.
    pub form_published_at: DateTime<Utc>,
    /// The priority its tickets get without impact and urgency (`None`: the default).
    pub sla_priority: Option<crate::domain::priority::Priority>,
}

#[derive(Clone, Debug)]
pub struct NewTicket {
    pub kind: TicketKind,
    pub item_id: i64,
    pub form_version: i64,
    pub title: String,
    pub requester_id: i64,
    pub on_behalf_of: Option<String>,
    /// The line manager who approves, when the item requires approval and names no chain.
    pub approver_id: Option<i64>,
    /// The approval chain it starts waiting on, when its item names one.
    pub approval: Option<super::approval_store::NewRun>,
    pub state: TicketState,
    pub answers: ValidAnswers,
    pub attachment_ids: Vec<i64>,
    pub idempotency_key: String,
    pub desk: super::desk_store::DeskFields,
    /// Text of the "submitted" event: empty from the portal, the integration's name when one
    /// raised the ticket.
    pub submitted_body: String,
    pub now: DateTime<Utc>,
}

#[derive(Clone, Debug)]
pub struct TicketAccess {
    pub id: i64,
    pub state: TicketState,
    pub requester_id: i64,
    pub approver_id: Option<i64>,
    pub assignment_group: String,
}

#[derive(Clone, Debug)]
pub struct NewAttachment {
    pub owner_id: i64,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub storage_name: String,
    pub now: DateTime<Utc>,
}

#[derive(Clone, Debug)]
pub struct AttachmentRecord {
    pub view: AttachmentView,
    pub owner_id: i64,
    pub ticket_id: Option<i64>,
    pub content_type: String,
    pub storage_name: String,
}

/// The outcome of an idempotent create: the ticket, and whether this call made it.
#[derive(Clone, Debug)]
pub struct Created {
    pub number: String,
    pub state: TicketState,
    pub created: bool,
}

#[async_trait::async_trait]
pub trait Store:
    super::approval_store::ApprovalStore
    + super::audit_store::AuditStore
    + super::change_store::ChangeStore
    + super::catalog_admin_store::CatalogAdminStore
    + super::desk_store::DeskStore
    + super::dashboard_store::DashboardStore
    + super::groups_store::GroupsStore
    + super::identity_store::IdentityStore
    + super::integration_store::IntegrationStore
    + super::learning_store::LearningStore
    + super::mail_store::MailStore
    + super::people_store::PeopleStore
    + super::places_store::PlacesStore
    + super::problem_store::ProblemStore
    + super::synonyms_store::SynonymStore
    + super::throttle_store::ThrottleStore
    + Send
    + Sync
    + 'static
{
    /// Answers when the database does (`/readyz`).
    async fn ready(&self) -> StoreResult<()>;
    /// The connection pool's use right now (`/metrics`).
    fn pool_use(&self) -> super::metrics::PoolUse;

    // people and sessions
    async fn credentials(&self, email: &str) -> StoreResult<Option<Credentials>>;
    async fn line_manager(&self, user_id: i64) -> StoreResult<Option<i64>>;
    async fn create_session(
        &self,
        token_hash: &str,
        user_id: i64,
        expires_at: DateTime<Utc>,
    ) -> StoreResult<()>;
    async fn session_user(
        &self,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<Option<UserView>>;
    /// `session_user`, with the stamp of the pages that user may be served from a cache.
    async fn session_page_stamp(
        &self,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<Option<(UserView, PageStamp)>>;
    async fn delete_session(&self, token_hash: &str) -> StoreResult<()>;

    // catalog
    async fn catalog(&self) -> StoreResult<CatalogView>;
    /// Every live item's translations (`domain::translation`), by slug; items without any
    /// are left out.
    async fn item_translations(
        &self,
    ) -> StoreResult<std::collections::HashMap<String, crate::domain::translation::Translations>>;
    /// Every category's translations, by slug; categories without any are left out.
    async fn category_translations(
        &self,
    ) -> StoreResult<
        std::collections::HashMap<String, crate::domain::translation::CategoryTranslations>,
    >;
    async fn item_detail(&self, slug: &str) -> StoreResult<Option<ItemDetail>>;
    async fn item_for_submit(&self, slug: &str) -> StoreResult<Option<ItemForSubmit>>;
    async fn form_version(&self, item_id: i64, version: i64) -> StoreResult<Option<FormSchema>>;
    async fn stores(&self) -> StoreResult<Vec<StoreOption>>;
    async fn assets(&self) -> StoreResult<Vec<AssetOption>>;

    // tickets
    /// Creates the ticket and its first events in one transaction. If the requester already
    /// used `idempotency_key`, returns that ticket instead and writes nothing.
    async fn create_ticket(&self, ticket: NewTicket) -> StoreResult<Created>;
    async fn ticket_by_idempotency_key(
        &self,
        requester_id: i64,
        key: &str,
    ) -> StoreResult<Option<Created>>;
    async fn ticket_access(&self, number: &str) -> StoreResult<Option<TicketAccess>>;
    async fn ticket_access_by_id(&self, id: i64) -> StoreResult<Option<TicketAccess>>;
    async fn ticket_detail(
        &self,
        number: &str,
        include_internal: bool,
    ) -> StoreResult<Option<TicketDetail>>;
    async fn tickets_of(
        &self,
        requester_id: i64,
        page: u32,
        per_page: u32,
    ) -> StoreResult<Page<TicketSummary>>;
    /// The requests waiting for a decision of `approver_id` as line manager, or of one of
    /// `chain_approvers` (e-mail addresses: the reader and those they stand in for) as line
    /// manager or on their item's approval chain. Oldest first; `step` and `standing_in_for` are the caller's to
    /// fill in.
    async fn pending_approvals(
        &self,
        approver_id: i64,
        chain_approvers: &[String],
    ) -> StoreResult<Vec<ApprovalView>>;
    /// Moves a ticket from `from` to `to` and records `event`, only if it is still in `from`
    /// (a compare-and-set, so two racing decisions cannot both win). Returns whether it moved.
    async fn transition(
        &self,
        ticket_id: i64,
        from: TicketState,
        to: TicketState,
        event: NewEvent,
    ) -> StoreResult<bool>;
    async fn add_event(&self, ticket_id: i64, event: NewEvent) -> StoreResult<()>;

    // attachments
    async fn create_attachment(&self, attachment: NewAttachment) -> StoreResult<i64>;
    async fn attachment(&self, id: i64) -> StoreResult<Option<AttachmentRecord>>;
    /// How many files, and how many bytes, `owner_id` uploaded since `since`.
    async fn uploaded_since(&self, owner_id: i64, since: DateTime<Utc>) -> StoreResult<(i64, i64)>;
    /// Files never attached to a ticket, uploaded before `before`: (id, storage name).
    async fn orphan_attachments(&self, before: DateTime<Utc>) -> StoreResult<Vec<(i64, String)>>;
    /// Removes an attachment's row, if it is still attached to no ticket.
    async fn delete_orphan_attachment(&self, id: i64) -> StoreResult<bool>;

    // knowledge and search
    /// Bumped by every change to what search covers; instances compare it to rebuild their
    /// index (see `backend::search`).
    async fn search_version(&self) -> StoreResult<i64>;
    /// Bumped (by database triggers) by every change to categories, items, forms, stores and
    /// devices: what the catalog pages show (see `backend::catalog_cache`).
    async fn catalog_version(&self) -> StoreResult<i64>;
    /// Published articles and live catalog items, as the search engine indexes them, with the
    /// version they were read at.
    async fn search_documents(&self) -> StoreResult<(i64, Vec<Document>)>;
    async fn article(&self, slug: &str) -> StoreResult<Option<ArticleRecord>>;
    /// The articles of the group `group` (an original's slug): the original and every article
    /// that translates it, in any state, ordered by locale.
    async fn article_versions(&self, group: &str) -> StoreResult<Vec<ArticleVersionRow>>;
    /// Creates or updates the article with `article.slug`; a new revision only when something
    /// changed. `expect` guards against overwriting someone else's edit.
    async fn save_article(
        &self,
        article: &ArticleInput,
        expect: Expect,
        author_id: i64,
        now: DateTime<Utc>,
    ) -> StoreResult<Saved>;
    /// Every article in every state, for the editors' list, newest change first.
    async fn article_list(&self) -> StoreResult<Vec<ArticleListRow>>;
    async fn article_revisions(&self, slug: &str) -> StoreResult<Vec<RevisionRow>>;
    /// Adds counted views (batched by `backend::views`); unknown slugs are ignored.
    async fn add_article_views(&self, views: &[(String, i64)]) -> StoreResult<()>;
    /// Records or replaces this person's vote and, when it is a yes with a query, the query as
    /// a search solution (one transaction). False when no published article has the slug.
    async fn vote_article(&self, vote: &NewVote) -> StoreResult<bool>;
    async fn record_deflection(&self, event: &DeflectionEvent) -> StoreResult<()>;
    /// How many funnel events of each kind happened since `since` (for tests and the
    /// manager's figures).
    async fn deflection_counts(&self, since: DateTime<Utc>) -> StoreResult<DeflectionCounts>;
}

/// What the article must look like in the database before a save.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expect {
    /// Whatever is there (imports: the folder is the truth).
    Anything,
    /// No article with this slug yet (the editor's "new article").
    New,
    /// The article at this revision (the editor started from it).
    Revision(i64),
}

/// A row of the editors' article list.
#[derive(Clone, Debug, PartialEq)]
pub struct ArticleListRow {
    pub slug: String,
    pub title: String,
    pub category: String,
    pub state: ArticleState,
    pub revision: i64,
    pub updated_at: DateTime<Utc>,
    pub views: i64,
    pub helpful: i64,
    pub not_helpful: i64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RevisionRow {
    pub revision: i64,
    pub title: String,
    /// Empty for revisions saved before states were recorded.
    pub state: String,
    pub author: String,
    pub created_at: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct NewVote {
    pub slug: String,
    pub user_id: i64,
    pub helpful: bool,
    pub comment: String,
    /// What the reader searched for before opening the article from the results; empty when
    /// they came another way. With `helpful`, it becomes evidence for search to learn from.
    pub query: String,
    pub now: DateTime<Utc>,
}

/// One step of the deflection funnel (see `api::deflection`).
#[derive(Clone, Debug, PartialEq)]
pub struct DeflectionEvent {
    pub funnel: String,
    pub kind: DeflectionKind,
    pub user_id: i64,
    pub item_slug: String,
    pub query: String,
    pub article_slug: Option<String>,
    pub now: DateTime<Utc>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DeflectionCounts {
    pub shown: i64,
    pub opened: i64,
    pub solved: i64,
    pub submitted: i64,
}

/// An article as an editor or an import gives it.
#[derive(Clone, Debug, PartialEq)]
pub struct ArticleInput {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub body_md: String,
    pub category: String,
    pub tags: Vec<String>,
    pub related_items: Vec<String>,
    pub state: ArticleState,
    /// The language it is written in: a tag of one of the portal's language files.
    pub locale: String,
    /// The slug of the original this translates; `None` for an original.
    pub translation_of: Option<String>,
}

impl ArticleInput {
    /// The key its group of translations shares: the original's slug.
    pub fn group(&self) -> &str {
        self.translation_of.as_deref().unwrap_or(&self.slug)
    }
}

/// One article of a group of translations (`Store::article_versions`).
#[derive(Clone, Debug, PartialEq)]
pub struct ArticleVersionRow {
    pub slug: String,
    pub title: String,
    pub locale: String,
    pub translation_of: Option<String>,
    pub state: ArticleState,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArticleState {
    Draft,
    Published,
    Retired,
}

impl ArticleState {
    pub fn parse(s: &str) -> Option<Self> {
        [Self::Draft, Self::Published, Self::Retired]
            .into_iter()
            .find(|state| state.as_str() == s)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ArticleState::Draft => "draft",
            ArticleState::Published => "published",
            ArticleState::Retired => "retired",
        }
    }
}

/// A stored article at its current revision.
#[derive(Clone, Debug)]
pub struct ArticleRecord {
    pub input: ArticleInput,
    pub revision: i64,
    pub updated_at: DateTime<Utc>,
    pub views: i64,
}

/// What a write checked against the revision its editor opened did (catalog, people, stores,
/// devices).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Written {
    /// Written; the record's revision is now `revision`.
    Done { revision: i64 },
    /// The record was not at the revision the editor opened (0: it had to be new, and is
    /// not; or it had to exist, and does not). Nothing was written.
    Stale { current: i64 },
}

/// What `save_article` did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Saved {
    Created,
    Updated {
        revision: i64,
    },
    Unchanged,
    /// `Expect` did not hold; nothing was written. `current` is the stored revision (0 when
    /// the article does not exist).
    Conflict {
        current: i64,
    },
    /// Another article of its group of translations is in its language (saved a moment ago by
    /// someone else); nothing was written.
    LanguageTaken,
}

#[derive(Clone, Debug)]
pub struct NewEvent {
    pub kind: EventKind,
    pub author_id: i64,
    pub body: String,
    pub internal: bool,
    /// The audit record: which field the event changed, from what, to what.
    pub change: Option<FieldChange>,
    pub now: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FieldChange {
    pub field: &'static str,
    pub before: Option<String>,
    pub after: Option<String>,
}

impl NewEvent {
    /// A public event with no text, such as "submitted".
    pub fn bare(kind: EventKind, author_id: i64, now: DateTime<Utc>) -> Self {
        Self::text(kind, author_id, String::new(), now)
    }

    /// A public event with text and no field change.
    pub fn text(kind: EventKind, author_id: i64, body: String, now: DateTime<Utc>) -> Self {
        NewEvent {
            kind,
            author_id,
            body,
            internal: false,
            change: None,
            now,
        }
    }

    pub fn internal(mut self) -> Self {
        self.internal = true;
        self
    }

    pub fn changing(
        mut self,
        field: &'static str,
        before: Option<String>,
        after: Option<String>,
    ) -> Self {
        self.change = Some(FieldChange {
            field,
            before,
            after,
        });
        self
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventKind {
    Submitted,
    ApprovalRequested,
    ApprovalApproved,
    ApprovalRejected,
    /// A decision on one step of an approval chain that did not end it: the chain goes on
    /// (no mail to the requester; they hear when it ends).
    ApprovalStep,
    Comment,
    Cancelled,
    /// Closed by Deskfront after a resolved ticket saw no change for the grace period.
    Closed,
    /// A change of state made by the desk or the requester (audit: before/after).
    StateChanged,
    Assigned,
    /// The desk asked the requester something; the ticket waits for them.
    Question,
    /// A public answer from the desk.
    Reply,
    /// For the desk only.
    Note,
    Resolved,
    Reopened,
    Rated,
    SlaWarning,
    SlaBreach,
    /// The incident became part of a problem record (internal).
    ProblemLinked,
    /// The problem the incident belongs to changed: cause, workaround, fix or state (internal).
    ProblemUpdated,
}

impl EventKind {
    /// The mails this kind of event can cause (see `domain::mail::planned`).
    pub fn mail_trigger(self) -> Option<crate::domain::mail::Trigger> {
        use crate::domain::mail::Trigger;
        Some(match self {
            EventKind::ApprovalRequested => Trigger::ApprovalRequested,
            EventKind::ApprovalApproved => Trigger::Approved,
            EventKind::ApprovalRejected => Trigger::Rejected,
            EventKind::Reply => Trigger::Reply,
            EventKind::Question => Trigger::Question,
            EventKind::Resolved => Trigger::Resolved,
            EventKind::Assigned => Trigger::Assigned,
            EventKind::SlaWarning => Trigger::SlaWarning,
            EventKind::SlaBreach => Trigger::SlaBreach,
            EventKind::Comment => Trigger::Comment,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Submitted => "submitted",
            EventKind::ApprovalRequested => "approval_requested",
            EventKind::ApprovalApproved => "approval_approved",
            EventKind::ApprovalRejected => "approval_rejected",
            EventKind::ApprovalStep => "approval_step",
            EventKind::Comment => "comment",
            EventKind::Cancelled => "cancelled",
            EventKind::Closed => "closed",
            EventKind::StateChanged => "state_changed",
            EventKind::Assigned => "assigned",
            EventKind::Question => "question",
            EventKind::Reply => "reply",
            EventKind::Note => "note",
            EventKind::Resolved => "resolved",
            EventKind::Reopened => "reopened",
            EventKind::Rated => "rated",
            EventKind::SlaWarning => "sla_warning",
            EventKind::SlaBreach => "sla_breach",
            EventKind::ProblemLinked => "problem_linked",
            EventKind::ProblemUpdated => "problem_updated",
        }
    }
}
