//! `/search?q=…&category=…`: articles and catalog items for a query, with category filters.
//! Rendered on the server and complete without JavaScript (filters are links). When the server
//! cannot be reached, the page ranks the same query over the index kept on this device.

use crate::api::knowledge::search_portal;
use crate::components::error_notice::ErrorNotice;
use crate::components::search_box::kind_label;
use crate::i18n::{i18n, t, t_with, Arg};
use crate::local_search::LocalIndex;
use crate::model::AppError;
use crate::search::results::{run, MAX_QUERY_CHARS};
use crate::search::{category_label, SearchResults, Segment};
use crate::url::search_url;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn SearchPage() -> impl IntoView {
    let query = use_query_map();
    let q = move || query.read().get("q").unwrap_or_default();
    let category = move || query.read().get("category").filter(|c| !c.is_empty());
    let found = Resource::new(move || (q(), category()), |(q, c)| search_portal(q, c));
    let local = LocalIndex::get();
    view! {
        <h1 class="page-title">{t("search-title")}</h1>
        <form class="search-page-form" action="/search" method="get" role="search">
            <label for="search-page-q">{t("search-label")}</label>
            <div class="search-row">
                <input
                    id="search-page-q"
                    type="search"
                    name="q"
                    value=q
                    maxlength=MAX_QUERY_CHARS.to_string()
                    data-testid="search-page-q"
                />
                <button type="submit" class="btn btn-primary">{t("search-button")}</button>
            </div>
        </form>
        <Suspense fallback=|| view! { <p class="loading">{t("search-searching")}</p> }>
            {move || Suspend::new(async move {
                let answer = found.await;
                // Named here, once per answer. A reactive `Title` beside the Suspense had its
                // text read again on the server after the page's reactive owner was disposed;
                // under concurrent renders that sometimes panicked the render task, and the
                // request never got an answer.
                let searched = query.with_untracked(|m| m.get("q").unwrap_or_default());
                let title = if searched.trim().is_empty() {
                    t("search-title")
                } else {
                    format!("“{}” – search", searched.trim())
                };
                let body = match answer {
                    Ok(results) => view! { <Results results offline=false/> }.into_any(),
                    // Offline: the same engine over the snapshot on this device. Read
                    // reactively: a page rendered offline asks before the device's copy has
                    // been read from IndexedDB, and shows the results as soon as it is.
                    Err(e @ AppError::Transport { .. }) => (move || match local.wanted() {
                        Some(index) => {
                            let results = run(&index, &q(), category().as_deref(), 30, false, i18n().search_language());
                            view! { <Results results offline=true/> }.into_any()
                        }
                        None => view! { <ErrorNotice error=e.clone()/> }.into_any(),
                    })
                    .into_any(),
                    Err(e) => view! { <ErrorNotice error=e/> }.into_any(),
                };
                view! { <Title text=title/> {body} }
            })}
        </Suspense>
    }
}

#[component]
fn Results(results: SearchResults, offline: bool) -> impl IntoView {
    let SearchResults {
        query,
        category,
        results,
        categories,
    } = results;
    if query.is_empty() {
        return view! {
            <p class="empty-state">{t("search-hint")}</p>
        }
        .into_any();
    }
    let total: usize = categories.iter().map(|(_, n)| n).sum();
    let filters = (!categories.is_empty()).then(|| {
        let all_current = category.is_none().then_some("page");
        let chips = categories
            .iter()
            .map(|(c, n)| {
                let current = (category.as_deref() == Some(c.as_str())).then_some("page");
                view! {
                    <li><a href=search_url(&query, Some(c)) aria-current=current>{shown_category(c)} " (" {*n} ")"</a></li>
                }
            })
            .collect_view();
        view! {
            <nav aria-label=t("search-filter-label")>
                <ul class="filter-chips" data-testid="category-filters">
                    <li><a href=search_url(&query, None) aria-current=all_current>{t_with("search-all", &[("count", Arg::count(total))])}</a></li>
                    {chips}
                </ul>
            </nav>
        }
    });
    let empty = results.is_empty();
    let list = results
        .into_iter()
        .map(|r| {
            view! {
                <li class="search-result" data-testid="search-result" data-key=r.key.clone()>
                    <span class="result-kind">{kind_label(r.kind)} " · " {shown_category(&r.category)}</span>
                    <a class="result-title" href=r.link(&query) lang=r.locale.clone()>{r.title.clone()}</a>
                    <p class="result-snippet" lang=r.locale.clone()>{highlighted(&r.snippet)}</p>
                </li>
            }
        })
        .collect_view();
    view! {
        <Show when=move || offline>
            <p class="notice" role="status" data-testid="offline-results">
                {t("search-offline")}
            </p>
        </Show>
        {filters}
        {if empty {
            view! {
                <div class="empty-state" data-testid="no-results">
                    <p>{t_with("search-nothing", &[("query", query.as_str().into())])}</p>
                    <p>{t("search-try-before")} " " <a href="/">{t("search-try-link")}</a> " " {t("search-try-after")}</p>
                </div>
            }
                .into_any()
        } else {
            view! { <ol class="search-results">{list}</ol> }.into_any()
        }}
    }
    .into_any()
}

/// A snippet with its matched words marked. Text only: nothing from a document becomes markup.
pub fn highlighted(segments: &[Segment]) -> impl IntoView {
    segments
        .iter()
        .map(|s| {
            if s.hit {
                view! { <mark>{s.text.clone()}</mark> }.into_any()
            } else {
                s.text.clone().into_any()
            }
        })
        .collect_view()
}

/// A category's name in the reader's language: the portal's usual categories have words in
/// the language files; any other reads as its slug written out ("store-systems" → "Store
/// systems").
fn shown_category(slug: &str) -> String {
    t_with(
        "search-category",
        &[("slug", slug.into()), ("name", category_label(slug).into())],
    )
}
