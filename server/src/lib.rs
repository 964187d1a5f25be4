//! The Deskfront server: configuration, storage, demo data and the HTTP routes around the
//! Leptos application. `main.rs` only parses the command line and calls `serve`.

pub mod config;
pub mod routes;
pub mod seed;
pub mod store;

use app::app::{shell, App};
use app::backend::AppState;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use axum::{Extension, Router};
use config::Config;
use leptos::prelude::*;
use leptos_axum::{generate_route_list, LeptosRoutes};
use std::sync::Arc;
use store::sqlite::SqliteStore;
use tower_http::compression::CompressionLayer;

pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// Opens the database (migrating it, and loading demo data into an empty one) and builds the
/// router. Tests call this with a temporary database and serve it on a free port.
pub async fn build(config: &Config, leptos_options: LeptosOptions) -> Result<Router, BoxError> {
    if let Some(path) = config.database_url.strip_prefix("sqlite://") {
        if let Some(dir) = std::path::Path::new(path)
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
        {
            std::fs::create_dir_all(dir)?;
        }
    }
    let sqlite =
        SqliteStore::connect(&config.database_url, config.database_max_connections).await?;
    if config.seed_demo_data && sqlite.is_empty().await? {
        seed::load(&sqlite.pool, &config.seed_dir, &config.demo_password).await?;
    }
    let state = AppState {
        store: Arc::new(sqlite),
        attachments_dir: config.attachments_dir.clone(),
        max_attachment_bytes: config.max_attachment_mb * 1024 * 1024,
        secure_cookies: config.secure_cookies,
        session_days: config.session_days,
    };
    Ok(router(state, leptos_options))
}

pub fn router(state: AppState, leptos_options: LeptosOptions) -> Router {
    let routes = generate_route_list(App);
    let context_state = state.clone();
    let provide_state = move || provide_context(context_state.clone());
    let body_limit = state.max_attachment_bytes + 1024 * 1024;
    let shell_options = leptos_options.clone();
    // The build leaves brotli and gzip copies beside each file in /pkg (scripts/precompress.sh);
    // serving those beats compressing on the fly, which uses a fast, weaker brotli level.
    let pkg_dir =
        std::path::Path::new(&*leptos_options.site_root).join(&*leptos_options.site_pkg_dir);
    let pkg = tower_http::services::ServeDir::new(pkg_dir)
        .precompressed_br()
        .precompressed_gzip();
    Router::new()
        .nest_service("/pkg", pkg)
        .route("/healthz", get(|| async { "ok" }))
        .route("/catalog/{slug}", post(routes::form_post::submit))
        .route("/attachments/{id}", get(routes::attachments::download))
        .leptos_routes_with_context(&leptos_options, routes, provide_state, {
            let options = leptos_options.clone();
            move || shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler(move |_| {
            shell(shell_options.clone())
        }))
        .layer(axum::middleware::from_fn(
            routes::auth_gate::require_session,
        ))
        .layer(Extension(state))
        .layer(DefaultBodyLimit::max(body_limit))
        .layer(CompressionLayer::new())
        .with_state(leptos_options)
}
