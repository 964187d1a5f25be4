//! The storage interface of OpenID Connect sign-in: sign-ins under way (state, nonce and PKCE
//! verifier, so any instance can finish what another started), the link between a provider's
//! subject and a person, and sessions that remember their provider.

use super::audit_store::AuditEntry;
use super::store::StoreResult;
use crate::domain::claims::{MappedPerson, MappedRole};
use crate::model::Role;
use chrono::{DateTime, Utc};

/// The portal role a provider's groups grant.
pub fn granted_role(role: MappedRole) -> Role {
    match role {
        MappedRole::Requester => Role::Requester,
        MappedRole::Agent => Role::Agent,
        MappedRole::Editor => Role::Editor,
        MappedRole::Manager => Role::Manager,
        MappedRole::Admin => Role::Admin,
    }
}

/// A sign-in sent to a provider, about to be stored.
pub struct NewProviderSignIn<'a> {
    /// The SHA-256 of the `state` parameter (see `session::token_hash`).
    pub state_hash: &'a str,
    pub provider: &'a str,
    pub nonce: &'a str,
    pub pkce_verifier: &'a str,
    pub redirect_uri: &'a str,
    /// Where the person goes once signed in (already made safe).
    pub next_path: &'a str,
    pub expires_at: DateTime<Utc>,
}

/// A stored sign-in, taken back by its callback.
#[derive(Clone, Debug, PartialEq)]
pub struct ProviderSignIn {
    pub provider: String,
    pub nonce: String,
    pub pkce_verifier: String,
    pub redirect_uri: String,
    pub next_path: String,
}

/// A person as a provider's verified claims describe them.
pub struct ProviderAccount<'a> {
    pub provider: &'a str,
    pub subject: &'a str,
    pub person: &'a MappedPerson,
    /// Who and when, written when the sign-in creates or changes the person; the store fills
    /// in the action (create or update), the subject, `before` and `after`.
    pub audit: AuditEntry,
}

/// What signing in with a provider did to the person.
#[derive(Clone, Debug, PartialEq)]
pub enum Provisioned {
    SignedIn {
        user_id: i64,
        /// A new person.
        created: bool,
        /// An existing person (same e-mail address) linked to this provider for the first time.
        linked: bool,
        /// Claimed values left unused because nothing here matches them (a store code, a
        /// manager's address, an e-mail address another person has), for the log.
        ignored: Vec<String>,
    },
    /// The person was deactivated: no sign-in, by provider or password.
    Inactive,
}

#[async_trait::async_trait]
pub trait IdentityStore: Send + Sync {
    async fn save_provider_sign_in(&self, sign_in: &NewProviderSignIn<'_>) -> StoreResult<()>;
    /// Takes (deletes and returns) the sign-in whose state hashes to `state_hash`, if it has
    /// not expired at `now`: a state works once. Expired rows are removed on the way.
    async fn take_provider_sign_in(
        &self,
        state_hash: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<Option<ProviderSignIn>>;
    /// Finds the person by provider and subject, else links the person with the same e-mail
    /// address, else creates one (with no password); then brings name, e-mail, role (unless
    /// pinned), assignment groups, line manager (if that person exists) and store (if it
    /// exists) in line with the claims, in one transaction, auditing a change.
    async fn provision(
        &self,
        account: &ProviderAccount<'_>,
        now: DateTime<Utc>,
    ) -> StoreResult<Provisioned>;
    /// A session that came from `provider`.
    async fn create_provider_session(
        &self,
        token_hash: &str,
        user_id: i64,
        provider: &str,
        now: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> StoreResult<()>;
    /// The provider the session `token_hash` came from, if any.
    async fn session_provider(&self, token_hash: &str) -> StoreResult<Option<String>>;
}
