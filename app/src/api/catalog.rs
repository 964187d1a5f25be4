use crate::model::{AppError, CatalogView, ItemDetail};
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
    detail.description_html = crate::backend::markdown::render(&detail.description);
    if detail.form.asks_for(FieldKind::Impact) {
        detail.service = Some(crate::model::ServicePreview {
            levels: (*state.service_levels).clone(),
            store_hours: state.store.all_store_hours().await.map_err(internal)?,
        });
    }
    Ok(detail)
}

/// The "Report a fault" page: store faults (incident items whose form asks for a store), with
/// the store and device from a QR sticker's link when they exist. Unknown codes are dropped
/// rather than refused, so a sticker for a closed store still opens the page.
#[server(endpoint = "report")]
pub async fn report_faults(
    store: Option<String>,
    asset: Option<String>,
) -> Result<crate::model::ReportView, AppError> {
    use crate::backend::{internal, session, store as backend};
    use crate::domain::TicketKind;
    session::require_user().await?;
    let backend = backend()?;
    let catalog = backend.catalog().await.map_err(internal)?;
    let mut faults = Vec::new();
    for card in catalog.items {
        if card.kind != TicketKind::Incident {
            continue;
        }
        // Only the form is needed: `item_detail` would also load every store and asset for
        // each item's pickers.
        let Some(item) = backend
            .item_for_submit(&card.slug)
            .await
            .map_err(internal)?
        else {
            continue;
        };
        let form = backend
            .form_version(item.id, item.form_version)
            .await
            .map_err(internal)?;
        if form.is_some_and(|f| f.is_store_fault(card.kind)) {
            faults.push(card);
        }
    }
    let store = match store.filter(|s| !s.is_empty()) {
        Some(code) => backend
            .stores()
            .await
            .map_err(internal)?
            .into_iter()
            .find(|s| s.code == code),
        None => None,
    };
    let asset = match asset.filter(|a| !a.is_empty()) {
        Some(tag) => backend
            .assets()
            .await
            .map_err(internal)?
            .into_iter()
            .find(|a| a.tag == tag && store.as_ref().is_none_or(|s| s.code == a.store)),
        None => None,
    };
    Ok(crate::model::ReportView {
        store,
        asset,
        faults,
    })
}
