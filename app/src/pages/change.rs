//! A change record (issue 22): its plans, risk questionnaire, window and the stores and devices
//! it touches while it is a draft or being assessed; what to settle before approval (freezes,
//! other changes on the same things at the same time); the lifecycle's next steps; and its
//! timeline. Every form is a plain post carrying the revision it was loaded at, so it works
//! without JavaScript and two agents never overwrite each other.

use super::approval_chain::ApprovalChain;
use super::{query_error, when};
use crate::api::changes::{change_detail, ChangeStep, SaveChange};
use crate::components::error_notice::ErrorNotice;
use crate::components::role_gate::{PageFor, RoleGate};
use crate::domain::change::{ChangeOutcome, Move, MAX_PLAN_CHARS, MAX_TITLE_CHARS};
use crate::i18n::{change_state_label, t, t_with, zone};
use crate::model::{AppError, ChangeView};
use chrono::{DateTime, Datelike, Timelike, Utc};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn ChangePage() -> impl IntoView {
    view! { <RoleGate page_for=PageFor::Desk><ChangeContent/></RoleGate> }
}

#[component]
fn ChangeContent() -> impl IntoView {
    let params = use_params_map();
    let number = move || params.read().get("number").unwrap_or_default();
    let data = Resource::new(number, change_detail);
    // After a save or a step the record is read again; a transition keeps the page in view
    // meanwhile.
    let save = ServerAction::<SaveChange>::new();
    let step = ServerAction::<ChangeStep>::new();
    let refused = RwSignal::new(None::<AppError>);
    let answered = move |outcome: Option<Result<i64, AppError>>| match outcome {
        Some(Ok(_)) => {
            refused.set(None);
            data.refetch();
        }
        Some(Err(e)) => refused.set(Some(e)),
        None => {}
    };
    Effect::new(move |_| answered(save.value().get()));
    Effect::new(move |_| answered(step.value().get()));
    let actions = Actions {
        save,
        step,
        refused,
    };
    view! {
        <Transition fallback=|| view! { <p class="loading">{t("change-loading")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(change) => view! { <ChangeRecord change actions/> }.into_any(),
                    Err(e) => view! { <Title text=t("change-title")/><ErrorNotice error=e/> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// The page's two forms and what the server last refused: with JavaScript they post without
/// leaving the page, so what was typed stays and the refusal shows beside its field.
#[derive(Clone, Copy)]
struct Actions {
    save: ServerAction<SaveChange>,
    step: ServerAction<ChangeStep>,
    refused: RwSignal<Option<AppError>>,
}

impl Actions {
    /// The refusal of field `key`, if the last answer named it.
    fn field_error(self, key: impl Into<String>) -> impl Fn() -> Option<AnyView> + Send + Sync {
        let key = key.into();
        move || {
            let message = self.refused.with(|r| {
                r.as_ref()
                    .and_then(|e| e.field_errors())
                    .and_then(|fields| fields.get(&key).cloned())
            })?;
            Some(
                view! { <p class="field-error" data-testid=format!("error-{key}")>{message}</p> }
                    .into_any(),
            )
        }
    }

    /// A refusal that names no field of the form: a conflict, a step the lifecycle forbids.
    fn general_error(self) -> impl Fn() -> Option<AnyView> + Send + Sync {
        move || {
            let message = self.refused.with(|r| {
                r.as_ref().map(|e| match e.field_errors() {
                    Some(fields) => fields
                        .iter()
                        .filter(|(key, _)| {
                            !FORM_KEYS.contains(&key.as_str()) && !key.starts_with("risk.")
                        })
                        .map(|(_, m)| m.clone())
                        .collect::<Vec<_>>()
                        .join(" "),
                    None => e.to_string(),
                })
            })?;
            (!message.is_empty()).then(|| {
                view! { <div class="notice notice-error" role="alert" data-testid="action-error">{message}</div> }.into_any()
            })
        }
    }
}

/// The fields the plan form shows its own errors beside.
const FORM_KEYS: [&str; 6] = [
    "title",
    "implementation",
    "back_out",
    "test",
    "window",
    "targets",
];

/// What a `datetime-local` input shows for `at`: the reader's wall clock, to the minute.
fn local_input(at: &DateTime<Utc>) -> String {
    let local = zone().reading(at);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}",
        local.year(),
        local.month(),
        local.day(),
        local.hour(),
        local.minute()
    )
}

#[component]
fn ChangeRecord(change: ChangeView, actions: Actions) -> impl IntoView {
    let error = query_error();
    let risk = change.risk.map(risk_label);
    view! {
        <Title text=format!("{} {}", change.number, change.title)/>
        <nav class="breadcrumbs" aria-label=t("item-breadcrumb")>
            <a href="/desk">{t("queue-title")}</a>
            {change.problem.clone().map(|p| view! { <a href=format!("/problems/{p}")>{p.clone()}</a> })}
            <span>{change.number.clone()}</span>
        </nav>
        {move || error.get().map(|e| view! { <div class="notice notice-error" role="alert" data-testid="action-error">{e}</div> })}
        {actions.general_error()}
        <div class="request-header">
            <h1 class="page-title">
                <span class="request-number" data-testid="change-number">{change.number.clone()}</span>
                " " {change.title.clone()}
            </h1>
            <span class=format!("state change-{}", change.state.as_str()) data-testid="change-state">{change_state_label(change.state)}</span>
        </div>
        <p class="muted">{t_with("change-opened", &[
            ("kind", change.kind.as_str().into()),
            ("person", change.owner.as_str().into()),
            ("created", when(&change.created_at).into()),
            ("updated", when(&change.updated_at).into()),
        ])}</p>
        {(!change.conflicts.is_empty()).then(|| view! {
            <div class="notice notice-offline" data-testid="change-conflicts">
                <h2>{t("change-conflicts")}</h2>
                <ul>{change.conflicts.iter().map(|c| view! { <li>{c.clone()}</li> }).collect_view()}</ul>
            </div>
        })}
        {if change.editable {
            view! { <PlanForm change=change.clone() actions/> }.into_any()
        } else {
            view! { <ChangeSummary change=change.clone() risk=risk.clone()/> }.into_any()
        }}
        {change.approval.clone().map(|run| view! { <ApprovalChain run/> })}
        {(!change.next_moves.is_empty()).then(|| view! {
            <h2>{t("change-next")}</h2>
            <div class="stack change-steps">
                {change.next_moves.iter().map(|step| view! {
                    <StepForm step=*step number=change.number.clone() revision=change.revision review=change.review.clone() actions/>
                }).collect_view()}
            </div>
        })}
        <h2>{t("change-timeline")}</h2>
        <ol class="timeline" data-testid="change-timeline">
            {change.events.iter().map(|e| view! {
                <li>
                    <span class="muted">{when(&e.at)} " · " {e.author.clone().unwrap_or_else(|| t("change-by-portal"))}</span>
                    " " {e.body.clone()}
                </li>
            }).collect_view()}
        </ol>
    }
}

/// "High risk (score 9)".
pub(crate) fn risk_label(risk: crate::domain::change_risk::RiskAssessment) -> String {
    t_with(
        "change-risk-is",
        &[
            ("level", risk.level.as_str().into()),
            ("score", i64::from(risk.score).into()),
        ],
    )
}

/// What every form of the page sends along: which change, at which revision.
fn hidden_fields(number: String, revision: i64) -> impl IntoView {
    view! {
        <input type="hidden" name="number" value=number/>
        <input type="hidden" name="revision" value=revision.to_string()/>
    }
}

/// One lifecycle step's button, with the outcome it records (`finish`) or the review it needs
/// (`close`).
#[component]
fn StepForm(
    step: Move,
    number: String,
    revision: i64,
    review: String,
    actions: Actions,
) -> impl IntoView {
    view! {
        <ActionForm action=actions.step attr:class="change-step">
            {hidden_fields(number, revision)}
            <input type="hidden" name="step" value=step.as_str()/>
            {(step == Move::Finish).then(|| view! {
                <label for="change-outcome">{t("change-outcome")}</label>
                <select id="change-outcome" name="outcome">
                    {ChangeOutcome::ALL.map(|o| view! {
                        <option value=o.as_str()>{t_with("change-outcome-label", &[("outcome", o.as_str().into())])}</option>
                    }).collect_view()}
                </select>
            })}
            {(step == Move::Close).then(|| view! {
                <label for="change-review">{t("change-review")}</label>
                <textarea id="change-review" name="review" rows="4" maxlength=MAX_PLAN_CHARS.to_string() required>{review}</textarea>
            })}
            <button type="submit" class=if step == Move::Cancel { "btn btn-secondary" } else { "btn btn-primary" }
                data-testid=format!("change-{}", step.as_str())>
                {t_with("change-move-label", &[("move", step.as_str().into())])}
            </button>
        </ActionForm>
    }
}

/// The form of a draft or an assessed change.
#[component]
fn PlanForm(change: ChangeView, actions: Actions) -> impl IntoView {
    // `name` is what the form sends; `key` what a refusal names (`domain::change::validate_plans`).
    let text_area = move |name: &'static str,
                          key: &'static str,
                          label: String,
                          help: String,
                          value: String| {
        view! {
            <div class="field">
                <label for=format!("change-{name}")>{label}</label>
                <textarea id=format!("change-{name}") name=name rows="4" maxlength=MAX_PLAN_CHARS.to_string()>{value}</textarea>
                <p class="help">{help}</p>
                {actions.field_error(key)}
            </div>
        }
    };
    let answers = change.risk_answers.clone();
    view! {
        <ActionForm action=actions.save attr:class="stack change-form" attr:data-testid="change-form">
            {hidden_fields(change.number.clone(), change.revision)}
            <div class="field">
                <label for="change-title">{t("change-field-title")}</label>
                <input id="change-title" name="title" type="text" required maxlength=MAX_TITLE_CHARS.to_string() value=change.title.clone()/>
                {actions.field_error("title")}
            </div>
            {text_area("implementation_plan", "implementation", t("change-implementation"), t("change-implementation-help"), change.implementation_plan.clone())}
            {text_area("back_out_plan", "back_out", t("change-back-out"), t("change-back-out-help"), change.back_out_plan.clone())}
            {text_area("test_plan", "test", t("change-test"), t("change-test-help"), change.test_plan.clone())}
            <fieldset class="field">
                <legend>{t("change-risk")}</legend>
                {change.risk_questions.iter().map(|q| {
                    let id = format!("change-risk-{}", q.key);
                    let given = answers.get(&q.key).cloned().unwrap_or_default();
                    view! {
                        <label for=id.clone()>{q.question.clone()}</label>
                        <select id=id name=format!("risk[{}]", q.key)>
                            <option value="" selected=given.is_empty()>{t("change-risk-choose")}</option>
                            {q.answers.iter().map(|a| view! {
                                <option value=a.key.clone() selected=a.key == given>{a.label.clone()}</option>
                            }).collect_view()}
                        </select>
                        {actions.field_error(format!("risk.{}", q.key))}
                    }
                }).collect_view()}
            </fieldset>
            <fieldset class="field">
                <legend>{t("change-window")}</legend>
                <label for="change-window-start">{t("change-window-start")}</label>
                <input id="change-window-start" name="window_start" type="datetime-local"
                    value=change.window.map(|w| local_input(&w.start)).unwrap_or_default()/>
                <label for="change-window-end">{t("change-window-end")}</label>
                <input id="change-window-end" name="window_end" type="datetime-local"
                    value=change.window.map(|w| local_input(&w.end)).unwrap_or_default()/>
                <p class="help">{t_with("change-window-help", &[("zone", zone().name().into())])}</p>
                {actions.field_error("window")}
            </fieldset>
            <div class="field">
                <label for="change-stores">{t("change-stores")}</label>
                <input id="change-stores" name="stores" type="text" value=change.stores.join(", ")/>
                <label for="change-devices">{t("change-devices")}</label>
                <input id="change-devices" name="devices" type="text" value=change.devices.join(", ")/>
                <p class="help">{t("change-targets-help")}</p>
                {actions.field_error("targets")}
            </div>
            <div class="form-actions"><button type="submit" class="btn btn-primary" data-testid="save-change">{t("change-save")}</button></div>
        </ActionForm>
    }
}

/// A change past assessment: what was settled, read-only (also what an approver reads).
#[component]
pub(crate) fn ChangeSummary(change: ChangeView, risk: Option<String>) -> impl IntoView {
    let block = |label: String, text: String| {
        view! { <dt>{label}</dt><dd class="preserve-lines">{text}</dd> }
    };
    let window = change
        .window
        .map(|w| format!("{} – {}", when(&w.start), when(&w.end)))
        .unwrap_or_default();
    let targets = change
        .devices
        .iter()
        .chain(&change.stores)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <dl class="change-summary" data-testid="change-summary">
            {block(t("change-implementation"), change.implementation_plan.clone())}
            {block(t("change-back-out"), change.back_out_plan.clone())}
            {block(t("change-test"), change.test_plan.clone())}
            {block(t("change-risk"), risk.unwrap_or_default())}
            {block(t("change-window"), window)}
            {block(t("change-targets"), targets)}
            {change.outcome.map(|o| block(t("change-outcome"), t_with("change-outcome-label", &[("outcome", o.as_str().into())])))}
            {(!change.review.is_empty()).then(|| block(t("change-review"), change.review.clone()))}
        </dl>
    }
}
