//! The knowledge editors' side: the list of every article, one article with its revisions,
//! saving (create, edit, publish, retire) and the live preview. Editors and admins only.

use crate::domain::article::ArticleDraft;
use crate::model::{AppError, ArticleEditView, ArticleListView};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
async fn require_editor() -> Result<crate::model::UserView, AppError> {
    let user = crate::backend::session::require_user().await?;
    crate::backend::access::knowledge_editors_only(&user)?;
    Ok(user)
}

#[server(endpoint = "editor_articles")]
pub async fn editor_articles() -> Result<Vec<ArticleListView>, AppError> {
    use crate::backend::{internal, store};
    require_editor().await?;
    let rows = store()?.article_list().await.map_err(internal)?;
    Ok(rows
        .into_iter()
        .map(|r| ArticleListView {
            slug: r.slug,
            title: r.title,
            category: r.category,
            state: r.state.as_str().to_string(),
            revision: r.revision,
            updated_at: r.updated_at,
            views: r.views,
            helpful: r.helpful,
            not_helpful: r.not_helpful,
        })
        .collect())
}

/// One article as the editor shows it, with its revisions, newest first.
#[server(endpoint = "article_for_edit")]
pub async fn article_for_edit(slug: String) -> Result<ArticleEditView, AppError> {
    use crate::backend::{internal, store};
    use crate::model::RevisionView;
    require_editor().await?;
    let store = store()?;
    let record = store
        .article(&slug)
        .await
        .map_err(internal)?
        .ok_or_else(|| AppError::not_found(crate::i18n::t("error-no-article-here")))?;
    let revisions = store
        .article_revisions(&slug)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|r| RevisionView {
            revision: r.revision,
            title: r.title,
            state: r.state,
            author: r.author,
            created_at: r.created_at,
        })
        .collect();
    let a = record.input;
    let versions =
        crate::backend::articles::other_versions(store.as_ref(), &a.slug, &a.translation_of, false)
            .await?;
    Ok(ArticleEditView {
        draft: ArticleDraft {
            slug: a.slug,
            title: a.title,
            summary: a.summary,
            category: a.category,
            tags: a.tags.join(", "),
            related_items: a.related_items.join(", "),
            body_md: a.body_md,
            state: a.state.as_str().to_string(),
            translation_of: a.translation_of.unwrap_or_default(),
            locale: a.locale,
        },
        revision: record.revision,
        views: record.views,
        revisions,
        versions,
    })
}

/// Saves an article. `base_revision` is the revision the editor started from (0 for a new
/// article): if someone saved in between, nothing is written and the editor is told.
/// Answers with the revision now stored.
#[server(endpoint = "save_article")]
pub async fn save_article(draft: ArticleDraft, base_revision: i64) -> Result<i64, AppError> {
    use crate::backend::store::{ArticleInput, ArticleState, Expect, Saved};
    use crate::backend::{internal, store};
    use crate::domain::article::{split_list, validate_article};
    let user = require_editor().await?;
    let store = store()?;
    let known: Vec<String> = store
        .catalog()
        .await
        .map_err(internal)?
        .items
        .into_iter()
        .map(|i| i.slug)
        .collect();
    // A client that names no language (one written before articles had one) writes in the
    // portal's default.
    let mut draft = draft;
    if draft.locale.trim().is_empty() {
        draft.locale = crate::i18n::DEFAULT.to_string();
    }
    validate_article(&draft, Some(&known), crate::i18n::LANGUAGES).map_err(|problems| {
        AppError::Invalid {
            fields: crate::i18n::i18n().say_each(&problems),
        }
    })?;
    crate::backend::articles::check_translation(store.as_ref(), &draft).await?;
    let original = draft.translation_of.trim();
    let input = ArticleInput {
        slug: draft.slug.clone(),
        title: draft.title.trim().to_string(),
        summary: draft.summary.trim().to_string(),
        body_md: draft.body_md.clone(),
        category: draft.category.clone(),
        tags: split_list(&draft.tags),
        related_items: split_list(&draft.related_items),
        state: ArticleState::parse(&draft.state).unwrap_or(ArticleState::Draft),
        locale: draft.locale.clone(),
        translation_of: (!original.is_empty()).then(|| original.to_string()),
    };
    let expect = if base_revision == 0 {
        Expect::New
    } else {
        Expect::Revision(base_revision)
    };
    let saved = store
        .save_article(&input, expect, user.id, chrono::Utc::now())
        .await
        .map_err(internal)?;
    match saved {
        Saved::Created => Ok(1),
        Saved::Updated { revision } => Ok(revision),
        Saved::Unchanged => Ok(base_revision),
        Saved::Conflict { .. } if base_revision == 0 => Err(AppError::invalid_field(
            "slug",
            crate::i18n::t("error-article-exists"),
        )),
        Saved::LanguageTaken => Err(AppError::conflict(crate::i18n::t(
            "error-article-language-taken",
        ))),
        Saved::Conflict { current } => Err(AppError::conflict(format!(
            "Someone else saved revision {current} while you were editing. Copy your text, \
             reload the article to see their change, then apply yours again."
        ))),
    }
}

/// The article body as the article page will show it, for the editor's live preview.
#[server(endpoint = "preview_article")]
pub async fn preview_article(body_md: String) -> Result<String, AppError> {
    use crate::domain::article::MAX_BODY;
    require_editor().await?;
    if body_md.chars().count() > MAX_BODY {
        return Err(AppError::invalid_field(
            "body_md",
            crate::i18n::t_with(
                "error-preview-too-long",
                &[("max", crate::i18n::Arg::count(MAX_BODY))],
            ),
        ));
    }
    Ok(crate::backend::markdown::render(&body_md))
}

/// What people typed before article `slug` helped them, newest first (see
/// `backend::learning`).
#[server(endpoint = "article_evidence")]
pub async fn article_evidence(slug: String) -> Result<Vec<crate::model::EvidenceView>, AppError> {
    use crate::backend::{learning, session, store};
    let user = session::require_user().await?;
    learning::article_evidence(store()?.as_ref(), &user, &slug, chrono::Utc::now()).await
}

/// Takes one piece of evidence out of what search learns for article `slug`. A plain form
/// post: without JavaScript the browser comes back to the article's editor.
#[server(endpoint = "remove_evidence")]
pub async fn remove_evidence(slug: String, source: String, id: i64) -> Result<(), AppError> {
    use crate::backend::{forms, learning, session, store};
    use crate::model::EvidenceSource;
    // The error goes in the query (`?error=`), which must come before the fragment.
    let page = format!("/editor/articles/{}", forms::encode(&slug));
    let result = async {
        let user = session::require_user().await?;
        let source = EvidenceSource::parse(&source).ok_or_else(|| {
            AppError::invalid_field("source", crate::i18n::t("error-evidence-kind"))
        })?;
        learning::remove_evidence(
            store()?.as_ref(),
            &user,
            &slug,
            source,
            id,
            chrono::Utc::now(),
        )
        .await
    }
    .await;
    forms::finish(result, &format!("{page}#evidence"), &page)
}

/// What nobody found in the last `days` days (30 unless given), grouped by likeness, for
/// editors to write the missing articles (see `backend::learning::unanswered`).
#[server(endpoint = "unanswered_searches")]
pub async fn unanswered_searches(
    days: Option<u32>,
) -> Result<Vec<crate::model::UnansweredGroupView>, AppError> {
    use crate::backend::{learning, session, store};
    let user = session::require_user().await?;
    learning::unanswered(
        store()?.as_ref(),
        &user,
        days.unwrap_or(30),
        chrono::Utc::now(),
    )
    .await
}
