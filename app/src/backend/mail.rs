//! A person's choice of mails, and the admins' mail log. Which mails exist and which may be
//! turned off is `domain::mail`; the mails themselves are queued by the store with the events.

use super::access::admin_only;
use super::internal;
use super::store::Store;
use crate::domain::mail::MailKind;
use crate::model::{
    AppError, AppResult, MailChoice, MailLogFilter, MailLogRow, MailSettingsView, Page, UserView,
};

/// The mail log's page size.
pub const LOG_PAGE: u32 = 50;

pub async fn settings_of(
    store: &dyn Store,
    user: &UserView,
    delivery_configured: bool,
) -> AppResult<MailSettingsView> {
    let off = store.mail_opt_outs(user.id).await.map_err(internal)?;
    Ok(MailSettingsView {
        email: user.email.clone(),
        choices: MailKind::ALL
            .into_iter()
            .map(|kind| MailChoice {
                key: kind.key().into(),
                label: kind.label().into(),
                on: !kind.optional() || !off.iter().any(|k| k == kind.key()),
                optional: kind.optional(),
            })
            .collect(),
        delivery_configured,
    })
}

/// Keeps the kinds named in `on` and turns every other optional kind off. A key that names no
/// kind is refused rather than stored: it would silently mean nothing.
pub async fn save_choices(store: &dyn Store, user: &UserView, on: &[String]) -> AppResult<()> {
    if let Some(unknown) = on.iter().find(|k| MailKind::from_key(k).is_none()) {
        return Err(AppError::invalid_field(
            "mail",
            format!("There is no kind of mail called {unknown:?}. Reload the page and try again."),
        ));
    }
    let off: Vec<String> = MailKind::ALL
        .into_iter()
        .filter(|k| k.optional() && !on.iter().any(|o| o == k.key()))
        .map(|k| k.key().to_string())
        .collect();
    store
        .set_mail_opt_outs(user.id, &off)
        .await
        .map_err(internal)
}

pub async fn log(
    store: &dyn Store,
    user: &UserView,
    filter: MailLogFilter,
    page: u32,
) -> AppResult<Page<MailLogRow>> {
    admin_only(user)?;
    store
        .mail_log(filter, page.max(1), LOG_PAGE)
        .await
        .map_err(internal)
}
