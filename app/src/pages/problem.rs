//! A problem record (ITIL): the recurring incidents it groups, and its analysis — cause,
//! workaround, fix — moving from open to known error to resolved. The form is a plain post that
//! carries the revision it was loaded at, so two agents never overwrite each other.

use super::{query_error, when};
use crate::api::problems::problem_detail;
use crate::components::error_notice::ErrorNotice;
use crate::components::role_gate::{PageFor, RoleGate};
use crate::components::state_badge::StateBadge;
use crate::domain::change::ChangeKind;
use crate::domain::problem::{ProblemState, MAX_TEXT_CHARS};
use crate::i18n::{change_state_label, problem_state_label, t, t_with};
use crate::model::ProblemView;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn ProblemPage() -> impl IntoView {
    view! { <RoleGate page_for=PageFor::Desk><ProblemContent/></RoleGate> }
}

#[component]
fn ProblemContent() -> impl IntoView {
    let params = use_params_map();
    let number = move || params.read().get("number").unwrap_or_default();
    let data = Resource::new(number, problem_detail);
    view! {
        <Suspense fallback=|| view! { <p class="loading">{t("problem-loading")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(problem) => view! { <ProblemRecord problem/> }.into_any(),
                    Err(e) => view! { <Title text=t("problem-title")/><ErrorNotice error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ProblemRecord(problem: ProblemView) -> impl IntoView {
    let error = query_error();
    let text_area = |id: &'static str, label: String, help: String, value: String| {
        view! {
            <div class="field">
                <label for=format!("problem-{id}")>{label}</label>
                <textarea id=format!("problem-{id}") name=id rows="3" maxlength=MAX_TEXT_CHARS.to_string()>{value}</textarea>
                <p class="help">{help}</p>
            </div>
        }
    };
    view! {
        <Title text=format!("{} {}", problem.number, problem.title)/>
        <nav class="breadcrumbs" aria-label=t("item-breadcrumb")><a href="/desk">{t("queue-title")}</a><span>{problem.number.clone()}</span></nav>
        {move || error.get().map(|e| view! { <div class="notice notice-error" role="alert" data-testid="action-error">{e}</div> })}
        <div class="request-header">
            <h1 class="page-title">
                <span class="request-number" data-testid="problem-number">{problem.number.clone()}</span>
                " " {problem.title.clone()}
            </h1>
            <span class=format!("state problem-{}", problem.state.as_str()) data-testid="problem-state">{problem_state_label(problem.state)}</span>
        </div>
        <p class="muted">{t_with("problem-opened", &[
            ("person", problem.created_by.as_str().into()),
            ("created", when(&problem.created_at).into()),
            ("updated", when(&problem.updated_at).into()),
        ])}</p>
        <h2>{t("problem-incidents")}</h2>
        <ul class="request-list" data-testid="problem-incidents">
            {problem.incidents.iter().map(|i| {
                let place = super::place(&i.store, &i.asset);
                view! {
                    <li class="request-row">
                        <a href=format!("/requests/{}", i.number)>
                            <span class="request-number">{i.number.clone()}</span> " "
                            <span class="request-title">{i.title.clone()}</span>
                        </a>
                        <StateBadge state=i.state/>
                        <span class="request-updated">{i.priority.as_str()} " · " {place} " · " {when(&i.created_at)}</span>
                    </li>
                }
            }).collect_view()}
        </ul>
        <h2>{t("problem-analysis")}</h2>
        <form method="post" action="/api/update_problem" class="stack problem-form">
            <input type="hidden" name="number" value=problem.number.clone()/>
            <input type="hidden" name="revision" value=problem.revision.to_string()/>
            {text_area("cause", t("problem-cause"), t("problem-cause-help"), problem.cause.clone())}
            {text_area("workaround", t("problem-workaround"), t("problem-workaround-help"), problem.workaround.clone())}
            {text_area("fix", t("problem-fix"), t("problem-fix-help"), problem.fix.clone())}
            {if problem.can_change_state {
                view! {
                    <div class="field">
                        <label for="problem-state-select">{t("problem-state")}</label>
                        <select id="problem-state-select" name="state">
                            {ProblemState::ALL.map(|s| view! {
                                <option value=s.as_str() selected=s == problem.state>{problem_state_label(s)}</option>
                            }).collect_view()}
                        </select>
                    </div>
                }.into_any()
            } else {
                view! {
                    <input type="hidden" name="state" value=problem.state.as_str()/>
                    <p class="muted" data-testid="state-for-managers">{t("problem-for-managers")}</p>
                }.into_any()
            }}
            <div class="form-actions"><button type="submit" class="btn btn-primary" data-testid="save-problem">{t("problem-save")}</button></div>
        </form>
        <h2>{t("problem-changes")}</h2>
        {if problem.changes.is_empty() {
            view! { <p class="muted">{t("problem-no-changes")}</p> }.into_any()
        } else {
            view! {
                <ul class="request-list" data-testid="problem-changes">
                    {problem.changes.iter().map(|c| view! {
                        <li class="request-row">
                            <a href=format!("/changes/{}", c.number)>
                                <span class="request-number">{c.number.clone()}</span> " "
                                <span class="request-title">{c.title.clone()}</span>
                            </a>
                            <span class=format!("state change-{}", c.state.as_str())>
                                {change_state_label(c.state)}
                            </span>
                        </li>
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        <form method="post" action="/api/raise_change" class="stack raise-change" data-testid="raise-change">
            <input type="hidden" name="problem" value=problem.number.clone()/>
            <div class="field">
                <label for="raise-change-title">{t("problem-change-title")}</label>
                <input id="raise-change-title" name="title" type="text" required
                    maxlength=crate::domain::change::MAX_TITLE_CHARS.to_string()/>
            </div>
            <div class="field">
                <label for="raise-change-kind">{t("problem-change-kind")}</label>
                <select id="raise-change-kind" name="kind">
                    {ChangeKind::ALL.map(|k| view! {
                        <option value=k.as_str() selected=k == ChangeKind::Normal>
                            {t_with("change-kind-label", &[("kind", k.as_str().into())])}
                        </option>
                    }).collect_view()}
                </select>
            </div>
            <div class="form-actions"><button type="submit" class="btn btn-secondary" data-testid="raise-change-button">{t("problem-raise-change")}</button></div>
        </form>
    }
}
