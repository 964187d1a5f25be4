//! Synonym groups for knowledge editors (see `backend::synonyms`): the list, a group saved
//! (created, changed, retired, brought back), and the preview of what a query finds with a
//! group as typed. Saving is a plain form post: it works without JavaScript and comes back to
//! the synonyms page, with the error if any.

use crate::model::{AppError, SynonymGroupView, SynonymPreview};
use leptos::prelude::*;

/// Where the synonyms page lives, and where its form sends people back.
pub const SYNONYMS_PAGE: &str = "/editor/synonyms";

#[server(endpoint = "synonym_groups")]
pub async fn synonym_groups() -> Result<Vec<SynonymGroupView>, AppError> {
    use crate::backend::{session, store, synonyms};
    let user = session::require_user().await?;
    synonyms::groups(store()?.as_ref(), &user).await
}

/// Creates a group (`id` 0, `revision` 0) or saves group `id` opened at `revision`, with its
/// phrases as comma-separated text. `retired` takes it out of search (and back in when false).
/// Errors about the phrases come under the field `phrases`.
#[server(endpoint = "save_synonym_group")]
pub async fn save_synonym_group(
    id: i64,
    phrases: String,
    retired: Option<String>,
    revision: i64,
) -> Result<SynonymGroupView, AppError> {
    use crate::backend::{forms, session, store, synonyms};
    let result = async {
        let user = session::require_user().await?;
        let change = synonyms::GroupChange {
            id,
            phrases: crate::domain::article::split_list(&phrases),
            retired: retired.is_some_and(|r| r == "true" || r == "on"),
            revision,
        };
        synonyms::save(store()?.as_ref(), &user, &change, chrono::Utc::now()).await
    }
    .await;
    forms::finish(result, SYNONYMS_PAGE, SYNONYMS_PAGE)
}

/// What `q` finds among articles and catalog items now, and with group `id` as typed
/// (`phrases`, comma-separated; `id` 0 for a new group; `retired` to see it without).
#[server(endpoint = "preview_synonyms")]
pub async fn preview_synonyms(
    q: String,
    id: i64,
    phrases: String,
    retired: bool,
) -> Result<SynonymPreview, AppError> {
    use crate::backend::{session, state, synonyms};
    let user = session::require_user().await?;
    let state = state()?;
    let index = state
        .search
        .index(state.store.as_ref())
        .await
        .map_err(crate::backend::internal)?;
    let groups = synonyms::groups(state.store.as_ref(), &user).await?;
    synonyms::preview(
        &index,
        &groups,
        &q,
        id,
        &crate::domain::article::split_list(&phrases),
        retired,
    )
}
