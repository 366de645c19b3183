//! Sourcing side by side: one column per document (or per publisher), the sources
//! they share, as a terminal table, Markdown, CSV or JSON.

mod csv;
mod markdown;

use std::cmp::Ordering;
use std::collections::BTreeSet;
use std::path::Path;

use comfy_table::{CellAlignment, Table, presets::UTF8_FULL_CONDENSED};
use serde::Serialize;

use crate::aggregate::Stats;
use crate::aggregate::registry::Registry;
use crate::model::{CueKind, SourceType};
use crate::render::table::{fit, widest_line, wrap_words};
use crate::render::with_share;

pub use csv::compare_csv;
pub use markdown::compare_markdown;

/// How many top sources a column lists.
const TOP_SOURCES: usize = 3;

/// Column order of `compare`; every order but `name` puts the largest first, and
/// ties go by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SortBy {
    /// Document (or publisher) name, A to Z.
    Name,
    /// Number of claims.
    Claims,
    /// Share of attributed claims resting on anonymous sources.
    Anonymous,
    /// Share of claims with no attribution.
    Unattributed,
    /// Share of claims carrying a hedge or uncertainty marker.
    Hedged,
}

/// What a column stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum GroupBy {
    Document,
    Publisher,
}

/// One column: a document or a group of documents.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Column {
    pub name: String,
    pub stats: Stats,
}

/// A source cited in more than one column.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SharedSource {
    pub name: String,
    #[serde(rename = "type")]
    pub source_type: SourceType,
    pub claims: usize,
    /// The columns citing it, sorted.
    pub cited_in: Vec<String>,
}

/// Everything `compare` prints.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    pub by: GroupBy,
    pub sort: SortBy,
    pub columns: Vec<Column>,
    /// Every column merged.
    pub all: Stats,
    pub shared_sources: Vec<SharedSource>,
}

impl Comparison {
    /// Sorts `columns` and finds the registry's sources cited in more than one
    /// column; `column_of` maps a document to its column's name.
    pub fn new(
        by: GroupBy,
        sort: SortBy,
        mut columns: Vec<Column>,
        registry: &Registry,
        column_of: impl Fn(&str) -> String,
    ) -> Comparison {
        columns.sort_by(|a, b| order(sort, a, b));
        let mut all = Stats::default();
        for column in &columns {
            all.merge(&column.stats);
        }
        let shared_sources = registry
            .rows()
            .into_iter()
            .filter_map(|row| {
                let cited_in: BTreeSet<String> =
                    row.cited_in.iter().map(|doc| column_of(doc)).collect();
                (cited_in.len() > 1).then(|| SharedSource {
                    name: row.name.clone(),
                    source_type: row.source_type,
                    claims: row.claims,
                    cited_in: cited_in.into_iter().collect(),
                })
            })
            .collect();
        Comparison {
            by,
            sort,
            columns,
            all,
            shared_sources,
        }
    }

    /// The columns as shown, with a last "all" column when there is more than one.
    fn shown(&self) -> Vec<(String, &Stats)> {
        let mut shown: Vec<(String, &Stats)> = self
            .columns
            .iter()
            .map(|column| (self.heading(&column.name), &column.stats))
            .collect();
        if self.columns.len() > 1 {
            shown.push(("all".to_string(), &self.all));
        }
        shown
    }

    /// A column heading: a document's file name without its folders.
    fn heading(&self, name: &str) -> String {
        match self.by {
            GroupBy::Document => short_name(name),
            GroupBy::Publisher => name.to_string(),
        }
    }
}

/// The column order of `sort`, ties by name.
fn order(sort: SortBy, a: &Column, b: &Column) -> Ordering {
    let larger_first = |key: fn(&Stats) -> f64| key(&b.stats).total_cmp(&key(&a.stats));
    let by_key = match sort {
        SortBy::Name => Ordering::Equal,
        SortBy::Claims => b.stats.claims.cmp(&a.stats.claims),
        SortBy::Anonymous => larger_first(Stats::anonymous_share),
        SortBy::Unattributed => larger_first(Stats::unattributed_share),
        SortBy::Hedged => larger_first(Stats::hedged_share),
    };
    by_key.then_with(|| a.name.cmp(&b.name))
}

/// A file name without its folders (the whole name when it has none).
pub fn short_name(doc: &str) -> String {
    Path::new(doc).file_name().map_or_else(
        || doc.to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}

/// A row label and how to read it off a column's statistics.
type Row = (&'static str, fn(&Stats) -> String);

/// The rows of the table and Markdown formats.
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
    ("cue: speech", |s| {
        with_share(s.cue_kind_claims(CueKind::Speech), s.attributed)
    }),
    ("cue: belief", |s| {
        with_share(s.cue_kind_claims(CueKind::Belief), s.attributed)
    }),
    ("cue: evidential", |s| {
        with_share(s.cue_kind_claims(CueKind::Evidential), s.attributed)
    }),
    ("cue: stance", |s| {
        with_share(s.cue_kind_claims(CueKind::Stance), s.attributed)
    }),
    ("cue: intent", |s| {
        with_share(s.cue_kind_claims(CueKind::Intent), s.attributed)
    }),
    ("claims on named sources", |s| {
        with_share(s.named_claims(), s.attributed)
    }),
    ("claims on anonymous sources", |s| {
        with_share(s.anonymous_claims, s.attributed)
    }),
    ("hedged claims", |s| with_share(s.hedged_claims, s.claims)),
    ("distinct sources", |s| s.distinct_sources().to_string()),
];

/// The label of the last row, whose cells list several sources.
const TOP_SOURCES_LABEL: &str = "top sources";

/// The measures of the one-row-per-column layout, each a heading and its label
/// in [`ROWS`]: the ones that say most about sourcing, few and short enough to
/// read across a terminal.
const ROW_LAYOUT_MEASURES: &[(&str, &str)] = &[
    ("claims", "claims"),
    ("attributed", "attributed"),
    ("on anonymous sources", "claims on anonymous sources"),
    ("hedged", "hedged claims"),
    ("sources", "distinct sources"),
];

/// The heading of the top source column of the one-row-per-column layout.
const TOP_SOURCE_HEADING: &str = "top source";

/// The comparison as terminal tables: the columns, then the shared sources. With
/// a `width` (a terminal's), tables are fitted to it, and columns that do not fit
/// side by side turn into one row each with the main measures as columns.
pub fn compare_table(comparison: &Comparison, width: Option<u16>) -> String {
    let mut side_by_side = columns_table(comparison);
    fit(&mut side_by_side, None);
    let mut main = side_by_side.to_string();
    if let Some(width) = width {
        let needed = widest_line(&main);
        if needed <= usize::from(width) {
            fit(&mut side_by_side, Some(width));
            main = side_by_side.to_string();
        } else {
            let mut rows = rows_table(comparison);
            fit(&mut rows, Some(width));
            let unit = match comparison.by {
                GroupBy::Document => "document",
                GroupBy::Publisher => "publisher",
            };
            let note = format!(
                "(a row per {unit}: side by side needs {needed} columns; every measure: \
                 --format csv)"
            );
            main = format!("{rows}\n{}", wrap_words(&note, usize::from(width)));
        }
    }
    let mut shared = shared_table(comparison);
    let shared = match shared.as_mut() {
        Some(table) => {
            fit(table, width);
            table.to_string()
        }
        None => "(none)".to_string(),
    };
    format!("{main}\n\n{}\n{shared}", shared_heading(comparison))
}

/// One column per document (or publisher), one row per measure.
fn columns_table(comparison: &Comparison) -> Table {
    let shown = comparison.shown();
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
    let mut row = vec![TOP_SOURCES_LABEL.to_string()];
    row.extend(shown.iter().map(|(_, stats)| top_sources(stats, "\n")));
    table.add_row(row);
    for column in table.column_iter_mut().skip(1) {
        column.set_cell_alignment(CellAlignment::Right);
    }
    table
}

/// One row per document (or publisher), the measures of [`ROW_LAYOUT_MEASURES`]
/// and the top source as columns.
fn rows_table(comparison: &Comparison) -> Table {
    let measures: Vec<(&str, &Row)> = ROW_LAYOUT_MEASURES
        .iter()
        .filter_map(|(heading, label)| {
            let row = ROWS.iter().find(|(name, _)| name == label)?;
            Some((*heading, row))
        })
        .collect();
    let mut table = Table::new();
    table.load_style(UTF8_FULL_CONDENSED);
    let mut header = vec![match comparison.by {
        GroupBy::Document => "document".to_string(),
        GroupBy::Publisher => "publisher".to_string(),
    }];
    header.extend(measures.iter().map(|(heading, _)| heading.to_string()));
    header.push(TOP_SOURCE_HEADING.to_string());
    table.set_header(header);
    for (name, stats) in comparison.shown() {
        let mut row = vec![name];
        row.extend(measures.iter().map(|(_, (_, value))| value(stats)));
        let top = stats.top_sources(1).into_iter().next();
        row.push(top.map_or_else(String::new, |(name, count)| format!("{name} ({count})")));
        table.add_row(row);
    }
    for index in 1..=measures.len() {
        if let Some(column) = table.column_mut(index) {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
    table
}

/// "Sources cited by more than one document".
fn shared_heading(comparison: &Comparison) -> String {
    let unit = match comparison.by {
        GroupBy::Document => "document",
        GroupBy::Publisher => "publisher",
    };
    format!("Sources cited by more than one {unit}")
}

/// The shared sources as a terminal table; `None` when there are none.
fn shared_table(comparison: &Comparison) -> Option<Table> {
    if comparison.shared_sources.is_empty() {
        return None;
    }
    let mut table = Table::new();
    table
        .load_style(UTF8_FULL_CONDENSED)
        .set_header(vec!["source", "type", "claims", "cited in"]);
    for source in &comparison.shared_sources {
        table.add_row(vec![
            source.name.clone(),
            source.source_type.as_str().to_string(),
            source.claims.to_string(),
            cited_in(comparison, source, ", "),
        ]);
    }
    Some(table)
}

/// The columns citing a shared source, as headed in the table.
fn cited_in(comparison: &Comparison, source: &SharedSource, separator: &str) -> String {
    source
        .cited_in
        .iter()
        .map(|name| comparison.heading(name))
        .collect::<Vec<_>>()
        .join(separator)
}

/// "Foreign Policy (3)" for the most cited sources, joined by `separator`.
fn top_sources(stats: &Stats, separator: &str) -> String {
    stats
        .top_sources(TOP_SOURCES)
        .into_iter()
        .map(|(name, count)| format!("{name} ({count})"))
        .collect::<Vec<_>>()
        .join(separator)
}
