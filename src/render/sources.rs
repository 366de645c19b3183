//! The source registry as a table or CSV.

use comfy_table::{CellAlignment, Table, presets::UTF8_FULL_CONDENSED};

use crate::aggregate::registry::SourceRow;
use crate::render::table::fit;

/// "hedge 2, no-comment 1".
fn marker_summary(row: &SourceRow) -> String {
    row.markers
        .iter()
        .map(|(kind, count)| format!("{} {count}", kind.as_str()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// One row per canonical source, fitted to `width` columns (see [`fit`]).
pub fn sources_table(rows: &[&SourceRow], width: Option<u16>) -> Table {
    let mut table = Table::new();
    fit(&mut table, width);
    table.load_style(UTF8_FULL_CONDENSED).set_header(vec![
        "source",
        "type",
        "claims",
        "documents",
        "quotes",
        "statements",
        "markers",
    ]);
    for row in rows {
        table.add_row(vec![
            row.name.clone(),
            row.source_type.as_str().to_string(),
            row.claims.to_string(),
            row.documents.to_string(),
            row.quotes.to_string(),
            row.statements.to_string(),
            marker_summary(row),
        ]);
    }
    for index in 2..6 {
        if let Some(column) = table.column_mut(index) {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
    table
}

/// The same rows as CSV (RFC 4180 quoting).
pub fn sources_csv(rows: &[&SourceRow]) -> String {
    let mut out =
        String::from("source,type,claims,documents,direct_quotes,quotes,statements,markers\n");
    for row in rows {
        let fields = [
            csv_field(&row.name),
            row.source_type.as_str().to_string(),
            row.claims.to_string(),
            row.documents.to_string(),
            row.direct_quotes.to_string(),
            row.quotes.to_string(),
            row.statements.to_string(),
            csv_field(&marker_summary(row)),
        ];
        out.push_str(&fields.join(","));
        out.push('\n');
    }
    out
}

/// Quotes a CSV field when it holds a comma, a quote or a line break.
pub fn csv_field(value: &str) -> String {
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_string()
    }
}
