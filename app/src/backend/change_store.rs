//! The storage interface of change records (`backend::changes`): a change's record with what it
//! touches and its timeline, the changes booked on the calendar, and the freeze periods.
//! `Store` requires it, so a `dyn Store` offers it.

use super::approval_store::{DecisionRecord, NewRun, Progress};
use super::problem_store::ProblemChange;
use super::store::StoreResult;
use crate::domain::change::{ChangeKind, ChangeOutcome, ChangePlans, ChangeState, Window};
use crate::domain::change_calendar::{Booking, FreezeWindow};
use crate::domain::change_risk::RiskAssessment;
use chrono::{DateTime, Utc};
use std::collections::BTreeMap;

/// A change as it is raised: a draft with a title, linked to the problem it comes from.
#[derive(Clone, Debug)]
pub struct NewChange {
    pub kind: ChangeKind,
    pub title: String,
    pub problem_id: Option<i64>,
    pub owner_id: i64,
    pub now: DateTime<Utc>,
}

/// What a change touches: a store as a whole (`asset: None`) or one of its devices.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Target {
    pub store: String,
    pub asset: Option<String>,
}

impl Target {
    /// What a change touches as its stores, each once, and its devices; `targets` sorted by
    /// store, as the store reads them and `backend::changes` saves them.
    pub fn split(targets: &[Target]) -> (Vec<String>, Vec<String>) {
        let mut stores: Vec<String> = targets.iter().map(|t| t.store.clone()).collect();
        stores.dedup();
        let devices = targets.iter().filter_map(|t| t.asset.clone()).collect();
        (stores, devices)
    }

    /// The calendar's view of a change (`change_calendar::Booking`).
    pub fn booking(number: &str, window: Window, targets: &[Target]) -> Booking {
        let (stores, devices) = Target::split(targets);
        Booking {
            number: number.to_string(),
            window,
            stores,
            devices,
        }
    }
}

/// Everything about a change that people edit and the lifecycle moves. Written whole, so one
/// compare-and-set on the revision covers a form's save and a step alike.
#[derive(Clone, Debug, PartialEq)]
pub struct ChangeContent {
    pub kind: ChangeKind,
    pub state: ChangeState,
    pub plans: ChangePlans,
    /// Question key → answer key, as far as answered.
    pub risk_answers: BTreeMap<String, String>,
    /// What every answer together gave; `None` while some are missing.
    pub risk: Option<RiskAssessment>,
    pub window: Option<Window>,
    pub targets: Vec<Target>,
    pub outcome: Option<ChangeOutcome>,
    pub review: String,
}

/// One entry of a change's timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct ChangeEvent {
    /// What happened: `raised`, `saved`, or the lifecycle step's name (`domain::change::Move`).
    pub kind: String,
    pub body: String,
    /// `None`: the portal itself (an approval chain ended).
    pub author: Option<String>,
    pub at: DateTime<Utc>,
}

/// One write of a change: its content over `expect_revision` with its timeline entry, and what
/// goes with it in the same transaction.
#[derive(Clone, Copy, Debug)]
pub struct ChangeWrite<'a> {
    pub expect_revision: i64,
    pub content: &'a ChangeContent,
    pub event: &'a ChangeEvent,
    /// `None`: the portal itself (an approval chain ended).
    pub author_id: Option<i64>,
    /// The approval chain it starts, when it asks for authorisation.
    pub start: Option<&'a NewRun>,
    /// The problem a successful change resolves as it closes: the problem's id and its change,
    /// written only if the problem is still at the change's revision.
    pub resolves: Option<(i64, &'a ProblemChange)>,
}

#[derive(Clone, Debug)]
pub struct ChangeRecord {
    pub id: i64,
    pub number: String,
    pub content: ChangeContent,
    /// The problem it was raised from, by number.
    pub problem: Option<String>,
    pub owner_id: i64,
    pub owner: String,
    pub owner_email: String,
    pub revision: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Oldest first.
    pub events: Vec<ChangeEvent>,
}

/// A change as the change calendar shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct CalendarChange {
    pub booking: Booking,
    pub title: String,
    pub kind: ChangeKind,
    pub state: ChangeState,
    /// The kinds of the devices it touches ("till", "card reader"), each once, sorted: the
    /// services it affects.
    pub device_kinds: Vec<String>,
}

/// A change whose approval chain approved it: when authorisation was asked for and given.
#[derive(Clone, Debug, PartialEq)]
pub struct AuthorisedChange {
    pub number: String,
    pub title: String,
    pub kind: ChangeKind,
    /// Store codes it touches (a device's store included).
    pub stores: Vec<String>,
    pub asked_at: DateTime<Utc>,
    pub approved_at: DateTime<Utc>,
}

#[async_trait::async_trait]
pub trait ChangeStore: Send + Sync {
    /// Takes the next change number and writes the draft with its `raised` event. Answers with
    /// the number.
    async fn create_change(&self, change: &NewChange, event_body: &str) -> StoreResult<String>;
    async fn change(&self, number: &str) -> StoreResult<Option<ChangeRecord>>;
    /// Writes `write` in one transaction if the change is still at its `expect_revision` (and
    /// a problem it resolves at the revision it names). Returns whether it did. A change that
    /// leaves authorisation withdraws its waiting approval chain.
    async fn save_change(&self, change_id: i64, write: &ChangeWrite<'_>) -> StoreResult<bool>;
    /// Records a decision on the change's chain `run_id` if the chain is still at
    /// `expect_run_revision` and nobody decided for the same approver on that step yet, with
    /// the chain's `progress` after it and the decision's timeline entry (`event`). When the
    /// decision ends the chain, `end` moves the change in the same transaction. Returns
    /// whether everything was written; false writes nothing, and the caller reads again.
    #[allow(clippy::too_many_arguments)]
    async fn decide_on_change(
        &self,
        change_id: i64,
        run_id: i64,
        expect_run_revision: i64,
        decided: &DecisionRecord,
        progress: &Progress,
        event: &ChangeEvent,
        end: Option<ChangeWrite<'_>>,
    ) -> StoreResult<bool>;
    /// The changes the calendar shows (`ChangeState::on_calendar`) whose window meets
    /// `[from, to)`, by start.
    async fn calendar_changes(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> StoreResult<Vec<CalendarChange>>;
    /// The changes that hold their window (`ChangeState::holds_its_window`) and whose window
    /// meets `[from, to)`: what a new window may conflict with.
    async fn bookings(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> StoreResult<Vec<Booking>> {
        Ok(self
            .calendar_changes(from, to)
            .await?
            .into_iter()
            .filter(|c| c.state.holds_its_window())
            .map(|c| c.booking)
            .collect())
    }
    /// The changes whose work ended (their outcome was recorded) in `[from, to)`, oldest
    /// first, with what they touched.
    async fn finished_changes(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> StoreResult<Vec<crate::domain::change_figures::FinishedChange>>;
    /// The changes whose approval chain approved them in `[from, to)`, oldest first.
    async fn authorised_changes(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> StoreResult<Vec<AuthorisedChange>>;
    /// The incidents raised while `booking`'s window was open on the devices it names, or on
    /// its stores when it names none: those it may have caused.
    async fn incidents_during(
        &self,
        booking: &Booking,
    ) -> StoreResult<Vec<crate::domain::change_figures::RaisedIncident>>;
    /// The changes raised from a problem, oldest first: number, title, state.
    async fn changes_of_problem(
        &self,
        problem_id: i64,
    ) -> StoreResult<Vec<(String, String, ChangeState)>>;
    async fn freeze_windows(&self) -> StoreResult<Vec<FreezeWindow>>;
    async fn add_freeze_window(&self, freeze: &FreezeWindow, now: DateTime<Utc>)
        -> StoreResult<()>;
    /// Every freeze with its id and revision, by first day.
    async fn freeze_records(&self) -> StoreResult<Vec<crate::model::FreezeView>>;
    /// Creates (`id` 0, `expect` 0) or replaces freeze `id` if it is at revision `expect`, with
    /// `audit`, in one transaction.
    async fn save_freeze(
        &self,
        id: i64,
        freeze: &FreezeWindow,
        expect: i64,
        audit: &super::audit_store::AuditEntry,
    ) -> StoreResult<super::store::Written>;
    /// Removes freeze `id` if it is at revision `expect`, with `audit`.
    async fn delete_freeze(
        &self,
        id: i64,
        expect: i64,
        audit: &super::audit_store::AuditEntry,
    ) -> StoreResult<super::store::Written>;
    /// Gives person `user_id` a calendar feed whose token hashes to `token_hash`, replacing the
    /// one they had; `None` ends their feed.
    async fn set_calendar_feed(
        &self,
        user_id: i64,
        token_hash: Option<&str>,
        now: DateTime<Utc>,
    ) -> StoreResult<()>;
    /// Since when person `user_id` has a calendar feed, if they have one.
    async fn calendar_feed_since(&self, user_id: i64) -> StoreResult<Option<DateTime<Utc>>>;
    /// The active person whose feed token hashes to `token_hash`.
    async fn calendar_feed_owner(
        &self,
        token_hash: &str,
    ) -> StoreResult<Option<crate::model::UserView>>;
}
