//! The audit log: every administrative change with who made it, when, and the record before and
//! after. A GET form filters it (so filters work without JavaScript and a filtered view is a
//! link to share); the same filter downloads as CSV. Administrators only: to anyone else the
//! page does not exist.

use super::{refusal_status, when};
use crate::api::audit::audit_log;
use crate::components::admin_tabs::AdminTabs;
use crate::components::error_notice::ErrorNotice;
use crate::components::pager::Pager;
use crate::components::role_gate::{PageFor, RoleGate};
use crate::i18n::{t, t_with};
use crate::model::{AppError, AuditEntryView, AuditKind, Page};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The filter as the URL carries it.
#[derive(Clone, Debug, Default, PartialEq)]
struct AuditQuery {
    kind: String,
    q: String,
    from: String,
    to: String,
}

impl AuditQuery {
    /// The query string without the page, for page links and the CSV download.
    fn query_string(&self) -> String {
        [
            ("kind", &self.kind),
            ("q", &self.q),
            ("from", &self.from),
            ("to", &self.to),
        ]
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}={}", crate::url::encode(v)))
        .collect::<Vec<_>>()
        .join("&")
    }
}

fn some(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

#[component]
pub fn AuditPage() -> impl IntoView {
    view! { <RoleGate page_for=PageFor::Admins><AuditContent/></RoleGate> }
}

#[component]
fn AuditContent() -> impl IntoView {
    let query = use_query_map();
    let filter = Memo::new(move |_| {
        let q = query.read();
        let get = |k: &str| q.get(k).unwrap_or_default();
        AuditQuery {
            kind: get("kind"),
            q: get("q"),
            from: get("from"),
            to: get("to"),
        }
    });
    let page = Memo::new(move |_| query.read().get("page").and_then(|p| p.parse::<u32>().ok()));
    let data = Resource::new(
        move || (filter.get(), page.get()),
        |(f, page)| audit_log(some(&f.kind), some(&f.q), some(&f.from), some(&f.to), page),
    );
    view! {
        <Title text=t("audit-title")/>
        <Suspense fallback=|| view! { <p class="loading">{t("audit-loading")}</p> }>
            {move || Suspend::new(async move {
                let answer = data.await;
                match answer {
                    // Not an administrator: the page does not exist for them, filter and all.
                    Err(e @ (AppError::NotFound { .. } | AppError::NotSignedIn)) => {
                        refusal_status(&e);
                        view! { <ErrorNotice error=e/> }.into_any()
                    }
                    other => {
                        if let Err(e) = &other {
                            refusal_status(e);
                        }
                        view! { <AuditLog filter=filter.get_untracked() answer=other/> }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

#[component]
fn AuditLog(filter: AuditQuery, answer: Result<Page<AuditEntryView>, AppError>) -> impl IntoView {
    let field_error = |key: &str| {
        answer
            .as_ref()
            .err()
            .and_then(AppError::field_errors)
            .and_then(|f| f.get(key).cloned())
    };
    let (kind_error, from_error, to_error) =
        (field_error("kind"), field_error("from"), field_error("to"));
    let qs = filter.query_string();
    let csv = if qs.is_empty() {
        "/admin/audit.csv".to_string()
    } else {
        format!("/admin/audit.csv?{qs}")
    };
    view! {
        <AdminTabs current="/admin/audit"/>
        <h1 class="page-title">{t("audit-title")}</h1>
        <p class="page-intro">{t("audit-intro")}</p>
        <form class="filter-form" method="get" action="/admin/audit" data-testid="audit-filter">
            <div class="field">
                <label for="audit-kind">{t("audit-what")}</label>
                <select id="audit-kind" name="kind" aria-invalid=kind_error.is_some().then_some("true")>
                    <option value="" selected=filter.kind.is_empty()>{t("audit-everything")}</option>
                    {AuditKind::ALL.into_iter().map(|k| view! {
                        <option value=k.as_str() selected=filter.kind == k.as_str()>{kind_label(k.as_str())}</option>
                    }).collect_view()}
                </select>
                {kind_error.map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
            </div>
            <div class="field">
                <label for="audit-q">{t("audit-who")}</label>
                <input id="audit-q" name="q" type="search" maxlength="200" value=filter.q.clone()
                    placeholder="e-mail, name, item, token…"/>
            </div>
            <div class="field">
                <label for="audit-from">{t("dashboard-from")}</label>
                <input id="audit-from" name="from" type="date" value=filter.from.clone()
                    aria-invalid=from_error.is_some().then_some("true")/>
                {from_error.map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
            </div>
            <div class="field">
                <label for="audit-to">{t("dashboard-to")}</label>
                <input id="audit-to" name="to" type="date" value=filter.to.clone()
                    aria-invalid=to_error.is_some().then_some("true")/>
                {to_error.map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
            </div>
            <div class="form-actions">
                <button type="submit" class="btn btn-primary">{t("dashboard-show")}</button>
                <a href="/admin/audit">{t("audit-clear")}</a>
            </div>
        </form>
        {match answer {
            Ok(page) => view! { <AuditEntries page qs csv/> }.into_any(),
            // A refused filter is shown beside its field above; anything else here.
            Err(e) if e.field_errors().is_some() => ().into_any(),
            Err(e) => view! { <ErrorNotice error=e/> }.into_any(),
        }}
    }
}

#[component]
fn AuditEntries(page: Page<AuditEntryView>, qs: String, csv: String) -> impl IntoView {
    let n = page.page;
    let has_next = page.has_next();
    let total = page.total;
    let link = move |p: u32| {
        if qs.is_empty() {
            format!("/admin/audit?page={p}")
        } else {
            format!("/admin/audit?{qs}&page={p}")
        }
    };
    view! {
        <p data-testid="audit-total">
            {t_with("audit-total", &[("count", total.into())])}
            " · " <a href=csv download="" rel="external">{t("set-csv")}</a>
        </p>
        {if page.items.is_empty() {
            view! { <div class="empty-state"><p>{t("audit-none")}</p></div> }.into_any()
        } else {
            view! {
                <ol class="audit-list">
                    {page.items.into_iter().map(|e| view! { <AuditRow entry=e/> }).collect_view()}
                </ol>
            }.into_any()
        }}
        <Pager page=n has_next link previous="requests-newer" next="requests-older"/>
    }
}

#[component]
fn AuditRow(entry: AuditEntryView) -> impl IntoView {
    let kind = kind_label(&entry.kind);
    let has_detail = entry.before.is_some() || entry.after.is_some();
    view! {
        <li class="audit-entry" data-testid="audit-entry" data-kind=entry.kind.clone() data-action=entry.action.clone()>
            <p class="audit-what">
                <span class="badge">{kind}</span> " "
                <strong>{entry.action.clone()}</strong> " "
                <span class="audit-subject">{entry.subject.clone()}</span>
            </p>
            <p class="muted">{when(&entry.at)} " · " {entry.actor.clone()}</p>
            {has_detail.then(|| view! {
                <details class="audit-detail">
                    <summary>{t("audit-before-after")}</summary>
                    <div class="audit-states">
                        <div><h3>{t("audit-before")}</h3><pre>{entry.before.clone().unwrap_or_else(|| t("audit-nothing"))}</pre></div>
                        <div><h3>{t("audit-after")}</h3><pre>{entry.after.clone().unwrap_or_else(|| t("audit-nothing"))}</pre></div>
                    </div>
                </details>
            })}
        </li>
    }
}

/// What kind of thing changed, in the reader's words ("Stores"); a kind this version does not
/// know reads as its key.
fn kind_label(kind: &str) -> String {
    t_with("audit-kind", &[("kind", kind.into())])
}
