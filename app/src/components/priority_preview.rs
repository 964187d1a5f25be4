//! "Priority P1 — we will respond by 10:45", shown on a fault report before it is sent. The
//! browser works it out from the answers with the same service-level code the server uses when
//! it creates the ticket (`ServiceLevels::promise`), so what we promise is what we record.

use super::request_form::FormState;
use crate::domain::FieldKind;
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
                        .map(|p| (p.priority, p.text(now)))
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
                Some((_, text)) => view! { <strong>{text}</strong> }.into_any(),
                None => view! {
                    <span class="muted">"Say how much of the store is affected and how urgent it is, and we will tell you when we will respond."</span>
                }
                .into_any(),
            }}
        </div>
    }
}
