//! The storage interface of integration tokens: what lets a monitoring system or a till report
//! incidents without a person's session. `Store` requires it, so a `dyn Store` offers it.

use super::audit_store::AuditEntry;
use super::store::StoreResult;
use crate::model::UserView;
use chrono::{DateTime, Utc};

/// A token about to be stored. Only its SHA-256 is kept; the token itself is shown once.
#[derive(Clone, Debug)]
pub struct NewIntegrationToken {
    pub name: String,
    pub token_hash: String,
    pub created_by: i64,
    pub now: DateTime<Utc>,
}

/// A row of the administrators' token list.
#[derive(Clone, Debug, PartialEq)]
pub struct IntegrationTokenRow {
    pub id: i64,
    pub name: String,
    /// The name of the person who created it.
    pub created_by: String,
    pub created_at: DateTime<Utc>,
    pub revoked_at: Option<DateTime<Utc>>,
    pub last_used_at: Option<DateTime<Utc>>,
}

/// Who is calling with a valid token: the integration, and the user its incidents are filed
/// under (one per token, so idempotency keys are per token, as they are per person).
#[derive(Clone, Debug)]
pub struct IntegrationCaller {
    pub token_id: i64,
    pub name: String,
    pub user: UserView,
}

#[async_trait::async_trait]
pub trait IntegrationStore: Send + Sync {
    /// Stores the token with a user of its own (who cannot sign in) and `audit`, in one
    /// transaction. Returns the token's id.
    async fn create_integration_token(
        &self,
        token: &NewIntegrationToken,
        audit: &AuditEntry,
    ) -> StoreResult<i64>;
    /// Every token, revoked ones too, newest first.
    async fn integration_tokens(&self) -> StoreResult<Vec<IntegrationTokenRow>>;
    /// Revokes the live token `id` at `audit.at` and writes `audit` with it. False when no live
    /// token has `id` (unknown, or revoked already: the first revocation's time stays).
    async fn revoke_integration_token(&self, id: i64, audit: &AuditEntry) -> StoreResult<bool>;
    /// The caller whose live token hashes to `token_hash`, marked as used at `now`. `None` for
    /// an unknown or revoked token.
    async fn use_integration_token(
        &self,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<Option<IntegrationCaller>>;
}
