use crate::api::catalog::catalog_item;
use crate::app::CurrentUser;
use crate::components::error_notice::ErrorNotice;
use crate::components::request_form::RequestForm;
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
        <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                let user_id = user.await.ok().flatten().map(|u| u.id).unwrap_or_default();
                match item.await {
                    Ok(Fetched { value, offline_as_of }) => view! {
                        <OfflineBanner as_of=offline_as_of/>
                        <ItemView detail=value user_id/>
                    }.into_any(),
                    Err(e) => view! { <Title text="Not available"/><ErrorNotice error=e/> }.into_any(),
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
        "Yes, by your line manager"
    } else {
        "No"
    };
    view! {
        <Title text=card.name.clone()/>
        <nav class="breadcrumbs" aria-label="Breadcrumb">
            <a href="/">"Catalog"</a>
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
            <dt>"Expected delivery"</dt>
            <dd data-testid="expected-delivery">{detail.expected_delivery.clone()}</dd>
            <dt>"Approval needed"</dt>
            <dd data-testid="approval-needed">{approval}</dd>
            <dt>"Handled by"</dt>
            <dd>{detail.fulfilment_group.clone()}</dd>
        </dl>
        <h2>"Your request"</h2>
        <p class="muted">"Fields marked * are required."</p>
        <RequestForm detail user_id postback/>
    }
}
