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

/// The store page of `code`, where a store's and its devices' forms send people back.
#[cfg(feature = "ssr")]
fn store_page(code: &str) -> String {
    format!("/admin/stores/{}", crate::url::encode(code.trim()))
}

/// Creates (`revision` 0) or edits one store. A plain form post: on to the store's page, or
/// back with the error.
#[server(endpoint = "save_store")]
pub async fn save_store(
    code: String,
    name: String,
    region: String,
    timezone: String,
    calendar: Option<String>,
    revision: i64,
) -> Result<i64, AppError> {
    use crate::backend::places::{self, StoreForm};
    use crate::backend::{forms, session, state};
    let back = if revision == 0 {
        "/admin/stores".to_string()
    } else {
        store_page(&code)
    };
    let success = store_page(&code);
    let result = async {
        let user = session::require_user().await?;
        let state = state()?;
        let form = StoreForm {
            code,
            name,
            region,
            timezone,
            calendar: calendar.unwrap_or_default(),
        };
        places::save_store(
            state.store.as_ref(),
            &user,
            &state.service_levels,
            form,
            revision,
            chrono::Utc::now(),
        )
        .await
    }
    .await;
    forms::finish(result, &success, &back)
}

/// Creates (`revision` 0) or edits one device. A plain form post: back to its store's page.
#[server(endpoint = "save_device")]
pub async fn save_device(
    tag: String,
    store: String,
    kind: String,
    model: String,
    name: Option<String>,
    revision: i64,
) -> Result<i64, AppError> {
    use crate::backend::places::{self, DeviceForm};
    use crate::backend::{forms, session, store as backend};
    let page = store_page(&store);
    let result = async {
        let user = session::require_user().await?;
        let form = DeviceForm {
            tag,
            store,
            kind,
            model,
            name: name.unwrap_or_default(),
        };
        places::save_device(
            backend()?.as_ref(),
            &user,
            form,
            revision,
            chrono::Utc::now(),
        )
        .await
    }
    .await;
    forms::finish(result, &page, &page)
}
