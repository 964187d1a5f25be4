//! Reading the audit log: administrators only, page by page on the screen, whole (up to a
//! limit) as CSV. Who may see it is decided here, once, for the page and the download.

use super::access::admin_only;
use super::audit_store::{AuditEntry, AuditFilter};
use super::internal;
use super::store::Store;
use crate::i18n::t;
use crate::model::{AppError, AppResult, AuditEntryView, AuditKind, Page, UserView};
use chrono::{DateTime, NaiveDate, Utc};

/// The most entries one CSV download holds; narrow the filter for more.
pub const MAX_EXPORT_ROWS: u32 = 50_000;

/// Who made a change, as the audit log names them.
#[derive(Clone, Debug)]
pub struct Actor {
    pub id: Option<i64>,
    pub name: String,
}

impl Actor {
    pub fn person(user: &UserView) -> Self {
        Actor {
            id: Some(user.id),
            name: format!("{} <{}>", user.name, user.email),
        }
    }

    /// Someone with a shell on the server (`server admin create`, `server token …`).
    pub fn command_line() -> Self {
        Actor {
            id: None,
            name: "command line".into(),
        }
    }

    /// The entry recording `action` on `subject` by this actor at `at`.
    pub fn did(
        &self,
        kind: AuditKind,
        action: &'static str,
        subject: impl Into<String>,
        at: DateTime<Utc>,
    ) -> AuditEntry {
        AuditEntry {
            actor_id: self.id,
            actor: self.name.clone(),
            kind,
            action,
            subject: subject.into(),
            before: None,
            after: None,
            at,
        }
    }
}

impl Actor {
    /// The entry recording a single record created (`before` none) or updated, with the
    /// record before and after: a person, a store, a device.
    pub fn saved<T: serde::Serialize>(
        &self,
        kind: AuditKind,
        subject: &str,
        before: Option<&T>,
        after: &T,
        at: DateTime<Utc>,
    ) -> AuditEntry {
        let action = if before.is_some() { "update" } else { "create" };
        let entry = self
            .did(kind, action, subject, at)
            .after(serde_json::json!(after));
        match before {
            Some(b) => entry.before(serde_json::json!(b)),
            None => entry,
        }
    }
}

impl AuditEntry {
    pub fn before(mut self, value: serde_json::Value) -> Self {
        self.before = Some(value);
        self
    }

    pub fn after(mut self, value: serde_json::Value) -> Self {
        self.after = Some(value);
        self
    }
}

/// Reads the filter as the page's form sends it: a kind by its stored name, free text, and
/// dates (`YYYY-MM-DD`, both days included). Empty parts are no filter.
pub fn parse_filter(
    kind: Option<&str>,
    text: Option<&str>,
    from: Option<&str>,
    to: Option<&str>,
) -> AppResult<AuditFilter> {
    fn given(v: Option<&str>) -> Option<&str> {
        v.map(str::trim).filter(|v| !v.is_empty())
    }
    let kind = match given(kind) {
        None => None,
        Some(k) => Some(
            AuditKind::parse(k)
                .ok_or_else(|| AppError::invalid_field("kind", t("error-pick-kind")))?,
        ),
    };
    let day = |field: &str, v: Option<&str>| -> AppResult<Option<NaiveDate>> {
        given(v)
            .map(|d| {
                crate::domain::report::parse_day(d)
                    .ok_or_else(|| AppError::invalid_field(field, t("error-audit-date")))
            })
            .transpose()
    };
    let from = day("from", from)?;
    let to = day("to", to)?;
    if let (Some(first), Some(last)) = (from, to) {
        if first > last {
            return Err(AppError::invalid_field("to", t("error-audit-backwards")));
        }
    }
    let midnight = |d: NaiveDate| d.and_hms_opt(0, 0, 0).map(|t| t.and_utc());
    Ok(AuditFilter {
        kind,
        text: given(text).map(|t| t.chars().take(200).collect()),
        from: from.and_then(midnight),
        until: to.and_then(|d| d.succ_opt()).and_then(midnight),
    })
}

/// One page of entries, newest first.
pub async fn page(
    store: &dyn Store,
    user: &UserView,
    filter: &AuditFilter,
    page: u32,
) -> AppResult<Page<AuditEntryView>> {
    admin_only(user)?;
    let page = page.max(1);
    let per_page = crate::model::AUDIT_PER_PAGE;
    let offset = u64::from(page - 1) * u64::from(per_page);
    let (items, total) = store
        .audit_entries(filter, offset, per_page)
        .await
        .map_err(internal)?;
    Ok(Page {
        items,
        page,
        per_page,
        total,
    })
}

/// Every matching entry (up to `MAX_EXPORT_ROWS`) as CSV, newest first.
pub async fn export_csv(
    store: &dyn Store,
    user: &UserView,
    filter: &AuditFilter,
) -> AppResult<String> {
    admin_only(user)?;
    let (entries, _) = store
        .audit_entries(filter, 0, MAX_EXPORT_ROWS)
        .await
        .map_err(internal)?;
    Ok(super::dashboard_csv::csv(
        &[
            "time", "actor", "kind", "action", "subject", "before", "after",
        ],
        entries.into_iter().map(|e| {
            vec![
                e.at.to_rfc3339(),
                e.actor,
                e.kind,
                e.action,
                e.subject,
                e.before.unwrap_or_default(),
                e.after.unwrap_or_default(),
            ]
        }),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_read_kinds_text_and_whole_days() {
        let f = parse_filter(
            Some("person"),
            Some("  ada "),
            Some("2026-12-01"),
            Some("2026-12-01"),
        )
        .unwrap();
        assert_eq!(f.kind, Some(AuditKind::Person));
        assert_eq!(f.text.as_deref(), Some("ada"));
        assert_eq!(f.from.unwrap().to_rfc3339(), "2026-12-01T00:00:00+00:00");
        assert_eq!(f.until.unwrap().to_rfc3339(), "2026-12-02T00:00:00+00:00");
        assert_eq!(
            parse_filter(None, Some(""), None, None).unwrap(),
            AuditFilter::default()
        );
    }

    #[test]
    fn bad_filters_name_their_field() {
        let field = |r: AppResult<AuditFilter>| match r {
            Err(AppError::Invalid { fields }) => fields.keys().cloned().collect::<Vec<_>>(),
            other => panic!("{other:?}"),
        };
        assert_eq!(
            field(parse_filter(Some("gossip"), None, None, None)),
            ["kind"]
        );
        assert_eq!(
            field(parse_filter(None, None, Some("1.12.2026"), None)),
            ["from"]
        );
        assert_eq!(
            field(parse_filter(
                None,
                None,
                Some("2026-12-02"),
                Some("2026-12-01")
            )),
            ["to"]
        );
    }
}
