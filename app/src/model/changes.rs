//! Change records as the desk and the IT service manager see them (`backend::changes`).

use crate::domain::change::{ChangeKind, ChangeOutcome, ChangeState, Move, Window};
use crate::domain::change_risk::{RiskAssessment, RiskQuestion};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One entry of a change's timeline.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChangeEventView {
    pub kind: String,
    pub body: String,
    /// `None`: the portal itself.
    pub author: Option<String>,
    pub at: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChangeView {
    pub number: String,
    pub kind: ChangeKind,
    pub state: ChangeState,
    pub title: String,
    pub implementation_plan: String,
    pub back_out_plan: String,
    pub test_plan: String,
    /// The questionnaire the answers belong to.
    pub risk_questions: Vec<RiskQuestion>,
    pub risk_answers: BTreeMap<String, String>,
    pub risk: Option<RiskAssessment>,
    pub window: Option<Window>,
    /// Store codes, and the devices' asset tags.
    pub stores: Vec<String>,
    pub devices: Vec<String>,
    pub outcome: Option<ChangeOutcome>,
    pub review: String,
    pub problem: Option<String>,
    pub owner: String,
    /// Send it back with a save or a step: one from an older revision is refused.
    pub revision: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// What to settle before approval, in the reader's language: overlapping changes on the
    /// same stores or devices, freezes the window falls in.
    pub conflicts: Vec<String>,
    /// The steps the reader may take now (`domain::change::next_moves`), if they work changes.
    pub next_moves: Vec<Move>,
    /// Plans, risk, window and targets can still be edited (draft and assess).
    pub editable: bool,
    /// The approval chain of its latest request for authorisation, if it asked.
    pub approval: Option<super::ApprovalRunView>,
    pub events: Vec<ChangeEventView>,
}
