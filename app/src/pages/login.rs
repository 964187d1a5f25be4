use super::query_error;
use crate::api::auth::sign_in_methods;
use crate::i18n::{t, t_with};
use crate::model::{DemoAccount, ProviderOption, SignInOptions};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// Plain forms and links: the password form posts to the `login` server function and each
/// identity provider's button is a link to its `/auth/oidc/<id>/start`, so both work the same
/// with and without JavaScript, and a full page load afterwards gives every page the session.
#[component]
pub fn LoginPage() -> impl IntoView {
    let query = use_query_map();
    let error = query_error();
    let options = Resource::new(|| (), |_| sign_in_methods());
    let password_set = move || query.read().get("password_set").is_some();
    view! {
        <Title text=t("login-title")/>
        <div class="login-card">
            <h1 class="page-title">{t("login-heading")}</h1>
            {move || error.get().map(|e| view! {
                <div class="notice notice-error" role="alert" data-testid="login-error">{e}</div>
            })}
            {move || password_set().then(|| view! {
                <div class="notice notice-success" role="status" data-testid="password-set">{t("login-password-set")}</div>
            })}
            // The page waits for the options on the server (SsrMode::Async): the buttons and
            // the form are in the first HTML. Should they fail to load, the password form
            // still shows, as it always did.
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let options = options.await.unwrap_or_default();
                    view! { <SignInChoices options/> }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn SignInChoices(options: SignInOptions) -> impl IntoView {
    let query = use_query_map();
    let next = move || query.read().get("next").unwrap_or_else(|| "/".into());
    let signed_out = query.read_untracked().get("signed_out");
    // Admins-only: the break-glass form hides behind a link to this page with ?admin (read
    // reactively: with JavaScript the router follows that link without a new render).
    let admins_only = options.password_admins_only;
    let show_password = move || !admins_only || query.read().get("admin").is_some();
    let also_sign_out = signed_out.and_then(|id| {
        options
            .providers
            .iter()
            .find(|p| p.id == id)
            .and_then(|p| Some((p.label.clone(), p.end_session_url.clone()?)))
    });
    let has_providers = !options.providers.is_empty();
    view! {
        {also_sign_out.map(|(label, url)| view! {
            <div class="notice notice-success" role="status" data-testid="provider-sign-out">
                {t("login-signed-out")} " "
                <a href=url rel="noreferrer">{t_with("login-also-sign-out", &[("provider", label.into())])}</a>
            </div>
        })}
        {has_providers.then(|| view! {
            <ul class="stack sign-in-providers" data-testid="sign-in-providers">
                {options.providers.into_iter().map(|p| view! { <ProviderButton provider=p next=next()/> }).collect_view()}
            </ul>
        })}
        <Show when=show_password fallback=move || view! {
            <p class="muted">
                <a href=move || format!("/login?admin=1&next={}", crate::url::encode(&next()))
                    data-testid="admin-sign-in">{t("login-admin")}</a>
            </p>
        }>
            <PasswordForm/>
        </Show>
        <DemoAccounts accounts=options.demo_accounts/>
    }
}

/// "Sign in with …", or why it cannot be used right now.
#[component]
fn ProviderButton(provider: ProviderOption, next: String) -> impl IntoView {
    let href = format!(
        "/auth/oidc/{}/start?next={}",
        crate::url::encode(&provider.id),
        crate::url::encode(&next)
    );
    let label = t_with(
        "login-with-provider",
        &[("provider", provider.label.as_str().into())],
    );
    view! {
        <li>
            {if provider.available {
                // `rel="external"`: a page load, not the router's client-side navigation (which
                // would look for a page of its own at that path and find none).
                view! { <a class="btn btn-primary" href=href rel="external" data-testid="sign-in-provider">{label}</a> }.into_any()
            } else {
                view! {
                    <p class="notice notice-error" data-testid="provider-unavailable">
                        {t_with("login-provider-unavailable", &[("provider", provider.label.as_str().into())])}
                    </p>
                }.into_any()
            }}
        </li>
    }
}

#[component]
fn PasswordForm() -> impl IntoView {
    let query = use_query_map();
    let email = move || query.read().get("email").unwrap_or_default();
    let next = move || query.read().get("next").unwrap_or_else(|| "/".into());
    view! {
        <form method="post" action="/api/login" class="stack" data-testid="password-form">
            <input type="hidden" name="next" value=next/>
            <div class="field">
                <label for="email">{t("login-email")}</label>
                <input id="email" name="email" type="email" autocomplete="username" required value=email/>
            </div>
            <div class="field">
                <label for="password">{t("login-password")}</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required/>
            </div>
            <div class="form-actions">
                <button type="submit" class="btn btn-primary">{t("login-submit")}</button>
            </div>
        </form>
    }
}

/// The demo accounts of a demo install (see README); nothing at all on a production start.
#[component]
fn DemoAccounts(accounts: Vec<DemoAccount>) -> impl IntoView {
    (!accounts.is_empty()).then(|| {
        view! {
            <details class="demo-accounts" data-testid="demo-accounts">
                <summary>{t("login-demo-accounts")}</summary>
                <p class="muted">{t("login-demo-password")}</p>
                <table>
                    <tbody>
                        {accounts.into_iter().map(|a| view! {
                            <tr><td><code>{a.email}</code></td><td>{a.role}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </details>
        }
    })
}
