use leptos::prelude::*;

/// The administrators' pages, one tab each; the header links to the first.
const ADMIN_PAGES: [(&str, &str); 4] = [
    ("/admin/people", "People"),
    ("/admin/stores", "Stores and devices"),
    ("/admin/integrations", "Integrations"),
    ("/admin/audit", "Audit log"),
];

/// Tabs between the administration pages; `current` is the page's own path.
#[component]
pub fn AdminTabs(current: &'static str) -> impl IntoView {
    view! {
        <nav class="admin-tabs" aria-label="Administration">
            {ADMIN_PAGES.iter().map(|(href, label)| {
                let here = *href == current;
                view! {
                    <a href=*href aria-current=here.then_some("page") class:current=here>{*label}</a>
                }
            }).collect_view()}
        </nav>
    }
}
