//! The search box in the header. Without JavaScript it is a GET form to `/search`. Hydrated,
//! it lists the best matches from the index on this device as you type (no round trip, and it
//! keeps working offline); Enter opens the full results page.

use crate::i18n::t;
use crate::local_search::LocalIndex;
use crate::search::results::{run, ResultView, MAX_QUERY_CHARS};
use crate::search::{DocKind, SearchIndex};
use crate::url::search_url;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use std::sync::Arc;

const INSTANT_RESULTS: usize = 6;

#[component]
pub fn SearchBox() -> impl IntoView {
    let local = LocalIndex::get();
    let location = use_location();
    let query = RwSignal::new(String::new());
    let open = RwSignal::new(false);
    // Each navigation closes the list; on the results page the box shows the query.
    Effect::new(move |_| {
        let _ = location.pathname.get();
        open.set(false);
    });
    // Ranked in a split module (`instant_matches`): the search engine is not part of the first
    // download, and arrives with the first keystroke (it is small, and kept by the worker).
    let instant = RwSignal::new(Vec::new());
    Effect::new(move |_| {
        let q = query.get();
        let Some(index) = (!q.trim().is_empty()).then(|| local.wanted()).flatten() else {
            instant.set(Vec::new());
            return;
        };
        leptos::task::spawn_local(async move {
            let found = instant_matches(index, q.clone()).await;
            // A later keystroke may have been answered first.
            if query.try_get_untracked().as_deref() == Some(q.as_str()) {
                instant.try_set(found);
            }
        });
    });
    let navigate = use_navigate();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let q = query.get_untracked();
        if q.trim().is_empty() {
            return;
        }
        open.set(false);
        navigate(&search_url(&q, None), Default::default());
    };
    view! {
        <form class="header-search" role="search" action="/search" method="get" on:submit=on_submit>
            <label class="visually-hidden" for="site-search">{t("search-label")}</label>
            <input
                id="site-search"
                type="search"
                name="q"
                placeholder=t("search-placeholder")
                autocomplete="off"
                maxlength=MAX_QUERY_CHARS.to_string()
                data-testid="site-search"
                prop:value=move || query.get()
                on:input=move |ev| {
                    query.set(event_target_value(&ev));
                    open.set(true);
                }
                on:focus=move |_| {
                    open.set(true);
                    local.prepare();
                }
                on:keydown=move |ev| {
                    if ev.key() == "Escape" {
                        open.set(false);
                    }
                }
            />
            <button type="submit" class="btn">{t("search-button")}</button>
            <Show when=move || open.get() && !instant.with(Vec::is_empty)>
                <ul class="instant-results" data-testid="instant-results">
                    <For
                        each=move || instant.get()
                        key=|r| (r.kind == DocKind::Item, r.key.clone())
                        let:result
                    >
                        <li>
                            <a href={
                                let result = result.clone();
                                move || result.link(&query.get())
                            } on:click=move |_| open.set(false)>
                                <span class="result-kind">{kind_label(result.kind)}</span>
                                {result.title.clone()}
                            </a>
                        </li>
                    </For>
                </ul>
            </Show>
        </form>
    }
}

pub fn kind_label(kind: DocKind) -> String {
    match kind {
        DocKind::Article => t("search-kind-article"),
        DocKind::Item => t("search-kind-item"),
    }
}

/// The best few matches for the header's list, as you type.
#[leptos::lazy]
pub fn instant_matches(index: Arc<SearchIndex>, query: String) -> Vec<ResultView> {
    run(
        &index,
        &query,
        None,
        INSTANT_RESULTS,
        true,
        crate::i18n::i18n().search_language(),
    )
    .results
}
