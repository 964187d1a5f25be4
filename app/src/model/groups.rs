//! Assignment groups as administrators manage them: who is in each, and what it works on.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupView {
    /// What people, items and tickets call it.
    pub name: String,
    pub description: String,
    /// Members' e-mail addresses, sorted.
    pub members: Vec<String>,
    /// Catalog items it fulfils.
    pub items: u64,
    /// Tickets assigned to it that are not resolved, closed, rejected or cancelled.
    pub open_tickets: u64,
    /// 0 while the name is only in use (on people, items or tickets) and not yet saved as a
    /// record; bumped by every save.
    pub revision: i64,
}
