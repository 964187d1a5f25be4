//! Demo data, loaded from the TOML files in `server/seed/` on the first start of an empty
//! database: categories, catalog items with their forms, stores and their devices, and people in
//! every role with their line managers. Everything goes in one transaction.

use crate::store::Housekeeping;
use app::backend::session::hash_password;
use app::backend::store::StoreError;
use app::domain::{Field, FormSchema, TicketKind};
use app::model::Role;
use serde::Deserialize;
use std::collections::HashSet;
use std::path::Path;

#[derive(Deserialize)]
struct CategoryFile {
    category: Vec<SeedCategory>,
}

#[derive(Deserialize)]
pub struct SeedCategory {
    pub slug: String,
    pub name: String,
    pub description: String,
    pub icon: String,
    pub parent: Option<String>,
    /// `[category.translations.de]` with `name` and `description`.
    #[serde(default)]
    pub translations: app::domain::translation::CategoryTranslations,
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
    /// The approval chain (a key of `policy.toml`) its requests go through.
    #[serde(default)]
    pub approval_chain: Option<String>,
    pub fulfilment_group: String,
    #[serde(default)]
    pub retired: bool,
    #[serde(default)]
    pub fields: Vec<Field>,
    /// The item in other languages: `[translations.de]` with `name`, `summary`,
    /// `description` and `[translations.de.fields.<key>]` (`label`, `help`, `options`).
    #[serde(default)]
    pub translations: app::domain::translation::Translations,
}

#[derive(Deserialize)]
struct StoreFile {
    store: Vec<SeedStore>,
}

#[derive(Deserialize)]
pub struct SeedStore {
    pub code: String,
    pub name: String,
    pub region: String,
    pub timezone: String,
    /// A business calendar from the service-levels file; none takes its store default.
    #[serde(default)]
    pub calendar: Option<String>,
    #[serde(default)]
    pub assets: Vec<SeedAsset>,
}

#[derive(Deserialize)]
pub struct SeedAsset {
    pub tag: String,
    pub kind: String,
    pub model: String,
    pub name: String,
}

#[derive(Deserialize)]
struct UserFile {
    user: Vec<SeedUser>,
}

#[derive(Deserialize)]
pub struct SeedUser {
    pub email: String,
    pub name: String,
    pub role: String,
    pub manager: Option<String>,
    pub store: Option<String>,
    /// Assignment groups an agent works in.
    #[serde(default)]
    pub groups: Vec<String>,
}

/// The demo's approval and change policy (`policy.toml`): approval chains, the chain for each
/// kind and risk of change, and freeze periods.
#[derive(Deserialize, Default)]
pub struct SeedPolicy {
    #[serde(default)]
    pub chain: Vec<SeedChain>,
    #[serde(default)]
    pub policy: Vec<SeedChangePolicy>,
    #[serde(default)]
    pub freeze: Vec<app::domain::change_calendar::FreezeWindow>,
}

#[derive(Deserialize)]
pub struct SeedChain {
    pub key: String,
    pub name: String,
    pub steps: Vec<app::domain::approval_chain::ChainStep>,
}

#[derive(Deserialize)]
pub struct SeedChangePolicy {
    pub kind: String,
    pub risk: String,
    pub chain: String,
}

#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    #[error("reading {0}: {1}")]
    Read(String, std::io::Error),
    #[error("parsing {0}: {1}")]
    Parse(String, toml::de::Error),
    #[error("{0}")]
    Invalid(String),
    #[error("{0}")]
    Db(#[from] StoreError),
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

/// The demo data, read and checked before any of it is written.
pub struct SeedData {
    pub categories: Vec<SeedCategory>,
    pub items: Vec<SeedItem>,
    pub stores: Vec<SeedStore>,
    pub users: Vec<SeedUser>,
    pub policy: SeedPolicy,
}

impl SeedData {
    /// Reads the TOML files in `dir` and checks that every reference (parent category, item
    /// category, role, line manager) points at something that exists.
    pub fn read(dir: &Path) -> Result<Self, SeedError> {
        let categories: CategoryFile = read(&dir.join("categories.toml"))?;
        let stores: StoreFile = read(&dir.join("stores.toml"))?;
        let users: UserFile = read(&dir.join("users.toml"))?;
        let data = SeedData {
            categories: categories.category,
            items: read_items(dir)?,
            stores: stores.store,
            users: users.user,
            policy: read(&dir.join("policy.toml"))?,
        };
        data.check()?;
        Ok(data)
    }

    fn check(&self) -> Result<(), SeedError> {
        let invalid = |m: String| Err(SeedError::Invalid(m));
        let mut seen = HashSet::new();
        for c in &self.categories {
            if let Some(p) = c.parent.as_ref().filter(|p| !seen.contains(p.as_str())) {
                return invalid(format!("category {} names unknown parent {p}", c.slug));
            }
            let problems = app::domain::translation::category_problems(
                &c.translations,
                app::i18n::LANGUAGES,
                app::i18n::DEFAULT,
            );
            if let Some((at, _)) = problems.iter().next() {
                return invalid(format!("category {}: {at}", c.slug));
            }
            seen.insert(c.slug.as_str());
        }
        for item in &self.items {
            if !seen.contains(item.category.as_str()) {
                return invalid(format!(
                    "item {} names unknown category {}",
                    item.slug, item.category
                ));
            }
            let form = app::domain::FormSchema {
                fields: item.fields.clone(),
            };
            let problems = app::domain::translation::problems(
                &item.translations,
                &form,
                app::i18n::LANGUAGES,
                app::i18n::DEFAULT,
            );
            if let Some((at, problem)) = problems.iter().next() {
                return invalid(format!(
                    "item {}: {at}: {}",
                    item.slug,
                    app::i18n::I18n(app::i18n::catalog(app::i18n::DEFAULT)).say(problem)
                ));
            }
        }
        let emails: HashSet<String> = self.users.iter().map(|u| u.email.to_lowercase()).collect();
        for u in &self.users {
            if Role::parse(&u.role).is_none() {
                return invalid(format!("user {} has unknown role {}", u.email, u.role));
            }
            if let Some(m) = u
                .manager
                .as_ref()
                .filter(|m| !emails.contains(&m.to_lowercase()))
            {
                return invalid(format!("user {} names unknown manager {m}", u.email));
            }
        }
        self.check_policy()
    }

    /// Every chain valid, every item and change policy naming a chain that exists (the change
    /// policy with a kind and a risk level), every freeze valid.
    fn check_policy(&self) -> Result<(), SeedError> {
        let invalid = |m: String| Err(SeedError::Invalid(m));
        let said = |s: &app::domain::say::Say| {
            app::i18n::I18n(app::i18n::catalog(app::i18n::DEFAULT)).say(s)
        };
        let policy = &self.policy;
        let known = |key: &str| policy.chain.iter().any(|c| c.key == key);
        for item in &self.items {
            if let Some(key) = item.approval_chain.as_deref().filter(|k| !known(k)) {
                return invalid(format!("item {} names unknown chain {key}", item.slug));
            }
        }
        for c in &policy.chain {
            let chain = app::domain::approval_chain::ApprovalChain {
                steps: c.steps.clone(),
            };
            if let Err(problem) = chain.check() {
                return invalid(format!("chain {}: {}", c.key, said(&problem)));
            }
        }
        for p in &policy.policy {
            if app::domain::change::ChangeKind::parse(&p.kind).is_none()
                || app::domain::change_risk::RiskLevel::parse(&p.risk).is_none()
                || !known(&p.chain)
            {
                return invalid(format!(
                    "policy {} {} -> {}: unknown kind, risk or chain",
                    p.kind, p.risk, p.chain
                ));
            }
        }
        for f in &policy.freeze {
            if let Err(problem) = f.check() {
                return invalid(format!("freeze {}: {}", f.name, said(&problem)));
            }
        }
        Ok(())
    }

    /// Writes the approval and change policy: chains, then the change policy naming them, then
    /// the freezes. (Items name their chains in the catalog, written before.)
    async fn load_policy(
        &self,
        store: &dyn Housekeeping,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<(), SeedError> {
        use app::backend::approval_store::NamedChain;
        for c in &self.policy.chain {
            let chain = NamedChain {
                key: c.key.clone(),
                name: c.name.clone(),
                chain: app::domain::approval_chain::ApprovalChain {
                    steps: c.steps.clone(),
                },
            };
            store.save_approval_chain(&chain, now).await?;
        }
        for p in &self.policy.policy {
            // Checked by `check_policy` when the files were read.
            if let (Some(kind), Some(level)) = (
                app::domain::change::ChangeKind::parse(&p.kind),
                app::domain::change_risk::RiskLevel::parse(&p.risk),
            ) {
                store.set_change_policy(kind, level, &p.chain).await?;
            }
        }
        for f in &self.policy.freeze {
            store.add_freeze_window(f, now).await?;
        }
        Ok(())
    }
}

/// Loads the demo data into an empty database, once even if several instances start together.
/// All demo accounts share `demo_password`.
pub async fn load(
    store: &dyn Housekeeping,
    dir: &Path,
    demo_password: &str,
) -> Result<(), SeedError> {
    if !store.is_empty().await? {
        return Ok(());
    }
    let data = SeedData::read(dir)?;
    // One hash for every demo account: Argon2 is slow on purpose, and these share a password.
    let hash = hash_password(demo_password);
    if store.load_seed(&data, &hash, chrono::Utc::now()).await? {
        data.load_policy(store, chrono::Utc::now()).await?;
        // The demo knowledge base goes through the same import an editor would use.
        let system = store.system_user().await?;
        let kb = crate::kb_import::import(store, &dir.join("kb"), system)
            .await
            .map_err(|e| SeedError::Invalid(e.to_string()))?;
        if let Some((file, reason)) = kb.rejected.first() {
            return Err(SeedError::Invalid(format!("{file}: {reason}")));
        }
        tracing::info!(
            articles = kb.created,
            categories = data.categories.len(),
            items = data.items.len(),
            stores = data.stores.len(),
            users = data.users.len(),
            "loaded demo data"
        );
        for (place, link) in till_sticker_links(&data) {
            tracing::info!(till = %place, link = %link, "QR link for a till sticker (prefix the portal's address)");
        }
    }
    Ok(())
}

/// The "Report a fault" link for the QR sticker on each till of the demo stores: scanning it
/// opens the fault list with the store and the register already picked.
pub fn till_sticker_links(data: &SeedData) -> Vec<(String, String)> {
    data.stores
        .iter()
        .flat_map(|store| {
            store
                .assets
                .iter()
                .filter(|a| a.kind == "register")
                .map(move |a| {
                    (
                        format!("{} {}, {}", store.code, store.name, a.name),
                        format!(
                            "/report?store={}&asset={}",
                            app::url::encode(&store.code),
                            app::url::encode(&a.tag)
                        ),
                    )
                })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed_dir() -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("seed")
    }

    #[test]
    fn every_demo_till_gets_a_report_link_with_its_store_and_register() {
        let data = SeedData::read(&seed_dir()).expect("seed data loads");
        let links = till_sticker_links(&data);
        assert!(links.len() >= 3, "{links:?}");
        assert!(links
            .iter()
            .any(|(place, link)| place == "S012 Leeds Briggate, Register 3"
                && link == "/report?store=S012&asset=S012-REG-03"));
        assert!(links.iter().all(|(_, link)| link.contains("-REG-")));
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

    #[test]
    fn shipped_data_passes_its_checks_and_broken_references_are_named() {
        let mut data = SeedData::read(&seed_dir()).expect("shipped demo data is consistent");
        data.users[0].manager = Some("nobody@deskfront.test".into());
        let err = data.check().unwrap_err().to_string();
        assert!(
            err.contains("unknown manager nobody@deskfront.test"),
            "{err}"
        );

        let mut data = SeedData::read(&seed_dir()).unwrap();
        data.items[0].category = "no-such-category".into();
        let err = data.check().unwrap_err().to_string();
        assert!(err.contains("unknown category no-such-category"), "{err}");
    }
}
