//! Pages whose browser code is downloaded only when one of them is first shown.
//!
//! The catalog (what a phone opens first) and the sign-in page live in the main WebAssembly
//! module. Every other page is a split point: `cargo leptos build --split` cuts its code (and
//! what only it uses) into a module of its own, fetched when the router first matches the page,
//! so a first visit to the catalog does not download the desk, the dashboard and the editors.
//! Code two pages share goes into a shared module fetched with either.
//!
//! On the server nothing changes: the view is awaited in place and the page renders as before.
//! During hydration the router fetches the module before it hydrates the page (the server lists
//! it as a preload in the head, so it downloads beside the main module, not after it). The
//! service worker stores every module when it installs (`server/src/release.rs`), so offline
//! each page still opens, visited before or not.

use crate::pages::{
    admin_integrations::IntegrationsPage,
    approvals::ApprovalsPage,
    article::ArticlePage,
    daily_report::DailyReportPage,
    dashboard::DashboardPage,
    dashboard_tickets::DashboardTicketsPage,
    editor::{ArticleEditorPage, EditorListPage, NewArticlePage},
    item::ItemPage,
    my_requests::MyRequestsPage,
    notifications::NotificationsPage,
    problem::ProblemPage,
    queue::QueuePage,
    report::ReportPage,
    request_detail::RequestDetailPage,
    search::SearchPage,
};
use leptos::prelude::*;
use leptos_router::{lazy_route, LazyRoute};

/// One route type per page: `#[lazy_route]` makes its `view` the split point (a function named
/// after the type, so each page gets a module of its own).
macro_rules! lazy_pages {
    ($($route:ident => $page:ident),* $(,)?) => {$(
        #[derive(Clone, Copy)]
        pub struct $route;

        #[lazy_route]
        impl LazyRoute for $route {
            fn data() -> Self {
                Self
            }

            fn view(this: Self) -> AnyView {
                let _ = this;
                view! { <$page/> }.into_any()
            }
        }
    )*};
}

lazy_pages! {
    ItemRoute => ItemPage,
    MyRequestsRoute => MyRequestsPage,
    RequestDetailRoute => RequestDetailPage,
    ReportRoute => ReportPage,
    QueueRoute => QueuePage,
    DashboardRoute => DashboardPage,
    DashboardTicketsRoute => DashboardTicketsPage,
    DailyReportRoute => DailyReportPage,
    ProblemRoute => ProblemPage,
    IntegrationsRoute => IntegrationsPage,
    NotificationsRoute => NotificationsPage,
    ApprovalsRoute => ApprovalsPage,
    ArticleRoute => ArticlePage,
    SearchRoute => SearchPage,
    EditorListRoute => EditorListPage,
    NewArticleRoute => NewArticlePage,
    ArticleEditorRoute => ArticleEditorPage,
}
