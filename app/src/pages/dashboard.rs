//! The service manager's dashboard: a period and filters (a GET form, so it works and can be
//! bookmarked without JavaScript), the headline figures each linking to its tickets, charts
//! drawn on the server, tables with CSV downloads, and the definitions the figures follow.

use crate::api::dashboard::{dashboard, dashboard_choices};
use crate::components::dashboard_parts::{Chart, CountTable, CsvLink, Definitions, FigureGrid};
use crate::components::error_notice::ErrorNotice;
use crate::components::role_gate::{PageFor, RoleGate};
use crate::domain::priority::Priority;
use crate::domain::report::{Period, TicketSet};
use crate::i18n::report::band_label;
use crate::i18n::{i18n, priority_label, t, t_with};
use crate::model::{DashboardView, FilterQuery};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The dashboard's filters from the page's URL.
pub fn filters_from_url() -> Memo<FilterQuery> {
    let query = use_query_map();
    Memo::new(move |_| {
        let q = query.read();
        FilterQuery::from_pairs(|name| q.get(name))
    })
}

#[component]
pub fn DashboardPage() -> impl IntoView {
    view! { <RoleGate page_for=PageFor::Desk><DashboardContent/></RoleGate> }
}

#[component]
fn DashboardContent() -> impl IntoView {
    let filters = filters_from_url();
    let data = Resource::new(move || filters.get().query_string(), dashboard);
    view! {
        <Title text=t("dashboard-title")/>
        <div class="page-head">
            <h1 class="page-title">{t("dashboard-title")}</h1>
            <a class="btn btn-secondary" href="/dashboard/daily" data-testid="daily-report-link">{t("dashboard-daily-link")}</a>
        </div>
        <FilterForm/>
        <Suspense fallback=|| view! { <p class="loading">{t("dashboard-counting")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Err(e) => view! { <ErrorNotice error=e/> }.into_any(),
                    Ok(view) => view! { <Figures view/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// Quick periods ending today, in days.
const PRESETS: [i64; 5] = [7, 30, 90, 365, 1];

fn preset_label(days: i64) -> String {
    match days {
        1 => t("dashboard-today"),
        365 => t("dashboard-last-year"),
        days => t_with("dashboard-last-days", &[("days", days.into())]),
    }
}

#[component]
fn FilterForm() -> impl IntoView {
    let query = use_query_map();
    let choices = Resource::new(|| (), |_| dashboard_choices());
    let current = move |name: &str| query.read_untracked().get(name).unwrap_or_default();
    let select =
        move |name: &'static str, label: String, any: String, options: Vec<(String, String)>| {
            let picked = current(name);
            view! {
                <label>{label}
                    <select name=name>
                        <option value="" selected=picked.is_empty()>{any}</option>
                        {options.into_iter().map(|(value, text)| {
                            let selected = value == picked;
                            view! { <option value=value selected=selected>{text}</option> }
                        }).collect_view()}
                    </select>
                </label>
            }
        };
    let today = chrono::Utc::now().date_naive();
    let presets = PRESETS.map(|days| {
        let p = Period::recent(today, days);
        let others: Vec<String> = ["store", "region", "category", "group", "priority"]
            .iter()
            .filter_map(|f| {
                let v = current(f);
                (!v.is_empty()).then(|| format!("&{f}={}", crate::url::encode(&v)))
            })
            .collect();
        view! { <a href=format!("/dashboard?from={}&to={}{}", p.from, p.to, others.concat())>{preset_label(days)}</a> }
    });
    view! {
        <form class="dashboard-filters" method="get" action="/dashboard" data-testid="dashboard-filters">
            <label>{t("dashboard-from")} <input type="date" name="from" value=current("from")/></label>
            <label>{t("dashboard-to")} <input type="date" name="to" value=current("to")/></label>
            // Every select waits for the choices together: a Suspense inside a <select> would
            // leave markers the HTML parser moves.
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match choices.await {
                        Err(_) => ().into_any(),
                        Ok(c) => {
                            let same = |v: Vec<String>| v.into_iter().map(|s| (s.clone(), s)).collect::<Vec<_>>();
                            let stores = c.stores.into_iter().map(|(code, name)| (code.clone(), format!("{code} {name}"))).collect();
                            view! {
                                {select("store", t("queue-store"), t("dashboard-all-stores"), stores)}
                                {select("region", t("dashboard-region"), t("dashboard-all-regions"), same(c.regions))}
                                {select("category", t("queue-category"), t("dashboard-all-categories"), c.categories)}
                                {select("group", t("queue-group"), t("dashboard-all-groups"), same(c.groups))}
                            }.into_any()
                        }
                    }
                })}
            </Suspense>
            {select(
                "priority",
                t("queue-priority"),
                t("queue-any"),
                Priority::ALL.map(|p| (p.as_str().to_string(), priority_label(p))).to_vec(),
            )}
            <button type="submit" class="btn btn-primary">{t("dashboard-show")}</button>
            <nav class="presets" aria-label=t("dashboard-periods")>{presets.to_vec()}</nav>
        </form>
    }
}

#[component]
fn Figures(view: DashboardView) -> impl IntoView {
    let f = view.filters.clone();
    let scope_note = view.only_groups.clone().map(|groups| {
        let text = if groups.is_empty() {
            t("dashboard-no-groups")
        } else {
            t_with(
                "dashboard-your-groups",
                &[("groups", groups.join(", ").into())],
            )
        };
        view! { <p class="muted">{text}</p> }
    });
    let backlog: Vec<(String, String, u64, Option<String>)> = view
        .backlog_bands()
        .into_iter()
        .map(|(band, n)| {
            (
                band.as_str().to_string(),
                band_label(band),
                n,
                Some(f.tickets_link(TicketSet::BacklogAged(band))),
            )
        })
        .collect();
    let faults = |rows: &[crate::model::CountRow], by: &str| {
        rows.iter()
            .map(|r| {
                let mut g = f.clone();
                if by == "store" {
                    g.store = Some(r.key.clone());
                } else {
                    g.asset = Some(r.key.clone());
                }
                (
                    r.key.clone(),
                    r.label.clone(),
                    r.count,
                    Some(g.tickets_link(TicketSet::Faults)),
                )
            })
            .collect::<Vec<_>>()
    };
    let stores = faults(&view.fault_stores, "store");
    let assets = faults(&view.fault_assets, "asset");
    let ratings: Vec<(String, String, u64, Option<String>)> = (1..=5u8)
        .rev()
        .map(|n| {
            (
                n.to_string(),
                format!("{n} ★"),
                view.ratings[usize::from(n) - 1],
                Some(f.tickets_link(TicketSet::Rated(Some(n)))),
            )
        })
        .collect();
    let articles: Vec<(String, String, u64, Option<String>)> = view
        .deflection
        .top_articles
        .iter()
        .map(|(r, opened)| {
            (
                r.key.clone(),
                t_with(
                    "dashboard-article-opened",
                    &[
                        ("article", r.label.as_str().into()),
                        ("opened", (*opened).into()),
                    ],
                ),
                r.count,
                Some(format!("/kb/{}", r.key)),
            )
        })
        .collect();
    let empty: Vec<(String, String, u64, Option<String>)> = view
        .deflection
        .empty_searches
        .iter()
        .map(|r| {
            (
                r.key.clone(),
                r.key.clone(),
                r.count,
                Some(format!("/search?q={}", crate::url::encode(&r.key))),
            )
        })
        .collect();
    let d = view.deflection.clone();
    let funnel: Vec<(String, String, u64, Option<String>)> = [
        ("searches", t("funnel-searches"), d.searches, None),
        (
            "searches-empty",
            t("funnel-searches-empty"),
            d.searches_empty,
            None,
        ),
        ("suggested", t("funnel-suggested"), d.suggested, None),
        ("opened", t("funnel-opened"), d.opened, None),
        ("solved", t("funnel-solved"), d.solved, None),
        ("deflected", t("funnel-deflected"), d.deflected, None),
        (
            "submitted",
            t("funnel-submitted"),
            d.submitted_anyway,
            Some(f.tickets_link(TicketSet::SubmittedAnyway)),
        ),
    ]
    .into_iter()
    .map(|(k, label, n, link)| (k.to_string(), label, n, link))
    .collect();
    let qs = f.query_string();
    view! {
        <p class="period-label" data-testid="period-label">
            {i18n().period(&view.period)} " " <span class="muted">"· " {t_with("dashboard-counted", &[("when", crate::pages::when(&view.generated_at).into())])}</span>
        </p>
        {scope_note}
        <FigureGrid figures=view.figures() filters=f.clone()/>
        <p><CsvLink table="summary" query=qs.clone() label=t("dashboard-csv-figures")/></p>

        <section class="dashboard-section" data-testid="change-figures">
            <h2>{t("dashboard-changes")}</h2>
            <p class="muted">{t("dashboard-changes-scope")}</p>
            <FigureGrid figures=view.change_figures() filters=f.clone()/>
        </section>

        <section class="dashboard-section">
            <h2>{t("dashboard-trend")}</h2>
            <Chart svg=view.charts.trend.clone()/>
            <p><CsvLink table="trend" query=qs.clone() label=t("dashboard-csv-trend")/></p>
        </section>

        <div class="dashboard-columns">
            <section class="dashboard-section">
                <h2>{t("dashboard-backlog-by-age")}</h2>
                <CountTable testid="backlog-table" head=(t("dashboard-age"), t("dashboard-open")) rows=backlog/>
                <p><CsvLink table="backlog" query=qs.clone()/></p>
            </section>
            <section class="dashboard-section">
                <h2>{t("dashboard-satisfaction")}</h2>
                <Chart svg=view.charts.ratings.clone()/>
                <CountTable testid="ratings-table" head=(t("dashboard-stars"), t("dashboard-ratings")) rows=ratings/>
                <p><CsvLink table="ratings" query=qs.clone()/></p>
            </section>
        </div>

        <section class="dashboard-section">
            <h2>{t("dashboard-recurring")}</h2>
            <Chart svg=view.charts.stores.clone()/>
            <div class="dashboard-columns">
                <div>
                    <h3>{t("dashboard-by-store")}</h3>
                    <CountTable testid="stores-table" head=(t("queue-store"), t("dashboard-incidents")) rows=stores/>
                    <p><CsvLink table="stores" query=qs.clone()/></p>
                </div>
                <div>
                    <h3>{t("dashboard-by-device")}</h3>
                    <CountTable testid="assets-table" head=(t("dashboard-device"), t("dashboard-incidents")) rows=assets/>
                    <p><CsvLink table="assets" query=qs.clone()/></p>
                </div>
            </div>
        </section>

        <section class="dashboard-section">
            <h2>{t("dashboard-self-service")}</h2>
            <p class="muted">{t("dashboard-self-service-note")}</p>
            <div class="dashboard-columns">
                <div>
                    <h3>{t("dashboard-funnel")}</h3>
                    <CountTable testid="funnel-table" head=(t("dashboard-step"), t("dashboard-count")) rows=funnel/>
                </div>
                {if view.only_groups.is_some() {
                    view! {
                        <div data-testid="self-service-for-managers">
                            <p class="muted">{t("dashboard-for-managers")}</p>
                        </div>
                    }.into_any()
                } else {
                    view! {
                        <div>
                            <h3>{t("dashboard-top-articles")}</h3>
                            <CountTable testid="articles-table" head=(t("dashboard-article"), t("dashboard-solved-it")) rows=articles/>
                            <p><CsvLink table="articles" query=qs.clone()/></p>
                            <h3>{t("dashboard-empty-searches")}</h3>
                            <CountTable testid="empty-searches-table" head=(t("dashboard-search"), t("dashboard-times")) rows=empty/>
                            <p><CsvLink table="empty-searches" query=qs.clone()/></p>
                        </div>
                    }.into_any()
                }}
            </div>
        </section>
        <Definitions/>
    }
}
