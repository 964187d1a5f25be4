//! Stores and devices for administrators: the list with search, and CSV imports of stores and
//! of devices, each checked first (a dry run that lists every refused row with its line) and
//! then applied all or nothing (`ImportPanel`). Reading the chosen file needs JavaScript; the
//! list does not.

use super::refusal_status;
use crate::api::places::admin_stores;
use crate::app::CurrentUser;
use crate::components::admin_tabs::{signed_in_admin, AdminListHeading};
use crate::components::error_notice::ErrorNotice;
use crate::components::import_panel::ImportPanel;
use crate::components::pager::Pager;
use crate::components::role_gate::{PageFor, RoleGate};
use crate::i18n::{t, t_with};
use crate::model::{ImportFile, Page, StoreAdminView};
use crate::pages::admin_store::StoreForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn StoresPage() -> impl IntoView {
    view! { <RoleGate page_for=PageFor::Admins><StoresContent/></RoleGate> }
}

#[component]
fn StoresContent() -> impl IntoView {
    let query = use_query_map();
    let error = super::query_error();
    let q = Memo::new(move |_| query.read().get("q").unwrap_or_default());
    let page = Memo::new(move |_| query.read().get("page").and_then(|p| p.parse::<u32>().ok()));
    let data = Resource::new(
        move || (q.get(), page.get()),
        |(q, page)| admin_stores((!q.is_empty()).then_some(q), page),
    );
    // The frame and the import panels follow the signed-in person, loaded once; only the list
    // reloads after an import, so a panel keeps its report on screen.
    let user = expect_context::<CurrentUser>();
    view! {
        <Title text=t("admin-tab-stores")/>
        <AdminListHeading current="/admin/stores" title=t("admin-tab-stores") search_label=t("admin-find-store")
            placeholder=t("admin-find-store-placeholder") q=q.get_untracked()>
            {move || error.get().map(|e| view! { <div class="notice notice-error" role="alert" data-testid="page-error">{e}</div> })}
        </AdminListHeading>
        <Suspense fallback=|| view! { <p class="loading">{t("admin-loading-stores")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Err(e) => {
                        refusal_status(&e);
                        view! { <ErrorNotice error=e/> }.into_any()
                    }
                    Ok(list) => view! { <StoreList list q=q.get_untracked()/> }.into_any(),
                }
            })}
        </Suspense>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                signed_in_admin(user).await.then(|| view! {
                    <details class="new-record">
                        <summary data-testid="new-store">{t("admin-new-store")}</summary>
                        <StoreForm store=None/>
                    </details>
                    <h2>{t("admin-import-csv")}</h2>
                    <p class="muted">{t("admin-import-stores-help")}</p>
                    <ImportPanel file=ImportFile::Stores on_done=move || data.refetch()/>
                    <ImportPanel file=ImportFile::Devices on_done=move || data.refetch()/>
                })
            })}
        </Suspense>
    }
}

#[component]
fn StoreList(list: Page<StoreAdminView>, q: String) -> impl IntoView {
    let n = list.page;
    let has_next = list.has_next();
    let link = move |p: u32| format!("/admin/stores?q={}&page={p}", crate::url::encode(&q));
    if list.items.is_empty() {
        return view! {
            <div class="empty-state" data-testid="no-stores">
                <p>{t("admin-no-stores")}</p>
            </div>
        }
        .into_any();
    }
    view! {
        <p data-testid="store-total">{t_with("admin-store-total", &[("count", list.total.into())])}</p>
        <ul class="admin-list" data-testid="store-list">
            {list.items.into_iter().map(|s| view! {
                <li>
                    <a href=format!("/admin/stores/{}", crate::url::encode(&s.code))>
                        <strong>{s.code.clone()}</strong> " " {s.name.clone()}
                    </a>
                    <span class="muted">{format!(" · {} · {} · {}", s.region, s.timezone, t_with("admin-store-devices", &[("count", s.devices.into())]))}</span>
                </li>
            }).collect_view()}
        </ul>
        <Pager page=n has_next link/>
    }
    .into_any()
}
