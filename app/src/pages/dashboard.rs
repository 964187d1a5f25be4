//! The service manager's dashboard: a period and filters (a GET form, so it works and can be
//! bookmarked without JavaScript), the headline figures each linking to its tickets, charts
//! drawn on the server, tables with CSV downloads, and the definitions the figures follow.

use crate::api::dashboard::{dashboard, dashboard_choices};
use crate::components::dashboard_parts::{Chart, CountTable, CsvLink, Definitions, FigureGrid};
use crate::components::error_notice::ErrorNotice;
use crate::components::role_gate::{PageFor, RoleGate};
use crate::domain::priority::Priority;
use crate::domain::report::{Period, TicketSet};
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
        <Title text="Dashboard"/>
        <div class="page-head">
            <h1 class="page-title">"Dashboard"</h1>
            <a class="btn btn-secondary" href="/dashboard/daily" data-testid="daily-report-link">"Daily report"</a>
        </div>
        <FilterForm/>
        <Suspense fallback=|| view! { <p class="loading">"Counting…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Err(e) => view! { <ErrorNotice error=e/> }.into_any(),
                    Ok(view) => view! { <Figures view/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// Quick periods ending today.
const PRESETS: [(&str, i64); 5] = [
    ("Last 7 days", 7),
    ("Last 30 days", 30),
    ("Last 90 days", 90),
    ("Last 12 months", 365),
    ("Today", 1),
];

#[component]
fn FilterForm() -> impl IntoView {
    let query = use_query_map();
    let choices = Resource::new(|| (), |_| dashboard_choices());
    let current = move |name: &str| query.read_untracked().get(name).unwrap_or_default();
    let select = move |name: &'static str,
                       label: &'static str,
                       any: &'static str,
                       options: Vec<(String, String)>| {
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
    let presets = PRESETS.map(|(label, days)| {
        let p = Period::recent(today, days);
        let others: Vec<String> = ["store", "region", "category", "group", "priority"]
            .iter()
            .filter_map(|f| {
                let v = current(f);
                (!v.is_empty()).then(|| format!("&{f}={}", crate::url::encode(&v)))
            })
            .collect();
        view! { <a href=format!("/dashboard?from={}&to={}{}", p.from, p.to, others.concat())>{label}</a> }
    });
    view! {
        <form class="dashboard-filters" method="get" action="/dashboard" data-testid="dashboard-filters">
            <label>"From" <input type="date" name="from" value=current("from")/></label>
            <label>"To" <input type="date" name="to" value=current("to")/></label>
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
                                {select("store", "Store", "All stores", stores)}
                                {select("region", "Region", "All regions", same(c.regions))}
                                {select("category", "Category", "All categories", c.categories)}
                                {select("group", "Group", "All groups", same(c.groups))}
                            }.into_any()
                        }
                    }
                })}
            </Suspense>
            {select(
                "priority",
                "Priority",
                "Any",
                Priority::ALL.map(|p| (p.as_str().to_string(), p.label().to_string())).to_vec(),
            )}
            <button type="submit" class="btn btn-primary">"Show"</button>
            <nav class="presets" aria-label="Periods">{presets.to_vec()}</nav>
        </form>
    }
}

#[component]
fn Figures(view: DashboardView) -> impl IntoView {
    let f = view.filters.clone();
    let scope_note = view.only_groups.clone().map(|groups| {
        let text = if groups.is_empty() {
            "You work in no assignment group yet, so there is nothing to count.".to_string()
        } else {
            format!("Figures for your groups: {}.", groups.join(", "))
        };
        view! { <p class="muted">{text}</p> }
    });
    let backlog: Vec<(String, String, u64, Option<String>)> = view
        .backlog_bands()
        .into_iter()
        .map(|(band, n)| {
            (
                band.as_str().to_string(),
                band.label().to_string(),
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
                format!("{} (opened {opened})", r.label),
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
        ("searches", "Knowledge searches", d.searches, None),
        (
            "searches-empty",
            "… that found nothing",
            d.searches_empty,
            None,
        ),
        (
            "suggested",
            "Form visits with suggested articles",
            d.suggested,
            None,
        ),
        ("opened", "… where an article was opened", d.opened, None),
        ("solved", "… where one solved it", d.solved, None),
        (
            "deflected",
            "… and no ticket was sent (deflected)",
            d.deflected,
            None,
        ),
        (
            "submitted",
            "… and a ticket was sent anyway",
            d.submitted_anyway,
            Some(f.tickets_link(TicketSet::SubmittedAnyway)),
        ),
    ]
    .into_iter()
    .map(|(k, l, n, link)| (k.to_string(), l.to_string(), n, link))
    .collect();
    let qs = f.query_string();
    view! {
        <p class="period-label" data-testid="period-label">
            {view.period.label()} <span class="muted">" · UTC days · counted "{crate::pages::when(&view.generated_at)}</span>
        </p>
        {scope_note}
        <FigureGrid figures=view.figures() filters=f.clone()/>
        <p><CsvLink table="summary" query=qs.clone() label="Download these figures (CSV)"/></p>

        <section class="dashboard-section">
            <h2>"Trend"</h2>
            <Chart svg=view.charts.trend.clone()/>
            <p><CsvLink table="trend" query=qs.clone() label="Trend as CSV"/></p>
        </section>

        <div class="dashboard-columns">
            <section class="dashboard-section">
                <h2>"Backlog by age"</h2>
                <CountTable testid="backlog-table" head=("Age", "Open") rows=backlog/>
                <p><CsvLink table="backlog" query=qs.clone() label="CSV"/></p>
            </section>
            <section class="dashboard-section">
                <h2>"Satisfaction"</h2>
                <Chart svg=view.charts.ratings.clone()/>
                <CountTable testid="ratings-table" head=("Stars", "Ratings") rows=ratings/>
                <p><CsvLink table="ratings" query=qs.clone() label="CSV"/></p>
            </section>
        </div>

        <section class="dashboard-section">
            <h2>"Recurring faults"</h2>
            <Chart svg=view.charts.stores.clone()/>
            <div class="dashboard-columns">
                <div>
                    <h3>"By store"</h3>
                    <CountTable testid="stores-table" head=("Store", "Incidents") rows=stores/>
                    <p><CsvLink table="stores" query=qs.clone() label="CSV"/></p>
                </div>
                <div>
                    <h3>"By device"</h3>
                    <CountTable testid="assets-table" head=("Device", "Incidents") rows=assets/>
                    <p><CsvLink table="assets" query=qs.clone() label="CSV"/></p>
                </div>
            </div>
        </section>

        <section class="dashboard-section">
            <h2>"Self-service"</h2>
            <p class="muted">"Deflection and searches follow the period only: they belong to no store or group."</p>
            <div class="dashboard-columns">
                <div>
                    <h3>"The funnel"</h3>
                    <CountTable testid="funnel-table" head=("Step", "Count") rows=funnel/>
                </div>
                {if view.only_groups.is_some() {
                    view! {
                        <div data-testid="self-service-for-managers">
                            <p class="muted">"Which articles helped and what people searched for in vain (their own words) is for the IT service manager."</p>
                        </div>
                    }.into_any()
                } else {
                    view! {
                        <div>
                            <h3>"Articles that solve it most"</h3>
                            <CountTable testid="articles-table" head=("Article", "Solved it") rows=articles/>
                            <p><CsvLink table="articles" query=qs.clone() label="CSV"/></p>
                            <h3>"Searches that found nothing"</h3>
                            <CountTable testid="empty-searches-table" head=("Search", "Times") rows=empty/>
                            <p><CsvLink table="empty-searches" query=qs.clone() label="CSV"/></p>
                        </div>
                    }.into_any()
                }}
            </div>
        </section>
        <Definitions/>
    }
}
