//! Synonym groups for knowledge editors: every group (live ones first, then retired), each
//! with a form to change its words and phrases, retire it or bring it back, and a form for a
//! new group. A query tried with a group as typed shows what search finds today and with it.
//! The list and the forms work without JavaScript (the forms post and come back here); the
//! filter, the checks as you type and the preview need it.

use super::{query_error, refusal_status};
use crate::api::synonyms::{preview_synonyms, synonym_groups, SaveSynonymGroup};
use crate::app::Hydrated;
use crate::components::error_notice::ErrorNotice;
use crate::components::role_gate::{PageFor, RoleGate};
use crate::components::search_box::kind_label;
use crate::domain::article::split_list;
use crate::domain::synonyms::check_group;
use crate::i18n::{i18n, t, t_with};
use crate::model::{AppError, SynonymGroupView, SynonymPreview};
use crate::pages::editor::KnowledgeTabs;
use crate::search::results::MAX_QUERY_CHARS;
use crate::search::ResultView;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn SynonymsPage() -> impl IntoView {
    view! { <RoleGate page_for=PageFor::ArticleEditors><SynonymsContent/></RoleGate> }
}

/// What the page's parts share: the list's reload, the filter, the query tried, and the one
/// preview shown (under the form that asked for it).
#[derive(Clone, Copy)]
struct PageState {
    /// Bumped after a save: the list is fetched again.
    reload: RwSignal<u32>,
    /// The group saved last, marked in the reloaded list.
    saved: RwSignal<Option<i64>>,
    /// The group whose form is open. Held here, not only by the `<details>`: a reloaded list
    /// is drawn into the rows already on the page, and a row left open would stay open over
    /// whichever group now sits in its place.
    open: RwSignal<Option<i64>>,
    filter: RwSignal<String>,
    trial: RwSignal<String>,
    preview: RwSignal<Option<Preview>>,
    /// Which preview request is the latest: an earlier answer arriving late is dropped.
    generation: StoredValue<u64>,
    hydrated: RwSignal<bool>,
}

/// The preview shown under the form of group `form` (0: the new group).
#[derive(Clone, Debug)]
struct Preview {
    form: i64,
    query: String,
    answer: PreviewAnswer,
}

#[derive(Clone, Debug)]
enum PreviewAnswer {
    NeedQuery,
    Waiting,
    Done(Result<SynonymPreview, AppError>),
}

#[component]
fn SynonymsContent() -> impl IntoView {
    let state = PageState {
        reload: RwSignal::new(0),
        saved: RwSignal::new(None),
        open: RwSignal::new(None),
        filter: RwSignal::new(String::new()),
        trial: RwSignal::new(String::new()),
        preview: RwSignal::new(None),
        generation: StoredValue::new(0),
        hydrated: expect_context::<Hydrated>().0,
    };
    let groups = Resource::new(move || state.reload.get(), |_| synonym_groups());
    let error = query_error();
    view! {
        <Title text=t("synonyms-title")/>
        <KnowledgeTabs current="/editor/synonyms"/>
        <h1 class="page-title">{t("synonyms-title")}</h1>
        <p class="page-intro">
            {t("synonyms-intro-1")} " " {t("synonyms-intro-2")}
        </p>
        {move || error.get().map(|e| view! { <div class="notice notice-error" role="alert" data-testid="page-error">{e}</div> })}
        <TrialQuery state/>
        <section class="new-record synonym-new" aria-labelledby="synonym-new-title" data-testid="new-group">
            <h2 id="synonym-new-title">{t("groups-new")}</h2>
            <GroupForm group=None state/>
        </section>
        <h2>{t("synonyms-groups")}</h2>
        <Transition fallback=|| view! { <p class="loading">{t("groups-loading")}</p> }>
            {move || Suspend::new(async move {
                match groups.await {
                    Err(e) => {
                        refusal_status(&e);
                        view! { <ErrorNotice error=e/> }.into_any()
                    }
                    Ok(list) => view! { <GroupList list state/> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// The query the previews try, once for the whole page.
#[component]
fn TrialQuery(state: PageState) -> impl IntoView {
    view! {
        <section class="synonym-trial">
            <div class="field">
                <label for="synonym-trial-q">{t("synonyms-try")}</label>
                <input id="synonym-trial-q" type="search" autocomplete="off"
                    maxlength=MAX_QUERY_CHARS.to_string()
                    placeholder="for example: pos drawer"
                    aria-describedby="synonym-trial-help"
                    prop:value=move || state.trial.get()
                    on:input=move |ev| state.trial.set(event_target_value(&ev))/>
                <p class="help" id="synonym-trial-help">
                    {t("synonyms-try-help")}
                </p>
            </div>
            <noscript><p class="notice">{t("synonyms-needs-js")}</p></noscript>
        </section>
    }
}

/// Live groups first, then retired ones, each in alphabetical order of its first phrase.
fn sorted(mut list: Vec<SynonymGroupView>) -> Vec<SynonymGroupView> {
    list.sort_by_cached_key(|g| {
        (
            g.retired,
            g.phrases
                .first()
                .map(|p| p.to_lowercase())
                .unwrap_or_default(),
        )
    });
    list
}

/// "48 groups, 2 retired".
fn count_text(total: usize, retired: usize) -> String {
    format!(
        "{total} group{}, {retired} retired",
        if total == 1 { "" } else { "s" }
    )
}

/// Whether a group shows for the filter text: some phrase contains it, ignoring case.
fn matches_filter(phrases: &[String], filter: &str) -> bool {
    let filter = filter.trim().to_lowercase();
    filter.is_empty() || phrases.iter().any(|p| p.to_lowercase().contains(&filter))
}

#[component]
fn GroupList(list: Vec<SynonymGroupView>, state: PageState) -> impl IntoView {
    let list = sorted(list);
    let total = list.len();
    let retired = list.iter().filter(|g| g.retired).count();
    let all_phrases: Vec<Vec<String>> = list.iter().map(|g| g.phrases.clone()).collect();
    let shown = Memo::new(move |_| {
        state
            .filter
            .with(|f| all_phrases.iter().filter(|p| matches_filter(p, f)).count())
    });
    let filtering = move || !state.filter.with(|f| f.trim().is_empty());
    // Shown once the page runs: without JavaScript the box could not filter anything.
    let filter_box = view! {
        <div class="filter-form synonym-filter" role="search" aria-label=t("synonyms-groups")
            hidden=move || !state.hydrated.get()>
            <div class="field">
                <label for="synonym-filter">{t("synonyms-find")}</label>
                <input id="synonym-filter" type="search" autocomplete="off"
                    placeholder="a word or phrase in the group"
                    aria-controls="synonym-groups"
                    prop:value=move || state.filter.get()
                    on:input=move |ev| state.filter.set(event_target_value(&ev))/>
            </div>
        </div>
    };
    if list.is_empty() {
        return view! {
            <div class="empty-state" data-testid="no-groups">
                <p>{t("synonyms-none")}</p>
            </div>
        }
        .into_any();
    }
    view! {
        {filter_box}
        <p class="muted" data-testid="group-count" aria-live="polite">
            {count_text(total, retired)}
            {move || filtering().then(|| format!(" · {} shown", shown.get()))}
        </p>
        <p class="empty-state" data-testid="no-match" hidden=move || { !filtering() || shown.get() > 0 }>
            {move || t_with("synonyms-no-match", &[("filter", state.filter.get().trim().into())])}
        </p>
        <ul class="admin-list synonym-list" id="synonym-groups" data-testid="group-list">
            {list.into_iter().map(|group| view! { <GroupRow group state/> }).collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
fn GroupRow(group: SynonymGroupView, state: PageState) -> impl IntoView {
    let id = group.id;
    let retired = group.retired;
    let phrases = group.phrases.clone();
    let hidden = move || state.filter.with(|f| !matches_filter(&phrases, f));
    let joined = group.phrases.join(", ");
    view! {
        <li class="synonym-group" class:retired=retired data-testid="synonym-group"
            data-id=id.to_string() data-retired=retired.to_string() hidden=hidden>
            <div class="synonym-head">
                <ul class="phrase-list" aria-label=t("synonyms-phrases")>
                    {group.phrases.iter().map(|p| view! { <li class="phrase">{p.clone()}</li> }).collect_view()}
                </ul>
                {retired.then(|| view! { <span class="state-badge state-retired" data-testid="retired">{t("admin-item-retired")}</span> })}
                {move || (state.saved.get() == Some(id)).then(|| view! {
                    <span class="saved-note" role="status" data-testid="saved">{t("synonyms-saved")}</span>
                })}
            </div>
            <details class="synonym-edit" prop:open=move || state.open.get() == Some(id)>
                <summary data-testid="edit-group" on:click=move |ev| {
                    // Without JavaScript the `<details>` opens by itself.
                    ev.prevent_default();
                    state.open.update(|open| *open = if *open == Some(id) { None } else { Some(id) });
                }>
                    {t("admin-edit")} <span class="visually-hidden">{format!(": {joined}")}</span>
                </summary>
                <GroupForm group=Some(group) state/>
            </details>
        </li>
    }
}

/// Why the last save of a form was refused, shown beside that form.
#[derive(Clone, Debug, PartialEq)]
enum Refusal {
    /// About the phrases: under the field.
    Field(String),
    /// Someone else saved the group first.
    Conflict(String),
    Other(String),
}

impl Refusal {
    fn of(error: &AppError) -> Self {
        match error {
            AppError::Invalid { fields } => Refusal::Field(
                fields
                    .get("phrases")
                    .or_else(|| fields.values().next())
                    .cloned()
                    .unwrap_or_else(|| error.to_string()),
            ),
            AppError::Conflict { message } => Refusal::Conflict(message.clone()),
            other => Refusal::Other(other.to_string()),
        }
    }
}

/// The form of one group: empty for a new one (id 0, revision 0). Saving posts to the server
/// function; with JavaScript the answer comes back here, without it the page is loaded again.
#[component]
fn GroupForm(group: Option<SynonymGroupView>, state: PageState) -> impl IntoView {
    let id = group.as_ref().map_or(0, |g| g.id);
    let revision = group.as_ref().map_or(0, |g| g.revision);
    let is_new = group.is_none();
    let retired = group.as_ref().is_some_and(|g| g.retired);
    let initial = group
        .as_ref()
        .map(|g| g.phrases.join(", "))
        .unwrap_or_default();
    let prefix = if is_new {
        "synonyms-new".to_string()
    } else {
        format!("synonyms-{id}")
    };
    let input_id = format!("{prefix}-phrases");
    let help_id = format!("{prefix}-help");
    let error_id = format!("{prefix}-error");

    let text = RwSignal::new(initial.clone());
    let edited = RwSignal::new(false);
    let refusal = RwSignal::new(None::<Refusal>);
    let added = RwSignal::new(None::<String>);
    let save = ServerAction::<SaveSynonymGroup>::new();
    let pending = save.pending();

    // The answer to a save made with JavaScript. Effects run in the browser only: without
    // JavaScript the server sends the person back to the page instead.
    Effect::new(move |_| match save.value().get() {
        Some(Ok(saved)) => {
            refusal.set(None);
            if is_new {
                text.set(String::new());
                edited.set(false);
                added.set(Some(saved.phrases.join(", ")));
            }
            state.saved.set(Some(saved.id));
            if !is_new {
                state.open.set(None);
            }
            state.reload.update(|n| *n += 1);
        }
        Some(Err(e)) => refusal.set(Some(Refusal::of(&e))),
        None => {}
    });

    // Checked as typed, with the rules the server applies again when it is sent.
    let live = Memo::new(move |_| {
        text.with(|t| check_group(&split_list(t)).err().map(|p| i18n().say(&p)))
    });
    let field_error = move || match refusal.get() {
        Some(Refusal::Field(message)) => Some(message),
        _ => edited.get().then(|| live.get()).flatten(),
    };
    let on_input = move |ev: leptos::ev::Event| {
        text.set(event_target_value(&ev));
        edited.set(true);
        refusal.set(None);
        added.set(None);
    };

    let run_preview = move |_| {
        let query = state.trial.get_untracked().trim().to_string();
        if query.is_empty() {
            state.preview.set(Some(Preview {
                form: id,
                query,
                answer: PreviewAnswer::NeedQuery,
            }));
            return;
        }
        state.generation.update_value(|g| *g += 1);
        let mine = state.generation.get_value();
        state.preview.set(Some(Preview {
            form: id,
            query: query.clone(),
            answer: PreviewAnswer::Waiting,
        }));
        let phrases = text.get_untracked();
        leptos::task::spawn_local(async move {
            let answer = preview_synonyms(query.clone(), id, phrases, false).await;
            // `try_`: the page may have been left while the server answered.
            if state.generation.try_get_value() != Some(mine) {
                return;
            }
            state.preview.try_set(Some(Preview {
                form: id,
                query,
                answer: PreviewAnswer::Done(answer),
            }));
        });
    };

    let described_by = format!("{help_id} {error_id}");
    let buttons = if is_new {
        view! {
            <button type="submit" class="btn btn-primary" disabled=move || pending.get()>{t("synonyms-add")}</button>
        }
        .into_any()
    } else if retired {
        // Save first: it is what Enter in the field does, and it keeps the group retired.
        view! {
            <button type="submit" class="btn btn-primary" name="retired" value="true" disabled=move || pending.get()>{t("problem-save")}</button>
            <button type="submit" class="btn" disabled=move || pending.get()>{t("synonyms-bring-back")}</button>
        }
        .into_any()
    } else {
        view! {
            <button type="submit" class="btn btn-primary" disabled=move || pending.get()>{t("problem-save")}</button>
            <button type="submit" class="btn" name="retired" value="true" disabled=move || pending.get()>{t("synonyms-retire")}</button>
        }
        .into_any()
    };

    view! {
        <ActionForm action=save attr:class="stack record-form synonym-form" attr:novalidate=true>
            <input type="hidden" name="id" value=id.to_string()/>
            <input type="hidden" name="revision" value=revision.to_string()/>
            <div class="field" class:has-error=move || field_error().is_some()>
                <label for=input_id.clone()>{t("synonyms-words")}</label>
                <input id=input_id name="phrases" type="text" autocomplete="off" required
                    value=initial
                    prop:value=move || text.get()
                    aria-describedby=described_by
                    aria-invalid=move || field_error().is_some().then_some("true")
                    on:input=on_input/>
                <p class="help" id=help_id>
                    {t("synonyms-words-help")}
                </p>
                <div aria-live="polite">
                    {move || field_error().map(|message| view! {
                        <p class="field-error" id=error_id.clone() data-testid="phrases-error">{message}</p>
                    })}
                </div>
            </div>
            {move || match refusal.get() {
                Some(Refusal::Conflict(message)) => Some(view! {
                    <div class="notice notice-error" role="alert" data-testid="group-conflict">
                        // The refusal says the way forward (`backend::stale`); the button is it.
                        <p>{message}</p>
                        <p>
                            <button type="button" class="btn btn-small"
                                on:click=move |_| state.reload.update(|n| *n += 1)>{t("synonyms-reload")}</button>
                        </p>
                    </div>
                }.into_any()),
                Some(Refusal::Other(message)) => Some(view! {
                    <div class="notice notice-error" role="alert" data-testid="group-error">{message}</div>
                }.into_any()),
                _ => None,
            }}
            {move || added.get().map(|phrases| view! {
                <p class="notice notice-success" role="status" data-testid="group-added">
                    {t_with("synonyms-added", &[("phrases", phrases.into())])}
                </p>
            })}
            <div class="form-actions">
                {buttons}
                <button type="button" class="btn btn-secondary" data-testid="preview-group"
                    disabled=move || !state.hydrated.get()
                    on:click=run_preview>{t("builder-preview")}</button>
                {move || pending.get().then(|| view! { <span class="loading" role="status">{t("synonyms-saving")}</span> })}
            </div>
        </ActionForm>
        <PreviewPanel form=id state/>
    }
}

/// The preview asked for from form `form`, if the last one was.
#[component]
fn PreviewPanel(form: i64, state: PageState) -> impl IntoView {
    move || {
        let shown = state
            .preview
            .with(|p| p.as_ref().filter(|p| p.form == form).cloned())?;
        let body = match shown.answer {
            PreviewAnswer::NeedQuery => view! {
                <p class="notice notice-info" role="status">
                    {t("synonyms-type-first")}
                </p>
            }
            .into_any(),
            PreviewAnswer::Waiting => {
                view! { <p class="loading" role="status">{t("synonyms-searching")}</p> }.into_any()
            }
            PreviewAnswer::Done(Err(e)) => view! {
                <div class="notice notice-error" role="alert">{preview_error(&e)}</div>
            }
            .into_any(),
            PreviewAnswer::Done(Ok(found)) => view! {
                <p class="help">{t("synonyms-marked-new")}</p>
                <PreviewColumns found/>
            }
            .into_any(),
        };
        Some(view! {
            <div class="synonym-preview-panel" data-testid="synonym-preview" aria-live="polite">
                {(!shown.query.is_empty()).then(|| view! {
                    <h3 class="synonym-preview-title">{t_with("synonyms-search-for", &[("query", shown.query.as_str().into())])}</h3>
                })}
                {body}
            </div>
        })
    }
}

fn preview_error(error: &AppError) -> String {
    error
        .field_errors()
        .and_then(|f| f.values().next().cloned())
        .unwrap_or_else(|| error.to_string())
}

#[component]
fn PreviewColumns(found: SynonymPreview) -> impl IntoView {
    let before: Vec<String> = found.now.iter().map(|r| r.url.clone()).collect();
    view! {
        <div class="synonym-preview">
            <PreviewColumn title=t("synonyms-today") testid="preview-now" results=found.now before=None/>
            <PreviewColumn title=t("synonyms-with-group") testid="preview-with-group" results=found.with_group before=Some(before)/>
        </div>
    }
}

/// One column of a preview. `before`: the results of today, to mark what only this one finds.
#[component]
fn PreviewColumn(
    title: String,
    testid: &'static str,
    results: Vec<ResultView>,
    before: Option<Vec<String>>,
) -> impl IntoView {
    let body = if results.is_empty() {
        view! { <p class="muted">{t("synonyms-nothing")}</p> }.into_any()
    } else {
        view! {
            <ol class="preview-results">
                {results.into_iter().map(|r| {
                    let new = before.as_ref().is_some_and(|b| !b.contains(&r.url));
                    view! {
                        <li class:only-new=new data-testid="preview-result" data-new=new.to_string()>
                            <a href=r.url.clone()>{r.title.clone()}</a>
                            " " <span class="result-kind">{kind_label(r.kind)}</span>
                            {new.then(|| view! { " " <span class="badge badge-new">{t("import-new")}</span> })}
                        </li>
                    }
                }).collect_view()}
            </ol>
        }
        .into_any()
    };
    view! {
        <section class="preview-column" aria-label=title.clone() data-testid=testid>
            <h4>{title.clone()}</h4>
            {body}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(id: i64, phrases: &[&str], retired: bool) -> SynonymGroupView {
        SynonymGroupView {
            id,
            phrases: phrases.iter().map(|p| p.to_string()).collect(),
            retired,
            revision: 1,
            updated_at: chrono::Utc::now(),
        }
    }

    #[test]
    fn live_groups_come_first_then_retired_ones() {
        let list = sorted(vec![
            group(1, &["shop", "store"], true),
            group(2, &["till", "register"], false),
            group(3, &["refund", "money back"], false),
        ]);
        let ids: Vec<i64> = list.iter().map(|g| g.id).collect();
        assert_eq!(ids, [3, 2, 1]);
    }

    #[test]
    fn the_filter_finds_a_phrase_by_part_ignoring_case() {
        let phrases = vec!["till".to_string(), "Cash register".to_string()];
        assert!(matches_filter(&phrases, "REGIST"));
        assert!(matches_filter(&phrases, "  "));
        assert!(!matches_filter(&phrases, "printer"));
    }

    #[test]
    fn the_count_names_groups_and_retired_ones() {
        assert_eq!(count_text(48, 2), "48 groups, 2 retired");
        assert_eq!(count_text(1, 0), "1 group, 0 retired");
    }
}
