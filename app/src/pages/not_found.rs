use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <Title text="Page not found"/>
        <div class="empty-state">
            <h1>"Page not found"</h1>
            <p>"The page may have moved. Start again from the " <a href="/">"catalog"</a> "."</p>
        </div>
    }
}
