//! A person's own settings: which mails they get. A plain form (works without JavaScript);
//! approval requests cannot be turned off, so their box is shown ticked and disabled.

use super::{query_error, refusal_status};
use crate::api::mail::mail_settings;
use crate::components::error_notice::ErrorNotice;
use crate::model::MailSettingsView;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| mail_settings());
    let query = use_query_map();
    let saved = move || query.read().get("saved").is_some();
    let error = query_error();
    view! {
        <Title text="Settings"/>
        <h1 class="page-title">"Settings"</h1>
        {move || saved().then(|| view! {
            <div class="notice notice-success" role="status" data-testid="settings-saved">"Saved. Mails follow your choice from now on."</div>
        })}
        {move || error.get().map(|e| view! { <div class="notice notice-error" role="alert">{e}</div> })}
        <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Err(e) => {
                        refusal_status(&e);
                        view! { <ErrorNotice error=e/> }.into_any()
                    }
                    Ok(settings) => view! { <MailChoices settings/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn MailChoices(settings: MailSettingsView) -> impl IntoView {
    view! {
        <section class="card stack" aria-labelledby="mail-heading">
            <h2 id="mail-heading">"E-mail"</h2>
            {if settings.delivery_configured {
                view! { <p>"Mails go to " <strong>{settings.email.clone()}</strong> ". Choose which ones you get."</p> }.into_any()
            } else {
                view! { <p class="notice" data-testid="mail-off">"This portal sends no mail yet: an administrator has not set up a mail server. Your choices apply once they do."</p> }.into_any()
            }}
            <form method="post" action="/api/save_mail_settings" class="stack" data-testid="mail-settings">
                <fieldset class="checkbox-list">
                    <legend>"Send me a mail when…"</legend>
                    {settings.choices.into_iter().map(|c| {
                        let id = format!("mail-{}", c.key);
                        view! {
                            <div class="checkbox">
                                <input type="checkbox" id=id.clone() name=c.optional.then(|| c.key.clone())
                                    value="on" checked=c.on disabled=!c.optional data-testid=format!("mail-{}", c.key)/>
                                <label for=id>{c.label.clone()}{(!c.optional).then_some(" (always on)")}</label>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
                <div class="form-actions">
                    <button type="submit" class="btn btn-primary" data-testid="save-settings">"Save"</button>
                </div>
            </form>
        </section>
    }
}
