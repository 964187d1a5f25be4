//! A printable sheet of QR stickers for one store's devices: each code opens "Report a fault"
//! with the store and the device already picked. Laid out for A4 label sheets (three columns);
//! the codes are SVG drawn on the server, so they print sharp at any size.

use super::refusal_status;
use crate::api::places::store_stickers;
use crate::components::error_notice::ErrorNotice;
use crate::components::role_gate::{PageFor, RoleGate};
use crate::i18n::{t, t_with};
use crate::model::StickerSheet;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn StickersPage() -> impl IntoView {
    view! { <RoleGate page_for=PageFor::Admins><StickersContent/></RoleGate> }
}

#[component]
fn StickersContent() -> impl IntoView {
    let params = use_params_map();
    let code = move || params.read().get("code").unwrap_or_default();
    let data = Resource::new(code, store_stickers);
    view! {
        <Title text=t("stickers-title")/>
        <Suspense fallback=|| view! { <p class="loading">{t("stickers-drawing")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Err(e) => {
                        refusal_status(&e);
                        view! { <ErrorNotice error=e/> }.into_any()
                    }
                    Ok(sheet) => view! { <Sheet sheet/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Sheet(sheet: StickerSheet) -> impl IntoView {
    let StickerSheet { store, stickers } = sheet;
    view! {
        <div class="no-print">
            <p><a href=format!("/admin/stores/{}", crate::url::encode(&store.code))>"← " {store.code.clone()}</a></p>
            <h1 class="page-title">{t("stickers-title")} " · " {store.code.clone()} " " {store.name.clone()}</h1>
            <p class="muted">{t("stickers-help")}</p>
        </div>
        {if stickers.is_empty() {
            view! { <div class="empty-state"><p>{t("stickers-none")}</p></div> }.into_any()
        } else {
            view! {
                <ul class="sticker-sheet" data-testid="sticker-sheet">
                    {stickers.into_iter().map(|s| view! {
                        <li class="sticker" data-testid="sticker" data-link=s.link.clone()>
                            <div class="sticker-code" role="img" aria-label=t_with("stickers-code-for", &[("tag", s.device.tag.as_str().into())]) inner_html=s.svg></div>
                            <p class="sticker-tag"><strong>{s.device.tag.clone()}</strong></p>
                            <p class="sticker-name">{s.device.name.clone()}</p>
                            <p class="sticker-hint">{t("stickers-hint")}</p>
                        </li>
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}
