//! Stores and devices for administrators (see `backend::places`): the list, a store with its
//! devices, its QR stickers, and CSV imports with a dry run.

use crate::model::{
    AppError, ImportReport, Page, PlacesFile, StickerSheet, StoreAdminView, StoreDetail,
};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

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

/// Checks a stores or devices CSV (`apply` false: a dry run) or imports it (`apply` true: all
/// rows or, when any is refused, none). JSON, not a form: a CSV URL-encoded triples in size.
#[server(endpoint = "import_places", input = Json)]
pub async fn import_places(
    file: PlacesFile,
    csv: String,
    apply: bool,
) -> Result<ImportReport, AppError> {
    use crate::backend::{places, session, state};
    let user = session::require_user().await?;
    let state = state()?;
    places::import(
        state.store.as_ref(),
        &user,
        &state.service_levels,
        file,
        &csv,
        apply,
        chrono::Utc::now(),
    )
    .await
}
