//! E-mail as people see it in the portal: their own choice of mails (settings) and the mail log
//! admins read.

use serde::{Deserialize, Serialize};

/// One kind of mail on a person's settings page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MailChoice {
    pub key: String,
    pub label: String,
    pub on: bool,
    /// False for approval requests, which stay on.
    pub optional: bool,
}

/// A person's mail settings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MailSettingsView {
    pub email: String,
    pub choices: Vec<MailChoice>,
    /// False when the portal has no mail server configured: the page says so.
    pub delivery_configured: bool,
}

/// One queued, sent or failed mail on the admins' mail log.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MailLogRow {
    pub id: i64,
    pub kind: String,
    pub recipient: String,
    pub ticket_number: String,
    pub state: String,
    pub attempts: i64,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub sent_at: Option<chrono::DateTime<chrono::Utc>>,
    pub last_error: Option<String>,
}

/// What the mail log shows: everything, or what needs an admin's eye.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum MailLogFilter {
    #[default]
    All,
    /// Failed, or uncertain after a sender stopped mid-send.
    Problems,
    Pending,
}

impl MailLogFilter {
    pub fn parse(s: &str) -> Self {
        match s {
            "problems" => MailLogFilter::Problems,
            "pending" => MailLogFilter::Pending,
            _ => MailLogFilter::All,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            MailLogFilter::All => "all",
            MailLogFilter::Problems => "problems",
            MailLogFilter::Pending => "pending",
        }
    }
}
