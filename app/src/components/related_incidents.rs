//! Recurring faults on the desk's view of an incident: the other incidents on the same device,
//! or of the same category at the same store, within the configured window, and the problem
//! record that groups them (opened here, or joined if one exists).

use crate::api::problems::related_incidents;
use crate::components::state_badge::PriorityBadge;
use crate::domain::problem::RecurringRule;
use crate::i18n::{state_label, t, t_with, Arg};
use crate::model::RelatedIncident;
use crate::pages::when;
use leptos::prelude::*;

#[component]
pub fn RelatedIncidents(number: String, title: String, rule: RecurringRule) -> impl IntoView {
    let related = Resource::new(
        {
            let number = number.clone();
            move || number.clone()
        },
        related_incidents,
    );
    view! {
        <section class="related-incidents" aria-labelledby="related-title" data-testid="related-incidents">
            <Suspense fallback=|| view! { <p class="loading">{t("related-loading")}</p> }>
                {move || {
                    let (number, title) = (number.clone(), title.clone());
                    Suspend::new(async move {
                        match related.await {
                            Err(e) => view! { <p class="muted">{e.to_string()}</p> }.into_any(),
                            Ok(list) => view! { <RelatedList number title rule list/> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </section>
    }
}

#[component]
fn RelatedList(
    number: String,
    title: String,
    rule: RecurringRule,
    list: Vec<RelatedIncident>,
) -> impl IntoView {
    let days = rule.window_days;
    let heading = if list.is_empty() {
        t_with("related-none", &[("days", days.into())])
    } else if rule.is_recurring(list.len()) {
        t_with(
            "related-recurring",
            &[("count", Arg::count(list.len())), ("days", days.into())],
        )
    } else {
        t_with("related-within", &[("days", days.into())])
    };
    let recurring = rule.is_recurring(list.len());
    // The problem some of them already belong to: join it rather than open a second one.
    let existing = list.iter().find_map(|r| r.problem.clone());
    let groupable: Vec<RelatedIncident> = list
        .iter()
        .filter(|r| r.problem.is_none())
        .cloned()
        .collect();
    view! {
        <h2 id="related-title" class:recurring=recurring>{heading}</h2>
        {(!list.is_empty()).then(|| view! {
            <ul class="related-list">
                {list.iter().map(|r| view! {
                    <li data-testid="related-incident" data-number=r.number.clone()>
                        <PriorityBadge priority=r.priority/>
                        " " <a href=format!("/requests/{}", r.number)>{r.number.clone()} " " {r.title.clone()}</a>
                        <span class="event-meta">
                            " · " {if r.same_asset { t("related-same-device") } else { t("related-same-store") }}
                            " · " {state_label(r.state)} " · " {when(&r.created_at)}
                        </span>
                        {r.problem.clone().map(|p| view! { " · " <a href=format!("/problems/{p}")>{p.clone()}</a> })}
                    </li>
                }).collect_view()}
            </ul>
        })}
        {match existing {
            Some(problem) => view! {
                <form method="post" action="/api/link_incident" class="inline-form">
                    <input type="hidden" name="problem" value=problem.clone()/>
                    <input type="hidden" name="incident" value=number.clone()/>
                    <button type="submit" class="btn btn-secondary" data-testid="link-problem">
                        {t_with("related-add-to", &[("problem", problem.as_str().into())])}
                    </button>
                </form>
            }.into_any(),
            None => view! {
                <details class="open-problem" open=recurring>
                    <summary>{t("related-open-problem")}</summary>
                    <form method="post" action="/api/open_problem" class="stack">
                        <input type="hidden" name="incident" value=number.clone()/>
                        <div class="field">
                            <label for="problem-title">{t("related-problem-title")}</label>
                            <input id="problem-title" name="title" type="text" required maxlength="200" value=title.clone()/>
                        </div>
                        {(!groupable.is_empty()).then(|| view! {
                            <fieldset class="choices">
                                <legend>{t("related-group-these")}</legend>
                                {groupable.iter().map(|r| view! {
                                    <label class="choice">
                                        <input type="checkbox" name="related[]" value=r.number.clone() checked=true/>
                                        <span>{r.number.clone()} " " {r.title.clone()}</span>
                                    </label>
                                }).collect_view()}
                            </fieldset>
                        })}
                        <button type="submit" class="btn btn-primary" data-testid="open-problem">{t("related-open")}</button>
                    </form>
                </details>
            }.into_any(),
        }}
    }
}
