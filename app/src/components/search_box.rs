//! The search box in the header. Without JavaScript it is a GET form to `/search`. Hydrated,
//! it lists the best matches from the index on this device as you type (no round trip, and it
//! keeps working offline); Enter opens the full results page.

use crate::local_search::LocalIndex;
use crate::search::results::{run, MAX_QUERY_CHARS};
use crate::search::DocKind;
use crate::url::search_url;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};

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
    let instant = Memo::new(move |_| {
        let q = query.get();
        if q.trim().is_empty() {
            return Vec::new();
        }
        local.0.with(|index| {
            index
                .as_ref()
                .map(|index| run(index, &q, None, INSTANT_RESULTS, true).results)
                .unwrap_or_default()
        })
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
            <label class="visually-hidden" for="site-search">"Search help articles and the catalog"</label>
            <input
                id="site-search"
                type="search"
                name="q"
                placeholder="Search help and catalog"
                autocomplete="off"
                maxlength=MAX_QUERY_CHARS.to_string()
                data-testid="site-search"
                prop:value=move || query.get()
                on:input=move |ev| {
                    query.set(event_target_value(&ev));
                    open.set(true);
                }
                on:focus=move |_| open.set(true)
                on:keydown=move |ev| {
                    if ev.key() == "Escape" {
                        open.set(false);
                    }
                }
            />
            <button type="submit" class="btn">"Search"</button>
            <Show when=move || open.get() && !instant.with(Vec::is_empty)>
                <ul class="instant-results" data-testid="instant-results">
                    <For
                        each=move || instant.get()
                        key=|r| (r.kind == DocKind::Item, r.key.clone())
                        let:result
                    >
                        <li>
                            <a href=result.url.clone() on:click=move |_| open.set(false)>
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

pub fn kind_label(kind: DocKind) -> &'static str {
    match kind {
        DocKind::Article => "Article",
        DocKind::Item => "Catalog",
    }
}
