//! Submissions waiting for the server. A form sent offline, or whose request failed on the
//! network, is kept here with its idempotency key, its form version and its files, and sent
//! when the browser is back online, when the app starts, and on retry with backoff.
//!
//! Exactly once: the server files one ticket per (person, key) and answers a repeated key with
//! the same ticket, so a retry after a lost response is harmless. Across tabs, a tab first
//! claims an item in an IndexedDB read-write transaction (`idb::update`), which the browser
//! runs one at a time per store; a claim lasts `CLAIM_SECONDS`, so a tab closed mid-send
//! does not hold its items for ever.

use crate::domain::validation::{FieldErrors, DEVICE_FILE_PREFIX};
use crate::domain::visibility::visible_fields;
use crate::domain::{Answers, FieldKind};
use crate::model::ItemDetail;
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

/// Long enough to upload a photo on a poor connection.
pub const CLAIM_SECONDS: i64 = 120;
/// Sent items stay listed this long, so people see their number arrive.
pub const KEEP_SENT_DAYS: i64 = 3;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Delivery {
    Waiting,
    Sending {
        tab: String,
        until: DateTime<Utc>,
    },
    Sent {
        number: String,
        at: DateTime<Utc>,
    },
    /// The server refused it (item retired, form changed, answers invalid under newer rules).
    Rejected {
        reason: String,
        fields: FieldErrors,
        /// The item itself is gone (retired, removed): there is no form to fix it in.
        #[serde(default)]
        item_gone: bool,
    },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OutboxItem {
    /// The idempotency key, also the item's key in IndexedDB.
    pub key: String,
    pub user_id: i64,
    pub item_slug: String,
    pub item_name: String,
    /// The form version the answers were given to: the server refuses answers to a form that
    /// has changed since, rather than guessing.
    pub form_version: i64,
    /// Attachment answers name a file kept on the device (`local-…`) until it is uploaded.
    pub answers: Answers,
    /// The answers as people read them (label, value), for the outbox list.
    pub summary: Vec<(String, String)>,
    pub saved_at: DateTime<Utc>,
    pub delivery: Delivery,
    pub attempts: u32,
    pub next_try: DateTime<Utc>,
    pub last_error: Option<String>,
}

impl OutboxItem {
    pub fn new(
        detail: &ItemDetail,
        user_id: i64,
        key: String,
        answers: Answers,
        now: DateTime<Utc>,
    ) -> Self {
        OutboxItem {
            summary: summarize(detail, &answers),
            key,
            user_id,
            item_slug: detail.card.slug.clone(),
            item_name: detail.card.name.clone(),
            form_version: detail.form_version,
            answers,
            saved_at: now,
            delivery: Delivery::Waiting,
            attempts: 0,
            next_try: now,
            last_error: None,
        }
    }

    /// Not yet accepted by the server: counted as unsent, and still to be sent.
    pub fn is_unsent(&self) -> bool {
        matches!(self.delivery, Delivery::Waiting | Delivery::Sending { .. })
    }

    /// The item claimed by `tab` for sending, if it may be sent now: it is this person's, not
    /// sent or refused, not claimed by a live tab, and its retry time has come (`force`: the
    /// person pressed "Send now" or the network just came back). A claim ends when its time is
    /// up or when the tab that made it is gone (`tab_alive`, from the browser's lock list).
    pub fn claimed(
        &self,
        user_id: i64,
        tab: &str,
        now: DateTime<Utc>,
        force: bool,
        tab_alive: &dyn Fn(&str) -> bool,
    ) -> Option<Self> {
        if self.user_id != user_id {
            return None;
        }
        let free = match &self.delivery {
            Delivery::Waiting => force || self.next_try <= now,
            Delivery::Sending { until, tab } => *until <= now || !tab_alive(tab),
            Delivery::Sent { .. } | Delivery::Rejected { .. } => false,
        };
        free.then(|| OutboxItem {
            delivery: Delivery::Sending {
                tab: tab.to_string(),
                until: now + Duration::seconds(CLAIM_SECONDS),
            },
            ..self.clone()
        })
    }

    /// Whether `tab` still holds the claim (it may have expired and passed to another tab).
    pub fn held_by(&self, tab: &str) -> bool {
        matches!(&self.delivery, Delivery::Sending { tab: t, .. } if t == tab)
    }

    /// Back to waiting after a failure that may pass (network, server trouble).
    pub fn retry_later(mut self, error: String, now: DateTime<Utc>) -> Self {
        self.attempts += 1;
        self.next_try = now + backoff(self.attempts);
        self.last_error = Some(error);
        self.delivery = Delivery::Waiting;
        self
    }

    /// Attachment answers still naming a file on the device.
    pub fn device_files(&self) -> Vec<String> {
        self.answers
            .values()
            .flatten()
            .filter(|v| v.starts_with(DEVICE_FILE_PREFIX))
            .cloned()
            .collect()
    }

    /// Whether a sent item has been listed long enough.
    pub fn expired(&self, now: DateTime<Utc>) -> bool {
        matches!(&self.delivery, Delivery::Sent { at, .. } if now - *at > Duration::days(KEEP_SENT_DAYS))
    }
}

/// 5 s, 15 s, 45 s, … up to 5 minutes: quick while a blip passes, gentle on a server that is
/// down (every device in every store retries at once).
pub fn backoff(attempts: u32) -> Duration {
    let seconds = 5i64.saturating_mul(3i64.saturating_pow(attempts.saturating_sub(1).min(10)));
    Duration::seconds(seconds.min(300))
}

/// The visible answers in form order, with levels and files in words.
pub fn summarize(detail: &ItemDetail, answers: &Answers) -> Vec<(String, String)> {
    let lookups = detail.lookups();
    let visible = visible_fields(&detail.form, answers);
    detail
        .form
        .fields
        .iter()
        .filter(|f| visible.contains(f.key.as_str()))
        .filter_map(|field| {
            let values = answers.get(&field.key).filter(|v| !v.is_empty())?;
            let words: Vec<String> = values
                .iter()
                .map(|v| match field.kind {
                    FieldKind::Impact | FieldKind::Urgency => lookups
                        .level_label(field.kind, v)
                        .map_or_else(|| v.clone(), str::to_string),
                    FieldKind::Attachment if v.starts_with(DEVICE_FILE_PREFIX) => {
                        "a file kept on this device".to_string()
                    }
                    FieldKind::Attachment => "an uploaded file".to_string(),
                    _ => v.clone(),
                })
                .collect();
            Some((field.label.clone(), words.join(", ")))
        })
        .collect()
}

#[cfg(feature = "hydrate")]
pub use sync::{discard, enqueue, flush, list, remove_rejected_of, start};

#[cfg(feature = "hydrate")]
mod sync {
    use super::{Delivery, OutboxItem};
    use crate::api::attachments::upload_attachment;
    use crate::api::requests::submit_request;
    use crate::idb::{self, FILES, OUTBOX};
    use crate::model::AppError;
    use crate::offline::device::mark_synced;
    use crate::offline::DeviceState;
    use chrono::Utc;
    use leptos::prelude::*;
    use std::cell::Cell;

    /// How often a tab looks for due retries and for changes made by other tabs.
    const TICK_MS: u32 = 3_000;

    thread_local! {
        static TAB: String = crate::offline::device_key();
        static FLUSHING: Cell<bool> = const { Cell::new(false) };
        /// A flush asked for while one runs: `Some(force)` runs another pass after it, so
        /// "back online" during a pass is not lost to the backoff.
        static AGAIN: Cell<Option<bool>> = const { Cell::new(None) };
    }

    fn parse(raw: &str) -> Option<OutboxItem> {
        serde_json::from_str(raw).ok()
    }

    /// This person's outbox, oldest first. Nobody else's is ever read into the page.
    pub async fn list(user_id: i64) -> Vec<OutboxItem> {
        let mut items: Vec<OutboxItem> = idb::all(OUTBOX)
            .await
            .unwrap_or_default()
            .iter()
            .filter_map(|raw| parse(raw))
            .filter(|i| i.user_id == user_id)
            .collect();
        items.sort_by_key(|i| i.saved_at);
        items
    }

    async fn write(item: &OutboxItem) -> Result<(), String> {
        let json = serde_json::to_string(item).map_err(|e| e.to_string())?;
        idb::put(OUTBOX, &item.key, json).await
    }

    /// Keeps a submission for sending. Putting the same key twice (a double tap) keeps one.
    pub async fn enqueue(device: DeviceState, item: OutboxItem) -> Result<(), String> {
        write(&item).await?;
        changed(device, item.user_id).await;
        leptos::task::spawn_local(flush(device, item.user_id, false));
        Ok(())
    }

    /// Removes an item the person chose to throw away, with its files.
    pub async fn discard(device: DeviceState, item: &OutboxItem) {
        for file in item.device_files() {
            let _ = idb::delete(FILES, &file).await;
        }
        let _ = idb::delete(OUTBOX, &item.key).await;
        changed(device, item.user_id).await;
    }

    /// After the same item was sent from its form again: the refused copy has done its job.
    pub async fn remove_rejected_of(device: DeviceState, user_id: i64, slug: &str) {
        for item in list(user_id).await {
            if item.item_slug == slug && matches!(item.delivery, Delivery::Rejected { .. }) {
                let _ = idb::delete(OUTBOX, &item.key).await;
            }
        }
        changed(device, user_id).await;
    }

    async fn changed(device: DeviceState, user_id: i64) {
        let items = list(user_id).await;
        device
            .unsent
            .try_set(items.iter().filter(|i| i.is_unsent()).count());
        device.outbox_changed.try_update(|n| *n += 1);
    }

    /// Sends every item that is due (all waiting ones when `force`), one at a time.
    pub async fn flush(device: DeviceState, user_id: i64, force: bool) {
        if FLUSHING.with(|f| f.replace(true)) {
            AGAIN.with(|a| a.set(Some(a.get().unwrap_or(false) || force)));
            return;
        }
        let mut force = force;
        loop {
            flush_once(device, user_id, force).await;
            match AGAIN.with(Cell::take) {
                Some(again) => force = again,
                None => break,
            }
        }
        FLUSHING.with(|f| f.set(false));
    }

    async fn flush_once(device: DeviceState, user_id: i64, force: bool) {
        let tab = TAB.with(Clone::clone);
        let live_tabs = super::tab_lock::live_tabs().await;
        let tab_alive = |t: &str| live_tabs.as_ref().is_none_or(|live| live.contains(t));
        let now = Utc::now();
        for item in list(user_id).await {
            if item.expired(now) {
                let _ = idb::delete(OUTBOX, &item.key).await;
                continue;
            }
            if item
                .claimed(user_id, &tab, now, force, &tab_alive)
                .is_none()
            {
                continue;
            }
            let mut claimed = None;
            let won = idb::update(OUTBOX, &item.key, |current| {
                let current = parse(&current?)?;
                let mine = current.claimed(user_id, &tab, Utc::now(), force, &tab_alive)?;
                let json = serde_json::to_string(&mine).ok()?;
                claimed = Some(mine);
                Some(json)
            })
            .await
            .unwrap_or(false);
            let Some(mine) = claimed.filter(|_| won) else {
                continue; // another tab has it
            };
            changed(device, user_id).await;
            let outcome = send(device, mine).await;
            settle(&tab, outcome).await;
            changed(device, user_id).await;
        }
    }

    /// Uploads the item's files, then submits it.
    async fn send(device: DeviceState, mut item: OutboxItem) -> OutboxItem {
        for local in item.device_files() {
            match upload(&local).await {
                Ok(id) => {
                    for values in item.answers.values_mut() {
                        for v in values.iter_mut().filter(|v| **v == local) {
                            *v = id.to_string();
                        }
                    }
                    // Recorded at once: a retry must not upload the photo a second time.
                    let _ = write(&item).await;
                    let _ = idb::delete(FILES, &local).await;
                }
                Err(e) => return judge(item, e),
            }
        }
        let result = submit_request(
            item.item_slug.clone(),
            item.form_version,
            item.answers.clone(),
            item.key.clone(),
        )
        .await;
        match result {
            Ok(receipt) => {
                device.online.try_set(true);
                mark_synced(device).await;
                item.delivery = Delivery::Sent {
                    number: receipt.number,
                    at: Utc::now(),
                };
                item.last_error = None;
                item
            }
            Err(e) => {
                // The server cannot be reached even if the browser thinks it is online (a
                // shop's router up, its uplink down): say so in the header.
                if matches!(e, AppError::Transport { .. }) {
                    device.online.try_set(false);
                }
                judge(item, e)
            }
        }
    }

    /// What a failure means for the item: try again later, or hand it back to the person.
    fn judge(item: OutboxItem, error: AppError) -> OutboxItem {
        match error {
            AppError::Transport { .. } | AppError::Internal { .. } | AppError::TooMany { .. } => {
                item.retry_later(error.to_string(), Utc::now())
            }
            AppError::NotSignedIn => {
                item.retry_later("Sign in again to send it.".into(), Utc::now())
            }
            AppError::Invalid { fields } => {
                let reason = fields
                    .get(crate::domain::validation::FORM_ERROR_KEY)
                    .cloned()
                    .unwrap_or_else(|| {
                        let n = fields.len();
                        format!(
                            "{n} {} to be fixed under the form's current rules.",
                            if n == 1 {
                                "answer needs"
                            } else {
                                "answers need"
                            }
                        )
                    });
                OutboxItem {
                    delivery: Delivery::Rejected {
                        reason,
                        fields,
                        item_gone: false,
                    },
                    ..item
                }
            }
            // Refused for the item, not the answers: retired, removed, or not this person's.
            AppError::Forbidden { message }
            | AppError::NotFound { message }
            | AppError::Conflict { message } => OutboxItem {
                delivery: Delivery::Rejected {
                    reason: message,
                    fields: Default::default(),
                    item_gone: true,
                },
                ..item
            },
        }
    }

    /// Writes the outcome if this tab still holds the claim; a refused item's answers also
    /// become the form's draft (unless the person already has another one there).
    async fn settle(tab: &str, outcome: OutboxItem) {
        let json = match serde_json::to_string(&outcome) {
            Ok(json) => json,
            Err(_) => return,
        };
        let _ = idb::update(OUTBOX, &outcome.key, |current| {
            let current = parse(&current?)?;
            current.held_by(tab).then_some(json)
        })
        .await;
        if matches!(outcome.delivery, Delivery::Rejected { .. })
            && crate::drafts::load(outcome.user_id, &outcome.item_slug)
                .await
                .is_none()
        {
            let _ =
                crate::drafts::save(outcome.user_id, &outcome.item_slug, &outcome.answers).await;
        }
    }

    async fn upload(local: &str) -> Result<i64, AppError> {
        use wasm_bindgen::JsCast;
        let file = idb::get_js(FILES, local)
            .await
            .map_err(AppError::transport)?
            .and_then(|v| v.dyn_into::<web_sys::File>().ok())
            .ok_or_else(|| {
                AppError::invalid_field(
                    crate::domain::validation::FORM_ERROR_KEY,
                    crate::i18n::t("error-file-kept-gone"),
                )
            })?;
        let form = web_sys::FormData::new().map_err(|_| AppError::transport("no FormData"))?;
        form.append_with_blob_and_filename("file", &file, &file.name())
            .map_err(|_| AppError::transport("could not read the file"))?;
        upload_attachment(form.into()).await.map(|view| view.id)
    }

    /// Sends what is due now and every few seconds after; also notices what other tabs did.
    pub fn start(device: DeviceState, user_id: i64) {
        super::tab_lock::hold(&TAB.with(Clone::clone));
        leptos::task::spawn_local(async move {
            changed(device, user_id).await;
            let mut seen = String::new();
            loop {
                // The browser's own flag, not the header's: after a failed send the header
                // says offline, and only a later try can find the server back.
                let network = web_sys::window().is_none_or(|w| w.navigator().on_line());
                if network {
                    flush(device, user_id, false).await;
                }
                // Another tab may have sent or added items: refresh the counts when the list
                // looks different.
                let items = list(user_id).await;
                let now_seen: String = items
                    .iter()
                    .map(|i| format!("{}:{:?};", i.key, std::mem::discriminant(&i.delivery)))
                    .collect();
                if now_seen != seen {
                    seen = now_seen;
                    changed(device, user_id).await;
                }
                gloo_timers::future::TimeoutFuture::new(TICK_MS).await;
            }
        });
    }
}

/// Which tabs are alive, through the browser's Web Locks: each tab holds a lock named after it
/// for as long as it exists, and the browser releases it when the tab closes or crashes. An
/// outbox item claimed by a tab that is gone can then be sent at once, not after its claim
/// times out. Without the API (old browsers) every claim is trusted until it times out.
#[cfg(feature = "hydrate")]
mod tab_lock {
    use js_sys::{Array, Function, Promise, Reflect};
    use std::collections::HashSet;
    use wasm_bindgen::{closure::Closure, JsCast, JsValue};

    const PREFIX: &str = "deskfront-tab-";

    fn locks() -> Option<JsValue> {
        let navigator = web_sys::window()?.navigator();
        Reflect::get(&navigator, &"locks".into())
            .ok()
            .filter(|l| !l.is_undefined())
    }

    /// Takes this tab's lock and never lets go (a promise that does not settle).
    pub fn hold(tab: &str) {
        let Some(locks) = locks() else { return };
        let Some(request) = Reflect::get(&locks, &"request".into())
            .ok()
            .and_then(|r| r.dyn_into::<Function>().ok())
        else {
            return;
        };
        let forever =
            Closure::<dyn FnMut(JsValue) -> Promise>::new(|_| Promise::new(&mut |_, _| {}));
        let _ = request.call2(
            &locks,
            &JsValue::from_str(&format!("{PREFIX}{tab}")),
            forever.as_ref().unchecked_ref(),
        );
        forever.forget();
    }

    /// The tabs holding their lock now; `None` when the browser cannot say.
    pub async fn live_tabs() -> Option<HashSet<String>> {
        let locks = locks()?;
        let query = Reflect::get(&locks, &"query".into())
            .ok()?
            .dyn_into::<Function>()
            .ok()?;
        let promise = query.call0(&locks).ok()?.dyn_into::<Promise>().ok()?;
        let snapshot = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
        let held = Reflect::get(&snapshot, &"held".into())
            .ok()?
            .dyn_into::<Array>()
            .ok()?;
        Some(
            held.iter()
                .filter_map(|lock| Reflect::get(&lock, &"name".into()).ok()?.as_string())
                .filter_map(|name| name.strip_prefix(PREFIX).map(str::to_string))
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Field, FormSchema, TicketKind};
    use crate::model::{ItemCard, ItemDetail};
    use chrono::TimeZone;

    fn alive(_: &str) -> bool {
        true
    }

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 0).unwrap()
    }

    fn detail() -> ItemDetail {
        let mut photo = Field::new("photo", "Photo of the screen", FieldKind::Attachment);
        photo.required = false;
        ItemDetail {
            card: ItemCard {
                slug: "pos-terminal-fault".into(),
                name: "Till (POS) fault".into(),
                summary: String::new(),
                icon: String::new(),
                category: "tills".into(),
                kind: TicketKind::Incident,
                keywords: vec![],
                requires_approval: false,
            },
            category_name: "Tills".into(),
            description: String::new(),
            description_html: String::new(),
            expected_delivery: String::new(),
            fulfilment_group: String::new(),
            form_version: 3,
            form: FormSchema {
                fields: vec![
                    Field::new("description", "Describe the problem", FieldKind::LongText),
                    photo,
                ],
            },
            stores: vec![],
            assets: vec![],
            submission_key: String::new(),
            service: None,
        }
    }

    fn item() -> OutboxItem {
        let mut answers = Answers::new();
        answers.insert(
            "description".into(),
            vec!["Frozen on the login screen".into()],
        );
        answers.insert("photo".into(), vec!["local-abc".into()]);
        OutboxItem::new(&detail(), 7, "k-12345678".into(), answers, now())
    }

    #[test]
    fn a_new_item_waits_with_its_form_version_and_readable_answers() {
        let item = item();
        assert_eq!(item.delivery, Delivery::Waiting);
        assert_eq!(item.form_version, 3);
        assert!(item.is_unsent());
        assert_eq!(
            item.summary,
            vec![
                (
                    "Describe the problem".into(),
                    "Frozen on the login screen".into()
                ),
                (
                    "Photo of the screen".into(),
                    "a file kept on this device".into()
                ),
            ]
        );
        assert_eq!(item.device_files(), vec!["local-abc".to_string()]);
    }

    #[test]
    fn only_its_owner_claims_it_and_only_once_until_the_claim_expires() {
        let item = item();
        assert!(
            item.claimed(8, "tab-a", now(), true, &alive).is_none(),
            "another person's item"
        );
        let mine = item
            .claimed(7, "tab-a", now(), false, &alive)
            .expect("due now");
        assert!(mine.held_by("tab-a"));
        assert!(!mine.held_by("tab-b"));
        assert!(
            mine.claimed(7, "tab-b", now(), true, &alive).is_none(),
            "claimed by a live tab"
        );
        let closed = |tab: &str| tab != "tab-a";
        assert!(
            mine.claimed(7, "tab-b", now(), false, &closed).is_some(),
            "its tab was closed"
        );
        let later = now() + Duration::seconds(CLAIM_SECONDS);
        assert!(
            mine.claimed(7, "tab-b", later, false, &alive).is_some(),
            "a dead tab's claim lapses"
        );
    }

    #[test]
    fn a_failed_send_waits_longer_each_time_unless_forced() {
        let failed = item().retry_later("offline".into(), now());
        assert_eq!(failed.attempts, 1);
        assert_eq!(failed.next_try, now() + Duration::seconds(5));
        assert!(
            failed.claimed(7, "t", now(), false, &alive).is_none(),
            "not due yet"
        );
        assert!(
            failed.claimed(7, "t", now(), true, &alive).is_some(),
            "back online: send now"
        );
        assert_eq!(backoff(2), Duration::seconds(15));
        assert_eq!(backoff(3), Duration::seconds(45));
        assert_eq!(backoff(9), Duration::seconds(300));
        assert_eq!(backoff(u32::MAX), Duration::seconds(300));
    }

    #[test]
    fn sent_and_refused_items_are_never_sent_again() {
        let mut sent = item();
        sent.delivery = Delivery::Sent {
            number: "INC0000001".into(),
            at: now(),
        };
        assert!(sent.claimed(7, "t", now(), true, &alive).is_none());
        assert!(!sent.is_unsent());
        assert!(!sent.expired(now() + Duration::days(KEEP_SENT_DAYS)));
        assert!(sent.expired(now() + Duration::days(KEEP_SENT_DAYS) + Duration::seconds(1)));
        let mut refused = item();
        refused.delivery = Delivery::Rejected {
            reason: "retired".into(),
            fields: Default::default(),
            item_gone: true,
        };
        assert!(refused.claimed(7, "t", now(), true, &alive).is_none());
        assert!(
            !refused.expired(now() + Duration::days(365)),
            "kept until discarded"
        );
    }
}
