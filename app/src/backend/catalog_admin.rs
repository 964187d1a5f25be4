//! The catalog as editors build it: categories in a tree, items whose details and form are saved
//! as a draft and become live when published (each publish of a changed form writes the next
//! form version), clones, retiring and restoring. Admins and editors only; every change is
//! checked against the revision the editor opened and written with its audit entry.

use super::access::catalog_editors_only;
use super::audit::Actor;
use super::catalog_admin_store::{ItemState, NewFormVersion, StoredDraft};
use super::internal;
use super::store::{Store, Written};
use crate::domain::validation::FieldErrors;
use crate::domain::FormSchema;
use crate::i18n::{t, t_with, Arg};
use crate::model::{
    form_field_key, AppError, AppResult, AuditKind, CategoryAdminView, CategoryRecord,
    ItemAdminRow, ItemDraft, ItemEditView, ItemRecord, ItemSaved, Page, UserView, ITEMS_PER_PAGE,
};
use chrono::{DateTime, Utc};
use serde_json::json;

const MAX_NAME_CHARS: usize = 80;
const MAX_SUMMARY_CHARS: usize = 200;
const MAX_DESCRIPTION_CHARS: usize = 20_000;
const MAX_SHORT_CHARS: usize = 80;
const MAX_KEYWORDS: usize = 30;
const MAX_FIELDS: usize = 60;
/// How deep categories nest: a top category, its sections, their subsections.
pub const MAX_CATEGORY_DEPTH: u32 = 3;

/// Arranges categories as the catalog shows them: each followed by its children, siblings by
/// position; `depth` says how deep each sits. A category whose parent is missing is a top one.
pub fn arrange(mut flat: Vec<CategoryAdminView>) -> Vec<CategoryAdminView> {
    flat.sort_by(|a, b| {
        (a.category.position, &a.category.name).cmp(&(b.category.position, &b.category.name))
    });
    let known: std::collections::HashSet<String> =
        flat.iter().map(|c| c.category.slug.clone()).collect();
    let mut out = Vec::with_capacity(flat.len());
    fn visit(
        parent: Option<&str>,
        depth: u32,
        flat: &[CategoryAdminView],
        known: &std::collections::HashSet<String>,
        out: &mut Vec<CategoryAdminView>,
    ) {
        for c in flat {
            let under = match &c.category.parent {
                Some(p) if known.contains(p) => Some(p.as_str()),
                _ => None,
            };
            // The depth cap also ends the walk if the stored parents ever formed a loop.
            if under == parent && depth <= MAX_CATEGORY_DEPTH + 1 {
                out.push(CategoryAdminView { depth, ..c.clone() });
                visit(Some(&c.category.slug), depth + 1, flat, known, out);
            }
        }
    }
    visit(None, 0, &flat, &known, &mut out);
    out
}

pub async fn categories(store: &dyn Store, user: &UserView) -> AppResult<Vec<CategoryAdminView>> {
    catalog_editors_only(user)?;
    Ok(arrange(store.admin_categories().await.map_err(internal)?))
}

fn slug_ok(slug: &str) -> bool {
    (2..=60).contains(&slug.len())
        && slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !slug.starts_with('-')
        && !slug.ends_with('-')
}

/// Checks the text field `key` (its messages name the field by its key).
fn check_text(errors: &mut FieldErrors, key: &str, value: &str, required: bool, max: usize) {
    let chars = value.trim().chars().count();
    if required && chars == 0 {
        errors.insert(key.into(), t_with("error-give-it", &[("what", key.into())]));
    } else if chars > max {
        errors.insert(
            key.into(),
            t_with(
                "error-keep-to",
                &[
                    ("what", key.into()),
                    ("max", Arg::count(max)),
                    ("chars", Arg::count(chars)),
                ],
            ),
        );
    }
}

fn check_icon(errors: &mut FieldErrors, icon: &str) {
    let chars = icon.trim().chars().count();
    if chars == 0 || chars > 8 {
        errors.insert("icon".into(), t("error-pick-icon"));
    }
}

fn refuse_if_any(errors: FieldErrors) -> AppResult<()> {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(AppError::Invalid { fields: errors })
    }
}

/// Trims what people typed, so a stray space does not make a second "Hardware".
fn tidy_category(mut c: CategoryRecord) -> CategoryRecord {
    c.slug = c.slug.trim().to_string();
    c.name = c.name.trim().to_string();
    c.description = c.description.trim().to_string();
    c.icon = c.icon.trim().to_string();
    c.parent = c
        .parent
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty());
    c.translations = crate::domain::translation::tidy_categories(c.translations);
    c
}

/// Creates (`revision` 0) or updates a category; answers its new revision.
pub async fn save_category(
    store: &dyn Store,
    user: &UserView,
    record: CategoryRecord,
    revision: i64,
    now: DateTime<Utc>,
) -> AppResult<i64> {
    catalog_editors_only(user)?;
    let record = tidy_category(record);
    let existing = arrange(store.admin_categories().await.map_err(internal)?);
    let before = existing.iter().find(|c| c.category.slug == record.slug);
    let mut errors = FieldErrors::new();
    if revision == 0 {
        if !slug_ok(&record.slug) {
            errors.insert("slug".into(), t("error-slug-rule"));
        } else if before.is_some() {
            errors.insert(
                "slug".into(),
                t_with(
                    "error-category-exists",
                    &[("slug", record.slug.as_str().into())],
                ),
            );
        }
    } else if before.is_none() {
        return Err(AppError::not_found(t_with(
            "error-no-category",
            &[("slug", record.slug.as_str().into())],
        )));
    }
    check_text(&mut errors, "name", &record.name, true, MAX_NAME_CHARS);
    check_text(
        &mut errors,
        "description",
        &record.description,
        false,
        MAX_SUMMARY_CHARS,
    );
    check_icon(&mut errors, &record.icon);
    if !(-9_999..=9_999).contains(&record.position) {
        errors.insert("position".into(), t("error-position"));
    }
    if let Some(problem) = record
        .parent
        .as_deref()
        .and_then(|parent| parent_problem(&existing, &record.slug, parent))
    {
        errors.insert("parent".into(), problem);
    }
    let problems = crate::domain::translation::category_problems(
        &record.translations,
        crate::i18n::LANGUAGES,
        crate::i18n::DEFAULT,
    );
    errors.extend(crate::i18n::i18n().say_each(&problems));
    refuse_if_any(errors)?;
    let action = if revision == 0 { "create" } else { "update" };
    let mut audit = Actor::person(user)
        .did(
            AuditKind::Catalog,
            action,
            format!("category {}", record.slug),
            now,
        )
        .after(json!(record));
    if let Some(before) = before {
        audit = audit.before(json!(before.category));
    }
    match store
        .save_category(&record, revision, &audit)
        .await
        .map_err(internal)?
    {
        Written::Done { revision } => Ok(revision),
        Written::Stale { .. } => Err(stale("category")),
    }
}

/// Why `parent` cannot hold the category `slug`: unknown, itself or below itself, too deep.
fn parent_problem(existing: &[CategoryAdminView], slug: &str, parent: &str) -> Option<String> {
    let Some(p) = existing.iter().find(|c| c.category.slug == parent) else {
        return Some(t_with("error-no-category", &[("slug", parent.into())]));
    };
    // Walk up from the parent: meeting `slug` means the move would make a loop.
    let mut cursor = Some(p);
    while let Some(c) = cursor {
        if c.category.slug == slug {
            return Some(t("error-category-inside-itself"));
        }
        cursor = c
            .category
            .parent
            .as_ref()
            .and_then(|up| existing.iter().find(|e| &e.category.slug == up));
    }
    // The deepest category below `slug` moves with it.
    let below = existing
        .iter()
        .filter(|c| is_below(existing, &c.category.slug, slug))
        .map(|c| c.depth)
        .max()
        .map_or(0, |deepest| {
            deepest.saturating_sub(
                existing
                    .iter()
                    .find(|c| c.category.slug == slug)
                    .map_or(0, |c| c.depth),
            )
        });
    if p.depth + 1 + below >= MAX_CATEGORY_DEPTH {
        return Some(t_with(
            "error-category-too-deep",
            &[("max", MAX_CATEGORY_DEPTH.into())],
        ));
    }
    None
}

/// Whether `slug` sits somewhere below `ancestor`.
fn is_below(existing: &[CategoryAdminView], slug: &str, ancestor: &str) -> bool {
    let mut cursor = existing.iter().find(|c| c.category.slug == slug);
    for _ in 0..=existing.len() {
        let Some(parent) = cursor.and_then(|c| c.category.parent.as_deref()) else {
            return false;
        };
        if parent == ancestor {
            return true;
        }
        cursor = existing.iter().find(|c| c.category.slug == parent);
    }
    false
}

/// `what`: "category" or "item".
fn stale(what: &str) -> AppError {
    AppError::conflict(t_with("error-saved-meanwhile", &[("what", what.into())]))
}

/// One page of items matching `text`.
pub async fn items_page(
    store: &dyn Store,
    user: &UserView,
    text: Option<&str>,
    page: u32,
) -> AppResult<Page<ItemAdminRow>> {
    catalog_editors_only(user)?;
    let page = page.max(1);
    let text = text.map(str::trim).filter(|t| !t.is_empty());
    let offset = u64::from(page - 1) * u64::from(ITEMS_PER_PAGE);
    let (items, total) = store
        .items_page(text, offset, ITEMS_PER_PAGE)
        .await
        .map_err(internal)?;
    Ok(Page {
        items,
        page,
        per_page: ITEMS_PER_PAGE,
        total,
    })
}

async fn state_of(store: &dyn Store, slug: &str) -> AppResult<ItemState> {
    store
        .item_state(slug)
        .await
        .map_err(internal)?
        .ok_or_else(|| AppError::not_found(t_with("error-no-item", &[("slug", slug.into())])))
}

async fn edit_view(
    store: &dyn Store,
    item: ItemRecord,
    form: FormSchema,
    state: Option<&ItemState>,
) -> AppResult<ItemEditView> {
    Ok(ItemEditView {
        item,
        form,
        revision: state.map_or(0, |s| s.revision),
        retired: state.is_some_and(|s| s.retired),
        published_version: state.map_or(0, |s| s.published_version),
        has_draft: state.is_some_and(|s| s.draft.is_some()),
        categories: arrange(store.admin_categories().await.map_err(internal)?),
        groups: store.known_groups().await.map_err(internal)?,
        chains: chain_keys(store).await?,
    })
}

/// The approval chains an item may name, by key, with their names.
async fn chain_keys(store: &dyn Store) -> AppResult<Vec<(String, String)>> {
    Ok(store
        .approval_chains()
        .await
        .map_err(internal)?
        .into_iter()
        .map(|c| (c.key, c.name))
        .collect())
}

/// An item as the editor opens it: its draft if it has one, else what is live.
pub async fn item_for_edit(
    store: &dyn Store,
    user: &UserView,
    slug: &str,
) -> AppResult<ItemEditView> {
    catalog_editors_only(user)?;
    let state = state_of(store, slug).await?;
    let (item, form) = match &state.draft {
        Some(draft) => (draft.item.clone(), draft.form.clone()),
        None => (
            state.live.clone(),
            state
                .live_form
                .clone()
                .unwrap_or(FormSchema { fields: vec![] }),
        ),
    };
    edit_view(store, item, form, Some(&state)).await
}

/// A blank item for "New item", in the first category.
pub async fn blank_item(store: &dyn Store, user: &UserView) -> AppResult<ItemEditView> {
    catalog_editors_only(user)?;
    let mut view = edit_view(
        store,
        ItemRecord {
            slug: String::new(),
            name: String::new(),
            summary: String::new(),
            description: String::new(),
            icon: "📦".into(),
            category: String::new(),
            kind: crate::domain::TicketKind::Request,
            keywords: vec![],
            expected_delivery: String::new(),
            requires_approval: false,
            approval_chain: None,
            fulfilment_group: String::new(),
            sla_priority: None,
            translations: Default::default(),
        },
        FormSchema { fields: vec![] },
        None,
    )
    .await?;
    view.item.category = view
        .categories
        .first()
        .map(|c| c.category.slug.clone())
        .unwrap_or_default();
    Ok(view)
}

fn tidy_item(mut item: ItemRecord) -> ItemRecord {
    item.slug = item.slug.trim().to_string();
    item.name = item.name.trim().to_string();
    item.summary = item.summary.trim().to_string();
    item.description = item.description.trim().to_string();
    item.icon = item.icon.trim().to_string();
    item.expected_delivery = item.expected_delivery.trim().to_string();
    item.fulfilment_group = item.fulfilment_group.trim().to_string();
    item.approval_chain = item
        .approval_chain
        .map(|key| key.trim().to_string())
        .filter(|key| !key.is_empty());
    let mut keywords: Vec<String> = Vec::new();
    for k in item.keywords {
        let k = k.trim().to_string();
        if !k.is_empty() && !keywords.contains(&k) {
            keywords.push(k);
        }
    }
    item.keywords = keywords;
    item.translations = crate::domain::translation::tidy_items(item.translations);
    item
}

/// Every problem with an item's details and form, by field (`form.N` for the form's fields).
pub fn item_problems(
    item: &ItemRecord,
    form: &FormSchema,
    categories: &[CategoryAdminView],
    chains: &[(String, String)],
) -> FieldErrors {
    let mut errors = FieldErrors::new();
    if !slug_ok(&item.slug) {
        errors.insert("slug".into(), t("error-slug-rule"));
    }
    check_text(&mut errors, "name", &item.name, true, MAX_NAME_CHARS);
    check_text(
        &mut errors,
        "summary",
        &item.summary,
        true,
        MAX_SUMMARY_CHARS,
    );
    check_text(
        &mut errors,
        "description",
        &item.description,
        false,
        MAX_DESCRIPTION_CHARS,
    );
    check_icon(&mut errors, &item.icon);
    if !categories.iter().any(|c| c.category.slug == item.category) {
        errors.insert("category".into(), t("error-pick-category"));
    }
    if item.keywords.len() > MAX_KEYWORDS || item.keywords.iter().any(|k| k.chars().count() > 40) {
        errors.insert(
            "keywords".into(),
            t_with("error-keywords", &[("max", Arg::count(MAX_KEYWORDS))]),
        );
    }
    check_text(
        &mut errors,
        "expected_delivery",
        &item.expected_delivery,
        true,
        MAX_SHORT_CHARS,
    );
    check_text(
        &mut errors,
        "fulfilment_group",
        &item.fulfilment_group,
        true,
        MAX_SHORT_CHARS,
    );
    if let Some(key) = &item.approval_chain {
        if !chains.iter().any(|(known, _)| known == key) {
            errors.insert("approval_chain".into(), t("error-item-chain-unknown"));
        } else if !item.requires_approval {
            errors.insert("approval_chain".into(), t("error-item-chain-unused"));
        }
    }
    if form.fields.len() > MAX_FIELDS {
        errors.insert(
            "form".into(),
            t_with("error-too-many-fields", &[("max", Arg::count(MAX_FIELDS))]),
        );
    }
    for (index, problem) in form.problems() {
        errors.insert(
            form_field_key(index),
            crate::i18n::i18n().say(&problem.say()),
        );
    }
    // Translations are checked in the editor's language: their inputs sit in its page.
    let problems = crate::domain::translation::problems(
        &item.translations,
        form,
        crate::i18n::LANGUAGES,
        crate::i18n::DEFAULT,
    );
    errors.extend(crate::i18n::i18n().say_each(&problems));
    errors
}

fn draft_json(item: &ItemRecord, form: &FormSchema, version: i64) -> serde_json::Value {
    json!({ "item": item, "form": form, "version": version })
}

/// Saves the editor's item and form as a draft (creating the item, unpublished, when
/// `revision` is 0). Requesters see nothing of it until it is published.
pub async fn save_item(
    store: &dyn Store,
    user: &UserView,
    draft: ItemDraft,
    now: DateTime<Utc>,
) -> AppResult<ItemSaved> {
    catalog_editors_only(user)?;
    let item = tidy_item(draft.item);
    let form = draft.form;
    let categories = store.admin_categories().await.map_err(internal)?;
    let chains = chain_keys(store).await?;
    let mut errors = item_problems(&item, &form, &categories, &chains);
    let state = store.item_state(&item.slug).await.map_err(internal)?;
    if draft.revision == 0 && state.is_some() && !errors.contains_key("slug") {
        errors.insert(
            "slug".into(),
            t_with("error-item-exists", &[("slug", item.slug.as_str().into())]),
        );
    }
    if draft.revision != 0 && state.is_none() {
        return Err(AppError::not_found(t_with(
            "error-no-item",
            &[("slug", item.slug.as_str().into())],
        )));
    }
    refuse_if_any(errors)?;
    let published_version = state.as_ref().map_or(0, |s| s.published_version);
    let mut audit = Actor::person(user)
        .did(
            AuditKind::Catalog,
            if draft.revision == 0 {
                "create"
            } else {
                "save draft"
            },
            format!("item {}", item.slug),
            now,
        )
        .after(draft_json(&item, &form, published_version));
    if let Some(state) = &state {
        let (before_item, before_form) = match &state.draft {
            Some(d) => (&d.item, Some(&d.form)),
            None => (&state.live, state.live_form.as_ref()),
        };
        audit = audit.before(json!({ "item": before_item, "form": before_form }));
    }
    let stored = StoredDraft { item, form };
    match store
        .save_item_draft(&stored, draft.revision, &audit)
        .await
        .map_err(internal)?
    {
        Written::Done { revision } => Ok(ItemSaved {
            slug: stored.item.slug,
            revision,
            published_version,
        }),
        Written::Stale { .. } => Err(stale("item")),
    }
}

/// Makes the item's draft live. A changed form (or an item's first form) becomes the next form
/// version: new orders answer it, earlier tickets keep theirs.
pub async fn publish_item(
    store: &dyn Store,
    user: &UserView,
    slug: &str,
    revision: i64,
    now: DateTime<Utc>,
) -> AppResult<ItemSaved> {
    catalog_editors_only(user)?;
    let state = state_of(store, slug).await?;
    if state.revision != revision {
        return Err(stale("item"));
    }
    let Some(draft) = state.draft.clone() else {
        return Err(AppError::conflict(t("error-nothing-to-publish")));
    };
    let categories = store.admin_categories().await.map_err(internal)?;
    let chains = chain_keys(store).await?;
    refuse_if_any(item_problems(
        &draft.item,
        &draft.form,
        &categories,
        &chains,
    ))?;
    let form_changed = state.live_form.as_ref() != Some(&draft.form);
    let version = if form_changed {
        state.published_version + 1
    } else {
        state.published_version
    };
    let new_form = form_changed
        .then(|| {
            serde_json::to_string(&draft.form).map(|schema_json| NewFormVersion {
                version,
                schema_json,
            })
        })
        .transpose()
        .map_err(internal)?;
    let audit = Actor::person(user)
        .did(AuditKind::Form, "publish", format!("item {slug}"), now)
        .before(json!({
            "item": state.live,
            "form": state.live_form,
            "version": state.published_version,
        }))
        .after(draft_json(&draft.item, &draft.form, version));
    match store
        .publish_item(&draft.item, new_form.as_ref(), revision, &audit)
        .await
        .map_err(internal)?
    {
        Written::Done { revision } => Ok(ItemSaved {
            slug: slug.to_string(),
            revision,
            published_version: version,
        }),
        Written::Stale { .. } => Err(stale("item")),
    }
}

/// Copies an item (its draft if it has one) as a new, unpublished item.
pub async fn clone_item(
    store: &dyn Store,
    user: &UserView,
    slug: &str,
    new_slug: &str,
    now: DateTime<Utc>,
) -> AppResult<ItemSaved> {
    catalog_editors_only(user)?;
    let state = state_of(store, slug).await?;
    let (mut item, form) = match state.draft {
        Some(d) => (d.item, d.form),
        None => (
            state.live,
            state.live_form.unwrap_or(FormSchema { fields: vec![] }),
        ),
    };
    item.slug = new_slug.trim().to_string();
    item.name = format!("{} (copy)", item.name)
        .chars()
        .take(MAX_NAME_CHARS)
        .collect();
    save_item(
        store,
        user,
        ItemDraft {
            item,
            form,
            revision: 0,
        },
        now,
    )
    .await
}

/// Retires an item (no longer offered; its tickets stay) or restores it.
pub async fn set_retired(
    store: &dyn Store,
    user: &UserView,
    slug: &str,
    retired: bool,
    revision: i64,
    now: DateTime<Utc>,
) -> AppResult<ItemSaved> {
    catalog_editors_only(user)?;
    let state = state_of(store, slug).await?;
    let audit = Actor::person(user)
        .did(
            AuditKind::Catalog,
            if retired { "retire" } else { "restore" },
            format!("item {slug}"),
            now,
        )
        .before(json!({ "retired": state.retired }))
        .after(json!({ "retired": retired }));
    match store
        .set_item_retired(slug, retired, revision, &audit)
        .await
        .map_err(internal)?
    {
        Written::Done { revision } => Ok(ItemSaved {
            slug: slug.to_string(),
            revision,
            published_version: state.published_version,
        }),
        Written::Stale { .. } => Err(stale("item")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cat(slug: &str, parent: Option<&str>, position: i64) -> CategoryAdminView {
        CategoryAdminView {
            category: CategoryRecord {
                slug: slug.into(),
                name: slug.to_uppercase(),
                description: String::new(),
                icon: "x".into(),
                parent: parent.map(Into::into),
                position,
                translations: Default::default(),
            },
            revision: 1,
            items: 0,
            depth: 0,
        }
    }

    #[test]
    fn arrange_puts_children_after_their_parent_in_position_order() {
        let tree = arrange(vec![
            cat("laptops", Some("hardware"), 2),
            cat("access", None, 2),
            cat("hardware", None, 1),
            cat("docks", Some("hardware"), 1),
            cat("usb-c", Some("docks"), 1),
            cat("orphan", Some("gone"), 3),
        ]);
        let order: Vec<(&str, u32)> = tree
            .iter()
            .map(|c| (c.category.slug.as_str(), c.depth))
            .collect();
        assert_eq!(
            order,
            vec![
                ("hardware", 0),
                ("docks", 1),
                ("usb-c", 2),
                ("laptops", 1),
                ("access", 0),
                ("orphan", 0)
            ]
        );
    }

    #[test]
    fn a_parent_may_not_be_the_category_itself_below_it_or_too_deep() {
        let tree = arrange(vec![
            cat("hardware", None, 1),
            cat("docks", Some("hardware"), 1),
            cat("usb-c", Some("docks"), 1),
            cat("access", None, 2),
        ]);
        assert!(parent_problem(&tree, "hardware", "hardware").is_some());
        assert!(parent_problem(&tree, "hardware", "usb-c").is_some());
        assert!(parent_problem(&tree, "new", "nowhere").is_some());
        assert!(
            parent_problem(&tree, "new", "usb-c").is_some(),
            "fourth level"
        );
        // docks (with usb-c below it) may move under access: still three deep.
        assert_eq!(parent_problem(&tree, "docks", "access"), None);
        assert_eq!(parent_problem(&tree, "new", "docks"), None);
    }

    #[test]
    fn slugs_are_lowercase_words_joined_by_dashes() {
        assert!(slug_ok("standing-desk"));
        assert!(slug_ok("a4"));
        assert!(!slug_ok("Standing desk"));
        assert!(!slug_ok("-desk"));
        assert!(!slug_ok("x"));
    }

    #[test]
    fn item_problems_name_each_field_and_each_bad_form_field() {
        let categories = vec![cat("hardware", None, 1)];
        let item = ItemRecord {
            slug: "Standing Desk".into(),
            name: String::new(),
            summary: "A desk".into(),
            description: String::new(),
            icon: String::new(),
            category: "furniture".into(),
            kind: crate::domain::TicketKind::Request,
            keywords: vec![],
            expected_delivery: "2 weeks".into(),
            requires_approval: true,
            approval_chain: Some("facilities-sign-off".into()),
            fulfilment_group: "Facilities".into(),
            sla_priority: None,
            translations: Default::default(),
        };
        let mut height =
            crate::domain::Field::new("height", "Height", crate::domain::FieldKind::Number);
        height.min = Some(120.0);
        height.max = Some(60.0);
        let form = FormSchema {
            fields: vec![
                crate::domain::Field::new("why", "Why", crate::domain::FieldKind::Text),
                height,
            ],
        };
        let chains = vec![(
            "software-purchase".to_string(),
            "Software purchase".to_string(),
        )];
        let errors = item_problems(&item, &form, &categories, &chains);
        let keys: Vec<&str> = errors.keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            vec![
                "approval_chain",
                "category",
                "form.1",
                "icon",
                "name",
                "slug"
            ]
        );
        assert!(errors["form.1"].contains("minimum above its maximum"));

        // A chain that exists, on an item that requires approval: fine; on one that does
        // not, it would mean nothing.
        let known = ItemRecord {
            approval_chain: Some("software-purchase".into()),
            ..item.clone()
        };
        assert!(!item_problems(&known, &form, &categories, &chains).contains_key("approval_chain"));
        let unused = ItemRecord {
            requires_approval: false,
            ..known
        };
        assert!(item_problems(&unused, &form, &categories, &chains).contains_key("approval_chain"));
    }
}
