//! Stores and devices for administrators: the list with search, and CSV imports of stores and
//! of devices, each checked first (a dry run that lists every refused row with its line) and
//! then applied all or nothing. Reading the chosen file needs JavaScript; the list does not.

use super::refusal_status;
use crate::api::places::{admin_stores, import_places};
use crate::app::CurrentUser;
use crate::components::admin_tabs::AdminTabs;
use crate::components::error_notice::ErrorNotice;
use crate::model::{AppError, ImportReport, Page, PlacesFile, Role, StoreAdminView};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn StoresPage() -> impl IntoView {
    let query = use_query_map();
    let q = Memo::new(move |_| query.read().get("q").unwrap_or_default());
    let page = Memo::new(move |_| query.read().get("page").and_then(|p| p.parse::<u32>().ok()));
    let data = Resource::new(
        move || (q.get(), page.get()),
        |(q, page)| admin_stores((!q.is_empty()).then_some(q), page),
    );
    // The page's frame and the import panels follow the signed-in person, which is loaded once;
    // only the list reloads after an import, so a panel keeps its report on screen.
    let user = expect_context::<CurrentUser>();
    let is_admin =
        move || async move { matches!(user.await, Ok(Some(u)) if u.role == Role::Admin) };
    view! {
        <Title text="Stores and devices"/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                is_admin().await.then(|| view! {
                    <AdminTabs current="/admin/stores"/>
                    <h1 class="page-title">"Stores and devices"</h1>
                    <form class="filter-form" method="get" action="/admin/stores" role="search">
                        <div class="field">
                            <label for="store-q">"Find a store"</label>
                            <input id="store-q" name="q" type="search" value=q.get_untracked()
                                placeholder="code, name or region"/>
                        </div>
                        <div class="form-actions"><button type="submit" class="btn">"Find"</button></div>
                    </form>
                })
            })}
        </Suspense>
        <Suspense fallback=|| view! { <p class="loading">"Loading the stores…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Err(e) => {
                        refusal_status(&e);
                        view! { <ErrorNotice error=e/> }.into_any()
                    }
                    Ok(list) => view! { <StoreList list q=q.get_untracked()/> }.into_any(),
                }
            })}
        </Suspense>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                is_admin().await.then(|| view! {
                    <h2>"Import from CSV"</h2>
                    <p class="muted">"Import the stores first, then their devices. Each file is checked before anything is written; a file with a refused row imports nothing."</p>
                    <ImportPanel file=PlacesFile::Stores on_done=move || data.refetch()/>
                    <ImportPanel file=PlacesFile::Devices on_done=move || data.refetch()/>
                })
            })}
        </Suspense>
    }
}

#[component]
fn StoreList(list: Page<StoreAdminView>, q: String) -> impl IntoView {
    let n = list.page;
    let has_next = list.has_next();
    let link = move |p: u32| format!("/admin/stores?q={}&page={p}", crate::url::encode(&q));
    if list.items.is_empty() {
        return view! {
            <div class="empty-state" data-testid="no-stores">
                <p>"No stores match. Import them from a CSV below, or clear the search."</p>
            </div>
        }
        .into_any();
    }
    view! {
        <p data-testid="store-total">{format!("{} store{}", list.total, if list.total == 1 { "" } else { "s" })}</p>
        <ul class="admin-list" data-testid="store-list">
            {list.items.into_iter().map(|s| view! {
                <li>
                    <a href=format!("/admin/stores/{}", crate::url::encode(&s.code))>
                        <strong>{s.code.clone()}</strong> " " {s.name.clone()}
                    </a>
                    <span class="muted">{format!(" · {} · {} · {} device{}", s.region, s.timezone, s.devices, if s.devices == 1 { "" } else { "s" })}</span>
                </li>
            }).collect_view()}
        </ul>
        <nav class="pagination" aria-label="Pages">
            {(n > 1).then(|| view! { <a href=link(n - 1) rel="prev">"← Previous"</a> })}
            <span class="page-info">{format!("Page {n}")}</span>
            {has_next.then(|| view! { <a href=link(n + 1) rel="next">"Next →"</a> })}
        </nav>
    }
    .into_any()
}

/// Choose a file, check it, then import it. The file's text stays in memory between the check
/// and the import, so what is imported is what was checked.
#[component]
fn ImportPanel(
    file: PlacesFile,
    on_done: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let (title, id) = match file {
        PlacesFile::Stores => ("Stores", "import-stores"),
        PlacesFile::Devices => ("Devices", "import-devices"),
    };
    let (required, optional) = file.columns();
    let columns = format!(
        "{} (optional: {})",
        required.join(", "),
        optional.join(", ")
    );
    let text = RwSignal::new(None::<String>);
    let outcome = RwSignal::new(None::<Result<ImportReport, AppError>>);
    let busy = RwSignal::new(false);
    let run = move |apply: bool| {
        let Some(csv) = text.get_untracked() else {
            outcome.set(Some(Err(AppError::invalid_field(
                "file",
                "Choose a CSV file first.",
            ))));
            return;
        };
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = import_places(file, csv, apply).await;
            if matches!(&result, Ok(r) if r.applied) {
                on_done();
            }
            outcome.set(Some(result));
            busy.set(false);
        });
    };
    let on_file = move |ev: leptos::ev::Event| {
        outcome.set(None);
        text.set(None);
        #[cfg(feature = "hydrate")]
        {
            use wasm_bindgen::JsCast;
            let Some(file) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                .and_then(|input| input.files())
                .and_then(|files| files.get(0))
            else {
                return;
            };
            if file.size() > crate::model::MAX_IMPORT_BYTES as f64 {
                outcome.set(Some(Err(AppError::invalid_field(
                    "file",
                    "The file is larger than 5 MB. Split it into smaller files.",
                ))));
                return;
            }
            leptos::task::spawn_local(async move {
                match wasm_bindgen_futures::JsFuture::from(file.text()).await {
                    Ok(value) => text.set(value.as_string()),
                    Err(_) => outcome.set(Some(Err(AppError::invalid_field(
                        "file",
                        "The file could not be read. Choose it again.",
                    )))),
                }
            });
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = ev;
    };
    let checked_clean =
        move || outcome.with(|o| matches!(o, Some(Ok(r)) if !r.applied && r.refused.is_empty()));
    view! {
        <section class="import-panel" data-testid=id>
            <h3>{title}</h3>
            <p class="muted">"Columns: " <code>{columns}</code></p>
            <noscript><p class="notice notice-error">"Importing reads the file in your browser: turn JavaScript on."</p></noscript>
            <div class="field">
                <label for=format!("{id}-file")>"CSV file (UTF-8, up to 5 MB)"</label>
                <input id=format!("{id}-file") type="file" accept=".csv,text/csv" on:change=on_file/>
            </div>
            <div class="form-actions">
                <button type="button" class="btn" data-testid="check"
                    disabled=move || busy.get() || text.with(Option::is_none)
                    on:click=move |_| run(false)>"Check the file"</button>
                <button type="button" class="btn btn-primary" data-testid="apply"
                    disabled=move || busy.get() || !checked_clean()
                    on:click=move |_| run(true)>"Import"</button>
            </div>
            {move || outcome.get().map(|o| match o {
                Ok(report) => view! { <ImportResult report/> }.into_any(),
                Err(e) => match e.field_errors().and_then(|f| f.get("file").cloned()) {
                    Some(message) => view! { <p class="field-error" role="alert" data-testid="file-error">{message}</p> }.into_any(),
                    None => view! { <ErrorNotice error=e/> }.into_any(),
                },
            })}
        </section>
    }
}

#[component]
pub fn ImportResult(report: ImportReport) -> impl IntoView {
    let ImportReport {
        applied,
        created,
        changed,
        unchanged,
        refused,
    } = report;
    let summary = format!(
        "{} new, {} changed, {} unchanged",
        created.len(),
        changed.len(),
        unchanged
    );
    view! {
        <div class="import-report" role="status" data-testid="import-report" data-applied=applied.to_string()>
            {if !refused.is_empty() {
                view! {
                    <p class="field-error">{format!("{} row{} refused: nothing was imported. Fix them and check again.", refused.len(), if refused.len() == 1 { "" } else { "s" })}</p>
                    <ul class="refused-rows">
                        {refused.into_iter().map(|r| view! {
                            <li data-testid="refused-row"><strong>{format!("Line {}", r.line)}</strong> ": " {r.reason}</li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            } else if applied {
                view! { <p class="notice notice-success">"Imported: " {summary}"."</p> }.into_any()
            } else {
                view! { <p>"The file is fine: " {summary} ". Import it to write these changes."</p> }.into_any()
            }}
            {(!created.is_empty()).then(|| view! {
                <details><summary>"New"</summary><p class="muted">{created.join(", ")}</p></details>
            })}
            {(!changed.is_empty()).then(|| view! {
                <details><summary>"Changed"</summary><p class="muted">{changed.join(", ")}</p></details>
            })}
        </div>
    }
}
