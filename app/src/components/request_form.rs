//! A catalog item's request form, built from the schema stored with the item.
//!
//! One form, three behaviours: rendered on the server it posts as a plain multipart form (no
//! JavaScript needed); hydrated it validates as you type with the same rules the server runs,
//! shows and hides conditional fields, keeps a draft in IndexedDB, and submits through the
//! `submit_request` server function without leaving the page until a number comes back.

use super::field_control::FieldControl;
use super::priority_preview::PriorityPreview;
use super::suggestions::{Funnel, Suggestions};
use crate::api::requests::submit_request;
use crate::domain::validation::{
    validate_answers, FieldErrors, LookupLists, DEVICE_FILE_PREFIX, FORM_ERROR_KEY,
};
use crate::domain::visibility::visible_fields;
use crate::domain::{Answers, FieldKind, FormSchema};
use crate::model::{AppError, DeflectionKind, FormPostback, ItemDetail};
use leptos::prelude::*;
use std::collections::BTreeSet;

/// Reactive state of one form being filled, shared with the field controls.
#[derive(Clone, Copy)]
pub struct FormState {
    pub schema: StoredValue<FormSchema>,
    pub answers: RwSignal<Answers>,
    pub touched: RwSignal<BTreeSet<String>>,
    /// Errors the server sent; each clears as soon as its field changes.
    pub server_errors: RwSignal<FieldErrors>,
    pub show_all_errors: RwSignal<bool>,
    pub live_errors: Memo<FieldErrors>,
}

impl FormState {
    pub fn values(&self, key: &str) -> Vec<String> {
        self.answers
            .with(|a| a.get(key).cloned().unwrap_or_default())
    }

    pub fn set(&self, key: &str, values: Vec<String>) {
        self.answers.update(|a| {
            if values.is_empty() {
                a.remove(key);
            } else {
                a.insert(key.to_string(), values);
            }
        });
        self.server_errors.update(|e| {
            e.remove(key);
        });
    }

    pub fn touch(&self, key: &str) {
        if !self.touched.with_untracked(|t| t.contains(key)) {
            self.touched.update(|t| {
                t.insert(key.to_string());
            });
        }
    }

    pub fn error(&self, key: &str) -> Option<String> {
        if let Some(e) = self.server_errors.with(|e| e.get(key).cloned()) {
            return Some(e);
        }
        let shown = self.show_all_errors.get() || self.touched.with(|t| t.contains(key));
        shown
            .then(|| self.live_errors.with(|e| e.get(key).cloned()))
            .flatten()
    }
}

#[component]
pub fn RequestForm(
    detail: ItemDetail,
    user_id: i64,
    postback: Option<FormPostback>,
    /// The form builder's preview: validates as requesters see it, but keeps no draft, shows
    /// no suggestions and sends nothing.
    #[prop(optional)]
    preview: bool,
) -> impl IntoView {
    let slug = detail.card.slug.clone();
    let form_version = detail.form_version;
    // A photo chosen offline is answered with a file kept on the device; the outbox uploads it.
    let lookups = StoredValue::new(LookupLists {
        device_files: true,
        ..detail.lookups()
    });
    let kept_detail = StoredValue::new(detail.clone());
    let device = crate::offline::DeviceState::get();
    let schema = StoredValue::new(detail.form.clone());
    let had_postback = postback.is_some();
    let FormPostback {
        answers: initial_answers,
        errors: initial_errors,
        idempotency_key,
        ..
    } = postback.unwrap_or_else(|| FormPostback {
        answers: prefilled(
            &detail,
            &leptos_router::hooks::use_query_map().get_untracked(),
        ),
        idempotency_key: detail.submission_key.clone(),
        ..Default::default()
    });

    let answers = RwSignal::new(initial_answers);
    let i18n = crate::i18n::i18n();
    let live_errors = Memo::new(move |_| {
        answers.with(|a| {
            schema.with_value(|s| {
                lookups.with_value(|l| match validate_answers(s, a, l) {
                    Ok(_) => FieldErrors::new(),
                    Err(problems) => i18n.say_each(&problems),
                })
            })
        })
    });
    let state = FormState {
        schema,
        answers,
        touched: RwSignal::new(BTreeSet::new()),
        server_errors: RwSignal::new(initial_errors),
        show_all_errors: RwSignal::new(had_postback),
        live_errors,
    };
    let form_error = RwSignal::new(None::<String>);
    let submitting = RwSignal::new(false);
    let draft_restored = RwSignal::new(false);
    let funnel = Funnel::new(slug.clone(), idempotency_key.clone());
    let idempotency_key = StoredValue::new(idempotency_key);

    #[cfg(feature = "hydrate")]
    if !preview {
        crate::drafts::keep_draft(
            user_id,
            slug.clone(),
            state.answers,
            draft_restored,
            had_postback,
            schema,
        );
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = user_id;

    let navigate = leptos_router::hooks::use_navigate();
    let submit_slug = slug.clone();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if submitting.get_untracked() {
            return; // a double tap must not send twice (the key would save us, but why ask)
        }
        state.show_all_errors.set(true);
        form_error.set(None);
        let visible_errors = state.live_errors.get_untracked();
        if !visible_errors.is_empty() {
            form_error.set(Some(to_fix(i18n, visible_errors.len())));
            super::focus::first_invalid_in(".request-form");
            return;
        }
        if preview {
            form_error.set(Some(i18n.t("form-preview-valid")));
            return;
        }
        submitting.set(true);
        let navigate = navigate.clone();
        let slug = submit_slug.clone();
        let answers = state.answers.get_untracked();
        let key = idempotency_key.get_value();
        // Offline, or with a file still on the device, the submission goes to the outbox,
        // which uploads the files and sends it as soon as it can (at once when online).
        let via_outbox = !device.online.get_untracked()
            || answers
                .values()
                .flatten()
                .any(|v| v.starts_with(DEVICE_FILE_PREFIX));
        leptos::task::spawn_local(async move {
            let result = if via_outbox {
                Err(AppError::transport("offline"))
            } else {
                submit_request(slug.clone(), form_version, answers.clone(), key.clone()).await
            };
            match result {
                Ok(receipt) => {
                    if funnel.anything_shown() {
                        funnel.report(DeflectionKind::Submitted, None);
                    }
                    #[cfg(feature = "hydrate")]
                    {
                        crate::drafts::discard(user_id, &slug).await;
                        crate::offline::outbox::remove_rejected_of(device, user_id, &slug).await;
                    }
                    submitting.try_set(false);
                    navigate(
                        &format!("/requests/{}?submitted=1", receipt.number),
                        Default::default(),
                    );
                }
                // The network failed (or there is none): nothing is lost, the outbox keeps it.
                // If the server did file it and only the answer was lost, the outbox's retry
                // with the same key gets the same ticket back.
                Err(AppError::Transport { .. }) => {
                    #[cfg(feature = "hydrate")]
                    {
                        let item = crate::offline::outbox::OutboxItem::new(
                            &kept_detail.get_value(),
                            user_id,
                            key.clone(),
                            answers,
                            chrono::Utc::now(),
                        );
                        match crate::offline::outbox::enqueue(device, item).await {
                            Ok(()) => {
                                crate::drafts::discard(user_id, &slug).await;
                                crate::offline::outbox::remove_rejected_of(device, user_id, &slug)
                                    .await;
                                submitting.try_set(false);
                                navigate(
                                    &format!("/requests?saved={}", crate::url::encode(&key)),
                                    Default::default(),
                                );
                            }
                            Err(e) => {
                                submitting.try_set(false);
                                form_error.try_set(Some(
                                    i18n.t_with(
                                        "form-not-kept",
                                        &[("error", e.to_string().into())],
                                    ),
                                ));
                            }
                        }
                    }
                    #[cfg(not(feature = "hydrate"))]
                    let _ = (answers, kept_detail);
                }
                Err(err) => {
                    submitting.try_set(false);
                    if let Some(fields) = err.field_errors() {
                        form_error.set(
                            fields
                                .get(FORM_ERROR_KEY)
                                .cloned()
                                .or_else(|| Some(to_fix(i18n, fields.len()))),
                        );
                        state.server_errors.set(fields.clone());
                        super::focus::first_invalid_in(".request-form");
                    } else {
                        form_error.set(Some(super::error_notice::error_text(&err)));
                    }
                }
            }
        });
    };

    let discard_slug = slug.clone();
    let discard = move || {
        state.answers.set(Answers::new());
        state.touched.set(BTreeSet::new());
        state.show_all_errors.set(false);
        draft_restored.set(false);
        #[cfg(feature = "hydrate")]
        {
            let slug = discard_slug.clone();
            leptos::task::spawn_local(async move { crate::drafts::discard(user_id, &slug).await });
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = &discard_slug;
    };

    let summary = move || {
        let server_form_error = state.server_errors.with(|e| e.get(FORM_ERROR_KEY).cloned());
        let message = form_error.get().or(server_form_error).or_else(|| {
            (had_postback && !state.server_errors.with(|e| e.is_empty()))
                .then(|| i18n.t("form-look-again"))
        });
        message.map(|m| {
            view! {
                <div class="form-error-summary" role="alert" data-testid="form-error">{m}</div>
            }
        })
    };

    let hydrated = expect_context::<crate::app::Hydrated>().0;
    // Which fields the answers show, worked out once per change for the whole form (a field's
    // conditions look at the fields above it); each field only reads the result.
    let shown = Memo::new(move |_| {
        state.answers.with(|a| {
            schema.with_value(|s| {
                visible_fields(s, a)
                    .into_iter()
                    .map(str::to_string)
                    .collect::<BTreeSet<String>>()
            })
        })
    });
    let fields = detail.form.fields.clone();
    let stores = StoredValue::new(detail.stores.clone());
    let assets = StoredValue::new(detail.assets.clone());
    let matrix = StoredValue::new(detail.service.as_ref().map(|s| s.levels.matrix.clone()));
    let describing = Signal::derive(move || {
        state
            .answers
            .with(|a| schema.with_value(|s| s.describing_text(a)))
    });
    let discard_draft = Callback::new(move |_: ()| discard());
    view! {
        <div class="form-with-suggestions">
        <form
            class="request-form"
            method="post"
            action=format!("/catalog/{slug}")
            enctype="multipart/form-data"
            novalidate
            on:submit=on_submit
        >
            <Show when=move || draft_restored.get()>
                <div class="draft-banner" role="status" data-testid="draft-restored">
                    {i18n.t("form-draft-restored")} " "
                    <button type="button" class="link-button" on:click=move |_| discard_draft.run(())>{i18n.t("form-discard-draft")}</button>
                </div>
            </Show>
            {summary}
            <input type="hidden" name="idempotency_key" value=idempotency_key.get_value()/>
            <input type="hidden" name="form_version" value=form_version.to_string()/>
            {fields
                .into_iter()
                .map(|field| {
                    let key = field.key.clone();
                    // Without scripts nothing can appear later, so every field is shown, and
                    // a conditional one says when it applies (the server ignores it otherwise).
                    let visible = move || {
                        !hydrated.get()
                            || shown.with(|keys| keys.contains(&key))
                    };
                    let condition = field.visible_when.as_ref().map(|when| {
                        schema.with_value(|s| {
                            crate::i18n::form::describe(
                                when,
                                |on| s.field(on).map(|f| f.label.clone()).unwrap_or_default(),
                                |on, value| {
                                    s.field(on)
                                        .map_or(value, |f| f.option_label(value))
                                        .to_string()
                                },
                            )
                        })
                    });
                    view! {
                        <Show when=visible>
                            <FieldControl field=field.clone() state stores assets matrix condition=condition.clone()/>
                        </Show>
                    }
                })
                .collect_view()}
            {detail.service.clone().map(|service| view! { <PriorityPreview state service/> })}
            <div class="form-actions">
                <button type="submit" class="btn btn-primary" disabled=move || submitting.get() data-testid="submit">
                    {move || if submitting.get() { i18n.t("form-sending") } else if preview { i18n.t("form-check") } else { i18n.t("form-submit") }}
                </button>
            </div>
        </form>
        {(!preview).then(|| view! { <Suggestions funnel text=describing discard_draft/> })}
        </div>
    }
}

/// Answers a deep link fills in: `/catalog/card-reader-fault?store=S012&asset=S012-REG-03`
/// (from the QR sticker on a till, via "Report a fault") picks the store and the device when the
/// form asks for them and they exist. Anything else in the link is ignored.
fn prefilled(detail: &ItemDetail, query: &leptos_router::params::ParamsMap) -> Answers {
    let store = query
        .get("store")
        .filter(|code| detail.stores.iter().any(|s| &s.code == code));
    let asset = query.get("asset").filter(|tag| {
        detail
            .assets
            .iter()
            .any(|a| &a.tag == tag && store.as_ref().is_none_or(|s| &a.store == s))
    });
    let mut answers = Answers::new();
    for field in &detail.form.fields {
        let value = match field.kind {
            FieldKind::Store => store.clone(),
            FieldKind::Asset => asset.clone(),
            _ => None,
        };
        if let Some(v) = value {
            answers.entry(field.key.clone()).or_insert_with(|| vec![v]);
        }
    }
    answers
}

/// "2 answers need to be fixed before sending."
fn to_fix(i18n: crate::i18n::I18n, count: usize) -> String {
    i18n.t_with("form-to-fix", &[("count", crate::i18n::Arg::count(count))])
}
