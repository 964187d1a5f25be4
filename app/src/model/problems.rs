//! Recurring faults and problem records as the service desk sees them.

use crate::domain::priority::Priority;
use crate::domain::problem::ProblemState;
use crate::domain::TicketState;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Another incident on the same device, or of the same category at the same store, close in
/// time to the one being looked at.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RelatedIncident {
    pub number: String,
    pub title: String,
    pub state: TicketState,
    pub priority: Priority,
    pub created_at: DateTime<Utc>,
    /// On the same device (otherwise: same category at the same store).
    pub same_asset: bool,
    /// The problem it already belongs to.
    pub problem: Option<String>,
}

/// An incident of a problem.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProblemIncident {
    pub number: String,
    pub title: String,
    pub state: TicketState,
    pub priority: Priority,
    pub store: Option<String>,
    pub asset: Option<String>,
    pub created_at: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProblemView {
    pub number: String,
    pub title: String,
    pub cause: String,
    pub workaround: String,
    pub fix: String,
    pub state: ProblemState,
    /// Send it back with `update_problem`: a save from an older revision is refused.
    pub revision: i64,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Oldest first; an agent sees those of their own groups.
    pub incidents: Vec<ProblemIncident>,
    /// Managers and admins, or agents whose groups hold every incident (see
    /// `backend::problems::moves_state`).
    pub can_change_state: bool,
    /// The changes raised from it, oldest first.
    pub changes: Vec<ProblemChangeLink>,
}

/// A change raised from a problem, as the problem's page lists it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProblemChangeLink {
    pub number: String,
    pub title: String,
    pub state: crate::domain::change::ChangeState,
}
