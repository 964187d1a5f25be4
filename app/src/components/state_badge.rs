use crate::domain::priority::Priority;
use crate::domain::TicketState;
use leptos::prelude::*;

/// A ticket's state in the reader's language ("In Bearbeitung").
pub fn state_label(state: TicketState) -> String {
    crate::i18n::t_with("ticket-state", &[("state", state.as_str().into())])
}

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
        crate::i18n::t_with("priority-label", &[("priority", priority.as_str().into())])
    } else {
        priority.as_str().to_string()
    };
    view! { <span class=class data-priority=priority.as_str()>{text}</span> }
}
