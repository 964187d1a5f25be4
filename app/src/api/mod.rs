//! Server functions: the browser's only way in. Each one checks who is calling, validates what
//! it is sent, and hands the work to `backend`. What they send and the error they answer with
//! live below both, in `model`; nothing under `backend` imports this module.

pub mod approval_admin;
pub mod approvals;
pub mod attachments;
pub mod audit;
pub mod auth;
pub mod catalog;
pub mod catalog_admin;
pub mod change_calendar;
pub mod changes;
pub mod dashboard;
pub mod deflection;
pub mod desk;
pub mod editor;
pub mod freezes;
pub mod groups;
pub mod imports;
pub mod integrations;
pub mod knowledge;
pub mod language;
pub mod mail;
pub mod offline;
pub mod people;
pub mod places;
pub mod problems;
pub mod requests;
pub mod synonyms;

/// Names the version of the snapshot in this response (`model::SNAPSHOT_VERSION_HEADER`).
#[cfg(feature = "ssr")]
fn announce_snapshot_version(version: &str) {
    if let (Some(res), Ok(value)) = (
        leptos::prelude::use_context::<leptos_axum::ResponseOptions>(),
        http::HeaderValue::from_str(version),
    ) {
        res.insert_header(
            http::HeaderName::from_static(crate::model::SNAPSHOT_VERSION_HEADER),
            value,
        );
    }
}
