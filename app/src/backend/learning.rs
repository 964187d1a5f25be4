//! Learning from outcomes, as the server runs it: a periodic refresh turns the evidence into
//! learned terms (`search::learned`), and knowledge editors review, per article, what people
//! typed before it helped them, and remove what should not count (audited as
//! `AuditKind::SearchEvidence`, and learned again at once); and they see what nobody found,
//! grouped by likeness (`search::similar`), to write the missing articles.

use super::access::knowledge_editors_only;
use super::audit::Actor;
use super::internal;
use super::learning_store::EvidenceRow;
use super::store::{Store, StoreResult};
use crate::model::{
    AppError, AppResult, AuditKind, EvidenceSource, EvidenceView, UnansweredGroupView,
    UnansweredQueryView, UserView,
};
use crate::search::learned::{learn, Evidence, Outcome, HALF_LIFE_DAYS};
use chrono::{DateTime, Duration, Utc};
use serde_json::json;

/// Evidence older than this weighs under 1 % (`HALF_LIFE_DAYS` × 7) and is not read at all.
const OLDEST_DAYS: i64 = (HALF_LIFE_DAYS as i64) * 7;
/// An article opened from a form counts once the form has not been sent for this long.
const ABANDONED_AFTER_MINUTES: i64 = 60;
/// How much of an article's evidence the editor sees.
const REVIEW_ROWS: u32 = 200;
/// How many distinct unanswered queries are grouped, the most frequent first.
const UNANSWERED_QUERIES: u32 = 2_000;
/// How many groups of them the editor sees.
const UNANSWERED_GROUPS: usize = 100;
/// The longest period the list looks back over.
pub const MAX_UNANSWERED_DAYS: u32 = 365;

fn abandoned_before(now: DateTime<Utc>) -> DateTime<Utc> {
    now - Duration::minutes(ABANDONED_AFTER_MINUTES)
}

/// Learns from the evidence as it is now and stores the result. True when the learned terms
/// changed (the search content version then moved).
pub async fn refresh(store: &dyn Store, now: DateTime<Utc>) -> StoreResult<bool> {
    let rows = store
        .search_evidence(now - Duration::days(OLDEST_DAYS), abandoned_before(now))
        .await?;
    let evidence: Vec<Evidence> = rows
        .into_iter()
        .map(|r| Evidence {
            article: r.article,
            person: r.person,
            query: r.query,
            outcome: r.outcome,
            at: r.at,
        })
        .collect();
    store.replace_learned_terms(&learn(&evidence, now)).await
}

fn view(row: EvidenceRow) -> EvidenceView {
    EvidenceView {
        id: row.id,
        source: row.source,
        query: row.query,
        solved: row.outcome == Outcome::Solved,
        at: row.at,
    }
}

/// What people typed before article `slug` helped them, newest first. The people themselves
/// are not shown: the words are what the editor needs.
pub async fn article_evidence(
    store: &dyn Store,
    user: &UserView,
    slug: &str,
    now: DateTime<Utc>,
) -> AppResult<Vec<EvidenceView>> {
    knowledge_editors_only(user)?;
    Ok(store
        .article_evidence(slug, abandoned_before(now), REVIEW_ROWS)
        .await
        .map_err(internal)?
        .into_iter()
        .map(view)
        .collect())
}

/// Removes one piece of evidence of article `slug`, and learns again without it.
pub async fn remove_evidence(
    store: &dyn Store,
    user: &UserView,
    slug: &str,
    source: EvidenceSource,
    id: i64,
    now: DateTime<Utc>,
) -> AppResult<()> {
    knowledge_editors_only(user)?;
    let audit = Actor::person(user)
        .did(AuditKind::SearchEvidence, "remove", slug, now)
        .before(json!({ "evidence": id, "source": source.as_str() }));
    if !store
        .remove_evidence(source, id, slug, &audit, now)
        .await
        .map_err(internal)?
    {
        return Err(AppError::not_found(
            "This evidence was removed already, or belongs to another article. Reload the page.",
        ));
    }
    refresh(store, now).await.map_err(internal)?;
    Ok(())
}

/// What nobody found in the last `days` days: searches with no article, and forms sent anyway
/// after their suggestions, grouped by likeness, the largest groups first.
pub async fn unanswered(
    store: &dyn Store,
    user: &UserView,
    days: u32,
    now: DateTime<Utc>,
) -> AppResult<Vec<UnansweredGroupView>> {
    knowledge_editors_only(user)?;
    if days == 0 || days > MAX_UNANSWERED_DAYS {
        return Err(AppError::invalid_field(
            "days",
            format!("Choose between 1 and {MAX_UNANSWERED_DAYS} days."),
        ));
    }
    let queries = store
        .unanswered_queries(now - Duration::days(i64::from(days)), UNANSWERED_QUERIES)
        .await
        .map_err(internal)?;
    Ok(crate::search::similar::group_alike(queries)
        .into_iter()
        .take(UNANSWERED_GROUPS)
        .map(|g| UnansweredGroupView {
            found_nothing: g.found_nothing(),
            tickets: g.tickets(),
            queries: g
                .queries
                .into_iter()
                .map(|q| UnansweredQueryView {
                    query: q.query,
                    found_nothing: q.found_nothing,
                    tickets: q.tickets,
                })
                .collect(),
        })
        .collect())
}
