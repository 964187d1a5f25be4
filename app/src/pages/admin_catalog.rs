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
        <Title text="Catalog"/>
        <AdminListHeading current="/admin/catalog" title="Catalog" search_label="Find an item"
            placeholder="name, address or keyword" q=q.get_untracked() editors=true>
            <p><a class="btn btn-primary" href="/admin/catalog/new" data-testid="new-item">"New item"</a></p>
        </AdminListHeading>
        {move || error.get().map(|e| view! { <div class="notice notice-error" role="alert">{e}</div> })}
        <Suspense fallback=|| view! { <p class="loading">"Loading the items…"</p> }>
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

fn status_of(row: &ItemAdminRow) -> (&'static str, &'static str) {
    if row.retired {
        ("Retired", "badge")
    } else if row.published_version == 0 {
        ("Not published", "badge badge-approval")
    } else if row.has_draft {
        ("Live, with unpublished changes", "badge badge-approval")
    } else {
        ("Live", "badge")
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
                <p>"No items match. Create one with “New item”, or clear the search."</p>
            </div>
        }
        .into_any();
    }
    view! {
        <p data-testid="item-total">{format!("{} item{}", list.total, if list.total == 1 { "" } else { "s" })}</p>
        <ul class="admin-list" data-testid="item-list">
            {list.items.into_iter().map(|row| {
                let (status, class) = status_of(&row);
                let version = (row.published_version > 0).then(|| format!(" · form version {}", row.published_version));
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
        <h2>"Categories"</h2>
        <p class="muted">"A category may sit inside another (up to three levels); the catalog shows them nested, siblings by position."</p>
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
            <summary data-testid="new-category">"New category"</summary>
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
                        <label for=id("slug")>"Address (slug)"</label>
                        <input id=id("slug") name="slug" required pattern="[a-z0-9-]{2,60}"/>
                        <p class="help">"Lowercase letters, digits and dashes; it cannot change later."</p>
                    </div>
                }.into_any()
            } else {
                view! { <input type="hidden" name="slug" value=record.slug.clone()/> }.into_any()
            }}
            <div class="field">
                <label for=id("name")>"Name"</label>
                <input id=id("name") name="name" required value=record.name.clone()/>
            </div>
            <div class="field">
                <label for=id("icon")>"Icon"</label>
                <input id=id("icon") name="icon" required value=record.icon.clone() size="4"/>
            </div>
            <div class="field">
                <label for=id("description")>"Description"</label>
                <input id=id("description") name="description" value=record.description.clone()/>
            </div>
            <div class="field">
                <label for=id("parent")>"Inside"</label>
                <select id=id("parent") name="parent">
                    <option value="" selected=record.parent.is_none()>"(top level)"</option>
                    {options}
                </select>
            </div>
            <div class="field">
                <label for=id("position")>"Position"</label>
                <input id=id("position") name="position" type="number" required value=record.position.to_string()/>
            </div>
            // Its name and description in the portal's other languages; empty: as written.
            {crate::components::item_translations::target_languages().into_iter().map(|tag| {
                let language = crate::i18n::i18n().language_name(tag);
                let words = record.translations.get(tag).cloned().unwrap_or_default();
                view! {
                    <div class="field">
                        <label for=id(&format!("name-{tag}"))>{format!("Name in {language}")}</label>
                        <input id=id(&format!("name-{tag}")) name=format!("translations[{tag}][name]")
                            value=words.name placeholder=record.name.clone()/>
                    </div>
                    <div class="field">
                        <label for=id(&format!("description-{tag}"))>{format!("Description in {language}")}</label>
                        <input id=id(&format!("description-{tag}")) name=format!("translations[{tag}][description]")
                            value=words.description placeholder=record.description.clone()/>
                    </div>
                }
            }).collect_view()}
            <div class="form-actions">
                <button type="submit" class="btn">{if revision == 0 { "Create category" } else { "Save category" }}</button>
            </div>
        </ActionForm>
    }
}

/// What kind of ticket an item makes, in the editors' words.
pub fn kind_word(kind: crate::domain::TicketKind) -> &'static str {
    match kind {
        crate::domain::TicketKind::Request => "request",
        crate::domain::TicketKind::Incident => "fault report",
    }
}
