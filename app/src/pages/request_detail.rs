use super::{query_error, when};
use crate::api::requests::request_detail;
use crate::components::desk_panel::{DeskControls, RatingForm, ReopenForm, ServiceFacts};
use crate::components::error_notice::ErrorNotice;
use crate::components::related_incidents::RelatedIncidents;
use crate::components::state_badge::StateBadge;
use crate::domain::{TicketKind, TicketState};
use crate::model::{EventView, TicketDetail};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn RequestDetailPage() -> impl IntoView {
    let params = use_params_map();
    let number = move || params.read().get("number").unwrap_or_default();
    let data = Resource::new(number, request_detail);
    view! {
        <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(detail) => view! { <RequestView detail/> }.into_any(),
                    Err(e) => view! { <Title text="Request"/><ErrorNotice error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn RequestView(detail: TicketDetail) -> impl IntoView {
    let query = use_query_map();
    let error = query_error();
    let just_submitted = move || query.read().get("submitted").is_some();
    let s = detail.summary.clone();
    let number = s.number.clone();
    let awaiting_user = s.state == TicketState::AwaitingUser;
    let is_desk = detail.desk.is_some();
    let submitted_number = number.clone();
    view! {
        <Title text=format!("{} {}", s.number, s.title)/>
        <nav class="breadcrumbs" aria-label="Breadcrumb">
            {if is_desk {
                view! { <a href="/desk">"Queue"</a> }.into_any()
            } else {
                view! { <a href="/requests">"My requests"</a> }.into_any()
            }}
            <span>{number.clone()}</span>
        </nav>
        <Show when=just_submitted>
            <div class="notice notice-success" role="status" data-testid="submitted">
                "Thanks — your request is in. Quote " <strong>{submitted_number.clone()}</strong> " if you contact the service desk."
            </div>
        </Show>
        {move || error.get().map(|e| view! { <div class="notice notice-error" role="alert" data-testid="action-error">{e}</div> })}
        <div class="request-header">
            <h1 class="page-title">
                <span class="request-number" data-testid="request-number">{s.number.clone()}</span>
                " " {s.title.clone()}
            </h1>
            <StateBadge state=s.state/>
        </div>
        <dl class="facts">
            <dt>"Raised by"</dt><dd>{s.requester_name.clone()}</dd>
            <dt>"Raised"</dt><dd>{when(&s.created_at)}</dd>
            {detail.on_behalf_of.clone().map(|o| view! { <dt>"For"</dt><dd>{o}</dd> })}
            {detail.approver_name.clone().map(|a| view! { <dt>"Approver"</dt><dd>{a}</dd> })}
        </dl>
        {detail.service.clone().map(|service| view! { <ServiceFacts service/> })}
        {(awaiting_user && !is_desk).then(|| view! {
            <div class="notice notice-info" role="status" data-testid="awaiting-you">
                "The service desk asked you something (see the timeline). Answer below; the clock on your ticket waits until you do."
            </div>
        })}
        {detail.rating.clone().map(|(stars, comment)| view! {
            <p class="rating-given" data-testid="rating-given">
                "You rated this " {"★".repeat(stars.clamp(0, 5) as usize)} {(!comment.is_empty()).then(|| format!(" — “{comment}”"))}
            </p>
        })}
        {detail.can_rate.then(|| view! { <RatingForm number=number.clone()/> })}
        {detail.can_reopen.then(|| view! { <ReopenForm number=number.clone()/> })}
        {detail.desk.clone().map(|panel| {
            let rule = panel.recurring;
            let incident = detail.kind == TicketKind::Incident;
            view! {
                <DeskControls number=number.clone() panel/>
                {incident.then(|| view! { <RelatedIncidents number=number.clone() title=s.title.clone() rule/> })}
            }
        })}
        <h2>{if is_desk { "Requester's answers" } else { "Your answers" }}</h2>
        <dl class="answers" data-testid="answers">
            {detail.answers.iter().map(|a| {
                let value = match &a.answer {
                    crate::domain::validation::ValidAnswer::Attachment(id) => {
                        let name = detail.attachments.iter().find(|x| x.id == *id)
                            .map(|x| x.file_name.clone()).unwrap_or_else(|| format!("attachment #{id}"));
                        view! { <a href=format!("/attachments/{id}")>{name}</a> }.into_any()
                    }
                    other => other.display().into_any(),
                };
                view! { <dt>{a.label.clone()}</dt><dd>{value}</dd> }
            }).collect_view()}
        </dl>
        <h2>"Timeline"</h2>
        <ol class="timeline" data-testid="timeline">
            {detail.timeline.into_iter().map(|e| view! { <TimelineEvent event=e/> }).collect_view()}
        </ol>
        <Show when=move || detail.can_comment && !is_desk>
            <form class="comment-form stack" method="post" action="/api/comment">
                <input type="hidden" name="number" value=number.clone()/>
                <div class="field">
                    <label for="comment-body">{if awaiting_user { "Your answer" } else { "Add a comment" }}</label>
                    <textarea id="comment-body" name="body" rows="3" required maxlength="4000"></textarea>
                </div>
                <div class="form-actions"><button type="submit" class="btn btn-secondary" data-testid="send-comment">
                    {if awaiting_user { "Send answer" } else { "Send comment" }}
                </button></div>
            </form>
        </Show>
        <Show when=move || detail.can_cancel>
            <details class="cancel-request">
                <summary>"Cancel this request"</summary>
                <form method="post" action="/api/cancel" class="stack">
                    <input type="hidden" name="number" value=s.number.clone()/>
                    <div class="field">
                        <label for="cancel-reason">"Why? (optional)"</label>
                        <input id="cancel-reason" name="reason" type="text" maxlength="500"/>
                    </div>
                    <button type="submit" class="btn btn-danger" data-testid="cancel">"Cancel request"</button>
                </form>
            </details>
        </Show>
    }
}

#[component]
fn TimelineEvent(event: EventView) -> impl IntoView {
    let label = match event.kind.as_str() {
        "submitted" => "Submitted",
        "approval_requested" => "Waiting for approval",
        "approval_approved" => "Approved",
        "approval_rejected" => "Rejected",
        "comment" => "Comment",
        "cancelled" => "Cancelled",
        "closed" => "Closed",
        "state_changed" => "State changed",
        "assigned" => "Assigned",
        "question" => "Question for you",
        "reply" => "Reply",
        "note" => "Internal note",
        "resolved" => "Resolved",
        "reopened" => "Reopened",
        "rated" => "Rated",
        "sla_warning" => "SLA warning",
        "sla_breach" => "SLA breached",
        "problem_linked" => "Linked to a problem",
        "problem_updated" => "Problem updated",
        other => other,
    }
    .to_string();
    let change = event.change.as_ref().map(change_text);
    view! {
        <li class=format!("event event-{}", event.kind) class:internal=event.internal data-kind=event.kind.clone()>
            <span class="event-kind">{label}{event.internal.then_some(" · desk only")}</span>
            <span class="event-meta">{event.author.clone()} " · " {when(&event.at)}</span>
            {change.map(|c| view! { <span class="event-change" data-testid="event-change">{c}</span> })}
            {(!event.body.is_empty()).then(|| view! { <p class="event-body">{event.body.clone()}</p> })}
        </li>
    }
}

/// "State: New → In progress": the audit trail's before and after, in words.
fn change_text(change: &crate::model::FieldChangeView) -> String {
    let word = |v: &Option<String>| match v.as_deref() {
        None | Some("") => "nothing".to_string(),
        Some(v) if change.field == "state" => TicketState::parse(v)
            .map(|s| s.label().to_string())
            .unwrap_or_else(|| v.to_string()),
        Some(v) => v.to_string(),
    };
    let field = match change.field.as_str() {
        "state" => "State",
        "assignee" => "Assignee",
        "resolution_code" => "Resolution code",
        "priority" => "Priority",
        other => other,
    };
    format!(
        "{field}: {} → {}",
        word(&change.before),
        word(&change.after)
    )
}
