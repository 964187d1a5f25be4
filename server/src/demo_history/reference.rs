//! What the generator reads from the database before it draws anything: the seeded stores and
//! their devices, the catalog with each item's current form, the people and the groups they
//! work in, and the published articles. Ids come from here, so the history fits whatever the
//! demo seed (or an edited one) put in.

use app::domain::priority::StoreHours;
use app::domain::{FieldKind, FormSchema, TicketKind};

#[derive(Clone, Debug)]
pub struct StoreRef {
    pub code: String,
    pub hours: StoreHours,
}

#[derive(Clone, Debug)]
pub struct AssetRef {
    pub tag: String,
    pub store_code: String,
    pub kind: String,
}

#[derive(Clone, Debug)]
pub struct ItemRef {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub kind: TicketKind,
    /// The category's slug: what `tickets.category` holds.
    pub category: String,
    pub requires_approval: bool,
    pub fulfilment_group: String,
    pub retired: bool,
    pub form_version: i64,
    pub schema: FormSchema,
}

impl ItemRef {
    pub fn asks(&self, kind: FieldKind) -> bool {
        self.schema.fields.iter().any(|f| f.kind == kind)
    }
}

#[derive(Clone, Debug)]
pub struct UserRef {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub role: String,
    pub manager_id: Option<i64>,
    pub store_code: Option<String>,
}

#[derive(Clone, Debug)]
pub struct ArticleRef {
    pub slug: String,
    pub related_items: Vec<String>,
}

#[derive(Clone, Debug, Default)]
pub struct Reference {
    pub stores: Vec<StoreRef>,
    pub assets: Vec<AssetRef>,
    pub items: Vec<ItemRef>,
    pub users: Vec<UserRef>,
    /// (group, user id, user name)
    pub group_members: Vec<(String, i64, String)>,
    /// Published only: the ones suggestions can show.
    pub articles: Vec<ArticleRef>,
    pub system_user: i64,
}

impl Reference {
    pub fn user(&self, id: i64) -> Option<&UserRef> {
        self.users.iter().find(|u| u.id == id)
    }

    pub fn members_of(&self, group: &str) -> Vec<(i64, String)> {
        self.group_members
            .iter()
            .filter(|(g, _, _)| g == group)
            .map(|(_, id, name)| (*id, name.clone()))
            .collect()
    }

    /// Articles that name `item_slug` among their related items.
    pub fn articles_for(&self, item_slug: &str) -> Vec<&str> {
        self.articles
            .iter()
            .filter(|a| a.related_items.iter().any(|i| i == item_slug))
            .map(|a| a.slug.as_str())
            .collect()
    }
}
