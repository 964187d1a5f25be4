//! Knowledge suggestions beside a request or incident form (deflection). As the person
//! describes the problem, the three best articles from the index on this device appear; one
//! opens over the form (which stays as it is, and in its draft), and "This solved it" records
//! the deflection and offers to discard the draft. Each step is reported as a funnel event.

use crate::api::deflection::record_deflection;
use crate::api::knowledge::article;
use crate::i18n::{t, t_with};
use crate::local_search::LocalIndex;
use crate::model::{ArticleView, DeflectionKind};
use crate::search::{DocKind, SearchOptions};
use leptos::prelude::*;
use std::collections::BTreeSet;

/// Typing pauses this long before the suggestions follow.
const DEBOUNCE_MS: u32 = 400;
const SUGGESTIONS: usize = 3;
/// Shorter descriptions say too little to suggest anything useful.
const MIN_QUERY_CHARS: usize = 4;

#[derive(Clone, Debug, PartialEq)]
struct Suggestion {
    slug: String,
    title: String,
    summary: String,
}

/// The funnel of one visit to one form, shared with the form so a submit after suggestions
/// is reported as "submitted anyway".
#[derive(Clone, Copy)]
pub struct Funnel {
    pub item: StoredValue<String>,
    /// The form's submission key: ties the steps together, and to the ticket if one is made.
    pub key: StoredValue<String>,
    pub query: RwSignal<String>,
    pub shown: StoredValue<BTreeSet<String>>,
}

impl Funnel {
    pub fn new(item: String, key: String) -> Self {
        Funnel {
            item: StoredValue::new(item),
            key: StoredValue::new(key),
            query: RwSignal::new(String::new()),
            shown: StoredValue::new(BTreeSet::new()),
        }
    }

    /// Reports a step; a lost report must never get in the person's way, so failures are
    /// only logged.
    pub fn report(&self, kind: DeflectionKind, article: Option<String>) {
        let (key, item, query) = (
            self.key.get_value(),
            self.item.get_value(),
            self.query.get_untracked(),
        );
        leptos::task::spawn_local(async move {
            if let Err(e) = record_deflection(key, kind, item, query, article).await {
                leptos::logging::warn!("deflection event not recorded: {e}");
            }
        });
    }

    pub fn anything_shown(&self) -> bool {
        self.shown.with_value(|s| !s.is_empty())
    }
}

#[component]
pub fn Suggestions(
    funnel: Funnel,
    /// What the person has written about the problem so far.
    #[prop(into)]
    text: Signal<String>,
    /// Clears the form and its stored draft.
    discard_draft: Callback<()>,
) -> impl IntoView {
    let local = LocalIndex::get();
    // Follow the text once typing pauses (effects only run in the browser).
    #[cfg(feature = "hydrate")]
    {
        let generation = StoredValue::new(0u64);
        Effect::new(move |_| {
            let current = text.get();
            generation.update_value(|g| *g += 1);
            let mine = generation.get_value();
            leptos::task::spawn_local(async move {
                gloo_timers::future::TimeoutFuture::new(DEBOUNCE_MS).await;
                // `try_`: the form may have been sent (and disposed) while we waited.
                if generation.try_get_value() == Some(mine) {
                    funnel.query.try_set(current);
                }
            });
        });
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (text, DEBOUNCE_MS);
    let suggestions = Memo::new(move |_| {
        let query = funnel.query.get();
        if query.trim().chars().count() < MIN_QUERY_CHARS {
            return Vec::new();
        }
        let Some(index) = local.wanted() else {
            return Vec::new();
        };
        let options = SearchOptions {
            limit: SUGGESTIONS,
            typing: true,
            kind: Some(DocKind::Article),
            category: None,
            language: crate::i18n::i18n().search_language(),
        };
        index
            .search(&query, &options)
            .into_iter()
            .map(|hit| {
                let d = index.doc(hit.doc);
                Suggestion {
                    slug: d.key.clone(),
                    title: d.title.clone(),
                    summary: d.summary.clone(),
                }
            })
            .collect::<Vec<_>>()
    });
    // Each article is reported as shown once per visit, when it first appears.
    Effect::new(move |_| {
        for s in suggestions.get() {
            let new = funnel
                .shown
                .try_update_value(|shown| shown.insert(s.slug.clone()));
            if new == Some(true) {
                funnel.report(DeflectionKind::Shown, Some(s.slug));
            }
        }
    });

    let open = RwSignal::new(None::<Suggestion>);
    let solved = RwSignal::new(false);
    let discarded = RwSignal::new(false);
    let open_suggestion = move |s: Suggestion| {
        funnel.report(DeflectionKind::Opened, Some(s.slug.clone()));
        open.set(Some(s));
    };
    let mark_solved = move |slug: String| {
        funnel.report(DeflectionKind::Solved, Some(slug));
        open.set(None);
        solved.set(true);
    };

    view! {
        <aside class="suggestions" aria-label=t("suggest-label") aria-live="polite" data-testid="suggestions">
            <Show when=move || solved.get()>
                <div class="notice notice-success" role="status" data-testid="solved-banner">
                    <Show
                        when=move || discarded.get()
                        fallback=move || view! {
                            <p>{t("suggest-glad")}</p>
                            <p>
                                <button type="button" class="btn" data-testid="discard-after-solved"
                                    on:click=move |_| {
                                        discard_draft.run(());
                                        discarded.set(true);
                                    }>{t("suggest-discard-draft")}</button>
                                " "
                                <button type="button" class="link-button" on:click=move |_| solved.set(false)>{t("suggest-keep")}</button>
                            </p>
                        }
                    >
                        <p data-testid="draft-discarded">{t("suggest-discarded")} " " <a href="/">{t("suggest-back")}</a></p>
                    </Show>
                </div>
            </Show>
            <Show when=move || !suggestions.with(Vec::is_empty)>
                <h2 class="suggestions-title">{t("suggest-title")}</h2>
                <ul class="suggestion-list">
                    <For each=move || suggestions.get() key=|s| s.slug.clone() let:s>
                        <li class="suggestion" data-testid="suggestion" data-slug=s.slug.clone()>
                            <button type="button" class="link-button suggestion-title"
                                on:click={
                                    let s = s.clone();
                                    move |_| open_suggestion(s.clone())
                                }>{s.title.clone()}</button>
                            <p class="muted">{s.summary.clone()}</p>
                        </li>
                    </For>
                </ul>
            </Show>
        </aside>
        {move || open.get().map(|s| view! {
            <ArticleSheet suggestion=s on_close=Callback::new(move |_| open.set(None)) on_solved=Callback::new(mark_solved)/>
        })}
    }
}

/// An article over the form: the form underneath keeps everything typed.
#[component]
fn ArticleSheet(
    suggestion: Suggestion,
    on_close: Callback<()>,
    on_solved: Callback<String>,
) -> impl IntoView {
    let slug = suggestion.slug.clone();
    let body = LocalResource::new(move || article(slug.clone(), Some(true)));
    let solved_slug = suggestion.slug.clone();
    let summary = suggestion.summary.clone();
    let sheet = NodeRef::new();
    crate::components::focus::hold_in_dialog(sheet, on_close);
    view! {
        <div class="sheet-backdrop" on:click=move |_| on_close.run(())></div>
        <div class="article-sheet" role="dialog" aria-modal="true" aria-labelledby="sheet-title" data-testid="article-sheet"
            node_ref=sheet tabindex="-1">
            <h2 id="sheet-title">{suggestion.title.clone()}</h2>
            <Suspense fallback=|| view! { <p class="loading">{t("suggest-opening")}</p> }>
                {move || {
                    let summary = summary.clone();
                    Suspend::new(async move {
                        match body.await {
                            Ok(ArticleView { html, .. }) => view! {
                                // Sanitised on the server (backend::markdown).
                                <div class="article-body" inner_html=html></div>
                            }.into_any(),
                            Err(e) => view! {
                                <p>{summary}</p>
                                <p class="muted">{t_with("suggest-not-loaded", &[("error", e.to_string().into())])}</p>
                            }.into_any(),
                        }
                    })
                }}
            </Suspense>
            <div class="sheet-actions">
                <button type="button" class="btn btn-primary" data-testid="solved"
                    on:click=move |_| on_solved.run(solved_slug.clone())>{t("suggest-solved")}</button>
                <button type="button" class="btn" data-testid="back-to-form"
                    on:click=move |_| on_close.run(())>{t("suggest-back-to-form")}</button>
            </div>
        </div>
    }
}
