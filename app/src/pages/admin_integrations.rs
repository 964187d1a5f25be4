//! Administrators' integration tokens: one per monitoring system or till estate that reports
//! incidents through `POST /api/v1/incidents`. A new token is shown once, on this page; the
//! list shows when each was last used, and revoking one stops it at once.

use super::{query_error, when};
use crate::api::integrations::{create_integration_token, list_integration_tokens};
use crate::components::admin_tabs::AdminTabs;
use crate::components::error_notice::ErrorNotice;
use crate::components::role_gate::{PageFor, RoleGate};
use crate::i18n::{t, t_with};
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
        <Title text=t("admin-tab-integrations")/>
        <AdminTabs current="/admin/integrations"/>
        <h1 class="page-title">{t("admin-tab-integrations")}</h1>
        <p class="page-intro">{t("integrations-intro-before")} " " <code>"POST /api/v1/incidents"</code> " " {t("integrations-intro-after")}</p>
        {move || error.get().map(|e| view! { <div class="notice notice-error" role="alert">{e}</div> })}
        <form class="inline-form" method="post" action="/api/create_integration_token" on:submit=on_create>
            <label for="integration-name">{t("integrations-new")}</label>
            <input id="integration-name" name="name" type="text" required maxlength="100" placeholder="e.g. Store network monitoring"
                prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
            <button type="submit" class="btn btn-primary" data-testid="create-token">{t("integrations-create")}</button>
        </form>
        {move || created.get().map(|result| match result {
            Ok(token) => view! {
                <div class="notice notice-success" role="status" data-testid="new-token">
                    <p>{t("integrations-token-for")} " " <strong>{token.name.clone()}</strong> {t("integrations-copy-now")}</p>
                    <p><code class="token">{token.token.clone()}</code></p>
                </div>
            }.into_any(),
            Err(e) => view! { <ErrorNotice error=e/> }.into_any(),
        })}
        <Suspense fallback=|| view! { <p class="loading">{t("problem-loading")}</p> }>
            {move || Suspend::new(async move {
                match tokens.await {
                    Err(e) => view! { <ErrorNotice error=e/> }.into_any(),
                    Ok(list) if list.is_empty() => view! {
                        <div class="empty-state"><p>{t("integrations-none")}</p></div>
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
            <thead><tr><th>{t("integrations-name")}</th><th>{t("integrations-created")}</th><th>{t("integrations-last-used")}</th><th>{t("integrations-status")}</th></tr></thead>
            <tbody>
                {list.into_iter().map(|token| view! {
                    <tr>
                        <td>{token.name.clone()}</td>
                        <td>{t_with("integrations-created-by", &[("when", when(&token.created_at).into()), ("person", token.created_by.as_str().into())])}</td>
                        <td>{token.last_used_at.as_ref().map(when).unwrap_or_else(|| t("integrations-never"))}</td>
                        <td>{match token.revoked_at {
                            Some(at) => view! { <span>{t_with("integrations-revoked", &[("when", when(&at).into())])}</span> }.into_any(),
                            None => view! {
                                <form method="post" action="/api/revoke_integration_token">
                                    <input type="hidden" name="id" value=token.id.to_string()/>
                                    <button type="submit" class="btn btn-danger">{t("integrations-revoke")}</button>
                                </form>
                            }.into_any(),
                        }}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}
