//! People as the portal shows them, and their roles.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Requester,
    StoreStaff,
    Approver,
    Agent,
    Manager,
    Editor,
    Admin,
}

impl Role {
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "requester" => Role::Requester,
            "store_staff" => Role::StoreStaff,
            "approver" => Role::Approver,
            "agent" => Role::Agent,
            "manager" => Role::Manager,
            "editor" => Role::Editor,
            "admin" => Role::Admin,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Requester => "requester",
            Role::StoreStaff => "store_staff",
            Role::Approver => "approver",
            Role::Agent => "agent",
            Role::Manager => "manager",
            Role::Editor => "editor",
            Role::Admin => "admin",
        }
    }

    /// Agents, managers and admins work the queue.
    pub fn works_queue(self) -> bool {
        matches!(self, Role::Agent | Role::Manager | Role::Admin)
    }

    /// Editors and admins write, publish and retire knowledge articles.
    pub fn edits_articles(self) -> bool {
        matches!(self, Role::Editor | Role::Admin)
    }

    /// Editors and admins build the catalog: categories, items and their forms. Only admins
    /// manage people, stores and devices.
    pub fn edits_catalog(self) -> bool {
        matches!(self, Role::Editor | Role::Admin)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UserView {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub role: Role,
    /// Someone reports to them, or an approval chain waits for their decision: the Approvals
    /// page is theirs.
    pub approves: bool,
    /// The language they chose to read the portal in (a tag of `i18n::LANGUAGES`); none: as
    /// their browser asks.
    #[serde(default)]
    pub language: Option<String>,
    /// The time zone of their store (an IANA name), which they read times in; none: the
    /// portal's (`i18n::zone`).
    #[serde(default)]
    pub timezone: Option<String>,
    /// The store they work in, by code (store staff; none for people at head office): the
    /// changes planned there are theirs to know about, online and offline.
    #[serde(default)]
    pub store: Option<String>,
}

/// The settings' language menu: what the person chose (none: as their browser asks) and the
/// languages there are, each named in itself ("Deutsch").
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LanguageChoices {
    pub chosen: Option<String>,
    pub choices: Vec<(String, String)>,
}

/// What the sign-in page offers besides the e-mail and password form.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SignInOptions {
    /// Listed in demo mode only; empty on a production start.
    pub demo_accounts: Vec<DemoAccount>,
    /// OpenID Connect providers, one "Sign in with …" button each.
    #[serde(default)]
    pub providers: Vec<ProviderOption>,
    /// Password sign-in is for administrators only (`local_sign_in = "admins_only"`): the
    /// form hides behind a small link.
    #[serde(default)]
    pub password_admins_only: bool,
}

/// One identity provider on the sign-in page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProviderOption {
    /// In the URLs `/auth/oidc/<id>/start` and `/login?signed_out=<id>`.
    pub id: String,
    pub label: String,
    /// False while its discovery document cannot be read: the page says so.
    pub available: bool,
    /// The provider's own sign-out page (RP-initiated logout), if it publishes one.
    pub end_session_url: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DemoAccount {
    pub email: String,
    /// What the account is for, in words ("Line manager (approver)").
    pub role: String,
}
