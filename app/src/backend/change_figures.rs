//! The manager's change figures on the dashboard (`domain::change_figures`) and the changes
//! behind each: the changes whose work ended in the period, the incidents they may have caused,
//! and the authorisations given in it. The period, store and region filters apply (a change is
//! in a store when it touches it; one that touches no store only when no store is chosen); the
//! ticket filters (category, group, priority) do not, since a change has none of them.

use super::dashboard::scope;
use super::dashboard_store::Scope;
use super::internal;
use super::store::Store;
use crate::backend::change_store::AuthorisedChange;
use crate::domain::change_figures::{
    figures as count, holds, incidents_caused, ChangeFigures, ChangeSet, FinishedChange,
};
use crate::model::{AppResult, ChangeList, ChangeRow, FilterQuery, Page, UserView};
use chrono::{DateTime, Utc};
use std::collections::{BTreeMap, BTreeSet};

/// The changes a scope holds: those finished in its period with what they may have caused,
/// and those authorised in it.
struct InScope {
    finished: Vec<FinishedChange>,
    caused: BTreeMap<String, Vec<String>>,
    authorised: Vec<AuthorisedChange>,
}

/// The store codes the scope's store and region filters leave, or `None` for every store.
async fn scope_stores(store: &dyn Store, scope: &Scope) -> AppResult<Option<BTreeSet<String>>> {
    if scope.store.is_none() && scope.region.is_none() {
        return Ok(None);
    }
    let stores = store.all_stores().await.map_err(internal)?;
    Ok(Some(
        stores
            .into_iter()
            .filter(|s| {
                scope
                    .store
                    .as_ref()
                    .is_none_or(|c| s.code.eq_ignore_ascii_case(c))
            })
            .filter(|s| {
                scope
                    .region
                    .as_ref()
                    .is_none_or(|r| s.region.eq_ignore_ascii_case(r))
            })
            .map(|s| s.code.to_uppercase())
            .collect(),
    ))
}

fn touches(stores: &[String], allowed: &Option<BTreeSet<String>>) -> bool {
    allowed
        .as_ref()
        .is_none_or(|allowed| stores.iter().any(|s| allowed.contains(&s.to_uppercase())))
}

async fn in_scope(store: &dyn Store, scope: &Scope) -> AppResult<InScope> {
    let (from, to) = (scope.period.start(), scope.period.end());
    let allowed = scope_stores(store, scope).await?;
    let finished: Vec<FinishedChange> = store
        .finished_changes(from, to)
        .await
        .map_err(internal)?
        .into_iter()
        .filter(|c| touches(&c.booking.stores, &allowed))
        .collect();
    let mut incidents = Vec::new();
    for change in &finished {
        incidents.extend(
            store
                .incidents_during(&change.booking)
                .await
                .map_err(internal)?,
        );
    }
    incidents.sort_by(|a, b| a.number.cmp(&b.number));
    incidents.dedup_by(|a, b| a.number == b.number);
    let bookings: Vec<_> = finished.iter().map(|c| c.booking.clone()).collect();
    let caused = incidents_caused(&bookings, &incidents);
    let authorised = store
        .authorised_changes(from, to)
        .await
        .map_err(internal)?
        .into_iter()
        .filter(|c| touches(&c.stores, &allowed))
        .collect();
    Ok(InScope {
        finished,
        caused,
        authorised,
    })
}

fn lead_minutes(change: &AuthorisedChange) -> i64 {
    (change.approved_at - change.asked_at).num_minutes().max(0)
}

/// The change figures of a scope the dashboard checked.
pub async fn figures(store: &dyn Store, scope: &Scope) -> AppResult<ChangeFigures> {
    let s = in_scope(store, scope).await?;
    let leads: Vec<i64> = s.authorised.iter().map(lead_minutes).collect();
    Ok(count(&s.finished, &s.caused, &leads))
}

/// Every change behind `set` under `filters` (at most `limit`), oldest first: for the page a
/// page at a time, for the CSV all of them.
pub async fn changes_up_to(
    store: &dyn Store,
    user: &UserView,
    filters: &FilterQuery,
    set: ChangeSet,
    limit: usize,
    now: DateTime<Utc>,
) -> AppResult<(Scope, Vec<ChangeRow>)> {
    let scope = scope(store, user, filters, now).await?;
    let s = in_scope(store, &scope).await?;
    let rows: Vec<ChangeRow> = if set == ChangeSet::Authorised {
        s.authorised
            .iter()
            .map(|c| ChangeRow {
                number: c.number.clone(),
                title: c.title.clone(),
                kind: c.kind,
                outcome: None,
                at: c.approved_at,
                stores: c.stores.clone(),
                incidents: Vec::new(),
                lead_minutes: Some(lead_minutes(c)),
            })
            .collect()
    } else {
        s.finished
            .iter()
            .filter(|c| holds(set, c, &s.caused))
            .map(|c| ChangeRow {
                number: c.booking.number.clone(),
                title: c.title.clone(),
                kind: c.kind,
                outcome: c.outcome,
                at: c.finished_at,
                stores: c.booking.stores.clone(),
                incidents: s.caused.get(&c.booking.number).cloned().unwrap_or_default(),
                lead_minutes: None,
            })
            .collect()
    };
    Ok((scope, rows.into_iter().take(limit).collect()))
}

/// The changes behind `set`, page `page` (from 1) of `per_page`.
pub async fn changes(
    store: &dyn Store,
    user: &UserView,
    filters: &FilterQuery,
    set: ChangeSet,
    page: u32,
    now: DateTime<Utc>,
) -> AppResult<ChangeList> {
    let per_page = crate::model::TICKETS_PER_PAGE;
    let (scope, rows) = changes_up_to(store, user, filters, set, usize::MAX, now).await?;
    let page = page.max(1);
    let total = rows.len() as u64;
    let items = rows
        .into_iter()
        .skip(((page - 1) * per_page) as usize)
        .take(per_page as usize)
        .collect();
    Ok(ChangeList {
        set,
        filters: filters.pinned(scope.period),
        period: scope.period,
        changes: Page {
            items,
            total,
            page,
            per_page,
        },
    })
}
