//! The dashboard's figures put together for one caller: who may see what (managers and admins
//! every group, agents their own, nobody else), the filters checked, and every figure asked of
//! the database for one fixed "now".

use super::dashboard_store::{CountRow, Scope};
use super::internal;
use super::store::Store;
use crate::domain::priority::Priority;
use crate::domain::report::{self, Period, TicketSet};
use crate::domain::ticket_sla::Clock;
use crate::i18n::{i18n, t, t_with, Arg};
use crate::model::{AppError, Page, QueueItem, Role, UserView};
use crate::model::{
    Charts, DashboardView, DeflectionFigures, FilterChoices, FilterQuery, TicketList,
    TICKETS_PER_PAGE, TOP_ROWS,
};
use chrono::{DateTime, Utc};

type AppResult<T> = Result<T, AppError>;

/// Longest filter value accepted (store codes, regions, slugs and group names are short).
const MAX_FILTER_CHARS: usize = 100;

/// The groups whose figures `user` may see: `None` for every group.
async fn visible_groups(store: &dyn Store, user: &UserView) -> AppResult<Option<Vec<String>>> {
    match user.role {
        Role::Manager | Role::Admin => Ok(None),
        Role::Agent => Ok(Some(store.groups_of(user.id).await.map_err(internal)?)),
        _ => Err(AppError::forbidden(t("error-dashboard-desk-only"))),
    }
}

/// Checks the filters and turns them into the scope the figures are counted in.
pub async fn scope(
    store: &dyn Store,
    user: &UserView,
    filters: &FilterQuery,
    now: DateTime<Utc>,
) -> AppResult<Scope> {
    let groups = visible_groups(store, user).await?;
    let period = Period::parse(
        filters.from.as_deref(),
        filters.to.as_deref(),
        now.date_naive(),
    )
    .map_err(|(field, message)| AppError::invalid_field(field, i18n().say(&message)))?;
    let text = |field: &str, value: &Option<String>| -> AppResult<Option<String>> {
        match value.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
            None => Ok(None),
            Some(v) if v.chars().count() > MAX_FILTER_CHARS => Err(AppError::invalid_field(
                field,
                t_with(
                    "error-filter-too-long",
                    &[("max", Arg::count(MAX_FILTER_CHARS))],
                ),
            )),
            Some(v) => Ok(Some(v.to_string())),
        }
    };
    let group = text("group", &filters.group)?;
    if let (Some(group), Some(mine)) = (&group, &groups) {
        if !mine.contains(group) {
            return Err(AppError::invalid_field(
                "group",
                t("error-dashboard-own-groups"),
            ));
        }
    }
    let priority =
        match text("priority", &filters.priority)? {
            None => None,
            Some(p) => Some(Priority::parse(&p).ok_or_else(|| {
                AppError::invalid_field("priority", t("error-pick-priority-list"))
            })?),
        };
    Ok(Scope {
        period,
        now,
        groups,
        store: text("store", &filters.store)?.map(|s| s.to_uppercase()),
        region: text("region", &filters.region)?,
        category: text("category", &filters.category)?,
        group,
        priority,
        asset: text("asset", &filters.asset)?.map(|s| s.to_uppercase()),
    })
}

/// The self-service tables name articles and quote what people typed into the search box
/// (their own words, sometimes about themselves): for managers and admins, whose figures cover
/// every group. Agents keep the funnel's counts.
fn only_for_managers(mut figures: DeflectionFigures, scope: &Scope) -> DeflectionFigures {
    if scope.groups.is_some() {
        figures.top_articles.clear();
        figures.empty_searches.clear();
    }
    figures
}

/// Every figure of the dashboard for `filters`.
pub async fn load(
    store: &dyn Store,
    user: &UserView,
    filters: &FilterQuery,
    now: DateTime<Utc>,
) -> AppResult<DashboardView> {
    let scope = scope(store, user, filters, now).await?;
    let s = &scope;
    // Independent aggregate queries, asked together: the pool runs them on several
    // connections (SQLite readers do not block each other in WAL mode), and the page waits
    // for the slowest rather than for their sum.
    let (
        resolution,
        response,
        opened_days,
        resolved_days,
        backlog_ages,
        overdue,
        ratings,
        deflection,
        faults,
        changes,
    ) = tokio::join!(
        store.clock_figures(s, Clock::Resolution),
        store.clock_figures(s, Clock::Response),
        store.per_day(s, TicketSet::Opened),
        store.per_day(s, TicketSet::Resolved),
        store.backlog_ages(s),
        store.count_set(s, TicketSet::OverdueNow),
        store.ratings(s),
        store.deflection(s.period, TOP_ROWS),
        store.fault_counts(s),
        super::change_figures::figures(store, s),
    );
    let e = internal;
    let (opened_days, resolved_days) = (opened_days.map_err(e)?, resolved_days.map_err(e)?);
    let backlog_ages = backlog_ages.map_err(e)?;
    let faults = faults.map_err(e)?;
    let mut view = DashboardView {
        filters: filters.pinned(scope.period),
        period: scope.period,
        generated_at: now,
        only_groups: scope.groups.clone(),
        opened: opened_days.iter().map(|(_, n)| n).sum(),
        resolved: resolved_days.iter().map(|(_, n)| n).sum(),
        backlog: backlog_ages.iter().sum(),
        overdue: overdue.map_err(e)?,
        backlog_ages,
        response: response.map_err(e)?,
        resolution: resolution.map_err(e)?,
        ratings: ratings.map_err(e)?,
        deflection: only_for_managers(deflection.map_err(e)?, &scope),
        fault_assets: most(
            faults
                .iter()
                .filter_map(|f| Some((f.asset.clone()?, f.asset_name.clone(), f.count))),
        ),
        fault_stores: most(
            faults
                .iter()
                .filter_map(|f| Some((f.store.clone()?, f.store_name.clone(), f.count))),
        ),
        trend: report::trend(scope.period, &opened_days, &resolved_days),
        charts: Charts::default(),
        changes: changes?,
    };
    view.charts = charts(&view);
    Ok(view)
}

/// The `TOP_ROWS` keys with the most incidents, adding up the rows of each key, most first
/// (ties by key).
fn most(rows: impl Iterator<Item = (String, Option<String>, u64)>) -> Vec<CountRow> {
    let mut by_key: std::collections::BTreeMap<String, CountRow> = Default::default();
    for (key, label, count) in rows {
        let row = by_key.entry(key.clone()).or_insert_with(|| CountRow {
            key,
            label: label.unwrap_or_default(),
            count: 0,
        });
        row.count += count;
    }
    let mut rows: Vec<CountRow> = by_key.into_values().collect();
    rows.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key)));
    rows.truncate(TOP_ROWS as usize);
    rows
}

/// The charts, drawn on the server as SVG so they show before (and without) the wasm.
fn charts(view: &DashboardView) -> Charts {
    use super::charts::{bars_svg, trend_svg, Series};
    let i18n = i18n();
    // A week's bar is named by its first day ("w/c 3 Nov"), a day's by the day.
    let weekly = view.period.days() > report::DAILY_TREND_MAX_DAYS;
    let labels: Vec<String> = view
        .trend
        .iter()
        .map(|b| {
            let day = i18n.day_month(&b.from);
            if weekly {
                i18n.t_with("chart-week-of", &[("date", day.into())])
            } else {
                day
            }
        })
        .collect();
    let series = [
        Series {
            name: t("chart-opened"),
            values: view.trend.iter().map(|b| b.opened as i64).collect(),
        },
        Series {
            name: t("chart-resolved"),
            values: view.trend.iter().map(|b| b.resolved as i64).collect(),
        },
    ];
    let stores: Vec<(String, i64)> = view
        .fault_stores
        .iter()
        .map(|r| (format!("{} {}", r.key, r.label), r.count as i64))
        .collect();
    let ratings: Vec<(String, i64)> = (1..=5)
        .rev()
        .map(|stars| {
            (
                t_with("chart-stars", &[("count", Arg::count(stars))]),
                view.ratings[stars - 1] as i64,
            )
        })
        .collect();
    Charts {
        trend: trend_svg(&t("chart-trend"), &labels, &series),
        stores: bars_svg(&t("chart-stores"), &stores),
        ratings: bars_svg(&t("chart-ratings"), &ratings),
    }
}

/// The tickets behind one figure, a page at a time.
pub async fn tickets(
    store: &dyn Store,
    user: &UserView,
    filters: &FilterQuery,
    set: TicketSet,
    page: u32,
    now: DateTime<Utc>,
) -> AppResult<TicketList> {
    let offset = u64::from(page - 1) * u64::from(TICKETS_PER_PAGE);
    list(
        store,
        user,
        filters,
        set,
        (page, offset, TICKETS_PER_PAGE),
        now,
    )
    .await
}

/// The first `limit` tickets behind one figure (for a download).
pub async fn tickets_up_to(
    store: &dyn Store,
    user: &UserView,
    filters: &FilterQuery,
    set: TicketSet,
    limit: u32,
    now: DateTime<Utc>,
) -> AppResult<TicketList> {
    list(store, user, filters, set, (1, 0, limit), now).await
}

async fn list(
    store: &dyn Store,
    user: &UserView,
    filters: &FilterQuery,
    set: TicketSet,
    (page, offset, limit): (u32, u64, u32),
    now: DateTime<Utc>,
) -> AppResult<TicketList> {
    let scope = scope(store, user, filters, now).await?;
    let total = store.count_set(&scope, set).await.map_err(internal)?;
    let rows = store
        .list_set(&scope, set, offset, limit)
        .await
        .map_err(internal)?;
    Ok(TicketList {
        set,
        filters: filters.pinned(scope.period),
        period: scope.period,
        tickets: Page {
            items: rows.into_iter().map(QueueItem::from).collect(),
            page,
            per_page: limit,
            total,
        },
    })
}

/// What the filter form offers `user`: an agent's group list is their own groups.
pub async fn choices(store: &dyn Store, user: &UserView) -> AppResult<FilterChoices> {
    let groups = visible_groups(store, user).await?;
    let mut choices = store.filter_choices().await.map_err(internal)?;
    if let Some(mine) = groups {
        choices.groups = mine;
    }
    Ok(choices)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn most_adds_up_each_key_and_keeps_the_largest() {
        let rows = vec![
            ("S027".to_string(), Some("Bristol".to_string()), 2),
            ("S012".to_string(), Some("Leeds".to_string()), 3),
            ("S027".to_string(), Some("Bristol".to_string()), 4),
            ("S045".to_string(), None, 3),
        ];
        let top = most(rows.into_iter());
        let got: Vec<(&str, &str, u64)> = top
            .iter()
            .map(|r| (r.key.as_str(), r.label.as_str(), r.count))
            .collect();
        assert_eq!(
            got,
            [
                ("S027", "Bristol", 6),
                ("S012", "Leeds", 3),
                ("S045", "", 3)
            ]
        );
        let many = (0..25).map(|i| (format!("A{i:02}"), None, 1));
        assert_eq!(most(many).len(), TOP_ROWS as usize);
    }
}
