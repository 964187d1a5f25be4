//! One catalog item in the editor: its details, its form in the form builder, a live preview
//! rendered by the very form component requesters use, and the actions on it (save as draft,
//! publish, clone, retire or restore). Building a form needs JavaScript (it changes as you
//! type); the page says so without it.

use super::admin_catalog::kind_word;
use super::refusal_status;
use crate::api::catalog_admin::{
    clone_item, item_for_edit, publish_item, save_item, set_item_retired,
};
use crate::components::admin_tabs::AdminTabs;
use crate::components::error_notice::ErrorNotice;
use crate::components::form_builder::{FormBuilder, FormRows};
use crate::components::item_translations::{target_languages, ItemTranslations};
use crate::components::request_form::RequestForm;
use crate::components::role_gate::{PageFor, RoleGate};
use crate::domain::priority::Priority;
use crate::domain::validation::FieldErrors;
use crate::domain::TicketKind;
use crate::i18n::{priority_label, t, t_with, Arg};
use crate::model::{AppError, ItemCard, ItemDetail, ItemDraft, ItemEditView, ItemRecord, Role};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

#[component]
pub fn ItemEditorPage() -> impl IntoView {
    view! { <RoleGate page_for=PageFor::CatalogEditors><ItemEditorContent/></RoleGate> }
}

#[component]
fn ItemEditorContent() -> impl IntoView {
    let params = use_params_map();
    let slug = Memo::new(move |_| params.read().get("slug"));
    let data = Resource::new(move || slug.get(), item_for_edit);
    let user = expect_context::<crate::app::CurrentUser>();
    view! {
        <Suspense fallback=|| view! { <p class="loading">{t("builder-opening")}</p> }>
            {move || Suspend::new(async move {
                let role = user.await.ok().flatten().map(|u| u.role);
                match data.await {
                    Err(e) => {
                        refusal_status(&e);
                        view! { <Title text=t("builder-not-available")/><ErrorNotice error=e/> }.into_any()
                    }
                    Ok(view) => view! {
                        <AdminTabs current="/admin/catalog" catalog_only=role != Some(Role::Admin)/>
                        <ItemEditor view/>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn detail_value(item: &ItemRecord, key: &str) -> String {
    match key {
        "name" => item.name.clone(),
        "slug" => item.slug.clone(),
        "summary" => item.summary.clone(),
        "icon" => item.icon.clone(),
        "keywords" => item.keywords.join(", "),
        "expected_delivery" => item.expected_delivery.clone(),
        "fulfilment_group" => item.fulfilment_group.clone(),
        "description" => item.description.clone(),
        _ => item.category.clone(),
    }
}

fn set_detail(item: &mut ItemRecord, key: &str, value: String) {
    match key {
        "name" => item.name = value,
        "slug" => item.slug = value,
        "summary" => item.summary = value,
        "icon" => item.icon = value,
        "keywords" => {
            item.keywords = value
                .split(',')
                .map(|k| k.trim().to_string())
                .filter(|k| !k.is_empty())
                .collect()
        }
        "expected_delivery" => item.expected_delivery = value,
        "fulfilment_group" => item.fulfilment_group = value,
        "description" => item.description = value,
        _ => item.category = value,
    }
}

/// The preview's item: what requesters would see, without stores, devices or a real key.
fn preview_detail(item: &ItemRecord, form: crate::domain::FormSchema) -> ItemDetail {
    ItemDetail {
        card: ItemCard {
            slug: format!("preview-{}", item.slug),
            name: item.name.clone(),
            summary: item.summary.clone(),
            icon: item.icon.clone(),
            category: item.category.clone(),
            kind: item.kind,
            keywords: item.keywords.clone(),
            requires_approval: item.requires_approval,
        },
        category_name: String::new(),
        description: item.description.clone(),
        description_html: String::new(),
        expected_delivery: item.expected_delivery.clone(),
        fulfilment_group: item.fulfilment_group.clone(),
        form_version: 0,
        form,
        stores: vec![],
        assets: vec![],
        submission_key: "preview-preview".into(),
        service: None,
    }
}

/// "Saved as a draft (revision 3)…", or "(copy)" for a copy; `saved` as the page's address
/// carries it.
fn saved_draft(saved: &str) -> String {
    let what = if saved == "copy" {
        t("builder-saved-copy")
    } else {
        t_with("builder-saved-revision", &[("revision", saved.into())])
    };
    t_with("builder-saved-draft", &[("saved", what.into())])
}

fn published_message(version: &str) -> String {
    t_with("builder-published", &[("version", version.into())])
}

#[component]
fn ItemEditor(view: ItemEditView) -> impl IntoView {
    let ItemEditView {
        item,
        form,
        revision,
        retired,
        published_version,
        has_draft,
        categories,
        groups,
        chains,
    } = view;
    let is_new = revision == 0;
    let title = if is_new {
        t("builder-new-item")
    } else {
        item.name.clone()
    };
    // The keywords are edited as typed; the record keeps them split.
    let keywords_text = RwSignal::new(item.keywords.join(", "));
    let item = RwSignal::new(item);
    let rows = FormRows::new(form);
    let revision = RwSignal::new(revision);
    let published = RwSignal::new(published_version);
    let has_draft = RwSignal::new(has_draft);
    let retired = RwSignal::new(retired);
    // What was last saved: the editor has unsaved changes while the screen differs from it.
    let snapshot = RwSignal::new((
        item.get_untracked(),
        rows.schema.get_untracked(),
        keywords_text.get_untracked(),
    ));
    let dirty = Memo::new(move |_| {
        snapshot.with(|(i, f, k)| {
            item.with(|now| now != i)
                || rows.schema.with(|now| now != f)
                || keywords_text.with(|now| now != k)
        })
    });
    let mark_saved = move || {
        snapshot.set((
            item.get_untracked(),
            rows.schema.get_untracked(),
            keywords_text.get_untracked(),
        ))
    };
    let translation_language = RwSignal::new(
        target_languages()
            .first()
            .copied()
            .unwrap_or_default()
            .to_string(),
    );
    let preview_translated = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let server_errors = RwSignal::new(FieldErrors::new());
    let message = RwSignal::new(None::<(bool, String)>);
    let query = use_query_map();
    if let Some(saved) = query.read_untracked().get("saved") {
        message.set(Some((true, saved_draft(&saved))));
    }
    if let Some(version) = query.read_untracked().get("published") {
        message.set(Some((true, published_message(&version))));
    }

    let error_of = move |key: &str| server_errors.with(|e| e.get(key).cloned());
    let clear_error = move |key: &str| {
        server_errors.update(|e| {
            e.remove(key);
        })
    };

    let draft = move || ItemDraft {
        item: ItemRecord {
            keywords: keywords_text
                .get_untracked()
                .split(',')
                .map(|k| k.trim().to_string())
                .filter(|k| !k.is_empty())
                .collect(),
            ..item.get_untracked()
        },
        form: rows.schema.get_untracked(),
        revision: revision.get_untracked(),
    };
    let show_failure = move |e: AppError| match e.field_errors() {
        Some(fields) => {
            server_errors.set(fields.clone());
            message.set(Some((
                false,
                t_with("builder-to-fix", &[("count", Arg::count(fields.len()))]),
            )));
        }
        None => message.set(Some((false, e.to_string()))),
    };
    let navigate = use_navigate();

    // Saves the draft; then, with `publish`, makes it live.
    let run = move |publish: bool| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        message.set(None);
        let draft = draft();
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            let needs_save =
                dirty.get_untracked() || draft.revision == 0 || !has_draft.get_untracked();
            let mut result = if needs_save {
                save_item(draft.clone()).await
            } else {
                Ok(crate::model::ItemSaved {
                    slug: draft.item.slug.clone(),
                    revision: draft.revision,
                    published_version: published.get_untracked(),
                })
            };
            if let Ok(saved) = &result {
                revision.set(saved.revision);
                mark_saved();
                has_draft.set(true);
                server_errors.set(FieldErrors::new());
                if publish {
                    result = publish_item(saved.slug.clone(), saved.revision).await;
                }
            }
            busy.set(false);
            match result {
                Ok(saved) if publish => {
                    revision.set(saved.revision);
                    published.set(saved.published_version);
                    has_draft.set(false);
                    if draft.revision == 0 {
                        // The new item's own page, which says what happened.
                        navigate(
                            &format!(
                                "/admin/catalog/{}?published={}",
                                saved.slug, saved.published_version
                            ),
                            Default::default(),
                        );
                    } else {
                        message.set(Some((
                            true,
                            published_message(&saved.published_version.to_string()),
                        )));
                    }
                }
                Ok(saved) => {
                    if draft.revision == 0 {
                        navigate(
                            &format!("/admin/catalog/{}?saved={}", saved.slug, saved.revision),
                            Default::default(),
                        );
                    } else {
                        message.set(Some((true, saved_draft(&saved.revision.to_string()))));
                    }
                }
                Err(e) => show_failure(e),
            }
        });
    };
    let run = StoredValue::new(run);

    let toggle_retired = move |_| {
        let slug = item.with_untracked(|i| i.slug.clone());
        let to = !retired.get_untracked();
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = set_item_retired(slug, to, revision.get_untracked()).await;
            busy.set(false);
            match result {
                Ok(saved) => {
                    revision.set(saved.revision);
                    retired.set(to);
                    message.set(Some((
                        true,
                        if to {
                            t("builder-retired-now")
                        } else {
                            t("builder-restored")
                        },
                    )));
                }
                Err(e) => show_failure(e),
            }
        });
    };
    let clone_slug = RwSignal::new(String::new());
    let clone_nav = use_navigate();
    let do_clone = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let slug = item.with_untracked(|i| i.slug.clone());
        let new_slug = clone_slug.get_untracked();
        let navigate = clone_nav.clone();
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = clone_item(slug, new_slug).await;
            busy.set(false);
            match result {
                Ok(saved) => navigate(
                    &format!("/admin/catalog/{}?saved=copy", saved.slug),
                    Default::default(),
                ),
                Err(e) => show_failure(e),
            }
        });
    };

    let text_field = move |key: &'static str, label: String, help: String| {
        let id = format!("item-{key}");
        let value = move || {
            if key == "keywords" {
                keywords_text.get()
            } else {
                item.with(|i| detail_value(i, key))
            }
        };
        view! {
            <div class="field">
                <label for=id.clone()>{label}</label>
                <input id=id type="text" prop:value=value
                    readonly=move || key == "slug" && !is_new
                    list=(key == "fulfilment_group").then_some("known-groups")
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        if key == "keywords" {
                            keywords_text.set(v);
                        } else {
                            item.update(|i| set_detail(i, key, v));
                        }
                        clear_error(key);
                    }/>
                <p class="help">{help}</p>
                {move || error_of(key).map(|e| view! { <p class="field-error" role="alert" data-testid=format!("error-{key}")>{e}</p> })}
            </div>
        }
    };

    let status = move || {
        if retired.get() {
            t("builder-status-retired")
        } else if published.get() == 0 {
            t("builder-status-unpublished")
        } else if has_draft.get() || dirty.get() {
            t_with(
                "builder-status-draft",
                &[("version", published.get().into())],
            )
        } else {
            t_with(
                "builder-status-live",
                &[("version", published.get().into())],
            )
        }
    };
    let category_options = categories
        .iter()
        .map(|c| {
            let label = format!("{}{}", "— ".repeat(c.depth as usize), c.category.name);
            (c.category.slug.clone(), label)
        })
        .collect::<Vec<_>>();
    let preview = move || {
        let problems = rows.problems.get();
        if !problems.is_empty() {
            return view! {
                <p class="notice" data-testid="preview-blocked">{t("builder-preview-blocked")}</p>
            }
            .into_any();
        }
        let detail = item.with(|i| {
            let mut detail = preview_detail(i, rows.schema.get());
            if preview_translated.get() {
                if let Some(words) = i.translations.get(&translation_language.get()) {
                    detail.translate(words);
                }
            }
            detail
        });
        view! { <RequestForm detail user_id=0 postback=None preview=true/> }.into_any()
    };

    view! {
        <Title text=title.clone()/>
        <h1 class="page-title">{title}</h1>
        <noscript><p class="notice">{t("builder-needs-js")}</p></noscript>
        <p class="muted" data-testid="item-status">{status}</p>
        {move || message.get().map(|(ok, text)| {
            let class = if ok { "notice notice-success" } else { "notice notice-error" };
            view! { <div class=class role="status" data-testid="item-message">{text}</div> }
        })}
        <datalist id="known-groups">
            {groups.into_iter().map(|g| view! { <option value=g></option> }).collect_view()}
        </datalist>
        <form class="stack item-editor" novalidate on:submit=move |ev| { ev.prevent_default(); run.with_value(|r| r(false)); }>
            <h2>{t("builder-details")}</h2>
            {text_field("name", t("admin-name"), t("builder-name-help"))}
            {text_field("slug", t("admin-slug"), t("builder-slug-help"))}
            {text_field("summary", t("builder-summary"), t("builder-summary-help"))}
            {text_field("icon", t("admin-icon"), t("builder-icon-help"))}
            <div class="field">
                <label for="item-category">{t("queue-category")}</label>
                <select id="item-category" on:change=move |ev| { item.update(|i| i.category = event_target_value(&ev)); clear_error("category"); }>
                    {category_options.into_iter().map(|(slug, label)| {
                        let selected = item.with_untracked(|i| i.category == slug);
                        view! { <option value=slug selected=selected>{label}</option> }
                    }).collect_view()}
                </select>
                {move || error_of("category").map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
            </div>
            <div class="field">
                <label for="item-kind">{t("admin-device-kind")}</label>
                <select id="item-kind" on:change=move |ev| item.update(|i| i.kind = TicketKind::parse(&event_target_value(&ev)).unwrap_or(TicketKind::Request))>
                    {[TicketKind::Request, TicketKind::Incident].into_iter().map(|k| {
                        let selected = item.with_untracked(|i| i.kind == k);
                        view! { <option value=k.as_str() selected=selected>{kind_word(k)}</option> }
                    }).collect_view()}
                </select>
                <p class="help">{t("builder-kind-help")}</p>
            </div>
            {text_field("keywords", t("builder-keywords"), t("builder-keywords-help"))}
            {text_field("expected_delivery", t("builder-delivery"), t("builder-delivery-help"))}
            {text_field("fulfilment_group", t("builder-group"), t("builder-group-help"))}
            <div class="field">
                <label for="item-sla">{t("builder-service-level")}</label>
                <select id="item-sla" on:change=move |ev| item.update(|i| i.sla_priority = Priority::parse(&event_target_value(&ev)))>
                    <option value="" selected=item.with_untracked(|i| i.sla_priority.is_none())>{t("builder-default-level")}</option>
                    {Priority::ALL.into_iter().map(|p| {
                        let selected = item.with_untracked(|i| i.sla_priority == Some(p));
                        view! { <option value=p.as_str() selected=selected>{priority_label(p)}</option> }
                    }).collect_view()}
                </select>
                <p class="help">{t("builder-service-level-help")}</p>
            </div>
            <div class="field checkbox-field">
                <input id="item-approval" type="checkbox" prop:checked=move || item.with(|i| i.requires_approval)
                    on:change=move |ev| item.update(|i| i.requires_approval = event_target_checked(&ev))/>
                <label for="item-approval">{t("builder-approval")}</label>
            </div>
            <div class="field">
                <label for="item-chain">{t("builder-chain")}</label>
                <select id="item-chain" on:change=move |ev| {
                    let key = event_target_value(&ev);
                    item.update(|i| i.approval_chain = (!key.is_empty()).then_some(key));
                    clear_error("approval_chain");
                }>
                    <option value="" selected=item.with_untracked(|i| i.approval_chain.is_none())>{t("builder-chain-manager")}</option>
                    {chains.into_iter().map(|(key, name)| {
                        let selected = item.with_untracked(|i| i.approval_chain.as_deref() == Some(key.as_str()));
                        view! { <option value=key selected=selected>{name}</option> }
                    }).collect_view()}
                </select>
                <p class="help">{t("builder-chain-help")}</p>
                {move || error_of("approval_chain").map(|e| view! { <p class="field-error" role="alert" data-testid="error-approval_chain">{e}</p> })}
            </div>
            <div class="field">
                <label for="item-description">{t("builder-description")}</label>
                <textarea id="item-description" rows="6"
                    prop:value=move || item.with(|i| i.description.clone())
                    on:input=move |ev| { item.update(|i| i.description = event_target_value(&ev)); clear_error("description"); }></textarea>
                {move || error_of("description").map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
            </div>
            <h2>{t("builder-form")}</h2>
            <FormBuilder rows server_errors/>
            <ItemTranslations item schema=rows.schema server_errors language=translation_language preview_translated/>
            <div class="form-actions sticky-actions">
                <button type="submit" class="btn" disabled=move || busy.get() data-testid="save-item">{t("builder-save-draft")}</button>
                <button type="button" class="btn btn-primary" disabled=move || busy.get() data-testid="publish-item"
                    on:click=move |_| run.with_value(|r| r(true))>{t("builder-publish")}</button>
            </div>
        </form>
        <section class="preview form-preview" aria-label=t("builder-preview") data-testid="form-preview">
            <h2>{t("builder-preview-title")}</h2>
            {preview}
        </section>
        {(!is_new).then(|| view! {
            <h2>{t("builder-more")}</h2>
            <form class="inline-form" on:submit=do_clone>
                <div class="field">
                    <label for="clone-slug">{t("builder-copy-as")}</label>
                    <input id="clone-slug" type="text" placeholder=t("builder-copy-example")
                        prop:value=move || clone_slug.get() on:input=move |ev| clone_slug.set(event_target_value(&ev))/>
                </div>
                <div class="form-actions"><button type="submit" class="btn" disabled=move || busy.get() data-testid="clone-item">{t("builder-copy")}</button></div>
            </form>
            <p>
                <button type="button" class="btn" disabled=move || busy.get() data-testid="retire-item" on:click=toggle_retired>
                    {move || if retired.get() { t("builder-restore") } else { t("builder-retire") }}
                </button>
            </p>
        })}
    }
}
