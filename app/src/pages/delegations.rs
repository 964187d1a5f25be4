//! "Away?" on the Approvals page: the reader names someone who decides their approvals while
//! they are away, sees who does, and ends it early. Plain forms that also work without
//! JavaScript; with it, a refusal shows beside its field and what was typed stays.

use super::when;
use crate::api::approvals::{my_delegations, DelegateApprovals, EndDelegation};
use crate::i18n::{t, t_with};
use crate::model::{AppError, DelegationView};
use leptos::prelude::*;

#[component]
pub fn Delegations() -> impl IntoView {
    let delegate = ServerAction::<DelegateApprovals>::new();
    let end = ServerAction::<EndDelegation>::new();
    let list = Resource::new(
        move || (delegate.version().get(), end.version().get()),
        |_| my_delegations(),
    );
    let refused = move || delegate.value().get().and_then(Result::err);
    let field_error = move |key: &'static str| {
        move || {
            let message = refused()
                .and_then(|e: AppError| e.field_errors().and_then(|f| f.get(key).cloned()))?;
            Some(view! { <p class="field-error" data-testid=format!("error-{key}")>{message}</p> })
        }
    };
    view! {
        <section class="delegations" data-testid="delegations">
            <h2>{t("delegation-title")}</h2>
            <p class="muted">{t("delegation-intro")}</p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let current = list.await.unwrap_or_default();
                    (!current.is_empty()).then(|| view! {
                        <ul class="delegation-list" data-testid="delegation-list">
                            {current.into_iter().map(|d| view! { <Current delegation=d end/> }).collect_view()}
                        </ul>
                    })
                })}
            </Suspense>
            <ActionForm action=delegate attr:class="stack delegation-form">
                <div class="field">
                    <label for="delegate-to">{t("delegation-to")}</label>
                    <input id="delegate-to" name="to" type="email" autocomplete="off" required/>
                    {field_error("to")}
                </div>
                <div class="row">
                    <div class="field">
                        <label for="delegate-first">{t("delegation-first-day")}</label>
                        <input id="delegate-first" name="first_day" type="date" required/>
                    </div>
                    <div class="field">
                        <label for="delegate-last">{t("delegation-last-day")}</label>
                        <input id="delegate-last" name="last_day" type="date" required/>
                    </div>
                </div>
                {field_error("days")}
                <div class="form-actions">
                    <button type="submit" class="btn btn-secondary" data-testid="delegate">{t("delegation-save")}</button>
                </div>
            </ActionForm>
        </section>
    }
}

#[component]
fn Current(delegation: DelegationView, end: ServerAction<EndDelegation>) -> impl IntoView {
    view! {
        <li data-testid="delegation">
            {t_with("delegation-current", &[
                ("name", delegation.name.as_str().into()),
                ("from", when(&delegation.starts).into()),
                ("until", when(&delegation.ends).into()),
            ])}
            <ActionForm action=end attr:class="inline-form">
                <input type="hidden" name="to" value=delegation.to.clone()/>
                <button type="submit" class="btn btn-secondary btn-small" data-testid="end-delegation">{t("delegation-end")}</button>
            </ActionForm>
        </li>
    }
}
