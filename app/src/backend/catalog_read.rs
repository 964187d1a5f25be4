//! The catalog as its pages read it — the catalog, an item's page, the report page — through
//! this instance's cache (`backend::catalog_cache`), in the reader's language: an item's
//! translation where its editors wrote one (`domain::translation`), its own words elsewhere.
//! What differs per request (the submission key, the store and device a QR link names) is added
//! by the caller.

use super::catalog_cache::CatalogCache;
use super::store::{ItemForSubmit, Store, StoreResult};
use crate::domain::priority::{Level, ServiceLevels, StoreHours};
use crate::domain::translation::{
    or_own, CategoryTranslation, CategoryTranslations, ItemTranslation, Translations,
};
use crate::domain::validation::LookupLists;
use crate::domain::{FieldKind, FormSchema, TicketKind};
use crate::model::{AssetOption, CatalogView, ItemCard, ItemDetail, StoreOption};
use std::collections::HashMap;
use std::sync::Arc;

/// The live catalog: categories and the items on offer, in `locale`.
pub async fn catalog(
    cache: &CatalogCache,
    store: &dyn Store,
    locale: &str,
) -> StoreResult<Arc<CatalogView>> {
    let version = store.catalog_version().await?;
    let own = cache
        .get_or_load(version, "catalog", || store.catalog())
        .await?;
    if locale == crate::i18n::DEFAULT {
        return Ok(own);
    }
    cache
        .get_or_load(version, &format!("catalog:{locale}"), || async {
            let words = Words::of(cache, store, version).await?;
            let mut view = (*own).clone();
            for card in &mut view.items {
                if let Some(item) = words.item(&card.slug, locale) {
                    card.translate(item);
                }
            }
            for category in &mut view.categories {
                if let Some(words) = words.category(&category.slug, locale) {
                    category.name = or_own(&words.name, &category.name);
                    category.description = or_own(&words.description, &category.description);
                }
            }
            Ok(view)
        })
        .await
}

/// Every item's and category's translations, as of one catalog version.
pub struct Words {
    items: Arc<HashMap<String, Translations>>,
    categories: Arc<HashMap<String, CategoryTranslations>>,
}

impl Words {
    pub async fn of(cache: &CatalogCache, store: &dyn Store, version: i64) -> StoreResult<Words> {
        Ok(Words {
            items: translations(cache, store, version).await?,
            categories: category_translations(cache, store, version).await?,
        })
    }

    /// The item `slug`'s words in `locale`, if its editors wrote any.
    fn item(&self, slug: &str, locale: &str) -> Option<&ItemTranslation> {
        self.items.get(slug)?.get(locale)
    }

    /// The category `slug`'s words in `locale`, if its editors wrote any.
    fn category(&self, slug: &str, locale: &str) -> Option<&CategoryTranslation> {
        self.categories.get(slug)?.get(locale)
    }

    /// An item's page in `locale`: its own words where its editors wrote none, the
    /// description rendered again when translated, its category's name.
    pub fn translate_detail(&self, detail: &mut ItemDetail, locale: &str) {
        if let Some(words) = self.item(&detail.card.slug, locale) {
            if detail.translate(words) {
                detail.description_html = super::markdown::render(&detail.description);
            }
        }
        if let Some(category) = self.category(&detail.card.category, locale) {
            detail.category_name = or_own(&category.name, &detail.category_name);
        }
    }
}

/// Every category's translations, as of catalog `version`.
async fn category_translations(
    cache: &CatalogCache,
    store: &dyn Store,
    version: i64,
) -> StoreResult<Arc<HashMap<String, CategoryTranslations>>> {
    cache
        .get_or_load(version, "category-translations", || {
            store.category_translations()
        })
        .await
}

/// An item's page data in `locale`, with its description rendered, and the service preview
/// when its form asks for impact; `None` for an unknown or retired item.
pub async fn item_page(
    cache: &CatalogCache,
    store: &dyn Store,
    levels: &ServiceLevels,
    slug: &str,
    locale: &str,
) -> StoreResult<Arc<Option<ItemDetail>>> {
    let version = store.catalog_version().await?;
    let own = cache
        .get_or_load(version, &format!("item:{slug}"), || async {
            let Some(mut detail) = store.item_detail(slug).await? else {
                return Ok(None);
            };
            detail.description_html = super::markdown::render(&detail.description);
            if detail.form.asks_for(FieldKind::Impact) {
                detail.service = Some(crate::model::ServicePreview {
                    levels: levels.in_language(crate::i18n::DEFAULT),
                    store_hours: store.all_store_hours().await?,
                });
            }
            Ok(Some(detail))
        })
        .await?;
    if locale == crate::i18n::DEFAULT {
        return Ok(own);
    }
    let words = Words::of(cache, store, version).await?;
    cache
        .get_or_load(version, &format!("item:{slug}:{locale}"), || async {
            Ok(Option::clone(&own).map(|mut detail| {
                words.translate_detail(&mut detail, locale);
                if let Some(service) = &mut detail.service {
                    service.levels = levels.in_language(locale);
                }
                detail
            }))
        })
        .await
}

/// Every item's translations, as of catalog `version`.
async fn translations(
    cache: &CatalogCache,
    store: &dyn Store,
    version: i64,
) -> StoreResult<Arc<HashMap<String, Translations>>> {
    cache
        .get_or_load(version, "translations", || store.item_translations())
        .await
}

/// A catalog item as submission needs it, as of catalog `version` (read it first).
pub async fn item_for_submit(
    cache: &CatalogCache,
    store: &dyn Store,
    version: i64,
    slug: &str,
) -> StoreResult<Arc<Option<ItemForSubmit>>> {
    cache
        .get_or_load(version, &format!("submit:{slug}"), || {
            store.item_for_submit(slug)
        })
        .await
}

/// What a submitted form is checked against and its service clock reads: every store and
/// device, and the priority matrix's levels. The `catalog` version moves with stores and devices
/// (database triggers) and the levels are fixed for the process, so all is kept with it.
#[derive(Default)]
pub struct Places {
    pub lookups: LookupLists,
    /// Each store's time zone and calendar, by code.
    pub hours: HashMap<String, StoreHours>,
}

/// The stores and devices as of catalog `version`. A form with a store or device picker used
/// to read both tables whole on every submission.
pub async fn places(
    cache: &CatalogCache,
    store: &dyn Store,
    levels: &ServiceLevels,
    version: i64,
) -> StoreResult<Arc<Places>> {
    cache
        .get_or_load(version, "places", || async {
            let pairs = |levels: &[Level]| -> Vec<(String, String)> {
                levels
                    .iter()
                    .map(|l| (l.key.clone(), l.label.clone()))
                    .collect()
            };
            Ok(Places {
                lookups: LookupLists {
                    stores: store.stores().await?.into_iter().map(|s| s.code).collect(),
                    assets: store
                        .assets()
                        .await?
                        .into_iter()
                        .map(|a| (a.tag, a.store))
                        .collect(),
                    impacts: pairs(&levels.matrix.impacts),
                    urgencies: pairs(&levels.matrix.urgencies),
                    device_files: false,
                },
                hours: store.all_store_hours().await?.into_iter().collect(),
            })
        })
        .await
}

/// One version of an item's form, as of catalog `version`.
pub async fn form(
    cache: &CatalogCache,
    store: &dyn Store,
    version: i64,
    item_id: i64,
    form_version: i64,
) -> StoreResult<Arc<Option<FormSchema>>> {
    cache
        .get_or_load(version, &format!("form:{item_id}:{form_version}"), || {
            store.form_version(item_id, form_version)
        })
        .await
}

/// What the report page picks from: the store faults (incident items whose form asks for a
/// store), and every store and device by code, to resolve a QR link's.
pub struct FaultChoices {
    pub faults: Vec<ItemCard>,
    pub stores: HashMap<String, StoreOption>,
    pub assets: HashMap<String, AssetOption>,
}

pub async fn fault_choices(
    cache: &CatalogCache,
    store: &dyn Store,
    locale: &str,
) -> StoreResult<Arc<FaultChoices>> {
    let version = store.catalog_version().await?;
    cache
        .get_or_load(version, &format!("report:{locale}"), || async {
            let catalog = catalog(cache, store, locale).await?;
            let mut faults = Vec::new();
            for card in catalog.items.iter().cloned() {
                if card.kind != TicketKind::Incident {
                    continue;
                }
                // Only the form is needed: `item_detail` would also load every store and
                // asset for each item's pickers.
                let Some(item) = store.item_for_submit(&card.slug).await? else {
                    continue;
                };
                let form = store.form_version(item.id, item.form_version).await?;
                if form.is_some_and(|f| f.is_store_fault(card.kind)) {
                    faults.push(card);
                }
            }
            let stores = store
                .stores()
                .await?
                .into_iter()
                .map(|s| (s.code.clone(), s))
                .collect();
            let assets = store
                .assets()
                .await?
                .into_iter()
                .map(|a| (a.tag.clone(), a))
                .collect();
            Ok(FaultChoices {
                faults,
                stores,
                assets,
            })
        })
        .await
}
