//! The changes behind one change figure of the dashboard: the same set, period, store and
//! region the figure counted, oldest first, a page at a time, with a CSV of the whole list.

use super::dashboard::filters_from_url;
use super::when;
use crate::api::dashboard::dashboard_changes;
use crate::components::error_notice::ErrorNotice;
use crate::components::pager::Pager;
use crate::components::role_gate::{PageFor, RoleGate};
use crate::domain::change_figures::ChangeSet;
use crate::domain::sla::show_minutes;
use crate::i18n::{i18n, t, t_with};
use crate::model::{ChangeList, ChangeRow};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn DashboardChangesPage() -> impl IntoView {
    view! { <RoleGate page_for=PageFor::Desk><DashboardChangesContent/></RoleGate> }
}

#[component]
fn DashboardChangesContent() -> impl IntoView {
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
        dashboard_changes(filters, set, page)
    });
    view! {
        <Title text=t("change-set-title")/>
        <p><a href=move || format!("/dashboard?{}", filters.get().query_string())>{t("set-back")}</a></p>
        <Suspense fallback=|| view! { <p class="loading">{t("set-loading")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Err(e) => view! { <ErrorNotice error=e/> }.into_any(),
                    Ok(list) => view! { <ChangeTable list/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ChangeTable(list: ChangeList) -> impl IntoView {
    let qs = list.filters.query_string();
    let set = list.set.as_str();
    let page = list.changes.page;
    let has_next = list.changes.has_next();
    let link = {
        let qs = qs.clone();
        move |n: u32| format!("/dashboard/changes?set={set}&{qs}&page={n}")
    };
    let narrowed: Vec<String> = [
        ("set-filter-store", &list.filters.store),
        ("set-filter-region", &list.filters.region),
    ]
    .into_iter()
    .filter_map(|(id, v)| {
        v.as_ref()
            .map(|v| t_with(id, &[("value", v.as_str().into())]))
    })
    .collect();
    let total = list.changes.total;
    view! {
        <h1 class="page-title" data-testid="set-title">{t_with("change-set-label", &[("set", set.into())])}</h1>
        <p class="muted">
            {i18n().period(&list.period)}
            {(!narrowed.is_empty()).then(|| format!(" · {}", narrowed.join(", ")))}
        </p>
        <p data-testid="set-total">{t_with("change-set-total", &[("count", total.into())])}
            " · " <a href=format!("/dashboard/export/changes.csv?set={set}&{qs}") download="" rel="external" data-testid="csv-changes">{t("set-csv")}</a>
        </p>
        {if list.changes.items.is_empty() {
            view! { <div class="empty-state"><p>{t("change-set-none")}</p></div> }.into_any()
        } else {
            view! {
                <ul class="queue-list">
                    {list.changes.items.into_iter().map(|c| view! { <ChangeLine change=c set=list.set/> }).collect_view()}
                </ul>
            }.into_any()
        }}
        <Pager page has_next link/>
    }
}

#[component]
fn ChangeLine(change: ChangeRow, set: ChangeSet) -> impl IntoView {
    let happened = if set == ChangeSet::Authorised {
        t_with(
            "change-set-authorised",
            &[
                ("when", when(&change.at).into()),
                (
                    "time",
                    show_minutes(change.lead_minutes.unwrap_or(0)).into(),
                ),
            ],
        )
    } else {
        t_with(
            "change-set-finished",
            &[
                ("when", when(&change.at).into()),
                (
                    "outcome",
                    change.outcome.map(|o| o.as_str()).unwrap_or("none").into(),
                ),
            ],
        )
    };
    let incidents = change.incidents.clone();
    view! {
        <li class="queue-row" data-testid="set-row" data-number=change.number.clone()>
            <a class="queue-title" href=format!("/changes/{}", change.number)>
                <span class="request-number">{change.number.clone()}</span> " " {change.title.clone()}
            </a>
            <span class="queue-meta">
                <span>{t_with("change-kind-label", &[("kind", change.kind.as_str().into())])}</span>
                {(!change.stores.is_empty()).then(|| view! { <span>{change.stores.join(", ")}</span> })}
                <span>{happened}</span>
                {(!incidents.is_empty()).then(|| view! {
                    <span data-testid="caused">
                        {t("change-set-incidents")} " "
                        {incidents.into_iter().map(|n| view! { <a href=format!("/requests/{n}")>{n.clone()}</a> " " }).collect_view()}
                    </span>
                })}
            </span>
        </li>
    }
}
