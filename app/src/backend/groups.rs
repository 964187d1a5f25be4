//! Assignment groups for administrators: the list with members and what each works on; a group
//! created, described or renamed (the new name reaches its people, items and tickets at once);
//! members added and removed. Admins only; every change audited (`AuditKind::Group`).

use super::access::admin_only;
use super::audit::Actor;
use super::internal;
use super::store::{Store, Written};
use crate::domain::validation::FieldErrors;
use crate::i18n::{t, t_with, Arg};
use crate::model::{AppError, AppResult, AuditKind, GroupView, UserView};
use chrono::{DateTime, Utc};
use serde_json::json;

/// As long as a group name may be in the people file.
pub const MAX_GROUP_CHARS: usize = 60;
const MAX_DESCRIPTION_CHARS: usize = 200;

pub async fn groups(store: &dyn Store, user: &UserView) -> AppResult<Vec<GroupView>> {
    admin_only(user)?;
    store.groups().await.map_err(internal)
}

/// Why `name` cannot name a group, if it cannot: the people file separates groups with `;`.
pub fn name_problem(name: &str) -> Option<String> {
    if name.is_empty() {
        Some(t("error-group-name"))
    } else if name.chars().count() > MAX_GROUP_CHARS {
        Some(t_with(
            "error-group-name-long",
            &[("max", Arg::count(MAX_GROUP_CHARS))],
        ))
    } else if name.contains(';') || name.chars().any(char::is_control) {
        Some(t("error-group-name-semicolon"))
    } else {
        None
    }
}

fn find<'a>(all: &'a [GroupView], name: &str) -> Option<&'a GroupView> {
    all.iter().find(|g| g.name == name)
}

/// Creates the group `new_name` (`name` empty or equal, `revision` 0), or saves the group
/// `name` as `new_name` with `description`; answers the new revision. A group that is only in
/// use so far (revision 0) gets its record.
pub async fn save_group(
    store: &dyn Store,
    user: &UserView,
    name: &str,
    new_name: &str,
    description: &str,
    revision: i64,
    now: DateTime<Utc>,
) -> AppResult<i64> {
    admin_only(user)?;
    let new_name = new_name.trim();
    let name = match name.trim() {
        "" => new_name,
        given => given,
    };
    let description = description.trim();
    let all = store.groups().await.map_err(internal)?;
    let before = find(&all, name);
    let mut errors = FieldErrors::new();
    if let Some(problem) = name_problem(new_name) {
        errors.insert("new_name".into(), problem);
    }
    if description.chars().count() > MAX_DESCRIPTION_CHARS {
        errors.insert(
            "description".into(),
            t_with(
                "error-group-description-long",
                &[("max", Arg::count(MAX_DESCRIPTION_CHARS))],
            ),
        );
    }
    match before {
        None if revision != 0 => {
            return Err(AppError::not_found(t_with(
                "error-no-group",
                &[("name", name.into())],
            )))
        }
        Some(g) if g.revision != revision => return Err(super::stale("group")),
        _ => {}
    }
    if new_name != name && find(&all, new_name).is_some() && !errors.contains_key("new_name") {
        errors.insert(
            "new_name".into(),
            t_with("error-group-exists", &[("name", new_name.into())]),
        );
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid { fields: errors });
    }
    let action = match before {
        None => "create",
        Some(_) if new_name != name => "rename",
        Some(_) => "update",
    };
    let mut audit = Actor::person(user)
        .did(AuditKind::Group, action, new_name, now)
        .after(json!({ "name": new_name, "description": description }));
    if let Some(b) = before {
        audit = audit.before(json!({ "name": b.name, "description": b.description }));
    }
    match store
        .save_group(name, new_name, description, revision, &audit)
        .await
        .map_err(internal)?
    {
        Written::Done { revision } => Ok(revision),
        Written::Stale { .. } => Err(super::stale("group")),
    }
}

/// Adds the person `email` to group `name` (`member`) or takes them out of it.
pub async fn set_member(
    store: &dyn Store,
    user: &UserView,
    name: &str,
    email: &str,
    member: bool,
    now: DateTime<Utc>,
) -> AppResult<()> {
    admin_only(user)?;
    let email = email.trim().to_lowercase();
    let all = store.groups().await.map_err(internal)?;
    if find(&all, name).is_none() {
        return Err(AppError::not_found(t_with(
            "error-no-group",
            &[("name", name.into())],
        )));
    }
    let audit = Actor::person(user)
        .did(
            AuditKind::Group,
            if member {
                "add member"
            } else {
                "remove member"
            },
            name,
            now,
        )
        .after(json!({ "member": email }));
    let changed = store
        .set_member(name, &email, member, &audit)
        .await
        .map_err(internal)?;
    if changed || !member {
        return Ok(()); // removing someone who is not in it leaves it as wanted
    }
    let known = store
        .all_people()
        .await
        .map_err(internal)?
        .into_iter()
        .any(|p| p.email == email && p.active);
    if known {
        Ok(()) // a member already
    } else {
        Err(AppError::invalid_field(
            "email",
            crate::i18n::t_with("error-no-person", &[("token", email.into())]),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn group_names_are_short_single_line_and_free_of_semicolons() {
        assert_eq!(name_problem("Store Systems"), None);
        assert!(name_problem("").is_some());
        assert!(name_problem("Tills; Printers").is_some());
        assert!(name_problem("Line\nbreak").is_some());
        assert!(name_problem(&"x".repeat(61)).is_some());
    }
}
