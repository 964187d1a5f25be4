//! The tickets behind one dashboard figure: the same set and filters the figure counted,
//! newest first, a page at a time, with a CSV of the whole list.

use super::dashboard::filters_from_url;
use super::when;
use crate::api::dashboard::dashboard_tickets;
use crate::components::error_notice::ErrorNotice;
use crate::components::role_gate::{PageFor, RoleGate};
use crate::components::state_badge::{PriorityBadge, StateBadge};
use crate::model::TicketList;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn DashboardTicketsPage() -> impl IntoView {
    view! { <RoleGate page_for=PageFor::Desk><DashboardTicketsContent/></RoleGate> }
}

#[component]
fn DashboardTicketsContent() -> impl IntoView {
    let query = use_query_map();
    let filters = filters_from_url();
    let args = move || {
        let q = query.read();
        (
            filters.get().query_string(),
            q.get("set").unwrap_or_default(),
            q.get("page").and_then(|p| p.parse::<u32>().ok()),
        )
    };
    let data = Resource::new(args, |(filters, set, page)| {
        dashboard_tickets(filters, set, page)
    });
    view! {
        <Title text="Tickets behind a figure"/>
        <p><a href=move || format!("/dashboard?{}", filters.get().query_string())>"← Dashboard"</a></p>
        <Suspense fallback=|| view! { <p class="loading">"Loading the tickets…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Err(e) => view! { <ErrorNotice error=e/> }.into_any(),
                    Ok(list) => view! { <TicketTable list/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn TicketTable(list: TicketList) -> impl IntoView {
    let qs = list.filters.query_string();
    let set = list.set.as_str();
    let page = list.tickets.page;
    let has_next = list.tickets.has_next();
    let link = {
        let qs = qs.clone();
        let set = set.clone();
        move |n: u32| format!("/dashboard/tickets?set={set}&{qs}&page={n}")
    };
    let total = list.tickets.total;
    let narrowed: Vec<String> = [
        ("store", &list.filters.store),
        ("region", &list.filters.region),
        ("category", &list.filters.category),
        ("group", &list.filters.group),
        ("priority", &list.filters.priority),
        ("device", &list.filters.asset),
    ]
    .into_iter()
    .filter_map(|(name, v)| v.as_ref().map(|v| format!("{name} {v}")))
    .collect();
    view! {
        <h1 class="page-title" data-testid="set-title">{list.set.label()}</h1>
        <p class="muted">
            {list.period.label()}
            {(!narrowed.is_empty()).then(|| format!(" · {}", narrowed.join(", ")))}
        </p>
        <p class="definition">{list.set.definition()}</p>
        <p data-testid="set-total">{format!("{total} ticket{}", if total == 1 { "" } else { "s" })}
            " · " <a href=format!("/dashboard/export/tickets.csv?set={set}&{qs}") download="" rel="external">"Download as CSV"</a>
        </p>
        {if list.tickets.items.is_empty() {
            view! { <div class="empty-state"><p>"No tickets behind this figure."</p></div> }.into_any()
        } else {
            view! {
                <ul class="queue-list">
                    {list.tickets.items.into_iter().map(|t| {
                        let place = super::place(&t.store, &t.asset);
                        view! {
                            <li class="queue-row" data-testid="set-row" data-number=t.number.clone()>
                                <PriorityBadge priority=t.priority/>
                                <a class="queue-title" href=format!("/requests/{}", t.number)>
                                    <span class="request-number">{t.number.clone()}</span> " " {t.title.clone()}
                                </a>
                                <StateBadge state=t.state/>
                                <span class="queue-meta">
                                    {(!place.is_empty()).then(|| view! { <span>{place}</span> })}
                                    <span>{t.assignment_group.clone()}</span>
                                    <span>"Raised " {when(&t.created_at)}</span>
                                </span>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        <nav class="pagination" aria-label="Pages">
            {(page > 1).then(|| view! { <a href=link(page - 1) rel="prev">"← Previous"</a> })}
            <span class="page-info">{format!("Page {page}")}</span>
            {has_next.then(|| view! { <a href=link(page + 1) rel="next">"Next →"</a> })}
        </nav>
    }
}
