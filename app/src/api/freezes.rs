//! Change freeze periods for administrators (`backend::freezes`): the list, a period saved, one
//! removed. Also plain form posts, which come back to the page with the error if any.

use crate::model::{AppError, FreezeView};
use leptos::prelude::*;

/// Where the freezes' forms send people back.
pub const FREEZES_PAGE: &str = "/admin/freezes";

#[server(endpoint = "admin_freezes")]
pub async fn admin_freezes() -> Result<Vec<FreezeView>, AppError> {
    use crate::backend::{freezes, session, store};
    let user = session::require_user().await?;
    freezes::freezes(store()?.as_ref(), &user).await
}

/// Creates (`id` 0, `revision` 0) or saves freeze `id`: days as ISO dates, `every_year` when
/// ticked, `stores` as codes (empty: every store). Answers the new revision.
#[server(endpoint = "save_freeze")]
pub async fn save_freeze(
    #[server(default)] id: i64,
    #[server(default)] revision: i64,
    #[server(default)] name: String,
    #[server(default)] first_day: String,
    #[server(default)] last_day: String,
    #[server(default)] every_year: Option<String>,
    #[server(default)] stores: String,
) -> Result<i64, AppError> {
    use crate::backend::freezes::{self, FreezeForm};
    use crate::backend::{forms, session, store};
    let result = async {
        let user = session::require_user().await?;
        let form = FreezeForm {
            name,
            first_day,
            last_day,
            every_year: every_year.is_some_and(|v| v != "false"),
            stores,
        };
        freezes::save(
            store()?.as_ref(),
            &user,
            id,
            revision,
            &form,
            chrono::Utc::now(),
        )
        .await
    }
    .await;
    forms::finish(result, FREEZES_PAGE, FREEZES_PAGE)
}

/// Removes freeze `id` as opened at `revision`.
#[server(endpoint = "delete_freeze")]
pub async fn delete_freeze(id: i64, revision: i64) -> Result<(), AppError> {
    use crate::backend::{forms, freezes, session, store};
    let result = async {
        let user = session::require_user().await?;
        freezes::remove(store()?.as_ref(), &user, id, revision, chrono::Utc::now()).await
    }
    .await;
    forms::finish(result, FREEZES_PAGE, FREEZES_PAGE)
}
