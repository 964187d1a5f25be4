use crate::api::desk::unread_notifications;
use crate::api::types::Role;
use crate::app::CurrentUser;
use crate::components::search_box::SearchBox;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// Top bar: brand, main navigation and the signed-in person with a sign-out button. Sign-out is
/// a plain form so it works before (and without) the WebAssembly.
#[component]
pub fn AppHeader() -> impl IntoView {
    let user = expect_context::<CurrentUser>();
    let location = use_location();
    // Made here and shown outside the signed-in branch below: a resource or a Suspense created
    // after an `.await` is numbered differently on the server (where the await really waits)
    // and in the browser, and hydration then pairs the wrong data with it. Counted again on
    // every navigation, so the badge clears once the list has been opened.
    let unread = Resource::new(move || location.pathname.get(), |_| unread_notifications());
    let current = move |prefix: &'static str| {
        let path = location.pathname.get();
        let active = if prefix == "/" {
            path == "/" || path.starts_with("/catalog")
        } else {
            path.starts_with(prefix)
        };
        active.then_some("page")
    };

    view! {
        <header class="app-header">
            <a class="brand" href="/">"Deskfront"</a>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match user.await {
                        Ok(Some(u)) => {
                            let approvals = u.is_line_manager;
                            let editor = u.role.edits_articles();
                            let desk = u.role.works_queue();
                            let store_staff = u.role == Role::StoreStaff;
                            let admin = u.role == Role::Admin;
                            view! {
                                <SearchBox/>
                                <nav class="main-nav" aria-label="Main">
                                    <a href="/" aria-current=move || current("/")>"Catalog"</a>
                                    <a href="/requests" aria-current=move || current("/requests")>
                                        "My requests"
                                    </a>
                                    <Show when=move || store_staff>
                                        <a href="/report" aria-current=move || current("/report")>"Report a fault"</a>
                                    </Show>
                                    <Show when=move || desk>
                                        <a href="/desk" aria-current=move || current("/desk")>"Queue"</a>
                                        <a href="/dashboard" aria-current=move || current("/dashboard")>"Dashboard"</a>
                                    </Show>
                                    <Show when=move || approvals>
                                        <a href="/approvals" aria-current=move || current("/approvals")>
                                            "Approvals"
                                        </a>
                                    </Show>
                                    <Show when=move || admin>
                                        <a href="/admin/integrations" aria-current=move || current("/admin")>"Integrations"</a>
                                    </Show>
                                    <Show when=move || editor>
                                        <a href="/editor/articles" aria-current=move || current("/editor")>
                                            "Articles"
                                        </a>
                                    </Show>
                                </nav>
                                <div class="user-menu">
                                    <span class="user-name" data-testid="user-name">{u.name.clone()}</span>
                                    <SignOut/>
                                </div>
                            }
                                .into_any()
                        }
                        _ => ().into_any(),
                    }
                })}
            </Suspense>
            <NotificationsLink unread/>
            <crate::offline::SyncStatus/>
        </header>
    }
}

/// "Notifications", with the number not yet read; nothing for someone not signed in (the count
/// is then an error).
#[component]
fn NotificationsLink(unread: Resource<Result<i64, crate::api::error::AppError>>) -> impl IntoView {
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                unread.await.ok().map(|n| view! {
                    <a class="notifications-link" href="/notifications" data-testid="notifications-link">
                        "Notifications"
                        {(n > 0).then(|| view! {
                            <span class="badge badge-count" data-testid="unread-count" aria-label=format!("{n} unread")>{n}</span>
                        })}
                    </a>
                })
            })}
        </Suspense>
    }
}

/// Sign-out, a plain form (works without scripts). With scripts it first warns when this
/// person's submissions are still waiting on the device (they stay, and are sent the next time
/// the same person signs in here), and forgets who was signed in, so an offline start after
/// sign-out shows nobody's data.
#[component]
fn SignOut() -> impl IntoView {
    let device = crate::offline::DeviceState::get();
    let warning = RwSignal::new(false);
    let form = NodeRef::<leptos::html::Form>::new();
    let leave = move || {
        #[cfg(feature = "hydrate")]
        leptos::task::spawn_local(async move {
            crate::offline::device::remember_user(None).await;
            if let Some(form) = form.get_untracked() {
                let _ = form.submit();
            }
        });
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if device.unsent.get_untracked() > 0 {
            warning.set(true);
        } else {
            leave();
        }
    };
    view! {
        <form method="post" action="/api/logout" node_ref=form on:submit=on_submit>
            <button type="submit" class="link-button">"Sign out"</button>
        </form>
        <Show when=move || warning.get()>
            <div class="signout-warning" role="alertdialog" aria-labelledby="signout-warning-text"
                data-testid="signout-warning">
                <p id="signout-warning-text">
                    {move || {
                        let n = device.unsent.get();
                        format!(
                            "{n} {} not sent yet. {} on this device and {} when you sign in here again.",
                            if n == 1 { "request is" } else { "requests are" },
                            if n == 1 { "It stays" } else { "They stay" },
                            if n == 1 { "is sent" } else { "are sent" },
                        )
                    }}
                </p>
                <button type="button" class="btn" data-testid="signout-anyway"
                    on:click=move |_| { warning.set(false); leave(); }>"Sign out anyway"</button>
                <button type="button" class="btn btn-primary" on:click=move |_| warning.set(false)>
                    "Stay signed in"
                </button>
            </div>
        </Show>
    }
}
