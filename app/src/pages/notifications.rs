//! The in-portal notification list: replies, questions and resolutions on your tickets.
//! "Mark all as read" clears the badge in the header; opening the page changes nothing.

use super::when;
use crate::api::desk::my_notifications;
use crate::components::error_notice::ErrorNotice;
use crate::i18n::t;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn NotificationsPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| my_notifications());
    view! {
        <Title text=t("header-notifications")/>
        <h1 class="page-title">{t("header-notifications")}</h1>
        <Suspense fallback=|| view! { <p class="loading">{t("notifications-loading")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Err(e) => view! { <ErrorNotice error=e/> }.into_any(),
                    Ok(list) if list.is_empty() => view! {
                        <div class="empty-state" data-testid="no-notifications">
                            <p>{t("notifications-none")}</p>
                        </div>
                    }.into_any(),
                    Ok(list) => view! {
                        {list.iter().any(|n| !n.read).then(|| view! {
                            <form method="post" action="/api/mark_notifications_read" class="inline-form">
                                <button type="submit" class="btn" data-testid="mark-read">{t("notifications-mark-read")}</button>
                            </form>
                        })}
                        <ul class="notification-list">
                            {list.into_iter().map(|n| view! {
                                <li class="notification" class:unread=!n.read data-testid="notification">
                                    <a href=format!("/requests/{}", n.number)>
                                        <span class="request-number">{n.number.clone()}</span>
                                        " " {t(&n.body)}
                                    </a>
                                    <span class="event-meta">{when(&n.at)}{(!n.read).then(|| format!(" · {}", t("notifications-new")))}</span>
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}
