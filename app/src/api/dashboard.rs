//! The service manager's dashboard: figures for a period and filters, the tickets behind each
//! figure, and the filter choices. Managers and admins see every group; agents their own
//! groups; nobody else. The same data feeds the page, the daily report and the CSV downloads.

use crate::model::{AppError, ChangeList, DashboardView, FilterChoices, TicketList};
use leptos::prelude::*;

/// The dashboard for `filters` (a query string as `FilterQuery::query_string` writes it).
#[server(endpoint = "dashboard")]
pub async fn dashboard(filters: String) -> Result<DashboardView, AppError> {
    use crate::backend::{dashboard, session, store};
    use crate::model::FilterQuery;
    let user = session::require_user().await?;
    let filters = FilterQuery::parse(&filters)?;
    dashboard::load(store()?.as_ref(), &user, &filters, chrono::Utc::now()).await
}

#[server(endpoint = "dashboard_tickets")]
pub async fn dashboard_tickets(
    filters: String,
    set: String,
    page: Option<u32>,
) -> Result<TicketList, AppError> {
    use crate::backend::{dashboard, session, store};
    use crate::model::FilterQuery;
    let user = session::require_user().await?;
    let filters = FilterQuery::parse(&filters)?;
    let set = crate::domain::report::TicketSet::parse(&set)
        .ok_or_else(|| AppError::invalid_field("set", "There is no such figure."))?;
    dashboard::tickets(
        store()?.as_ref(),
        &user,
        &filters,
        set,
        page.unwrap_or(1).max(1),
        chrono::Utc::now(),
    )
    .await
}

/// The changes behind a change figure (`set`: a `ChangeSet`), a page at a time.
#[server(endpoint = "dashboard_changes")]
pub async fn dashboard_changes(
    filters: String,
    set: String,
    page: Option<u32>,
) -> Result<ChangeList, AppError> {
    use crate::backend::{change_figures, session, store};
    use crate::model::FilterQuery;
    let user = session::require_user().await?;
    let filters = FilterQuery::parse(&filters)?;
    let set = crate::domain::change_figures::ChangeSet::parse(&set)
        .ok_or_else(|| AppError::invalid_field("set", crate::i18n::t("error-no-figure")))?;
    change_figures::changes(
        store()?.as_ref(),
        &user,
        &filters,
        set,
        page.unwrap_or(1).max(1),
        chrono::Utc::now(),
    )
    .await
}

#[server(endpoint = "dashboard_choices")]
pub async fn dashboard_choices() -> Result<FilterChoices, AppError> {
    use crate::backend::{dashboard, session, store};
    let user = session::require_user().await?;
    dashboard::choices(store()?.as_ref(), &user).await
}
