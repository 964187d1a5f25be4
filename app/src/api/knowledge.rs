use super::error::AppError;
use super::types::ArticleView;
use leptos::prelude::*;

/// A published article, rendered and sanitised. Drafts and retired articles are not found
/// here (editors will see them through the editor).
#[server(endpoint = "article")]
pub async fn article(slug: String) -> Result<ArticleView, AppError> {
    use crate::backend::store::ArticleState;
    use crate::backend::{internal, markdown, session, store};
    session::require_user().await?;
    let store = store()?;
    let record = store
        .article(&slug)
        .await
        .map_err(internal)?
        .filter(|a| a.input.state == ArticleState::Published)
        .ok_or_else(|| {
            AppError::not_found("This article does not exist or has been retired. Try the search.")
        })?;
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
        title: a.title,
        summary: a.summary,
        category: a.category,
        tags: a.tags,
        related_items,
        revision: record.revision,
        updated_at: record.updated_at,
    })
}
