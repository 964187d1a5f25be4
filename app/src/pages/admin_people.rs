//! People for administrators: search, create and edit one person, deactivate or reactivate
//! (plain forms, so they work without JavaScript), and the CSV import from HR with line managers.

use super::{query_error, refusal_status};
use crate::api::people::{admin_people, create_password_link};
use crate::app::CurrentUser;
use crate::components::admin_tabs::{signed_in_admin, AdminListHeading};
use crate::components::error_notice::ErrorNotice;
use crate::components::import_panel::ImportPanel;
use crate::components::pager::Pager;
use crate::components::role_gate::{PageFor, RoleGate};
use crate::i18n::{t, t_with};
use crate::model::{AppError, ImportFile, Page, PasswordLink, PersonView, Role};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn PeoplePage() -> impl IntoView {
    view! { <RoleGate page_for=PageFor::Admins><PeopleContent/></RoleGate> }
}

#[component]
fn PeopleContent() -> impl IntoView {
    let query = use_query_map();
    let error = query_error();
    let q = Memo::new(move |_| query.read().get("q").unwrap_or_default());
    let page = Memo::new(move |_| query.read().get("page").and_then(|p| p.parse::<u32>().ok()));
    let data = Resource::new(
        move || (q.get(), page.get()),
        |(q, page)| admin_people((!q.is_empty()).then_some(q), page),
    );
    // The frame and the import follow the signed-in person, loaded once; only the list reloads
    // after an import, so the import's report stays on screen.
    let user = expect_context::<CurrentUser>();
    view! {
        <Title text=t("admin-tab-people")/>
        <AdminListHeading current="/admin/people" title=t("admin-tab-people") search_label=t("admin-find-person")
            placeholder=t("admin-find-person-placeholder") q=q.get_untracked()>
            {move || error.get().map(|e| view! { <div class="notice notice-error" role="alert">{e}</div> })}
        </AdminListHeading>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                signed_in_admin(user).await.then(|| view! {
                    <details class="new-record">
                        <summary data-testid="new-person">{t("admin-new-person")}</summary>
                        <PersonForm person=None/>
                    </details>
                })
            })}
        </Suspense>
        <Suspense fallback=|| view! { <p class="loading">{t("admin-loading-people")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Err(e) => {
                        refusal_status(&e);
                        view! { <ErrorNotice error=e/> }.into_any()
                    }
                    Ok(list) => view! { <PeopleList list q=q.get_untracked()/> }.into_any(),
                }
            })}
        </Suspense>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                signed_in_admin(user).await.then(|| view! {
                    <h2>{t("admin-import-csv")}</h2>
                    <p class="muted">{t("admin-import-people-help")}</p>
                    <ImportPanel file=ImportFile::People on_done=move || data.refetch()/>
                })
            })}
        </Suspense>
    }
}

#[component]
fn PeopleList(list: Page<PersonView>, q: String) -> impl IntoView {
    let n = list.page;
    let has_next = list.has_next();
    let link = move |p: u32| format!("/admin/people?q={}&page={p}", crate::url::encode(&q));
    if list.items.is_empty() {
        return view! {
            <div class="empty-state" data-testid="no-people">
                <p>{t("admin-no-people")}</p>
            </div>
        }
        .into_any();
    }
    view! {
        <p data-testid="people-total">{t_with("admin-people-total", &[("count", list.total.into())])}</p>
        <ul class="admin-list" data-testid="people-list">
            {list.items.into_iter().map(|p| view! { <PersonRow person=p/> }).collect_view()}
        </ul>
        <Pager page=n has_next link/>
    }
    .into_any()
}

#[component]
fn PersonRow(person: PersonView) -> impl IntoView {
    let details: Vec<String> = [
        Some(role_name(person.role)),
        person
            .manager
            .as_ref()
            .map(|m| t_with("admin-reports-to", &[("manager", m.as_str().into())])),
        person
            .store
            .as_ref()
            .map(|s| t_with("admin-person-store", &[("store", s.as_str().into())])),
        (!person.groups.is_empty()).then(|| person.groups.join(", ")),
    ]
    .into_iter()
    .flatten()
    .collect();
    let (label, next) = if person.active {
        (t("admin-deactivate"), "false")
    } else {
        (t("admin-reactivate"), "true")
    };
    view! {
        <li data-testid="person" data-email=person.email.clone() data-active=person.active.to_string()>
            <strong>{person.name.clone()}</strong> " " <span>{person.email.clone()}</span>
            {(!person.active).then(|| view! { " " <span class="badge">{t("admin-deactivated")}</span> })}
            <br/>
            <span class="muted">{details.join(" · ")}</span>
            <div class="inline-form">
                <form method="post" action="/api/set_person_active">
                    <input type="hidden" name="email" value=person.email.clone()/>
                    <input type="hidden" name="active" value=next/>
                    <button type="submit" class="btn">{label}</button>
                </form>
                {person.active.then(|| view! { <PasswordLinkButton email=person.email.clone()/> })}
            </div>
            <details>
                <summary data-testid="edit-person">{t("admin-edit")}</summary>
                <PersonForm person=Some(person.clone())/>
            </details>
        </li>
    }
}

/// The form for one person: empty for a new one, filled for an edit. A plain form post to
/// `save_person`, so it works without JavaScript; errors come back on the page.
#[component]
fn PersonForm(person: Option<PersonView>) -> impl IntoView {
    let revision = person.as_ref().map_or(0, |p| p.revision);
    let prefix = person
        .as_ref()
        .map_or("new".to_string(), |p| p.email.replace(['@', '.'], "-"));
    let id = move |field: &str| format!("person-{prefix}-{field}");
    let p = person.clone().unwrap_or(PersonView {
        email: String::new(),
        name: String::new(),
        role: Role::Requester,
        role_pinned: false,
        manager: None,
        store: None,
        groups: vec![],
        active: true,
        revision: 0,
    });
    let role = p.role;
    let role_pinned = p.role_pinned;
    view! {
        <form method="post" action="/api/save_person" class="stack record-form">
            <input type="hidden" name="revision" value=revision.to_string()/>
            {if revision == 0 {
                view! {
                    <div class="field">
                        <label for=id("email")>{t("admin-email")}</label>
                        <input id=id("email") name="email" type="email" required/>
                    </div>
                }.into_any()
            } else {
                view! { <input type="hidden" name="email" value=p.email.clone()/> }.into_any()
            }}
            <div class="field">
                <label for=id("name")>{t("admin-name")}</label>
                <input id=id("name") name="name" required value=p.name.clone()/>
            </div>
            <div class="field">
                <label for=id("role")>{t("admin-role")}</label>
                <select id=id("role") name="role">
                    {ROLES.iter().map(|r| view! {
                        <option value=r.as_str() selected=*r == role>{role_name(*r)}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field field-check">
                <input id=id("role_pinned") name="role_pinned" type="checkbox" value="on" checked=role_pinned
                    data-testid="role-pinned"/>
                <label for=id("role_pinned")>{t("admin-role-pinned")}</label>
            </div>
            <div class="field">
                <label for=id("manager")>{t("admin-manager")}</label>
                <input id=id("manager") name="manager" type="email" value=p.manager.clone().unwrap_or_default()/>
            </div>
            <div class="field">
                <label for=id("store")>{t("admin-home-store")}</label>
                <input id=id("store") name="store" value=p.store.clone().unwrap_or_default()/>
            </div>
            <div class="field">
                <label for=id("groups")>{t("admin-groups")}</label>
                <input id=id("groups") name="groups" value=p.groups.join("; ")/>
                <p class="help">{t("admin-groups-help")}</p>
            </div>
            <div class="form-actions">
                <button type="submit" class="btn">{if revision == 0 { t("admin-create-person") } else { t("admin-save-person") }}</button>
            </div>
        </form>
    }
}

/// Every role, as the people form offers it.
const ROLES: [Role; 7] = [
    Role::Requester,
    Role::StoreStaff,
    Role::Approver,
    Role::Agent,
    Role::Manager,
    Role::Editor,
    Role::Admin,
];

fn role_name(role: Role) -> String {
    t_with("role-name", &[("role", role.as_str().into())])
}

/// Makes a one-time password link for one person and shows it once, to copy and hand over.
#[component]
fn PasswordLinkButton(email: String) -> impl IntoView {
    let made = RwSignal::new(None::<Result<PasswordLink, AppError>>);
    let email = StoredValue::new(email);
    let make = move |_| {
        leptos::task::spawn_local(async move {
            made.set(Some(create_password_link(email.get_value()).await));
        });
    };
    view! {
        <button type="button" class="btn" data-testid="password-link" on:click=make>{t("admin-password-link")}</button>
        {move || made.get().map(|r| match r {
            Ok(link) => view! {
                <p class="notice notice-success" role="status" data-testid="new-password-link">
                    {t_with("admin-hand-link", &[
                        ("email", link.email.as_str().into()),
                        ("until", super::when(&link.expires_at).into()),
                    ])} " "
                    <code class="token">{link.link.clone()}</code>
                </p>
            }.into_any(),
            Err(e) => view! { <ErrorNotice error=e/> }.into_any(),
        })}
    }
}
