use super::query_error;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// Demo accounts, shown on the sign-in page of a demo install (see README).
const DEMO_ACCOUNTS: [(&str, &str); 4] = [
    ("rita.requester@deskfront.test", "Requester"),
    ("lena.lead@deskfront.test", "Line manager (approver)"),
    ("sam.store@deskfront.test", "Store staff"),
    ("ahmed.agent@deskfront.test", "Service desk agent"),
];

/// A plain form posted to the `login` server function: it works the same with and without
/// JavaScript, and a full page load afterwards gives every page the new session.
#[component]
pub fn LoginPage() -> impl IntoView {
    let query = use_query_map();
    let error = query_error();
    let email = move || query.read().get("email").unwrap_or_default();
    let next = move || query.read().get("next").unwrap_or_else(|| "/".into());
    view! {
        <Title text="Sign in"/>
        <div class="login-card">
            <h1 class="page-title">"Sign in to Deskfront"</h1>
            {move || error.get().map(|e| view! {
                <div class="notice notice-error" role="alert" data-testid="login-error">{e}</div>
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
            <details class="demo-accounts">
                <summary>"Demo accounts"</summary>
                <p class="muted">"Every demo account uses the demo password from the README."</p>
                <table>
                    <tbody>
                        {DEMO_ACCOUNTS.iter().map(|(e, role)| view! {
                            <tr><td><code>{*e}</code></td><td>{*role}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </details>
        </div>
    }
}
