//! Turning a filled form into a ticket: the one path the server function (JavaScript), the
//! plain form post (no JavaScript) and integrations (`backend::integrations`) go through.

use super::approval_runs;
use super::approval_store::NewRun;
use super::catalog_read;
use super::desk;
use super::internal;
use super::store::{ItemForSubmit, NewTicket, Store};
use crate::domain::approval_chain::RunStatus;
use crate::domain::priority::ServiceLevels;
use crate::domain::validation::{validate_answers, ValidAnswer, FORM_ERROR_KEY};
use crate::domain::{Answers, FieldKind, FormSchema, TicketState};
use crate::i18n::{t, t_with, I18n};
use crate::model::{AppError, AppResult, SubmitReceipt, UserView};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// What the browser sends when a form is submitted.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SubmitForm {
    pub item_slug: String,
    pub form_version: i64,
    pub answers: Answers,
    /// Made by the client once per form fill; a retry with the same key returns the same ticket.
    pub idempotency_key: String,
}

/// A random key for one form fill (UUID-shaped, so client-made keys look the same).
pub fn new_idempotency_key() -> String {
    use rand::Rng;
    let b: [u8; 16] = rand::thread_rng().gen();
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

pub fn check_idempotency_key(key: &str) -> AppResult<()> {
    let ok =
        (8..=64).contains(&key.len()) && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    if ok {
        Ok(())
    } else {
        Err(AppError::invalid_field(
            FORM_ERROR_KEY,
            t("error-no-submission-key"),
        ))
    }
}

/// Files a form sent from the portal (a server function or a plain form post); what is wrong
/// with the answers comes back in `language`, the reader's.
pub async fn submit(
    state: &super::AppState,
    user: &UserView,
    form: SubmitForm,
    language: I18n,
) -> AppResult<SubmitReceipt> {
    check_idempotency_key(&form.idempotency_key)?;
    let store = state.store.as_ref();
    let refused = match file_form(state, user, &form, language).await {
        Ok(receipt) => return Ok(receipt),
        Err(refused) => refused,
    };
    // A retry of a submission that already worked returns the same ticket, even if the item
    // was retired or its form replaced since, or its attachments now belong to that ticket: the
    // person must see their number, not an error. Looked up only on refusal: on the way in, the
    // insert itself keeps one ticket per key.
    match store
        .ticket_by_idempotency_key(user.id, &form.idempotency_key)
        .await
        .map_err(internal)?
    {
        Some(done) => {
            super::metrics::METRICS.submissions_duplicate.inc();
            Ok(SubmitReceipt {
                number: done.number,
                state: done.state,
                created: false,
            })
        }
        None => Err(refused),
    }
}

async fn file_form(
    state: &super::AppState,
    user: &UserView,
    form: &SubmitForm,
    language: I18n,
) -> AppResult<SubmitReceipt> {
    let store = state.store.as_ref();
    // The item and its forms change only with the catalog: read once per catalog version.
    let cache = &state.catalog_cache;
    let version = store.catalog_version().await.map_err(internal)?;
    let item = catalog_read::item_for_submit(cache, store, version, &form.item_slug)
        .await
        .map_err(internal)?;
    let item = Option::as_ref(&item).ok_or_else(|| AppError::not_found(t("error-no-such-item")))?;
    if item.retired {
        return Err(AppError::conflict(t_with(
            "error-item-retired",
            &[("item", item.name.as_str().into())],
        )));
    }
    let outdated = || AppError::invalid_field(FORM_ERROR_KEY, t("error-form-updated"));
    if !version_accepted(
        form.form_version,
        item.form_version,
        item.form_published_at,
        Utc::now(),
    ) {
        return Err(outdated());
    }
    let schema = catalog_read::form(cache, store, version, item.id, form.form_version)
        .await
        .map_err(internal)?;
    let schema = Option::as_ref(&schema).ok_or_else(outdated)?;
    let places = catalog_read::places(cache, store, &state.service_levels, version)
        .await
        .map_err(internal)?;
    file(
        store,
        &state.service_levels,
        user,
        Filing {
            item,
            form_version: form.form_version,
            schema,
            places: &places,
            answers: &form.answers,
            idempotency_key: form.idempotency_key.clone(),
            submitted_body: String::new(),
            language,
        },
    )
    .await
}

/// How long answers to the form version before the current one are still accepted after the
/// current one was published: long enough for an outbox item made offline, or a form left open
/// over a weekend, to be sent as it was filled.
pub const PREVIOUS_VERSION_GRACE_DAYS: i64 = 14;

/// Whether answers to form version `sent` are accepted while `current` (published at
/// `published_at`) is live. The current version always is; the one before it during the grace
/// period, and the ticket then keeps the version it answered. Anything older is refused with a
/// form error: the browser keeps the answers as a draft, which the item page opens on the
/// current version with the answers carried over by field key (DESIGN.md, "Form versions").
pub fn version_accepted(
    sent: i64,
    current: i64,
    published_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> bool {
    sent == current
        || (sent == current - 1
            && sent > 0
            && now - published_at <= chrono::Duration::days(PREVIOUS_VERSION_GRACE_DAYS))
}

/// A form for a live item, about to become a ticket.
pub struct Filing<'a> {
    pub item: &'a ItemForSubmit,
    pub form_version: i64,
    pub schema: &'a FormSchema,
    /// The stores and devices as of the catalog version the item and schema were read at.
    pub places: &'a catalog_read::Places,
    pub answers: &'a Answers,
    pub idempotency_key: String,
    /// The text of the ticket's "submitted" event.
    pub submitted_body: String,
    /// The language problems with the answers are told in.
    pub language: I18n,
}

/// Validates the answers against the schema (the rules the browser ran), recomputes the
/// priority and SLA plan, and creates the ticket, idempotently on the requester's key.
pub async fn file(
    store: &dyn Store,
    levels: &ServiceLevels,
    user: &UserView,
    filing: Filing<'_>,
) -> AppResult<SubmitReceipt> {
    let Filing {
        item,
        form_version,
        schema,
        places,
        answers: raw,
        idempotency_key,
        submitted_body,
        language,
    } = filing;
    let answers =
        validate_answers(schema, raw, &places.lookups).map_err(|problems| AppError::Invalid {
            fields: language.say_each(&problems),
        })?;

    let attachment_ids = check_attachments(store, user, &answers).await?;

    let now = Utc::now();
    let approval = approval_for(store, item, user, schema, raw, now).await?;

    let on_behalf_of = answers.iter().find_map(|a| match &a.answer {
        ValidAnswer::Email(e) if a.key.contains("colleague") || a.key.contains("behalf") => {
            Some(e.clone())
        }
        _ => None,
    });

    let state = TicketState::initial(approval.needed());
    let store_code = schema.chosen_store(raw).map(str::to_string);
    let store_hours = store_code.as_ref().and_then(|code| {
        places
            .hours
            .get(code)
            .map(|hours| (code.clone(), hours.clone()))
    });
    // The priority is recomputed here from the answers: whatever the browser showed is a
    // preview, never an input.
    let desk = desk::plan_new_ticket(
        levels,
        &item.category,
        &item.fulfilment_group,
        schema.answer_of(FieldKind::Impact, raw).map(str::to_string),
        schema
            .answer_of(FieldKind::Urgency, raw)
            .map(str::to_string),
        item.sla_priority,
        store_hours,
        schema.answer_of(FieldKind::Asset, raw).map(str::to_string),
        state,
        now,
    )?;
    let created = store
        .create_ticket(NewTicket {
            kind: item.kind,
            item_id: item.id,
            form_version,
            title: item.name.clone(),
            requester_id: user.id,
            on_behalf_of,
            approver_id: approval.line_manager,
            approval: approval.chain,
            state,
            answers,
            attachment_ids,
            idempotency_key,
            desk,
            submitted_body,
            now,
        })
        .await
        .map_err(internal)?;
    let counter = if created.created {
        &super::metrics::METRICS.submissions_accepted
    } else {
        // Two tries with one key raced; the database kept one ticket.
        &super::metrics::METRICS.submissions_duplicate
    };
    counter.inc();
    Ok(SubmitReceipt {
        number: created.number,
        state: created.state,
        created: created.created,
    })
}

/// Who approves a new request before it reaches the desk.
#[derive(Default)]
struct Approval {
    /// The requester's line manager, for an item that requires approval and names no chain.
    line_manager: Option<i64>,
    /// The item's chain, started with its approvers as they are now and the answers given.
    chain: Option<NewRun>,
}

impl Approval {
    fn needed(&self) -> bool {
        self.line_manager.is_some() || self.chain.is_some()
    }
}

/// The approval a request of `item` needs: none; its chain, unless every step's condition
/// leaves it out for these answers; or the requester's line manager. Refused, above the form,
/// when nobody could approve it (no line manager, a group without enough members, a chain that
/// no longer exists).
async fn approval_for(
    store: &dyn Store,
    item: &ItemForSubmit,
    user: &UserView,
    schema: &FormSchema,
    answers: &Answers,
    now: DateTime<Utc>,
) -> AppResult<Approval> {
    let refuse = |message: String| AppError::invalid_field(FORM_ERROR_KEY, message);
    if !item.requires_approval {
        return Ok(Approval::default());
    }
    let Some(key) = &item.approval_chain else {
        let manager = store.line_manager(user.id).await.map_err(internal)?;
        return Ok(Approval {
            line_manager: Some(manager.ok_or_else(|| refuse(t("error-no-line-manager")))?),
            chain: None,
        });
    };
    let named = store
        .approval_chain(key)
        .await
        .map_err(internal)?
        .ok_or_else(|| refuse(t("error-item-chain-gone")))?;
    let run = approval_runs::start(store, &named, &user.email, schema, answers, now)
        .await?
        .map_err(|said| refuse(crate::i18n::i18n().say(&said)))?;
    Ok(Approval {
        line_manager: None,
        chain: (run.progress.status == RunStatus::Waiting).then_some(run),
    })
}

/// Attachments named in the answers must have been uploaded by this person and not yet be part
/// of another ticket.
async fn check_attachments(
    store: &dyn Store,
    user: &UserView,
    answers: &crate::domain::ValidAnswers,
) -> AppResult<Vec<i64>> {
    let mut ids = Vec::new();
    for answered in answers {
        if let ValidAnswer::Attachment(id) = answered.answer {
            let record = store.attachment(id).await.map_err(internal)?;
            match record {
                Some(r) if r.owner_id == user.id && r.ticket_id.is_none() => ids.push(id),
                _ => return Err(AppError::invalid_field(&answered.key, t("error-file-gone"))),
            }
        }
    }
    Ok(ids)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_previous_version_is_accepted_only_during_the_grace_period() {
        let published = "2026-12-01T09:00:00Z".parse::<DateTime<Utc>>().unwrap();
        let days = |n| published + chrono::Duration::days(n);
        assert!(version_accepted(2, 2, published, days(400)));
        assert!(version_accepted(1, 2, published, days(1)));
        assert!(version_accepted(
            1,
            2,
            published,
            days(PREVIOUS_VERSION_GRACE_DAYS)
        ));
        assert!(!version_accepted(
            1,
            2,
            published,
            days(PREVIOUS_VERSION_GRACE_DAYS + 1)
        ));
        assert!(
            !version_accepted(1, 3, published, days(1)),
            "two versions back"
        );
        assert!(
            !version_accepted(3, 2, published, days(1)),
            "a version from the future"
        );
        assert!(!version_accepted(0, 1, published, days(1)));
    }

    #[test]
    fn idempotency_keys_are_bounded_and_plain() {
        assert!(check_idempotency_key("3f2a9c1e-0b7d-4c55-9a1e-2f1d0c9b8a7e").is_ok());
        assert!(check_idempotency_key("short").is_err());
        assert!(check_idempotency_key(&"a".repeat(65)).is_err());
        assert!(check_idempotency_key("has space in it").is_err());
    }
}
