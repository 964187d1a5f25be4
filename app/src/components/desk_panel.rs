//! What a ticket page offers beyond the form and the timeline: its service facts (priority,
//! SLA clocks, assignment) for everyone who sees it, the desk's controls for its agents, and
//! rating and reopening for the requester. Every control is a plain form posting to a server
//! function, so it works before the WebAssembly arrives and on a phone that never runs it.

use crate::api::desk::MAX_RATING_COMMENT;
use crate::api::requests::MAX_COMMENT_CHARS;
use crate::components::state_badge::PriorityBadge;
use crate::domain::sla::{describe, ClockState, ClockStatus};
use crate::i18n::{i18n, t, t_with};
use crate::model::{DeskPanel, ServiceView};
use leptos::prelude::*;

/// Priority, SLA clocks and who has the ticket.
#[component]
pub fn ServiceFacts(service: ServiceView) -> impl IntoView {
    let place = crate::pages::place(&service.store, &service.asset);
    view! {
        <dl class="facts service-facts" data-testid="service-facts">
            <dt>{t("service-priority")}</dt>
            <dd data-testid="priority"><PriorityBadge priority=service.priority long=true/></dd>
            {(!place.is_empty()).then(|| view! { <dt>{t("service-where")}</dt><dd>{place}</dd> })}
            <dt>{t("service-team")}</dt><dd>{service.assignment_group.clone()}</dd>
            <dt>{t("service-assigned-to")}</dt>
            <dd data-testid="assignee">{service.assignee.clone().unwrap_or_else(|| t("service-nobody-yet"))}</dd>
            <dt>{t("service-first-response")}</dt><dd><Clock status=service.response.clone() testid="response-clock"/></dd>
            <dt>{t("service-resolution")}</dt><dd><Clock status=service.resolution.clone() testid="resolution-clock"/></dd>
            {service.resolution_code.clone().map(|c| view! { <dt>{t("service-resolved-as")}</dt><dd data-testid="resolution-code">{c}</dd> })}
        </dl>
    }
}

#[component]
fn Clock(status: ClockStatus, testid: &'static str) -> impl IntoView {
    let class = match status.state {
        ClockState::Met => "sla sla-ok",
        ClockState::Paused => "sla sla-paused",
        ClockState::Breached => "sla sla-breached",
        ClockState::Running if status.warning => "sla sla-soon",
        ClockState::Running => "sla sla-ok",
    };
    let due = (status.state == ClockState::Running)
        .then_some(status.due)
        .flatten()
        .map(|d| {
            format!(
                " ({})",
                t_with("sla-due", &[("when", crate::pages::when(&d).into())])
            )
        });
    let paused =
        (status.state == ClockState::Paused).then(|| format!(" {}", t("sla-paused-for-requester")));
    view! {
        <span class=class data-testid=testid data-state=format!("{:?}", status.state).to_lowercase()>
            {i18n().say(&describe(&status))}{paused}{due}
        </span>
    }
}

/// The agent's controls: take or assign, reply / ask / internal note, resolve.
#[component]
pub fn DeskControls(number: String, panel: DeskPanel) -> impl IntoView {
    let hidden = move || view! { <input type="hidden" name="number" value=number.clone()/> };
    view! {
        <section class="desk-panel" aria-labelledby="desk-panel-title" data-testid="desk-panel">
            <h2 id="desk-panel-title">{t("desk-work-title")}</h2>
            {(!panel.possible_causes.is_empty()).then(|| view! {
                <div class="notice notice-offline" data-testid="possible-causes">
                    <p><strong>{t("desk-possible-causes")}</strong></p>
                    <ul>
                        {panel.possible_causes.iter().map(|(number, title)| view! {
                            <li><a href=format!("/changes/{}", crate::url::encode(number))>{number.clone()}</a>" " {title.clone()}</li>
                        }).collect_view()}
                    </ul>
                </div>
            })}
            {panel.can_assign.then(|| view! {
                <div class="desk-assign">
                    <form method="post" action="/api/ticket_action">
                        {hidden()}
                        <input type="hidden" name="action" value="take"/>
                        <button type="submit" class="btn btn-primary" data-testid="take">{t("desk-take")}</button>
                    </form>
                    <form method="post" action="/api/ticket_action" class="inline-form">
                        {hidden()}
                        <input type="hidden" name="action" value="assign"/>
                        <label for="assignee">{t("desk-assign-to")}</label>
                        <select id="assignee" name="assignee">
                            <option value="">{t("desk-back-to-queue")}</option>
                            {panel.members.iter().map(|(id, name)| view! { <option value=id.to_string()>{name.clone()}</option> }).collect_view()}
                        </select>
                        <button type="submit" class="btn btn-secondary" data-testid="assign">{t("desk-assign")}</button>
                    </form>
                </div>
            })}
            <form method="post" action="/api/ticket_action" class="stack desk-message">
                {hidden()}
                <div class="field">
                    <label for="desk-body">{t("desk-message")}</label>
                    <textarea id="desk-body" name="body" rows="4" required maxlength=MAX_COMMENT_CHARS.to_string()></textarea>
                    <p class="help">{t("desk-message-help")}</p>
                </div>
                <div class="form-actions">
                    <button type="submit" name="action" value="reply" class="btn btn-secondary" data-testid="reply">{t("desk-reply")}</button>
                    {panel.can_ask.then(|| view! {
                        <button type="submit" name="action" value="ask" class="btn btn-secondary" data-testid="ask">{t("desk-ask")}</button>
                    })}
                    <button type="submit" name="action" value="note" class="btn btn-secondary" data-testid="note">{t("desk-note")}</button>
                </div>
            </form>
            {panel.can_resolve.then(|| view! {
                <details class="desk-resolve">
                    <summary>{t("desk-resolve")}</summary>
                    <form method="post" action="/api/ticket_action" class="stack">
                        {hidden()}
                        <input type="hidden" name="action" value="resolve"/>
                        <div class="field">
                            <label for="resolution-code">{t("desk-resolution-code")}</label>
                            <select id="resolution-code" name="code" required>
                                <option value="">{t("desk-pick-one")}</option>
                                {panel.resolution_codes.iter().map(|c| view! { <option value=c.clone()>{c.clone()}</option> }).collect_view()}
                            </select>
                        </div>
                        <div class="field">
                            <label for="resolution-body">{t("desk-what-was-done")}</label>
                            <textarea id="resolution-body" name="body" rows="3" required maxlength=MAX_COMMENT_CHARS.to_string()></textarea>
                        </div>
                        <button type="submit" class="btn btn-primary" data-testid="resolve">{t("desk-resolve-ticket")}</button>
                    </form>
                </details>
            })}
        </section>
    }
}

/// Stars from 1 to 5 and an optional comment, once the ticket is resolved.
#[component]
pub fn RatingForm(number: String) -> impl IntoView {
    const WORDS: [&str; 5] = [
        "rating-very-poor",
        "rating-poor",
        "rating-ok",
        "rating-good",
        "rating-excellent",
    ];
    view! {
        <form id="rate" method="post" action="/api/rate" class="stack rating-form" data-testid="rating-form">
            <input type="hidden" name="number" value=number/>
            <fieldset class="rating">
                <legend>{t("rating-how-did-we-do")}</legend>
                {(1..=5).map(|n| view! {
                    <label class="rating-option">
                        <input type="radio" name="rating" value=n.to_string() required/>
                        <span>{"★".repeat(n)}</span>
                        <span class="rating-word">{t(WORDS[n - 1])}</span>
                    </label>
                }).collect_view()}
            </fieldset>
            <div class="field">
                <label for="rating-comment">{t("rating-anything-to-add")}</label>
                <textarea id="rating-comment" name="comment" rows="2" maxlength=MAX_RATING_COMMENT.to_string()></textarea>
            </div>
            <button type="submit" class="btn btn-primary" data-testid="rate">{t("rating-send")}</button>
        </form>
    }
}

/// "Not fixed after all": back to the desk within the grace period, with a reason.
#[component]
pub fn ReopenForm(number: String) -> impl IntoView {
    view! {
        <details class="reopen">
            <summary>{t("reopen-still-not-fixed")}</summary>
            <form method="post" action="/api/ticket_action" class="stack">
                <input type="hidden" name="number" value=number/>
                <input type="hidden" name="action" value="reopen"/>
                <div class="field">
                    <label for="reopen-body">{t("reopen-what-is-wrong")}</label>
                    <textarea id="reopen-body" name="body" rows="3" required maxlength=MAX_COMMENT_CHARS.to_string()></textarea>
                </div>
                <button type="submit" class="btn btn-secondary" data-testid="reopen">{t("reopen-submit")}</button>
            </form>
        </details>
    }
}
