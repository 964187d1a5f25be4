//! Published knowledge articles as readers see them: rendered, sanitised, with the catalog items
//! they point to that are still offered, and the same article in other languages. The article
//! page and the offline snapshot both read them here.

use super::store::{ArticleRecord, ArticleState, ArticleVersionRow, Store};
use super::{internal, markdown};
use crate::domain::article::{translation_problem, ArticleDraft, Version};
use crate::model::knowledge::version_for;
use crate::model::{AppError, ArticleVersion, ArticleView};

/// An article as readers see it, if it is published; also what the offline snapshot keeps.
pub async fn published(store: &dyn Store, slug: &str) -> Result<Option<ArticleView>, AppError> {
    let Some(record) = published_record(store, slug).await? else {
        return Ok(None);
    };
    let versions = other_versions(store, slug, &record.input.translation_of, true).await?;
    Ok(Some(view(store, record, versions).await?))
}

/// The article at `slug` for a reader of `locale`: its version in that language when one is
/// published, else the article as written (the page says so). `exact`: the reader chose this
/// version from another's language links, so it is shown as it is. The choice is made from
/// the stored record, so only the article shown is rendered.
pub async fn for_reader(
    store: &dyn Store,
    slug: &str,
    locale: &str,
    exact: bool,
) -> Result<Option<ArticleView>, AppError> {
    let Some(record) = published_record(store, slug).await? else {
        return Ok(None);
    };
    let versions = other_versions(store, slug, &record.input.translation_of, true).await?;
    if let Some(own) = version_for(&record.input.locale, &versions, locale, exact) {
        // Retired since the links were read: the article as written, rather than nothing.
        if let Some(view) = published(store, own).await? {
            return Ok(Some(view));
        }
    }
    Ok(Some(view(store, record, versions).await?))
}

async fn published_record(
    store: &dyn Store,
    slug: &str,
) -> Result<Option<ArticleRecord>, AppError> {
    Ok(store
        .article(slug)
        .await
        .map_err(internal)?
        .filter(|a| a.input.state == ArticleState::Published))
}

/// A published record rendered for readers, with the catalog items it points to that are
/// still offered.
async fn view(
    store: &dyn Store,
    record: ArticleRecord,
    versions: Vec<ArticleVersion>,
) -> Result<ArticleView, AppError> {
    let mut related_items = Vec::new();
    for item in &record.input.related_items {
        if let Some(live) = store
            .item_for_submit(item)
            .await
            .map_err(internal)?
            .filter(|i| !i.retired)
        {
            related_items.push((item.clone(), live.name));
        }
    }
    let a = record.input;
    Ok(ArticleView {
        html: markdown::render(&a.body_md),
        slug: a.slug,
        locale: a.locale,
        versions,
        title: a.title,
        summary: a.summary,
        category: a.category,
        tags: a.tags,
        related_items,
        revision: record.revision,
        updated_at: record.updated_at,
        views: record.views,
    })
}

/// The other articles of `slug`'s group of translations, by language; published ones only
/// when `published_only` (readers), every state for the editors.
pub async fn other_versions(
    store: &dyn Store,
    slug: &str,
    translation_of: &Option<String>,
    published_only: bool,
) -> Result<Vec<ArticleVersion>, AppError> {
    let group = translation_of.as_deref().unwrap_or(slug);
    Ok(store
        .article_versions(group)
        .await
        .map_err(internal)?
        .into_iter()
        .filter(|v| v.slug != slug && (!published_only || v.state == ArticleState::Published))
        .map(|v| ArticleVersion {
            slug: v.slug,
            locale: v.locale,
            title: v.title,
        })
        .collect())
}

/// Refuses a draft that would break its group of translations (`translation_problem`), as
/// a problem of its "translation of" field, or of its language for an original.
pub async fn check_translation(store: &dyn Store, draft: &ArticleDraft) -> Result<(), AppError> {
    let original = draft.translation_of.trim();
    let mut group: Vec<ArticleVersionRow> = store
        .article_versions(&draft.slug)
        .await
        .map_err(internal)?;
    if !original.is_empty() {
        group.extend(store.article_versions(original).await.map_err(internal)?);
    }
    let versions: Vec<Version> = group
        .into_iter()
        .map(|v| Version {
            slug: v.slug,
            locale: v.locale,
            translation_of: v.translation_of,
        })
        .collect();
    match translation_problem(draft, &versions) {
        None => Ok(()),
        Some(problem) => {
            let field = if original.is_empty() {
                "locale"
            } else {
                "translation_of"
            };
            Err(AppError::invalid_field(
                field,
                crate::i18n::i18n().say(&problem),
            ))
        }
    }
}
