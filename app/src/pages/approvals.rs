use super::{query_error, when};
use crate::api::approvals::pending_approvals;
use crate::components::error_notice::ErrorNotice;
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
        <Title text="Approvals"/>
        <h1 class="page-title">"Approvals"</h1>
        {move || error.get().map(|e| view! { <div class="notice notice-error" role="alert" data-testid="action-error">{e}</div> })}
        <Show when=done>
            <div class="notice notice-success" role="status" data-testid="decided">"Decision recorded. The requester can see it now."</div>
        </Show>
        <Suspense fallback=|| view! { <p class="loading">"Loading approvals…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Err(e) => view! { <ErrorNotice error=e/> }.into_any(),
                    Ok(list) if list.is_empty() => view! {
                        <div class="empty-state" data-testid="no-approvals">
                            <h2>"Nothing waiting for you"</h2>
                            <p>"Requests from your team that need your approval will appear here."</p>
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
    let t = approval.ticket;
    let comment_id = format!("comment-{}", t.number);
    view! {
        <li class="approval-card" id=t.number.clone() data-testid="approval-card" data-number=t.number.clone()>
            <div class="approval-summary">
                <a href=format!("/requests/{}", t.number)><span class="request-number">{t.number.clone()}</span></a>
                " " <strong>{t.title.clone()}</strong>
                <p class="muted">{t.requester_name.clone()} " · " {when(&t.created_at)}</p>
                <dl class="answers">
                    {approval.answers.into_iter().map(|a| view! { <dt>{a.label}</dt><dd>{a.answer.display()}</dd> }).collect_view()}
                </dl>
            </div>
            <form class="decision-form stack" method="post" action="/api/decide">
                <input type="hidden" name="number" value=t.number.clone()/>
                <div class="field">
                    <label for=comment_id.clone()>"Comment (needed to reject)"</label>
                    <textarea id=comment_id name="comment" rows="2" maxlength="2000"></textarea>
                </div>
                <div class="row">
                    <button type="submit" name="decision" value="approve" class="btn btn-primary">"Approve"</button>
                    <button type="submit" name="decision" value="reject" class="btn btn-danger">"Reject"</button>
                </div>
            </form>
        </li>
    }
}
