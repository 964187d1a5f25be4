//! Pages for some roles only. To anyone else the page answers its refusal with the matching
//! status (403, or 404 for administration, which does not exist for them) and renders none of
//! its controls: no form to fill in that the server would refuse anyway.

use crate::app::CurrentUser;
use crate::components::error_notice::{refusal_status, ErrorNotice};
use crate::i18n::t;
use crate::model::{AppError, Role};
use leptos::prelude::*;

/// Who a page is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageFor {
    /// The queue, problems and the dashboard: agents, managers and admins.
    Desk,
    /// Knowledge editors and admins.
    ArticleEditors,
    /// Catalog editors and admins.
    CatalogEditors,
    /// People, groups, stores, integrations, the audit log.
    Admins,
}

impl PageFor {
    pub fn allows(self, role: Role) -> bool {
        match self {
            PageFor::Desk => role.works_queue(),
            PageFor::ArticleEditors => role.edits_articles(),
            PageFor::CatalogEditors => role.edits_catalog(),
            PageFor::Admins => role == Role::Admin,
        }
    }

    /// The same refusal the page's server functions answer with.
    pub fn refusal(self) -> AppError {
        match self {
            PageFor::Desk => AppError::forbidden(t("error-desk-only")),
            PageFor::ArticleEditors => AppError::forbidden(t("error-article-editors-only")),
            PageFor::CatalogEditors | PageFor::Admins => AppError::not_found(t("error-no-page")),
        }
    }
}

/// Renders `children` when the signed-in person's role may use the page, else the refusal.
///
/// Decided at once when the signed-in person is already known: on the server from the sign-in
/// gate (`server/src/routes/auth_gate.rs`), in the browser from the answer the page carried
/// (hydration) or fetched earlier (navigation). Behind a `Suspense` the server would re-run the
/// gate's closure while resolving it, and each run creates the page's resources anew: every
/// query of the page ran three times (measured on the queue and the dashboard, issue 19).
#[component]
pub fn RoleGate(page_for: PageFor, children: ChildrenFn) -> impl IntoView {
    let user = expect_context::<CurrentUser>();
    if let Some(known) = signed_in_now(user) {
        return decide(page_for, Ok(Some(known)), &children);
    }
    let children = StoredValue::new(children);
    view! {
        <Suspense fallback=|| view! { <p class="loading">{crate::i18n::t("page-loading")}</p> }>
            {move || Suspend::new(async move {
                let answer = user.await;
                children.with_value(|c| decide(page_for, answer, c))
            })}
        </Suspense>
    }
    .into_any()
}

/// The page, or the refusal (with its status) for `answer`.
fn decide(
    page_for: PageFor,
    answer: Result<Option<crate::model::UserView>, AppError>,
    children: &ChildrenFn,
) -> AnyView {
    let refusal = match answer {
        Ok(Some(u)) if page_for.allows(u.role) => return children().into_any(),
        Ok(Some(_)) => page_for.refusal(),
        Ok(None) => AppError::NotSignedIn,
        Err(e) => e,
    };
    refusal_status(&refusal);
    view! { <ErrorNotice error=refusal/> }.into_any()
}

/// The signed-in person when known without waiting. Only someone signed in: the server knows
/// them exactly when the sign-in gate let the request through, and the browser must take the
/// same branch as the server did, or hydration would not match.
fn signed_in_now(user: CurrentUser) -> Option<crate::model::UserView> {
    #[cfg(feature = "ssr")]
    {
        let _ = user;
        use_context::<http::request::Parts>()
            .and_then(|parts| parts.extensions.get::<crate::model::UserView>().cloned())
    }
    #[cfg(not(feature = "ssr"))]
    {
        user.get_untracked()
            .and_then(|answer| answer.ok().flatten())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_page_kind_admits_its_roles_only() {
        assert!(PageFor::Desk.allows(Role::Agent) && !PageFor::Desk.allows(Role::Requester));
        assert!(PageFor::Admins.allows(Role::Admin) && !PageFor::Admins.allows(Role::Editor));
        assert!(PageFor::CatalogEditors.allows(Role::Editor));
        assert!(!PageFor::ArticleEditors.allows(Role::StoreStaff));
        assert_eq!(PageFor::Admins.refusal().status(), 404);
        assert_eq!(PageFor::Desk.refusal().status(), 403);
    }
}
