//! Change freeze periods for administrators: each period with its days, whether it comes back
//! every year and the stores it holds for, editable in place; a form for a new one. Forms that
//! also work as plain posts; with JavaScript a refusal shows beside its field and what was
//! typed stays.

use super::{query_error, refusal_status};
use crate::api::freezes::{admin_freezes, DeleteFreeze, SaveFreeze};
use crate::components::admin_tabs::AdminTabs;
use crate::components::error_notice::ErrorNotice;
use crate::components::role_gate::{PageFor, RoleGate};
use crate::i18n::{t, t_with};
use crate::model::{AppError, FreezeView};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn FreezesPage() -> impl IntoView {
    view! { <RoleGate page_for=PageFor::Admins><FreezesContent/></RoleGate> }
}

#[component]
fn FreezesContent() -> impl IntoView {
    let saved = RwSignal::new(0u32);
    let data = Resource::new(move || saved.get(), |_| admin_freezes());
    let error = query_error();
    view! {
        <Title text=t("freezes-title")/>
        <Suspense fallback=|| view! { <p class="loading">{t("freezes-loading")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Err(e) => {
                        refusal_status(&e);
                        view! { <ErrorNotice error=e/> }.into_any()
                    }
                    Ok(freezes) => view! {
                        <AdminTabs current="/admin/freezes"/>
                        <h1 class="page-title">{t("freezes-title")}</h1>
                        <p class="muted">{t("freezes-help")}</p>
                        {move || error.get().map(|e| view! { <div class="notice notice-error" role="alert" data-testid="page-error">{e}</div> })}
                        <details class="new-record" open=freezes.is_empty()>
                            <summary data-testid="new-freeze">{t("freezes-new")}</summary>
                            <FreezeForm freeze=None saved/>
                        </details>
                        {if freezes.is_empty() {
                            view! { <div class="empty-state" data-testid="no-freezes"><p>{t("freezes-none")}</p></div> }.into_any()
                        } else {
                            view! {
                                <ul class="admin-list" data-testid="freeze-list">
                                    {freezes.into_iter().map(|f| view! { <FreezeRow freeze=f saved/> }).collect_view()}
                                </ul>
                            }.into_any()
                        }}
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn FreezeRow(freeze: FreezeView, saved: RwSignal<u32>) -> impl IntoView {
    let remove = ServerAction::<DeleteFreeze>::new();
    Effect::new(move |_| {
        if matches!(remove.value().get(), Some(Ok(()))) {
            saved.update(|n| *n += 1);
        }
    });
    let f = &freeze.freeze;
    let stores = if f.stores.is_empty() {
        t("freezes-every-store")
    } else {
        f.stores.join(", ")
    };
    let period = t_with(
        if f.every_year {
            "freezes-period-yearly"
        } else {
            "freezes-period"
        },
        &[
            ("first", f.first_day.to_string().into()),
            ("last", f.last_day.to_string().into()),
        ],
    );
    let refused = move || {
        remove
            .value()
            .get()
            .and_then(Result::err)
            .map(|e| view! { <p class="field-error" role="alert">{crate::components::error_notice::page_error_text(&e)}</p> })
    };
    view! {
        <li data-testid="freeze" data-name=f.name.clone()>
            <strong>{f.name.clone()}</strong>
            <br/>
            <span class="muted">{period} " · " {stores}</span>
            <details>
                <summary data-testid="edit-freeze">{t("freezes-edit")}</summary>
                <FreezeForm freeze=Some(freeze.clone()) saved/>
            </details>
            <ActionForm action=remove attr:class="inline-form">
                <input type="hidden" name="id" value=freeze.id.to_string()/>
                <input type="hidden" name="revision" value=freeze.revision.to_string()/>
                <button type="submit" class="btn btn-secondary btn-small" data-testid="delete-freeze">{t("freezes-delete")}</button>
            </ActionForm>
            {refused}
        </li>
    }
}

/// The form for one period: empty for a new one, filled to change it.
#[component]
fn FreezeForm(freeze: Option<FreezeView>, saved: RwSignal<u32>) -> impl IntoView {
    let save = ServerAction::<SaveFreeze>::new();
    Effect::new(move |_| {
        if matches!(save.value().get(), Some(Ok(_))) {
            saved.update(|n| *n += 1);
        }
    });
    let (id, revision) = freeze.as_ref().map_or((0, 0), |f| (f.id, f.revision));
    let f = freeze.map(|f| f.freeze);
    let prefix = format!("freeze-{id}");
    let field_id = move |field: &str| format!("{prefix}-{field}");
    let field_error = move |key: &'static str| {
        move || {
            let message = save
                .value()
                .get()
                .and_then(Result::err)
                .and_then(|e: AppError| e.field_errors().and_then(|f| f.get(key).cloned()))?;
            Some(view! { <p class="field-error" data-testid=format!("error-{key}")>{message}</p> })
        }
    };
    let other_error = move || {
        let e = save.value().get().and_then(Result::err)?;
        e.field_errors()
            .is_none()
            .then(|| view! { <p class="field-error" role="alert">{crate::components::error_notice::page_error_text(&e)}</p> })
    };
    let name = f.as_ref().map(|f| f.name.clone()).unwrap_or_default();
    let first = f
        .as_ref()
        .map(|f| f.first_day.to_string())
        .unwrap_or_default();
    let last = f
        .as_ref()
        .map(|f| f.last_day.to_string())
        .unwrap_or_default();
    let yearly = f.as_ref().is_some_and(|f| f.every_year);
    let stores = f.as_ref().map(|f| f.stores.join(", ")).unwrap_or_default();
    view! {
        <ActionForm action=save attr:class="stack record-form">
            <input type="hidden" name="id" value=id.to_string()/>
            <input type="hidden" name="revision" value=revision.to_string()/>
            <div class="field">
                <label for=field_id("name")>{t("admin-name")}</label>
                <input id=field_id("name") name="name" required value=name/>
                {field_error("name")}
            </div>
            <div class="row">
                <div class="field">
                    <label for=field_id("first")>{t("freezes-first-day")}</label>
                    <input id=field_id("first") name="first_day" type="date" required value=first/>
                    {field_error("first_day")}
                </div>
                <div class="field">
                    <label for=field_id("last")>{t("freezes-last-day")}</label>
                    <input id=field_id("last") name="last_day" type="date" required value=last/>
                    {field_error("last_day")}
                </div>
            </div>
            <div class="checkbox-field">
                <input id=field_id("yearly") name="every_year" type="checkbox" value="true" checked=yearly/>
                <label for=field_id("yearly")>{t("freezes-every-year")}</label>
            </div>
            <div class="field">
                <label for=field_id("stores")>{t("freezes-stores")}</label>
                <input id=field_id("stores") name="stores" value=stores/>
                <p class="help">{t("freezes-stores-help")}</p>
                {field_error("stores")}
            </div>
            {other_error}
            <div class="form-actions">
                <button type="submit" class="btn" data-testid="save-freeze">{if id == 0 { t("freezes-create") } else { t("freezes-save") }}</button>
            </div>
        </ActionForm>
    }
}
