//! The mail log: what Deskfront queued, sent, is still trying, or gave up on, newest first, so an
//! admin can see that mail works and who did not get what. Administrators only.

use super::{refusal_status, when};
use crate::api::mail::mail_log;
use crate::components::admin_tabs::AdminTabs;
use crate::components::error_notice::ErrorNotice;
use crate::components::pager::Pager;
use crate::components::role_gate::{PageFor, RoleGate};
use crate::i18n::{t, t_with};
use crate::model::{MailLogFilter, MailLogRow, Page};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn MailLogPage() -> impl IntoView {
    view! { <RoleGate page_for=PageFor::Admins><MailLogContent/></RoleGate> }
}

#[component]
fn MailLogContent() -> impl IntoView {
    let query = use_query_map();
    let filter =
        Memo::new(move |_| MailLogFilter::parse(&query.read().get("show").unwrap_or_default()));
    let page = Memo::new(move |_| query.read().get("page").and_then(|p| p.parse::<u32>().ok()));
    let data = Resource::new(
        move || (filter.get(), page.get()),
        |(f, page)| mail_log(Some(f.as_str().to_string()), page),
    );
    view! {
        <Title text=t("mail-log-title")/>
        <AdminTabs current="/admin/mail"/>
        <h1 class="page-title">{t("mail-log-title")}</h1>
        <p class="page-intro">{t("mail-log-intro")}</p>
        <nav class="filter-chips" aria-label=t("mail-log-show")>
            {[MailLogFilter::All, MailLogFilter::Problems, MailLogFilter::Pending].into_iter().map(|f| {
                let label = match f {
                    MailLogFilter::All => t("mail-log-all"),
                    MailLogFilter::Problems => t("mail-log-problems"),
                    MailLogFilter::Pending => t("mail-log-waiting"),
                };
                let current = move || (filter.get() == f).then_some("page");
                view! { <a href=format!("/admin/mail?show={}", f.as_str()) aria-current=current>{label}</a> }
            }).collect_view()}
        </nav>
        <Suspense fallback=|| view! { <p class="loading">{t("mail-log-loading")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Err(e) => {
                        refusal_status(&e);
                        view! { <ErrorNotice error=e/> }.into_any()
                    }
                    Ok(page) => view! { <MailRows page filter=filter.get_untracked()/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn MailRows(page: Page<MailLogRow>, filter: MailLogFilter) -> impl IntoView {
    let n = page.page;
    let has_next = page.has_next();
    let link = move |p: u32| format!("/admin/mail?show={}&page={p}", filter.as_str());
    if page.items.is_empty() {
        return view! {
            <div class="empty-state" data-testid="no-mail">
                <p>{t("mail-log-none")}</p>
            </div>
        }
        .into_any();
    }
    view! {
        <div class="table-scroll">
            <table class="data-table" data-testid="mail-log">
                <thead>
                    <tr><th scope="col">{t("mail-log-queued")}</th><th scope="col">{t("mail-log-to")}</th><th scope="col">{t("mail-log-what")}</th><th scope="col">{t("mail-log-ticket")}</th><th scope="col">{t("mail-log-state")}</th><th scope="col">{t("mail-log-note")}</th></tr>
                </thead>
                <tbody>
                    {page.items.into_iter().map(|m| {
                        let kind = t_with("settings-mail-kind", &[("kind", m.kind.as_str().into())]);
                        let state = match m.sent_at {
                            Some(at) if m.state == "sent" => t_with("mail-log-sent", &[("when", when(&at).into())]),
                            _ => m.state.clone(),
                        };
                        view! {
                            <tr data-testid="mail-row" data-state=m.state.clone()>
                                <td>{when(&m.created_at)}</td>
                                <td>{m.recipient.clone()}</td>
                                <td>{kind}</td>
                                <td><a href=format!("/requests/{}", m.ticket_number)>{m.ticket_number.clone()}</a></td>
                                <td>{state}{(m.attempts > 1).then(|| format!(" {}", t_with("mail-log-attempts", &[("count", m.attempts.into())])))}</td>
                                <td class="muted">{m.last_error.clone().unwrap_or_default()}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <Pager page=n has_next link previous="requests-newer" next="requests-older"/>
    }
    .into_any()
}
