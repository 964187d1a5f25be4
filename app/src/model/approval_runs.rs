//! Approval chains as people read them on a record's page and on the Approvals page
//! (`backend::approval_runs`).

use crate::domain::approval_chain::{RunStatus, Verdict};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// One approver of a step, with their decision if they made it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ApproverView {
    pub email: String,
    pub name: String,
    pub verdict: Option<Verdict>,
    pub comment: String,
    /// Who clicked, when it was someone standing in for them.
    pub delegate: Option<String>,
    pub at: Option<DateTime<Utc>>,
}

/// Where one step stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StepState {
    Approved,
    Rejected,
    /// Its approvers decide now.
    Waiting,
    /// Not reached yet (or never: the chain ended before it).
    Later,
    /// Its condition did not hold when the chain started.
    Skipped,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ApprovalStepView {
    pub name: String,
    /// Approvals needed; `None`: the first decision decides.
    pub needed: Option<usize>,
    pub state: StepState,
    pub approvers: Vec<ApproverView>,
}

/// A chain started on a record: its steps, who decided what, and where it stands.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ApprovalRunView {
    pub chain: String,
    pub status: RunStatus,
    pub started_at: DateTime<Utc>,
    pub steps: Vec<ApprovalStepView>,
}

/// A change waiting for the reader's decision, with what they need to decide it: the change as
/// its page shows it (plans, risk, window, conflicts, the chain so far).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChangeApprovalView {
    pub change: super::ChangeView,
    /// The step that waits for the reader.
    pub step: String,
    /// Set when the reader decides in someone else's place: that person's name.
    pub standing_in_for: Option<String>,
}

/// Someone deciding in the reader's place while they are away.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DelegationView {
    pub to: String,
    pub name: String,
    pub starts: DateTime<Utc>,
    pub ends: DateTime<Utc>,
}
