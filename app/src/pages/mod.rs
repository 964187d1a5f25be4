pub mod admin_audit;
pub mod admin_catalog;
pub mod admin_groups;
pub mod admin_integrations;
pub mod admin_item;
pub mod admin_people;
pub mod admin_stickers;
pub mod admin_store;
pub mod admin_stores;
pub mod approvals;
pub mod article;
pub mod catalog;
pub mod daily_report;
pub mod dashboard;
pub mod dashboard_tickets;
pub mod editor;
pub mod item;
pub mod login;
pub mod my_requests;
pub mod not_found;
pub mod notifications;
pub mod problem;
pub mod queue;
pub mod report;
pub mod request_detail;
pub mod search;
pub mod set_password;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// Answers a page whose data was refused with the matching status, so a page that does not
/// exist for this person is a 404 to browsers and crawlers too, not a 200 with a notice.
pub fn refusal_status(error: &crate::model::AppError) {
    #[cfg(feature = "ssr")]
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        use crate::model::AppError;
        let status = match error {
            AppError::NotSignedIn => http::StatusCode::UNAUTHORIZED,
            AppError::Forbidden { .. } => http::StatusCode::FORBIDDEN,
            AppError::NotFound { .. } => http::StatusCode::NOT_FOUND,
            AppError::Invalid { .. } => http::StatusCode::BAD_REQUEST,
            _ => return,
        };
        res.set_status(status);
    }
    #[cfg(not(feature = "ssr"))]
    let _ = error;
}

/// The `?error=` a plain form post was sent back with, if any.
pub fn query_error() -> Memo<Option<String>> {
    let query = use_query_map();
    Memo::new(move |_| query.read().get("error").filter(|e| !e.is_empty()))
}

/// Formats a time for lists and timelines, in UTC until people have a time zone setting.
pub fn when(t: &chrono::DateTime<chrono::Utc>) -> String {
    t.format("%-d %b %Y, %H:%M UTC").to_string()
}

/// Where a ticket is: "S012 · S012-REG-03", either part when only one is known, or empty.
pub fn place(store: &Option<String>, asset: &Option<String>) -> String {
    [store.as_deref(), asset.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ")
}
