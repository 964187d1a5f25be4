//! Synonym groups as the knowledge editors see and change them (`pages/synonyms.rs`), the
//! preview of what a query finds with a group, and the evidence search learns from.

use crate::search::ResultView;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// One group of words and phrases that mean the same to search.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SynonymGroupView {
    pub id: i64,
    pub phrases: Vec<String>,
    /// A retired group is kept for the record and no longer applied.
    pub retired: bool,
    /// For the revision check: a save names the revision the editor opened.
    pub revision: i64,
    pub updated_at: DateTime<Utc>,
}

/// What a query finds with the groups as they are and with the group being edited as typed
/// (replacing the saved one, or added when it is new; left out when retired).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SynonymPreview {
    pub now: Vec<ResultView>,
    pub with_group: Vec<ResultView>,
}

/// What someone typed before an article helped them (`search::learned`), as its editor reviews
/// it. Who typed it is not shown.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EvidenceView {
    /// With `source`, names the piece of evidence (each source numbers its own).
    pub id: i64,
    pub source: EvidenceSource,
    pub query: String,
    /// "This solved it" (or "Did this help?" yes); otherwise the article was opened and the
    /// form not sent.
    pub solved: bool,
    pub at: DateTime<Utc>,
}

/// Where a piece of evidence comes from: beside a form (its suggestions: "This solved it", or
/// an article opened and the form then not sent), or the search page (searched, opened the
/// article from the results, and answered "Did this help?" with yes).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EvidenceSource {
    Form,
    Search,
}

impl EvidenceSource {
    pub fn as_str(self) -> &'static str {
        match self {
            EvidenceSource::Form => "form",
            EvidenceSource::Search => "search",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "form" => Some(EvidenceSource::Form),
            "search" => Some(EvidenceSource::Search),
            _ => None,
        }
    }
}

/// Queries that went unanswered, grouped by likeness (`search::similar`), for the editors' list
/// of what nobody found: the first query names the group.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UnansweredGroupView {
    pub queries: Vec<UnansweredQueryView>,
    pub found_nothing: u64,
    pub tickets: u64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UnansweredQueryView {
    pub query: String,
    /// Searches that found no article.
    pub found_nothing: u64,
    /// Forms sent anyway after this description's suggestions.
    pub tickets: u64,
}
