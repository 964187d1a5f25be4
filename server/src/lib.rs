//! The Deskfront server: configuration, storage, demo data and the HTTP routes around the
//! Leptos application. `main.rs` only parses the command line and calls `serve`.
#![recursion_limit = "256"]

pub mod admin;
pub mod config;
pub mod demo_guard;
pub mod demo_history;
pub mod jobs;
pub mod kb_import;
pub mod mail;
pub mod observe;
pub mod release;
pub mod routes;
pub mod security;
pub mod seed;
pub mod starter;
pub mod store;

use app::app::{shell, App};
use app::backend::AppState;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderName, HeaderValue};
use axum::routing::{get, post};
use axum::{Extension, Router};
use config::Config;
use leptos::prelude::*;
use leptos_axum::{generate_route_list, AxumRouteListing, LeptosRoutes};
use std::sync::Arc;
use store::Housekeeping;
use tower_http::compression::CompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;

pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// Opens the database (migrating it, and loading demo data into an empty one), starts this
/// instance's periodic jobs and builds the router. Tests call this with a temporary database
/// and serve it on a free port.
pub async fn build(config: &Config, leptos_options: LeptosOptions) -> Result<Router, BoxError> {
    let levels = Arc::new(config.service_levels()?);
    let store = open_store(config).await?;
    if config.jobs.enabled {
        let settings = config::JobSettings {
            attachments_dir: config.attachments_dir.clone(),
            ..config.jobs.clone()
        };
        jobs::spawn(store.clone(), config.instance_name.clone(), settings);
        if let Some(mailer) = mail::Mailer::new(&config.mail, config.public_url.as_deref())? {
            mail::spawn(
                store.clone(),
                Arc::new(mailer),
                config.instance_name.clone(),
                config.mail.tick_secs,
            );
        }
    }
    let pkg_dir =
        std::path::Path::new(&*leptos_options.site_root).join(&*leptos_options.site_pkg_dir);
    let state = app_state(config, store, levels, release::identify(&pkg_dir));
    spawn_view_flush(&state, config.view_flush_secs);
    let oidc = Arc::new(routes::oidc::Oidc::new(
        &config.oidc,
        state.providers.clone(),
        config.public_url.clone(),
        config.https(),
    ));
    // In the background: an identity provider that is down must not hold up the start.
    oidc.spawn_discovery();
    let oidc_routes = routes::oidc::routes(routes::oidc::OidcRoutes {
        oidc,
        app: state.clone(),
    });
    let origins =
        security::origin::Origins::new(config.public_url.as_deref(), &config.allowed_origins);
    let policy = security::headers::Policy::new(
        config.https(),
        &app::app::bootstrap_script(&state.release),
        &config.article_image_hosts,
    );
    let metrics_access = Arc::new(observe::MetricsAccess {
        token: config.metrics_token.clone(),
        store: state.store.clone(),
    });
    Ok(router(state, leptos_options)
        .route("/metrics", get(observe::metrics).with_state(metrics_access))
        .merge(oidc_routes)
        .layer(axum::middleware::from_fn_with_state(
            Arc::new(origins),
            security::origin::refuse_cross_site,
        ))
        .layer(axum::middleware::from_fn_with_state(
            config.trust_forwarded_for,
            security::client::remember_client_address,
        ))
        .layer(axum::middleware::from_fn_with_state(
            Arc::new(policy),
            security::headers::add_security_headers,
        ))
        .layer(Extension(Arc::new(security::rate::PerKeyRate::per_minute(
            config.integration_requests_per_minute,
        ))))
        .layer(axum::middleware::from_fn(observe::log_and_count))
        .layer(instance_header(&config.instance_name)))
}

/// Every instance writes the article views it counted, whether or not it runs the jobs.
fn spawn_view_flush(state: &AppState, every_secs: u64) {
    let views = state.views.clone();
    let store = state.store.clone();
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(every_secs.max(1)));
        loop {
            tick.tick().await;
            if let Err(e) = views.flush(&*store).await {
                tracing::warn!(error = %e, "could not write article views; retrying");
            }
        }
    });
}

/// The migrated database, with what every installation starts with (`starter`). In demo mode,
/// with the demo data loaded if not yet there; outside it, refused if it holds the demo
/// accounts (`demo_guard`).
pub async fn open_store(config: &Config) -> Result<Arc<dyn Housekeeping>, BoxError> {
    let store = store::open(config).await?;
    starter::install(&*store).await?;
    if config.demo {
        seed::load(&*store, &config.seed_dir, &config.demo_password).await?;
    } else {
        demo_guard::refuse_demo_accounts(&*store, config).await?;
    }
    Ok(store)
}

fn app_state(
    config: &Config,
    store: Arc<dyn Housekeeping>,
    service_levels: Arc<app::domain::priority::ServiceLevels>,
    release: app::model::Release,
) -> AppState {
    AppState {
        store,
        attachments_dir: config.attachments_dir.clone(),
        max_attachment_bytes: config.max_attachment_mb * 1024 * 1024,
        secure_cookies: config.https(),
        session_days: config.session_days,
        search: Default::default(),
        public_kb_search: config.public_kb_search,
        time_zone: config.time_zone.clone(),
        views: Default::default(),
        service_levels,
        reopen_days: config.jobs.auto_close_days,
        recurring: app::domain::problem::RecurringRule::new(
            config.recurring_window_days,
            config.recurring_threshold,
        ),
        release,
        offline: Default::default(),
        catalog_cache: Default::default(),
        demo: config.demo,
        providers: Arc::new(app::backend::identity::ProviderDirectory::new(
            config
                .oidc
                .iter()
                .map(|p| (p.id.clone(), p.label.clone(), p.client_id.clone())),
        )),
        password_admins_only: config.local_sign_in == config::LocalSignIn::AdminsOnly,
        mail_enabled: config.mail.configured(),
    }
}

/// Names the instance that answered, so a load balancer's spread can be seen (and tested).
fn instance_header(name: &str) -> SetResponseHeaderLayer<HeaderValue> {
    let value =
        HeaderValue::from_str(name).unwrap_or_else(|_| HeaderValue::from_static("deskfront"));
    SetResponseHeaderLayer::overriding(HeaderName::from_static("x-deskfront-instance"), value)
}

/// The app's pages, listed once per process.
///
/// Listing them renders the app with resource loading switched off, and that switch is one flag
/// for the whole process (Leptos's `SuppressResourceLoad`): a resource first polled by a real
/// render while another router is being built waits forever, and its page never answers. The
/// server builds one router, before it serves; the integration tests build one per test, in
/// parallel with other tests' renders, and so list the pages only the first time.
fn page_routes() -> Vec<AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<AxumRouteListing>> = std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

pub fn router(state: AppState, leptos_options: LeptosOptions) -> Router {
    let routes = page_routes();
    let context_state = state.clone();
    let provide_state = move || {
        provide_context(context_state.clone());
        security::headers::provide_request_nonce();
        app::i18n::provide_for_request();
    };
    // Room for the largest attachment, and for a CSV import just over its limit (in JSON, with
    // escaped quotes), so an oversized file hears "larger than 5 MB" rather than a bare 413.
    let body_limit = state
        .max_attachment_bytes
        .max(2 * app::model::MAX_IMPORT_BYTES)
        + 1024 * 1024;
    let shell_options = leptos_options.clone();
    // The build leaves brotli and gzip copies beside each file in /pkg (scripts/precompress.sh);
    // serving those beats compressing on the fly, which uses a fast, weaker brotli level.
    let pkg_dir =
        std::path::Path::new(&*leptos_options.site_root).join(&*leptos_options.site_pkg_dir);
    let serve_pkg = || {
        tower_http::services::ServeDir::new(&pkg_dir)
            .precompressed_br()
            .precompressed_gzip()
    };
    // This release's files under their versioned path never change: cache them for a year.
    let current = state.release.clone();
    let versioned = tower_http::set_header::SetResponseHeader::overriding(
        serve_pkg(),
        axum::http::header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=31536000, immutable"),
    );
    let worker_release = current.clone();
    let shell_release = current.clone();
    Router::new()
        .nest_service(&format!("/pkg/r/{}", current.id), versioned)
        .nest_service("/pkg", serve_pkg())
        .route(
            "/sw.js",
            get(move || std::future::ready(release::service_worker(&worker_release))),
        )
        .route(
            "/offline-shell",
            get(move || std::future::ready(release::offline_shell(&shell_release))),
        )
        .route(
            "/i18n/{digest}/{file}",
            get(routes::languages::catalog_file),
        )
        .route("/healthz", get(|| async { "ok" }))
        .route("/readyz", get(observe::ready))
        .route("/catalog/{slug}", post(routes::form_post::submit))
        .route("/attachments/{id}", get(routes::attachments::download))
        .route("/dashboard/export/{file}", get(routes::exports::export))
        .route("/admin/audit.csv", get(routes::audit_export::export))
        .route("/calendar.ics", get(routes::calendar_feed::feed))
        .route("/api/v1/kb/search", get(routes::kb_search::search))
        .route(
            "/api/v1/incidents",
            post(routes::incidents::report)
                .layer(DefaultBodyLimit::max(routes::incidents::MAX_BODY_BYTES)),
        )
        .leptos_routes_with_context(&leptos_options, routes, provide_state, {
            let options = leptos_options.clone();
            let release = state.release.clone();
            move || shell(options.clone(), release.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context(
            {
                let state = state.clone();
                move || {
                    provide_context(state.clone());
                    security::headers::provide_request_nonce();
                }
            },
            {
                let release = state.release.clone();
                move |_| shell(shell_options.clone(), release.clone())
            },
        ))
        // Inside the gate: it reads what the gate found (the user and the page's stamp).
        .layer(axum::middleware::from_fn(routes::page_cache::serve))
        .layer(axum::middleware::from_fn(
            routes::languages::vary_by_language,
        ))
        .layer(axum::middleware::from_fn(
            routes::auth_gate::require_session,
        ))
        .layer(Extension(state))
        .layer(Extension(
            Arc::new(routes::page_cache::PageCache::default()),
        ))
        .layer(DefaultBodyLimit::max(body_limit))
        .layer(CompressionLayer::new())
        .with_state(leptos_options)
}
