use leptos::prelude::*;

/// Links to the pages before and after `page` of a list; `link(n)` is the address of page n.
#[component]
pub fn Pager(
    page: u32,
    has_next: bool,
    link: impl Fn(u32) -> String + 'static,
    #[prop(default = "← Previous")] previous: &'static str,
    #[prop(default = "Next →")] next: &'static str,
) -> impl IntoView {
    view! {
        <nav class="pagination" aria-label="Pages">
            {(page > 1).then(|| view! { <a href=link(page - 1) rel="prev">{previous}</a> })}
            <span class="page-info">{format!("Page {page}")}</span>
            {has_next.then(|| view! { <a href=link(page + 1) rel="next">{next}</a> })}
        </nav>
    }
}
