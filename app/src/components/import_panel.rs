//! A CSV import on an administration page: choose a file, check it (a dry run that lists every
//! refused row with its line and reason), then import it, all or nothing. The file is read in
//! the browser, so this needs JavaScript; without it, the panel says so.

use crate::api::imports::import_csv;
use crate::components::error_notice::ErrorNotice;
use crate::i18n::{t, t_with, Arg};
use crate::model::{AppError, ImportFile, ImportReport};
use leptos::prelude::*;

/// Choose a file, check it, then import it. The file's text stays in memory between the check
/// and the import, so what is imported is what was checked.
#[component]
pub fn ImportPanel(
    file: ImportFile,
    on_done: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let (title, id) = match file {
        ImportFile::Stores => (t("import-stores"), "import-stores"),
        ImportFile::Devices => (t("import-devices"), "import-devices"),
        ImportFile::People => (t("import-people"), "import-people"),
    };
    let (required, optional) = file.columns();
    let columns = t_with(
        "import-columns-optional",
        &[
            ("required", required.join(", ").into()),
            ("optional", optional.join(", ").into()),
        ],
    );
    let text = RwSignal::new(None::<String>);
    let outcome = RwSignal::new(None::<Result<ImportReport, AppError>>);
    let busy = RwSignal::new(false);
    let run = move |apply: bool| {
        let Some(csv) = text.get_untracked() else {
            outcome.set(Some(Err(AppError::invalid_field(
                "file",
                t("import-choose-first"),
            ))));
            return;
        };
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = import_csv(file, csv, apply).await;
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
                    t("import-too-large"),
                ))));
                return;
            }
            leptos::task::spawn_local(async move {
                match wasm_bindgen_futures::JsFuture::from(file.text()).await {
                    Ok(value) => text.set(value.as_string()),
                    Err(_) => outcome.set(Some(Err(AppError::invalid_field(
                        "file",
                        t("import-unreadable"),
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
            <p class="muted">{t("import-columns")} " " <code>{columns}</code></p>
            <noscript><p class="notice notice-error">{t("import-needs-js")}</p></noscript>
            <div class="field">
                <label for=format!("{id}-file")>{t("import-file")}</label>
                <input id=format!("{id}-file") type="file" accept=".csv,text/csv" on:change=on_file/>
            </div>
            <div class="form-actions">
                <button type="button" class="btn" data-testid="check"
                    disabled=move || busy.get() || text.with(Option::is_none)
                    on:click=move |_| run(false)>{t("import-check")}</button>
                <button type="button" class="btn btn-primary" data-testid="apply"
                    disabled=move || busy.get() || !checked_clean()
                    on:click=move |_| run(true)>{t("import-import")}</button>
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
    let summary = t_with(
        "import-summary",
        &[
            ("created", Arg::count(created.len())),
            ("changed", Arg::count(changed.len())),
            ("unchanged", Arg::count(unchanged)),
        ],
    );
    view! {
        <div class="import-report" role="status" data-testid="import-report" data-applied=applied.to_string()>
            {if !refused.is_empty() {
                view! {
                    <p class="field-error">{t_with("import-refused", &[("count", Arg::count(refused.len()))])}</p>
                    <ul class="refused-rows">
                        {refused.into_iter().map(|r| view! {
                            <li data-testid="refused-row"><strong>{t_with("import-line", &[("line", Arg::count(r.line))])}</strong> ": " {r.reason}</li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            } else if applied {
                view! { <p class="notice notice-success">{t_with("import-done", &[("summary", summary.into())])}</p> }.into_any()
            } else {
                view! { <p>{t_with("import-checked", &[("summary", summary.into())])}</p> }.into_any()
            }}
            {(!created.is_empty()).then(|| view! {
                <details><summary>{t("import-new")}</summary><p class="muted">{created.join(", ")}</p></details>
            })}
            {(!changed.is_empty()).then(|| view! {
                <details><summary>{t("import-changed")}</summary><p class="muted">{changed.join(", ")}</p></details>
            })}
        </div>
    }
}
