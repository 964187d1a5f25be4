//! Approval chains, the change policy and the risk questionnaire as administrators keep them
//! (`backend::approval_admin`): each with the revision a save names, and what uses a chain so
//! the page can say why it cannot be removed.

use crate::domain::approval_chain::ApprovalChain;
use crate::domain::change::ChangeKind;
use crate::domain::change_risk::{RiskLevel, RiskModel};
use serde::{Deserialize, Serialize};

/// One chain with its key (what items and the change policy name), its revision, and who uses
/// it: catalog items by name, and whether the change policy names it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChainAdminView {
    pub key: String,
    pub name: String,
    pub chain: ApprovalChain,
    pub revision: i64,
    pub items: Vec<String>,
    pub in_change_policy: bool,
}

/// Which chain authorises changes of one kind at one risk level; `None`: no chain, so such a
/// change cannot ask for authorisation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PolicyRule {
    pub kind: ChangeKind,
    pub level: RiskLevel,
    pub chain: Option<String>,
}

/// The change kinds the policy covers: a standard change is pre-approved and asks nobody.
pub const POLICY_KINDS: [ChangeKind; 2] = [ChangeKind::Normal, ChangeKind::Emergency];

/// The approvals page: every chain by name, the groups a step may name, and the change policy
/// with one rule per kind the policy covers and level.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ApprovalAdminView {
    pub chains: Vec<ChainAdminView>,
    pub groups: Vec<String>,
    pub policy: Vec<PolicyRule>,
    /// 0 while the policy has never been saved in the portal.
    pub policy_revision: i64,
}

/// The risk questionnaire with its revision; `starter` while no admin has saved one (the
/// portal's starter questions are in use).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RiskModelView {
    pub model: RiskModel,
    pub revision: i64,
    pub starter: bool,
}

/// One step of a chain as the form sends it: the approver's kind (`line_manager`, `person`,
/// `group`) with the fields that kind reads, and an optional condition on one answer. A step
/// sent with no name is a blank slot, not a step.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct StepForm {
    pub name: String,
    pub approver: String,
    pub email: String,
    pub group: String,
    /// `any_one` or `quorum`.
    pub needed: String,
    pub quorum: String,
    /// The form field (of an item) or risk question (of a change) the condition reads; empty:
    /// the step always applies.
    pub when_field: String,
    /// An `Operator` by name.
    pub when_op: String,
    /// Values separated by commas.
    pub when_values: String,
}

/// One answer of a risk question as the form sends it; a blank label is an empty slot.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RiskAnswerForm {
    pub key: String,
    pub label: String,
    pub weight: String,
}

/// One risk question as the form sends it; a blank question is an empty slot.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RiskQuestionForm {
    pub key: String,
    pub question: String,
    pub answers: Vec<RiskAnswerForm>,
}
