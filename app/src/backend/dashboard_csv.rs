//! The dashboard's tables as CSV, written from the same `DashboardView` the page shows, so a
//! download always carries the page's numbers.

use crate::model::{ChangeRow, DashboardView, TicketList};

/// The tables a dashboard offers for download, by the name in the URL.
pub const TABLES: [&str; 8] = [
    "summary",
    "trend",
    "backlog",
    "stores",
    "assets",
    "ratings",
    "articles",
    "empty-searches",
];

/// One CSV field. Quoted when it holds a separator, quote or line break; text that a
/// spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) is prefixed with `'`.
fn field(value: &str) -> String {
    let value = if value.starts_with(['=', '+', '-', '@']) && value.parse::<f64>().is_err() {
        format!("'{value}")
    } else {
        value.to_string()
    };
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

/// A CSV document: the header line, then a line per row, CRLF-terminated as RFC 4180 writes it.
pub(crate) fn csv(header: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> String {
    let mut out = header
        .iter()
        .map(|h| field(h))
        .collect::<Vec<_>>()
        .join(",");
    out.push_str("\r\n");
    for row in rows {
        out.push_str(&row.iter().map(|v| field(v)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}

/// Table `name` of `view`, or `None` if there is no such table.
pub fn table(view: &DashboardView, name: &str) -> Option<String> {
    let count_rows = |rows: &[crate::model::CountRow]| {
        rows.iter()
            .map(|r| vec![r.key.clone(), r.label.clone(), r.count.to_string()])
            .collect::<Vec<_>>()
    };
    Some(match name {
        "summary" => csv(
            &["figure", "value", "detail", "from", "to"],
            view.figures()
                .into_iter()
                .chain(view.change_figures())
                .map(|f| {
                    vec![
                        f.label.to_string(),
                        f.value,
                        f.detail,
                        view.period.from.to_string(),
                        view.period.to.to_string(),
                    ]
                }),
        ),
        "trend" => csv(
            &["from", "to", "opened", "resolved"],
            view.trend.iter().map(|b| {
                vec![
                    b.from.to_string(),
                    b.to.to_string(),
                    b.opened.to_string(),
                    b.resolved.to_string(),
                ]
            }),
        ),
        "backlog" => csv(
            &["age", "open tickets"],
            view.backlog_bands()
                .into_iter()
                .map(|(band, n)| vec![crate::i18n::report::band_label(band), n.to_string()]),
        ),
        "stores" => csv(
            &["store", "name", "incidents"],
            count_rows(&view.fault_stores),
        ),
        "assets" => csv(
            &["asset", "name", "incidents"],
            count_rows(&view.fault_assets),
        ),
        "ratings" => csv(
            &["stars", "ratings"],
            (1..=5).map(|s| vec![s.to_string(), view.ratings[s - 1].to_string()]),
        ),
        "articles" => csv(
            &["article", "title", "solved it", "opened from a form"],
            view.deflection.top_articles.iter().map(|(r, opened)| {
                vec![
                    r.key.clone(),
                    r.label.clone(),
                    r.count.to_string(),
                    opened.to_string(),
                ]
            }),
        ),
        "empty-searches" => csv(
            &["search", "times"],
            view.deflection
                .empty_searches
                .iter()
                .map(|r| vec![r.key.clone(), r.count.to_string()]),
        ),
        _ => return None,
    })
}

/// The tickets behind a figure.
pub fn tickets(list: &TicketList) -> String {
    csv(
        &[
            "number",
            "title",
            "state",
            "priority",
            "store",
            "asset",
            "category",
            "group",
            "assignee",
            "requester",
            "raised",
        ],
        list.tickets.items.iter().map(|t| {
            vec![
                t.number.clone(),
                t.title.clone(),
                t.state.label().to_string(),
                t.priority.as_str().to_string(),
                t.store.clone().unwrap_or_default(),
                t.asset.clone().unwrap_or_default(),
                t.category.clone(),
                t.assignment_group.clone(),
                t.assignee.clone().unwrap_or_default(),
                t.requester.clone(),
                t.created_at.to_rfc3339(),
            ]
        }),
    )
}

/// The changes behind a change figure.
pub fn changes(rows: &[ChangeRow]) -> String {
    csv(
        &[
            "number",
            "title",
            "kind",
            "outcome",
            "when",
            "stores",
            "incidents",
            "approval_minutes",
        ],
        rows.iter().map(|c| {
            vec![
                c.number.clone(),
                c.title.clone(),
                c.kind.as_str().to_string(),
                c.outcome
                    .map(|o| o.as_str().to_string())
                    .unwrap_or_default(),
                c.at.to_rfc3339(),
                c.stores.join(" "),
                c.incidents.join(" "),
                c.lead_minutes.map(|m| m.to_string()).unwrap_or_default(),
            ]
        }),
    )
}

/// A file name for a download: `deskfront-<table>-<from>-<to>.csv`.
pub fn file_name(table: &str, view_from: &str, view_to: &str, set: Option<&str>) -> String {
    let set = set.map(|s| format!("-{s}")).unwrap_or_default();
    format!("deskfront-{table}{set}-{view_from}-{view_to}.csv")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_when_needed_and_formulas_defused() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(field("-3"), "-3");
        assert_eq!(field("@cmd"), "'@cmd");
    }

    #[test]
    fn a_table_has_a_header_and_one_line_per_row() {
        let out = csv(&["a", "b"], [vec!["1".into(), "x y".into()]]);
        assert_eq!(out, "a,b\r\n1,x y\r\n");
    }
}
