//! Approvers away: while they are, someone they name decides their approvals in their place
//! (`domain::approval_chain::Delegation`), on requests' and changes' chains alike. A delegation
//! runs over whole days in the approver's own time zone, from the first day's start to the last
//! day's end.

use super::internal;
use super::store::Store;
use crate::domain::approval_chain::Delegation;
use crate::domain::calendar::local_to_utc;
use crate::domain::say::Say;
use crate::i18n::{i18n, t, t_with};
use crate::model::{AppError, AppResult, DelegationView, UserView};
use chrono::{DateTime, Duration, NaiveDate, Utc};

/// The longest absence one delegation covers; a longer one is a new line manager.
pub const MAX_DELEGATION_DAYS: i64 = 92;

/// The reader's delegations that have not ended, soonest first.
pub async fn mine(
    store: &dyn Store,
    user: &UserView,
    now: DateTime<Utc>,
) -> AppResult<Vec<DelegationView>> {
    let delegations = store
        .delegations_from(&user.email.to_lowercase(), now)
        .await
        .map_err(internal)?;
    if delegations.is_empty() {
        return Ok(Vec::new());
    }
    let names = super::approval_runs::names(store).await?;
    Ok(delegations
        .into_iter()
        .map(|d| DelegationView {
            name: names.get(&d.to).cloned().unwrap_or_else(|| d.to.clone()),
            to: d.to,
            starts: d.starts,
            ends: d.ends,
        })
        .collect())
}

/// Lets `to` decide the reader's approvals from `first_day` to `last_day` (dates as a date
/// input sends them, in the reader's zone). Refused beside the field: someone who is not an
/// active person of the portal, the reader themselves, days in the wrong order, in the past,
/// or longer than `MAX_DELEGATION_DAYS`.
pub async fn delegate(
    store: &dyn Store,
    user: &UserView,
    to: &str,
    first_day: &str,
    last_day: &str,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let to = to.trim().to_lowercase();
    let known = store
        .all_people()
        .await
        .map_err(internal)?
        .into_iter()
        .any(|p| p.active && p.email.eq_ignore_ascii_case(&to));
    if !known {
        return Err(AppError::invalid_field("to", t("error-delegate-unknown")));
    }
    let zone: chrono_tz::Tz = crate::i18n::zone()
        .name()
        .parse()
        .unwrap_or(chrono_tz::Tz::UTC);
    let day = |s: &str| {
        NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
            .map_err(|_| AppError::invalid_field("days", t("error-delegate-day")))
    };
    let (first, last) = (day(first_day)?, day(last_day)?);
    let today = now.with_timezone(&zone).date_naive();
    if last < today {
        return Err(AppError::invalid_field("days", t("error-delegate-past")));
    }
    if (last - first).num_days() >= MAX_DELEGATION_DAYS {
        return Err(AppError::invalid_field(
            "days",
            t_with(
                "error-delegate-long",
                &[("days", MAX_DELEGATION_DAYS.into())],
            ),
        ));
    }
    let midnight = |d: NaiveDate| {
        local_to_utc(zone, d.and_hms_opt(0, 0, 0).unwrap_or_default())
            .ok_or_else(|| AppError::invalid_field("days", t("error-delegate-day")))
    };
    let starts = midnight(first)?;
    let ends = midnight(last + Duration::days(1))?;
    let delegation = Delegation::new(&user.email, &to, starts, ends).map_err(|said: Say| {
        let field = match said.id() {
            Some("error-delegate-dates") => "days",
            _ => "to",
        };
        AppError::invalid_field(field, i18n().say(&said))
    })?;
    store
        .add_delegation(&delegation, now)
        .await
        .map_err(internal)?;
    tracing::info!(from = %delegation.from, to = %delegation.to, "approvals delegated");
    Ok(())
}

/// Ends the reader's delegations to `to` now (back early, or changed their mind).
pub async fn end(
    store: &dyn Store,
    user: &UserView,
    to: &str,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let ended = store
        .end_delegations(&user.email.to_lowercase(), &to.trim().to_lowercase(), now)
        .await
        .map_err(internal)?;
    if ended {
        Ok(())
    } else {
        Err(AppError::not_found(t("error-delegate-none")))
    }
}
