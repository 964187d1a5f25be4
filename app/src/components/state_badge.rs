use crate::domain::TicketState;
use leptos::prelude::*;

#[component]
pub fn StateBadge(state: TicketState) -> impl IntoView {
    view! {
        <span class=format!("state state-{}", state.as_str()) data-state=state.as_str()>
            {state.label()}
        </span>
    }
}
