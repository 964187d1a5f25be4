//! A person's own settings: the language they read the portal in, and which mails they get.
//! Plain forms (work without JavaScript); approval requests cannot be turned off, so their box
//! is shown ticked and disabled.

use super::{query_error, refusal_status};
use crate::api::language::language_settings;
use crate::api::mail::mail_settings;
use crate::components::error_notice::ErrorNotice;
use crate::i18n::{t, t_with};
use crate::model::{LanguageChoices, MailSettingsView};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| mail_settings());
    let languages = Resource::new(|| (), |_| language_settings());
    let query = use_query_map();
    let saved = move || query.read().get("saved");
    let error = query_error();
    view! {
        <Title text=t("settings-title")/>
        <h1 class="page-title">{t("settings-title")}</h1>
        {move || saved().map(|what| view! {
            <div class="notice notice-success" role="status" data-testid="settings-saved">
                {if what == "language" { t("settings-saved-language") } else { t("settings-saved-mail") }}
            </div>
        })}
        {move || error.get().map(|e| view! { <div class="notice notice-error" role="alert">{e}</div> })}
        <Suspense fallback=|| view! { <p class="loading">{t("settings-loading")}</p> }>
            {move || Suspend::new(async move {
                languages.await.ok().map(|settings| view! { <LanguageChoice settings/> })
            })}
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

/// The language menu: "as my browser says" first, then each language by its own name.
#[component]
fn LanguageChoice(settings: LanguageChoices) -> impl IntoView {
    let chosen = settings.chosen.clone().unwrap_or_default();
    let options = std::iter::once((String::new(), t("settings-as-browser")))
        .chain(settings.choices)
        .map(|(tag, name)| {
            let selected = tag == chosen;
            view! { <option value=tag.clone() lang=(!tag.is_empty()).then(|| tag.clone()) selected=selected>{name}</option> }
        })
        .collect_view();
    view! {
        <section class="card stack" aria-labelledby="language-heading">
            <h2 id="language-heading">{t("settings-language")}</h2>
            <form method="post" action="/api/save_language" class="stack" data-testid="language-settings">
                <div class="field">
                    <label for="language">{t("settings-show-in")}</label>
                    <select id="language" name="language" data-testid="language">{options}</select>
                    <p class="help">{t("settings-language-help")}</p>
                </div>
                <div class="form-actions">
                    <button type="submit" class="btn btn-primary" data-testid="save-language">{t("settings-save-language")}</button>
                </div>
            </form>
        </section>
    }
}

#[component]
fn MailChoices(settings: MailSettingsView) -> impl IntoView {
    view! {
        <section class="card stack" aria-labelledby="mail-heading">
            <h2 id="mail-heading">{t("settings-mail")}</h2>
            {if settings.delivery_configured {
                view! { <p>{t("settings-mail-to-before")} " " <strong>{settings.email.clone()}</strong> {t("settings-mail-to-after")}</p> }.into_any()
            } else {
                view! { <p class="notice" data-testid="mail-off">{t("settings-mail-off")}</p> }.into_any()
            }}
            <form method="post" action="/api/save_mail_settings" class="stack" data-testid="mail-settings">
                <fieldset class="checkbox-list">
                    <legend>{t("settings-mail-when")}</legend>
                    {settings.choices.into_iter().map(|c| {
                        let id = format!("mail-{}", c.key);
                        view! {
                            <div class="checkbox">
                                <input type="checkbox" id=id.clone() name=c.optional.then(|| c.key.clone())
                                    value="on" checked=c.on disabled=!c.optional data-testid=format!("mail-{}", c.key)/>
                                <label for=id>
                                    {t_with("settings-mail-kind", &[("kind", c.key.as_str().into())])}
                                    {(!c.optional).then(|| format!(" ({})", t("settings-always-on")))}
                                </label>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
                <div class="form-actions">
                    <button type="submit" class="btn btn-primary" data-testid="save-settings">{t("settings-save")}</button>
                </div>
            </form>
        </section>
    }
}
