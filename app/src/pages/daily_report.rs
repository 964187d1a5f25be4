//! The daily service report: one day's figures (yesterday unless another day is picked), what
//! breached that day, and the same figures as CSV. Plain and printable.

use crate::api::dashboard::{dashboard, dashboard_tickets};
use crate::components::dashboard_parts::{CsvLink, Definitions, FigureGrid};
use crate::components::error_notice::ErrorNotice;
use crate::components::role_gate::{PageFor, RoleGate};
use crate::components::state_badge::PriorityBadge;
use crate::domain::report::TicketSet;
use crate::i18n::{i18n, t, t_with};
use crate::model::FilterQuery;
use chrono::{Duration, NaiveDate, Utc};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn DailyReportPage() -> impl IntoView {
    view! { <RoleGate page_for=PageFor::Desk><DailyReportContent/></RoleGate> }
}

#[component]
fn DailyReportContent() -> impl IntoView {
    let query = use_query_map();
    let day = Memo::new(move |_| {
        query
            .read()
            .get("date")
            .filter(|d| !d.is_empty())
            .unwrap_or_else(|| (Utc::now().date_naive() - Duration::days(1)).to_string())
    });
    let filters = move || {
        FilterQuery {
            from: Some(day.get()),
            to: Some(day.get()),
            ..FilterQuery::default()
        }
        .query_string()
    };
    let figures = Resource::new(filters, dashboard);
    let breached = Resource::new(filters, |f| {
        dashboard_tickets(f, TicketSet::Breached.as_str(), None)
    });
    let shift = move |days: i64| {
        NaiveDate::parse_from_str(&day.get_untracked(), "%Y-%m-%d")
            .map(|d| format!("/dashboard/daily?date={}", d + Duration::days(days)))
            .unwrap_or_else(|_| "/dashboard/daily".into())
    };
    view! {
        <Title text=t("daily-title")/>
        <p class="no-print"><a href="/dashboard">{t("set-back")}</a></p>
        <h1 class="page-title">{t("daily-title")}</h1>
        <form class="dashboard-filters no-print" method="get" action="/dashboard/daily">
            <label>{t("daily-day")} <input type="date" name="date" value=move || day.get()/></label>
            <button type="submit" class="btn btn-secondary">{t("dashboard-show")}</button>
            <a href=move || shift(-1) rel="prev">{t("daily-before")}</a>
            <a href=move || shift(1) rel="next">{t("daily-after")}</a>
        </form>
        <Suspense fallback=|| view! { <p class="loading">{t("dashboard-counting")}</p> }>
            {move || Suspend::new(async move {
                let view = match figures.await {
                    Err(e) => return view! { <ErrorNotice error=e/> }.into_any(),
                    Ok(view) => view,
                };
                let breached = breached.await.ok();
                let qs = view.filters.query_string();
                view! {
                    <p class="period-label" data-testid="period-label">{t_with("daily-utc", &[("period", i18n().period(&view.period).into())])}</p>
                    <FigureGrid figures=view.figures() filters=view.filters.clone()/>
                    <p class="no-print"><CsvLink table="summary" query=qs label=t("daily-csv")/></p>
                    <section class="dashboard-section">
                        <h2>{t("daily-breached")}</h2>
                        {match breached {
                            None => view! { <p class="muted">{t("daily-breached-unavailable")}</p> }.into_any(),
                            Some(list) if list.tickets.items.is_empty() => view! {
                                <p class="empty-state" data-testid="breached-none">{t("daily-no-breaches")}</p>
                            }.into_any(),
                            Some(list) => {
                                let more = list.tickets.has_next().then(|| view! {
                                    <p><a href=list.filters.tickets_link(TicketSet::Breached)>
                                        {t_with("daily-all-breached", &[("count", list.tickets.total.into())])}
                                    </a></p>
                                });
                                view! {
                                    <ul class="plain-list" data-testid="breached-list">
                                        {list.tickets.items.into_iter().map(|t| view! {
                                            <li>
                                                <PriorityBadge priority=t.priority/> " "
                                                <a href=format!("/requests/{}", t.number)>{t.number.clone()}</a>
                                                " " {t.title.clone()} " · " {t.assignment_group.clone()}
                                            </li>
                                        }).collect_view()}
                                    </ul>
                                    {more}
                                }.into_any()
                            }
                        }}
                    </section>
                }.into_any()
            })}
        </Suspense>
        <Definitions/>
    }
}
