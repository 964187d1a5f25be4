//! Signing in with an OpenID Connect provider, once the server has verified the provider's ID
//! token (the protocol lives in the server crate, `routes::oidc`): the claims become the
//! person's role, groups, manager and store (`domain::claims`), and a session starts exactly as
//! a password sign-in starts one. Also the list of providers the sign-in page offers.

use super::audit::Actor;
use super::identity_store::{ProviderAccount, Provisioned};
use super::session::{new_token, session_cookie, token_hash};
use super::{internal, AppState};
use crate::domain::claims::{ClaimMapping, PersonClaims};
use crate::model::{AppError, AppResult, AuditKind, ProviderOption};
use crate::url::encode;
use chrono::{DateTime, Duration, Utc};
use std::sync::RwLock;

/// The providers the sign-in page offers, with what this instance last learnt about each
/// (whether its discovery document could be read, where its sign-out page is). The server's
/// discovery task keeps it current.
#[derive(Debug, Default)]
pub struct ProviderDirectory {
    entries: RwLock<Vec<DirectoryEntry>>,
}

#[derive(Clone, Debug)]
struct DirectoryEntry {
    id: String,
    label: String,
    client_id: String,
    available: bool,
    end_session_endpoint: Option<String>,
}

impl ProviderDirectory {
    /// Providers by id, label and client id, all assumed reachable until discovery says not.
    pub fn new(providers: impl IntoIterator<Item = (String, String, String)>) -> Self {
        let entries = providers
            .into_iter()
            .map(|(id, label, client_id)| DirectoryEntry {
                id,
                label,
                client_id,
                available: true,
                end_session_endpoint: None,
            })
            .collect();
        Self {
            entries: RwLock::new(entries),
        }
    }

    /// The providers as the sign-in page at `origin` offers them. A provider's sign-out link
    /// sends people back to this portal's sign-in page afterwards.
    pub fn list(&self, origin: &str) -> Vec<ProviderOption> {
        let entries = self.entries.read().map(|e| e.clone()).unwrap_or_default();
        entries
            .into_iter()
            .map(|e| ProviderOption {
                end_session_url: e.end_session_endpoint.as_deref().map(|end| {
                    let sep = if end.contains('?') { '&' } else { '?' };
                    format!(
                        "{end}{sep}client_id={}&post_logout_redirect_uri={}",
                        encode(&e.client_id),
                        encode(&format!("{origin}/login"))
                    )
                }),
                id: e.id,
                label: e.label,
                available: e.available,
            })
            .collect()
    }

    /// Records whether `id` answered its last discovery, and its sign-out endpoint if any.
    pub fn set_status(&self, id: &str, available: bool, end_session_endpoint: Option<String>) {
        if let Ok(mut entries) = self.entries.write() {
            if let Some(e) = entries.iter_mut().find(|e| e.id == id) {
                e.available = available;
                if available {
                    e.end_session_endpoint = end_session_endpoint;
                }
            }
        }
    }
}

/// A signed-in person: the `Set-Cookie` value that carries their new session.
pub struct ProviderSession {
    pub user_id: i64,
    pub set_cookie: String,
}

/// One provider's verified claims, ready to become a person and a session.
pub struct VerifiedSignIn<'a> {
    pub provider: &'a str,
    pub label: &'a str,
    pub subject: &'a str,
    pub claims: PersonClaims,
    pub mapping: &'a ClaimMapping,
}

/// Creates or updates the person the claims describe and starts their session. Claims naming
/// a group, store or manager that does not exist here are logged and otherwise ignored: they
/// are the directory's business, not a reason to keep the person out.
pub async fn sign_in_with_provider(
    state: &AppState,
    sign_in: VerifiedSignIn<'_>,
    now: DateTime<Utc>,
) -> AppResult<ProviderSession> {
    if sign_in.claims.email.trim().is_empty() {
        tracing::warn!(target: "deskfront::sign_in", provider = sign_in.provider,
            "provider sign-in refused: the ID token has no email claim (add the email scope)");
        return Err(AppError::forbidden(crate::i18n::t("error-no-email")));
    }
    let groups: Vec<String> = state
        .store
        .groups()
        .await
        .map_err(internal)?
        .into_iter()
        .map(|g| g.name)
        .collect();
    let person = sign_in.mapping.map(&sign_in.claims, &groups);
    if !person.unmapped_groups.is_empty() {
        tracing::info!(target: "deskfront::sign_in", provider = sign_in.provider,
            groups = ?person.unmapped_groups,
            "provider groups that map to no role and no assignment group were ignored");
    }
    let actor = Actor {
        id: None,
        name: format!("sign-in with {}", sign_in.label),
    };
    let account = ProviderAccount {
        provider: sign_in.provider,
        subject: sign_in.subject,
        person: &person,
        audit: actor.did(AuditKind::Person, "update", &person.email, now),
    };
    let outcome = state
        .store
        .provision(&account, now)
        .await
        .map_err(internal)?;
    let user_id = match outcome {
        Provisioned::Inactive => {
            tracing::info!(target: "deskfront::sign_in", provider = sign_in.provider,
                "provider sign-in refused: the person is deactivated");
            return Err(AppError::forbidden(crate::i18n::t("error-deactivated")));
        }
        Provisioned::SignedIn {
            user_id,
            created,
            linked,
            ignored,
        } => {
            if !ignored.is_empty() {
                tracing::info!(target: "deskfront::sign_in", provider = sign_in.provider, user_id,
                    ignored = ?ignored, "claims that match nothing here were ignored");
            }
            tracing::info!(target: "deskfront::sign_in", provider = sign_in.provider, user_id, created,
                linked, "signed in with a provider");
            user_id
        }
    };
    let token = new_token();
    let expires = now + Duration::days(state.session_days);
    state
        .store
        .create_provider_session(&token_hash(&token), user_id, sign_in.provider, now, expires)
        .await
        .map_err(internal)?;
    Ok(ProviderSession {
        user_id,
        set_cookie: session_cookie(&token, state.session_days * 86_400, state.secure_cookies),
    })
}

/// The provider the current session came from, if it came from one.
pub async fn session_provider(state: &AppState, token: &str) -> AppResult<Option<String>> {
    state
        .store
        .session_provider(&token_hash(token))
        .await
        .map_err(internal)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::notice::{notice_for, notice_text};

    #[test]
    fn refusals_come_back_on_the_sign_in_page_word_for_word() {
        for (id, code) in [
            ("error-no-email", "no_email"),
            ("error-deactivated", "deactivated"),
            ("error-password-admins-only", "password_admins_only"),
        ] {
            let text = crate::i18n::t(id);
            let (found, _) = notice_for(&AppError::forbidden(text.clone()));
            assert_eq!(found, code);
            assert_eq!(notice_text(code, None), Some(text));
        }
    }

    #[test]
    fn the_directory_offers_the_providers_sign_out_back_to_this_portal() {
        let d = ProviderDirectory::new([("kc".into(), "Acme".into(), "desk front".into())]);
        assert!(d.list("https://desk.example.com")[0].available);
        d.set_status("kc", true, Some("https://sso.example.com/logout".into()));
        let url = d.list("https://desk.example.com")[0]
            .end_session_url
            .clone()
            .unwrap();
        assert_eq!(
            url,
            "https://sso.example.com/logout?client_id=desk%20front&post_logout_redirect_uri=https%3A%2F%2Fdesk.example.com%2Flogin"
        );
        d.set_status("kc", false, None);
        assert!(!d.list("https://desk.example.com")[0].available);
    }
}
