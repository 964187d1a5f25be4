//! People for administrators: the list with search, one person created or edited, CSV import
//! from HR (a dry run first, then all or nothing, line managers included) and deactivation.
//! Audited like every administrative change.

use super::access::admin_only;
use super::audit::Actor;
use super::csv_import::{self, plan_rows, CsvRow};
use super::groups::MAX_GROUP_CHARS;
use super::internal;
use super::people_store::NewPasswordLink;
use super::store::{Store, Written};
use crate::domain::validation::is_plausible_email;
use crate::i18n::{t, t_with, Arg};
use crate::model::{
    AppError, AppResult, AuditKind, ImportFile, ImportReport, Page, PasswordLink, PersonView,
    RefusedRow, Role, UserView, PEOPLE_PER_PAGE,
};
use chrono::{DateTime, Utc};
use std::collections::{BTreeSet, HashMap, HashSet};

const MAX_NAME_CHARS: usize = 100;

/// One page of people matching `text`.
pub async fn people_page(
    store: &dyn Store,
    user: &UserView,
    text: Option<&str>,
    page: u32,
) -> AppResult<Page<PersonView>> {
    admin_only(user)?;
    let page = page.max(1);
    let text = text.map(str::trim).filter(|t| !t.is_empty());
    let offset = u64::from(page - 1) * u64::from(PEOPLE_PER_PAGE);
    let (items, total) = store
        .people_page(text, offset, PEOPLE_PER_PAGE)
        .await
        .map_err(internal)?;
    Ok(Page {
        items,
        page,
        per_page: PEOPLE_PER_PAGE,
        total,
    })
}

/// Checks a people CSV and, when `apply` is set and no row is refused, writes it.
pub async fn import(
    store: &dyn Store,
    user: &UserView,
    text: &str,
    apply: bool,
    now: DateTime<Utc>,
) -> AppResult<ImportReport> {
    admin_only(user)?;
    let rows = csv_import::read_file(text, ImportFile::People)?;
    let people = store.all_people().await.map_err(internal)?;
    let stores: HashSet<String> = store
        .all_stores()
        .await
        .map_err(internal)?
        .into_iter()
        .map(|s| s.code)
        .collect();
    let plan = plan_people(&rows, &people, &stores);
    csv_import::finish(
        &Actor::person(user),
        ImportFile::People,
        plan,
        &people,
        |p| &p.email,
        apply,
        now,
        |planned, audit| async move { store.import_people(&planned, &audit).await },
    )
    .await
}

/// Rows of a people file checked against each other, the stored people and the stores: the
/// people to write and the report. Line managers may be in the file or already stored; a chain
/// of managers that comes back to someone (a cycle) is refused at each of its people's lines.
pub fn plan_people(
    rows: &[CsvRow],
    existing: &[PersonView],
    stores: &HashSet<String>,
) -> (Vec<PersonView>, ImportReport) {
    let stored: HashMap<&str, &PersonView> =
        existing.iter().map(|p| (p.email.as_str(), p)).collect();
    let in_file: HashSet<String> = rows.iter().map(|r| r.get("email").to_lowercase()).collect();
    let known = |email: &str| in_file.contains(email) || stored.contains_key(email);
    let read = |row: &CsvRow| {
        let email = row.get("email").to_lowercase();
        if !is_plausible_email(&email) {
            return Err((
                "email",
                t_with("error-not-an-email", &[("value", row.get("email").into())]),
            ));
        }
        let name = row.get("name");
        if name.is_empty() || name.chars().count() > MAX_NAME_CHARS {
            return Err((
                "name",
                t_with("error-person-name", &[("max", Arg::count(MAX_NAME_CHARS))]),
            ));
        }
        let role = Role::parse(&row.get("role").to_lowercase()).ok_or_else(|| {
            (
                "role",
                crate::i18n::t_with("error-not-a-role", &[("token", row.get("role").into())]),
            )
        })?;
        let manager = Some(row.get("manager").to_lowercase()).filter(|m| !m.is_empty());
        if let Some(m) = manager.as_deref().filter(|m| !known(m)) {
            return Err((
                "manager",
                t_with("error-unknown-manager", &[("manager", m.into())]),
            ));
        }
        let store = Some(row.get("store").to_string()).filter(|s| !s.is_empty());
        if let Some(s) = store.as_deref().filter(|s| !stores.contains(*s)) {
            return Err((
                "store",
                crate::i18n::t_with("error-no-store-yet", &[("token", s.into())]),
            ));
        }
        let groups: BTreeSet<String> = row
            .get("groups")
            .split(';')
            .map(str::trim)
            .filter(|g| !g.is_empty())
            .map(str::to_string)
            .collect();
        if let Some(g) = groups.iter().find(|g| g.chars().count() > MAX_GROUP_CHARS) {
            return Err((
                "groups",
                t_with(
                    "error-person-group-long",
                    &[
                        ("group", g.as_str().into()),
                        ("max", Arg::count(MAX_GROUP_CHARS)),
                    ],
                ),
            ));
        }
        let active = stored.get(email.as_str()).is_none_or(|p| p.active);
        let revision = stored.get(email.as_str()).map_or(0, |p| p.revision);
        // A file from HR says nothing about pinning: the administrator's choice stays.
        let role_pinned = stored.get(email.as_str()).is_some_and(|p| p.role_pinned);
        Ok(PersonView {
            email,
            name: name.into(),
            role,
            role_pinned,
            manager,
            store,
            groups: groups.into_iter().collect(),
            active,
            revision,
        })
    };
    let (planned, mut report) =
        plan_rows(rows, "person", &stored, |p| &p.email, read, |a, b| a == b);
    // Managers as they will be once the file is written: cycles can span the file and the
    // portal.
    let mut manager_of: HashMap<&str, Option<&str>> = existing
        .iter()
        .map(|p| (p.email.as_str(), p.manager.as_deref()))
        .collect();
    for p in &planned {
        manager_of.insert(&p.email, p.manager.as_deref());
    }
    let lines: HashMap<String, usize> = rows
        .iter()
        .map(|r| (r.get("email").to_lowercase(), r.line))
        .collect();
    for p in &planned {
        if in_cycle(&p.email, &manager_of) {
            report.refused.push(RefusedRow {
                line: lines.get(&p.email).copied().unwrap_or(0),
                reason: format!(
                    "{}'s line managers lead back to {} (a cycle).",
                    p.email, p.email
                ),
                column: "manager".into(),
            });
        }
    }
    report.refused.sort_by_key(|r| r.line);
    (planned, report)
}

/// Whether following line managers up from `email` comes back to `email`.
fn in_cycle(email: &str, manager_of: &HashMap<&str, Option<&str>>) -> bool {
    let mut seen = HashSet::new();
    let mut at = email;
    while let Some(Some(next)) = manager_of.get(at) {
        if *next == email {
            return true;
        }
        if !seen.insert(*next) {
            return false; // a cycle above this person, reported at its own people
        }
        at = next;
    }
    false
}

/// What the form for one person sends: the columns of the people file, groups separated by
/// semicolons.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PersonForm {
    pub email: String,
    pub name: String,
    pub role: String,
    pub manager: String,
    pub store: String,
    pub groups: String,
    /// "Keep this role when the identity provider says otherwise".
    pub role_pinned: bool,
}

/// Creates (`revision` 0) or edits one person, checked as an imported row is (address, role,
/// a line manager who exists and no cycle of managers, an existing store) and against the
/// revision the page was opened at; answers the new revision. Nobody changes their own role:
/// the last administrator could demote themselves.
pub async fn save_person(
    store: &dyn Store,
    user: &UserView,
    form: PersonForm,
    revision: i64,
    now: DateTime<Utc>,
) -> AppResult<i64> {
    admin_only(user)?;
    let email = form.email.trim().to_lowercase();
    let people = store.all_people().await.map_err(internal)?;
    let before = people.iter().find(|p| p.email == email).cloned();
    match (&before, revision) {
        (Some(_), 0) => {
            return Err(AppError::invalid_field(
                "email",
                t_with("error-person-exists", &[("email", email.as_str().into())]),
            ))
        }
        (None, r) if r != 0 => {
            return Err(AppError::not_found(t_with(
                "error-nobody-with",
                &[("email", email.as_str().into())],
            )))
        }
        (Some(p), r) if p.revision != r => return Err(super::stale("person")),
        _ => {}
    }
    let stores: HashSet<String> = store
        .all_stores()
        .await
        .map_err(internal)?
        .into_iter()
        .map(|s| s.code)
        .collect();
    let row = CsvRow::from_form(&[
        ("email", &email),
        ("name", &form.name),
        ("role", &form.role),
        ("manager", &form.manager),
        ("store", &form.store),
        ("groups", &form.groups),
    ]);
    let planned = plan_people(&[row], &people, &stores);
    let Some(mut person) = csv_import::single(planned).map(|p| p.or_else(|| before.clone()))?
    else {
        return Ok(revision); // nothing to write
    };
    person.role_pinned = form.role_pinned;
    if before.as_ref() == Some(&person) {
        return Ok(revision); // nothing changed
    }
    if email == user.email.to_lowercase() && person.role != user.role {
        return Err(AppError::invalid_field("role", t("error-own-role")));
    }
    let audit = Actor::person(user).saved(AuditKind::Person, &email, before.as_ref(), &person, now);
    match store
        .save_person(&person, revision, &audit)
        .await
        .map_err(internal)?
    {
        Written::Done { revision } => Ok(revision),
        Written::Stale { .. } => Err(super::stale("person")),
    }
}

/// Deactivates (ending their sessions) or reactivates the person `email`. Nobody deactivates
/// themselves: the last administrator could lock everyone out.
pub async fn set_active(
    store: &dyn Store,
    user: &UserView,
    email: &str,
    active: bool,
    now: DateTime<Utc>,
) -> AppResult<()> {
    admin_only(user)?;
    let email = email.trim().to_lowercase();
    if !active && email == user.email.to_lowercase() {
        return Err(AppError::conflict(t("error-deactivate-self")));
    }
    let audit = Actor::person(user)
        .did(
            AuditKind::Person,
            if active { "reactivate" } else { "deactivate" },
            &email,
            now,
        )
        .before(serde_json::json!({ "active": !active }))
        .after(serde_json::json!({ "active": active }));
    let changed = store
        .set_active(&email, active, &audit)
        .await
        .map_err(internal)?;
    if changed {
        return Ok(());
    }
    let exists = store
        .all_people()
        .await
        .map_err(internal)?
        .iter()
        .any(|p| p.email == email);
    if exists {
        Ok(()) // already in that state: nothing to do, nothing audited
    } else {
        Err(AppError::not_found(t_with(
            "error-nobody-with",
            &[("email", email.as_str().into())],
        )))
    }
}

/// How long a password link works.
pub const PASSWORD_LINK_HOURS: i64 = 72;
/// Long enough that guessing it online is hopeless.
pub const MIN_PASSWORD_CHARS: usize = 12;

/// Makes a one-time link for `email` to set their own password, and returns it (shown once:
/// only its hash is stored). The administrator hands it over; nobody sees a password.
pub async fn create_password_link(
    store: &dyn Store,
    user: &UserView,
    email: &str,
    origin: &str,
    now: DateTime<Utc>,
) -> AppResult<PasswordLink> {
    admin_only(user)?;
    let email = email.trim().to_lowercase();
    let token = super::session::new_token();
    let token_hash = super::session::token_hash(&token);
    let expires_at = now + chrono::Duration::hours(PASSWORD_LINK_HOURS);
    let link = NewPasswordLink {
        token_hash: &token_hash,
        created_by: user.id,
        created_at: now,
        expires_at,
    };
    // The link is a credential: the audit log says one was made, never what it is.
    let audit = Actor::person(user)
        .did(AuditKind::Person, "password link", &email, now)
        .after(serde_json::json!({ "expires_at": expires_at }));
    let made = store
        .create_password_link(&email, &link, &audit)
        .await
        .map_err(internal)?;
    if !made {
        return Err(AppError::not_found(t_with(
            "error-nobody-active-with",
            &[("email", email.as_str().into())],
        )));
    }
    Ok(PasswordLink {
        link: format!(
            "{}/set-password?token={}",
            origin.trim_end_matches('/'),
            crate::url::encode(&token)
        ),
        email,
        expires_at,
    })
}

/// Whose link `token` is, if it still works; for the page that asks for the new password.
pub async fn password_link_owner(
    store: &dyn Store,
    token: &str,
    now: DateTime<Utc>,
) -> AppResult<String> {
    store
        .password_link_owner(&super::session::token_hash(token), now)
        .await
        .map_err(internal)?
        .ok_or_else(link_gone)
}

fn link_gone() -> AppError {
    AppError::not_found(t("error-link-gone"))
}

/// Sets the password of the link's person (typed twice), uses the link up and ends their
/// sessions everywhere.
pub async fn set_password_by_link(
    store: &dyn Store,
    token: &str,
    password: &str,
    again: &str,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let email = password_link_owner(store, token, now).await?;
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(AppError::invalid_field(
            "password",
            t_with(
                "error-password-short",
                &[("min", Arg::count(MIN_PASSWORD_CHARS))],
            ),
        ));
    }
    if password != again {
        return Err(AppError::invalid_field(
            "again",
            t("error-passwords-differ"),
        ));
    }
    let audit = Actor {
        id: None,
        name: email.clone(),
    }
    .did(AuditKind::Person, "password set", &email, now);
    let hash = super::session::hash_password(password);
    let set = store
        .set_password_by_link(&super::session::token_hash(token), &hash, &audit)
        .await
        .map_err(internal)?;
    if set {
        Ok(())
    } else {
        Err(link_gone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(csv: &str) -> Vec<CsvRow> {
        let (required, optional) = ImportFile::People.columns();
        csv_import::read(csv, required, optional).unwrap()
    }

    fn person(email: &str, manager: Option<&str>) -> PersonView {
        PersonView {
            email: email.into(),
            name: "Someone".into(),
            role: Role::Requester,
            role_pinned: false,
            manager: manager.map(str::to_string),
            store: None,
            groups: vec![],
            active: true,
            revision: 3,
        }
    }

    fn stores() -> HashSet<String> {
        ["S1".to_string()].into_iter().collect()
    }

    #[test]
    fn people_are_read_with_managers_in_the_file_or_the_portal() {
        let existing = [person("boss@x.test", None)];
        let (planned, report) = plan_people(
            &rows(
                "email,name,role,manager,store,groups\n\
                 Lead@X.test,Lena Lead,approver,boss@x.test,,\n\
                 rita@x.test,Rita,REQUESTER,lead@x.test,,\n\
                 sam@x.test,Sam,store_staff,lead@x.test,S1,\n\
                 ahmed@x.test,Ahmed,agent,,,Service desk; Network ;Service desk\n",
            ),
            &existing,
            &stores(),
        );
        assert!(report.refused.is_empty(), "{:?}", report.refused);
        assert_eq!(report.created.len(), 4);
        assert_eq!(planned[0].email, "lead@x.test", "addresses are lowercased");
        assert_eq!(planned[1].role, Role::Requester);
        assert_eq!(planned[2].store.as_deref(), Some("S1"));
        assert_eq!(planned[3].groups, ["Network", "Service desk"]);
    }

    #[test]
    fn each_refusal_names_its_line_and_reason() {
        let (_, report) = plan_people(
            &rows(
                "email,name,role,manager,store\n\
                 not-an-address,A,requester,,\n\
                 b@x.test,,requester,,\n\
                 c@x.test,C,wizard,,\n\
                 d@x.test,D,requester,ghost@x.test,\n\
                 e@x.test,E,store_staff,,S9\n\
                 f@x.test,F,requester,,\n\
                 F@x.test,F again,requester,,\n",
            ),
            &[],
            &stores(),
        );
        let reasons: Vec<(usize, &str)> = report
            .refused
            .iter()
            .map(|r| (r.line, r.reason.as_str()))
            .collect();
        assert_eq!(reasons.len(), 6, "{reasons:?}");
        assert!(reasons[0].1.contains("not an e-mail address"));
        assert!(reasons[1].1.contains("name is empty"));
        assert!(reasons[2].1.contains("\"wizard\" is not a role"));
        assert_eq!(
            reasons[3],
            (
                5,
                "The manager ghost@x.test is neither in the file nor in the portal."
            )
        );
        assert_eq!(
            reasons[4],
            (6, "There is no store S9: import the stores first.")
        );
        assert_eq!(reasons[5], (8, "Person f@x.test is on line 7 already."));
    }

    #[test]
    fn a_cycle_of_managers_is_refused_at_each_of_its_people() {
        // a -> b in the file, b -> a in the portal; c reports into the cycle but is not in it.
        let existing = [person("b@x.test", Some("a@x.test"))];
        let (_, report) = plan_people(
            &rows(
                "email,name,role,manager\n\
                 a@x.test,A,approver,b@x.test\n\
                 c@x.test,C,requester,a@x.test\n\
                 d@x.test,D,requester,d@x.test\n",
            ),
            &existing,
            &stores(),
        );
        let lines: Vec<usize> = report.refused.iter().map(|r| r.line).collect();
        assert_eq!(lines, [2, 4], "{:?}", report.refused);
        assert!(report.refused[0].reason.contains("cycle"));
    }

    #[test]
    fn an_unchanged_person_is_not_written_again() {
        let mut same = person("rita@x.test", None);
        same.name = "Rita".into();
        let (planned, report) = plan_people(
            &rows("email,name,role\nrita@x.test,Rita,requester\n"),
            &[same],
            &stores(),
        );
        assert!(planned.is_empty());
        assert_eq!(report.unchanged, 1);
    }
}
