use crate::api::catalog::catalog_item;
use crate::app::CurrentUser;
use crate::components::error_notice::ErrorNotice;
use crate::components::request_form::RequestForm;
use crate::i18n::t;
use crate::model::{FormPostback, ItemDetail};
use crate::offline::{Fetched, OfflineBanner};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn ItemPage() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let item = Resource::new(slug, |slug| {
        crate::offline::sendable(async move {
            let answer = catalog_item(slug.clone()).await;
            crate::offline::or_device(answer, |s| s.item(&slug, crate::offline::device_key())).await
        })
    });
    let user = expect_context::<CurrentUser>();
    view! {
        <Suspense fallback=|| view! { <p class="loading">{t("item-loading")}</p> }>
            {move || Suspend::new(async move {
                let user_id = user.await.ok().flatten().map(|u| u.id).unwrap_or_default();
                match item.await {
                    Ok(Fetched { value, offline_as_of }) => view! {
                        <OfflineBanner as_of=offline_as_of/>
                        <ItemView detail=value user_id/>
                    }.into_any(),
                    Err(e) => view! { <Title text=t("item-not-available")/><ErrorNotice error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ItemView(detail: ItemDetail, user_id: i64) -> impl IntoView {
    // Present only on the server, when a plain-HTML submit failed and the page is re-rendered.
    let postback = use_context::<FormPostback>().filter(|p| p.item_slug == detail.card.slug);
    let card = detail.card.clone();
    // Rendered and sanitised on the server (Markdown, as in articles).
    let description = detail.description_html.clone();
    let approval = if card.requires_approval {
        t("item-approval-yes")
    } else {
        t("item-approval-no")
    };
    view! {
        <Title text=card.name.clone()/>
        <nav class="breadcrumbs" aria-label=t("item-breadcrumb")>
            <a href="/">{t("item-breadcrumb-catalog")}</a>
            <span>{detail.category_name.clone()}</span>
        </nav>
        <div class="item-header">
            <span class="item-icon" aria-hidden="true">{card.icon.clone()}</span>
            <div>
                <h1 class="page-title">{card.name.clone()}</h1>
                <p class="page-intro">{card.summary.clone()}</p>
            </div>
        </div>
        <div class="item-description" inner_html=description></div>
        <dl class="facts">
            <dt>{t("item-delivery")}</dt>
            <dd data-testid="expected-delivery">{detail.expected_delivery.clone()}</dd>
            <dt>{t("item-approval")}</dt>
            <dd data-testid="approval-needed">{approval}</dd>
            <dt>{t("item-handled-by")}</dt>
            <dd>{detail.fulfilment_group.clone()}</dd>
        </dl>
        <h2>{t("item-your-request")}</h2>
        <p class="muted">{t("item-required-note")}</p>
        <RequestForm detail user_id postback/>
    }
}
