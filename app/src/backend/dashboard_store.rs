//! The storage interface of the manager's dashboard: aggregate queries over the ticket table,
//! each computed by the database for one [`Scope`], never by loading tickets into memory.
//! `Store` requires it, so a `dyn Store` offers it.

use super::desk_store::QueueRow;
use super::store::StoreResult;
use crate::domain::priority::Priority;
use crate::domain::report::{Period, TicketSet};
use crate::domain::ticket_sla::Clock;
pub use crate::model::{ClockFigures, CountRow, DeflectionFigures, FilterChoices};
use chrono::{DateTime, NaiveDate, Utc};

/// Which tickets a figure may look at: the period, the filters, and for agents their groups.
#[derive(Clone, Debug, PartialEq)]
pub struct Scope {
    pub period: Period,
    /// "Now" for the backlog's age and what is overdue; fixed once per report so every figure
    /// of one page agrees.
    pub now: DateTime<Utc>,
    /// `None`: every group (managers, admins); an agent's own groups otherwise.
    pub groups: Option<Vec<String>>,
    pub store: Option<String>,
    pub region: Option<String>,
    pub category: Option<String>,
    pub group: Option<String>,
    pub priority: Option<Priority>,
    /// Narrows to one device (the link behind a recurring-fault row).
    pub asset: Option<String>,
}

/// Incidents of the period at one store and device (either may be missing).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FaultCount {
    pub store: Option<String>,
    pub store_name: Option<String>,
    pub asset: Option<String>,
    pub asset_name: Option<String>,
    pub count: u64,
}

#[async_trait::async_trait]
pub trait DashboardStore: Send + Sync {
    /// How many tickets of `set` the scope holds.
    async fn count_set(&self, scope: &Scope, set: TicketSet) -> StoreResult<u64>;
    /// The tickets of `set`, newest first.
    async fn list_set(
        &self,
        scope: &Scope,
        set: TicketSet,
        offset: u64,
        limit: u32,
    ) -> StoreResult<Vec<QueueRow>>;
    async fn clock_figures(&self, scope: &Scope, clock: Clock) -> StoreResult<ClockFigures>;
    /// Open tickets per `AgeBand`, in `AgeBand::ALL` order.
    async fn backlog_ages(&self, scope: &Scope) -> StoreResult<[u64; 5]>;
    /// Ratings given in the period: how many of 1, 2, 3, 4, 5 stars.
    async fn ratings(&self, scope: &Scope) -> StoreResult<[u64; 5]>;
    /// Tickets of `set` (opened or resolved) per UTC day with any; others are missing.
    async fn per_day(&self, scope: &Scope, set: TicketSet) -> StoreResult<Vec<(NaiveDate, u64)>>;
    /// Incidents raised in the period per store and device.
    async fn fault_counts(&self, scope: &Scope) -> StoreResult<Vec<FaultCount>>;
    async fn deflection(&self, period: Period, limit: u32) -> StoreResult<DeflectionFigures>;
    /// Logs a knowledge search and how many articles it found.
    async fn record_search(&self, query: &str, results: u64, at: DateTime<Utc>) -> StoreResult<()>;
    async fn filter_choices(&self) -> StoreResult<FilterChoices>;
}
