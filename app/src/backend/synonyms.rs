//! Synonym groups for knowledge editors: the list, a group added, changed, retired or brought
//! back (checked by `domain::synonyms`, against the revision the editor opened, and audited as
//! `AuditKind::Synonym`), and the preview of a query with a group as typed. Editors and admins
//! only. The search index takes the live groups from the store (`backend::search`).

use super::access::knowledge_editors_only;
use super::audit::Actor;
use super::internal;
use super::store::{Store, Written};
use crate::domain::synonyms::check_group;
use crate::i18n::{t, t_with, Arg};
use crate::model::{AppError, AppResult, AuditKind, SynonymGroupView, SynonymPreview, UserView};
use crate::search::{results, SearchIndex, Synonyms};
use chrono::{DateTime, Utc};
use serde_json::json;

/// How many results each side of the preview shows.
const PREVIEW_RESULTS: usize = 8;

pub async fn groups(store: &dyn Store, user: &UserView) -> AppResult<Vec<SynonymGroupView>> {
    knowledge_editors_only(user)?;
    store.synonym_groups().await.map_err(internal)
}

/// A group as the editor sends it: `id` 0 (and `revision` 0) for a new one.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupChange {
    pub id: i64,
    pub phrases: Vec<String>,
    pub retired: bool,
    pub revision: i64,
}

/// How the audit log names a group: its first phrase and its number.
fn subject(id: i64, phrases: &[String]) -> String {
    format!(
        "#{id} {}",
        phrases.first().map(String::as_str).unwrap_or_default()
    )
}

/// Adds or saves a group; answers it as it now is.
pub async fn save(
    store: &dyn Store,
    user: &UserView,
    change: &GroupChange,
    now: DateTime<Utc>,
) -> AppResult<SynonymGroupView> {
    knowledge_editors_only(user)?;
    let phrases = check_group(&change.phrases)
        .map_err(|problem| AppError::invalid_field("phrases", crate::i18n::i18n().say(&problem)))?;
    let actor = Actor::person(user);
    let all = store.synonym_groups().await.map_err(internal)?;
    let id = if change.id == 0 {
        if change.revision != 0 {
            return Err(super::stale("group"));
        }
        let audit = actor
            .did(AuditKind::Synonym, "create", subject(0, &phrases), now)
            .after(json!({ "phrases": phrases }));
        store
            .add_synonym_group(&phrases, &audit, now)
            .await
            .map_err(internal)?
    } else {
        let before = all
            .iter()
            .find(|g| g.id == change.id)
            .ok_or_else(|| AppError::not_found(t("error-no-synonym-group")))?;
        let action = match (before.retired, change.retired) {
            (false, true) => "retire",
            (true, false) => "restore",
            _ => "update",
        };
        let audit = actor
            .did(
                AuditKind::Synonym,
                action,
                subject(change.id, &phrases),
                now,
            )
            .before(json!({ "phrases": before.phrases, "retired": before.retired }))
            .after(json!({ "phrases": phrases, "retired": change.retired }));
        match store
            .save_synonym_group(
                change.id,
                &phrases,
                change.retired,
                change.revision,
                &audit,
                now,
            )
            .await
            .map_err(internal)?
        {
            Written::Done { .. } => change.id,
            Written::Stale { .. } => return Err(super::stale("group")),
        }
    };
    store
        .synonym_groups()
        .await
        .map_err(internal)?
        .into_iter()
        .find(|g| g.id == id)
        .ok_or_else(|| AppError::internal(format!("synonym group {id} vanished after saving")))
}

/// The phrases of the groups search applies: the live ones.
pub fn live(groups: &[SynonymGroupView]) -> Vec<Vec<String>> {
    groups
        .iter()
        .filter(|g| !g.retired)
        .map(|g| g.phrases.clone())
        .collect()
}

/// What `query` finds with the saved groups, and with group `id` as typed instead (added when
/// `id` is 0; left out when `retired`). Phrases that do not make a valid group yet are
/// previewed as far as they go: the editor is still typing.
pub fn preview(
    index: &SearchIndex,
    groups: &[SynonymGroupView],
    query: &str,
    id: i64,
    phrases: &[String],
    retired: bool,
) -> AppResult<SynonymPreview> {
    let query = query.trim();
    if query.chars().count() > results::MAX_QUERY_CHARS {
        return Err(AppError::invalid_field(
            "q",
            t_with(
                "error-search-too-long",
                &[("max", Arg::count(results::MAX_QUERY_CHARS))],
            ),
        ));
    }
    if query.is_empty() {
        return Ok(SynonymPreview::default());
    }
    let saved = Synonyms::compile(&live(groups));
    let mut edited: Vec<Vec<String>> = groups
        .iter()
        .filter(|g| !g.retired && g.id != id)
        .map(|g| g.phrases.clone())
        .collect();
    if !retired {
        edited.push(phrases.to_vec());
    }
    let edited = Synonyms::compile(&edited);
    Ok(SynonymPreview {
        now: results::ranked(index, query, &saved, PREVIEW_RESULTS),
        with_group: results::ranked(index, query, &edited, PREVIEW_RESULTS),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::{DocKind, Document};

    fn group(id: i64, phrases: &[&str], retired: bool) -> SynonymGroupView {
        SynonymGroupView {
            id,
            phrases: phrases.iter().map(|p| p.to_string()).collect(),
            retired,
            revision: 1,
            updated_at: Utc::now(),
        }
    }

    fn index() -> SearchIndex {
        let doc = |key: &str, title: &str| Document {
            key: key.into(),
            kind: DocKind::Article,
            title: title.into(),
            tags: vec![],
            summary: String::new(),
            body: String::new(),
            category: "kb".into(),
            learned: Vec::new(),
            language: Default::default(),
            group: key.into(),
        };
        SearchIndex::build(&[
            doc("drawer", "Till drawer won't open"),
            doc("printer", "Receipt printer jammed"),
        ])
    }

    fn keys(found: &[crate::search::ResultView]) -> Vec<&str> {
        found.iter().map(|r| r.key.as_str()).collect()
    }

    #[test]
    fn the_preview_shows_the_query_with_the_group_as_typed() {
        let groups = [group(1, &["till", "register"], false)];
        let typed = ["till".to_string(), "register".into(), "pos".into()];
        let p = preview(&index(), &groups, "pos drawer", 1, &typed, false).unwrap();
        assert_eq!(keys(&p.now), ["drawer"], "\"drawer\" alone finds it today");
        let p = preview(&index(), &groups, "pos", 1, &typed, false).unwrap();
        assert!(p.now.is_empty());
        assert_eq!(keys(&p.with_group), ["drawer"]);
    }

    #[test]
    fn a_retired_group_is_previewed_without_it() {
        let groups = [group(1, &["till", "register"], false)];
        let typed = ["till".to_string(), "register".into()];
        let p = preview(&index(), &groups, "register", 1, &typed, true).unwrap();
        assert_eq!(keys(&p.now), ["drawer"]);
        assert!(p.with_group.is_empty());
        let retired = [group(1, &["till", "register"], true)];
        let p = preview(&index(), &retired, "register", 1, &typed, false).unwrap();
        assert!(p.now.is_empty());
        assert_eq!(keys(&p.with_group), ["drawer"]);
    }

    #[test]
    fn an_empty_or_overlong_query_is_answered_plainly() {
        let p = preview(&index(), &[], "  ", 0, &[], false).unwrap();
        assert_eq!(p, SynonymPreview::default());
        let long = "x".repeat(results::MAX_QUERY_CHARS + 1);
        let err = preview(&index(), &[], &long, 0, &[], false).unwrap_err();
        assert!(err.field_errors().is_some_and(|f| f.contains_key("q")));
    }
}
