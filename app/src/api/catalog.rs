use super::error::AppError;
use super::types::{CatalogView, ItemDetail};
use leptos::prelude::*;

#[server(endpoint = "catalog")]
pub async fn catalog() -> Result<CatalogView, AppError> {
    use crate::backend::{internal, session, store};
    session::require_user().await?;
    store()?.catalog().await.map_err(internal)
}

#[server(endpoint = "item")]
pub async fn catalog_item(slug: String) -> Result<ItemDetail, AppError> {
    use crate::backend::{internal, session, state};
    use crate::domain::FieldKind;
    session::require_user().await?;
    let state = state()?;
    let mut detail = state
        .store
        .item_detail(&slug)
        .await
        .map_err(internal)?
        .ok_or_else(|| {
            AppError::not_found("This catalog item does not exist or is no longer offered.")
        })?;
    detail.submission_key = crate::backend::submit::new_idempotency_key();
    if detail
        .form
        .fields
        .iter()
        .any(|f| f.kind == FieldKind::Impact)
    {
        detail.service = Some(super::types::ServicePreview {
            levels: (*state.service_levels).clone(),
            store_hours: state.store.all_store_hours().await.map_err(internal)?,
        });
    }
    Ok(detail)
}
