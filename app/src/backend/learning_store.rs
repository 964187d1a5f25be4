//! The storage interface of learning from outcomes (`search::learned`): the evidence, read from
//! the deflection funnel's events and from "Did this help?" answered after a search, an
//! editor's removal of a piece of it, and the learned terms
//! every instance's index reads with the articles.

use super::audit_store::AuditEntry;
use super::store::StoreResult;
use crate::model::EvidenceSource;
use crate::search::learned::Outcome;
use crate::search::similar::QueryCount;
use chrono::{DateTime, Utc};
use std::collections::BTreeMap;

/// One piece of evidence: `person` typed `query`, and `article` answered it.
#[derive(Clone, Debug, PartialEq)]
pub struct EvidenceRow {
    /// The deflection event (`Form`) or search solution (`Search`) it comes from.
    pub id: i64,
    pub source: EvidenceSource,
    pub article: String,
    pub person: i64,
    pub query: String,
    pub outcome: Outcome,
    pub at: DateTime<Utc>,
}

#[async_trait::async_trait]
pub trait LearningStore: Send + Sync {
    /// Every outcome since `since` that counts as evidence and was not removed: "This solved
    /// it", an article opened from a form whose form was not sent by `abandoned_before`
    /// (later, the person may still be filling it in), and "Did this help?" answered yes after
    /// a search.
    async fn search_evidence(
        &self,
        since: DateTime<Utc>,
        abandoned_before: DateTime<Utc>,
    ) -> StoreResult<Vec<EvidenceRow>>;
    /// The evidence for one article, newest first, as the editor reviews it (`limit` rows).
    async fn article_evidence(
        &self,
        slug: &str,
        abandoned_before: DateTime<Utc>,
        limit: u32,
    ) -> StoreResult<Vec<EvidenceRow>>;
    /// Removes the evidence `id` from `source` of article `slug` (it stops counting), with
    /// `audit`. False when there is no such evidence, or it was removed already.
    async fn remove_evidence(
        &self,
        source: EvidenceSource,
        id: i64,
        slug: &str,
        audit: &AuditEntry,
        now: DateTime<Utc>,
    ) -> StoreResult<bool>;
    /// Queries since `since` that went unanswered, each as typed (lowercased) with its counts:
    /// searches that found no article, and forms sent anyway after their suggestions. The
    /// `limit` most frequent.
    async fn unanswered_queries(
        &self,
        since: DateTime<Utc>,
        limit: u32,
    ) -> StoreResult<Vec<QueryCount>>;
    /// Replaces the learned terms of every article with `learned`; when that changes anything,
    /// moves the search content version in the same transaction, so every instance rebuilds
    /// its index and every device refreshes its snapshot. True when it changed anything.
    async fn replace_learned_terms(
        &self,
        learned: &BTreeMap<String, Vec<String>>,
    ) -> StoreResult<bool>;
}
