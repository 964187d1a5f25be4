//! The knowledge editors' pages: every article with its state and reader figures, a new
//! article (its title and first line given by `?title=` when it answers a search nobody found
//! anything for), and one article with live preview, revisions and what people typed before it
//! helped them. Editing needs the WebAssembly (the preview and the checks run as you type);
//! reading the list, and removing what people typed, does not. The synonym groups search
//! applies (`pages/synonyms.rs`) and what nobody found (`pages/unanswered.rs`) sit beside the
//! list.

use crate::api::editor::{
    article_evidence, article_for_edit, editor_articles, preview_article, save_article,
    RemoveEvidence,
};
use crate::components::error_notice::ErrorNotice;
use crate::components::role_gate::{PageFor, RoleGate};
use crate::domain::article::{
    slug_from_title, validate_article, ArticleDraft, KNOWN_CATEGORIES, MAX_TITLE,
};
use crate::domain::validation::FieldErrors;
use crate::i18n::{i18n, t, t_with, LANGUAGES};
use crate::model::{
    AppError, ArticleEditView, ArticleListView, ArticleVersion, EvidenceSource, EvidenceView,
    RevisionView,
};
use crate::pages::{query_error, when};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

const PREVIEW_DELAY_MS: u32 = 400;

/// The knowledge editors' lists, one tab each.
fn knowledge_pages() -> [(&'static str, String); 3] {
    [
        ("/editor/articles", t("editor-tab-articles")),
        ("/editor/synonyms", t("editor-tab-synonyms")),
        ("/editor/unanswered", t("editor-tab-unanswered")),
    ]
}

/// Tabs between the knowledge editors' lists; `current` is the page's own path.
#[component]
pub fn KnowledgeTabs(current: &'static str) -> impl IntoView {
    view! {
        <nav class="admin-tabs" aria-label=t("editor-tabs-label")>
            {knowledge_pages().into_iter().map(|(href, label)| {
                let here = href == current;
                view! {
                    <a href=href aria-current=here.then_some("page") class:current=here>{label}</a>
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
        <Title text=t("editor-articles-title")/>
        <KnowledgeTabs current="/editor/articles"/>
        <div class="page-head">
            <h1 class="page-title">{t("editor-articles-title")}</h1>
            <a class="btn btn-primary" href="/editor/articles/new" data-testid="new-article">{t("editor-new-article")}</a>
        </div>
        <Suspense fallback=|| view! { <p class="loading">{t("editor-loading-articles")}</p> }>
            {move || Suspend::new(async move {
                match list.await {
                    Err(e) => view! { <ErrorNotice error=e/> }.into_any(),
                    Ok(rows) if rows.is_empty() => view! {
                        <div class="empty-state"><p>{t("editor-no-articles-before")} " " <code>"server kb-import"</code>"."</p></div>
                    }.into_any(),
                    Ok(rows) => view! {
                        <table class="data-table" data-testid="article-list">
                            <thead><tr><th>{t("dashboard-article")}</th><th>{t("editor-state")}</th><th>{t("editor-updated")}</th><th>{t("editor-read")}</th><th>{t("editor-helpful")}</th></tr></thead>
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
            <td><span class=format!("state-badge state-{}", r.state)>{t_with("article-state", &[("state", r.state.as_str().into())])}</span></td>
            <td>{t_with("editor-rev", &[("when", when(&r.updated_at).into()), ("revision", r.revision.into())])}</td>
            <td>{r.views}</td>
            <td>{t_with("editor-votes", &[("yes", r.helpful.into()), ("no", r.not_helpful.into())])}</td>
        </tr>
    }
}

#[component]
pub fn NewArticlePage() -> impl IntoView {
    view! { <RoleGate page_for=PageFor::ArticleEditors><NewArticleContent/></RoleGate> }
}

/// What starts a new article: a search nobody found anything for (`?title=`, from that list),
/// or the article it translates and the language (`?translation_of=…&locale=…`, from an
/// article's "Translate into" links).
#[derive(Default)]
struct Start<'a> {
    searched: Option<&'a str>,
    translation_of: Option<&'a str>,
    locale: Option<&'a str>,
}

/// A new article's draft, written in `start.locale`, else the editor's own language. A search
/// gives the title (and the slug made from it, which follows the title until the editor changes
/// it) and a first line that keeps in view what people searched for.
fn new_draft(start: Start, editor_locale: &str) -> ArticleDraft {
    let locale = start
        .locale
        .filter(|l| LANGUAGES.contains(l))
        .unwrap_or(editor_locale);
    let mut draft = ArticleDraft {
        state: "draft".into(),
        locale: locale.to_string(),
        translation_of: start.translation_of.unwrap_or_default().trim().to_string(),
        ..ArticleDraft::default()
    };
    let searched = start.searched;
    // One line, as a title field holds it: the address may carry tabs or line breaks.
    let searched = searched
        .unwrap_or_default()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if searched.is_empty() {
        return draft;
    }
    let title: String = searched.chars().take(MAX_TITLE).collect();
    draft.title = title.trim_end().to_string();
    draft.slug = slug_from_title(&draft.title);
    draft.body_md = format!(
        "{}\n\n",
        t_with(
            "editor-people-searched",
            &[("query", searched.as_str().into())]
        )
    );
    draft
}

#[component]
fn NewArticleContent() -> impl IntoView {
    let query = use_query_map();
    let draft = query.with_untracked(|q| {
        let start = Start {
            searched: q.get_str("title"),
            translation_of: q.get_str("translation_of"),
            locale: q.get_str("locale"),
        };
        new_draft(start, i18n().locale())
    });
    view! {
        <Title text=t("editor-new-article")/>
        <h1 class="page-title">{t("editor-new-article")}</h1>
        <ArticleEditor draft base_revision=0 revisions=Vec::new() versions=Vec::new()/>
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
    // Made here beside the article, not in its section: every removal fetches the list again.
    let remove = ServerAction::<RemoveEvidence>::new();
    let evidence = Resource::new(
        move || (slug(), remove.version().get()),
        |(slug, _)| article_evidence(slug),
    );
    view! {
        <Suspense fallback=|| view! { <p class="loading">{t("editor-loading-article")}</p> }>
            {move || Suspend::new(async move {
                match found.await {
                    Err(e) => view! { <Title text=t("builder-not-available")/><ErrorNotice error=e/> }.into_any(),
                    Ok(ArticleEditView { draft, revision, views, revisions, versions }) => {
                        let slug = draft.slug.clone();
                        view! {
                            <Title text=t_with("editor-edit-title", &[("title", draft.title.as_str().into())])/>
                            <h1 class="page-title">{t("editor-edit-article")}</h1>
                            <p class="muted">
                                <a href=format!("/kb/{}", draft.slug)>"/kb/" {draft.slug.clone()}</a>
                                " · read " {views} " times"
                            </p>
                            <ArticleEditor draft base_revision=revision revisions versions/>
                            <EvidenceSection slug evidence remove/>
                        }.into_any()
                    }
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
    versions: Vec<ArticleVersion>,
) -> impl IntoView {
    let translations = translations_view(&draft, &versions, base_revision > 0);
    let is_new = base_revision == 0;
    let draft = RwSignal::new(draft);
    let base = RwSignal::new(base_revision);
    let slug_edited = RwSignal::new(!is_new);
    let show_errors = RwSignal::new(false);
    let server_errors = RwSignal::new(FieldErrors::new());
    let message = RwSignal::new(None::<(bool, String)>);
    let saving = RwSignal::new(false);
    let live_errors = Memo::new(move |_| {
        draft.with(|d| {
            validate_article(d, None, LANGUAGES)
                .err()
                .map(|problems| i18n().say_each(&problems))
                .unwrap_or_default()
        })
    });
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
        message.set(Some((
            true,
            t_with("editor-saved-as", &[("revision", rev.as_str().into())]),
        )));
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
                        preview_note.try_set(Some(t_with(
                            "editor-preview-failed",
                            &[("reason", e.to_string().into())],
                        )));
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
            "locale" => d.locale = value,
            "translation_of" => d.translation_of = value,
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
            message.set(Some((false, t("editor-look-again"))));
            crate::components::focus::first_invalid_in(".article-form");
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
                    message.set(Some((
                        true,
                        t_with("editor-saved-as", &[("revision", revision.into())]),
                    )));
                }
                Err(e) => {
                    if let Some(fields) = e.field_errors() {
                        server_errors.set(fields.clone());
                        message.set(Some((false, t("editor-look-again"))));
                        crate::components::focus::first_invalid_in(".article-form");
                    } else {
                        message.set(Some((false, e.to_string())));
                    }
                }
            }
        });
    };

    let text_field = move |key: &'static str, label: String, hint: String| {
        let id = format!("article-{key}");
        let value = move || draft.with(|d| field_value(d, key));
        view! {
            <div class="field">
                <label for=id.clone()>{label}</label>
                <input id=id type="text" name=key prop:value=value
                    aria-invalid=move || error_of(key).is_some().then_some("true")
                    aria-describedby=format!("article-{key}-help article-{key}-error")
                    readonly=move || key == "slug" && !is_new
                    list=if key == "category" { Some("article-categories") } else { None }
                    on:input=move |ev| set(key, event_target_value(&ev))/>
                <p class="help" id=format!("article-{key}-help")>{hint}</p>
                {move || error_of(key).map(|e| view! { <p class="field-error" id=format!("article-{key}-error") data-testid=format!("error-{key}")>{e}</p> })}
            </div>
        }
    };

    view! {
        <noscript><p class="notice">{t("editor-needs-js")}</p></noscript>
        {move || message.get().map(|(ok, text)| {
            let class = if ok { "notice notice-success" } else { "notice notice-error" };
            view! { <div class=class role="status" data-testid="editor-message">{text}</div> }
        })}
        <div class="editor-layout">
            <form class="stack article-form" on:submit=on_submit novalidate>
                {text_field("title", t("editor-title"), t("editor-title-help"))}
                {text_field("slug", t("admin-slug"), t("editor-slug-help"))}
                {text_field("summary", t("builder-summary"), t("editor-summary-help"))}
                {text_field("category", t("queue-category"), t("editor-category-help"))}
                <datalist id="article-categories">
                    {KNOWN_CATEGORIES.iter().map(|c| view! { <option value=*c></option> }).collect_view()}
                </datalist>
                {text_field("tags", t("editor-tags"), t("builder-keywords-help"))}
                {text_field("related_items", t("editor-related"), t("editor-related-help"))}
                <div class="field">
                    <label for="article-body_md">{t("editor-body")}</label>
                    <textarea id="article-body_md" name="body_md" rows="16" class="mono"
                        aria-invalid=move || error_of("body_md").is_some().then_some("true")
                        aria-describedby="article-body_md-error"
                        prop:value=move || draft.with(|d| d.body_md.clone())
                        on:input=move |ev| set("body_md", event_target_value(&ev))></textarea>
                    {move || error_of("body_md").map(|e| view! { <p class="field-error" id="article-body_md-error" data-testid="error-body_md">{e}</p> })}
                </div>
                <div class="field">
                    <label for="article-locale">{t("builder-language")}</label>
                    <select id="article-locale" name="locale"
                        aria-invalid=move || error_of("locale").is_some().then_some("true")
                        aria-describedby="article-locale-error"
                        prop:value=move || draft.with(|d| d.locale.clone())
                        on:change=move |ev| set("locale", event_target_value(&ev))>
                        {LANGUAGES.iter().map(|l| view! { <option value=*l>{i18n().language_name(l)}</option> }).collect_view()}
                    </select>
                    {move || error_of("locale").map(|e| view! { <p class="field-error" id="article-locale-error" data-testid="error-locale">{e}</p> })}
                </div>
                {text_field("translation_of", t("editor-translation-of"), t("editor-translation-of-help"))}
                {translations}
                <div class="field">
                    <label for="article-state">{t("editor-state")}</label>
                    <select id="article-state" name="state"
                        prop:value=move || draft.with(|d| d.state.clone())
                        on:change=move |ev| set("state", event_target_value(&ev))>
                        <option value="draft">{t("editor-state-draft")}</option>
                        <option value="published">{t("editor-state-published")}</option>
                        <option value="retired">{t("editor-state-retired")}</option>
                    </select>
                </div>
                <div class="form-actions">
                    <button type="submit" class="btn btn-primary" disabled=move || saving.get() data-testid="save-article">
                        {move || if saving.get() { t("editor-saving") } else { t("problem-save") }}
                    </button>
                </div>
            </form>
            <section class="preview" aria-label=t("builder-preview")>
                <h2>{t("builder-preview")}</h2>
                {move || preview_note.get().map(|n| view! { <p class="muted">{n}</p> })}
                <div class="article-body" data-testid="article-preview" inner_html=move || preview.get()></div>
            </section>
        </div>
        {(!revisions.is_empty()).then(|| view! {
            <h2>{t("editor-revisions")}</h2>
            <ol class="revision-list" data-testid="revisions">
                {revisions.into_iter().map(|r| view! {
                    <li>{t_with("editor-revision", &[("revision", r.revision.into())])} " · " {if r.state.is_empty() { "—".to_string() } else { r.state }}
                        " · " {r.author} " · " {when(&r.created_at)} " · " {r.title}</li>
                }).collect_view()}
            </ol>
        })}
    }
}

/// What people typed before this article helped them, newest first, each with a button that
/// takes it out of what search learns. The buttons are plain form posts: without JavaScript the
/// server sends the editor back here (`#evidence`); with it, the list is fetched again.
#[component]
fn EvidenceSection(
    slug: String,
    evidence: Resource<Result<Vec<EvidenceView>, AppError>>,
    remove: ServerAction<RemoveEvidence>,
) -> impl IntoView {
    // A removal refused without JavaScript comes back as `?error=`.
    let posted_error = query_error();
    let outcome = move || match remove.value().get() {
        Some(Ok(())) => Some(
            view! {
                <p class="notice notice-success" role="status" data-testid="evidence-removed">
                    {t("editor-removed")}
                </p>
            }
            .into_any(),
        ),
        Some(Err(e)) => Some(view! { <EvidenceError error=e/> }.into_any()),
        None => None,
    };
    view! {
        <section id="evidence" class="evidence" aria-labelledby="evidence-title" data-testid="evidence">
            <h2 id="evidence-title">{t("editor-evidence-title")}</h2>
            <p class="help">
                {t("editor-evidence-help")}
            </p>
            {move || posted_error.get().map(|message| view! {
                <div class="notice notice-error" role="alert" data-testid="evidence-error">{message}</div>
            })}
            <div aria-live="polite">{outcome}</div>
            <Transition fallback=|| view! { <p class="loading">{t("editor-loading-evidence")}</p> }>
                {move || {
                    let slug = slug.clone();
                    Suspend::new(async move {
                        match evidence.await {
                            Err(e) => view! { <EvidenceError error=e/> }.into_any(),
                            Ok(rows) if rows.is_empty() => view! {
                                <div class="empty-state" data-testid="no-evidence">
                                    <p>{t("editor-no-evidence")}</p>
                                </div>
                            }
                            .into_any(),
                            Ok(rows) => view! {
                                <ul class="admin-list evidence-list" data-testid="evidence-list">
                                    {rows.into_iter().map(|row| view! {
                                        <EvidenceRow row slug=slug.clone() remove/>
                                    }).collect_view()}
                                </ul>
                            }
                            .into_any(),
                        }
                    })
                }}
            </Transition>
        </section>
    }
}

/// Beside the list, not over the page: the article itself is still there to edit.
#[component]
fn EvidenceError(error: AppError) -> impl IntoView {
    view! { <div class="notice notice-error" role="alert" data-testid="evidence-error">{error.to_string()}</div> }
}

#[component]
fn EvidenceRow(
    row: EvidenceView,
    slug: String,
    remove: ServerAction<RemoveEvidence>,
) -> impl IntoView {
    let outcome = match (row.source, row.solved) {
        (EvidenceSource::Search, _) => t("editor-evidence-search"),
        (_, true) => t("editor-evidence-solved"),
        (_, false) => t("editor-evidence-opened"),
    };
    let pending = remove.pending();
    view! {
        <li class="evidence-row" data-testid="evidence-row" data-id=row.id.to_string() data-source=row.source.as_str() data-solved=row.solved.to_string()>
            <p class="evidence-query">
                <strong>{row.query.clone()}</strong><br/>
                <span class="muted">{outcome} " · " {when(&row.at)}</span>
            </p>
            <ActionForm action=remove attr:class="inline-form">
                <input type="hidden" name="slug" value=slug/>
                <input type="hidden" name="source" value=row.source.as_str()/>
                <input type="hidden" name="id" value=row.id.to_string()/>
                <button type="submit" class="btn btn-small" disabled=move || pending.get()>
                    {t("groups-remove")} <span class="visually-hidden">{format!(": “{}”", row.query)}</span>
                </button>
            </ActionForm>
        </li>
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
        "locale" => d.locale.clone(),
        "translation_of" => d.translation_of.clone(),
        _ => d.state.clone(),
    }
}

/// The article's group of translations: links to the other versions, and to start one in each
/// language it lacks (a `saved` original only: translations translate the original, and a
/// translation needs its original stored).
fn translations_view(
    draft: &ArticleDraft,
    versions: &[ArticleVersion],
    saved: bool,
) -> impl IntoView {
    let original = saved && draft.translation_of.trim().is_empty();
    let existing = !versions.is_empty();
    let links = versions
        .iter()
        .map(|v| {
            view! {
                <li><a href=format!("/editor/articles/{}", v.slug)>{v.title.clone()}</a>
                    " (" {i18n().language_name(&v.locale)} ")"</li>
            }
        })
        .collect_view();
    let missing: Vec<&str> = LANGUAGES
        .iter()
        .copied()
        .filter(|l| *l != draft.locale && !versions.iter().any(|v| v.locale == *l))
        .collect();
    let start = original.then(|| {
        missing
            .into_iter()
            .map(|l| {
                view! {
                    <li><a data-testid=format!("translate-{l}")
                        href=format!("/editor/articles/new?translation_of={}&locale={l}", draft.slug)>
                        {t_with("editor-translate-into", &[("language", i18n().language_name(l).into())])}</a></li>
                }
            })
            .collect_view()
    });
    view! {
        <div class="field" data-testid="translations">
            {existing.then(|| view! { <p class="help">{t("editor-other-languages")}</p><ul>{links}</ul> })}
            {start.map(|s| view! { <ul>{s}</ul> })}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_a_search_the_new_article_starts_empty() {
        let empty = ArticleDraft {
            state: "draft".into(),
            ..ArticleDraft::default()
        };
        let searched = |s| Start {
            searched: Some(s),
            ..Start::default()
        };
        let empty = ArticleDraft {
            locale: "en".into(),
            ..empty
        };
        assert_eq!(new_draft(Start::default(), "en"), empty);
        assert_eq!(new_draft(searched("  \t "), "en"), empty);
    }

    #[test]
    fn a_search_gives_the_title_slug_and_first_line() {
        let draft = new_draft(
            Start {
                searched: Some("  zorblax\n quuxinator "),
                ..Start::default()
            },
            "de",
        );
        assert_eq!(draft.locale, "de", "the editor's own language");
        assert_eq!(draft.title, "zorblax quuxinator");
        assert_eq!(draft.slug, "zorblax-quuxinator");
        assert_eq!(
            draft.body_md,
            "People searched for: \"zorblax quuxinator\"\n\n"
        );
        assert_eq!(draft.state, "draft");
        assert!(draft.summary.is_empty() && draft.category.is_empty());
    }

    #[test]
    fn a_translation_starts_linked_to_its_original_in_its_language() {
        let draft = new_draft(
            Start {
                translation_of: Some("printer-offline"),
                locale: Some("de"),
                ..Start::default()
            },
            "en",
        );
        assert_eq!(draft.translation_of, "printer-offline");
        assert_eq!(draft.locale, "de");
        // A language the portal has no file for is not taken from the address.
        let unknown = new_draft(
            Start {
                locale: Some("xx"),
                ..Start::default()
            },
            "en",
        );
        assert_eq!(unknown.locale, "en");
    }

    #[test]
    fn a_long_search_is_cut_to_the_longest_title() {
        let long = "é".repeat(MAX_TITLE + 30);
        let draft = new_draft(
            Start {
                searched: Some(&long),
                ..Start::default()
            },
            "en",
        );
        assert_eq!(draft.title.chars().count(), MAX_TITLE);
        assert!(
            draft.body_md.contains(&long),
            "the first line keeps all of it"
        );
    }
}
