//! One store for administrators: its details and devices, each editable in place, a form for a
//! new device, and a link to its QR stickers. Plain forms: they work without JavaScript.

use super::{query_error, refusal_status};
use crate::api::places::admin_store;
use crate::components::admin_tabs::AdminTabs;
use crate::components::error_notice::ErrorNotice;
use crate::components::role_gate::{PageFor, RoleGate};
use crate::i18n::{t, t_with, Arg};
use crate::model::{DeviceAdminView, StoreAdminView, StoreDetail};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn StorePage() -> impl IntoView {
    view! { <RoleGate page_for=PageFor::Admins><StoreContent/></RoleGate> }
}

#[component]
fn StoreContent() -> impl IntoView {
    let params = use_params_map();
    let code = move || params.read().get("code").unwrap_or_default();
    let data = Resource::new(code, admin_store);
    let error = query_error();
    view! {
        <Title text=t("admin-store-title")/>
        {move || error.get().map(|e| view! { <div class="notice notice-error" role="alert" data-testid="page-error">{e}</div> })}
        <Suspense fallback=|| view! { <p class="loading">{t("admin-loading-store")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Err(e) => {
                        refusal_status(&e);
                        view! { <ErrorNotice error=e/> }.into_any()
                    }
                    Ok(detail) => view! { <StoreView detail/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn StoreView(detail: StoreDetail) -> impl IntoView {
    let StoreDetail { store, devices } = detail;
    let stickers = format!("/admin/stores/{}/stickers", crate::url::encode(&store.code));
    view! {
        <AdminTabs current="/admin/stores"/>
        <p><a href="/admin/stores">{t("admin-back-to-stores")}</a></p>
        <h1 class="page-title">{store.code.clone()} " · " {store.name.clone()}</h1>
        <dl class="facts">
            <dt>{t("admin-region")}</dt><dd>{store.region.clone()}</dd>
            <dt>{t("admin-time-zone")}</dt><dd>{store.timezone.clone()}</dd>
            <dt>{t("admin-calendar")}</dt><dd>{store.calendar.clone().unwrap_or_else(|| t("admin-store-default"))}</dd>
        </dl>
        <details>
            <summary data-testid="edit-store">{t("admin-edit-store")}</summary>
            <StoreForm store=Some(store.clone())/>
        </details>
        <details class="new-record">
            <summary data-testid="new-device">{t("admin-add-device")}</summary>
            <DeviceForm device=None store_code=store.code.clone()/>
        </details>
        <h2>{t_with("admin-devices", &[("count", Arg::count(devices.len()))])}</h2>
        {if devices.is_empty() {
            view! { <div class="empty-state"><p>{t("admin-no-devices")}</p></div> }.into_any()
        } else {
            view! {
                <p><a class="btn" href=stickers data-testid="stickers-link">{t("admin-print-stickers")}</a></p>
                <ul class="admin-list" data-testid="device-list">
                    {devices.into_iter().map(|d| view! {
                        <li data-testid="device" data-tag=d.tag.clone()>
                            <strong>{d.tag.clone()}</strong> " " {d.name.clone()} <span class="muted">{format!(" · {} · {}", d.kind, d.model)}</span>
                            <details>
                                <summary>{t("admin-edit")}</summary>
                                <DeviceForm device=Some(d.clone()) store_code=d.store.clone()/>
                            </details>
                        </li>
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}

/// The form for one store: empty for a new one (on the stores page), filled for an edit.
#[component]
pub fn StoreForm(store: Option<StoreAdminView>) -> impl IntoView {
    let revision = store.as_ref().map_or(0, |s| s.revision);
    let s = store.unwrap_or(StoreAdminView {
        code: String::new(),
        name: String::new(),
        region: String::new(),
        timezone: String::new(),
        calendar: None,
        devices: 0,
        revision: 0,
    });
    view! {
        <form method="post" action="/api/save_store" class="stack record-form">
            <input type="hidden" name="revision" value=revision.to_string()/>
            {if revision == 0 {
                view! {
                    <div class="field">
                        <label for="store-code">{t("admin-code")}</label>
                        <input id="store-code" name="code" required/>
                    </div>
                }.into_any()
            } else {
                view! { <input type="hidden" name="code" value=s.code.clone()/> }.into_any()
            }}
            <div class="field">
                <label for="store-name">{t("admin-name")}</label>
                <input id="store-name" name="name" required value=s.name.clone()/>
            </div>
            <div class="field">
                <label for="store-region">{t("admin-region")}</label>
                <input id="store-region" name="region" required value=s.region.clone()/>
            </div>
            <div class="field">
                <label for="store-timezone">{t("admin-time-zone")}</label>
                <input id="store-timezone" name="timezone" required placeholder="Europe/Berlin" value=s.timezone.clone()/>
            </div>
            <div class="field">
                <label for="store-calendar">{t("admin-calendar-default")}</label>
                <input id="store-calendar" name="calendar" value=s.calendar.clone().unwrap_or_default()/>
            </div>
            <div class="form-actions">
                <button type="submit" class="btn">{if revision == 0 { t("admin-create-store") } else { t("admin-save-store") }}</button>
            </div>
        </form>
    }
}

/// The form for one device of `store_code`: empty for a new one, filled for an edit.
#[component]
fn DeviceForm(device: Option<DeviceAdminView>, store_code: String) -> impl IntoView {
    let revision = device.as_ref().map_or(0, |d| d.revision);
    let prefix = device.as_ref().map_or("new".to_string(), |d| d.tag.clone());
    let id = move |field: &str| format!("device-{prefix}-{field}");
    let d = device.unwrap_or(DeviceAdminView {
        tag: String::new(),
        store: store_code.clone(),
        kind: String::new(),
        model: String::new(),
        name: String::new(),
        revision: 0,
    });
    view! {
        <form method="post" action="/api/save_device" class="stack record-form">
            <input type="hidden" name="revision" value=revision.to_string()/>
            {if revision == 0 {
                view! {
                    <div class="field">
                        <label for=id("tag")>{t("admin-asset-tag")}</label>
                        <input id=id("tag") name="tag" required/>
                    </div>
                }.into_any()
            } else {
                view! { <input type="hidden" name="tag" value=d.tag.clone()/> }.into_any()
            }}
            <div class="field">
                <label for=id("store")>{t("admin-store-code")}</label>
                <input id=id("store") name="store" required value=d.store.clone()/>
            </div>
            <div class="field">
                <label for=id("kind")>{t("admin-device-kind")}</label>
                <input id=id("kind") name="kind" required placeholder="register" value=d.kind.clone()/>
            </div>
            <div class="field">
                <label for=id("model")>{t("admin-model")}</label>
                <input id=id("model") name="model" required value=d.model.clone()/>
            </div>
            <div class="field">
                <label for=id("name")>{t("admin-name")}</label>
                <input id=id("name") name="name" value=d.name.clone()/>
            </div>
            <div class="form-actions">
                <button type="submit" class="btn">{if revision == 0 { t("admin-add-device-button") } else { t("admin-save-device") }}</button>
            </div>
        </form>
    }
}
