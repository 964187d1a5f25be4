//! People for administrators (see `backend::people`): the list, one person created or edited,
//! (de)activation and one-time password links; and, for the person who got such a link,
//! setting their password. The CSV import is `api::imports`.
// `save_person` takes one argument per form field, as the plain form posts them. The allow is
// for the whole file because `#[server]` does not pass an item's attributes on to the client
// function it generates for the browser build.
#![allow(clippy::too_many_arguments)]

use crate::model::{AppError, Page, PasswordLink, PersonView};
use leptos::prelude::*;

/// Where the plain-form version of `set_person_active` sends people.
pub const PEOPLE_PAGE: &str = "/admin/people";

#[server(endpoint = "admin_people")]
pub async fn admin_people(
    q: Option<String>,
    page: Option<u32>,
) -> Result<Page<PersonView>, AppError> {
    use crate::backend::{people, session, store};
    let user = session::require_user().await?;
    people::people_page(store()?.as_ref(), &user, q.as_deref(), page.unwrap_or(1)).await
}

/// Creates (`revision` 0) or edits one person. A plain form post: back to the people page,
/// with the error if any.
#[server(endpoint = "save_person")]
pub async fn save_person(
    email: String,
    name: String,
    role: String,
    manager: Option<String>,
    store: Option<String>,
    groups: Option<String>,
    revision: i64,
    // A checkbox: sent ("on") only when ticked.
    role_pinned: Option<String>,
) -> Result<i64, AppError> {
    use crate::backend::people::{self, PersonForm};
    use crate::backend::{forms, session, store as backend};
    let result = async {
        let user = session::require_user().await?;
        let form = PersonForm {
            email,
            name,
            role,
            manager: manager.unwrap_or_default(),
            store: store.unwrap_or_default(),
            groups: groups.unwrap_or_default(),
            role_pinned: role_pinned.is_some_and(|v| v == "on" || v == "true"),
        };
        people::save_person(
            backend()?.as_ref(),
            &user,
            form,
            revision,
            chrono::Utc::now(),
        )
        .await
    }
    .await;
    forms::finish(result, PEOPLE_PAGE, PEOPLE_PAGE)
}

/// Deactivates `email` (their sessions end; their tickets stay) or reactivates them. Also a
/// plain form post: back to the people page, with the error if any.
#[server(endpoint = "set_person_active")]
pub async fn set_person_active(email: String, active: bool) -> Result<(), AppError> {
    use crate::backend::{forms, people, session, store};
    let result = async {
        let user = session::require_user().await?;
        people::set_active(store()?.as_ref(), &user, &email, active, chrono::Utc::now()).await
    }
    .await;
    forms::finish(result, PEOPLE_PAGE, PEOPLE_PAGE)
}

/// A one-time link for `email` to set their own password, returned once. Needs JavaScript: a
/// plain form post would have to put the link in a redirect's URL.
#[server(endpoint = "create_password_link")]
pub async fn create_password_link(email: String) -> Result<PasswordLink, AppError> {
    use crate::backend::{forms, people, session, store};
    let user = session::require_user().await?;
    crate::backend::access::admin_only(&user)?;
    if forms::is_plain_form_post() {
        return Err(AppError::conflict(crate::i18n::t("error-password-link-js")));
    }
    people::create_password_link(
        store()?.as_ref(),
        &user,
        &email,
        &forms::request_origin(),
        chrono::Utc::now(),
    )
    .await
}

/// Whose password link `token` is, while it works (the set-password page names them).
#[server(endpoint = "password_link_owner")]
pub async fn password_link_owner(token: String) -> Result<String, AppError> {
    use crate::backend::{people, store};
    people::password_link_owner(store()?.as_ref(), &token, chrono::Utc::now()).await
}

/// Sets the password of the person a link was made for: no session needed, the link is the
/// proof. A plain form post: on success to the sign-in page, else back with the message.
#[server(endpoint = "set_password")]
pub async fn set_password(token: String, password: String, again: String) -> Result<(), AppError> {
    use crate::backend::{forms, people, store};
    let result = people::set_password_by_link(
        store()?.as_ref(),
        &token,
        &password,
        &again,
        chrono::Utc::now(),
    )
    .await;
    let back = format!("/set-password?token={}", forms::encode(&token));
    forms::finish(result, "/login?password_set=1", &back)
}
