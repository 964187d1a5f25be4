//! Mail settings (every signed-in person) and the mail log (admins). The settings form is a
//! plain form post that works with and without JavaScript.
// One argument per kind of mail (see `save_mail_settings`); an attribute on the function does
// not reach the code `#[server]` generates for the browser.
#![allow(clippy::too_many_arguments)]

use crate::model::{AppError, MailLogRow, MailSettingsView, Page};
use leptos::prelude::*;

#[server(endpoint = "mail_settings")]
pub async fn mail_settings() -> Result<MailSettingsView, AppError> {
    use crate::backend::{mail, session, state};
    let user = session::require_user().await?;
    let state = state()?;
    mail::settings_of(state.store.as_ref(), &user, state.mail_enabled).await
}

/// One checkbox per optional kind of mail, named by its key (`domain::mail::MailKind::key`):
/// a ticked box arrives, an unticked one does not. Approval requests have no box: they stay on.
#[server(endpoint = "save_mail_settings")]
pub async fn save_mail_settings(
    approved: Option<String>,
    rejected: Option<String>,
    reply: Option<String>,
    question: Option<String>,
    resolved: Option<String>,
    assigned: Option<String>,
    sla_warning: Option<String>,
    sla_breach: Option<String>,
    requester_comment: Option<String>,
) -> Result<(), AppError> {
    use crate::backend::{forms, mail, session, store};
    let ticked = [
        ("approved", approved),
        ("rejected", rejected),
        ("reply", reply),
        ("question", question),
        ("resolved", resolved),
        ("assigned", assigned),
        ("sla_warning", sla_warning),
        ("sla_breach", sla_breach),
        ("requester_comment", requester_comment),
    ];
    let on: Vec<String> = ticked
        .into_iter()
        .filter(|(_, v)| v.is_some())
        .map(|(k, _)| k.to_string())
        .collect();
    let result = async {
        let user = session::require_user().await?;
        mail::save_choices(store()?.as_ref(), &user, &on).await
    }
    .await;
    forms::finish(result, "/settings?saved=1", "/settings")
}

#[server(endpoint = "mail_log")]
pub async fn mail_log(
    filter: Option<String>,
    page: Option<u32>,
) -> Result<Page<MailLogRow>, AppError> {
    use crate::backend::{mail, session, store};
    use crate::model::MailLogFilter;
    let user = session::require_user().await?;
    let filter = MailLogFilter::parse(filter.as_deref().unwrap_or_default());
    mail::log(store()?.as_ref(), &user, filter, page.unwrap_or(1)).await
}
