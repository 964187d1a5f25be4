//! Demo data, loaded from the TOML files in `server/seed/` on the first start of an empty
//! database: categories, catalog items with their forms, stores and their devices, and people in
//! every role with their line managers. Everything goes in one transaction.

use app::backend::session::hash_password;
use app::domain::{Field, FormSchema, TicketKind};
use serde::Deserialize;
use sqlx::SqlitePool;
use std::collections::HashMap;
use std::path::Path;

#[derive(Deserialize)]
struct CategoryFile {
    category: Vec<SeedCategory>,
}

#[derive(Deserialize)]
struct SeedCategory {
    slug: String,
    name: String,
    description: String,
    icon: String,
    parent: Option<String>,
}

#[derive(Deserialize)]
pub struct SeedItem {
    pub slug: String,
    pub name: String,
    pub category: String,
    pub kind: String,
    pub icon: String,
    pub summary: String,
    pub description: String,
    #[serde(default)]
    pub keywords: Vec<String>,
    pub expected_delivery: String,
    #[serde(default)]
    pub requires_approval: bool,
    pub fulfilment_group: String,
    #[serde(default)]
    pub retired: bool,
    #[serde(default)]
    pub fields: Vec<Field>,
}

#[derive(Deserialize)]
struct StoreFile {
    store: Vec<SeedStore>,
}

#[derive(Deserialize)]
struct SeedStore {
    code: String,
    name: String,
    region: String,
    timezone: String,
    #[serde(default)]
    assets: Vec<SeedAsset>,
}

#[derive(Deserialize)]
struct SeedAsset {
    tag: String,
    kind: String,
    model: String,
    name: String,
}

#[derive(Deserialize)]
struct UserFile {
    user: Vec<SeedUser>,
}

#[derive(Deserialize)]
struct SeedUser {
    email: String,
    name: String,
    role: String,
    manager: Option<String>,
    store: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    #[error("reading {0}: {1}")]
    Read(String, std::io::Error),
    #[error("parsing {0}: {1}")]
    Parse(String, toml::de::Error),
    #[error("{0}")]
    Invalid(String),
    #[error("database: {0}")]
    Db(#[from] sqlx::Error),
}

fn read<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, SeedError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| SeedError::Read(path.display().to_string(), e))?;
    toml::from_str(&text).map_err(|e| SeedError::Parse(path.display().to_string(), e))
}

pub fn read_items(dir: &Path) -> Result<Vec<SeedItem>, SeedError> {
    let items_dir = dir.join("items");
    let mut paths: Vec<_> = std::fs::read_dir(&items_dir)
        .map_err(|e| SeedError::Read(items_dir.display().to_string(), e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    let mut items = Vec::new();
    for path in paths {
        let item: SeedItem = read(&path)?;
        if TicketKind::parse(&item.kind).is_none() {
            return Err(SeedError::Invalid(format!(
                "{}: unknown kind {}",
                item.slug, item.kind
            )));
        }
        FormSchema {
            fields: item.fields.clone(),
        }
        .check()
        .map_err(|e| SeedError::Invalid(format!("{}: {e}", item.slug)))?;
        items.push(item);
    }
    Ok(items)
}

/// Loads the demo data into an empty database. All demo accounts share `demo_password`.
pub async fn load(pool: &SqlitePool, dir: &Path, demo_password: &str) -> Result<(), SeedError> {
    let categories: CategoryFile = read(&dir.join("categories.toml"))?;
    let stores: StoreFile = read(&dir.join("stores.toml"))?;
    let users: UserFile = read(&dir.join("users.toml"))?;
    let items = read_items(dir)?;
    // One hash for every demo account: Argon2 is slow on purpose, and these share a password.
    let hash = hash_password(demo_password);
    let now = chrono::Utc::now();

    let mut tx = pool.begin().await?;
    let mut category_ids: HashMap<String, i64> = HashMap::new();
    for (position, c) in categories.category.iter().enumerate() {
        let parent = match &c.parent {
            Some(p) => Some(*category_ids.get(p).ok_or_else(|| {
                SeedError::Invalid(format!("category {} names unknown parent {p}", c.slug))
            })?),
            None => None,
        };
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO categories (slug, name, description, icon, parent_id, position) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(&c.slug)
        .bind(&c.name)
        .bind(&c.description)
        .bind(&c.icon)
        .bind(parent)
        .bind(position as i64)
        .fetch_one(&mut *tx)
        .await?;
        category_ids.insert(c.slug.clone(), id);
    }

    for item in &items {
        let category = category_ids.get(&item.category).ok_or_else(|| {
            SeedError::Invalid(format!(
                "item {} names unknown category {}",
                item.slug, item.category
            ))
        })?;
        let keywords = serde_json::to_string(&item.keywords).expect("strings serialize");
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO items (slug, category_id, name, summary, description, icon, kind, keywords, \
             expected_delivery, requires_approval, fulfilment_group, retired, current_form_version) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) RETURNING id",
        )
        .bind(&item.slug)
        .bind(category)
        .bind(&item.name)
        .bind(&item.summary)
        .bind(item.description.trim())
        .bind(&item.icon)
        .bind(&item.kind)
        .bind(keywords)
        .bind(&item.expected_delivery)
        .bind(item.requires_approval)
        .bind(&item.fulfilment_group)
        .bind(item.retired)
        .fetch_one(&mut *tx)
        .await?;
        let schema = serde_json::to_string(&FormSchema {
            fields: item.fields.clone(),
        })
        .expect("schema serializes");
        sqlx::query("INSERT INTO form_versions (item_id, version, schema_json, created_at) VALUES (?, 1, ?, ?)")
            .bind(id)
            .bind(schema)
            .bind(now)
            .execute(&mut *tx)
            .await?;
    }

    for s in &stores.store {
        sqlx::query("INSERT INTO stores (code, name, region, timezone) VALUES (?, ?, ?, ?)")
            .bind(&s.code)
            .bind(&s.name)
            .bind(&s.region)
            .bind(&s.timezone)
            .execute(&mut *tx)
            .await?;
        for a in &s.assets {
            sqlx::query(
                "INSERT INTO assets (tag, store_code, kind, model, name) VALUES (?, ?, ?, ?, ?)",
            )
            .bind(&a.tag)
            .bind(&s.code)
            .bind(&a.kind)
            .bind(&a.model)
            .bind(&a.name)
            .execute(&mut *tx)
            .await?;
        }
    }

    for u in &users.user {
        if app::api::types::Role::parse(&u.role).is_none() {
            return Err(SeedError::Invalid(format!(
                "user {} has unknown role {}",
                u.email, u.role
            )));
        }
        sqlx::query("INSERT INTO users (email, name, role, password_hash, store_code) VALUES (?, ?, ?, ?, ?)")
            .bind(u.email.to_lowercase())
            .bind(&u.name)
            .bind(&u.role)
            .bind(&hash)
            .bind(&u.store)
            .execute(&mut *tx)
            .await?;
    }
    // Managers second: a manager may be listed after the people who report to them.
    for u in &users.user {
        if let Some(manager) = &u.manager {
            let done = sqlx::query(
                "UPDATE users SET manager_id = (SELECT id FROM users WHERE email = ?) WHERE email = ?",
            )
            .bind(manager.to_lowercase())
            .bind(u.email.to_lowercase())
            .execute(&mut *tx)
            .await?;
            let found: Option<i64> =
                sqlx::query_scalar("SELECT manager_id FROM users WHERE email = ?")
                    .bind(u.email.to_lowercase())
                    .fetch_one(&mut *tx)
                    .await?;
            if done.rows_affected() != 1 || found.is_none() {
                return Err(SeedError::Invalid(format!(
                    "user {} names unknown manager {manager}",
                    u.email
                )));
            }
        }
    }
    tx.commit().await?;
    tracing::info!(
        categories = categories.category.len(),
        items = items.len(),
        stores = stores.store.len(),
        users = users.user.len(),
        "loaded demo data"
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed_dir() -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("seed")
    }

    #[test]
    fn shipped_items_have_valid_forms_and_cover_the_catalog() {
        let items = read_items(&seed_dir()).expect("seed items load");
        assert!(items.len() >= 25, "at least 25 catalog items");
        let laptop = items
            .iter()
            .find(|i| i.slug == "laptop")
            .expect("a laptop item");
        assert!(laptop.fields.iter().any(|f| f.visible_when.is_some()));
        for slug in [
            "monitor",
            "vpn-access",
            "new-starter",
            "leaver",
            "pos-terminal-fault",
            "receipt-printer-fault",
        ] {
            assert!(
                items.iter().any(|i| i.slug == slug),
                "{slug} is in the catalog"
            );
        }
    }
}
