//! People for administrators (see `backend::people`): the list and (de)activation. Their CSV
//! import is `api::imports`.

use crate::model::{AppError, Page, PersonView};
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
