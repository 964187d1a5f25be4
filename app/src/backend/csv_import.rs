//! Reading a CSV file an administrator uploads (people, stores, devices): one clear error for a
//! file that cannot be read at all (too big, not UTF-8, wrong columns), otherwise its rows by
//! column name with their line numbers, for the import to check one by one.

use super::audit::Actor;
use super::audit_store::AuditEntry;
use crate::i18n::{t, t_with, Arg};
use crate::model::{
    AppError, AppResult, AuditKind, ImportFile, ImportReport, RefusedRow, MAX_IMPORT_BYTES,
};
use chrono::{DateTime, Utc};
use std::collections::HashMap;
use std::collections::HashSet;

/// The one record a form sends (a person, a store, a device), checked as an imported row is:
/// `None` when it changes nothing, or its refusal as an error beside the field it is about.
pub fn single<T>((mut planned, report): (Vec<T>, ImportReport)) -> AppResult<Option<T>> {
    if let Some(refused) = report.refused.into_iter().next() {
        let field = if refused.column.is_empty() {
            "form"
        } else {
            refused.column.as_str()
        };
        return Err(AppError::invalid_field(field, refused.reason));
    }
    Ok((!planned.is_empty()).then(|| planned.remove(0)))
}

/// Why a row is refused: the column it is about and the reason, in words.
pub type Refusal = (&'static str, String);

/// One data row: its line in the file (the header is line 1) and its values by column.
#[derive(Clone, Debug, PartialEq)]
pub struct CsvRow {
    pub line: usize,
    values: HashMap<String, String>,
}

impl CsvRow {
    /// A row made from a form that edits one record, so it is checked as an imported one is.
    pub fn from_form(values: &[(&str, &str)]) -> Self {
        CsvRow {
            line: 0,
            values: values
                .iter()
                .map(|(k, v)| (k.to_string(), v.trim().to_string()))
                .collect(),
        }
    }

    /// The trimmed value of `column`; empty when the file has no such optional column.
    pub fn get(&self, column: &str) -> &str {
        self.values.get(column).map(String::as_str).unwrap_or("")
    }
}

fn refuse(message: impl Into<String>) -> AppError {
    AppError::invalid_field("file", message)
}

/// Reads `text` as CSV with a header naming every `required` column and perhaps some
/// `optional` ones (in any order, any case). Empty lines are skipped.
pub fn read(text: &str, required: &[&str], optional: &[&str]) -> AppResult<Vec<CsvRow>> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(refuse(t_with(
            "error-csv-too-large",
            &[("mb", Arg::count(MAX_IMPORT_BYTES / (1024 * 1024)))],
        )));
    }
    // The browser reads the file as UTF-8 and puts U+FFFD where bytes were not.
    if text.contains('\u{FFFD}') {
        return Err(refuse(t("error-csv-not-utf8")));
    }
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| {
            refuse(t_with(
                "error-csv-header",
                &[("reason", e.to_string().into())],
            ))
        })?
        .iter()
        .map(|h| h.to_lowercase())
        .collect();
    let expected = || {
        let mut all = required.join(", ");
        if !optional.is_empty() {
            let more = t_with(
                "error-csv-optionally",
                &[("columns", optional.join(", ").into())],
            );
            all.push_str(&format!(" {more}"));
        }
        all
    };
    if header.iter().all(String::is_empty) {
        return Err(refuse(t_with(
            "error-csv-empty",
            &[("expected", expected().into())],
        )));
    }
    let missing: Vec<&str> = required
        .iter()
        .copied()
        .filter(|c| !header.iter().any(|h| h == c))
        .collect();
    if !missing.is_empty() {
        return Err(refuse(t_with(
            "error-csv-missing",
            &[
                ("count", Arg::count(missing.len())),
                ("columns", missing.join(", ").into()),
                ("expected", expected().into()),
            ],
        )));
    }
    if let Some(unknown) = header
        .iter()
        .find(|h| !required.contains(&h.as_str()) && !optional.contains(&h.as_str()))
    {
        return Err(refuse(t_with(
            "error-csv-unknown",
            &[
                ("column", unknown.as_str().into()),
                ("expected", expected().into()),
            ],
        )));
    }
    // Lines as an editor shows them. The reader's own line count leaves out the empty lines it
    // skips, and a record's position is where the skipping began: count the line breaks up to
    // the record's first character instead.
    let line_at = |byte: u64| {
        let bytes = text.as_bytes();
        let mut end = usize::try_from(byte)
            .unwrap_or(bytes.len())
            .min(bytes.len());
        while end < bytes.len() && matches!(bytes[end], b'\r' | b'\n') {
            end += 1;
        }
        bytes[..end].iter().filter(|b| **b == b'\n').count() + 1
    };
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| line_at(p.byte()));
            refuse(t_with(
                "error-csv-line",
                &[("line", Arg::count(line)), ("reason", e.to_string().into())],
            ))
        })?;
        if record.iter().all(str::is_empty) {
            continue;
        }
        let line = record.position().map_or(0, |p| line_at(p.byte()));
        let values = header
            .iter()
            .cloned()
            .zip(record.iter().map(str::to_string))
            .collect();
        rows.push(CsvRow { line, values });
    }
    Ok(rows)
}

/// Reads an import of kind `file`: its columns, and at least one row.
pub fn read_file(text: &str, file: ImportFile) -> AppResult<Vec<CsvRow>> {
    let (required, optional) = file.columns();
    let rows = read(text, required, optional)?;
    if rows.is_empty() {
        return Err(refuse(t("error-csv-no-rows")));
    }
    Ok(rows)
}

/// Ends an import whose rows were checked (`plan`): when `apply` is asked and no row was
/// refused, `write` stores the planned records together with the import's one audit entry (the
/// changed records as they were, every written record as it is now); the report then says so.
#[allow(clippy::too_many_arguments)]
pub async fn finish<T, Fut>(
    actor: &Actor,
    file: ImportFile,
    plan: (Vec<T>, ImportReport),
    existing: &[T],
    key: impl Fn(&T) -> &String,
    apply: bool,
    now: DateTime<Utc>,
    write: impl FnOnce(Vec<T>, AuditEntry) -> Fut,
) -> AppResult<ImportReport>
where
    T: serde::Serialize,
    Fut: std::future::Future<Output = Result<(), super::store::StoreError>>,
{
    let (planned, mut report) = plan;
    report.applied = apply && report.refused.is_empty();
    if !report.applied || planned.is_empty() {
        return Ok(report);
    }
    let changed: HashSet<&String> = report.changed.iter().collect();
    let before: Vec<&T> = existing
        .iter()
        .filter(|e| changed.contains(key(e)))
        .collect();
    let audit = actor
        .did(
            AuditKind::Import,
            "import",
            format!(
                "{}: {} created, {} changed",
                file.label(),
                report.created.len(),
                report.changed.len()
            ),
            now,
        )
        .before(serde_json::json!(before))
        .after(serde_json::json!(planned));
    write(planned, audit).await.map_err(super::internal)?;
    Ok(report)
}

/// Turns checked rows into the records to write and the import's report. `read` checks one row
/// and builds its record (or says why it cannot); a key on an earlier line, too, is refused;
/// a record equal (by `same`) to the stored one with its key is counted as unchanged and not
/// written again. `noun` names a record in messages ("Store S1 is on line 4 already."): "store",
/// "device" or "person".
pub fn plan_rows<T>(
    rows: &[CsvRow],
    noun: &str,
    stored: &HashMap<&str, &T>,
    key: impl Fn(&T) -> &String,
    read: impl Fn(&CsvRow) -> Result<T, Refusal>,
    same: impl Fn(&T, &T) -> bool,
) -> (Vec<T>, ImportReport) {
    let mut report = ImportReport::default();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut planned = Vec::new();
    for row in rows {
        let record = match read(row) {
            Ok(record) => record,
            Err((column, reason)) => {
                report.refused.push(RefusedRow {
                    line: row.line,
                    reason,
                    column: column.into(),
                });
                continue;
            }
        };
        let k = key(&record).clone();
        if let Some(first) = seen.insert(k.clone(), row.line) {
            report.refused.push(RefusedRow {
                line: row.line,
                reason: t_with(
                    "error-csv-duplicate",
                    &[
                        ("noun", noun.into()),
                        ("key", k.as_str().into()),
                        ("first", Arg::count(first)),
                    ],
                ),
                column: String::new(),
            });
            continue;
        }
        match stored.get(k.as_str()) {
            None => report.created.push(k),
            Some(old) if same(old, &record) => {
                report.unchanged += 1;
                continue;
            }
            Some(_) => report.changed.push(k),
        }
        planned.push(record);
    }
    (planned, report)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(r: AppResult<Vec<CsvRow>>) -> String {
        match r {
            Err(AppError::Invalid { fields }) => fields["file"].clone(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn rows_come_by_column_name_with_their_line() {
        let rows = read(
            "\u{FEFF}Code,Name,REGION\nS1, Berlin Mitte ,East\n\nS2,\"Köln, Hbf\",West\n",
            &["code", "name", "region"],
            &["calendar"],
        )
        .unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!((rows[0].line, rows[0].get("name")), (2, "Berlin Mitte"));
        assert_eq!((rows[1].line, rows[1].get("name")), (4, "Köln, Hbf"));
        assert_eq!(
            rows[1].get("calendar"),
            "",
            "an absent optional column is empty"
        );
    }

    #[test]
    fn a_file_that_cannot_be_read_gets_one_clear_error() {
        let need = &["code", "name"][..];
        assert!(message(read("code\nS1\n", need, &[])).contains("lacks the column name"));
        assert!(message(read("code,name,colour\n", need, &[])).contains("\"colour\""));
        assert!(message(read("", need, &[])).contains("empty"));
        assert!(message(read("code,name\nS\u{FFFD}1,x\n", need, &[])).contains("UTF-8"));
        let huge = "x".repeat(MAX_IMPORT_BYTES + 1);
        assert!(message(read(&huge, need, &[])).contains("larger than 5 MB"));
    }
}
