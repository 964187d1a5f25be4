//! Stores and devices for administrators (see `backend::places`): the list, a store with its
//! devices and its QR stickers. Their CSV imports are `api::imports`.

use crate::model::{AppError, Page, StickerSheet, StoreAdminView, StoreDetail};
use leptos::prelude::*;

#[server(endpoint = "admin_stores")]
pub async fn admin_stores(
    q: Option<String>,
    page: Option<u32>,
) -> Result<Page<StoreAdminView>, AppError> {
    use crate::backend::{places, session, store};
    let user = session::require_user().await?;
    places::stores_page(store()?.as_ref(), &user, q.as_deref(), page.unwrap_or(1)).await
}

#[server(endpoint = "admin_store")]
pub async fn admin_store(code: String) -> Result<StoreDetail, AppError> {
    use crate::backend::{places, session, store};
    let user = session::require_user().await?;
    places::store_detail(store()?.as_ref(), &user, &code).await
}

#[server(endpoint = "store_stickers")]
pub async fn store_stickers(code: String) -> Result<StickerSheet, AppError> {
    use crate::backend::{forms, places, session, store};
    let user = session::require_user().await?;
    places::stickers(store()?.as_ref(), &user, &code, &forms::request_origin()).await
}
