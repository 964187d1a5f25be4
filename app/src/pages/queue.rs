//! The agent queue: tickets of the agent's groups, the one that breaches first at the top.
//! Filters are a GET form, so the page works (and can be bookmarked) without JavaScript.

use super::when;
use crate::api::desk::{agent_queue, my_groups};
use crate::components::error_notice::ErrorNotice;
use crate::components::role_gate::{PageFor, RoleGate};
use crate::components::state_badge::{PriorityBadge, StateBadge};
use crate::domain::priority::Priority;
use crate::domain::TicketState;
use crate::i18n::{priority_label, state_label, t, t_with};
use crate::model::{queue_count_cap, Page, QueueItem};
use crate::url::encode;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The filter names, as in the URL and the `queue` server function.
const FILTERS: [&str; 6] = [
    "group", "state", "priority", "store", "category", "assignee",
];

/// States an agent filters by (closed, rejected and cancelled tickets leave the queue).
const OPEN_STATES: [TicketState; 5] = [
    TicketState::New,
    TicketState::InProgress,
    TicketState::AwaitingUser,
    TicketState::AwaitingApproval,
    TicketState::Resolved,
];

/// How long until the next SLA clock breaches, in wall-clock time, as the queue shows it, and a
/// class for its colour. `None`: no clock is running (paused while waiting for the requester).
pub fn time_to_breach(due: Option<DateTime<Utc>>, now: DateTime<Utc>) -> (String, &'static str) {
    let Some(due) = due else {
        return (t("queue-clock-paused"), "sla-paused");
    };
    let minutes = (due - now).num_minutes();
    // Wall-clock time, so past a day it says days (an SLA's business minutes never do).
    let span = |m: i64| match m / (60 * 24) {
        0 => crate::domain::sla::show_minutes(m),
        days => t_with(
            "duration-days-hours",
            &[("days", days.into()), ("hours", (m / 60 % 24).into())],
        ),
    };
    if due <= now {
        let time = span((now - due).num_minutes());
        (
            t_with("queue-breached-ago", &[("time", time.into())]),
            "sla-breached",
        )
    } else {
        let class = if minutes < 60 { "sla-soon" } else { "sla-ok" };
        let time = span(minutes);
        (t_with("queue-breaches-in", &[("time", time.into())]), class)
    }
}

#[component]
pub fn QueuePage() -> impl IntoView {
    view! { <RoleGate page_for=PageFor::Desk><QueueContent/></RoleGate> }
}

#[component]
fn QueueContent() -> impl IntoView {
    let query = use_query_map();
    let args = move || {
        let q = query.read();
        let filters = FILTERS.map(|f| q.get(f).filter(|v| !v.is_empty()));
        let page = q.get("page").and_then(|p| p.parse::<u32>().ok());
        (filters, page)
    };
    let data = Resource::new(
        args,
        |([group, state, priority, store, category, assignee], page)| {
            agent_queue(group, state, priority, store, category, assignee, page)
        },
    );
    view! {
        <Title text=t("queue-title")/>
        <h1 class="page-title">{t("queue-title")}</h1>
        <FilterForm/>
        <Suspense fallback=|| view! { <p class="loading">{t("queue-loading")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Err(e) => view! { <ErrorNotice error=e/> }.into_any(),
                    Ok(page) => view! { <QueueList page/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn FilterForm() -> impl IntoView {
    let query = use_query_map();
    let groups = Resource::new(|| (), |_| my_groups());
    let current = move |name: &str| query.read_untracked().get(name).unwrap_or_default();
    let option = move |name: &'static str, value: &'static str, label: String| {
        let selected = current(name) == value;
        view! { <option value=value selected=selected>{label}</option> }
    };
    view! {
        <form class="queue-filters" method="get" action="/desk" data-testid="queue-filters">
            // The whole select waits for the groups: a Suspense inside a <select> would leave
            // markers the HTML parser moves, and hydration would not find them.
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let picked = current("group");
                    let groups = groups.await.unwrap_or_default();
                    view! {
                        <label>{t("queue-group")}
                            <select name="group">
                                {option("group", "", t("queue-all-mine"))}
                                {groups.into_iter().map(|g| {
                                    let selected = g == picked;
                                    view! { <option value=g.clone() selected=selected>{g.clone()}</option> }
                                }).collect_view()}
                            </select>
                        </label>
                    }
                })}
            </Suspense>
            <label>{t("queue-state")}
                <select name="state">
                    {option("state", "", t("queue-any-open"))}
                    {OPEN_STATES.map(|s| option("state", s.as_str(), state_label(s))).collect_view()}
                </select>
            </label>
            <label>{t("queue-priority")}
                <select name="priority">
                    {option("priority", "", t("queue-any"))}
                    {Priority::ALL.map(|p| option("priority", p.as_str(), priority_label(p))).collect_view()}
                </select>
            </label>
            <label>{t("queue-store")}
                <input name="store" type="text" inputmode="text" placeholder=t("queue-store-example") size="6" value=current("store")/>
            </label>
            <label>{t("queue-category")}
                <input name="category" type="text" placeholder=t("queue-category-example") size="10" value=current("category")/>
            </label>
            <label>{t("queue-assignee")}
                <select name="assignee">
                    {option("assignee", "", t("queue-anyone"))}
                    {option("assignee", "me", t("queue-me"))}
                    {option("assignee", "none", t("queue-nobody-yet"))}
                </select>
            </label>
            <button type="submit" class="btn btn-secondary">{t("queue-filter")}</button>
        </form>
    }
}

#[component]
fn QueueList(page: Page<QueueItem>) -> impl IntoView {
    let query = use_query_map();
    crate::i18n::keep_close();
    if page.items.is_empty() {
        let filtered = FILTERS
            .iter()
            .any(|f| query.read_untracked().get(f).is_some_and(|v| !v.is_empty()));
        return view! {
            <div class="empty-state" data-testid="queue-empty">
                {if filtered {
                    view! { <p>{t("queue-nothing-matches")} " " <a href="/desk">{t("queue-show-all")}</a></p> }.into_any()
                } else {
                    view! { <p>{t("queue-empty")}</p> }.into_any()
                }}
            </div>
        }
        .into_any();
    }
    // Pagination keeps the filters.
    let link = move |n: u32| {
        let q = query.read_untracked();
        let mut parts: Vec<String> = FILTERS
            .iter()
            .filter_map(|f| {
                q.get(f)
                    .filter(|v| !v.is_empty())
                    .map(|v| format!("{f}={}", encode(&v)))
            })
            .collect();
        parts.push(format!("page={n}"));
        format!("/desk?{}", parts.join("&"))
    };
    let now = Utc::now();
    let n = page.page;
    let has_next = page.has_next();
    let cap = queue_count_cap(n, page.per_page);
    let capped = page.total > cap;
    let pages = page.total.div_ceil(u64::from(page.per_page)).max(1);
    let total = if capped {
        t_with("queue-total-capped", &[("cap", cap.into())])
    } else {
        t_with("queue-total", &[("count", page.total.into())])
    };
    let page_info = if capped {
        t_with("pages-page", &[("page", n.into())])
    } else {
        t_with(
            "requests-page-of",
            &[("page", n.into()), ("pages", pages.into())],
        )
    };
    view! {
        <p class="muted" data-testid="queue-total">{total}</p>
        // A table, so a screen reader names each cell's column; on a phone the rows are laid
        // out as cards (the style sheet) and the headers are read, not shown.
        <table class="queue-table">
            <caption class="visually-hidden">{t("queue-caption")}</caption>
            <thead>
                <tr>
                    <th scope="col">{t("queue-priority")}</th>
                    <th scope="col">{t("queue-ticket")}</th>
                    <th scope="col">{t("queue-time-to-breach")}</th>
                    <th scope="col">{t("queue-state")}</th>
                    <th scope="col">{t("queue-details")}</th>
                </tr>
            </thead>
            <tbody>
            {page.items.into_iter().map(|ticket| {
                let (breach, class) = time_to_breach(ticket.next_due_at, now);
                let place = super::place(&ticket.store, &ticket.asset);
                view! {
                    <tr class="queue-row" data-testid="queue-row" data-number=ticket.number.clone()>
                        <td class="queue-priority"><PriorityBadge priority=ticket.priority/></td>
                        <td class="queue-ticket">
                            <a class="queue-title" href=format!("/requests/{}", ticket.number)>
                                <span class="request-number">{ticket.number.clone()}</span> " " {ticket.title.clone()}
                            </a>
                        </td>
                        <td class=format!("sla {class}") data-testid="time-to-breach">{breach}</td>
                        <td class="queue-state"><StateBadge state=ticket.state/></td>
                        <td class="queue-meta">
                            {(!place.is_empty()).then(|| view! { <span>{place}</span> })}
                            <span>{ticket.assignment_group.clone()}</span>
                            <span>{ticket.assignee.clone().unwrap_or_else(|| t("queue-unassigned"))}</span>
                            <span>{t_with("queue-raised", &[("when", when(&ticket.created_at).into()), ("requester", ticket.requester.as_str().into())])}</span>
                        </td>
                    </tr>
                }
            }).collect_view()}
            </tbody>
        </table>
        <nav class="pagination" aria-label=t("requests-pages")>
            {(n > 1).then(|| view! { <a href=link(n - 1) rel="prev">{t("pages-previous")}</a> })}
            <span class="page-info">{page_info}</span>
            {has_next.then(|| view! { <a href=link(n + 1) rel="next">{t("pages-next")}</a> })}
        </nav>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    #[test]
    fn time_to_breach_counts_down_then_up_and_says_when_paused() {
        let now: DateTime<Utc> = "2026-11-23T10:00:00Z".parse().unwrap();
        let at = |m: i64| Some(now + Duration::minutes(m));
        assert_eq!(
            time_to_breach(at(45), now),
            ("breaches in 45 min".into(), "sla-soon")
        );
        assert_eq!(
            time_to_breach(at(150), now),
            ("breaches in 2 h 30 min".into(), "sla-ok")
        );
        assert_eq!(
            time_to_breach(at(120), now),
            ("breaches in 2 h".into(), "sla-ok")
        );
        assert_eq!(
            time_to_breach(at(60 * 27), now),
            ("breaches in 1 d 3 h".into(), "sla-ok")
        );
        assert_eq!(
            time_to_breach(at(-5), now),
            ("breached 5 min ago".into(), "sla-breached")
        );
        assert_eq!(time_to_breach(at(0), now).1, "sla-breached");
        assert_eq!(
            time_to_breach(None, now),
            ("clock paused".into(), "sla-paused")
        );
    }
}
