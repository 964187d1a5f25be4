//! People as administrators manage them: role, line manager, home store, assignment groups,
//! and whether they may sign in.

use super::users::Role;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// People per page of the administrators' list.
pub const PEOPLE_PER_PAGE: u32 = 50;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PersonView {
    /// Lowercased; what people are known by in imports and the audit log.
    pub email: String,
    pub name: String,
    pub role: Role,
    /// Kept when the identity provider's groups say otherwise (an administrator's decision).
    #[serde(default)]
    pub role_pinned: bool,
    /// The line manager's e-mail address.
    pub manager: Option<String>,
    /// Home store code (store staff).
    pub store: Option<String>,
    /// Assignment groups, sorted.
    pub groups: Vec<String>,
    /// False once deactivated: no sign-in, no sessions; their tickets stay.
    pub active: bool,
    /// Bumped by every change (an edit or an import); an edit names the one it started from.
    #[serde(default)]
    pub revision: i64,
}

/// A one-time link that lets `email` set their own password, shown once to the administrator
/// who made it. Nobody, the administrator included, ever sees the password.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PasswordLink {
    pub email: String,
    pub link: String,
    pub expires_at: DateTime<Utc>,
}
