use crate::api::desk::unread_notifications;
use crate::app::CurrentUser;
use crate::components::search_box::SearchBox;
use crate::i18n::{i18n, t, t_with, Arg};
use crate::model::{Role, UserView};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// Top bar: brand, main navigation and the signed-in person with a sign-out button. Sign-out is
/// a plain form so it works before (and without) the WebAssembly.
#[component]
pub fn AppHeader() -> impl IntoView {
    let user = expect_context::<CurrentUser>();
    let i18n = i18n();
    let location = use_location();
    // Made here and shown outside the signed-in branch below: a resource or a Suspense created
    // after an `.await` is numbered differently on the server (where the await really waits)
    // and in the browser, and hydration then pairs the wrong data with it. Counted again on
    // every navigation, so the badge clears once the list has been opened.
    let unread = Resource::new(move || location.pathname.get(), |_| unread_notifications());
    view! {
        <header class="app-header">
            <a class="brand" href="/">"Deskfront"</a>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match user.await {
                        Ok(Some(u)) => {
                            // One link view repeated over a list: each `<Show>` or distinct
                            // closure here used to be code of its own in the main module.
                            let links = nav_links(&u)
                                .into_iter()
                                .map(|link| {
                                    let current = move || {
                                        link.is_current(&location.pathname.get()).then_some("page")
                                    };
                                    view! { <a href=link.href aria-current=current>{i18n.t(link.message)}</a> }
                                })
                                .collect_view();
                            view! {
                                <SearchBox/>
                                <nav class="main-nav" aria-label=i18n.t("nav-label")>{links}</nav>
                                <div class="user-menu">
                                    <a class="user-name" href="/settings" title=i18n.t("header-settings") data-testid="user-name">{u.name.clone()}</a>
                                    <SignOut/>
                                </div>
                            }
                                .into_any()
                        }
                        _ => ().into_any(),
                    }
                })}
            </Suspense>
            <NotificationsLink unread i18n/>
            <crate::offline::SyncStatus/>
        </header>
    }
}

/// A link of the main navigation.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NavLink {
    pub href: &'static str,
    /// The id of its text (`i18n`).
    pub message: &'static str,
    /// The start of the addresses under this link (the catalog's items count as the catalog).
    section: &'static str,
}

impl NavLink {
    const fn new(href: &'static str, message: &'static str, section: &'static str) -> Self {
        NavLink {
            href,
            message,
            section,
        }
    }

    /// Whether the page at `path` belongs to this link (`aria-current="page"`).
    pub fn is_current(&self, path: &str) -> bool {
        if self.section == "/" {
            path == "/" || path.starts_with("/catalog")
        } else {
            path.starts_with(self.section)
        }
    }
}

/// The main navigation for this person, in order: everyone orders and follows requests; store
/// staff report faults; the desk works the queue and the dashboard; line managers approve;
/// admins set the portal up (stores and devices, integrations, the audit log); editors build the
/// catalog and write articles.
pub fn nav_links(user: &UserView) -> Vec<NavLink> {
    let role = user.role;
    [
        (true, NavLink::new("/", "nav-catalog", "/")),
        (
            true,
            NavLink::new("/requests", "nav-my-requests", "/requests"),
        ),
        (
            role == Role::StoreStaff,
            NavLink::new("/report", "nav-report", "/report"),
        ),
        (
            role.works_queue(),
            NavLink::new("/desk", "nav-queue", "/desk"),
        ),
        (
            role.works_queue(),
            NavLink::new("/dashboard", "nav-dashboard", "/dashboard"),
        ),
        (
            user.approves,
            NavLink::new("/approvals", "nav-approvals", "/approvals"),
        ),
        // Those who plan, approve or live with changes; requesters reach it by address.
        (
            role.works_queue() || role == Role::StoreStaff || user.approves,
            NavLink::new("/calendar", "nav-calendar", "/calendar"),
        ),
        (
            role.edits_catalog(),
            NavLink::new(
                if role == Role::Admin {
                    "/admin/people"
                } else {
                    "/admin/catalog"
                },
                "nav-admin",
                "/admin",
            ),
        ),
        (
            role.edits_articles(),
            NavLink::new("/editor/articles", "nav-articles", "/editor"),
        ),
    ]
    .into_iter()
    .filter_map(|(shown, link)| shown.then_some(link))
    .collect()
}

/// "Notifications", with the number not yet read; nothing for someone not signed in (the count
/// is then an error).
#[component]
fn NotificationsLink(
    unread: Resource<Result<i64, crate::model::AppError>>,
    i18n: crate::i18n::I18n,
) -> impl IntoView {
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                unread.await.ok().map(|n| view! {
                    <a class="notifications-link" href="/notifications" data-testid="notifications-link">
                        {i18n.t("header-notifications")}
                        {(n > 0).then(|| view! {
                            <span class="badge badge-count" data-testid="unread-count"
                                aria-label=i18n.t_with("header-unread", &[("count", n.into())])>{n}</span>
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
            <button type="submit" class="link-button">{crate::i18n::t("header-sign-out")}</button>
        </form>
        <Show when=move || warning.get()>
            <SignOutWarning
                count=Signal::derive(move || device.unsent.get())
                close=Callback::new(move |_| warning.set(false))
                leave=Callback::new(move |_| { warning.set(false); leave(); })/>
        </Show>
    }
}

/// "Requests not sent yet": a dialog that holds the keyboard while it is open (Escape or "Stay
/// signed in" closes it) and gives focus back to the sign-out button when it closes.
#[component]
fn SignOutWarning(count: Signal<usize>, close: Callback<()>, leave: Callback<()>) -> impl IntoView {
    let sheet = NodeRef::<leptos::html::Div>::new();
    crate::components::focus::hold_in_dialog(sheet, close);
    view! {
        <div class="signout-warning" role="alertdialog" aria-modal="true" aria-labelledby="signout-warning-text"
            data-testid="signout-warning" node_ref=sheet tabindex="-1">
            <p id="signout-warning-text">
                {move || t_with("signout-unsent", &[("count", Arg::count(count.get()))])}
            </p>
            <button type="button" class="btn" data-testid="signout-anyway"
                on:click=move |_| leave.run(())>{t("signout-anyway")}</button>
            <button type="button" class="btn btn-primary" on:click=move |_| close.run(())>
                {t("signout-stay")}
            </button>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(role: Role, approves: bool) -> UserView {
        UserView {
            id: 1,
            email: "someone@example.test".into(),
            name: "Someone".into(),
            role,
            approves,
            language: None,
            timezone: None,
            store: None,
        }
    }

    fn english(id: &str) -> String {
        crate::i18n::catalog("en").text(id, &[])
    }

    fn labels(user: &UserView) -> Vec<String> {
        nav_links(user).iter().map(|l| english(l.message)).collect()
    }

    #[test]
    fn each_role_sees_its_links_in_order() {
        assert_eq!(
            labels(&user(Role::Requester, false)),
            ["Catalog", "My requests"]
        );
        assert_eq!(
            labels(&user(Role::StoreStaff, false)),
            ["Catalog", "My requests", "Report a fault", "Calendar"]
        );
        assert_eq!(
            labels(&user(Role::Agent, true)),
            [
                "Catalog",
                "My requests",
                "Queue",
                "Dashboard",
                "Approvals",
                "Calendar"
            ]
        );
        assert_eq!(
            labels(&user(Role::Admin, false)),
            [
                "Catalog",
                "My requests",
                "Queue",
                "Dashboard",
                "Calendar",
                "Admin",
                "Articles"
            ]
        );
        assert_eq!(
            labels(&user(Role::Editor, false)),
            ["Catalog", "My requests", "Admin", "Articles"]
        );
    }

    #[test]
    fn a_link_is_current_on_the_pages_of_its_section() {
        let links = nav_links(&user(Role::Admin, false));
        let current = |path: &str| -> Vec<String> {
            links
                .iter()
                .filter(|l| l.is_current(path))
                .map(|l| english(l.message))
                .collect()
        };
        assert_eq!(current("/"), ["Catalog"]);
        assert_eq!(current("/catalog/laptop"), ["Catalog"]);
        assert_eq!(current("/requests/REQ-1"), ["My requests"]);
        assert_eq!(current("/dashboard/daily"), ["Dashboard"]);
        assert_eq!(current("/admin/integrations"), ["Admin"]);
        assert_eq!(current("/admin/stores/S012/stickers"), ["Admin"]);
        assert_eq!(current("/editor/articles/new"), ["Articles"]);
        assert!(current("/kb/printer").is_empty());
    }
}
