//! One store for administrators: its details and devices, and a link to its QR stickers.

use super::refusal_status;
use crate::api::places::admin_store;
use crate::components::admin_tabs::AdminTabs;
use crate::components::error_notice::ErrorNotice;
use crate::model::StoreDetail;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn StorePage() -> impl IntoView {
    let params = use_params_map();
    let code = move || params.read().get("code").unwrap_or_default();
    let data = Resource::new(code, admin_store);
    view! {
        <Title text="Store"/>
        <Suspense fallback=|| view! { <p class="loading">"Loading the store…"</p> }>
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
        <p><a href="/admin/stores">"← Stores"</a></p>
        <h1 class="page-title">{store.code.clone()} " · " {store.name.clone()}</h1>
        <dl class="facts">
            <dt>"Region"</dt><dd>{store.region.clone()}</dd>
            <dt>"Time zone"</dt><dd>{store.timezone.clone()}</dd>
            <dt>"Business calendar"</dt><dd>{store.calendar.clone().unwrap_or_else(|| "the store default".into())}</dd>
        </dl>
        <h2>{format!("Devices ({})", devices.len())}</h2>
        {if devices.is_empty() {
            view! { <div class="empty-state"><p>"No devices yet. Import them from a CSV on the stores page."</p></div> }.into_any()
        } else {
            view! {
                <p><a class="btn" href=stickers data-testid="stickers-link">"Print QR stickers"</a></p>
                <ul class="admin-list" data-testid="device-list">
                    {devices.into_iter().map(|d| view! {
                        <li><strong>{d.tag.clone()}</strong> " " {d.name.clone()} <span class="muted">{format!(" · {} · {}", d.kind, d.model)}</span></li>
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}
