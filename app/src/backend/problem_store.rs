//! The storage interface of recurring faults and problem records: incidents related by device
//! or by store and category, problems and the incidents they group. `Store` requires it, so a
//! `dyn Store` offers it.

use super::store::{NewEvent, StoreResult};
use crate::domain::priority::Priority;
use crate::domain::problem::ProblemState;
use crate::domain::TicketState;
use chrono::{DateTime, Utc};

/// Incidents near `ticket_id`: on the same device, or of the same category at the same store,
/// created between `from` and `to`. The ticket itself is left out.
#[derive(Clone, Debug)]
pub struct RelatedQuery {
    pub ticket_id: i64,
    pub asset_tag: Option<String>,
    pub store_code: Option<String>,
    pub category: String,
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    pub limit: u32,
}

/// An incident as related lists and problem pages show it.
#[derive(Clone, Debug, PartialEq)]
pub struct IncidentRow {
    pub ticket_id: i64,
    pub number: String,
    pub title: String,
    pub state: TicketState,
    pub priority: Priority,
    pub store_code: Option<String>,
    pub asset_tag: Option<String>,
    pub assignment_group: String,
    pub created_at: DateTime<Utc>,
    /// The problem it is linked to, if any.
    pub problem: Option<String>,
}

#[derive(Clone, Debug)]
pub struct NewProblem {
    pub title: String,
    pub created_by: i64,
    /// The incidents to link, each getting a timeline event (see `problems::linked_event`).
    pub ticket_ids: Vec<i64>,
    pub now: DateTime<Utc>,
}

/// What `create_problem` did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Opened {
    Created {
        number: String,
    },
    /// `ticket_id` was linked to another problem meanwhile; nothing was written.
    AlreadyLinked {
        ticket_id: i64,
    },
}

/// A problem with the incidents it groups, oldest first.
#[derive(Clone, Debug)]
pub struct ProblemRecord {
    pub id: i64,
    pub number: String,
    pub title: String,
    pub cause: String,
    pub workaround: String,
    pub fix: String,
    pub state: ProblemState,
    pub revision: i64,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub incidents: Vec<IncidentRow>,
}

/// New values of a problem's record, written only if it is still at `expect_revision`, with
/// `event` added to the timeline of every linked incident.
#[derive(Clone, Debug)]
pub struct ProblemChange {
    pub expect_revision: i64,
    pub cause: String,
    pub workaround: String,
    pub fix: String,
    pub state: ProblemState,
    pub event: NewEvent,
}

#[async_trait::async_trait]
pub trait ProblemStore: Send + Sync {
    async fn related_incidents(&self, query: &RelatedQuery) -> StoreResult<Vec<IncidentRow>>;
    /// Creates the problem, links the incidents and writes their timeline events in one
    /// transaction.
    async fn create_problem(&self, problem: &NewProblem) -> StoreResult<Opened>;
    async fn problem(&self, number: &str) -> StoreResult<Option<ProblemRecord>>;
    /// The number of the problem `ticket_id` is linked to.
    async fn problem_of_ticket(&self, ticket_id: i64) -> StoreResult<Option<String>>;
    /// Writes `change` if the problem is still at its expected revision. Returns whether it did.
    async fn update_problem(&self, problem_id: i64, change: &ProblemChange) -> StoreResult<bool>;
    /// Links one more incident, with its timeline event. False if the incident is linked to a
    /// problem already (nothing written).
    async fn link_incident(
        &self,
        problem_id: i64,
        ticket_id: i64,
        event: &NewEvent,
    ) -> StoreResult<bool>;
}
