#[cfg(feature = "ssr")]
use crate::i18n::{t, t_with};
use crate::model::{AppError, ArticleView, SearchSnapshot};
use leptos::prelude::*;

/// A published article, rendered and sanitised, in the reader's language when it has a
/// version in it (`exact`: the one at `slug`, whatever its language). Drafts and retired
/// articles are not found here (editors will see them through the editor).
#[server(endpoint = "article")]
pub async fn article(slug: String, exact: Option<bool>) -> Result<ArticleView, AppError> {
    use crate::backend::{session, state};
    let user = session::require_user().await?;
    let state = state()?;
    let locale = crate::i18n::for_request(user.language.as_deref()).locale();
    let exact = exact.unwrap_or(false);
    let view = crate::backend::articles::for_reader(state.store.as_ref(), &slug, locale, exact)
        .await?
        .ok_or_else(|| AppError::not_found(t("error-no-article")))?;
    state.views.count(&view.slug);
    Ok(view)
}

/// The portal's search page: articles and catalog items, ranked by the shared engine, with
/// counts per category. An empty query is an empty page, not an error.
#[server(endpoint = "search")]
pub async fn search_portal(
    q: String,
    category: Option<String>,
) -> Result<crate::search::SearchResults, AppError> {
    use crate::backend::{internal, session, state};
    use crate::search::results::{run, MAX_QUERY_CHARS};
    let user = session::require_user().await?;
    let q = q.trim().to_string();
    if q.chars().count() > MAX_QUERY_CHARS {
        return Err(AppError::invalid_field(
            "q",
            t_with(
                "error-search-too-long",
                &[("max", (MAX_QUERY_CHARS as i64).into())],
            ),
        ));
    }
    let category = category.filter(|c| !c.trim().is_empty());
    if q.is_empty() {
        return Ok(crate::search::SearchResults {
            category,
            ..Default::default()
        });
    }
    let state = state()?;
    let index = state
        .search
        .index(state.store.as_ref())
        .await
        .map_err(internal)?;
    let language = crate::i18n::for_request(user.language.as_deref()).search_language();
    let results = run(&index, &q, category.as_deref(), 30, false, language);
    // The dashboard's "searches that find nothing". Choosing a category reruns a search
    // already logged, so only the first run counts.
    if category.is_none() {
        let articles = results
            .results
            .iter()
            .filter(|r| r.kind == crate::search::DocKind::Article)
            .count();
        let normalized = q
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        state
            .store
            .record_search(&normalized, articles as u64, chrono::Utc::now())
            .await
            .map_err(internal)?;
    }
    Ok(results)
}

/// The search index for the browser to keep, unless it already has version `have`. The
/// snapshot holds titles, summaries and the terms of the bodies, never the bodies.
#[server(endpoint = "kb_snapshot")]
pub async fn kb_snapshot(have: Option<i64>) -> Result<Option<SearchSnapshot>, AppError> {
    use crate::backend::{internal, session, state};
    session::require_user().await?;
    let state = state()?;
    let (version, index) = state
        .search
        .versioned(state.store.as_ref())
        .await
        .map_err(internal)?;
    if have == Some(version) {
        return Ok(None);
    }
    super::announce_snapshot_version(&version.to_string());
    Ok(Some(SearchSnapshot {
        version,
        index: (*index).clone(),
    }))
}

/// "Did this help?" under an article. Works as a plain form: without JavaScript the browser
/// comes back to the article with a thank-you or the error. `query`: what the reader searched
/// for, when they came from the search page's results (a yes makes it evidence for the article).
#[server(endpoint = "vote_article")]
pub async fn vote_article(
    slug: String,
    helpful: String,
    comment: Option<String>,
    query: Option<String>,
) -> Result<(), AppError> {
    use crate::backend::{forms, internal, session, store, store::NewVote};
    use crate::search::results::clip_query;
    let page = format!("/kb/{}", forms::encode(&slug));
    // Cut rather than refused: the reader did not type it here, and the vote counts.
    let query = clip_query(&query.unwrap_or_default());
    // A refused vote comes back to the article as it was opened, the search included.
    let back = if query.is_empty() {
        page.clone()
    } else {
        format!("{page}?q={}", forms::encode(&query))
    };
    let result = async {
        let user = session::require_user().await?;
        let helpful = match helpful.as_str() {
            "yes" => true,
            "no" => false,
            _ => return Err(AppError::invalid_field("helpful", t("error-choose-yes-no"))),
        };
        let comment = comment.unwrap_or_default().trim().to_string();
        if comment.chars().count() > MAX_VOTE_COMMENT {
            return Err(AppError::invalid_field(
                "comment",
                t_with(
                    "error-vote-comment-long",
                    &[("max", (MAX_VOTE_COMMENT as i64).into())],
                ),
            ));
        }
        let vote = NewVote {
            slug: slug.clone(),
            user_id: user.id,
            helpful,
            comment,
            query: query.clone(),
            now: chrono::Utc::now(),
        };
        if !store()?.vote_article(&vote).await.map_err(internal)? {
            return Err(AppError::not_found(t("error-vote-unpublished")));
        }
        Ok(())
    }
    .await;
    forms::finish(result, &format!("{page}?voted=1#feedback"), &back)
}

pub const MAX_VOTE_COMMENT: usize = 1000;
