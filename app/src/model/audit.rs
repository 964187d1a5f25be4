//! The audit log as administrators read it: who changed what, when, and how it looked before and
//! after. Written by `backend` in the same transaction as each administrative change.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Entries per page of the audit log.
pub const AUDIT_PER_PAGE: u32 = 50;

/// What an entry is about. Stored by `as_str`, so the names are part of the database.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuditKind {
    Catalog,
    Form,
    Person,
    Group,
    Store,
    Device,
    IntegrationToken,
    Import,
    Synonym,
    SearchEvidence,
    /// A change freeze period.
    Freeze,
    /// An approval chain.
    ApprovalChain,
    /// Which chain authorises which changes.
    ChangePolicy,
    /// The change risk questionnaire.
    RiskModel,
}

impl AuditKind {
    pub const ALL: [AuditKind; 14] = [
        AuditKind::Catalog,
        AuditKind::Form,
        AuditKind::Person,
        AuditKind::Group,
        AuditKind::Store,
        AuditKind::Device,
        AuditKind::IntegrationToken,
        AuditKind::Import,
        AuditKind::Synonym,
        AuditKind::SearchEvidence,
        AuditKind::Freeze,
        AuditKind::ApprovalChain,
        AuditKind::ChangePolicy,
        AuditKind::RiskModel,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AuditKind::Catalog => "catalog",
            AuditKind::Form => "form",
            AuditKind::Person => "person",
            AuditKind::Group => "group",
            AuditKind::Store => "store",
            AuditKind::Device => "device",
            AuditKind::IntegrationToken => "integration_token",
            AuditKind::Import => "import",
            AuditKind::Synonym => "synonym",
            AuditKind::SearchEvidence => "search_evidence",
            AuditKind::Freeze => "freeze",
            AuditKind::ApprovalChain => "approval_chain",
            AuditKind::ChangePolicy => "change_policy",
            AuditKind::RiskModel => "risk_model",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// One entry of the audit log. `before` and `after` are the record as JSON; `None` for a
/// creation (nothing before) or a removal (nothing after).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AuditEntryView {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub actor: String,
    /// As stored; `AuditKind::parse` reads it (an entry written by a newer release may carry a
    /// kind this one does not know, and is still shown).
    pub kind: String,
    pub action: String,
    pub subject: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip_through_their_stored_names() {
        for kind in AuditKind::ALL {
            assert_eq!(AuditKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(AuditKind::parse("nonsense"), None);
    }
}
