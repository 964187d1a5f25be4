//! The audit log for administrators (see `backend::audit`); its CSV download is
//! `GET /admin/audit.csv` with the same filter.

use crate::model::{AppError, AuditEntryView, Page};
use leptos::prelude::*;

/// One page of the audit log, newest first. Every filter part is optional: `kind` by its stored
/// name, `q` matched in the subject and the actor, `from` and `to` whole days (YYYY-MM-DD).
#[server(endpoint = "audit_log")]
pub async fn audit_log(
    kind: Option<String>,
    q: Option<String>,
    from: Option<String>,
    to: Option<String>,
    page: Option<u32>,
) -> Result<Page<AuditEntryView>, AppError> {
    use crate::backend::{audit, session, store};
    let user = session::require_user().await?;
    // Before the filter is read: someone who may not see the log learns nothing from its errors.
    crate::backend::access::admin_only(&user)?;
    let filter = audit::parse_filter(
        kind.as_deref(),
        q.as_deref(),
        from.as_deref(),
        to.as_deref(),
    )?;
    audit::page(store()?.as_ref(), &user, &filter, page.unwrap_or(1)).await
}
