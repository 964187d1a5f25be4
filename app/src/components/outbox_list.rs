//! "On this device": the signed-in person's submissions that the server has not accepted yet,
//! each with its state, above their requests. Read from IndexedDB after hydration, so the
//! server's HTML and the first browser render agree (both show nothing here).

use crate::i18n::{t, t_with};
use crate::offline::outbox::{Delivery, OutboxItem};
use crate::offline::{local_day_time, DeviceState};
use leptos::prelude::*;

#[component]
pub fn OutboxList(user_id: i64) -> impl IntoView {
    let device = DeviceState::get();
    let items = RwSignal::new(Vec::<OutboxItem>::new());
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        device.outbox_changed.track();
        leptos::task::spawn_local(async move {
            let list = crate::offline::outbox::list(user_id).await;
            items.try_set(list);
        });
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = (user_id, device);
    let send_now = move |_| {
        #[cfg(feature = "hydrate")]
        leptos::task::spawn_local(crate::offline::outbox::flush(device, user_id, true));
    };
    let any_waiting = move || items.with(|i| i.iter().any(OutboxItem::is_unsent));
    view! {
        <Show when=move || items.with(|i| !i.is_empty())>
            <section class="outbox" data-testid="outbox" aria-labelledby="outbox-title">
                <h2 id="outbox-title">{t("outbox-title")}</h2>
                <Show when=any_waiting>
                    <p class="muted">
                        {t("outbox-intro")} " "
                        <button type="button" class="link-button" data-testid="outbox-send-now"
                            on:click=send_now>{t("outbox-send-now")}</button>
                    </p>
                </Show>
                <ul class="request-list">
                    <For each=move || items.get() key=|i| (i.key.clone(), format!("{:?}", i.delivery)) let:item>
                        <OutboxRow item/>
                    </For>
                </ul>
            </section>
        </Show>
    }
}

#[component]
fn OutboxRow(item: OutboxItem) -> impl IntoView {
    let device = DeviceState::get();
    let state_name = match &item.delivery {
        Delivery::Waiting => "waiting",
        Delivery::Sending { .. } => "sending",
        Delivery::Sent { .. } => "sent",
        Delivery::Rejected { .. } => "rejected",
    };
    let status = match &item.delivery {
        Delivery::Waiting => {
            let text = match item.last_error {
                Some(_) => t_with("outbox-retrying", &[("count", i64::from(item.attempts).into())]),
                None => t("outbox-waiting"),
            };
            view! { <span>{text}</span> }.into_any()
        }
        Delivery::Sending { .. } => view! { <span>{t("outbox-sending")}</span> }.into_any(),
        Delivery::Sent { number, .. } => view! {
            <span>{t("outbox-sent-as")} " " <a href=format!("/requests/{number}")>{number.clone()}</a></span>
        }
        .into_any(),
        Delivery::Rejected { reason, .. } => {
            view! { <span>{t_with("outbox-rejected", &[("reason", reason.clone().into())])}</span> }.into_any()
        }
    };
    let rejected = matches!(item.delivery, Delivery::Rejected { .. });
    let fixable = matches!(
        item.delivery,
        Delivery::Rejected {
            item_gone: false,
            ..
        }
    );
    let answers = item
        .summary
        .iter()
        .map(|(label, value)| view! { <dt>{label.clone()}</dt><dd>{value.clone()}</dd> })
        .collect_view();
    let edit = StoredValue::new(format!("/catalog/{}", item.item_slug));
    let kept = StoredValue::new(item.clone());
    let discard = move |_| {
        let confirmed = web_confirm(&t("outbox-discard-confirm"));
        if confirmed {
            #[cfg(feature = "hydrate")]
            leptos::task::spawn_local(async move {
                crate::offline::outbox::discard(device, &kept.get_value()).await;
            });
        }
    };
    #[cfg(not(feature = "hydrate"))]
    let _ = (device, kept);
    view! {
        <li class="request-row outbox-item" data-testid="outbox-item" data-key=item.key.clone()
            data-state=state_name>
            <span class="request-title">{item.item_name.clone()}</span>
            <span class="outbox-state" data-testid="outbox-state" data-state=state_name>{status}</span>
            <span class="request-updated">{t_with("outbox-saved", &[("when", local_day_time(item.saved_at).into())])}</span>
            <Show when=move || rejected>
                <details class="outbox-answers" open>
                    <summary>{t("outbox-answers")}</summary>
                    <dl class="facts">{answers.clone()}</dl>
                </details>
                <p class="outbox-actions">
                    {fixable.then(|| view! {
                        <a class="btn btn-primary" data-testid="outbox-edit" href=edit.get_value()>{t("outbox-fix")}</a>
                        " "
                    })}
                    <button type="button" class="btn" data-testid="outbox-discard" on:click=discard>{t("outbox-discard")}</button>
                </p>
            </Show>
        </li>
    }
}

fn web_confirm(message: &str) -> bool {
    #[cfg(feature = "hydrate")]
    {
        web_sys::window()
            .and_then(|w| w.confirm_with_message(message).ok())
            .unwrap_or(false)
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = message;
        false
    }
}
