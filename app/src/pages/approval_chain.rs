//! An approval chain as a record's page and the Approvals page show it: each step, who decides
//! it, who decided what (and who clicked for someone away), and where the chain stands.

use super::when;
use crate::i18n::{t, t_with};
use crate::model::{ApprovalRunView, ApprovalStepView, StepState};
use leptos::prelude::*;

#[component]
pub fn ApprovalChain(run: ApprovalRunView) -> impl IntoView {
    view! {
        <section class="approval-chain" data-testid="approval-chain" data-status=run.status.as_str()>
            <h2>{t_with("approval-chain-title", &[("chain", run.chain.as_str().into())])}</h2>
            <p class="muted" data-testid="approval-status">
                {t_with("approval-run-status", &[("status", run.status.as_str().into())])}
            </p>
            <ol class="approval-steps">
                {run.steps.into_iter().map(|step| view! { <Step step/> }).collect_view()}
            </ol>
        </section>
    }
}

fn state_key(state: StepState) -> &'static str {
    match state {
        StepState::Approved => "approved",
        StepState::Rejected => "rejected",
        StepState::Waiting => "waiting",
        StepState::Later => "later",
        StepState::Skipped => "skipped",
    }
}

#[component]
fn Step(step: ApprovalStepView) -> impl IntoView {
    let state = state_key(step.state);
    let rule = match step.needed {
        Some(needed) => Some(t_with(
            "approval-step-quorum",
            &[
                ("needed", (needed as i64).into()),
                ("members", (step.approvers.len() as i64).into()),
            ],
        )),
        None if step.approvers.len() > 1 => Some(t("approval-step-any")),
        None => None,
    };
    view! {
        <li class=format!("approval-step step-{state}") data-testid="approval-step" data-state=state>
            <strong>{step.name.clone()}</strong>
            " · " <span class="muted">{t_with("approval-step-state", &[("state", state.into())])}</span>
            {rule.map(|rule| view! { <p class="muted">{rule}</p> })}
            <ul class="approvers">
                {step.approvers.into_iter().map(|a| {
                    let decided = match (a.verdict, a.at) {
                        (Some(verdict), Some(at)) => {
                            let delegate = a.delegate.as_ref().map(|name| {
                                format!(" ({})", t_with("approval-delegate", &[("name", name.as_str().into())]))
                            }).unwrap_or_default();
                            format!("{} · {}{delegate}", t_with("approval-verdict", &[("verdict", verdict.as_str().into())]), when(&at))
                        }
                        _ => t("approval-undecided"),
                    };
                    view! {
                        <li data-testid="approver">
                            {a.name} " — " <span class="muted">{decided}</span>
                            {(!a.comment.is_empty()).then(|| view! { <q class="preserve-lines">{a.comment.clone()}</q> })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </li>
    }
}
