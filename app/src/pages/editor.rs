//! The knowledge editors' pages: every article with its state and reader figures, a new
//! article, and one article with live preview and revisions. Editing needs the WebAssembly
//! (the preview and the checks run as you type); reading the list does not. The synonym
//! groups search applies sit beside the list (`pages/synonyms.rs`).

use crate::api::editor::{article_for_edit, editor_articles, preview_article, save_article};
use crate::components::error_notice::ErrorNotice;
use crate::components::role_gate::{PageFor, RoleGate};
use crate::domain::article::{slug_from_title, validate_article, ArticleDraft, KNOWN_CATEGORIES};
use crate::domain::validation::FieldErrors;
use crate::model::{ArticleEditView, ArticleListView, RevisionView};
use crate::pages::when;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

const PREVIEW_DELAY_MS: u32 = 400;

/// The knowledge editors' lists, one tab each.
const KNOWLEDGE_PAGES: [(&str, &str); 2] = [
    ("/editor/articles", "Articles"),
    ("/editor/synonyms", "Synonyms"),
];

/// Tabs between the knowledge editors' lists; `current` is the page's own path.
#[component]
pub fn KnowledgeTabs(current: &'static str) -> impl IntoView {
    view! {
        <nav class="admin-tabs" aria-label="Knowledge">
            {KNOWLEDGE_PAGES.iter().map(|(href, label)| {
                let here = *href == current;
                view! {
                    <a href=*href aria-current=here.then_some("page") class:current=here>{*label}</a>
                }
            }).collect_view()}
        </nav>
    }
}

#[component]
pub fn EditorListPage() -> impl IntoView {
    view! { <RoleGate page_for=PageFor::ArticleEditors><EditorListContent/></RoleGate> }
}

#[component]
fn EditorListContent() -> impl IntoView {
    let list = Resource::new(|| (), |_| editor_articles());
    view! {
        <Title text="Knowledge articles"/>
        <KnowledgeTabs current="/editor/articles"/>
        <div class="page-head">
            <h1 class="page-title">"Knowledge articles"</h1>
            <a class="btn btn-primary" href="/editor/articles/new" data-testid="new-article">"New article"</a>
        </div>
        <Suspense fallback=|| view! { <p class="loading">"Loading articles…"</p> }>
            {move || Suspend::new(async move {
                match list.await {
                    Err(e) => view! { <ErrorNotice error=e/> }.into_any(),
                    Ok(rows) if rows.is_empty() => view! {
                        <div class="empty-state"><p>"No articles yet. Write the first one, or import a folder with "<code>"server kb-import"</code>"."</p></div>
                    }.into_any(),
                    Ok(rows) => view! {
                        <table class="data-table" data-testid="article-list">
                            <thead><tr><th>"Article"</th><th>"State"</th><th>"Updated"</th><th>"Read"</th><th>"Helpful"</th></tr></thead>
                            <tbody>{rows.into_iter().map(|r| view! { <ArticleRow r/> }).collect_view()}</tbody>
                        </table>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ArticleRow(r: ArticleListView) -> impl IntoView {
    view! {
        <tr data-slug=r.slug.clone()>
            <td><a href=format!("/editor/articles/{}", r.slug)>{r.title.clone()}</a><br/><span class="muted">{r.category.clone()}</span></td>
            <td><span class=format!("state-badge state-{}", r.state)>{r.state.clone()}</span></td>
            <td>{when(&r.updated_at)} " · rev " {r.revision}</td>
            <td>{r.views}</td>
            <td>{r.helpful} " yes · " {r.not_helpful} " no"</td>
        </tr>
    }
}

#[component]
pub fn NewArticlePage() -> impl IntoView {
    view! { <RoleGate page_for=PageFor::ArticleEditors><NewArticleContent/></RoleGate> }
}

#[component]
fn NewArticleContent() -> impl IntoView {
    let draft = ArticleDraft {
        state: "draft".into(),
        ..ArticleDraft::default()
    };
    view! {
        <Title text="New article"/>
        <h1 class="page-title">"New article"</h1>
        <ArticleEditor draft base_revision=0 revisions=Vec::new()/>
    }
}

#[component]
pub fn ArticleEditorPage() -> impl IntoView {
    view! { <RoleGate page_for=PageFor::ArticleEditors><ArticleEditorContent/></RoleGate> }
}

#[component]
fn ArticleEditorContent() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let found = Resource::new(slug, article_for_edit);
    view! {
        <Suspense fallback=|| view! { <p class="loading">"Loading the article…"</p> }>
            {move || Suspend::new(async move {
                match found.await {
                    Err(e) => view! { <Title text="Not available"/><ErrorNotice error=e/> }.into_any(),
                    Ok(ArticleEditView { draft, revision, views, revisions }) => view! {
                        <Title text=format!("Edit: {}", draft.title)/>
                        <h1 class="page-title">"Edit article"</h1>
                        <p class="muted">
                            <a href=format!("/kb/{}", draft.slug)>"/kb/" {draft.slug.clone()}</a>
                            " · read " {views} " times"
                        </p>
                        <ArticleEditor draft base_revision=revision revisions/>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The form, its live preview and the revision list. `base_revision` 0 means a new article.
#[component]
fn ArticleEditor(
    draft: ArticleDraft,
    base_revision: i64,
    revisions: Vec<RevisionView>,
) -> impl IntoView {
    let is_new = base_revision == 0;
    let draft = RwSignal::new(draft);
    let base = RwSignal::new(base_revision);
    let slug_edited = RwSignal::new(!is_new);
    let show_errors = RwSignal::new(false);
    let server_errors = RwSignal::new(FieldErrors::new());
    let message = RwSignal::new(None::<(bool, String)>);
    let saving = RwSignal::new(false);
    let live_errors =
        Memo::new(move |_| draft.with(|d| validate_article(d, None).err().unwrap_or_default()));
    let error_of = move |key: &'static str| {
        server_errors.with(|e| e.get(key).cloned()).or_else(|| {
            show_errors
                .get()
                .then(|| live_errors.with(|e| e.get(key).cloned()))
                .flatten()
        })
    };
    let query = use_query_map();
    if let Some(rev) = query.read_untracked().get("saved") {
        message.set(Some((true, format!("Saved as revision {rev}."))));
    }

    // Live preview: the server renders and sanitises exactly as the article page will.
    let preview = RwSignal::new(String::new());
    let preview_note = RwSignal::new(None::<String>);
    #[cfg(feature = "hydrate")]
    {
        let generation = StoredValue::new(0u64);
        Effect::new(move |_| {
            let body = draft.with(|d| d.body_md.clone());
            generation.update_value(|g| *g += 1);
            let mine = generation.get_value();
            leptos::task::spawn_local(async move {
                gloo_timers::future::TimeoutFuture::new(PREVIEW_DELAY_MS).await;
                // `try_`: the editor may have been left while we waited.
                if generation.try_get_value() != Some(mine) {
                    return;
                }
                match preview_article(body).await {
                    Ok(html) => {
                        preview.try_set(html);
                        preview_note.try_set(None);
                    }
                    Err(e) => {
                        preview_note.try_set(Some(format!("Preview not updated: {e}")));
                    }
                }
            });
        });
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (preview_article, PREVIEW_DELAY_MS);

    let set = move |key: &'static str, value: String| {
        draft.update(|d| match key {
            "slug" => d.slug = value,
            "title" => {
                if !slug_edited.get_untracked() {
                    d.slug = slug_from_title(&value);
                }
                d.title = value;
            }
            "summary" => d.summary = value,
            "category" => d.category = value,
            "tags" => d.tags = value,
            "related_items" => d.related_items = value,
            "body_md" => d.body_md = value,
            _ => d.state = value,
        });
        if key == "slug" {
            slug_edited.set(true);
        }
        server_errors.update(|e| {
            e.remove(key);
        });
    };

    let navigate = use_navigate();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if saving.get_untracked() {
            return;
        }
        show_errors.set(true);
        message.set(None);
        if !live_errors.with_untracked(|e| e.is_empty()) {
            message.set(Some((
                false,
                "Some fields need another look before saving.".into(),
            )));
            return;
        }
        saving.set(true);
        let current = draft.get_untracked();
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            let result = save_article(current.clone(), base.get_untracked()).await;
            saving.set(false);
            match result {
                Ok(revision) if is_new => navigate(
                    &format!("/editor/articles/{}?saved={revision}", current.slug),
                    Default::default(),
                ),
                Ok(revision) => {
                    base.set(revision);
                    message.set(Some((true, format!("Saved as revision {revision}."))));
                }
                Err(e) => {
                    if let Some(fields) = e.field_errors() {
                        server_errors.set(fields.clone());
                        message.set(Some((
                            false,
                            "Some fields need another look before saving.".into(),
                        )));
                    } else {
                        message.set(Some((false, e.to_string())));
                    }
                }
            }
        });
    };

    let text_field = move |key: &'static str, label: &'static str, hint: &'static str| {
        let id = format!("article-{key}");
        let value = move || draft.with(|d| field_value(d, key));
        view! {
            <div class="field">
                <label for=id.clone()>{label}</label>
                <input id=id type="text" name=key prop:value=value
                    readonly=move || key == "slug" && !is_new
                    list=if key == "category" { Some("article-categories") } else { None }
                    on:input=move |ev| set(key, event_target_value(&ev))/>
                <p class="help">{hint}</p>
                {move || error_of(key).map(|e| view! { <p class="field-error" role="alert" data-testid=format!("error-{key}")>{e}</p> })}
            </div>
        }
    };

    view! {
        <noscript><p class="notice">"The article editor needs JavaScript for its live preview and checks."</p></noscript>
        {move || message.get().map(|(ok, text)| {
            let class = if ok { "notice notice-success" } else { "notice notice-error" };
            view! { <div class=class role="status" data-testid="editor-message">{text}</div> }
        })}
        <div class="editor-layout">
            <form class="stack article-form" on:submit=on_submit novalidate>
                {text_field("title", "Title", "What the reader's problem is, in their words.")}
                {text_field("slug", "Address (slug)", "Part of the article's link; it cannot change after the first save.")}
                {text_field("summary", "Summary", "One sentence shown in search results.")}
                {text_field("category", "Category", "For example printers, pos, vpn.")}
                <datalist id="article-categories">
                    {KNOWN_CATEGORIES.iter().map(|c| view! { <option value=*c></option> }).collect_view()}
                </datalist>
                {text_field("tags", "Tags", "Comma-separated words people search for.")}
                {text_field("related_items", "Related catalog items", "Comma-separated item slugs, offered when the article does not solve it.")}
                <div class="field">
                    <label for="article-body_md">"Text (Markdown)"</label>
                    <textarea id="article-body_md" name="body_md" rows="16" class="mono"
                        prop:value=move || draft.with(|d| d.body_md.clone())
                        on:input=move |ev| set("body_md", event_target_value(&ev))></textarea>
                    {move || error_of("body_md").map(|e| view! { <p class="field-error" role="alert" data-testid="error-body_md">{e}</p> })}
                </div>
                <div class="field">
                    <label for="article-state">"State"</label>
                    <select id="article-state" name="state"
                        prop:value=move || draft.with(|d| d.state.clone())
                        on:change=move |ev| set("state", event_target_value(&ev))>
                        <option value="draft">"Draft: only editors see it"</option>
                        <option value="published">"Published: in search and suggestions"</option>
                        <option value="retired">"Retired: hidden, kept with its history"</option>
                    </select>
                </div>
                <div class="form-actions">
                    <button type="submit" class="btn btn-primary" disabled=move || saving.get() data-testid="save-article">
                        {move || if saving.get() { "Saving…" } else { "Save" }}
                    </button>
                </div>
            </form>
            <section class="preview" aria-label="Preview">
                <h2>"Preview"</h2>
                {move || preview_note.get().map(|n| view! { <p class="muted">{n}</p> })}
                <div class="article-body" data-testid="article-preview" inner_html=move || preview.get()></div>
            </section>
        </div>
        {(!revisions.is_empty()).then(|| view! {
            <h2>"Revisions"</h2>
            <ol class="revision-list" data-testid="revisions">
                {revisions.into_iter().map(|r| view! {
                    <li>"Revision " {r.revision} " · " {if r.state.is_empty() { "—".to_string() } else { r.state }}
                        " · " {r.author} " · " {when(&r.created_at)} " · " {r.title}</li>
                }).collect_view()}
            </ol>
        })}
    }
}

fn field_value(d: &ArticleDraft, key: &str) -> String {
    match key {
        "slug" => d.slug.clone(),
        "title" => d.title.clone(),
        "summary" => d.summary.clone(),
        "category" => d.category.clone(),
        "tags" => d.tags.clone(),
        "related_items" => d.related_items.clone(),
        "body_md" => d.body_md.clone(),
        _ => d.state.clone(),
    }
}
