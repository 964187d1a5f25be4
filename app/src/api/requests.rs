use crate::domain::Answers;
#[cfg(feature = "ssr")]
use crate::i18n::{t, t_with};
use crate::model::{AppError, Page, SubmitReceipt, TicketDetail, TicketSummary};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

pub const PER_PAGE: u32 = 20;
pub const MAX_COMMENT_CHARS: usize = 4_000;

/// Submits a filled request form. JSON in, because answers are a map of lists.
#[server(endpoint = "submit_request", input = Json)]
pub async fn submit_request(
    item_slug: String,
    form_version: i64,
    answers: Answers,
    idempotency_key: String,
) -> Result<SubmitReceipt, AppError> {
    use crate::backend::{session, state, submit};
    let user = session::require_user().await?;
    let state = state()?;
    submit::submit(
        &state,
        &user,
        submit::SubmitForm {
            item_slug,
            form_version,
            answers,
            idempotency_key,
        },
        crate::i18n::for_request(user.language.as_deref()),
    )
    .await
}

#[server(endpoint = "my_requests")]
pub async fn my_requests(page: u32) -> Result<Page<TicketSummary>, AppError> {
    use crate::backend::{internal, session, store};
    let user = session::require_user().await?;
    store()?
        .tickets_of(user.id, page.max(1), PER_PAGE)
        .await
        .map_err(internal)
}

#[server(endpoint = "request")]
pub async fn request_detail(number: String) -> Result<TicketDetail, AppError> {
    use crate::backend::{desk, desk_view, internal, session, state};
    let user = session::require_user().await?;
    let state = state()?;
    let store = state.store.as_ref();
    // Someone else's ticket answers exactly like a missing one: numbers are guessable.
    let (ticket, relation) = desk::load(store, &user, &number).await?;
    // Internal notes are for the people working the ticket, never the requester.
    let mut detail = store
        .ticket_detail(&number, relation.desk)
        .await
        .map_err(internal)?
        .ok_or_else(|| {
            AppError::not_found(t_with(
                "error-no-request",
                &[("number", number.as_str().into())],
            ))
        })?;
    desk_view::fill(&state, &ticket, &relation, &mut detail, chrono::Utc::now()).await?;
    Ok(detail)
}

#[server(endpoint = "comment")]
pub async fn comment_on_request(number: String, body: String) -> Result<(), AppError> {
    use crate::backend::store::{EventKind, NewEvent};
    use crate::backend::{access, forms, internal, session, store};
    let page = format!("/requests/{}", forms::encode(&number));
    let result = async {
        let user = session::require_user().await?;
        let body = body.trim();
        if body.is_empty() {
            return Err(AppError::invalid_field("body", t("error-comment-empty")));
        }
        if body.chars().count() > MAX_COMMENT_CHARS {
            return Err(AppError::invalid_field(
                "body",
                t_with(
                    "error-comment-too-long",
                    &[("max", (MAX_COMMENT_CHARS as i64).into())],
                ),
            ));
        }
        let store = store()?;
        let ticket = access::visible_ticket(store.as_ref(), &user, &number).await?;
        if ticket.requester_id == user.id {
            // The requester's comment may answer the desk's question: that goes through the
            // desk's lifecycle, which restarts the SLA clocks.
            return crate::backend::desk::act_now(
                &user,
                &number,
                crate::backend::desk::Action::Answer {
                    body: body.to_string(),
                },
            )
            .await;
        }
        let relation = crate::backend::desk::relation_to(store.as_ref(), &user, &ticket).await?;
        if relation.approver
            && !relation.desk
            && ticket.state != crate::domain::TicketState::AwaitingApproval
        {
            return Err(AppError::forbidden(t("error-comment-after-decision")));
        }
        if !ticket.state.can_comment() {
            return Err(AppError::conflict(t("error-comments-closed")));
        }
        store
            .add_event(
                ticket.id,
                NewEvent {
                    kind: EventKind::Comment,
                    author_id: user.id,
                    body: body.to_string(),
                    internal: false,
                    change: None,
                    now: chrono::Utc::now(),
                },
            )
            .await
            .map_err(internal)
    }
    .await;
    forms::finish(result, &page, &page)
}

#[server(endpoint = "cancel")]
pub async fn cancel_request(number: String, reason: Option<String>) -> Result<(), AppError> {
    use crate::backend::store::{EventKind, NewEvent};
    use crate::backend::{access, forms, internal, session, store};
    use crate::domain::TicketState;
    let page = format!("/requests/{}", forms::encode(&number));
    let result = async {
        let user = session::require_user().await?;
        let reason = reason.unwrap_or_default();
        if reason.chars().count() > MAX_COMMENT_CHARS {
            return Err(AppError::invalid_field(
                "reason",
                t("error-cancel-reason-long"),
            ));
        }
        let store = store()?;
        let ticket = access::visible_ticket(store.as_ref(), &user, &number).await?;
        if ticket.requester_id != user.id {
            return Err(AppError::forbidden(t("error-cancel-not-yours")));
        }
        if !access::can_cancel(&user, &ticket) {
            return Err(AppError::conflict(t_with(
                "error-cancel-too-late",
                &[("state", crate::i18n::state_label(ticket.state).into())],
            )));
        }
        let moved = crate::backend::desk::transition(
            store.as_ref(),
            &number,
            ticket.state,
            TicketState::Cancelled,
            NewEvent {
                kind: EventKind::Cancelled,
                author_id: user.id,
                body: reason.trim().to_string(),
                internal: false,
                change: None,
                now: chrono::Utc::now(),
            },
        )
        .await
        .map_err(internal)?;
        if moved {
            Ok(())
        } else {
            Err(AppError::conflict(t("error-request-changed")))
        }
    }
    .await;
    forms::finish(result, &page, &page)
}
