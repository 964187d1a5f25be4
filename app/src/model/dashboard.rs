//! The service manager's dashboard as it travels: figures for a period and filters, the tickets
//! behind each figure, and the filter choices (served by `api::dashboard`).

use super::desk::QueueItem;
use super::tickets::Page;
use crate::domain::change::{ChangeKind, ChangeOutcome};
use crate::domain::change_figures::{ChangeFigures, ChangeSet};
use crate::domain::report::{self, AgeBand, Period, TicketSet, TrendBucket};
use crate::domain::sla::show_minutes;
use crate::i18n::{i18n, t, t_with};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Tickets per page in the list behind a figure.
pub const TICKETS_PER_PAGE: u32 = 25;

/// Rows in each "most often" table.
pub const TOP_ROWS: u32 = 10;

/// The dashboard's filters as the URL carries them (every one optional). Server functions
/// receive them as that query string: a struct argument whose fields are all empty would be
/// sent as nothing at all, and refused as missing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FilterQuery {
    pub from: Option<String>,
    pub to: Option<String>,
    pub store: Option<String>,
    pub region: Option<String>,
    pub category: Option<String>,
    pub group: Option<String>,
    pub priority: Option<String>,
    /// Only behind a recurring-fault row: one device.
    pub asset: Option<String>,
}

impl FilterQuery {
    /// The names in URLs, in the order of the fields.
    pub const NAMES: [&'static str; 8] = [
        "from", "to", "store", "region", "category", "group", "priority", "asset",
    ];

    /// Reads a query string as `query_string` writes it.
    #[cfg(feature = "ssr")]
    pub fn parse(query: &str) -> Result<Self, super::AppError> {
        let raw: Self = serde_urlencoded::from_str(query).map_err(|_| {
            super::AppError::invalid_field("_form", crate::i18n::t("error-filters-unreadable"))
        })?;
        Ok(Self::from_pairs(|name| {
            raw.values()[Self::NAMES.iter().position(|n| *n == name)?].clone()
        }))
    }

    pub fn from_pairs(get: impl Fn(&str) -> Option<String>) -> Self {
        let v = |name: &str| get(name).filter(|s| !s.trim().is_empty());
        FilterQuery {
            from: v("from"),
            to: v("to"),
            store: v("store"),
            region: v("region"),
            category: v("category"),
            group: v("group"),
            priority: v("priority"),
            asset: v("asset"),
        }
    }

    fn values(&self) -> [&Option<String>; 8] {
        [
            &self.from,
            &self.to,
            &self.store,
            &self.region,
            &self.category,
            &self.group,
            &self.priority,
            &self.asset,
        ]
    }

    /// `name=value&…` for the filters that are set, URL-encoded.
    pub fn query_string(&self) -> String {
        Self::NAMES
            .iter()
            .zip(self.values())
            .filter_map(|(name, value)| {
                value
                    .as_ref()
                    .map(|v| format!("{name}={}", crate::url::encode(v)))
            })
            .collect::<Vec<_>>()
            .join("&")
    }

    /// The same filters with the period pinned, so links keep meaning what the page showed.
    pub fn pinned(&self, period: Period) -> Self {
        FilterQuery {
            from: Some(period.from.to_string()),
            to: Some(period.to.to_string()),
            ..self.clone()
        }
    }

    /// The link to the changes behind `set` under these filters.
    pub fn changes_link(&self, set: ChangeSet) -> String {
        format!(
            "/dashboard/changes?set={}&{}",
            set.as_str(),
            self.query_string()
        )
    }

    /// The link to the tickets behind `set` under these filters.
    pub fn tickets_link(&self, set: TicketSet) -> String {
        format!(
            "/dashboard/tickets?set={}&{}",
            set.as_str(),
            self.query_string()
        )
    }
}

/// One SLA clock's figures over the tickets whose clock stopped in the period.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClockFigures {
    pub met: u64,
    pub breached: u64,
    /// Resolution only: of those, reopened at least once.
    pub reopened: u64,
    /// Business minutes, nearest-rank median and 90th percentile.
    pub median: Option<i64>,
    pub p90: Option<i64>,
}

impl ClockFigures {
    pub fn stopped(&self) -> u64 {
        self.met + self.breached
    }
}

/// A row of a "most often" table: key (asset tag, store code, article slug, search text), what
/// to call it, and how many.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountRow {
    pub key: String,
    pub label: String,
    pub count: u64,
}

/// The self-service funnel over a period (see `domain::report::DEFLECTION`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeflectionFigures {
    pub searches: u64,
    pub searches_empty: u64,
    /// Form visits where articles were suggested.
    pub suggested: u64,
    pub opened: u64,
    pub solved: u64,
    /// Solved, and the form not sent.
    pub deflected: u64,
    pub submitted_anyway: u64,
    /// Articles by "This solved it", then by opened: (row with `count` = solved, opened).
    pub top_articles: Vec<(CountRow, u64)>,
    /// Searches that found nothing, most asked first.
    pub empty_searches: Vec<CountRow>,
}

/// What the filter form offers.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FilterChoices {
    /// (code, name).
    pub stores: Vec<(String, String)>,
    pub regions: Vec<String>,
    /// (slug, name).
    pub categories: Vec<(String, String)>,
    /// The groups the caller may pick (an agent's own).
    pub groups: Vec<String>,
}

/// Server-rendered SVG charts (markup made on the server from the figures above).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Charts {
    pub trend: String,
    pub stores: String,
    pub ratings: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DashboardView {
    /// The filters as applied, with the period pinned.
    pub filters: FilterQuery,
    pub period: Period,
    pub generated_at: DateTime<Utc>,
    /// For agents: the groups the figures cover.
    pub only_groups: Option<Vec<String>>,
    pub opened: u64,
    pub resolved: u64,
    pub backlog: u64,
    pub overdue: u64,
    /// Open tickets per `AgeBand::ALL`.
    pub backlog_ages: [u64; 5],
    pub response: ClockFigures,
    pub resolution: ClockFigures,
    /// 1 to 5 stars: how many of each.
    pub ratings: [u64; 5],
    pub deflection: DeflectionFigures,
    pub fault_assets: Vec<CountRow>,
    pub fault_stores: Vec<CountRow>,
    pub trend: Vec<TrendBucket>,
    pub charts: Charts,
    /// Change enablement over the period (the store and region filters apply).
    pub changes: ChangeFigures,
}

/// One headline figure, as the page shows it and the summary CSV writes it.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub key: &'static str,
    pub label: String,
    pub value: String,
    pub detail: String,
    /// The tickets behind it, if it counts tickets.
    pub set: Option<TicketSet>,
    /// The changes behind it, if it counts changes.
    pub changes: Option<ChangeSet>,
    pub definition: String,
}

fn minutes(m: Option<i64>) -> String {
    m.map_or_else(|| "–".into(), show_minutes)
}

fn breached_of(breached: u64, total: u64) -> String {
    t_with(
        "figure-breached-of",
        &[("breached", breached.into()), ("total", total.into())],
    )
}

fn within(p90: Option<i64>) -> String {
    t_with("figure-within", &[("time", minutes(p90).into())])
}

/// `part` of `whole` as a percentage with one decimal, as the reader writes it ("33,3 %" in
/// German), or "–" when there is nothing to divide.
fn shown_percent(part: u64, whole: u64) -> String {
    if whole == 0 {
        return "–".into();
    }
    let number = format!("{:.1}", part as f64 * 100.0 / whole as f64);
    t_with(
        "figure-percent",
        &[("number", i18n().decimal(&number).into())],
    )
}

impl DashboardView {
    pub fn ratings_count(&self) -> u64 {
        self.ratings.iter().sum()
    }

    /// Average stars with one decimal, or "–" with no ratings.
    pub fn csat_average(&self) -> String {
        let n = self.ratings_count();
        if n == 0 {
            return "–".into();
        }
        let stars: u64 = self
            .ratings
            .iter()
            .zip(1u64..)
            .map(|(count, stars)| count * stars)
            .sum();
        format!("{:.1}", stars as f64 / n as f64)
    }

    /// The headline figures, in the order the page shows them.
    pub fn figures(&self) -> Vec<Figure> {
        let (rs, rv) = (&self.response, &self.resolution);
        let d = &self.deflection;
        vec![
            Figure {
                key: "opened",
                label: t("figure-opened"),
                value: self.opened.to_string(),
                detail: t("figure-opened-detail"),
                set: Some(TicketSet::Opened),
                changes: None,
                definition: t(TicketSet::Opened.definition()),
            },
            Figure {
                key: "resolved",
                label: t("figure-resolved"),
                value: self.resolved.to_string(),
                detail: t("figure-resolved-detail"),
                set: Some(TicketSet::Resolved),
                changes: None,
                definition: t(TicketSet::Resolved.definition()),
            },
            Figure {
                key: "backlog",
                label: t("figure-backlog"),
                value: self.backlog.to_string(),
                detail: t("figure-backlog-detail"),
                set: Some(TicketSet::Backlog),
                changes: None,
                definition: t(report::BACKLOG),
            },
            Figure {
                key: "overdue",
                label: t("figure-overdue"),
                value: self.overdue.to_string(),
                detail: t("figure-overdue-detail"),
                set: Some(TicketSet::OverdueNow),
                changes: None,
                definition: t(TicketSet::OverdueNow.definition()),
            },
            Figure {
                key: "response_compliance",
                label: t("figure-response-sla"),
                value: shown_percent(rs.met, rs.stopped()),
                detail: breached_of(rs.breached, rs.stopped()),
                set: Some(TicketSet::ResponseBreached),
                changes: None,
                definition: t(report::FIRST_RESPONSE_SLA),
            },
            Figure {
                key: "resolution_compliance",
                label: t("figure-resolution-sla"),
                value: shown_percent(rv.met, rv.stopped()),
                detail: breached_of(rv.breached, rv.stopped()),
                set: Some(TicketSet::ResolutionBreached),
                changes: None,
                definition: t(report::RESOLUTION_SLA),
            },
            Figure {
                key: "first_response_median",
                label: t("figure-response-median"),
                value: minutes(rs.median),
                detail: within(rs.p90),
                set: Some(TicketSet::Responded),
                changes: None,
                definition: t(report::TIME_TO_RESPOND),
            },
            Figure {
                key: "mttr_median",
                label: t("figure-mttr-median"),
                value: minutes(rv.median),
                detail: within(rv.p90),
                set: Some(TicketSet::Resolved),
                changes: None,
                definition: t(report::TIME_TO_RESOLVE),
            },
            Figure {
                key: "reopen_rate",
                label: t("figure-reopen-rate"),
                value: shown_percent(rv.reopened, rv.stopped()),
                detail: t_with(
                    "figure-reopened-of",
                    &[
                        ("reopened", rv.reopened.into()),
                        ("total", rv.stopped().into()),
                    ],
                ),
                set: Some(TicketSet::Reopened),
                changes: None,
                definition: t(report::REOPEN_RATE),
            },
            Figure {
                key: "csat",
                label: t("figure-satisfaction"),
                value: match self.csat_average().as_str() {
                    "–" => "–".into(),
                    avg => t_with(
                        "figure-out-of-five",
                        &[("average", i18n().decimal(avg).into())],
                    ),
                },
                detail: t_with("figure-ratings", &[("count", self.ratings_count().into())]),
                set: Some(TicketSet::Rated(None)),
                changes: None,
                definition: t(report::CSAT),
            },
            Figure {
                key: "deflection_rate",
                label: t("figure-deflection"),
                value: shown_percent(d.deflected, d.suggested),
                detail: t_with(
                    "figure-deflected-of",
                    &[
                        ("deflected", d.deflected.into()),
                        ("total", d.suggested.into()),
                    ],
                ),
                set: None,
                changes: None,
                definition: t(report::DEFLECTION),
            },
            Figure {
                key: "submitted_anyway",
                label: t("figure-sent-anyway"),
                value: d.submitted_anyway.to_string(),
                detail: t("figure-sent-anyway-detail"),
                set: Some(TicketSet::SubmittedAnyway),
                changes: None,
                definition: t(report::DEFLECTION),
            },
            Figure {
                key: "searches",
                label: t("figure-searches"),
                value: d.searches.to_string(),
                detail: t_with(
                    "figure-found-nothing",
                    &[("count", d.searches_empty.into())],
                ),
                set: None,
                changes: None,
                definition: t(report::DEFLECTION),
            },
        ]
    }

    /// The change figures, in the order the page shows them.
    pub fn change_figures(&self) -> Vec<Figure> {
        let c = &self.changes;
        let figure = |key, label: &str, value, detail, set, definition: &str| Figure {
            key,
            label: t(label),
            value,
            detail,
            set: None,
            changes: Some(set),
            definition: t(definition),
        };
        vec![
            figure(
                "change_success_rate",
                "figure-change-success",
                shown_percent(c.successful, c.finished),
                t_with(
                    "figure-change-unsuccessful-of",
                    &[
                        ("unsuccessful", (c.finished - c.successful).into()),
                        ("total", c.finished.into()),
                    ],
                ),
                ChangeSet::Unsuccessful,
                report::CHANGE_SUCCESS,
            ),
            figure(
                "emergency_change_share",
                "figure-change-emergency",
                shown_percent(c.emergency, c.finished),
                t_with(
                    "figure-change-emergency-of",
                    &[
                        ("emergency", c.emergency.into()),
                        ("total", c.finished.into()),
                    ],
                ),
                ChangeSet::Emergency,
                report::EMERGENCY_SHARE,
            ),
            figure(
                "changes_causing_incidents",
                "figure-change-incidents",
                c.caused_incidents.to_string(),
                t_with("figure-change-finished", &[("total", c.finished.into())]),
                ChangeSet::CausedIncidents,
                report::CHANGES_CAUSING_INCIDENTS,
            ),
            figure(
                "approval_lead_time",
                "figure-change-lead-time",
                minutes(c.lead_median),
                t_with(
                    "figure-change-lead-detail",
                    &[
                        ("time", minutes(c.lead_p90).into()),
                        ("count", c.authorised.into()),
                    ],
                ),
                ChangeSet::Authorised,
                report::APPROVAL_LEAD_TIME,
            ),
        ]
    }

    /// The backlog by age, with the set behind each band.
    pub fn backlog_bands(&self) -> Vec<(AgeBand, u64)> {
        AgeBand::ALL.into_iter().zip(self.backlog_ages).collect()
    }
}

/// The tickets behind one figure.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TicketList {
    pub set: TicketSet,
    pub filters: FilterQuery,
    pub period: Period,
    pub tickets: Page<QueueItem>,
}

/// One change behind a change figure.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChangeRow {
    pub number: String,
    pub title: String,
    pub kind: ChangeKind,
    pub outcome: Option<ChangeOutcome>,
    /// When its work ended; for the authorised, when it was approved.
    pub at: DateTime<Utc>,
    pub stores: Vec<String>,
    /// The incidents it may have caused.
    pub incidents: Vec<String>,
    /// Minutes from asking for authorisation to the approval (the authorised only).
    pub lead_minutes: Option<i64>,
}

/// The changes behind one change figure.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChangeList {
    pub set: ChangeSet,
    pub filters: FilterQuery,
    pub period: Period,
    pub changes: Page<ChangeRow>,
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    #[test]
    fn filters_travel_as_a_query_string_and_come_back_the_same() {
        let f = FilterQuery {
            from: Some("2026-11-01".into()),
            store: Some("S012".into()),
            group: Some("Identity & access".into()),
            category: Some("tills+payments".into()),
            ..FilterQuery::default()
        };
        assert_eq!(FilterQuery::parse(&f.query_string()).unwrap(), f);
        assert_eq!(FilterQuery::parse("").unwrap(), FilterQuery::default());
        // Empty values are no filter at all.
        assert_eq!(
            FilterQuery::parse("store=&to=").unwrap(),
            FilterQuery::default()
        );
    }

    #[test]
    fn percentages_say_when_there_is_nothing_to_divide() {
        assert_eq!(shown_percent(1, 3), "33.3%");
        assert_eq!(shown_percent(0, 0), "–");
    }
}
