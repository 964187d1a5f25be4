//! The mail log: what Deskfront queued, sent, is still trying, or gave up on, newest first, so an
//! admin can see that mail works and who did not get what. Administrators only.

use super::{refusal_status, when};
use crate::api::mail::mail_log;
use crate::components::admin_tabs::AdminTabs;
use crate::components::error_notice::ErrorNotice;
use crate::components::pager::Pager;
use crate::components::role_gate::{PageFor, RoleGate};
use crate::domain::mail::MailKind;
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
        <Title text="Mail log"/>
        <AdminTabs current="/admin/mail"/>
        <h1 class="page-title">"Mail log"</h1>
        <p class="page-intro">"Every mail the portal queued in the last 30 days. A mail the server is down for is tried again for two days; one it refuses, or one a stopped server may or may not have sent (uncertain), is never sent again by itself."</p>
        <nav class="filter-chips" aria-label="Show">
            {[MailLogFilter::All, MailLogFilter::Problems, MailLogFilter::Pending].into_iter().map(|f| {
                let label = match f {
                    MailLogFilter::All => "All",
                    MailLogFilter::Problems => "Failed and uncertain",
                    MailLogFilter::Pending => "Waiting",
                };
                let current = move || (filter.get() == f).then_some("page");
                view! { <a href=format!("/admin/mail?show={}", f.as_str()) aria-current=current>{label}</a> }
            }).collect_view()}
        </nav>
        <Suspense fallback=|| view! { <p class="loading">"Loading the mail log…"</p> }>
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
                <p>"No mail here. Mails appear when something needs someone: an approval, a reply, a resolution, an SLA warning."</p>
            </div>
        }
        .into_any();
    }
    view! {
        <div class="table-scroll">
            <table class="data-table" data-testid="mail-log">
                <thead>
                    <tr><th scope="col">"Queued"</th><th scope="col">"To"</th><th scope="col">"What"</th><th scope="col">"Ticket"</th><th scope="col">"State"</th><th scope="col">"Note"</th></tr>
                </thead>
                <tbody>
                    {page.items.into_iter().map(|m| {
                        let kind = MailKind::from_key(&m.kind).map(MailKind::label).unwrap_or("Mail");
                        let state = match m.sent_at {
                            Some(at) if m.state == "sent" => format!("sent {}", when(&at)),
                            _ => m.state.clone(),
                        };
                        view! {
                            <tr data-testid="mail-row" data-state=m.state.clone()>
                                <td>{when(&m.created_at)}</td>
                                <td>{m.recipient.clone()}</td>
                                <td>{kind}</td>
                                <td><a href=format!("/requests/{}", m.ticket_number)>{m.ticket_number.clone()}</a></td>
                                <td>{state}{(m.attempts > 1).then(|| format!(" ({} attempts)", m.attempts))}</td>
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
