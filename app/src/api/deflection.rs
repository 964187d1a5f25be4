//! The deflection funnel, as the browser reports it: which articles were suggested beside a
//! form, which were opened, "This solved it", and forms sent after suggestions. Nothing
//! personal is recorded beyond the user id: the query is what was typed into the form's
//! describing fields, cut to the search limit.

#[cfg(feature = "ssr")]
use crate::i18n::t;
use crate::model::{AppError, DeflectionKind};
use leptos::prelude::*;

#[server(endpoint = "deflection")]
pub async fn record_deflection(
    funnel: String,
    kind: DeflectionKind,
    item: String,
    query: String,
    article: Option<String>,
) -> Result<(), AppError> {
    use crate::backend::store::{ArticleState, DeflectionEvent};
    use crate::backend::{internal, session, store};
    use crate::model::DeflectionKind as K;
    use crate::search::results::clip_query;
    /// Longest funnel id accepted: the form's submission key (a UUID-like string).
    const MAX_FUNNEL_CHARS: usize = 64;
    let user = session::require_user().await?;
    let store = store()?;
    let funnel = funnel.trim().to_string();
    if funnel.is_empty() || funnel.chars().count() > MAX_FUNNEL_CHARS {
        return Err(AppError::invalid_field("funnel", t("error-funnel-key")));
    }
    let query = clip_query(&query);
    if store
        .item_for_submit(&item)
        .await
        .map_err(internal)?
        .is_none()
    {
        return Err(AppError::invalid_field("item", t("error-no-such-item")));
    }
    let article = match (kind, article) {
        (K::Submitted, None) => None,
        (K::Submitted, Some(_)) => {
            return Err(AppError::invalid_field(
                "article",
                t("error-no-article-named"),
            ))
        }
        (_, None) => return Err(AppError::invalid_field("article", t("error-name-article"))),
        (_, Some(slug)) => {
            let published = store
                .article(&slug)
                .await
                .map_err(internal)?
                .is_some_and(|a| a.input.state == ArticleState::Published);
            if !published {
                return Err(AppError::invalid_field(
                    "article",
                    t("error-no-such-article"),
                ));
            }
            Some(slug)
        }
    };
    store
        .record_deflection(&DeflectionEvent {
            funnel,
            kind,
            user_id: user.id,
            item_slug: item,
            query,
            article_slug: article,
            now: chrono::Utc::now(),
        })
        .await
        .map_err(internal)
}
