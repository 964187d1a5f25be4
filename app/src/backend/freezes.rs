//! Change freeze periods for administrators ("no changes to the stores in the last two weeks of
//! December"): the list, a period created or edited, one removed. Admins only; each write is
//! checked against the revision the form was opened at and audited (`AuditKind::Freeze`). The
//! change calendar and the conflict checks read the same rows at once.

use super::access::admin_only;
use super::audit::Actor;
use super::internal;
use super::store::{Store, Written};
use crate::domain::change_calendar::FreezeWindow;
use crate::domain::validation::FieldErrors;
use crate::i18n::{i18n, t, t_with};
use crate::model::{AppError, AppResult, AuditKind, FreezeView, UserView};
use chrono::{DateTime, NaiveDate, Utc};

/// How many stores one freeze may name; more is every store (leave the list empty).
pub const MAX_FREEZE_STORES: usize = 200;

pub async fn freezes(store: &dyn Store, user: &UserView) -> AppResult<Vec<FreezeView>> {
    admin_only(user)?;
    store.freeze_records().await.map_err(internal)
}

/// A freeze form as it is sent: the days as ISO dates, the stores as codes separated by commas
/// or spaces (empty: every store).
#[derive(Clone, Debug, Default)]
pub struct FreezeForm {
    pub name: String,
    pub first_day: String,
    pub last_day: String,
    pub every_year: bool,
    pub stores: String,
}

fn day(text: &str, field: &str, errors: &mut FieldErrors) -> Option<NaiveDate> {
    let parsed = text.trim().parse().ok();
    if parsed.is_none() {
        errors.insert(field.into(), t("error-freeze-day"));
    }
    parsed
}

/// The form read and checked: every problem beside its field, nothing written.
async fn checked(store: &dyn Store, form: &FreezeForm) -> AppResult<FreezeWindow> {
    let mut errors = FieldErrors::new();
    let first_day = day(&form.first_day, "first_day", &mut errors);
    let last_day = day(&form.last_day, "last_day", &mut errors);
    let mut codes: Vec<String> = form
        .stores
        .split([',', ' ', '\n'])
        .map(|c| c.trim().to_uppercase())
        .filter(|c| !c.is_empty())
        .collect();
    codes.sort();
    codes.dedup();
    if codes.len() > MAX_FREEZE_STORES {
        errors.insert(
            "stores".into(),
            t_with(
                "error-freeze-stores-many",
                &[("max", crate::i18n::Arg::count(MAX_FREEZE_STORES))],
            ),
        );
    } else if !codes.is_empty() {
        let known = store.all_stores().await.map_err(internal)?;
        let unknown: Vec<&str> = codes
            .iter()
            .filter(|c| !known.iter().any(|k| k.code.eq_ignore_ascii_case(c)))
            .map(String::as_str)
            .collect();
        if !unknown.is_empty() {
            errors.insert(
                "stores".into(),
                t_with(
                    "error-freeze-stores-unknown",
                    &[("codes", unknown.join(", ").into())],
                ),
            );
        }
    }
    let (Some(first_day), Some(last_day)) = (first_day, last_day) else {
        return Err(AppError::Invalid { fields: errors });
    };
    let freeze = FreezeWindow {
        name: form.name.trim().to_string(),
        first_day,
        last_day,
        every_year: form.every_year,
        stores: codes,
    };
    if let Err(said) = freeze.check() {
        let field = match said.id() {
            Some("error-freeze-name") => "name",
            _ => "last_day",
        };
        errors.insert(field.into(), i18n().say(&said));
    }
    if errors.is_empty() {
        Ok(freeze)
    } else {
        Err(AppError::Invalid { fields: errors })
    }
}

fn as_json(f: &FreezeWindow) -> serde_json::Value {
    serde_json::to_value(f).unwrap_or_default()
}

/// Creates a freeze (`id` 0) or saves freeze `id` opened at `revision`; answers the new
/// revision.
pub async fn save(
    store: &dyn Store,
    user: &UserView,
    id: i64,
    revision: i64,
    form: &FreezeForm,
    now: DateTime<Utc>,
) -> AppResult<i64> {
    admin_only(user)?;
    let freeze = checked(store, form).await?;
    let before = if id == 0 {
        None
    } else {
        let all = store.freeze_records().await.map_err(internal)?;
        let found = all
            .into_iter()
            .find(|f| f.id == id)
            .ok_or_else(|| AppError::not_found(t("error-no-freeze")))?;
        Some(found)
    };
    let mut audit = Actor::person(user)
        .did(
            AuditKind::Freeze,
            if before.is_some() { "update" } else { "create" },
            &freeze.name,
            now,
        )
        .after(as_json(&freeze));
    if let Some(b) = &before {
        audit = audit.before(as_json(&b.freeze));
    }
    match store
        .save_freeze(id, &freeze, revision, &audit)
        .await
        .map_err(internal)?
    {
        Written::Done { revision } => Ok(revision),
        Written::Stale { .. } => Err(super::stale("freeze")),
    }
}

/// Removes freeze `id` as opened at `revision`.
pub async fn remove(
    store: &dyn Store,
    user: &UserView,
    id: i64,
    revision: i64,
    now: DateTime<Utc>,
) -> AppResult<()> {
    admin_only(user)?;
    let all = store.freeze_records().await.map_err(internal)?;
    let found = all
        .into_iter()
        .find(|f| f.id == id)
        .ok_or_else(|| AppError::not_found(t("error-no-freeze")))?;
    let audit = Actor::person(user)
        .did(AuditKind::Freeze, "delete", &found.freeze.name, now)
        .before(as_json(&found.freeze));
    match store
        .delete_freeze(id, revision, &audit)
        .await
        .map_err(internal)?
    {
        Written::Done { .. } => Ok(()),
        Written::Stale { .. } => Err(super::stale("freeze")),
    }
}
