//! Integrations: monitoring systems and till software that report incidents themselves, through
//! `POST /api/v1/incidents` with a bearer token an administrator created for them.
//!
//! A token is 32 random bytes shown once at creation; the database keeps only its SHA-256, as it
//! does for sessions. Each token has a user of its own that its incidents are filed under, named
//! after the integration: the desk sees who raised a ticket, and idempotency keys are per token
//! exactly as they are per person. Reports go through the portal's submission path
//! (`submit::file`): the same validation, the same priority matrix, the same idempotent insert.

use super::audit::Actor;
use super::catalog_cache::CatalogCache;
use super::catalog_read;
use super::integration_store::{IntegrationCaller, NewIntegrationToken};
use super::internal;
use super::store::Store;
use super::submit::{self, Filing};
use crate::domain::priority::ServiceLevels;
use crate::domain::validation::FieldErrors;
use crate::domain::{Answers, TicketKind};
use crate::i18n::{t, t_with, Arg};
use crate::model::{AppError, AppResult, AuditKind, SubmitReceipt, UserView};
use chrono::{DateTime, Utc};
use serde::Deserialize;
use serde_json::Value;

/// Tokens start with this, so a leaked one is recognisable (and secret scanners can match it).
pub const TOKEN_PREFIX: &str = "dfi_";
pub const MAX_NAME_CHARS: usize = 80;

/// A token as its creator sees it, once.
#[derive(Clone, Debug)]
pub struct CreatedToken {
    pub id: i64,
    pub name: String,
    pub token: String,
}

pub fn new_token() -> String {
    format!("{TOKEN_PREFIX}{}", super::session::new_token())
}

/// Only administrators manage tokens: a token can raise incidents that page people at night.
pub fn require_admin(user: &UserView) -> AppResult<()> {
    if user.role == crate::model::Role::Admin {
        Ok(())
    } else {
        Err(AppError::forbidden(t("error-tokens-admins-only")))
    }
}

pub fn check_name(name: &str) -> AppResult<String> {
    let name = name.trim();
    if name.is_empty() {
        return Err(AppError::invalid_field("name", t("error-name-integration")));
    }
    if name.chars().count() > MAX_NAME_CHARS || name.chars().any(char::is_control) {
        return Err(AppError::invalid_field(
            "name",
            t_with(
                "error-integration-name-long",
                &[("max", Arg::count(MAX_NAME_CHARS))],
            ),
        ));
    }
    Ok(name.to_string())
}

/// Makes and stores a token for the integration `name`, filed as made by user `created_by`
/// and audited as `actor`'s doing. The returned token is the only copy.
pub async fn create_token(
    store: &dyn Store,
    actor: &Actor,
    created_by: i64,
    name: &str,
    now: DateTime<Utc>,
) -> AppResult<CreatedToken> {
    let name = check_name(name)?;
    let token = new_token();
    // The token itself never reaches the audit log: it is a password.
    let audit = actor
        .did(AuditKind::IntegrationToken, "create", &name, now)
        .after(serde_json::json!({ "name": name }));
    let id = store
        .create_integration_token(
            &NewIntegrationToken {
                name: name.clone(),
                token_hash: super::session::token_hash(&token),
                created_by,
                now,
            },
            &audit,
        )
        .await
        .map_err(internal)?;
    Ok(CreatedToken { id, name, token })
}

/// Revokes token `id` from `now` on: it is answered 401 from then on. Revoking a revoked token
/// is harmless (the first time stays, and nothing is audited twice); an unknown id is not found.
pub async fn revoke_token(
    store: &dyn Store,
    actor: &Actor,
    id: i64,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let tokens = store.integration_tokens().await.map_err(internal)?;
    let token = tokens
        .iter()
        .find(|t| t.id == id)
        .ok_or_else(|| AppError::not_found(t("error-no-token")))?;
    if token.revoked_at.is_some() {
        return Ok(());
    }
    let audit = actor
        .did(AuditKind::IntegrationToken, "revoke", &token.name, now)
        .before(serde_json::json!({ "revoked_at": null }))
        .after(serde_json::json!({ "revoked_at": now }));
    store
        .revoke_integration_token(id, &audit)
        .await
        .map_err(internal)?;
    Ok(())
}

/// The token of an `Authorization: Bearer …` header.
pub fn bearer(headers: &http::HeaderMap) -> Option<&str> {
    let value = headers.get(http::header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.trim().split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then_some(token)
}

/// The integration a token belongs to, if it is live; records the use.
pub async fn authenticate(
    store: &dyn Store,
    token: &str,
    now: DateTime<Utc>,
) -> AppResult<Option<IntegrationCaller>> {
    // Anything that is not shaped like our tokens is not looked up at all.
    if !token.starts_with(TOKEN_PREFIX) || token.len() > 128 {
        return Ok(None);
    }
    store
        .use_integration_token(&super::session::token_hash(token), now)
        .await
        .map_err(internal)
}

/// What an integration sends: the catalog item, its own idempotency key, and the answers by
/// the item form's field keys.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct IncidentReport {
    pub item: String,
    pub key: String,
    pub answers: serde_json::Map<String, Value>,
}

/// Raises the incident `report` describes for `caller`, or returns the one the same key raised
/// before. Every problem is a field error: `item`, `key`, or a field of the item's form.
pub async fn report_incident(
    store: &dyn Store,
    cache: &CatalogCache,
    levels: &ServiceLevels,
    caller: &IntegrationCaller,
    report: IncidentReport,
) -> AppResult<SubmitReceipt> {
    let key = report.key.trim().to_string();
    if submit::check_idempotency_key(&key).is_err() {
        return Err(AppError::invalid_field(
            "key",
            "Send a key of 8 to 64 letters, digits or dashes, made once per fault and sent again on every retry.",
        ));
    }
    // A retry of a report that already worked returns its ticket, whatever changed since.
    if let Some(done) = store
        .ticket_by_idempotency_key(caller.user.id, &key)
        .await
        .map_err(internal)?
    {
        return Ok(SubmitReceipt {
            number: done.number,
            state: done.state,
            created: false,
        });
    }

    let slug = report.item.trim();
    if slug.is_empty() {
        return Err(AppError::invalid_field(
            "item",
            "Name the catalog item to report, e.g. \"card-reader-fault\".",
        ));
    }
    // Read as the portal's own forms are: through this instance's catalog cache.
    let version = store.catalog_version().await.map_err(internal)?;
    let item = catalog_read::item_for_submit(cache, store, version, slug)
        .await
        .map_err(internal)?;
    let item = Option::as_ref(&item).ok_or_else(|| {
        AppError::invalid_field("item", format!("There is no catalog item \"{slug}\"."))
    })?;
    if item.kind != TicketKind::Incident {
        return Err(AppError::invalid_field(
            "item",
            format!("\"{slug}\" is a service request; integrations report incidents only."),
        ));
    }
    if item.retired {
        return Err(AppError::invalid_field(
            "item",
            format!("\"{slug}\" is no longer offered; report on its replacement."),
        ));
    }
    let schema = catalog_read::form(cache, store, version, item.id, item.form_version)
        .await
        .map_err(internal)?;
    let schema = Option::as_ref(&schema).ok_or_else(|| {
        internal(format!(
            "item {slug} has no form version {}",
            item.form_version
        ))
    })?;
    let places = catalog_read::places(cache, store, levels, version)
        .await
        .map_err(internal)?;
    let answers = answers_from_json(&report.answers, |key| schema.field(key).is_some())
        .map_err(|fields| AppError::Invalid { fields })?;
    submit::file(
        store,
        levels,
        &caller.user,
        Filing {
            item,
            form_version: item.form_version,
            schema,
            places: &places,
            answers: &answers,
            idempotency_key: key,
            submitted_body: format!("Reported by the integration \"{}\".", caller.name),
            // Integrations read the portal's default language.
            language: crate::i18n::for_headers(None, None),
        },
    )
    .await
}

/// JSON answers as a form would send them: a string, number or true/false per field, or a
/// list of those for multi-choice fields. A key the form does not have is an error rather than
/// ignored, so a misspelt field name is reported instead of becoming a "required" message.
fn answers_from_json(
    json: &serde_json::Map<String, Value>,
    known: impl Fn(&str) -> bool,
) -> Result<Answers, FieldErrors> {
    fn scalar(v: &Value) -> Option<String> {
        match v {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    }
    let mut answers = Answers::new();
    let mut errors = FieldErrors::new();
    for (key, value) in json {
        if !known(key) {
            errors.insert(key.clone(), "This item's form has no such field.".into());
            continue;
        }
        let values = match value {
            Value::Null => continue,
            Value::Array(list) => list.iter().map(scalar).collect::<Option<Vec<_>>>(),
            other => scalar(other).map(|s| vec![s]),
        };
        match values {
            Some(v) => {
                answers.insert(key.clone(), v);
            }
            None => {
                errors.insert(
                    key.clone(),
                    "Give text, a number, true/false, or a list of those.".into(),
                );
            }
        }
    }
    if errors.is_empty() {
        Ok(answers)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn headers(value: &str) -> http::HeaderMap {
        let mut h = http::HeaderMap::new();
        h.insert(http::header::AUTHORIZATION, value.parse().unwrap());
        h
    }

    #[test]
    fn bearer_tokens_are_read_case_insensitively_and_nothing_else_is() {
        assert_eq!(bearer(&headers("Bearer dfi_abc")), Some("dfi_abc"));
        assert_eq!(bearer(&headers("bearer  dfi_abc ")), Some("dfi_abc"));
        assert_eq!(bearer(&headers("Basic dXNlcjpwdw==")), None);
        assert_eq!(bearer(&headers("Bearer ")), None);
        assert_eq!(bearer(&http::HeaderMap::new()), None);
    }

    #[test]
    fn tokens_are_long_random_and_prefixed() {
        let (a, b) = (new_token(), new_token());
        assert!(a.starts_with(TOKEN_PREFIX) && a.len() >= TOKEN_PREFIX.len() + 43);
        assert_ne!(a, b);
    }

    #[test]
    fn json_answers_become_form_answers() {
        let json = json!({"store": "S012", "count": 3, "urgent": true, "extras": ["a", "b"], "photo": null});
        let answers = answers_from_json(json.as_object().unwrap(), |_| true).unwrap();
        assert_eq!(answers["store"], vec!["S012"]);
        assert_eq!(answers["count"], vec!["3"]);
        assert_eq!(answers["urgent"], vec!["true"]);
        assert_eq!(answers["extras"], vec!["a", "b"]);
        assert!(!answers.contains_key("photo"));
    }

    #[test]
    fn unknown_fields_and_objects_are_named() {
        let json = json!({"stroe": "S012", "store": {"code": "S012"}});
        let errors = answers_from_json(json.as_object().unwrap(), |k| k == "store").unwrap_err();
        assert!(errors.contains_key("stroe"));
        assert!(errors.contains_key("store"));
    }

    #[test]
    fn names_are_one_short_line() {
        assert_eq!(
            check_name("  Store monitoring ").unwrap(),
            "Store monitoring"
        );
        assert!(check_name(" ").is_err());
        assert!(check_name("two\nlines").is_err());
        assert!(check_name(&"n".repeat(MAX_NAME_CHARS + 1)).is_err());
    }
}
