use super::approval_chain::ApprovalChain;
use super::{query_error, when};
use crate::api::requests::request_detail;
use crate::components::desk_panel::{DeskControls, RatingForm, ReopenForm, ServiceFacts};
use crate::components::error_notice::ErrorNotice;
use crate::components::related_incidents::RelatedIncidents;
use crate::components::state_badge::StateBadge;
use crate::domain::{TicketKind, TicketState};
use crate::i18n::state_label;
use crate::i18n::{t, t_with};
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
        <Suspense fallback=|| view! { <p class="loading">{t("request-loading")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(detail) => view! { <RequestView detail/> }.into_any(),
                    Err(e) => view! { <Title text=t("request-not-available")/><ErrorNotice error=e/> }.into_any(),
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
        <nav class="breadcrumbs" aria-label=t("request-breadcrumb")>
            {if is_desk {
                view! { <a href="/desk">{t("nav-queue")}</a> }.into_any()
            } else {
                view! { <a href="/requests">{t("nav-my-requests")}</a> }.into_any()
            }}
            <span>{number.clone()}</span>
        </nav>
        <Show when=just_submitted>
            <div class="notice notice-success" role="status" data-testid="submitted">
                {t("request-submitted-before")} " " <strong>{submitted_number.clone()}</strong> " " {t("request-submitted-after")}
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
            <dt>{t("request-raised-by")}</dt><dd>{s.requester_name.clone()}</dd>
            <dt>{t("request-raised")}</dt><dd>{when(&s.created_at)}</dd>
            {detail.on_behalf_of.clone().map(|o| view! { <dt>{t("request-for")}</dt><dd>{o}</dd> })}
            {detail.approver_name.clone().map(|a| view! { <dt>{t("request-approver")}</dt><dd>{a}</dd> })}
        </dl>
        {detail.service.clone().map(|service| view! { <ServiceFacts service/> })}
        {(awaiting_user && !is_desk).then(|| view! {
            <div class="notice notice-info" role="status" data-testid="awaiting-you">
                {t("request-awaiting-you")}
            </div>
        })}
        {detail.rating.clone().map(|(stars, comment)| view! {
            <p class="rating-given" data-testid="rating-given">
                {t("request-you-rated")} " " {"★".repeat(stars.clamp(0, 5) as usize)} {(!comment.is_empty()).then(|| format!(" — “{comment}”"))}
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
        <h2>{if is_desk { t("request-answers-requester") } else { t("request-answers-yours") }}</h2>
        <dl class="answers" data-testid="answers">
            {detail.answers.iter().map(|a| {
                let value = match &a.answer {
                    crate::domain::validation::ValidAnswer::Attachment(id) => {
                        let name = detail.attachments.iter().find(|x| x.id == *id)
                            .map(|x| x.file_name.clone())
                            .unwrap_or_else(|| t_with("request-attachment", &[("id", (*id).into())]));
                        view! { <a href=format!("/attachments/{id}")>{name}</a> }.into_any()
                    }
                    other => crate::i18n::i18n().answer(other).into_any(),
                };
                view! { <dt>{a.label.clone()}</dt><dd>{value}</dd> }
            }).collect_view()}
        </dl>
        {detail.approval.clone().map(|run| view! { <ApprovalChain run/> })}
        <h2>{t("request-timeline")}</h2>
        <ol class="timeline" data-testid="timeline">
            {detail.timeline.into_iter().map(|e| view! { <TimelineEvent event=e/> }).collect_view()}
        </ol>
        <Show when=move || detail.can_comment && !is_desk>
            <form class="comment-form stack" method="post" action="/api/comment">
                <input type="hidden" name="number" value=number.clone()/>
                <div class="field">
                    <label for="comment-body">{if awaiting_user { t("request-your-answer") } else { t("request-add-comment") }}</label>
                    <textarea id="comment-body" name="body" rows="3" required maxlength="4000"></textarea>
                </div>
                <div class="form-actions"><button type="submit" class="btn btn-secondary" data-testid="send-comment">
                    {if awaiting_user { t("request-send-answer") } else { t("request-send-comment") }}
                </button></div>
            </form>
        </Show>
        <Show when=move || detail.can_cancel>
            <details class="cancel-request">
                <summary>{t("request-cancel-summary")}</summary>
                <form method="post" action="/api/cancel" class="stack">
                    <input type="hidden" name="number" value=s.number.clone()/>
                    <div class="field">
                        <label for="cancel-reason">{t("request-cancel-why")}</label>
                        <input id="cancel-reason" name="reason" type="text" maxlength="500"/>
                    </div>
                    <button type="submit" class="btn btn-danger" data-testid="cancel">{t("request-cancel")}</button>
                </form>
            </details>
        </Show>
    }
}

#[component]
fn TimelineEvent(event: EventView) -> impl IntoView {
    // An event kind the language file does not know shows as it is stored.
    let label = t_with("request-event", &[("kind", event.kind.as_str().into())]);
    let change = event.change.as_ref().map(change_text);
    view! {
        <li class=format!("event event-{}", event.kind) class:internal=event.internal data-kind=event.kind.clone()>
            <span class="event-kind">{label}{event.internal.then(|| format!(" · {}", t("request-desk-only")))}</span>
            <span class="event-meta">{event.author.clone()} " · " {when(&event.at)}</span>
            {change.map(|c| view! { <span class="event-change" data-testid="event-change">{c}</span> })}
            {(!event.body.is_empty()).then(|| view! { <p class="event-body">{event.body.clone()}</p> })}
        </li>
    }
}

/// "State: New → In progress": the audit trail's before and after, in words.
fn change_text(change: &crate::model::FieldChangeView) -> String {
    let word = |v: &Option<String>| match v.as_deref() {
        None | Some("") => t("request-change-nothing"),
        Some(v) if change.field == "state" => TicketState::parse(v)
            .map(state_label)
            .unwrap_or_else(|| v.to_string()),
        Some(v) => v.to_string(),
    };
    t_with(
        "request-change",
        &[
            ("field", change.field.as_str().into()),
            ("before", word(&change.before).into()),
            ("after", word(&change.after).into()),
        ],
    )
}
