use crate::app::CurrentUser;
use crate::i18n::t;
use crate::model::Role;
use leptos::prelude::*;

/// The administrators' pages, one tab each; the header links to the first. Editors, who build
/// the catalog but do not administer people, see the catalog tab only.
const CATALOG_PAGE: &str = "/admin/catalog";
fn admin_pages() -> [(&'static str, String); 10] {
    [
        ("/admin/people", t("admin-tab-people")),
        ("/admin/groups", t("admin-tab-groups")),
        (CATALOG_PAGE, t("admin-tab-catalog")),
        ("/admin/stores", t("admin-tab-stores")),
        ("/admin/approvals", t("admin-tab-approvals")),
        ("/admin/risk", t("admin-tab-risk")),
        ("/admin/freezes", t("admin-tab-freezes")),
        ("/admin/integrations", t("admin-tab-integrations")),
        ("/admin/mail", t("admin-tab-mail")),
        ("/admin/audit", t("admin-tab-audit")),
    ]
}

/// Tabs between the administration pages; `current` is the page's own path.
#[component]
pub fn AdminTabs(current: &'static str, #[prop(optional)] catalog_only: bool) -> impl IntoView {
    view! {
        <nav class="admin-tabs" aria-label=t("admin-tabs-label")>
            {admin_pages().into_iter().filter(|(href, _)| !catalog_only || *href == CATALOG_PAGE).map(|(href, label)| {
                let here = href == current;
                view! {
                    <a href=href aria-current=here.then_some("page") class:current=here>{label}</a>
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

/// The signed-in person's role, if they may build the catalog (admins and editors).
pub async fn signed_in_catalog_editor(user: CurrentUser) -> Option<Role> {
    match user.await {
        Ok(Some(u)) if u.role.edits_catalog() => Some(u.role),
        _ => None,
    }
}

/// The top of an administration list: the tabs, the title and a search box (a GET form, so it
/// works without JavaScript and a search is a link). Administrators only (with `editors`, editors
/// too); nothing for others.
#[component]
pub fn AdminListHeading(
    current: &'static str,
    #[prop(into)] title: String,
    #[prop(into)] search_label: String,
    #[prop(into)] placeholder: String,
    q: String,
    #[prop(optional)] children: Option<ChildrenFn>,
    /// Shown to editors too (the catalog), not to admins only.
    #[prop(optional)]
    editors: bool,
) -> impl IntoView {
    let user = expect_context::<CurrentUser>();
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let q = q.clone();
                let children = children.clone();
                let (title, search_label, placeholder) =
                    (title.clone(), search_label.clone(), placeholder.clone());
                Suspend::new(async move {
                    let role = signed_in_catalog_editor(user).await;
                    let shown = match role {
                        Some(Role::Admin) => true,
                        Some(_) => editors,
                        None => false,
                    };
                    shown.then(|| view! {
                        <AdminTabs current catalog_only=role != Some(Role::Admin)/>
                        <h1 class="page-title">{title}</h1>
                        {children.map(|c| c())}
                        <form class="filter-form" method="get" action=current role="search">
                            <div class="field">
                                <label for="admin-q">{search_label}</label>
                                <input id="admin-q" name="q" type="search" value=q placeholder=placeholder/>
                            </div>
                            <div class="form-actions"><button type="submit" class="btn">{t("admin-find")}</button></div>
                        </form>
                    })
                })
            }}
        </Suspense>
    }
}
