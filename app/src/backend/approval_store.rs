//! The storage interface of approval chains (`domain::approval_chain`): the chains an admin keeps,
//! the change policy naming one per kind and risk, chains running on records with their
//! decisions, and delegations. Writing a decision that ends a chain moves its record in the same
//! transaction, so that part lives with the record's store (`ChangeStore::decide_on_change`).
//! `Store` requires this trait, so a `dyn Store` offers it.

use super::audit_store::AuditEntry;
use super::store::{StoreResult, Written};
use crate::domain::approval_chain::{
    ApprovalChain, ChainStatus, Decision, Delegation, RunStatus, StepOnRecord,
};
use crate::domain::change::ChangeKind;
use crate::domain::change_risk::{RiskLevel, RiskModel};
use crate::model::{ChainAdminView, PolicyRule};
use chrono::{DateTime, Utc};

/// What a chain's state means for the store: its status, and who it waits for now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Progress {
    pub status: RunStatus,
    /// The undecided approvers of the waiting step; empty once the chain has ended.
    pub waiting_on: Vec<String>,
}

impl Progress {
    pub fn of(status: &ChainStatus) -> Progress {
        match status {
            ChainStatus::Waiting { waiting_on, .. } => Progress {
                status: RunStatus::Waiting,
                waiting_on: waiting_on.clone(),
            },
            ChainStatus::Approved => Progress {
                status: RunStatus::Approved,
                waiting_on: Vec::new(),
            },
            ChainStatus::Rejected { .. } => Progress {
                status: RunStatus::Rejected,
                waiting_on: Vec::new(),
            },
        }
    }
}

/// A chain as it starts on a record: its name, its steps resolved to people, and where it stands
/// before anyone decides (approved at once when every step was skipped).
#[derive(Clone, Debug)]
pub struct NewRun {
    pub chain_name: String,
    pub steps: Vec<StepOnRecord>,
    pub progress: Progress,
    pub at: DateTime<Utc>,
}

/// A decision with what the approver wrote.
#[derive(Clone, Debug, PartialEq)]
pub struct DecisionRecord {
    pub decision: Decision,
    pub comment: String,
}

/// A chain running (or ended) on one record.
#[derive(Clone, Debug)]
pub struct RunRecord {
    pub id: i64,
    pub chain_name: String,
    pub steps: Vec<StepOnRecord>,
    pub status: RunStatus,
    /// The compare-and-set a decision takes.
    pub revision: i64,
    pub started_at: DateTime<Utc>,
    pub ended_at: Option<DateTime<Utc>>,
    /// Oldest first.
    pub decisions: Vec<DecisionRecord>,
}

impl RunRecord {
    pub fn decisions(&self) -> Vec<Decision> {
        self.decisions.iter().map(|d| d.decision.clone()).collect()
    }
}

/// A chain an admin keeps, by its key.
#[derive(Clone, Debug, PartialEq)]
pub struct NamedChain {
    pub key: String,
    pub name: String,
    pub chain: ApprovalChain,
}

#[async_trait::async_trait]
pub trait ApprovalStore: Send + Sync {
    /// Creates or replaces the chain `key`.
    async fn save_approval_chain(&self, chain: &NamedChain, now: DateTime<Utc>) -> StoreResult<()>;
    /// Every chain, by name.
    async fn approval_chains(&self) -> StoreResult<Vec<NamedChain>>;
    /// The chain `key`, if it exists.
    async fn approval_chain(&self, key: &str) -> StoreResult<Option<NamedChain>>;
    /// Names the chain that authorises changes of `kind` at `level`.
    async fn set_change_policy(
        &self,
        kind: ChangeKind,
        level: RiskLevel,
        chain_key: &str,
    ) -> StoreResult<()>;
    /// The chain that authorises changes of `kind` at `level`, if one is named.
    async fn change_policy_chain(
        &self,
        kind: ChangeKind,
        level: RiskLevel,
    ) -> StoreResult<Option<NamedChain>>;
    /// Every chain as admins keep it, by name: with its revision and what uses it.
    async fn chain_records(&self) -> StoreResult<Vec<ChainAdminView>>;
    /// Creates chain `key` (`expect` 0: it must be new) or replaces it if it is at revision
    /// `expect`, with `audit`, in one transaction.
    async fn save_chain(
        &self,
        chain: &NamedChain,
        expect: i64,
        audit: &AuditEntry,
        now: DateTime<Utc>,
    ) -> StoreResult<Written>;
    /// Removes chain `key` if it is at revision `expect` and neither an item nor the change
    /// policy names it (else `Stale`: the caller reads why), with `audit`.
    async fn delete_chain(
        &self,
        key: &str,
        expect: i64,
        audit: &AuditEntry,
    ) -> StoreResult<Written>;
    /// The change policy's rules that name a chain, and the policy's revision (0: never saved
    /// in the portal).
    async fn change_policy(&self) -> StoreResult<(Vec<PolicyRule>, i64)>;
    /// Replaces the change policy with `rules` (those naming no chain are left out) if it is at
    /// revision `expect`, with `audit`.
    async fn save_change_policy(
        &self,
        rules: &[PolicyRule],
        expect: i64,
        audit: &AuditEntry,
        now: DateTime<Utc>,
    ) -> StoreResult<Written>;
    /// The risk questionnaire an admin saved, with its revision; `None`: the starter's.
    async fn risk_model(&self) -> StoreResult<Option<(RiskModel, i64)>>;
    /// Saves the risk questionnaire if it is at revision `expect` (0: never saved), with
    /// `audit`.
    async fn save_risk_model(
        &self,
        model: &RiskModel,
        expect: i64,
        audit: &AuditEntry,
        now: DateTime<Utc>,
    ) -> StoreResult<Written>;
    /// The latest chain started on the change, with its decisions.
    async fn change_run(&self, change_id: i64) -> StoreResult<Option<RunRecord>>;
    /// The latest chain started on the ticket, with its decisions.
    async fn ticket_run(&self, ticket_id: i64) -> StoreResult<Option<RunRecord>>;
    /// Whether `email` decides the ticket's chain now or decided on it before (so may read it).
    async fn approves_ticket(&self, ticket_id: i64, email: &str) -> StoreResult<bool>;
    /// The changes whose chain waits for one of `approvers` now, by number, oldest chain first.
    async fn changes_waiting_for(&self, approvers: &[String]) -> StoreResult<Vec<String>>;
    /// Delegations to `email` in force at `at`.
    async fn delegations_to(&self, email: &str, at: DateTime<Utc>) -> StoreResult<Vec<Delegation>>;
    async fn add_delegation(&self, delegation: &Delegation, now: DateTime<Utc>) -> StoreResult<()>;
    /// `email`'s delegations that have not ended by `at`, soonest first.
    async fn delegations_from(
        &self,
        email: &str,
        at: DateTime<Utc>,
    ) -> StoreResult<Vec<Delegation>>;
    /// Ends `from`'s delegations to `to` at `at` (those not ended yet). False: there were none.
    async fn end_delegations(&self, from: &str, to: &str, at: DateTime<Utc>) -> StoreResult<bool>;
}
