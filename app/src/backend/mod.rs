//! Server-side services behind the server functions: sessions, submission, access rules, and the
//! `Store` traits the SQL adapters in `server/` implement. Compiled only with the `ssr` feature.
//! Services take and return `model` types and follow `domain` rules; they never import `api` (the
//! server functions that call them) or the UI (`app/tests/layers.rs` checks).

pub mod access;
pub mod approval_admin;
pub mod approval_runs;
pub mod approval_store;
pub mod articles;
pub mod attachments;
pub mod audit;
pub mod audit_store;
pub mod catalog_admin;
pub mod catalog_admin_store;
pub mod catalog_cache;
pub mod catalog_read;
pub mod change_calendar;
pub mod change_figures;
pub mod change_store;
pub mod changes;
pub mod charts;
pub mod csv_import;
pub mod dashboard;
pub mod dashboard_csv;
pub mod dashboard_store;
pub mod delegations;
pub mod desk;
pub mod desk_store;
pub mod desk_view;
pub mod forms;
pub mod freezes;
pub mod groups;
pub mod groups_store;
pub mod ics;
pub mod identity;
pub mod identity_store;
pub mod integration_store;
pub mod integrations;
pub mod language;
pub mod learning;
pub mod learning_store;
pub mod mail;
pub mod mail_store;
pub mod markdown;
pub mod metrics;
pub mod offline;
pub mod people;
pub mod people_store;
pub mod places;
pub mod places_store;
pub mod problem_store;
pub mod problems;
pub mod request_approvals;
pub mod risk_model;
pub mod search;
pub mod session;
pub mod store;
pub mod submit;
pub mod synonyms;
pub mod synonyms_store;
pub mod throttle_store;
pub mod views;

use crate::model::AppError;
use std::path::PathBuf;
use std::sync::Arc;
use store::Store;

/// Everything a server function needs, provided as Leptos context by the server crate.
#[derive(Clone)]
pub struct AppState {
    pub store: Arc<dyn Store>,
    pub attachments_dir: PathBuf,
    pub max_attachment_bytes: usize,
    /// Adds `Secure` to the session cookie; on when served over HTTPS.
    pub secure_cookies: bool,
    pub session_days: i64,
    /// This instance's search index, rebuilt when the shared content version moves.
    pub search: Arc<search::SearchCache>,
    /// `GET /api/v1/kb/search` answers without a session.
    pub public_kb_search: bool,
    /// The zone times are shown in to people without a store of their own (`i18n::zone`).
    pub time_zone: String,
    /// Article views not yet written (see `backend::views`).
    pub views: Arc<views::ViewCounter>,
    /// Priority matrix, SLA policies and calendars (the service-levels file).
    pub service_levels: Arc<crate::domain::priority::ServiceLevels>,
    /// How long a requester may reopen a resolved ticket; it closes after that.
    pub reopen_days: i64,
    /// When incidents count as a recurring fault (window and threshold).
    pub recurring: crate::domain::problem::RecurringRule,
    /// The browser code this instance serves (see `app::Release`).
    pub release: crate::model::Release,
    /// The catalog pages' data, reloaded when the shared catalog version moves.
    pub catalog_cache: Arc<catalog_cache::CatalogCache>,
    /// The offline snapshot, built at most once a minute (see `api::offline`).
    pub offline: Arc<offline::SnapshotCache>,
    /// Demo mode: the sign-in page lists the demo accounts. Never on in a production start.
    pub demo: bool,
    /// The OpenID Connect providers the sign-in page offers, and whether each is reachable.
    pub providers: Arc<identity::ProviderDirectory>,
    /// Only administrators may sign in with a password (the break-glass account).
    pub password_admins_only: bool,
    /// A mail server is configured: people's settings offer the mails they get.
    pub mail_enabled: bool,
}

pub fn state() -> Result<AppState, AppError> {
    leptos::prelude::use_context::<AppState>()
        .ok_or_else(|| AppError::internal("AppState missing from context"))
}

pub fn store() -> Result<Arc<dyn Store>, AppError> {
    Ok(state()?.store)
}

/// The refusal of a save from a page opened before someone else changed the record (an edit,
/// an import): people, stores, devices, groups.
pub fn stale(what: &str) -> AppError {
    AppError::conflict(crate::i18n::t_with(
        "error-stale",
        &[("token", what.into())],
    ))
}

/// Turns a storage failure into the user-facing error, logging the detail.
pub fn internal<E: std::fmt::Display>(err: E) -> AppError {
    AppError::internal(err)
}
