//! The catalog as its editors manage it: categories with their nesting and order, and items with
//! the draft of their details and form that becomes the next version when published.

use crate::domain::priority::Priority;
use crate::domain::{FormSchema, TicketKind};
use serde::{Deserialize, Serialize};

/// The error key of field `index` of a form in the builder (`form.3`): the server's field errors
/// and the builder's own checks meet there.
pub fn form_field_key(index: usize) -> String {
    format!("form.{index}")
}

/// Items per page of the editors' list.
pub const ITEMS_PER_PAGE: u32 = 50;

/// A category as editors set it up. `parent` nests it under another category (by slug);
/// `position` orders siblings, smallest first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CategoryRecord {
    pub slug: String,
    pub name: String,
    pub description: String,
    pub icon: String,
    pub parent: Option<String>,
    pub position: i64,
    /// Its name and description in other languages, by tag.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub translations: crate::domain::translation::CategoryTranslations,
}

/// A category in the editors' list, with what an edit must send back and how many live items
/// it holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CategoryAdminView {
    pub category: CategoryRecord,
    /// Bumped by every save; a save that names an older one is refused (someone else saved).
    pub revision: i64,
    pub items: u64,
    /// How deep it sits: 0 for a top category.
    pub depth: u32,
}

/// What an item is, as the editor's form sets it: everything but its form.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ItemRecord {
    /// Fixed once created: links, tickets and drafts name the item by it.
    pub slug: String,
    pub name: String,
    pub summary: String,
    /// Markdown, shown sanitised as articles are.
    pub description: String,
    /// One emoji or a short symbol.
    pub icon: String,
    pub category: String,
    pub kind: TicketKind,
    pub keywords: Vec<String>,
    pub expected_delivery: String,
    /// The approval policy: its requests are approved before the desk sees them, by the
    /// requester's line manager or by `approval_chain`.
    pub requires_approval: bool,
    /// The approval chain (by key) that approves its requests; `None`: the line manager alone.
    #[serde(default)]
    pub approval_chain: Option<String>,
    /// The assignment group that works its tickets.
    pub fulfilment_group: String,
    /// The SLA policy its tickets get when the form asks no impact and urgency, named by its
    /// priority; `None`: the portal's default priority.
    #[serde(default)]
    pub sla_priority: Option<Priority>,
    /// The item in other languages, by tag (`domain::translation`).
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub translations: crate::domain::translation::Translations,
}

/// One row of the editors' item list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ItemAdminRow {
    pub slug: String,
    pub name: String,
    pub icon: String,
    pub category_name: String,
    pub kind: TicketKind,
    pub retired: bool,
    /// The form version requesters answer now; 0 when never published.
    pub published_version: i64,
    /// Saved changes not yet published.
    pub has_draft: bool,
}

/// An item opened in the editor: the draft (or, without one, what is live) and what a save
/// must send back.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ItemEditView {
    pub item: ItemRecord,
    pub form: FormSchema,
    pub revision: i64,
    pub retired: bool,
    pub published_version: i64,
    pub has_draft: bool,
    /// The categories an item may be put in, in catalog order, and the groups known to work
    /// tickets (from agents' memberships and other items).
    pub categories: Vec<CategoryAdminView>,
    pub groups: Vec<String>,
    /// The approval chains an item may name: key and name.
    #[serde(default)]
    pub chains: Vec<(String, String)>,
}

/// What the editor saves: the item's details and form as a draft. `revision` is the one the
/// editor opened; 0 creates a new item.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ItemDraft {
    pub item: ItemRecord,
    pub form: FormSchema,
    pub revision: i64,
}

/// The outcome of a save or publish: the revision the editor holds now.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ItemSaved {
    pub slug: String,
    pub revision: i64,
    pub published_version: i64,
}
