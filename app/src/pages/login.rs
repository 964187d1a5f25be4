use super::query_error;
use crate::api::auth::sign_in_methods;
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
        <Title text="Sign in"/>
        <div class="login-card">
            <h1 class="page-title">"Sign in to Deskfront"</h1>
            {move || error.get().map(|e| view! {
                <div class="notice notice-error" role="alert" data-testid="login-error">{e}</div>
            })}
            {move || password_set().then(|| view! {
                <div class="notice notice-success" role="status" data-testid="password-set">"Your password is set. Sign in with it."</div>
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
                "You are signed out of Deskfront. "
                <a href=url rel="noreferrer">{format!("Also sign out of {label}")}</a>
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
                    data-testid="admin-sign-in">"Administrator sign-in"</a>
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
    let label = format!("Sign in with {}", provider.label);
    view! {
        <li>
            {if provider.available {
                // `rel="external"`: a page load, not the router's client-side navigation (which
                // would look for a page of its own at that path and find none).
                view! { <a class="btn btn-primary" href=href rel="external" data-testid="sign-in-provider">{label}</a> }.into_any()
            } else {
                view! {
                    <p class="notice notice-error" data-testid="provider-unavailable">
                        {format!("{label} is unavailable right now: the identity provider does not answer. Try again in a few minutes.")}
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
                <label for="email">"Email address"</label>
                <input id="email" name="email" type="email" autocomplete="username" required value=email/>
            </div>
            <div class="field">
                <label for="password">"Password"</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required/>
            </div>
            <div class="form-actions">
                <button type="submit" class="btn btn-primary">"Sign in"</button>
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
                <summary>"Demo accounts"</summary>
                <p class="muted">"Every demo account uses the demo password from the README."</p>
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
