use super::when;
use crate::api::requests::my_requests;
use crate::components::error_notice::ErrorNotice;
use crate::components::state_badge::StateBadge;
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
    let data = Resource::new(page, my_requests);
    view! {
        <Title text="My requests"/>
        <h1 class="page-title">"My requests"</h1>
        <Suspense fallback=|| view! { <p class="loading">"Loading your requests…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Err(e) => view! { <ErrorNotice error=e/> }.into_any(),
                    Ok(page) if page.items.is_empty() && page.page == 1 => view! {
                        <div class="empty-state" data-testid="no-requests">
                            <h2>"No requests yet"</h2>
                            <p>"When you order something or report a fault, it shows up here with its progress."</p>
                            <p><a class="btn btn-primary" href="/">"Browse the catalog"</a></p>
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
                                        <span class="request-updated">"Updated " {when(&t.updated_at)}</span>
                                    </li>
                                }).collect_view()}
                            </ul>
                            <nav class="pagination" aria-label="Pages">
                                {(n > 1).then(|| view! { <a href=format!("/requests?page={}", n - 1) rel="prev">"← Newer"</a> })}
                                <span class="page-info">{format!("Page {n} of {pages}")}</span>
                                {has_next.then(|| view! { <a href=format!("/requests?page={}", n + 1) rel="next">"Older →"</a> })}
                            </nav>
                        }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}
