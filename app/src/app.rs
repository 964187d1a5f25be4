//! The document shell, the router and the session-wide context.

use crate::api::auth::current_user;
use crate::components::header::AppHeader;
use crate::local_search::LocalIndex;
use crate::pages::{
    admin_integrations::IntegrationsPage,
    approvals::ApprovalsPage,
    article::ArticlePage,
    catalog::CatalogPage,
    daily_report::DailyReportPage,
    dashboard::DashboardPage,
    dashboard_tickets::DashboardTicketsPage,
    editor::{ArticleEditorPage, EditorListPage, NewArticlePage},
    item::ItemPage,
    login::LoginPage,
    my_requests::MyRequestsPage,
    not_found::NotFound,
    notifications::NotificationsPage,
    problem::ProblemPage,
    queue::QueuePage,
    report::ReportPage,
    request_detail::RequestDetailPage,
    search::SearchPage,
};
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Stylesheet, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    path, SsrMode,
};

pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="theme-color" content="#1d4ed8"/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <AutoReload options=options.clone()/>
                <HydrationScripts options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// False on the server and during hydration, true once the WebAssembly runs the page. Things
/// that only make sense with scripts (hiding conditional fields, live filters) key off it, so
/// the server's HTML and the browser's first render agree.
#[derive(Clone, Copy)]
pub struct Hydrated(pub RwSignal<bool>);

/// The signed-in user, loaded once per page load and shared by the header and the pages.
pub type CurrentUser =
    Resource<Result<Option<crate::api::types::UserView>, crate::api::error::AppError>>;

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let user: CurrentUser = Resource::new(|| (), |_| current_user());
    provide_context(user);
    let hydrated = RwSignal::new(false);
    provide_context(Hydrated(hydrated));
    let local = LocalIndex::provide();
    // Once someone is signed in, bring the device's search index up to date.
    #[cfg(feature = "hydrate")]
    Effect::new(move |started: Option<bool>| {
        if started == Some(true) {
            return true;
        }
        let signed_in = matches!(user.get(), Some(Ok(Some(_))));
        if signed_in {
            leptos::task::spawn_local(crate::local_search::load_and_refresh(local));
        }
        signed_in
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = local;
    Effect::new(move |_| {
        hydrated.set(true);
        // A marker for end-to-end tests and for CSS: the page is interactive now.
        #[cfg(feature = "hydrate")]
        if let Some(body) = leptos::prelude::document().body() {
            let _ = body.set_attribute("data-hydrated", "true");
        }
    });

    // Every page waits for its data on the server (SsrMode::Async) so the HTML is complete
    // without JavaScript: out-of-order streaming needs a script to place late chunks.
    view! {
        <Stylesheet id="leptos" href="/pkg/deskfront.css"/>
        <Title formatter=|text| format!("{text} · Deskfront")/>
        <Router>
            <AppHeader/>
            <main class="page" id="main">
                <Routes fallback=|| view! { <NotFound/> }>
                    <Route path=path!("/") view=CatalogPage ssr=SsrMode::Async/>
                    <Route path=path!("/login") view=LoginPage ssr=SsrMode::Async/>
                    <Route path=path!("/catalog/:slug") view=ItemPage ssr=SsrMode::Async/>
                    <Route path=path!("/requests") view=MyRequestsPage ssr=SsrMode::Async/>
                    <Route path=path!("/requests/:number") view=RequestDetailPage ssr=SsrMode::Async/>
                    <Route path=path!("/report") view=ReportPage ssr=SsrMode::Async/>
                    <Route path=path!("/desk") view=QueuePage ssr=SsrMode::Async/>
                    <Route path=path!("/dashboard") view=DashboardPage ssr=SsrMode::Async/>
                    <Route path=path!("/dashboard/tickets") view=DashboardTicketsPage ssr=SsrMode::Async/>
                    <Route path=path!("/dashboard/daily") view=DailyReportPage ssr=SsrMode::Async/>
                    <Route path=path!("/problems/:number") view=ProblemPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/integrations") view=IntegrationsPage ssr=SsrMode::Async/>
                    <Route path=path!("/notifications") view=NotificationsPage ssr=SsrMode::Async/>
                    <Route path=path!("/approvals") view=ApprovalsPage ssr=SsrMode::Async/>
                    <Route path=path!("/kb/:slug") view=ArticlePage ssr=SsrMode::Async/>
                    <Route path=path!("/search") view=SearchPage ssr=SsrMode::Async/>
                    <Route path=path!("/editor/articles") view=EditorListPage ssr=SsrMode::Async/>
                    <Route path=path!("/editor/articles/new") view=NewArticlePage ssr=SsrMode::Async/>
                    <Route path=path!("/editor/articles/:slug") view=ArticleEditorPage ssr=SsrMode::Async/>
                </Routes>
            </main>
        </Router>
    }
}
