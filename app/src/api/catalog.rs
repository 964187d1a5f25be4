#[cfg(feature = "ssr")]
use crate::i18n::t;
use crate::model::{AppError, CatalogView, ItemDetail};
use leptos::prelude::*;

#[server(endpoint = "catalog")]
pub async fn catalog() -> Result<CatalogView, AppError> {
    use crate::backend::{catalog_read, internal, session, state};
    session::require_user().await?;
    let state = state()?;
    let locale = crate::i18n::i18n().locale();
    let catalog = catalog_read::catalog(&state.catalog_cache, &*state.store, locale)
        .await
        .map_err(internal)?;
    Ok((*catalog).clone())
}

#[server(endpoint = "item")]
pub async fn catalog_item(slug: String) -> Result<ItemDetail, AppError> {
    use crate::backend::{catalog_read, internal, session, state};
    session::require_user().await?;
    let state = state()?;
    let page = catalog_read::item_page(
        &state.catalog_cache,
        &*state.store,
        &state.service_levels,
        &slug,
        crate::i18n::i18n().locale(),
    )
    .await
    .map_err(internal)?;
    let mut detail =
        Option::clone(&page).ok_or_else(|| AppError::not_found(t("error-no-catalog-item")))?;
    detail.submission_key = crate::backend::submit::new_idempotency_key();
    Ok(detail)
}

/// The "Report a fault": the store faults, with the store and device from a QR sticker's link
/// when they exist. Unknown codes are dropped rather than refused, so a sticker for a closed
/// store still opens the page.
#[server(endpoint = "report")]
pub async fn report_faults(
    store: Option<String>,
    asset: Option<String>,
) -> Result<crate::model::ReportView, AppError> {
    use crate::backend::{catalog_read, internal, session, state};
    session::require_user().await?;
    let state = state()?;
    let locale = crate::i18n::i18n().locale();
    let choices = catalog_read::fault_choices(&state.catalog_cache, &*state.store, locale)
        .await
        .map_err(internal)?;
    let store = store.and_then(|code| choices.stores.get(&code).cloned());
    let asset = asset
        .and_then(|tag| choices.assets.get(&tag).cloned())
        .filter(|a| store.as_ref().is_none_or(|s| s.code == a.store));
    Ok(crate::model::ReportView {
        store,
        asset,
        faults: choices.faults.clone(),
    })
}
