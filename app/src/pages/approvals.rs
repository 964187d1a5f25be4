use super::approval_chain::ApprovalChain;
use super::change::{risk_label, ChangeSummary};
use super::delegations::Delegations;
use super::{query_error, when};
use crate::api::approvals::{change_approvals, pending_approvals};
use crate::components::error_notice::ErrorNotice;
use crate::i18n::{t, t_with};
use crate::model::{ApprovalView, ChangeApprovalView};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// What waits for the signed-in approver: their team's requests, and changes whose approval
/// chain is at their step. Each decision is a plain form to a server function (`decide`,
/// `decide_change`), so one tap decides even before the WebAssembly has loaded.
#[component]
pub fn ApprovalsPage() -> impl IntoView {
    let data = Resource::new(
        || (),
        |_| async {
            let requests = pending_approvals().await?;
            let changes = change_approvals().await?;
            Ok::<_, crate::model::AppError>((requests, changes))
        },
    );
    let query = use_query_map();
    let error = query_error();
    let done = move || query.read().get("done").is_some();
    let delegated = move || query.read().get("delegated").is_some();
    view! {
        <Title text=t("nav-approvals")/>
        <h1 class="page-title">{t("nav-approvals")}</h1>
        {move || error.get().map(|e| view! { <div class="notice notice-error" role="alert" data-testid="action-error">{e}</div> })}
        <Show when=done>
            <div class="notice notice-success" role="status" data-testid="decided">{t("approvals-decided")}</div>
        </Show>
        <Show when=delegated>
            <div class="notice notice-success" role="status" data-testid="delegated">{t("delegation-saved")}</div>
        </Show>
        <Suspense fallback=|| view! { <p class="loading">{t("approvals-loading")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Err(e) => view! { <ErrorNotice error=e/> }.into_any(),
                    Ok((requests, changes)) if requests.is_empty() && changes.is_empty() => view! {
                        <div class="empty-state" data-testid="no-approvals">
                            <h2>{t("approvals-none")}</h2>
                            <p>{t("approvals-none-intro")}</p>
                        </div>
                    }.into_any(),
                    Ok((requests, changes)) => view! {
                        {(!changes.is_empty()).then(|| view! {
                            <h2>{t("approvals-changes")}</h2>
                            <ul class="approval-list" data-testid="change-approvals">
                                {changes.into_iter().map(|a| view! { <ChangeApprovalCard approval=a/> }).collect_view()}
                            </ul>
                        })}
                        {(!requests.is_empty()).then(|| view! {
                            <h2>{t("approvals-requests")}</h2>
                            <ul class="approval-list">
                                {requests.into_iter().map(|a| view! { <ApprovalCard approval=a/> }).collect_view()}
                            </ul>
                        })}
                    }.into_any(),
                }
            })}
        </Suspense>
        <Delegations/>
    }
}

#[component]
fn ApprovalCard(approval: ApprovalView) -> impl IntoView {
    let ticket = approval.ticket;
    view! {
        <li class="approval-card" id=ticket.number.clone() data-testid="approval-card" data-number=ticket.number.clone()>
            <div class="approval-summary">
                <a href=format!("/requests/{}", ticket.number)><span class="request-number">{ticket.number.clone()}</span></a>
                " " <strong>{ticket.title.clone()}</strong>
                <p class="muted">{ticket.requester_name.clone()} " · " {when(&ticket.created_at)}</p>
                {approval.step.clone().map(|step| view! {
                    <p><strong>{t_with("approvals-your-step", &[("step", step.as_str().into())])}</strong></p>
                })}
                {approval.standing_in_for.clone().map(|name| view! {
                    <p class="notice" data-testid="standing-in">{t_with("approvals-standing-in", &[("name", name.as_str().into())])}</p>
                })}
                <dl class="answers">
                    {approval.answers.into_iter().map(|a| view! { <dt>{a.label}</dt><dd>{crate::i18n::i18n().answer(&a.answer)}</dd> }).collect_view()}
                </dl>
            </div>
            <DecisionForm action="/api/decide" number=ticket.number.clone()/>
        </li>
    }
}

/// A change at the reader's step: what it does, when, to what, how risky, what it collides with,
/// the chain so far, and the decision.
#[component]
fn ChangeApprovalCard(approval: ChangeApprovalView) -> impl IntoView {
    let change = approval.change;
    let number = change.number.clone();
    let risk = change.risk.map(risk_label);
    view! {
        <li class="approval-card" id=number.clone() data-testid="change-approval-card" data-number=number.clone()>
            <div class="approval-summary">
                <span class="request-number">{number.clone()}</span>
                " " <strong>{change.title.clone()}</strong>
                <p class="muted">{t_with("change-opened", &[
                    ("kind", change.kind.as_str().into()),
                    ("person", change.owner.as_str().into()),
                    ("created", when(&change.created_at).into()),
                    ("updated", when(&change.updated_at).into()),
                ])}</p>
                <p><strong>{t_with("approvals-your-step", &[("step", approval.step.as_str().into())])}</strong></p>
                {approval.standing_in_for.map(|name| view! {
                    <p class="notice" data-testid="standing-in">{t_with("approvals-standing-in", &[("name", name.as_str().into())])}</p>
                })}
                {(!change.conflicts.is_empty()).then(|| view! {
                    <div class="notice notice-offline" data-testid="change-conflicts">
                        <h3>{t("change-conflicts")}</h3>
                        <ul>{change.conflicts.iter().map(|c| view! { <li>{c.clone()}</li> }).collect_view()}</ul>
                    </div>
                })}
                <ChangeSummary change=change.clone() risk/>
                {change.approval.clone().map(|run| view! { <ApprovalChain run/> })}
            </div>
            <DecisionForm action="/api/decide_change" number=number.clone()/>
        </li>
    }
}

/// Approve or reject, with a comment (a rejection needs one): a plain form to `action`.
#[component]
fn DecisionForm(action: &'static str, number: String) -> impl IntoView {
    let comment_id = format!("comment-{number}");
    view! {
        <form class="decision-form stack" method="post" action=action>
            <input type="hidden" name="number" value=number/>
            <div class="field">
                <label for=comment_id.clone()>{t("approvals-comment")}</label>
                <textarea id=comment_id name="comment" rows="2"
                    maxlength=crate::domain::approval_chain::MAX_COMMENT_CHARS.to_string()></textarea>
            </div>
            <div class="row">
                <button type="submit" name="decision" value="approve" class="btn btn-primary">{t("approvals-approve")}</button>
                <button type="submit" name="decision" value="reject" class="btn btn-danger">{t("approvals-reject")}</button>
            </div>
        </form>
    }
}
