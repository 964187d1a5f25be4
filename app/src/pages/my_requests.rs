use super::when;
use crate::api::requests::my_requests;
use crate::app::CurrentUser;
use crate::components::error_notice::ErrorNotice;
use crate::components::outbox_list::OutboxList;
use crate::components::state_badge::StateBadge;
use crate::i18n::{t, t_with};
use crate::model::AppError;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn MyRequestsPage() -> impl IntoView {
    let query = use_query_map();
    let page = move || {
        query
            .read()
            .get("page")
            .and_then(|p| p.parse::<u32>().ok())
            .unwrap_or(1)
            .max(1)
    };
    // Read again whenever the outbox changes: a number the outbox just got shows up here too.
    let device = crate::offline::DeviceState::get();
    let data = Resource::new(
        move || (page(), device.outbox_changed.get()),
        |(page, _)| my_requests(page),
    );
    let user = expect_context::<CurrentUser>();
    let saved = move || query.read().get("saved").is_some();
    view! {
        <Title text=t("requests-title")/>
        <h1 class="page-title">{t("requests-title")}</h1>
        <Show when=saved>
            <p class="notice notice-success" role="status" data-testid="saved-offline">
                {t("requests-saved-offline")}
            </p>
        </Show>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                user.await.ok().flatten().map(|u| view! { <OutboxList user_id=u.id/> })
            })}
        </Suspense>
        <Suspense fallback=|| view! { <p class="loading">{t("requests-loading")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Err(AppError::Transport { .. }) => view! {
                        <p class="notice notice-offline" data-testid="requests-offline">
                            {t("requests-offline")}
                        </p>
                    }.into_any(),
                    Err(e) => view! { <ErrorNotice error=e/> }.into_any(),
                    Ok(page) if page.items.is_empty() && page.page == 1 => view! {
                        <div class="empty-state" data-testid="no-requests">
                            <h2>{t("requests-none")}</h2>
                            <p>{t("requests-none-intro")}</p>
                            <p><a class="btn btn-primary" href="/">{t("requests-browse")}</a></p>
                        </div>
                    }.into_any(),
                    Ok(page) => {
                        let has_next = page.has_next();
                        let n = page.page;
                        let pages = page.total.div_ceil(u64::from(page.per_page)).max(1);
                        view! {
                            <ul class="request-list">
                                {page.items.into_iter().map(|t| view! {
                                    <li class="request-row" data-testid="request-row">
                                        <a href=format!("/requests/{}", t.number)>
                                            <span class="request-number">{t.number.clone()}</span>
                                            " "
                                            <span class="request-title">{t.title.clone()}</span>
                                        </a>
                                        <StateBadge state=t.state/>
                                        <span class="request-updated">{t_with("requests-updated", &[("when", when(&t.updated_at).into())])}</span>
                                    </li>
                                }).collect_view()}
                            </ul>
                            <nav class="pagination" aria-label=t("requests-pages")>
                                {(n > 1).then(|| view! { <a href=format!("/requests?page={}", n - 1) rel="prev">{t("requests-newer")}</a> })}
                                <span class="page-info">{t_with("requests-page-of", &[("page", i64::from(n).into()), ("pages", (pages as i64).into())])}</span>
                                {has_next.then(|| view! { <a href=format!("/requests?page={}", n + 1) rel="next">{t("requests-older")}</a> })}
                            </nav>
                        }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}
