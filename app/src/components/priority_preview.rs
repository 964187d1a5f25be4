//! "Priority P1 — we will respond by 10:45", shown on a fault report before it is sent. The
//! browser works it out from the answers with the same service-level code the server uses when
//! it creates the ticket (`ServiceLevels::promise`), so what we promise is what we record.

use super::request_form::FormState;
use crate::domain::priority::Priority;
use crate::domain::FieldKind;
use crate::i18n::{i18n, t};
use crate::model::ServicePreview;
use leptos::prelude::*;

#[component]
pub fn PriorityPreview(state: FormState, service: ServicePreview) -> impl IntoView {
    let service = StoredValue::new(service);
    let promise = move || {
        let now = chrono::Utc::now();
        state.answers.with(|answers| {
            state.schema.with_value(|schema| {
                service.with_value(|s| {
                    let hours = schema.chosen_store(answers).and_then(|code| {
                        s.store_hours
                            .iter()
                            .find(|(c, _)| c == code)
                            .map(|(_, h)| h)
                    });
                    s.levels
                        .promise(
                            schema.answer_of(FieldKind::Impact, answers),
                            schema.answer_of(FieldKind::Urgency, answers),
                            hours,
                            now,
                        )
                        .map(|p| (p.priority, p.due_at_store(now)))
                })
            })
        })
    };
    let promise = Memo::new(move |_| promise());
    view! {
        <div
            class="priority-preview"
            role="status"
            aria-live="polite"
            data-testid="priority-preview"
            data-priority=move || promise.with(|p| p.as_ref().map(|(priority, _)| priority.as_str()))
        >
            {move || match promise.get() {
                Some((priority, due)) => view! { <strong>{promise_text(priority, due)}</strong> }.into_any(),
                None => view! {
                    <span class="muted">{t("priority-promise-unknown")}</span>
                }
                .into_any(),
            }}
        </div>
    }
}

/// "Priority P1 — we will respond by 10:45", with the day too when it is not today at the store.
fn promise_text(priority: Priority, (due, today): (chrono::NaiveDateTime, bool)) -> String {
    let i18n = i18n();
    let when = if today {
        i18n.time(&due)
    } else {
        i18n.t_with(
            "priority-promise-day",
            &[
                ("time", i18n.time(&due).into()),
                ("day", i18n.weekday_day_month(&due).into()),
            ],
        )
    };
    i18n.t_with(
        "priority-promise",
        &[
            ("priority", priority.as_str().into()),
            ("when", when.into()),
        ],
    )
}
