use super::query_error;
use crate::api::auth::sign_in_methods;
use crate::model::DemoAccount;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// A plain form posted to the `login` server function: it works the same with and without
/// JavaScript, and a full page load afterwards gives every page the new session.
#[component]
pub fn LoginPage() -> impl IntoView {
    let query = use_query_map();
    let error = query_error();
    let email = move || query.read().get("email").unwrap_or_default();
    let next = move || query.read().get("next").unwrap_or_else(|| "/".into());
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
            <form method="post" action="/api/login" class="stack">
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
            // Nothing to wait for visibly: the form above is the page; the demo list (demo mode
            // only) follows when known, and an error leaves the form as it is.
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    options.await.ok().map(|o| view! { <DemoAccounts accounts=o.demo_accounts/> })
                })}
            </Suspense>
        </div>
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
