//! The catalog for its editors (see `backend::catalog_admin`): categories, the item list, the
//! item editor with its form builder, publishing, clones, retiring and restoring.
// The category form's server function takes one argument per field, as the plain form posts
// them; the client stub `#[server]` writes for it does not carry an attribute of the function.
#![allow(clippy::too_many_arguments)]

use crate::model::{
    AppError, CategoryAdminView, ItemAdminRow, ItemDraft, ItemEditView, ItemSaved, Page,
};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// Where the plain-form versions of the category and retire functions send people.
pub const CATALOG_ADMIN_PAGE: &str = "/admin/catalog";

#[server(endpoint = "admin_categories")]
pub async fn admin_categories() -> Result<Vec<CategoryAdminView>, AppError> {
    use crate::backend::{catalog_admin, session, store};
    let user = session::require_user().await?;
    catalog_admin::categories(store()?.as_ref(), &user).await
}

/// Creates (`revision` 0) or updates a category. Also a plain form post.
#[server(endpoint = "save_category")]
pub async fn save_category(
    slug: String,
    name: String,
    description: String,
    icon: String,
    parent: Option<String>,
    position: i64,
    revision: i64,
    /// `translations[de][name]`, `translations[de][description]`, … (absent: none).
    translations: Option<crate::domain::translation::CategoryTranslations>,
) -> Result<i64, AppError> {
    use crate::backend::{catalog_admin, forms, session, store};
    use crate::model::CategoryRecord;
    let result = async {
        let user = session::require_user().await?;
        let record = CategoryRecord {
            slug,
            name,
            description,
            icon,
            parent,
            position,
            translations: translations.unwrap_or_default(),
        };
        catalog_admin::save_category(
            store()?.as_ref(),
            &user,
            record,
            revision,
            chrono::Utc::now(),
        )
        .await
    }
    .await;
    forms::finish(result, CATALOG_ADMIN_PAGE, CATALOG_ADMIN_PAGE)
}

#[server(endpoint = "admin_items")]
pub async fn admin_items(
    q: Option<String>,
    page: Option<u32>,
) -> Result<Page<ItemAdminRow>, AppError> {
    use crate::backend::{catalog_admin, session, store};
    let user = session::require_user().await?;
    catalog_admin::items_page(store()?.as_ref(), &user, q.as_deref(), page.unwrap_or(1)).await
}

/// The item `slug` as the editor opens it; no slug: a blank new item.
#[server(endpoint = "item_for_edit")]
pub async fn item_for_edit(slug: Option<String>) -> Result<ItemEditView, AppError> {
    use crate::backend::{catalog_admin, session, store};
    let user = session::require_user().await?;
    let store = store()?;
    match slug.filter(|s| !s.is_empty()) {
        Some(slug) => catalog_admin::item_for_edit(store.as_ref(), &user, &slug).await,
        None => catalog_admin::blank_item(store.as_ref(), &user).await,
    }
}

/// Saves the editor's item and form as a draft (JSON: a form is nested data).
#[server(endpoint = "save_item", input = Json)]
pub async fn save_item(draft: ItemDraft) -> Result<ItemSaved, AppError> {
    use crate::backend::{catalog_admin, session, store};
    let user = session::require_user().await?;
    catalog_admin::save_item(store()?.as_ref(), &user, draft, chrono::Utc::now()).await
}

#[server(endpoint = "publish_item")]
pub async fn publish_item(slug: String, revision: i64) -> Result<ItemSaved, AppError> {
    use crate::backend::{catalog_admin, session, store};
    let user = session::require_user().await?;
    catalog_admin::publish_item(
        store()?.as_ref(),
        &user,
        &slug,
        revision,
        chrono::Utc::now(),
    )
    .await
}

#[server(endpoint = "clone_item")]
pub async fn clone_item(slug: String, new_slug: String) -> Result<ItemSaved, AppError> {
    use crate::backend::{catalog_admin, session, store};
    let user = session::require_user().await?;
    catalog_admin::clone_item(
        store()?.as_ref(),
        &user,
        &slug,
        &new_slug,
        chrono::Utc::now(),
    )
    .await
}

#[server(endpoint = "set_item_retired")]
pub async fn set_item_retired(
    slug: String,
    retired: bool,
    revision: i64,
) -> Result<ItemSaved, AppError> {
    use crate::backend::{catalog_admin, session, store};
    let user = session::require_user().await?;
    catalog_admin::set_retired(
        store()?.as_ref(),
        &user,
        &slug,
        retired,
        revision,
        chrono::Utc::now(),
    )
    .await
}
