//! Where a one-time password link leads: the person it was made for types a new password twice.
//! A plain form (it works without JavaScript); errors come back in the query string and show
//! beside the form.

use super::{query_error, refusal_status};
use crate::api::people::password_link_owner;
use crate::components::error_notice::ErrorNotice;
use crate::i18n::t;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn SetPasswordPage() -> impl IntoView {
    let query = use_query_map();
    let error = query_error();
    let token = move || query.read().get("token").unwrap_or_default();
    let owner = Resource::new(token, password_link_owner);
    view! {
        <Title text=t("password-title")/>
        <div class="login-card">
            <h1 class="page-title">{t("password-title")}</h1>
            <Suspense fallback=|| view! { <p class="loading">{t("password-checking")}</p> }>
                {move || Suspend::new(async move {
                    match owner.await {
                        Err(e) => {
                            refusal_status(&e);
                            view! { <ErrorNotice error=e/> }.into_any()
                        }
                        Ok(email) => view! {
                            <p>{t("password-for")} " " <strong data-testid="link-owner">{email.clone()}</strong> {t("password-rule")}</p>
                            {move || error.get().map(|e| view! {
                                <div class="notice notice-error" role="alert" data-testid="password-error">{e}</div>
                            })}
                            <form method="post" action="/api/set_password" class="stack">
                                <input type="hidden" name="token" value=token/>
                                <input type="text" name="username" autocomplete="username" value=email hidden/>
                                <div class="field">
                                    <label for="password">{t("password-new")}</label>
                                    <input id="password" name="password" type="password" autocomplete="new-password" minlength="12" required/>
                                </div>
                                <div class="field">
                                    <label for="again">{t("password-again")}</label>
                                    <input id="again" name="again" type="password" autocomplete="new-password" minlength="12" required/>
                                </div>
                                <div class="form-actions">
                                    <button type="submit" class="btn btn-primary">{t("password-set")}</button>
                                </div>
                            </form>
                        }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}
