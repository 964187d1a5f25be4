pub mod admin_approvals;
pub mod admin_audit;
pub mod admin_catalog;
pub mod admin_freezes;
pub mod admin_groups;
pub mod admin_integrations;
pub mod admin_item;
pub mod admin_mail;
pub mod admin_people;
pub mod admin_risk;
pub mod admin_stickers;
pub mod admin_store;
pub mod admin_stores;
pub mod approval_chain;
pub mod approvals;
pub mod article;
pub mod catalog;
pub mod change;
pub mod change_calendar;
pub mod daily_report;
pub mod dashboard;
pub mod dashboard_changes;
pub mod dashboard_tickets;
pub mod delegations;
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
pub mod settings;
pub mod synonyms;
pub mod unanswered;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

pub use crate::components::error_notice::refusal_status;

/// The notice a plain form post was sent back with (`?error=code`), if any: always our own
/// words (see `model::notice`).
pub fn query_error() -> Memo<Option<String>> {
    let query = use_query_map();
    Memo::new(move |_| {
        let query = query.read();
        let code = query.get("error")?;
        crate::model::notice::notice_text(&code, query.get("error_arg").as_deref())
    })
}

/// Formats a time for lists and timelines in the reader's language and zone ("3 Dec 2026,
/// 15:02" for a reader in Berlin; "…, 14:02 UTC" where the portal keeps UTC). The server and
/// the browser read the same zone (`i18n::zone`), so they render the same text.
pub fn when(t: &chrono::DateTime<chrono::Utc>) -> String {
    let zone = crate::i18n::zone();
    let text = crate::i18n::i18n().date_time_with_year(&zone.reading(t));
    if zone.is_utc() {
        format!("{text} UTC")
    } else {
        text
    }
}

/// Where a ticket is: "S012 · S012-REG-03", either part when only one is known, or empty.
pub fn place(store: &Option<String>, asset: &Option<String>) -> String {
    [store.as_deref(), asset.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ")
}
