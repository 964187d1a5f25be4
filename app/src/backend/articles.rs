//! Published knowledge articles as readers see them: rendered, sanitised, with the catalog items
//! they point to that are still offered. The article page and the offline snapshot both read them here.

use super::store::{ArticleState, Store};
use super::{internal, markdown};
use crate::model::{AppError, ArticleView};

/// An article as readers see it, if it is published; also what the offline snapshot keeps.
pub async fn published(store: &dyn Store, slug: &str) -> Result<Option<ArticleView>, AppError> {
    let Some(record) = store
        .article(slug)
        .await
        .map_err(internal)?
        .filter(|a| a.input.state == ArticleState::Published)
    else {
        return Ok(None);
    };
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
    Ok(Some(ArticleView {
        html: markdown::render(&a.body_md),
        slug: a.slug,
        title: a.title,
        summary: a.summary,
        category: a.category,
        tags: a.tags,
        related_items,
        revision: record.revision,
        updated_at: record.updated_at,
        views: record.views,
    }))
}
