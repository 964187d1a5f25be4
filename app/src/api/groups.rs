//! Assignment groups for administrators (see `backend::groups`): the list, a group saved
//! (created, described, renamed), members added and removed. Plain form posts: they work without
//! JavaScript and come back to the groups page, with the error if any.

use crate::model::{AppError, GroupView};
use leptos::prelude::*;

/// Where the groups' forms send people back.
pub const GROUPS_PAGE: &str = "/admin/groups";

#[server(endpoint = "admin_groups")]
pub async fn admin_groups() -> Result<Vec<GroupView>, AppError> {
    use crate::backend::{groups, session, store};
    let user = session::require_user().await?;
    groups::groups(store()?.as_ref(), &user).await
}

/// Creates (`revision` 0, `name` empty) or saves the group `name` as `new_name`.
#[server(endpoint = "save_group")]
pub async fn save_group(
    name: Option<String>,
    new_name: String,
    description: Option<String>,
    revision: i64,
) -> Result<i64, AppError> {
    use crate::backend::{forms, groups, session, store};
    let result = async {
        let user = session::require_user().await?;
        groups::save_group(
            store()?.as_ref(),
            &user,
            name.as_deref().unwrap_or_default(),
            &new_name,
            description.as_deref().unwrap_or_default(),
            revision,
            chrono::Utc::now(),
        )
        .await
    }
    .await;
    forms::finish(result, GROUPS_PAGE, GROUPS_PAGE)
}

/// Adds (`member` true) or removes the person `email` in group `name`.
#[server(endpoint = "set_group_member")]
pub async fn set_group_member(name: String, email: String, member: bool) -> Result<(), AppError> {
    use crate::backend::{forms, groups, session, store};
    let result = async {
        let user = session::require_user().await?;
        groups::set_member(
            store()?.as_ref(),
            &user,
            &name,
            &email,
            member,
            chrono::Utc::now(),
        )
        .await
    }
    .await;
    forms::finish(result, GROUPS_PAGE, GROUPS_PAGE)
}
