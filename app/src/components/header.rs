use crate::app::CurrentUser;
use crate::components::search_box::SearchBox;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// Top bar: brand, main navigation and the signed-in person with a sign-out button. Sign-out is
/// a plain form so it works before (and without) the WebAssembly.
#[component]
pub fn AppHeader() -> impl IntoView {
    let user = expect_context::<CurrentUser>();
    let location = use_location();
    let current = move |prefix: &'static str| {
        let path = location.pathname.get();
        let active = if prefix == "/" {
            path == "/" || path.starts_with("/catalog")
        } else {
            path.starts_with(prefix)
        };
        active.then_some("page")
    };

    view! {
        <header class="app-header">
            <a class="brand" href="/">"Deskfront"</a>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match user.await {
                        Ok(Some(u)) => {
                            let approvals = u.is_line_manager;
                            let editor = u.role.edits_articles();
                            view! {
                                <SearchBox/>
                                <nav class="main-nav" aria-label="Main">
                                    <a href="/" aria-current=move || current("/")>"Catalog"</a>
                                    <a href="/requests" aria-current=move || current("/requests")>
                                        "My requests"
                                    </a>
                                    <Show when=move || approvals>
                                        <a href="/approvals" aria-current=move || current("/approvals")>
                                            "Approvals"
                                        </a>
                                    </Show>
                                    <Show when=move || editor>
                                        <a href="/editor/articles" aria-current=move || current("/editor")>
                                            "Articles"
                                        </a>
                                    </Show>
                                </nav>
                                <div class="user-menu">
                                    <span class="user-name" data-testid="user-name">{u.name.clone()}</span>
                                    <form method="post" action="/api/logout">
                                        <button type="submit" class="link-button">"Sign out"</button>
                                    </form>
                                </div>
                            }
                                .into_any()
                        }
                        _ => ().into_any(),
                    }
                })}
            </Suspense>
        </header>
    }
}
