//! What every new installation starts with, production and demo alike (demo data is `seed`):
//! today the synonym groups of `starter/synonyms.toml`, compiled into the binary so a packaged
//! server needs no data folder for them.

use serde::Deserialize;

const SYNONYMS: &str = include_str!("../starter/synonyms.toml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SynonymFile {
    group: Vec<SynonymGroup>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SynonymGroup {
    phrases: Vec<String>,
}

/// Installs the starter synonym groups into a database that never had them; a no-op after.
pub async fn install(store: &dyn app::backend::store::Store) -> Result<(), crate::BoxError> {
    let groups = synonym_groups();
    if store
        .install_starter_synonyms(&groups, chrono::Utc::now())
        .await?
    {
        tracing::info!(
            groups = groups.len(),
            "installed the starter synonym groups"
        );
    }
    Ok(())
}

/// The starter synonym groups, each a list of phrases as an editor would type them.
pub fn synonym_groups() -> Vec<Vec<String>> {
    toml::from_str::<SynonymFile>(SYNONYMS)
        .expect("starter/synonyms.toml is checked by a unit test")
        .group
        .into_iter()
        .map(|g| g.phrases)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_starter_synonyms_parse_and_every_group_is_valid() {
        let groups = synonym_groups();
        assert!(groups.len() >= 40, "{} groups", groups.len());
        for phrases in &groups {
            assert!(
                app::domain::synonyms::check_group(phrases).is_ok(),
                "{phrases:?}: {:?}",
                app::domain::synonyms::check_group(phrases)
            );
        }
    }
}
