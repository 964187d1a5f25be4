use crate::api::catalog::catalog;
use crate::components::error_notice::ErrorNotice;
use crate::i18n::t;
use crate::model::{CatalogView, CategoryView, ItemCard};
use crate::offline::{Fetched, OfflineBanner};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use std::collections::HashMap;

/// Whether a card matches what was typed: every word must appear in the name, summary or
/// keywords, in any order.
pub fn card_matches(card: &ItemCard, filter: &str) -> bool {
    let haystack =
        format!("{} {} {}", card.name, card.summary, card.keywords.join(" ")).to_lowercase();
    filter
        .split_whitespace()
        .all(|word| haystack.contains(&word.to_lowercase()))
}

/// A category in the catalog's order: each followed by the categories inside it. `top` is the
/// top-level category it belongs to (the chip that selects it), `depth` how deep it sits.
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    pub category: CategoryView,
    pub depth: usize,
    pub top: String,
}

/// Lays the categories out as the catalog nests them, keeping the stored order among siblings.
/// A category whose parent is unknown is a top one; a loop in the parents cannot recur for ever
/// (a category is placed once).
pub fn nest(categories: &[CategoryView]) -> Vec<Placed> {
    let known = |slug: &str| categories.iter().any(|c| c.slug == slug);
    let mut out: Vec<Placed> = Vec::with_capacity(categories.len());
    fn visit(
        parent: &str,
        depth: usize,
        top: &str,
        categories: &[CategoryView],
        out: &mut Vec<Placed>,
    ) {
        for c in categories
            .iter()
            .filter(|c| c.parent.as_deref() == Some(parent))
        {
            if out.iter().any(|p| p.category.slug == c.slug) {
                continue;
            }
            out.push(Placed {
                category: c.clone(),
                depth,
                top: top.to_string(),
            });
            visit(&c.slug, depth + 1, top, categories, out);
        }
    }
    for c in categories
        .iter()
        .filter(|c| c.parent.as_deref().is_none_or(|p| !known(p)))
    {
        out.push(Placed {
            category: c.clone(),
            depth: 0,
            top: c.slug.clone(),
        });
        visit(&c.slug, 1, &c.slug, categories, &mut out);
    }
    out
}

#[component]
pub fn CatalogPage() -> impl IntoView {
    let data = Resource::new(
        || (),
        |_| {
            crate::offline::sendable(async {
                crate::offline::or_device(catalog().await, |s| Some(s.catalog.clone())).await
            })
        },
    );
    view! {
        <Title text=t("catalog-title")/>
        <h1 class="page-title">{t("catalog-heading")}</h1>
        <p class="page-intro">{t("catalog-intro")}</p>
        <crate::components::planned_changes::PlannedChanges/>
        <Suspense fallback=|| view! { <p class="loading">{t("catalog-loading")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(Fetched { value, offline_as_of }) => view! {
                        <OfflineBanner as_of=offline_as_of/>
                        <CatalogBrowser catalog=value/>
                    }.into_any(),
                    Err(e) => view! { <ErrorNotice error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// Filter box and category chips. Without JavaScript the box is a GET form (`?q=`), so the
/// filter still works; with it, the list filters as you type.
#[component]
fn CatalogBrowser(catalog: CatalogView) -> impl IntoView {
    let query = use_query_map();
    let initial = query.read_untracked().get("q").unwrap_or_default();
    let filter = RwSignal::new(initial.clone());
    let category = RwSignal::new(query.read_untracked().get("category"));
    let CatalogView { categories, items } = catalog;
    let placed = nest(&categories);
    let items = StoredValue::new(items);
    let chips: Vec<CategoryView> = placed
        .iter()
        .filter(|p| p.depth == 0)
        .map(|p| p.category.clone())
        .collect();
    // Which top-level category each category sits under, for the chips' filter.
    let top_of: StoredValue<Vec<(String, String)>> = StoredValue::new(
        placed
            .iter()
            .map(|p| (p.category.slug.clone(), p.top.clone()))
            .collect(),
    );
    let in_selection = move |slug: &str| {
        category.get().as_ref().is_none_or(|sel| {
            top_of.with_value(|t| t.iter().any(|(s, top)| s == slug && top == sel))
        })
    };

    // The matching items by category, worked out once per keystroke rather than once per
    // category: a retailer's catalog has hundreds of items in dozens of categories.
    let matching = Memo::new(move |_| {
        let filter = filter.get();
        let mut by_category: HashMap<String, Vec<ItemCard>> = HashMap::new();
        items.with_value(|items| {
            for card in items.iter().filter(|i| card_matches(i, &filter)) {
                by_category
                    .entry(card.category.clone())
                    .or_default()
                    .push(card.clone());
            }
        });
        by_category
    });
    let visible = move |slug: &str| matching.with(|m| m.get(slug).cloned().unwrap_or_default());
    let has_visible = move |slug: &str| matching.with(|m| m.contains_key(slug));
    // A top category is shown while anything inside it (at any depth) matches.
    let subtree_visible = move |top: &str| {
        top_of.with_value(|t| {
            t.iter()
                .filter(|(_, tp)| tp == top)
                .any(|(slug, _)| has_visible(slug))
        })
    };
    let any_visible = move || matching.with(|m| m.keys().any(|slug| in_selection(slug)));

    view! {
        <form class="catalog-filter" method="get" action="/" role="search" on:submit=|ev| ev.prevent_default()>
            <label for="catalog-filter" class="visually-hidden">{t("catalog-filter-label")}</label>
            <input
                id="catalog-filter"
                class="filter-input"
                type="search"
                name="q"
                placeholder=t("catalog-filter-placeholder")
                autocomplete="off"
                value=initial
                on:input=move |ev| filter.set(event_target_value(&ev))
            />
        </form>
        <div class="category-chips" role="group" aria-label=t("catalog-categories")>
            <button type="button" class="chip" aria-pressed=move || category.get().is_none().to_string()
                on:click=move |_| category.set(None)>{t("catalog-all")}</button>
            {chips.into_iter().map(|c| {
                let slug = c.slug.clone();
                let pressed = {
                    let slug = slug.clone();
                    move || (category.get().as_deref() == Some(slug.as_str())).to_string()
                };
                view! {
                    <button type="button" class="chip" aria-pressed=pressed
                        on:click=move |_| category.set(Some(slug.clone()))>
                        {c.icon.clone()} " " {c.name.clone()}
                    </button>
                }
            }).collect_view()}
        </div>
        {placed.into_iter().map(|p| {
            let Placed { category: c, depth, top } = p;
            let slug = c.slug.clone();
            let shown = {
                let slug = slug.clone();
                move || {
                    in_selection(&slug)
                        && if depth == 0 { subtree_visible(&top) } else { has_visible(&slug) }
                }
            };
            let cards = move || visible(&slug).into_iter().map(|card| view! { <ItemCardView card/> }).collect_view();
            let title = format!("{} {}", c.icon, c.name);
            let heading = move || {
                if depth == 0 {
                    view! { <h2>{title.clone()}</h2> }.into_any()
                } else {
                    view! { <h3>{title.clone()}</h3> }.into_any()
                }
            };
            let class = if depth == 0 { "category" } else { "category subcategory" };
            view! {
                <Show when=shown.clone()>
                    <section class=class aria-label=c.name.clone()>
                        {heading.clone()}
                        <div class="card-grid">{cards.clone()}</div>
                    </section>
                </Show>
            }
        }).collect_view()}
        <Show when=move || !any_visible()>
            <div class="empty-state" data-testid="catalog-empty">
                <h2>{t("catalog-nothing")}</h2>
                <p>{t("catalog-nothing-before")} " " <a href="/catalog/how-to-question">{t("catalog-nothing-link")}</a> {t("catalog-nothing-after")}</p>
            </div>
        </Show>
    }
}

/// A catalog item as a card; `query` (e.g. `?store=S012`) is passed on to the item's form.
#[component]
pub fn ItemCardView(card: ItemCard, #[prop(optional, into)] query: String) -> impl IntoView {
    view! {
        <a class="item-card" href=format!("/catalog/{}{query}", card.slug) data-testid="item-card">
            <span class="item-icon" aria-hidden="true">{card.icon.clone()}</span>
            <span class="item-name">{card.name.clone()}</span>
            <span class="item-summary">{card.summary.clone()}</span>
            <span class="item-meta">
                {card.requires_approval.then(|| view! { <span class="badge badge-approval">{t("catalog-needs-approval")}</span> })}
                {(card.kind == crate::domain::TicketKind::Incident).then(|| view! { <span class="badge badge-incident">{t("catalog-report-fault")}</span> })}
            </span>
        </a>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::TicketKind;

    fn card() -> ItemCard {
        ItemCard {
            slug: "laptop".into(),
            name: "Laptop".into(),
            summary: "A standard or developer laptop.".into(),
            icon: "💻".into(),
            category: "hardware".into(),
            kind: TicketKind::Request,
            keywords: vec!["notebook".into(), "ThinkPad".into()],
            requires_approval: true,
        }
    }

    fn category(slug: &str, parent: Option<&str>) -> CategoryView {
        CategoryView {
            slug: slug.into(),
            name: slug.into(),
            description: String::new(),
            icon: String::new(),
            parent: parent.map(Into::into),
        }
    }

    #[test]
    fn categories_nest_under_their_parents_in_stored_order() {
        let placed = nest(&[
            category("hardware", None),
            category("access", None),
            category("docks", Some("hardware")),
            category("usb-c", Some("docks")),
            category("laptops", Some("hardware")),
            category("lost", Some("nowhere")),
        ]);
        let seen: Vec<(&str, usize, &str)> = placed
            .iter()
            .map(|p| (p.category.slug.as_str(), p.depth, p.top.as_str()))
            .collect();
        assert_eq!(
            seen,
            vec![
                ("hardware", 0, "hardware"),
                ("docks", 1, "hardware"),
                ("usb-c", 2, "hardware"),
                ("laptops", 1, "hardware"),
                ("access", 0, "access"),
                ("lost", 0, "lost"),
            ]
        );
    }

    #[test]
    fn filter_matches_name_summary_and_keywords_in_any_order() {
        assert!(card_matches(&card(), ""));
        assert!(card_matches(&card(), "LAPTOP"));
        assert!(card_matches(&card(), "thinkpad"));
        assert!(card_matches(&card(), "developer laptop"));
        assert!(card_matches(&card(), "laptop developer"));
        assert!(!card_matches(&card(), "laptop monitor"));
    }
}
