//! The building blocks the dashboard and the daily report share: headline figures with their
//! definitions, count tables whose rows link to tickets, server-drawn charts, CSV links.

use crate::domain::report;
use crate::i18n::t;
use crate::model::{Figure, FilterQuery};
use leptos::prelude::*;

/// The headline figures: value (a link to its tickets or changes when it counts them), a line of
/// detail, and the definition behind a "?" that opens without JavaScript (`<details>`).
#[component]
pub fn FigureGrid(figures: Vec<Figure>, filters: FilterQuery) -> impl IntoView {
    view! {
        <div class="figure-grid">
            {figures.into_iter().map(|fig| {
                let behind = match (fig.set, fig.changes) {
                    (Some(set), _) => Some(filters.tickets_link(set)),
                    (None, Some(set)) => Some(filters.changes_link(set)),
                    (None, None) => None,
                };
                let value = match behind {
                    Some(href) => view! {
                        <a class="figure-value" href=href data-testid="figure-value">{fig.value.clone()}</a>
                    }.into_any(),
                    None => view! { <span class="figure-value" data-testid="figure-value">{fig.value.clone()}</span> }.into_any(),
                };
                let title = fig.definition.clone();
                view! {
                    <div class="figure" data-testid=format!("figure-{}", fig.key) title=title>
                        <span class="figure-label">{fig.label}</span>
                        {value}
                        <span class="figure-detail">{fig.detail.clone()}</span>
                        <details class="figure-help">
                            <summary>{t("dashboard-how-counted")}</summary>
                            <p>{fig.definition}</p>
                        </details>
                    </div>
                }
            }).collect_view()}
        </div>
    }
}

/// A two-column table of counts: (key, label, count, link to what is behind the count).
#[component]
pub fn CountTable(
    testid: &'static str,
    head: (String, String),
    rows: Vec<(String, String, u64, Option<String>)>,
) -> impl IntoView {
    let body = if rows.is_empty() {
        view! { <tr><td colspan="2" class="muted">{t("dashboard-nothing")}</td></tr> }.into_any()
    } else {
        rows.into_iter()
            .map(|(key, label, count, link)| {
                let count = match link {
                    Some(href) => view! { <a href=href>{count}</a> }.into_any(),
                    None => view! { <span>{count}</span> }.into_any(),
                };
                view! {
                    <tr data-key=key>
                        <th scope="row">{label}</th>
                        <td class="num">{count}</td>
                    </tr>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <table class="count-table" data-testid=testid>
            <thead><tr><th scope="col">{head.0}</th><th scope="col" class="num">{head.1}</th></tr></thead>
            <tbody>{body}</tbody>
        </table>
    }
}

/// An SVG chart drawn on the server (it carries its own title and description for screen
/// readers).
#[component]
pub fn Chart(svg: String) -> impl IntoView {
    view! { <div class="chart-frame" inner_html=svg></div> }
}

/// A download of one dashboard table as CSV, under the same filters.
#[component]
pub fn CsvLink(
    table: &'static str,
    query: String,
    /// What the link says; none: "CSV".
    #[prop(optional)]
    label: Option<String>,
) -> impl IntoView {
    let label = label.unwrap_or_else(|| "CSV".to_string());
    view! {
        <a class="csv-link" href=format!("/dashboard/export/{table}.csv?{query}") download=""
           data-testid=format!("csv-{table}") rel="external">{label}</a>
    }
}

/// Every definition the figures follow, in one place.
#[component]
pub fn Definitions() -> impl IntoView {
    let items = [
        (t("definition-period-term"), report::PERIOD),
        (t("definition-breach-term"), report::BREACH),
        (t("figure-response-sla"), report::FIRST_RESPONSE_SLA),
        (t("figure-resolution-sla"), report::RESOLUTION_SLA),
        (
            t("definition-time-to-respond-term"),
            report::TIME_TO_RESPOND,
        ),
        (
            t("definition-time-to-resolve-term"),
            report::TIME_TO_RESOLVE,
        ),
        (t("figure-reopen-rate"), report::REOPEN_RATE),
        (t("figure-backlog"), report::BACKLOG),
        (t("figure-satisfaction"), report::CSAT),
        (t("figure-deflection"), report::DEFLECTION),
        (t("dashboard-recurring"), report::RECURRING_FAULTS),
        (t("figure-change-success"), report::CHANGE_SUCCESS),
        (t("figure-change-emergency"), report::EMERGENCY_SHARE),
        (
            t("figure-change-incidents"),
            report::CHANGES_CAUSING_INCIDENTS,
        ),
        (t("figure-change-lead-time"), report::APPROVAL_LEAD_TIME),
    ];
    view! {
        <details class="definitions" data-testid="definitions">
            <summary>{t("dashboard-definitions")}</summary>
            <dl>
                {items.map(|(term, text)| view! { <dt>{term}</dt><dd>{t(text)}</dd> }).to_vec()}
            </dl>
        </details>
    }
}
