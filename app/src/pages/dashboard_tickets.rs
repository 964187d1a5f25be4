//! The tickets behind one dashboard figure: the same set and filters the figure counted,
//! newest first, a page at a time, with a CSV of the whole list.

use super::dashboard::filters_from_url;
use super::when;
use crate::api::dashboard::dashboard_tickets;
use crate::components::error_notice::ErrorNotice;
use crate::components::pager::Pager;
use crate::components::role_gate::{PageFor, RoleGate};
use crate::components::state_badge::{PriorityBadge, StateBadge};
use crate::i18n::report::{set_definition, set_label};
use crate::i18n::{i18n, t, t_with};
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
        <Title text=t("set-title")/>
        <p><a href=move || format!("/dashboard?{}", filters.get().query_string())>{t("set-back")}</a></p>
        <Suspense fallback=|| view! { <p class="loading">{t("set-loading")}</p> }>
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
        ("set-filter-store", &list.filters.store),
        ("set-filter-region", &list.filters.region),
        ("set-filter-category", &list.filters.category),
        ("set-filter-group", &list.filters.group),
        ("set-filter-priority", &list.filters.priority),
        ("set-filter-device", &list.filters.asset),
    ]
    .into_iter()
    .filter_map(|(id, v)| {
        v.as_ref()
            .map(|v| t_with(id, &[("value", v.as_str().into())]))
    })
    .collect();
    view! {
        <h1 class="page-title" data-testid="set-title">{set_label(list.set)}</h1>
        <p class="muted">
            {i18n().period(&list.period)}
            {(!narrowed.is_empty()).then(|| format!(" · {}", narrowed.join(", ")))}
        </p>
        <p class="definition">{set_definition(list.set)}</p>
        <p data-testid="set-total">{t_with("set-total", &[("count", total.into())])}
            " · " <a href=format!("/dashboard/export/tickets.csv?set={set}&{qs}") download="" rel="external">{t("set-csv")}</a>
        </p>
        {if list.tickets.items.is_empty() {
            view! { <div class="empty-state"><p>{t("set-none")}</p></div> }.into_any()
        } else {
            view! {
                <ul class="queue-list">
                    {list.tickets.items.into_iter().map(|ticket| {
                        let place = super::place(&ticket.store, &ticket.asset);
                        view! {
                            <li class="queue-row" data-testid="set-row" data-number=ticket.number.clone()>
                                <PriorityBadge priority=ticket.priority/>
                                <a class="queue-title" href=format!("/requests/{}", ticket.number)>
                                    <span class="request-number">{ticket.number.clone()}</span> " " {ticket.title.clone()}
                                </a>
                                <StateBadge state=ticket.state/>
                                <span class="queue-meta">
                                    {(!place.is_empty()).then(|| view! { <span>{place}</span> })}
                                    <span>{ticket.assignment_group.clone()}</span>
                                    <span>{t_with("set-raised", &[("when", when(&ticket.created_at).into())])}</span>
                                </span>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        <Pager page has_next link/>
    }
}
