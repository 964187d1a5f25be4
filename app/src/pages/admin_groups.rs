//! Assignment groups for administrators: each with its members (added by e-mail address,
//! removed with a button), what it works on, and a form to describe or rename it; and a form for
//! a new group. Plain forms: they work without JavaScript.

use super::{query_error, refusal_status};
use crate::api::groups::admin_groups;
use crate::components::admin_tabs::AdminTabs;
use crate::components::error_notice::ErrorNotice;
use crate::components::role_gate::{PageFor, RoleGate};
use crate::i18n::{t, t_with, Arg};
use crate::model::GroupView;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn GroupsPage() -> impl IntoView {
    view! { <RoleGate page_for=PageFor::Admins><GroupsContent/></RoleGate> }
}

#[component]
fn GroupsContent() -> impl IntoView {
    let data = Resource::new(|| (), |_| admin_groups());
    let error = query_error();
    view! {
        <Title text=t("groups-title")/>
        <Suspense fallback=|| view! { <p class="loading">{t("groups-loading")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Err(e) => {
                        refusal_status(&e);
                        view! { <ErrorNotice error=e/> }.into_any()
                    }
                    Ok(groups) => view! {
                        <AdminTabs current="/admin/groups"/>
                        <h1 class="page-title">{t("groups-title")}</h1>
                        <p class="muted">{t("groups-help")}</p>
                        {move || error.get().map(|e| view! { <div class="notice notice-error" role="alert" data-testid="page-error">{e}</div> })}
                        <details class="new-record">
                            <summary data-testid="new-group">{t("groups-new")}</summary>
                            <GroupForm group=None/>
                        </details>
                        <GroupList groups/>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn GroupList(groups: Vec<GroupView>) -> impl IntoView {
    if groups.is_empty() {
        return view! {
            <div class="empty-state" data-testid="no-groups">
                <p>{t("groups-none")}</p>
            </div>
        }
        .into_any();
    }
    view! {
        <ul class="admin-list" data-testid="group-list">
            {groups.into_iter().map(|g| view! { <GroupRow group=g/> }).collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
fn GroupRow(group: GroupView) -> impl IntoView {
    let summary = t_with(
        "groups-summary",
        &[
            ("members", Arg::count(group.members.len())),
            ("items", group.items.into()),
            ("tickets", group.open_tickets.into()),
        ],
    );
    let name = group.name.clone();
    let add_id = format!("group-{}-add", group.name.replace(' ', "-"));
    view! {
        <li data-testid="group" data-name=group.name.clone()>
            <strong>{group.name.clone()}</strong>
            {(!group.description.is_empty()).then(|| view! { " · " <span>{group.description.clone()}</span> })}
            <br/>
            <span class="muted">{summary}</span>
            <ul class="member-list">
                {group.members.iter().map(|email| view! {
                    <li data-testid="member">
                        {email.clone()}
                        <form method="post" action="/api/set_group_member" class="inline-form">
                            <input type="hidden" name="name" value=name.clone()/>
                            <input type="hidden" name="email" value=email.clone()/>
                            <input type="hidden" name="member" value="false"/>
                            <button type="submit" class="btn btn-small">{t("groups-remove")}</button>
                        </form>
                    </li>
                }).collect_view()}
            </ul>
            <form method="post" action="/api/set_group_member" class="inline-form">
                <input type="hidden" name="name" value=group.name.clone()/>
                <input type="hidden" name="member" value="true"/>
                <div class="field">
                    <label for=add_id.clone()>{t("groups-add-member")}</label>
                    <input id=add_id name="email" type="email" required/>
                </div>
                <div class="form-actions"><button type="submit" class="btn">{t("groups-add")}</button></div>
            </form>
            <details>
                <summary data-testid="edit-group">{t("groups-edit")}</summary>
                <GroupForm group=Some(group.clone())/>
            </details>
        </li>
    }
}

/// The form for one group: empty for a new one, filled to rename or describe it.
#[component]
fn GroupForm(group: Option<GroupView>) -> impl IntoView {
    let revision = group.as_ref().map_or(0, |g| g.revision);
    let name = group.as_ref().map(|g| g.name.clone()).unwrap_or_default();
    let description = group
        .as_ref()
        .map(|g| g.description.clone())
        .unwrap_or_default();
    let prefix = if name.is_empty() {
        "new".to_string()
    } else {
        name.replace(' ', "-")
    };
    let id = move |field: &str| format!("group-{prefix}-{field}");
    view! {
        <form method="post" action="/api/save_group" class="stack record-form">
            <input type="hidden" name="revision" value=revision.to_string()/>
            <input type="hidden" name="name" value=name.clone()/>
            <div class="field">
                <label for=id("new_name")>{t("admin-name")}</label>
                <input id=id("new_name") name="new_name" required value=name.clone()/>
            </div>
            <div class="field">
                <label for=id("description")>{t("groups-what-it-does")}</label>
                <input id=id("description") name="description" value=description/>
            </div>
            <div class="form-actions">
                <button type="submit" class="btn">{if name.is_empty() { t("groups-create") } else { t("groups-save") }}</button>
            </div>
        </form>
    }
}
