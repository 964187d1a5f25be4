use crate::domain::priority::Priority;
use crate::domain::TicketState;
use crate::i18n::state_label;
use leptos::prelude::*;

#[component]
pub fn StateBadge(state: TicketState) -> impl IntoView {
    view! {
        <span class=format!("state state-{}", state.as_str()) data-state=state.as_str()>
            {state_label(state)}
        </span>
    }
}

/// "P1", coloured by priority; `long` says "P1 – critical".
#[component]
pub fn PriorityBadge(priority: Priority, #[prop(optional)] long: bool) -> impl IntoView {
    let class = format!("priority priority-{}", priority.as_str().to_lowercase());
    let text = if long {
        crate::i18n::priority_label(priority)
    } else {
        priority.as_str().to_string()
    };
    view! { <span class=class data-priority=priority.as_str()>{text}</span> }
}
