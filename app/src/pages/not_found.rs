use crate::i18n::t;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <Title text=t("not-found-title")/>
        <div class="empty-state">
            <h1>{t("not-found-title")}</h1>
            <p>{t("not-found-before")} " " <a href="/">{t("not-found-link")}</a> {t("not-found-after")}</p>
        </div>
    }
}
