//! What nobody found, for knowledge editors: searches that found no article and forms sent
//! anyway after their suggestions, in the last 7, 30 or 90 days, grouped by likeness (typos and
//! word forms forgiven), the largest groups first. Each group leads to a new article titled
//! with its first query. The period is a plain GET form, so the page works without JavaScript
//! and a period is a link to share.

use super::refusal_status;
use crate::api::editor::unanswered_searches;
use crate::components::error_notice::ErrorNotice;
use crate::components::role_gate::{PageFor, RoleGate};
use crate::i18n::{t, t_with, Arg};
use crate::model::{AppError, UnansweredGroupView, UnansweredQueryView};
use crate::pages::editor::KnowledgeTabs;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The periods offered, in days.
const PERIODS: [u32; 3] = [7, 30, 90];
/// The period without `?days=`: the server's default too.
const DEFAULT_DAYS: u32 = 30;
/// How many other queries of a group show before the rest are folded away.
const SHOWN_QUERIES: usize = 3;

#[component]
pub fn UnansweredPage() -> impl IntoView {
    view! { <RoleGate page_for=PageFor::ArticleEditors><UnansweredContent/></RoleGate> }
}

/// The period `?days=` asks for: 30 when absent or empty. The range is the server's rule, so
/// anything that is not a whole number of days goes to it as 0 (too large: as the largest),
/// for it to refuse in its own words beside the period field.
fn requested_days(raw: Option<&str>) -> u32 {
    match raw.map(str::trim) {
        None | Some("") => DEFAULT_DAYS,
        Some(text) => text
            .parse::<u64>()
            .map(|n| u32::try_from(n).unwrap_or(u32::MAX))
            .unwrap_or(0),
    }
}

/// "day" or "30 days", after "the last".
fn searches(n: u64) -> String {
    t_with("unanswered-searches", &[("count", n.into())])
}

fn tickets(n: u64) -> String {
    t_with("unanswered-tickets", &[("count", n.into())])
}

/// A group's totals: "12 searches found nothing · 3 tickets sent anyway", leaving out a zero.
fn totals_text(found_nothing: u64, sent: u64) -> String {
    let parts = [
        (found_nothing > 0).then(|| {
            t_with(
                "unanswered-found-nothing",
                &[("searches", searches(found_nothing).into())],
            )
        }),
        (sent > 0).then(|| {
            t_with(
                "unanswered-sent-anyway",
                &[("tickets", tickets(sent).into())],
            )
        }),
    ];
    let text: Vec<String> = parts.into_iter().flatten().collect();
    if text.is_empty() {
        t("unanswered-none-counted")
    } else {
        text.join(" · ")
    }
}

/// One query's counts beside it: "2 searches, 1 ticket".
fn query_counts(q: &UnansweredQueryView) -> String {
    let parts = [
        (q.found_nothing > 0).then(|| searches(q.found_nothing)),
        (q.tickets > 0).then(|| tickets(q.tickets)),
    ];
    parts.into_iter().flatten().collect::<Vec<_>>().join(", ")
}

/// The new article for a group, its title the group's first query.
fn write_url(query: &str) -> String {
    format!("/editor/articles/new?title={}", crate::url::encode(query))
}

#[component]
fn UnansweredContent() -> impl IntoView {
    let query = use_query_map();
    let days = Memo::new(move |_| requested_days(query.read().get("days").as_deref()));
    let groups = Resource::new(move || days.get(), |d| unanswered_searches(Some(d)));
    view! {
        <Title text=t("unanswered-title")/>
        <KnowledgeTabs current="/editor/unanswered"/>
        <h1 class="page-title">{t("unanswered-title")}</h1>
        <p class="page-intro">
            {t("unanswered-intro-1")} " " {t("unanswered-intro-2")}
        </p>
        <Suspense fallback=|| view! { <p class="loading">{t("unanswered-loading")}</p> }>
            {move || Suspend::new(async move {
                let answer = groups.await;
                let days = days.get_untracked();
                match answer {
                    // Not an editor: no period to choose either.
                    Err(e @ (AppError::Forbidden { .. } | AppError::NotSignedIn)) => {
                        view! { <ErrorNotice error=e/> }.into_any()
                    }
                    other => view! { <Unanswered days answer=other/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Unanswered(days: u32, answer: Result<Vec<UnansweredGroupView>, AppError>) -> impl IntoView {
    let days_error = answer
        .as_ref()
        .err()
        .and_then(AppError::field_errors)
        .and_then(|f| f.get("days").cloned());
    view! {
        <PeriodForm days error=days_error/>
        {match answer {
            Ok(list) => view! { <GroupList days list/> }.into_any(),
            // A refused period is shown beside its field above; anything else here.
            Err(e) if e.field_errors().is_some() => {
                refusal_status(&e);
                ().into_any()
            }
            Err(e) => view! { <ErrorNotice error=e/> }.into_any(),
        }}
    }
}

/// The period as a GET form: it works without JavaScript and the address says what is shown.
#[component]
fn PeriodForm(days: u32, error: Option<String>) -> impl IntoView {
    // A period given by link (?days=14) and accepted stays chosen, rather than the form
    // naming another than the list shows.
    let mut choices = PERIODS.to_vec();
    if error.is_none() && !choices.contains(&days) {
        choices.push(days);
        choices.sort_unstable();
    }
    let invalid = error.is_some();
    view! {
        <form class="filter-form" method="get" action="/editor/unanswered" data-testid="period-form">
            <div class="field">
                <label for="unanswered-days">{t("unanswered-period")}</label>
                <select id="unanswered-days" name="days"
                    aria-invalid=invalid.then_some("true")
                    aria-describedby=invalid.then_some("unanswered-days-error")>
                    {choices.into_iter().map(|d| view! {
                        <option value=d.to_string() selected=d == days>{t_with("unanswered-last", &[("days", d.into())])}</option>
                    }).collect_view()}
                </select>
                {error.map(|e| view! { <p class="field-error" id="unanswered-days-error" role="alert" data-testid="days-error">{e}</p> })}
            </div>
            <div class="form-actions">
                <button type="submit" class="btn btn-primary">{t("dashboard-show")}</button>
            </div>
        </form>
    }
}

#[component]
fn GroupList(days: u32, list: Vec<UnansweredGroupView>) -> impl IntoView {
    if list.is_empty() {
        return view! {
            <div class="empty-state" data-testid="nothing-unanswered">
                <p>{t_with("unanswered-nothing", &[("days", days.into())])}</p>
            </div>
        }
        .into_any();
    }
    let count = t_with("unanswered-groups", &[("count", Arg::count(list.len()))]);
    view! {
        <h2>{t_with("unanswered-last", &[("days", days.into())])}</h2>
        <p class="muted" data-testid="unanswered-count">{count}</p>
        <ol class="admin-list unanswered-list" data-testid="unanswered-list">
            {list.into_iter().map(|group| view! { <GroupRow group/> }).collect_view()}
        </ol>
    }
    .into_any()
}

#[component]
fn GroupRow(group: UnansweredGroupView) -> impl IntoView {
    let mut queries = group.queries.into_iter();
    let name = queries.next().map(|q| q.query).unwrap_or_default();
    let others: Vec<UnansweredQueryView> = queries.collect();
    let (shown, folded) = others.split_at(others.len().min(SHOWN_QUERIES));
    let chips = |list: &[UnansweredQueryView]| {
        list.iter()
            .map(|q| {
                view! {
                    <li class="phrase" data-testid="unanswered-query">
                        {q.query.clone()} " " <span class="muted">"(" {query_counts(q)} ")"</span>
                    </li>
                }
            })
            .collect_view()
    };
    let others_view = (!shown.is_empty()).then(|| {
        view! {
            <p class="muted">{t("unanswered-also")}</p>
            <ul class="phrase-list" aria-label=t("unanswered-also-label")>{chips(shown)}</ul>
        }
    });
    let folded_view = (!folded.is_empty()).then(|| {
        view! {
            <details class="unanswered-more">
                <summary>{t_with("unanswered-more", &[("count", Arg::count(folded.len()))])}</summary>
                <ul class="phrase-list" aria-label=t("unanswered-more-label")>{chips(folded)}</ul>
            </details>
        }
    });
    view! {
        <li class="unanswered-group" data-testid="unanswered-group" data-query=name.clone()>
            <h3 class="unanswered-name">{name.clone()}</h3>
            <p class="muted" data-testid="unanswered-totals">{totals_text(group.found_nothing, group.tickets)}</p>
            {others_view}
            {folded_view}
            // A plain link: `.admin-list` gives its links the size of a tap.
            <p>
                <a href=write_url(&name) data-testid="write-article">
                    {t("unanswered-write")} <span class="visually-hidden">" " {t_with("unanswered-about", &[("name", name.as_str().into())])}</span>
                </a>
            </p>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_period_is_30_days_unless_the_address_names_one() {
        assert_eq!(requested_days(None), 30);
        assert_eq!(requested_days(Some("")), 30);
        assert_eq!(requested_days(Some(" 7 ")), 7);
        assert_eq!(requested_days(Some("90")), 90);
        assert_eq!(requested_days(Some("400")), 400);
    }

    #[test]
    fn a_period_that_is_not_a_number_of_days_goes_to_the_server_to_be_refused() {
        assert_eq!(requested_days(Some("week")), 0);
        assert_eq!(requested_days(Some("-7")), 0);
        assert_eq!(requested_days(Some("99999999999")), u32::MAX);
    }

    #[test]
    fn totals_name_searches_and_tickets_and_leave_out_a_zero() {
        assert_eq!(
            totals_text(12, 3),
            "12 searches found nothing · 3 tickets sent anyway"
        );
        assert_eq!(
            totals_text(1, 1),
            "1 search found nothing · 1 ticket sent anyway"
        );
        assert_eq!(totals_text(4, 0), "4 searches found nothing");
        assert_eq!(totals_text(0, 2), "2 tickets sent anyway");
    }

    #[test]
    fn a_query_shows_its_own_counts() {
        let q = |found_nothing, tickets| UnansweredQueryView {
            query: "pos drawr".into(),
            found_nothing,
            tickets,
        };
        assert_eq!(query_counts(&q(2, 1)), "2 searches, 1 ticket");
        assert_eq!(query_counts(&q(1, 0)), "1 search");
        assert_eq!(query_counts(&q(0, 3)), "3 tickets");
    }

    #[test]
    fn the_article_link_carries_the_query_encoded() {
        assert_eq!(
            write_url("zorblax quuxinator & co?"),
            "/editor/articles/new?title=zorblax%20quuxinator%20%26%20co%3F"
        );
    }

    #[test]
    fn one_day_reads_as_a_day() {
        let last = |days: u32| t_with("unanswered-last", &[("days", days.into())]);
        assert_eq!(last(1), "Last day");
        assert_eq!(last(7), "Last 7 days");
    }
}
