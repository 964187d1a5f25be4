use crate::i18n::{t, t_with};
use leptos::prelude::*;

/// Links to the pages before and after `page` of a list; `link(n)` is the address of page n.
#[component]
pub fn Pager(
    page: u32,
    has_next: bool,
    link: impl Fn(u32) -> String + 'static,
    /// Message ids of the two links' words.
    #[prop(default = "pages-previous")]
    previous: &'static str,
    #[prop(default = "pages-next")] next: &'static str,
) -> impl IntoView {
    view! {
        <nav class="pagination" aria-label=t("requests-pages")>
            {(page > 1).then(|| view! { <a href=link(page - 1) rel="prev">{t(previous)}</a> })}
            <span class="page-info">{t_with("pages-page", &[("page", page.into())])}</span>
            {has_next.then(|| view! { <a href=link(page + 1) rel="next">{t(next)}</a> })}
        </nav>
    }
}
