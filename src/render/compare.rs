//! Sourcing side by side: one column per document.

use comfy_table::{CellAlignment, Table, presets::UTF8_FULL_CONDENSED};

use crate::aggregate::Stats;
use crate::model::SourceType;

/// How many top sources a column lists.
const TOP_SOURCES: usize = 3;

/// A row label and how to read it off a document's statistics.
type Row = (&'static str, fn(&Stats) -> String);

const ROWS: &[Row] = &[
    ("claims", |s| s.claims.to_string()),
    ("attributed", |s| with_share(s.attributed, s.claims)),
    ("unattributed", |s| with_share(s.unattributed, s.claims)),
    ("direct quotes", |s| s.direct.to_string()),
    ("mixed", |s| s.mixed.to_string()),
    ("indirect", |s| s.indirect.to_string()),
    ("sources: person", |s| {
        s.sources_of(SourceType::Person).to_string()
    }),
    ("sources: anonymous", |s| {
        s.sources_of(SourceType::Anonymous).to_string()
    }),
    ("sources: organization", |s| {
        s.sources_of(SourceType::Organization).to_string()
    }),
    ("sources: publication", |s| {
        s.sources_of(SourceType::Publication).to_string()
    }),
    ("sources: document", |s| {
        s.sources_of(SourceType::Document).to_string()
    }),
    ("sources: unknown", |s| {
        s.sources_of(SourceType::Unknown).to_string()
    }),
    ("claims on anonymous sources", |s| {
        with_share(s.anonymous_claims, s.attributed)
    }),
    ("hedged claims", |s| with_share(s.hedged_claims, s.claims)),
    ("distinct sources", |s| s.distinct_sources().to_string()),
    ("top sources", top_sources),
];

/// The comparison table; a last "all" column when there is more than one document.
pub fn compare_table(columns: &[(String, Stats)]) -> Table {
    let mut shown: Vec<(String, &Stats)> = columns
        .iter()
        .map(|(name, stats)| (name.clone(), stats))
        .collect();
    let mut total = Stats::default();
    for (_, stats) in columns {
        total.merge(stats);
    }
    if columns.len() > 1 {
        shown.push(("all".to_string(), &total));
    }
    let mut table = Table::new();
    table.load_style(UTF8_FULL_CONDENSED);
    let mut header = vec![String::new()];
    header.extend(shown.iter().map(|(name, _)| name.clone()));
    table.set_header(header);
    for (label, value) in ROWS {
        let mut row = vec![label.to_string()];
        row.extend(shown.iter().map(|(_, stats)| value(stats)));
        table.add_row(row);
    }
    for column in table.column_iter_mut().skip(1) {
        column.set_cell_alignment(CellAlignment::Right);
    }
    table
}

fn with_share(part: usize, whole: usize) -> String {
    if whole == 0 {
        return part.to_string();
    }
    format!("{part} ({:.0}%)", 100.0 * part as f64 / whole as f64)
}

fn top_sources(stats: &Stats) -> String {
    stats
        .top_sources(TOP_SOURCES)
        .into_iter()
        .map(|(name, count)| format!("{name} ({count})"))
        .collect::<Vec<_>>()
        .join("\n")
}
