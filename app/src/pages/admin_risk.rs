//! The change risk questionnaire for administrators: its questions, each answer's weight, and
//! the two scores where medium and high risk begin. One form, a plain post too: each question
//! has a blank answer slot and the form a blank question slot to add one; clearing a text
//! removes it. With JavaScript a refusal shows beside its field and what was typed stays.

use super::{query_error, refusal_status};
use crate::api::approval_admin::{admin_risk_model, SaveRiskModel};
use crate::components::admin_tabs::AdminTabs;
use crate::components::error_notice::{page_error_text, ErrorNotice};
use crate::components::role_gate::{PageFor, RoleGate};
use crate::domain::change_risk::{RiskAnswer, RiskQuestion};
use crate::i18n::{t, t_with};
use crate::model::{AppError, RiskModelView};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn RiskAdminPage() -> impl IntoView {
    view! { <RoleGate page_for=PageFor::Admins><RiskAdminContent/></RoleGate> }
}

#[component]
fn RiskAdminContent() -> impl IntoView {
    let saved = RwSignal::new(0u32);
    let risk_saved = RwSignal::new(false);
    let data = Resource::new(move || saved.get(), |_| admin_risk_model());
    let error = query_error();
    view! {
        <Title text=t("risk-title")/>
        // Outside what a save reloads, so the word that it was saved stays.
        {move || risk_saved.get().then(|| view! { <p class="notice notice-success" role="status" data-testid="risk-saved">{t("risk-saved")}</p> })}
        <Suspense fallback=|| view! { <p class="loading">{t("risk-loading")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Err(e) => {
                        refusal_status(&e);
                        view! { <ErrorNotice error=e/> }.into_any()
                    }
                    Ok(risk) => view! {
                        <AdminTabs current="/admin/risk"/>
                        <h1 class="page-title">{t("risk-title")}</h1>
                        <p class="muted">{t("risk-help")}</p>
                        {move || error.get().map(|e| view! { <div class="notice notice-error" role="alert" data-testid="page-error">{e}</div> })}
                        {risk.starter.then(|| view! { <p class="notice" data-testid="risk-starter">{t("risk-starter")}</p> })}
                        <RiskForm risk saved risk_saved/>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn RiskForm(
    risk: RiskModelView,
    saved: RwSignal<u32>,
    risk_saved: RwSignal<bool>,
) -> impl IntoView {
    let save = ServerAction::<SaveRiskModel>::new();
    Effect::new(move |_| match save.value().get() {
        Some(Ok(_)) => {
            risk_saved.set(true);
            saved.update(|n| *n += 1);
        }
        Some(Err(_)) => risk_saved.set(false),
        None => {}
    });
    let error = move |field: String| {
        move || {
            let e: AppError = save.value().get().and_then(Result::err)?;
            let message = e.field_errors().and_then(|f| f.get(&field).cloned())?;
            Some(
                view! { <p class="field-error" data-testid=format!("error-{field}")>{message}</p> },
            )
        }
    };
    let highest = risk.model.highest_score();
    let mut questions: Vec<Option<RiskQuestion>> =
        risk.model.questions.into_iter().map(Some).collect();
    questions.push(None);
    view! {
        <ActionForm action=save attr:class="stack record-form">
            <input type="hidden" name="revision" value=risk.revision.to_string()/>
            {questions.into_iter().enumerate().map(|(slot, question)| view! {
                <QuestionFields index=slot question error/>
            }).collect_view()}
            {error("questions".into())}
            <div class="row">
                <div class="field">
                    <label for="risk-medium-from">{t("risk-medium-from")}</label>
                    <input id="risk-medium-from" name="medium_from" type="number" min="1" inputmode="numeric" required value=risk.model.medium_from.to_string() data-testid="risk-medium-from"/>
                    {error("medium_from".into())}
                </div>
                <div class="field">
                    <label for="risk-high-from">{t("risk-high-from")}</label>
                    <input id="risk-high-from" name="high_from" type="number" min="1" inputmode="numeric" required value=risk.model.high_from.to_string() data-testid="risk-high-from"/>
                    {error("high_from".into())}
                </div>
            </div>
            <p class="help">{t_with("risk-highest", &[("highest", (highest as i64).into())])}</p>
            {move || {
                let e = save.value().get().and_then(Result::err)?;
                e.field_errors().is_none().then(|| view! { <p class="field-error" role="alert">{page_error_text(&e)}</p> })
            }}
            <div class="form-actions">
                <button type="submit" class="btn" data-testid="save-risk">{t("risk-save")}</button>
            </div>
        </ActionForm>
    }
}

/// One question's slot with its answers' slots: those it has and one blank (three for a new
/// question, which needs two at least).
#[component]
fn QuestionFields<E, V>(index: usize, question: Option<RiskQuestion>, error: E) -> impl IntoView
where
    E: Fn(String) -> V + Copy + Send + 'static,
    V: IntoView + 'static,
{
    let slot = index;
    let id = move |part: &str| format!("risk-q{slot}-{part}");
    let (key, text, answers) = question
        .map(|q| (q.key, q.question, q.answers))
        .unwrap_or_default();
    let blanks = if answers.is_empty() { 3 } else { 1 };
    let mut answers: Vec<Option<RiskAnswer>> = answers.into_iter().map(Some).collect();
    answers.extend(std::iter::repeat_n(None, blanks));
    let legend = if key.is_empty() {
        t("risk-new-question")
    } else {
        t_with("risk-question", &[("n", (slot as i64 + 1).into())])
    };
    view! {
        <fieldset class="risk-question" data-testid="risk-question">
            <legend>{legend}</legend>
            <input type="hidden" name=format!("questions[{slot}][key]") value=key/>
            <div class="field">
                <label for=id("text")>{t("risk-question-text")}</label>
                <input id=id("text") name=format!("questions[{slot}][question]") value=text data-testid="risk-question-text"/>
                <p class="help">{t("risk-question-help")}</p>
            </div>
            {answers.into_iter().enumerate().map(|(a, answer)| {
                let (key, label, weight) = answer
                    .map(|a| (a.key, a.label, a.weight.to_string()))
                    .unwrap_or_default();
                let name = move |part: &str| format!("questions[{slot}][answers][{a}][{part}]");
                let aid = move |part: &str| id(&format!("a{a}-{part}"));
                view! {
                    <div class="row risk-answer">
                        <input type="hidden" name=name("key") value=key/>
                        <div class="field">
                            <label for=aid("label")>{t("risk-answer")}</label>
                            <input id=aid("label") name=name("label") value=label data-testid="risk-answer-label"/>
                        </div>
                        <div class="field field-narrow">
                            <label for=aid("weight")>{t("risk-weight")}</label>
                            <input id=aid("weight") name=name("weight") type="number" min="0" inputmode="numeric" value=weight data-testid="risk-answer-weight"/>
                            {error(format!("question-{slot}-answer-{a}-weight"))}
                        </div>
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
}
