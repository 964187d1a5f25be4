//! Pages whose browser code is downloaded only when one of them is first shown.
//!
//! The catalog (what a phone opens first) lives in the main WebAssembly module. The other pages
//! come in groups, each a split point: the release build's splitter (`scripts/wasm-split`) cuts
//! a group's code (and what only it uses) into a module of its own, fetched when the router
//! first matches one of its pages. A first visit to the catalog then downloads neither the desk
//! nor the dashboard nor the editors. Pages are grouped by who opens them together, not split
//! one by one: the splitter gives every set of split points that share code a module of its
//! own, and eighteen split points made a page fetch up to a hundred tiny modules.
//!
//! On the server nothing changes: the view is awaited in place and the page renders as before,
//! naming its group's modules in the head, which the start-up module preloads beside the main
//! module once the page has loaded (`app::bootstrap_script`). During hydration the router fetches the modules before it hydrates
//! the page. The service worker stores every module when it installs (`server/src/release.rs`),
//! so offline each page still opens, visited before or not.

use crate::pages::{
    admin_approvals::ApprovalsAdminPage,
    admin_audit::AuditPage,
    admin_catalog::CatalogAdminPage,
    admin_freezes::FreezesPage,
    admin_groups::GroupsPage,
    admin_integrations::IntegrationsPage,
    admin_item::ItemEditorPage,
    admin_mail::MailLogPage,
    admin_people::PeoplePage,
    admin_risk::RiskAdminPage,
    admin_stickers::StickersPage,
    admin_store::StorePage,
    admin_stores::StoresPage,
    approvals::ApprovalsPage,
    article::ArticlePage,
    change::ChangePage,
    change_calendar::ChangeCalendarPage,
    daily_report::DailyReportPage,
    dashboard::DashboardPage,
    dashboard_changes::DashboardChangesPage,
    dashboard_tickets::DashboardTicketsPage,
    editor::{ArticleEditorPage, EditorListPage, NewArticlePage},
    item::ItemPage,
    login::LoginPage,
    my_requests::MyRequestsPage,
    notifications::NotificationsPage,
    problem::ProblemPage,
    queue::QueuePage,
    report::ReportPage,
    request_detail::RequestDetailPage,
    search::SearchPage,
    set_password::SetPasswordPage,
    settings::SettingsPage,
    synonyms::SynonymsPage,
    unanswered::UnansweredPage,
};
use leptos::prelude::*;
use leptos_router::LazyRoute;

/// Declares a group: an enum of its pages, its split point (a `#[lazy]` function that renders
/// any of them; `$preload` is the name `#[lazy]` gives the function that only fetches its
/// module) and a route type per page, whose view awaits that function.
macro_rules! page_group {
    ($render:ident, $preload:ident, $group:ident { $($route:ident => $page:ident),+ $(,)? }) => {
        #[derive(Clone, Copy)]
        pub enum $group {
            $($route),+
        }

        #[leptos::lazy]
        pub fn $render(page: $group) -> AnyView {
            match page {
                $($group::$route => view! { <$page/> }.into_any()),+
            }
        }

        $(
            #[derive(Clone, Copy)]
            pub struct $route;

            impl LazyRoute for $route {
                fn data() -> Self {
                    Self
                }

                async fn view(_this: Self) -> AnyView {
                    #[cfg(feature = "ssr")]
                    preload_modules(stringify!($render));
                    $render($group::$route).await
                }

                async fn preload() {
                    #[cfg(target_arch = "wasm32")]
                    $preload().await;
                }
            }
        )+
    };
}

page_group!(request_form_pages, __preload_request_form_pages, RequestFormPage {
    ItemRoute => ItemPage,
    ReportRoute => ReportPage,
});
// Alone: the sign-in page is seen once in a while, before the catalog, and was ~45 KB of the
// catalog's first visit.
page_group!(sign_in_page, __preload_sign_in_page, SignInPage {
    LoginRoute => LoginPage,
    SetPasswordRoute => SetPasswordPage,
});
page_group!(request_pages, __preload_request_pages, RequestPage {
    MyRequestsRoute => MyRequestsPage,
    RequestDetailRoute => RequestDetailPage,
    NotificationsRoute => NotificationsPage,
    ApprovalsRoute => ApprovalsPage,
    SettingsRoute => SettingsPage,
    ChangeCalendarRoute => ChangeCalendarPage,
});
page_group!(knowledge_pages, __preload_knowledge_pages, KnowledgePage {
    ArticleRoute => ArticlePage,
    SearchRoute => SearchPage,
});
page_group!(desk_pages, __preload_desk_pages, DeskPage {
    QueueRoute => QueuePage,
    ProblemRoute => ProblemPage,
    ChangeRoute => ChangePage,
    DashboardRoute => DashboardPage,
    DashboardTicketsRoute => DashboardTicketsPage,
    DashboardChangesRoute => DashboardChangesPage,
    DailyReportRoute => DailyReportPage,
});
page_group!(editor_pages, __preload_editor_pages, EditorPage {
    EditorListRoute => EditorListPage,
    NewArticleRoute => NewArticlePage,
    ArticleEditorRoute => ArticleEditorPage,
    SynonymsRoute => SynonymsPage,
    UnansweredRoute => UnansweredPage,
    IntegrationsRoute => IntegrationsPage,
    AuditRoute => AuditPage,
    StoresRoute => StoresPage,
    PeopleRoute => PeoplePage,
    StoreRoute => StorePage,
    StickersRoute => StickersPage,
    CatalogAdminRoute => CatalogAdminPage,
    GroupsRoute => GroupsPage,
    NewItemRoute => ItemEditorPage,
    ItemEditorRoute => ItemEditorPage,
    MailLogRoute => MailLogPage,
    FreezesRoute => FreezesPage,
    ApprovalsAdminRoute => ApprovalsAdminPage,
    RiskAdminRoute => RiskAdminPage,
});

/// Names a split point's modules in the page's head as preloads. The build lists them under the
/// split point's name: the function's name, `_` and digits.
#[cfg(feature = "ssr")]
fn preload_modules(split_point: &str) {
    use leptos::tachys::view::RenderHtml;
    use leptos_meta::Meta;
    let Some(release) = use_context::<crate::model::Release>() else {
        return;
    };
    let modules = release.split_modules.iter().find_map(|(name, modules)| {
        let suffix = name.strip_prefix(split_point)?.strip_prefix('_')?;
        suffix
            .bytes()
            .all(|b| b.is_ascii_digit())
            .then_some(modules)
    });
    for module in modules.into_iter().flatten() {
        // Rendering a `Meta` on the server registers it with the head (`MetaTags`). Not a
        // preload: that would hold up the load event. The start-up module turns these into
        // preloads once the page has loaded (`app::bootstrap_script`).
        let _ = view! {
            <Meta name="deskfront-module" content=release.asset(&format!("{module}.wasm"))/>
        }
        .to_html();
    }
}
