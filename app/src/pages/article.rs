use crate::api::knowledge::article;
use crate::api::knowledge::MAX_VOTE_COMMENT;
use crate::components::error_notice::ErrorNotice;
use crate::i18n::{i18n, t, t_with};
use crate::model::{ArticleVersion, ArticleView};
use crate::offline::{Fetched, OfflineBanner};
use crate::pages::{query_error, when};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

/// `/kb/:slug`: one knowledge article, rendered on the server, in the reader's language when
/// it has a version in it; `?exact=1` (the language links) shows the version at `slug`.
#[component]
pub fn ArticlePage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let wanted = move || {
        let slug = params.read().get("slug").unwrap_or_default();
        (slug, query.read().get("exact").is_some())
    };
    let found = Resource::new(wanted, |(slug, exact)| {
        crate::offline::sendable(async move {
            let answer = article(slug.clone(), Some(exact)).await;
            let locale = i18n().locale();
            crate::offline::or_device(answer, |s| s.article(&slug, locale, exact)).await
        })
    });
    view! {
        <Suspense fallback=|| view! { <p class="loading">{t("article-loading")}</p> }>
            {move || Suspend::new(async move {
                match found.await {
                    Ok(Fetched { value, offline_as_of }) => view! {
                        <OfflineBanner as_of=offline_as_of/>
                        <ArticleBody a=value/>
                    }.into_any(),
                    Err(e) => view! { <Title text=t("article-not-available")/><ErrorNotice error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// Which language the article is in when it is not the reader's, and where else it is written.
#[component]
fn Languages(a: ArticleView) -> impl IntoView {
    let i18n = i18n();
    let reader = i18n.locale();
    // Not in the reader's language, and no version is: say so (a version chosen from the
    // links, with one in theirs, needs no note).
    let untranslated = a.locale != reader && !a.versions.iter().any(|v| v.locale == reader);
    let foreign = untranslated.then(|| {
        view! {
            <p class="notice" data-testid="article-language-note">
                {t_with("article-not-in-your-language", &[("language", i18n.language_name(&a.locale).into())])}
            </p>
        }
    });
    let links = (!a.versions.is_empty()).then(|| {
        let items = a
            .versions
            .iter()
            .map(|ArticleVersion { slug, locale, title }| {
                view! {
                    <li>
                        <a href=format!("/kb/{slug}?exact=1") hreflang=locale.clone() lang=locale.clone()>{title.clone()}</a>
                        " (" {i18n.language_name(locale)} ")"
                    </li>
                }
            })
            .collect_view();
        view! {
            <nav class="article-versions" aria-label=t("article-other-languages")>
                <span class="muted">{t("article-other-languages")} ": "</span>
                <ul data-testid="article-versions">{items}</ul>
            </nav>
        }
    });
    view! { {foreign} {links} }
}

#[component]
fn ArticleBody(a: ArticleView) -> impl IntoView {
    let tags = a
        .tags
        .iter()
        .map(|t| view! { <li class="tag">{t.clone()}</li> })
        .collect_view();
    let related = a
        .related_items
        .iter()
        .map(
            |(slug, name)| view! { <li><a href=format!("/catalog/{slug}")>{name.clone()}</a></li> },
        )
        .collect_view();
    let has_related = !a.related_items.is_empty();
    let read = t_with(
        "article-read",
        &[
            ("when", when(&a.updated_at).into()),
            ("revision", a.revision.to_string().into()),
            ("views", a.views.into()),
        ],
    );
    view! {
        <Title text=a.title.clone()/>
        <article class="article" data-testid="article" data-slug=a.slug.clone() data-locale=a.locale.clone()>
            <nav class="breadcrumbs" aria-label=t("article-breadcrumb")>
                <span>{t("article-knowledge")}</span>
                <span>{a.category.clone()}</span>
            </nav>
            <Languages a=a.clone()/>
            // The article's own language, for screen readers and hyphenation, when it is not
            // the page's (a reader shown the English original of an untranslated article).
            <div lang=a.locale.clone()>
                <h1 class="page-title">{a.title.clone()}</h1>
                <p class="page-intro">{a.summary.clone()}</p>
                // Rendered from Markdown and cleaned with an allow-list on the server
                // (backend::markdown), so it is safe to insert as HTML.
                <div class="article-body" inner_html=a.html.clone()></div>
                <ul class="tags" aria-label=t("article-tags")>{tags}</ul>
            </div>
            <p class="muted">{read}</p>
            <Feedback slug=a.slug.clone()/>
            <Show when=move || has_related>
                <h2>{t("article-still-not-solved")}</h2>
                <ul class="related-items">{related.clone()}</ul>
            </Show>
        </article>
    }
}

/// "Did this help?": a plain form, so it works before and without the WebAssembly; the server
/// sends the reader back here with `?voted=1` or `?error=…`. Opened from the search page's
/// results, the address carries what was searched for (`?q=`), and the form sends it along.
#[component]
fn Feedback(slug: String) -> impl IntoView {
    let query = use_query_map();
    let voted = move || query.read().get("voted").is_some();
    let searched = move || query.read().get("q").unwrap_or_default();
    let error = query_error();
    view! {
        <section class="feedback" id="feedback" aria-labelledby="feedback-title">
            <Show
                when=voted
                fallback=move || {
                    let slug = slug.clone();
                    view! {
                        <form method="post" action="/api/vote_article" class="stack" data-testid="feedback-form">
                            <input type="hidden" name="slug" value=slug/>
                            <input type="hidden" name="query" value=searched/>
                            <fieldset class="choice-group">
                                <legend id="feedback-title">{t("article-did-this-help")}</legend>
                                <label class="choice"><input type="radio" name="helpful" value="yes" required/>" " {t("article-yes")}</label>
                                <label class="choice"><input type="radio" name="helpful" value="no"/>" " {t("article-no")}</label>
                            </fieldset>
                            <div class="field">
                                <label for="feedback-comment">{t("article-what-was-missing")}</label>
                                <textarea id="feedback-comment" name="comment" rows="2" maxlength=MAX_VOTE_COMMENT.to_string()></textarea>
                            </div>
                            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
                            <button type="submit" class="btn">{t("article-send-feedback")}</button>
                        </form>
                    }
                }
            >
                <p class="notice notice-success" role="status" data-testid="feedback-thanks">
                    {t("article-thanks")}
                </p>
            </Show>
        </section>
    }
}
