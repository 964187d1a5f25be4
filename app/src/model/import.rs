//! The answer to a CSV import, dry run or applied: what would be (or was) created and changed,
//! and each refused row with its line number and reason. An import with a refused row applies
//! nothing.

use serde::{Deserialize, Serialize};

/// The largest CSV file an import reads.
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ImportReport {
    /// True when the rows were written; false for a dry run, or when a row was refused.
    pub applied: bool,
    /// The keys (store codes, asset tags, e-mail addresses) of new records, in file order.
    pub created: Vec<String>,
    /// The keys of records whose values differ from the file.
    pub changed: Vec<String>,
    /// How many rows match what is stored already.
    pub unchanged: usize,
    pub refused: Vec<RefusedRow>,
}

/// A row the import cannot take, and why, worded for the person who fixes the file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RefusedRow {
    /// The line in the file, counting the header as line 1 (what a spreadsheet shows).
    pub line: usize,
    pub reason: String,
    /// The column the refusal is about, so a form editing one record shows it beside its field.
    #[serde(default)]
    pub column: String,
}

/// Which kind of CSV an import reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportFile {
    Stores,
    Devices,
    People,
}

impl ImportFile {
    /// The columns a file must have, then those it may have, as the header names them.
    pub fn columns(self) -> (&'static [&'static str], &'static [&'static str]) {
        match self {
            ImportFile::Stores => (&["code", "name", "region", "timezone"], &["calendar"]),
            ImportFile::Devices => (&["tag", "store", "kind", "model"], &["name"]),
            ImportFile::People => (&["email", "name", "role"], &["manager", "store", "groups"]),
        }
    }

    /// In words, for headings and the audit log.
    pub fn label(self) -> &'static str {
        match self {
            ImportFile::Stores => "stores",
            ImportFile::Devices => "devices",
            ImportFile::People => "people",
        }
    }
}
