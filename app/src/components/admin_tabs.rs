use crate::app::CurrentUser;
use crate::model::Role;
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

/// Whether the signed-in person is an administrator: administration pages show their frame and
/// their forms to them only (to anyone else the data answers "not found").
pub async fn signed_in_admin(user: CurrentUser) -> bool {
    matches!(user.await, Ok(Some(u)) if u.role == Role::Admin)
}

/// The top of an administration list: the tabs, the title and a search box (a GET form, so it
/// works without JavaScript and a search is a link). Administrators only; nothing for others.
#[component]
pub fn AdminListHeading(
    current: &'static str,
    title: &'static str,
    search_label: &'static str,
    placeholder: &'static str,
    q: String,
    #[prop(optional)] children: Option<ChildrenFn>,
) -> impl IntoView {
    let user = expect_context::<CurrentUser>();
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let q = q.clone();
                let children = children.clone();
                Suspend::new(async move {
                    signed_in_admin(user).await.then(|| view! {
                        <AdminTabs current/>
                        <h1 class="page-title">{title}</h1>
                        {children.map(|c| c())}
                        <form class="filter-form" method="get" action=current role="search">
                            <div class="field">
                                <label for="admin-q">{search_label}</label>
                                <input id="admin-q" name="q" type="search" value=q placeholder=placeholder/>
                            </div>
                            <div class="form-actions"><button type="submit" class="btn">"Find"</button></div>
                        </form>
                    })
                })
            }}
        </Suspense>
    }
}
