//! The service catalog as it travels: categories, item cards, an item's page with its form,
//! the stores and devices a form may name, and "Report a fault".

use crate::domain::priority::{Level, PriorityMatrix, ServiceLevels, StoreHours};
use crate::domain::translation::{or_own, translate_form, ItemTranslation};
use crate::domain::validation::LookupLists;
use crate::domain::{FormSchema, TicketKind};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CategoryView {
    pub slug: String,
    pub name: String,
    pub description: String,
    pub icon: String,
    pub parent: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ItemCard {
    pub slug: String,
    pub name: String,
    pub summary: String,
    pub icon: String,
    pub category: String,
    pub kind: TicketKind,
    pub keywords: Vec<String>,
    pub requires_approval: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CatalogView {
    pub categories: Vec<CategoryView>,
    pub items: Vec<ItemCard>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoreOption {
    pub code: String,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AssetOption {
    pub tag: String,
    pub name: String,
    pub store: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ItemDetail {
    pub card: ItemCard,
    pub category_name: String,
    pub description: String,
    /// The description (Markdown) rendered and sanitised on the server, as articles are.
    #[serde(default)]
    pub description_html: String,
    pub expected_delivery: String,
    pub fulfilment_group: String,
    pub form_version: i64,
    pub form: FormSchema,
    pub stores: Vec<StoreOption>,
    pub assets: Vec<AssetOption>,
    /// A fresh idempotency key for this visit's submission, made on the server at render time
    /// so that the plain-HTML form carries one too.
    pub submission_key: String,
    /// For forms that ask impact and urgency (fault reports).
    pub service: Option<ServicePreview>,
}

impl ItemCard {
    /// The card in the words of `words` (a translation), its own where they say nothing.
    pub fn translate(&mut self, words: &ItemTranslation) {
        self.name = or_own(&words.name, &self.name);
        self.summary = or_own(&words.summary, &self.summary);
    }
}

impl ItemDetail {
    /// The item's page in the words of `words`: its card, description and form. Answers keep
    /// the options' values. Says whether the description changed, whose HTML is then the
    /// caller's to render again.
    pub fn translate(&mut self, words: &ItemTranslation) -> bool {
        self.card.translate(words);
        self.form = translate_form(&self.form, words);
        if words.description.trim().is_empty() {
            return false;
        }
        self.description = words.description.clone();
        true
    }

    pub fn lookups(&self) -> LookupLists {
        let levels = |pick: fn(&PriorityMatrix) -> &Vec<Level>| {
            self.service
                .as_ref()
                .map(|s| {
                    pick(&s.levels.matrix)
                        .iter()
                        .map(|l| (l.key.clone(), l.label.clone()))
                        .collect()
                })
                .unwrap_or_default()
        };
        LookupLists {
            stores: self.stores.iter().map(|s| s.code.clone()).collect(),
            assets: self
                .assets
                .iter()
                .map(|a| (a.tag.clone(), a.store.clone()))
                .collect(),
            impacts: levels(|m| &m.impacts),
            urgencies: levels(|m| &m.urgencies),
            device_files: false,
        }
    }
}

/// What a form with impact and urgency needs to show the priority and the promised response
/// time before it is sent: the service levels and the hours of each store.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ServicePreview {
    pub levels: ServiceLevels,
    pub store_hours: Vec<(String, StoreHours)>,
}

/// "Report a fault": the store faults to pick from, and the store and device a QR sticker named.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReportView {
    pub store: Option<StoreOption>,
    pub asset: Option<AssetOption>,
    /// Incident items whose form asks for a store, in catalog order.
    pub faults: Vec<ItemCard>,
}
