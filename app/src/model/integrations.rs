//! Integration tokens as administrators see them (see `backend::integrations`).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A token just created. `token` is shown this once and never stored: copy it now.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NewIntegrationToken {
    pub id: i64,
    pub name: String,
    pub token: String,
}

/// A row of the token list. The token itself is never shown again.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IntegrationTokenView {
    pub id: i64,
    pub name: String,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
    pub revoked_at: Option<DateTime<Utc>>,
    pub last_used_at: Option<DateTime<Utc>>,
}
