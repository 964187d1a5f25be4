//! The change calendar (`backend::change_calendar`): a month or a week for anyone signed in,
//! and the private link that puts it in a person's own calendar app.

use crate::model::{AppError, CalendarView, PlannedChange};
use leptos::prelude::*;

/// A calendar page: `span` month or week, a `day` in it (ISO date; empty: today), and the
/// filters (empty: none; store staff see their store unless `store` is "all").
#[server(endpoint = "change_calendar")]
pub async fn change_calendar(
    #[server(default)] span: String,
    #[server(default)] day: String,
    #[server(default)] store: String,
    #[server(default)] region: String,
    #[server(default)] service: String,
) -> Result<CalendarView, AppError> {
    use crate::backend::{change_calendar, session, state};
    use crate::model::CalendarQuery;
    let user = session::require_user().await?;
    let state = state()?;
    let query = CalendarQuery {
        span,
        day,
        store,
        region,
        service,
    };
    change_calendar::calendar(
        state.store.as_ref(),
        &user,
        &query,
        &state.time_zone,
        chrono::Utc::now(),
    )
    .await
}

/// Makes the caller a new private feed link (the old one stops working) and answers with it:
/// shown once, so it needs the page's script to show it without leaving the page.
#[server(endpoint = "new_calendar_feed")]
pub async fn new_calendar_feed() -> Result<String, AppError> {
    use crate::backend::{change_calendar, forms, session, store};
    let user = session::require_user().await?;
    if forms::is_plain_form_post() {
        return Err(AppError::conflict(crate::i18n::t("error-calendar-feed-js")));
    }
    change_calendar::new_feed(
        store()?.as_ref(),
        &user,
        &forms::request_origin(),
        chrono::Utc::now(),
    )
    .await
}

/// Ends the caller's feed link. Also a plain form post.
#[server(endpoint = "end_calendar_feed")]
pub async fn end_calendar_feed() -> Result<(), AppError> {
    use crate::backend::{change_calendar, forms, session, store};
    let result = async {
        let user = session::require_user().await?;
        change_calendar::end_feed(store()?.as_ref(), &user, chrono::Utc::now()).await
    }
    .await;
    forms::finish(result, "/calendar?feed_ended=1", "/calendar")
}

/// The changes planned soon in the caller's store (none for someone without a store): the home
/// page tells store staff their tills will be updated tonight.
#[server(endpoint = "planned_changes")]
pub async fn planned_changes() -> Result<Vec<PlannedChange>, AppError> {
    use crate::backend::{change_calendar, session, store};
    let user = session::require_user().await?;
    change_calendar::planned_for(store()?.as_ref(), &user, chrono::Utc::now()).await
}
