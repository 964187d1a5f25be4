//! Administrators' integration tokens: one per monitoring system or till estate that reports
//! incidents through `POST /api/v1/incidents`. A new token is shown once, on this page; the
//! list shows when each was last used, and revoking one stops it at once.

use super::{query_error, when};
use crate::api::integrations::{create_integration_token, list_integration_tokens};
use crate::components::admin_tabs::AdminTabs;
use crate::components::error_notice::ErrorNotice;
use crate::components::role_gate::{PageFor, RoleGate};
use crate::model::{AppError, IntegrationTokenView, NewIntegrationToken};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn IntegrationsPage() -> impl IntoView {
    view! { <RoleGate page_for=PageFor::Admins><IntegrationsContent/></RoleGate> }
}

#[component]
fn IntegrationsContent() -> impl IntoView {
    let tokens = Resource::new(|| (), |_| list_integration_tokens());
    let error = query_error();
    let created = RwSignal::new(None::<Result<NewIntegrationToken, AppError>>);
    let name = RwSignal::new(String::new());
    let on_create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let wanted = name.get_untracked();
        leptos::task::spawn_local(async move {
            let result = create_integration_token(wanted).await;
            if result.is_ok() {
                name.set(String::new());
                tokens.refetch();
            }
            created.set(Some(result));
        });
    };
    view! {
        <Title text="Integrations"/>
        <AdminTabs current="/admin/integrations"/>
        <h1 class="page-title">"Integrations"</h1>
        <p class="page-intro">"Monitoring systems and tills raise incidents with " <code>"POST /api/v1/incidents"</code> " and a token of their own. Give each system its own token, so one can be revoked without stopping the others."</p>
        {move || error.get().map(|e| view! { <div class="notice notice-error" role="alert">{e}</div> })}
        <form class="inline-form" method="post" action="/api/create_integration_token" on:submit=on_create>
            <label for="integration-name">"New integration"</label>
            <input id="integration-name" name="name" type="text" required maxlength="100" placeholder="e.g. Store network monitoring"
                prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
            <button type="submit" class="btn btn-primary" data-testid="create-token">"Create token"</button>
        </form>
        {move || created.get().map(|result| match result {
            Ok(token) => view! {
                <div class="notice notice-success" role="status" data-testid="new-token">
                    <p>"Token for " <strong>{token.name.clone()}</strong> ". Copy it now: it is not shown again."</p>
                    <p><code class="token">{token.token.clone()}</code></p>
                </div>
            }.into_any(),
            Err(e) => view! { <ErrorNotice error=e/> }.into_any(),
        })}
        <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match tokens.await {
                    Err(e) => view! { <ErrorNotice error=e/> }.into_any(),
                    Ok(list) if list.is_empty() => view! {
                        <div class="empty-state"><p>"No integrations yet."</p></div>
                    }.into_any(),
                    Ok(list) => view! { <TokenTable list/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn TokenTable(list: Vec<IntegrationTokenView>) -> impl IntoView {
    view! {
        <table class="data-table" data-testid="token-list">
            <thead><tr><th>"Integration"</th><th>"Created"</th><th>"Last used"</th><th>"Status"</th></tr></thead>
            <tbody>
                {list.into_iter().map(|t| view! {
                    <tr>
                        <td>{t.name.clone()}</td>
                        <td>{when(&t.created_at)} " by " {t.created_by.clone()}</td>
                        <td>{t.last_used_at.as_ref().map(when).unwrap_or_else(|| "Never".into())}</td>
                        <td>{match t.revoked_at {
                            Some(at) => view! { <span>"Revoked " {when(&at)}</span> }.into_any(),
                            None => view! {
                                <form method="post" action="/api/revoke_integration_token">
                                    <input type="hidden" name="id" value=t.id.to_string()/>
                                    <button type="submit" class="btn btn-danger">"Revoke"</button>
                                </form>
                            }.into_any(),
                        }}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}
