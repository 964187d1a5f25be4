use super::{query_error, when};
use crate::api::approvals::pending_approvals;
use crate::components::error_notice::ErrorNotice;
use crate::i18n::t;
use crate::model::ApprovalView;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// What waits for the signed-in line manager. Each decision is a plain form to the `decide`
/// server function, so one tap decides even before the WebAssembly has loaded.
#[component]
pub fn ApprovalsPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| pending_approvals());
    let query = use_query_map();
    let error = query_error();
    let done = move || query.read().get("done").is_some();
    view! {
        <Title text=t("nav-approvals")/>
        <h1 class="page-title">{t("nav-approvals")}</h1>
        {move || error.get().map(|e| view! { <div class="notice notice-error" role="alert" data-testid="action-error">{e}</div> })}
        <Show when=done>
            <div class="notice notice-success" role="status" data-testid="decided">{t("approvals-decided")}</div>
        </Show>
        <Suspense fallback=|| view! { <p class="loading">{t("approvals-loading")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Err(e) => view! { <ErrorNotice error=e/> }.into_any(),
                    Ok(list) if list.is_empty() => view! {
                        <div class="empty-state" data-testid="no-approvals">
                            <h2>{t("approvals-none")}</h2>
                            <p>{t("approvals-none-intro")}</p>
                        </div>
                    }.into_any(),
                    Ok(list) => view! {
                        <ul class="approval-list">
                            {list.into_iter().map(|a| view! { <ApprovalCard approval=a/> }).collect_view()}
                        </ul>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ApprovalCard(approval: ApprovalView) -> impl IntoView {
    let ticket = approval.ticket;
    let comment_id = format!("comment-{}", ticket.number);
    view! {
        <li class="approval-card" id=ticket.number.clone() data-testid="approval-card" data-number=ticket.number.clone()>
            <div class="approval-summary">
                <a href=format!("/requests/{}", ticket.number)><span class="request-number">{ticket.number.clone()}</span></a>
                " " <strong>{ticket.title.clone()}</strong>
                <p class="muted">{ticket.requester_name.clone()} " · " {when(&ticket.created_at)}</p>
                <dl class="answers">
                    {approval.answers.into_iter().map(|a| view! { <dt>{a.label}</dt><dd>{crate::i18n::i18n().answer(&a.answer)}</dd> }).collect_view()}
                </dl>
            </div>
            <form class="decision-form stack" method="post" action="/api/decide">
                <input type="hidden" name="number" value=ticket.number.clone()/>
                <div class="field">
                    <label for=comment_id.clone()>{t("approvals-comment")}</label>
                    <textarea id=comment_id name="comment" rows="2" maxlength="2000"></textarea>
                </div>
                <div class="row">
                    <button type="submit" name="decision" value="approve" class="btn btn-primary">{t("approvals-approve")}</button>
                    <button type="submit" name="decision" value="reject" class="btn btn-danger">{t("approvals-reject")}</button>
                </div>
            </form>
        </li>
    }
}
