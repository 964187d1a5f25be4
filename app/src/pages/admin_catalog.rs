//! The catalog for its editors: the items (search, page by page, with whether each is live, a
//! draft or retired) and the categories as a tree, each editable in place, plus a form for a
//! new category. The lists and the category forms work without JavaScript; the item editor
//! (`admin_item`) needs it.

use super::refusal_status;
use crate::api::catalog_admin::{admin_categories, admin_items, SaveCategory};
use crate::components::admin_tabs::AdminListHeading;
use crate::components::error_notice::ErrorNotice;
use crate::components::pager::Pager;
use crate::components::role_gate::{PageFor, RoleGate};
use crate::i18n::{t, t_with};
use crate::model::{CategoryAdminView, CategoryRecord, ItemAdminRow, Page};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn CatalogAdminPage() -> impl IntoView {
    view! { <RoleGate page_for=PageFor::CatalogEditors><CatalogAdminContent/></RoleGate> }
}

#[component]
fn CatalogAdminContent() -> impl IntoView {
    let query = use_query_map();
    let q = Memo::new(move |_| query.read().get("q").unwrap_or_default());
    let page = Memo::new(move |_| query.read().get("page").and_then(|p| p.parse::<u32>().ok()));
    let error = super::query_error();
    let items = Resource::new(
        move || (q.get(), page.get()),
        |(q, page)| admin_items((!q.is_empty()).then_some(q), page),
    );
    let save = ServerAction::<SaveCategory>::new();
    let categories = Resource::new(move || save.version().get(), |_| admin_categories());
    view! {
        <Title text=t("admin-tab-catalog")/>
        <AdminListHeading current="/admin/catalog" title=t("admin-tab-catalog") search_label=t("admin-find-item")
            placeholder=t("admin-find-item-placeholder") q=q.get_untracked() editors=true>
            <p><a class="btn btn-primary" href="/admin/catalog/new" data-testid="new-item">{t("admin-new-item")}</a></p>
        </AdminListHeading>
        {move || error.get().map(|e| view! { <div class="notice notice-error" role="alert">{e}</div> })}
        <Suspense fallback=|| view! { <p class="loading">{t("admin-loading-items")}</p> }>
            {move || Suspend::new(async move {
                match items.await {
                    Err(e) => {
                        refusal_status(&e);
                        view! { <ErrorNotice error=e/> }.into_any()
                    }
                    Ok(list) => view! { <ItemList list q=q.get_untracked()/> }.into_any(),
                }
            })}
        </Suspense>
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                categories.await.ok().map(|list| view! { <CategoryTree list save/> })
            })}
        </Transition>
    }
}

fn status_of(row: &ItemAdminRow) -> (String, &'static str) {
    if row.retired {
        (t("admin-item-retired"), "badge")
    } else if row.published_version == 0 {
        (t("admin-item-unpublished"), "badge badge-approval")
    } else if row.has_draft {
        (t("admin-item-draft"), "badge badge-approval")
    } else {
        (t("admin-item-live"), "badge")
    }
}

#[component]
fn ItemList(list: Page<ItemAdminRow>, q: String) -> impl IntoView {
    let n = list.page;
    let has_next = list.has_next();
    let link = move |p: u32| format!("/admin/catalog?q={}&page={p}", crate::url::encode(&q));
    if list.items.is_empty() {
        return view! {
            <div class="empty-state" data-testid="no-items">
                <p>{t("admin-no-items")}</p>
            </div>
        }
        .into_any();
    }
    view! {
        <p data-testid="item-total">{t_with("admin-item-total", &[("count", list.total.into())])}</p>
        <ul class="admin-list" data-testid="item-list">
            {list.items.into_iter().map(|row| {
                let (status, class) = status_of(&row);
                let version = (row.published_version > 0).then(|| {
                    format!(" · {}", t_with("admin-form-version", &[("version", row.published_version.into())]))
                });
                view! {
                    <li>
                        <a href=format!("/admin/catalog/{}", row.slug)>
                            <span aria-hidden="true">{row.icon.clone()}</span> " " <strong>{row.name.clone()}</strong>
                        </a>
                        <span class="muted">{format!(" · {} · {}", row.category_name, kind_word(row.kind))}{version}</span>
                        " " <span class=class>{status}</span>
                    </li>
                }
            }).collect_view()}
        </ul>
        <Pager page=n has_next link/>
    }
    .into_any()
}

/// The categories as the catalog nests them, each with its edit form folded away, and a form
/// for a new one.
#[component]
fn CategoryTree(list: Vec<CategoryAdminView>, save: ServerAction<SaveCategory>) -> impl IntoView {
    let parents = StoredValue::new(list.clone());
    let error = move || {
        save.value().get().and_then(|r| r.err()).map(|e| {
            let text = e
                .field_errors()
                .map(|f| f.values().cloned().collect::<Vec<_>>().join(" "))
                .unwrap_or_else(|| e.to_string());
            view! { <div class="notice notice-error" role="alert" data-testid="category-error">{text}</div> }
        })
    };
    view! {
        <h2>{t("admin-categories")}</h2>
        <p class="muted">{t("admin-categories-help")}</p>
        {error}
        <ul class="admin-list category-tree" data-testid="category-tree">
            {list.into_iter().map(|c| {
                let indent = format!("padding-left: {}rem", c.depth);
                let record = c.category.clone();
                view! {
                    <li style=indent>
                        <details>
                            <summary>
                                <span aria-hidden="true">{c.category.icon.clone()}</span> " " {c.category.name.clone()}
                                <span class="muted">{format!(" · {} · position {} · {} live item{}", c.category.slug, c.category.position, c.items, if c.items == 1 { "" } else { "s" })}</span>
                            </summary>
                            <CategoryForm record revision=c.revision parents save/>
                        </details>
                    </li>
                }
            }).collect_view()}
        </ul>
        <details class="new-category">
            <summary data-testid="new-category">{t("admin-new-category")}</summary>
            <CategoryForm
                record=CategoryRecord { slug: String::new(), name: String::new(), description: String::new(), icon: "📁".into(), parent: None, position: 100, translations: Default::default() }
                revision=0 parents save/>
        </details>
    }
}

#[component]
fn CategoryForm(
    record: CategoryRecord,
    revision: i64,
    parents: StoredValue<Vec<CategoryAdminView>>,
    save: ServerAction<SaveCategory>,
) -> impl IntoView {
    let prefix = if record.slug.is_empty() {
        "new".to_string()
    } else {
        record.slug.clone()
    };
    let id = move |field: &str| format!("category-{prefix}-{field}");
    let own = record.slug.clone();
    let current_parent = record.parent.clone().unwrap_or_default();
    let options = parents.with_value(|all| {
        all.iter()
            .filter(|p| p.category.slug != own)
            .map(|p| {
                let selected = p.category.slug == current_parent;
                let label = format!("{}{}", "— ".repeat(p.depth as usize), p.category.name);
                view! { <option value=p.category.slug.clone() selected=selected>{label}</option> }
            })
            .collect_view()
    });
    view! {
        <ActionForm action=save attr:class="stack category-form">
            <input type="hidden" name="revision" value=revision.to_string()/>
            {if revision == 0 {
                view! {
                    <div class="field">
                        <label for=id("slug")>{t("admin-slug")}</label>
                        <input id=id("slug") name="slug" required pattern="[a-z0-9-]{2,60}"/>
                        <p class="help">{t("admin-slug-help")}</p>
                    </div>
                }.into_any()
            } else {
                view! { <input type="hidden" name="slug" value=record.slug.clone()/> }.into_any()
            }}
            <div class="field">
                <label for=id("name")>{t("admin-name")}</label>
                <input id=id("name") name="name" required value=record.name.clone()/>
            </div>
            <div class="field">
                <label for=id("icon")>{t("admin-icon")}</label>
                <input id=id("icon") name="icon" required value=record.icon.clone() size="4"/>
            </div>
            <div class="field">
                <label for=id("description")>{t("admin-description")}</label>
                <input id=id("description") name="description" value=record.description.clone()/>
            </div>
            <div class="field">
                <label for=id("parent")>{t("admin-inside")}</label>
                <select id=id("parent") name="parent">
                    <option value="" selected=record.parent.is_none()>"(top level)"</option>
                    {options}
                </select>
            </div>
            <div class="field">
                <label for=id("position")>{t("admin-position")}</label>
                <input id=id("position") name="position" type="number" required value=record.position.to_string()/>
            </div>
            // Its name and description in the portal's other languages; empty: as written.
            {crate::components::item_translations::target_languages().into_iter().map(|tag| {
                let language = crate::i18n::i18n().language_name(tag);
                let words = record.translations.get(tag).cloned().unwrap_or_default();
                view! {
                    <div class="field">
                        <label for=id(&format!("name-{tag}"))>{t_with("admin-name-in", &[("language", language.as_str().into())])}</label>
                        <input id=id(&format!("name-{tag}")) name=format!("translations[{tag}][name]")
                            value=words.name placeholder=record.name.clone()/>
                    </div>
                    <div class="field">
                        <label for=id(&format!("description-{tag}"))>{t_with("admin-description-in", &[("language", language.as_str().into())])}</label>
                        <input id=id(&format!("description-{tag}")) name=format!("translations[{tag}][description]")
                            value=words.description placeholder=record.description.clone()/>
                    </div>
                }
            }).collect_view()}
            <div class="form-actions">
                <button type="submit" class="btn">{if revision == 0 { t("admin-create-category") } else { t("admin-save-category") }}</button>
            </div>
        </ActionForm>
    }
}

/// What kind of ticket an item makes, in the editors' words.
pub fn kind_word(kind: crate::domain::TicketKind) -> String {
    t_with("admin-kind", &[("kind", kind.as_str().into())])
}
