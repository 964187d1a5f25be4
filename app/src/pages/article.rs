use crate::api::knowledge::article;
use crate::api::knowledge::MAX_VOTE_COMMENT;
use crate::components::error_notice::ErrorNotice;
use crate::model::ArticleView;
use crate::offline::{Fetched, OfflineBanner};
use crate::pages::{query_error, when};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

/// `/kb/:slug`: one knowledge article, rendered on the server.
#[component]
pub fn ArticlePage() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let found = Resource::new(slug, |slug| {
        crate::offline::sendable(async move {
            let answer = article(slug.clone()).await;
            crate::offline::or_device(answer, |s| s.article(&slug)).await
        })
    });
    view! {
        <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match found.await {
                    Ok(Fetched { value, offline_as_of }) => view! {
                        <OfflineBanner as_of=offline_as_of/>
                        <ArticleBody a=value/>
                    }.into_any(),
                    Err(e) => view! { <Title text="Not available"/><ErrorNotice error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
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
    view! {
        <Title text=a.title.clone()/>
        <article class="article" data-testid="article" data-slug=a.slug.clone()>
            <nav class="breadcrumbs" aria-label="Breadcrumb">
                <span>"Knowledge"</span>
                <span>{a.category.clone()}</span>
            </nav>
            <h1 class="page-title">{a.title.clone()}</h1>
            <p class="page-intro">{a.summary.clone()}</p>
            // Rendered from Markdown and cleaned with an allow-list on the server
            // (backend::markdown), so it is safe to insert as HTML.
            <div class="article-body" inner_html=a.html.clone()></div>
            <ul class="tags" aria-label="Tags">{tags}</ul>
            <p class="muted">
                "Updated " {when(&a.updated_at)} " · revision " {a.revision} " · read " {a.views}
                {if a.views == 1 { " time" } else { " times" }}
            </p>
            <Feedback slug=a.slug.clone()/>
            <Show when=move || has_related>
                <h2>"Still not solved?"</h2>
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
                                <legend id="feedback-title">"Did this help?"</legend>
                                <label class="choice"><input type="radio" name="helpful" value="yes" required/>" Yes"</label>
                                <label class="choice"><input type="radio" name="helpful" value="no"/>" No"</label>
                            </fieldset>
                            <div class="field">
                                <label for="feedback-comment">"What was missing or wrong? (optional)"</label>
                                <textarea id="feedback-comment" name="comment" rows="2" maxlength=MAX_VOTE_COMMENT.to_string()></textarea>
                            </div>
                            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
                            <button type="submit" class="btn">"Send feedback"</button>
                        </form>
                    }
                }
            >
                <p class="notice notice-success" role="status" data-testid="feedback-thanks">
                    "Thank you: the editors read every answer."
                </p>
            </Show>
        </section>
    }
}
