//! The document shell, the router and the session-wide context.

use crate::api::auth::current_user;
use crate::components::header::AppHeader;
use crate::lazy_pages::*;
use crate::local_search::LocalIndex;
use crate::model::Release;
use crate::pages::{catalog::CatalogPage, not_found::NotFound};
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    path, Lazy, SsrMode,
};

pub fn shell(options: LeptosOptions, release: Release) -> impl IntoView {
    // The request's language, for the whole page (`i18n`): the signed-in person's setting (the
    // sign-in gate leaves the person in the request), else what the browser asks for.
    #[cfg(feature = "ssr")]
    let (i18n, zone) = {
        let user = use_context::<http::request::Parts>()
            .and_then(|p| p.extensions.get::<crate::model::UserView>().cloned());
        let portal_zone = use_context::<crate::backend::AppState>()
            .map(|state| state.time_zone.clone())
            .unwrap_or_default();
        let user = user.as_ref();
        (
            crate::i18n::for_request(user.and_then(|u| u.language.as_deref())),
            crate::i18n::zone::for_person(user.and_then(|u| u.timezone.as_deref()), &portal_zone),
        )
    };
    #[cfg(not(feature = "ssr"))]
    let (i18n, zone) = (crate::i18n::i18n(), crate::i18n::zone());
    provide_context(i18n);
    // The zone times are read in, for the page and, through the meta tag, for the browser
    // (with its offsets around today, so the browser needs no `Intl` for them).
    let zone_name = zone.name().to_string();
    #[cfg(feature = "ssr")]
    let zone_offsets = crate::i18n::zone::offsets_near(&zone, chrono::Utc::now())
        .map(|offsets| offsets.to_string());
    #[cfg(not(feature = "ssr"))]
    let zone_offsets: Option<String> = None;
    provide_context(zone);
    #[cfg(feature = "ssr")]
    let catalog = i18n.catalog_path();
    #[cfg(not(feature = "ssr"))]
    let catalog = "";
    view! {
        <!DOCTYPE html>
        <html lang=i18n.locale()>
            <head>
                <DocumentHead release/>
                <meta name="deskfront-catalog" content=catalog/>
                <meta name="deskfront-zone" content=zone_name data-offsets=zone_offsets/>
                <AutoReload options=options.clone()/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The page a service worker answers a navigation with when the network is gone: the same head
/// (so the same cached code), and a body the WebAssembly fills by rendering the requested route
/// in the browser (`lib.rs`, `hydrate`), its pages reading the device's snapshots instead of the
/// server. It carries no user data, so one cached copy serves everyone on a shared device.
#[cfg(feature = "ssr")]
pub fn offline_shell_html(release: Release) -> String {
    use leptos::tachys::view::RenderHtml;
    let catalogs = crate::i18n::catalog_files()
        .map(|(locale, path, _)| format!("{locale} {path}"))
        .collect::<Vec<_>>()
        .join(" ");
    let owner = Owner::new();
    owner.with(|| {
        view! {
            <!DOCTYPE html>
            <html lang="en">
                <head>
                    <DocumentHead release/>
                    // Every language the device may choose from (`lib.rs`, `i18n_offline`).
                    <meta name="deskfront-catalogs" content=catalogs/>
                    <title>"Deskfront"</title>
                </head>
                <body data-shell="offline">
                    // Rendered for no one, so in every language, each marked as what it is.
                    <noscript>
                        {crate::i18n::LANGUAGES.iter().map(|tag| view! {
                            <p lang=*tag>{crate::i18n::I18n(crate::i18n::catalog(tag)).t("offline-shell-no-scripts")}</p>
                        }).collect_view()}
                    </noscript>
                </body>
            </html>
        }
        .to_html()
    })
}

/// Meta tags, the stylesheet, the manifest and the module that starts the WebAssembly, all
/// pointing at this release's files.
#[component]
fn DocumentHead(release: Release) -> impl IntoView {
    // The pages name their split modules as preloads from it (`lazy_pages`).
    provide_context(release.clone());
    let js = release.asset("deskfront.js");
    let start = bootstrap_script(&release);
    view! {
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="theme-color" content="#1d4ed8"/>
        <meta name="deskfront-release" content=release.id.to_string()/>
        <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
        <link rel="manifest" href="/manifest.webmanifest"/>
        <link rel="apple-touch-icon" href="/icons/icon-192.png"/>
        <link rel="stylesheet" id="leptos" href=release.asset("deskfront.css")/>
        <link rel="modulepreload" href=js.clone()/>
        <script type="module" nonce=leptos::nonce::use_nonce() inner_html=start></script>
    }
}

/// The inline module that starts the WebAssembly. The same for every page of a release, so the
/// Content-Security-Policy also names its hash: the offline shell, served from the service
/// worker's cache long after the nonce it was fetched with, still starts.
///
/// It waits for the load event. The server's HTML is the whole page, and works without scripts:
/// a phone on a weak connection should spend its first bandwidth on that page and its
/// stylesheet, not on the 260 KB of WebAssembly that only enhances it (issue 19). Then it
/// starts the main module and preloads the page's split modules (named in `deskfront-module`
/// meta tags by `lazy_pages`) beside it; the split loader's own fetch of each reuses the
/// preload. A few preloads per task: a page's modules number sixty, and adding all their links
/// at once held a slowed phone's main thread for a quarter of a second. The main module is
/// fetched at once but started only after the last preload is in: started earlier, hydration
/// could ask for a split module whose link was not added yet, and it was downloaded twice.
/// The page's language file (`deskfront-catalog`, see `i18n`) is fetched beside the main
/// module and handed to `hydrate`; should it fail to arrive, the page stays as the server drew
/// it, which works without scripts, rather than hydrate with text that differs.
pub fn bootstrap_script(release: &Release) -> String {
    format!(
        "import init, {{ hydrate }} from '{}';\n\
         const start = () => {{\n\
         const main = fetch('{}');\n\
         const named = document.querySelector('meta[name=\"deskfront-catalog\"]');\n\
         const catalog = named ? fetch(named.content).then((r) => r.ok ? r.text() : Promise.reject(r.status)) : Promise.resolve();\n\
         const modules = [...document.querySelectorAll('meta[name=\"deskfront-module\"]')];\n\
         const preload = () => {{\n\
         for (const m of modules.splice(0, 6)) {{\n\
         const l = document.createElement('link');\n\
         l.rel = 'preload'; l.as = 'fetch'; l.type = 'application/wasm'; l.crossOrigin = '';\n\
         l.href = m.content; document.head.append(l);\n\
         }}\n\
         if (modules.length) setTimeout(preload);\n\
         else init({{ module_or_path: main }}).then(() => catalog).then((text) => hydrate(text));\n\
         }};\n\
         preload();\n\
         }};\n\
         if (document.readyState === 'complete') start();\n\
         else addEventListener('load', start, {{ once: true }});",
        release.asset("deskfront.js"),
        release.asset("deskfront.wasm")
    )
}

/// False on the server and during hydration, true once the WebAssembly runs the page. Things
/// that only make sense with scripts (hiding conditional fields, live filters) key off it, so
/// the server's HTML and the browser's first render agree.
#[derive(Clone, Copy)]
pub struct Hydrated(pub RwSignal<bool>);

#[cfg(feature = "hydrate")]
thread_local! {
    static HYDRATED: std::cell::Cell<Option<RwSignal<bool>>> = const { std::cell::Cell::new(None) };
}

/// Called by `hydrate()` once the whole page has hydrated. Not from an effect in `App`: effects
/// run while a split page's module is still downloading, and a page that hydrated with the flag
/// already set would render differently from the server's HTML (a hydration error).
#[cfg(feature = "hydrate")]
pub fn mark_hydrated() {
    if let Some(flag) = HYDRATED.with(std::cell::Cell::get) {
        flag.set(true);
    }
    // A marker for end-to-end tests and for CSS: the page is interactive now.
    if let Some(body) = leptos::prelude::document().body() {
        let _ = body.set_attribute("data-hydrated", "true");
    }
}

/// The server's answer to "who is signed in?"; when the server cannot be reached, the person
/// last signed in on this device, whose drafts and outbox the offline app then shows.
async fn user_or_remembered(
    answer: Result<Option<crate::model::UserView>, crate::model::AppError>,
) -> Result<Option<crate::model::UserView>, crate::model::AppError> {
    match answer {
        #[cfg(feature = "hydrate")]
        Err(crate::model::AppError::Transport { .. }) => {
            Ok(crate::offline::device::remembered_user().await)
        }
        other => other,
    }
}

/// What the device does in the background once it knows who is signed in: the search index
/// and the snapshot brought up to date, the outbox sent, the service worker registered. A split
/// point (`#[lazy]`, see `lazy_pages`): the first page hydrates without waiting for the outbox,
/// search engine and snapshot code, which arrive right after it.
#[cfg(feature = "hydrate")]
#[leptos::lazy]
pub fn start_device_work(
    device: crate::offline::DeviceState,
    local: LocalIndex,
    user: Result<Option<crate::model::UserView>, crate::model::AppError>,
) {
    let signed_in = match &user {
        Ok(Some(u)) => Some(u.id),
        _ => None,
    };
    // Offline, the answer is the person already remembered; an error changes nothing.
    if let Ok(user) = user {
        leptos::task::spawn_local(crate::offline::device::remember(user));
    }
    if signed_in.is_some() {
        leptos::task::spawn_local(crate::local_search::load_and_refresh(local));
    }
    crate::offline::device::start(device, signed_in);
}

/// Runs `work` in a task of its own once the browser is idle (at most two seconds on). The
/// device's background work used to start in the task that finished hydration: on a slow phone
/// that made one long task of both, and a tap on the fresh page waited for it (issue 19).
#[cfg(feature = "hydrate")]
fn when_idle(work: impl FnOnce() + 'static) {
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else {
        return work();
    };
    let callback = wasm_bindgen::closure::Closure::once_into_js(work);
    // Safari has no requestIdleCallback: a short timeout still leaves the hydration task.
    let has_idle = js_sys::Reflect::has(&window, &"requestIdleCallback".into()).unwrap_or(false);
    if has_idle {
        let options = web_sys::IdleRequestOptions::new();
        options.set_timeout(2000);
        let _ = window.request_idle_callback_with_options(callback.unchecked_ref(), &options);
    } else {
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), 100);
    }
}

/// After a navigation inside the portal (a new path; a changed query, such as a filter typed
/// into, is not one), focus goes to the new page's content, as a full page load would put it.
#[component]
fn FocusOnNavigation() -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|p| p != path) {
            crate::components::focus::main_content();
        }
        path
    });
}

/// The signed-in user, loaded once per page load and shared by the header and the pages.
pub type CurrentUser = Resource<Result<Option<crate::model::UserView>, crate::model::AppError>>;

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    // Taken here, where the page's language is known, for the title formatter that runs later.
    let i18n = crate::i18n::i18n();
    // Offline, the person last signed in on this device (see `offline::device`).
    let user: CurrentUser = Resource::new(
        || (),
        |_| crate::offline::sendable(async { user_or_remembered(current_user().await).await }),
    );
    provide_context(user);
    let hydrated = RwSignal::new(false);
    provide_context(Hydrated(hydrated));
    let local = LocalIndex::provide();
    let device = crate::offline::DeviceState::provide();
    // Once the page has hydrated and the person is known: remember them for offline use, bring
    // the device's search index and snapshot up to date, and start sending the outbox.
    #[cfg(feature = "hydrate")]
    Effect::new(move |started: Option<bool>| {
        if started == Some(true) {
            return true;
        }
        // Not before the page has hydrated: what this sets (the search index, the device's
        // state) must not change a split page that is still hydrating.
        if !hydrated.get() {
            return false;
        }
        let Some(answer) = user.get() else {
            return false;
        };
        when_idle(move || leptos::task::spawn_local(start_device_work(device, local, answer)));
        true
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = (local, device);
    #[cfg(feature = "hydrate")]
    HYDRATED.with(|flag| flag.set(Some(hydrated)));

    // Every page waits for its data on the server (SsrMode::Async) so the HTML is complete
    // without JavaScript: out-of-order streaming needs a script to place late chunks.
    view! {
        <Title formatter=move |text: String| i18n.t_with("page-title", &[("title", text.into())])/>
        <Router>
            // Keyboard and screen-reader users go past the header's links in one step. A target
            // keeps the router out of it: the browser's own jump moves focus to the page.
            <a class="skip-link" href="#main" target="_self">{crate::i18n::t("skip-to-content")}</a>
            <AppHeader/>
            <FocusOnNavigation/>
            <main class="page" id="main" tabindex="-1">
                <Routes fallback=|| view! { <NotFound/> }>
                    <Route path=path!("/") view=CatalogPage ssr=SsrMode::Async/>
                    <Route path=path!("/login") view={Lazy::<LoginRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/set-password") view={Lazy::<SetPasswordRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/catalog/:slug") view={Lazy::<ItemRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/requests") view={Lazy::<MyRequestsRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/requests/:number") view={Lazy::<RequestDetailRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/report") view={Lazy::<ReportRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/desk") view={Lazy::<QueueRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/dashboard") view={Lazy::<DashboardRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/dashboard/tickets") view={Lazy::<DashboardTicketsRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/dashboard/changes") view={Lazy::<DashboardChangesRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/dashboard/daily") view={Lazy::<DailyReportRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/problems/:number") view={Lazy::<ProblemRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/changes/:number") view={Lazy::<ChangeRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/admin/integrations") view={Lazy::<IntegrationsRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/admin/audit") view={Lazy::<AuditRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/admin/stores") view={Lazy::<StoresRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/admin/people") view={Lazy::<PeopleRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/admin/stores/:code") view={Lazy::<StoreRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/admin/stores/:code/stickers") view={Lazy::<StickersRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/admin/groups") view={Lazy::<GroupsRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/admin/catalog") view={Lazy::<CatalogAdminRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/admin/catalog/new") view={Lazy::<NewItemRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/admin/catalog/:slug") view={Lazy::<ItemEditorRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/notifications") view={Lazy::<NotificationsRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/approvals") view={Lazy::<ApprovalsRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/calendar") view={Lazy::<ChangeCalendarRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/settings") view={Lazy::<SettingsRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/admin/mail") view={Lazy::<MailLogRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/admin/freezes") view={Lazy::<FreezesRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/admin/approvals") view={Lazy::<ApprovalsAdminRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/admin/risk") view={Lazy::<RiskAdminRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/kb/:slug") view={Lazy::<ArticleRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/search") view={Lazy::<SearchRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/editor/articles") view={Lazy::<EditorListRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/editor/articles/new") view={Lazy::<NewArticleRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/editor/articles/:slug") view={Lazy::<ArticleEditorRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/editor/synonyms") view={Lazy::<SynonymsRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/editor/unanswered") view={Lazy::<UnansweredRoute>::new()} ssr=SsrMode::Async/>
                </Routes>
            </main>
        </Router>
    }
}
