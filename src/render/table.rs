//! The attributions of one document as a terminal table.

use comfy_table::{
    ColumnConstraint, ContentArrangement, Table, Width, presets::UTF8_FULL_CONDENSED,
};

use crate::pipeline::Extraction;
use crate::record::records;

/// Widest claim excerpt shown in a table cell.
const CLAIM_EXCERPT: usize = 90;

/// How `extract` lays out its tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Layout {
    /// Fit each table to this many columns (a terminal's width), wrapping cells;
    /// `None`: every cell on one line, however wide (pipes and files).
    pub width: Option<u16>,
    /// Head each table with its document's name (`== name ==`), as when several
    /// documents are read.
    pub headed: bool,
}

/// Fits `table` to `width` columns, wrapping cells, or with `None` lays it out
/// whole whatever the terminal (comfy-table would otherwise ask the terminal
/// itself): the one place that decides how wide a table is.
pub fn fit(table: &mut Table, width: Option<u16>) {
    match width {
        Some(width) => table
            .set_width(width)
            .set_content_arrangement(ContentArrangement::Dynamic),
        None => table
            .force_no_tty()
            .set_content_arrangement(ContentArrangement::Disabled),
    };
}

/// The widest line of a rendered table, in characters (the table's own
/// characters are one column each).
pub fn widest_line(rendered: &str) -> usize {
    rendered
        .lines()
        .map(|line| line.chars().count())
        .max()
        .unwrap_or(0)
}

/// The share of a narrow table's width the claim column keeps when the table is
/// wrapped, so that claims do not wrap to a few words a line beside short cues.
const CLAIM_SHARE: u16 = 35;

/// One row per attribution: kind, source and type, cue, claim excerpt, markers,
/// score; fitted to `width` columns (see [`fit`]).
pub fn extraction_table(extraction: &Extraction, width: Option<u16>) -> Table {
    let mut table = attributions_table(extraction);
    if let Some(width) = width
        && widest_line(&table.to_string()) > usize::from(width)
        && let Some(claim) = table.column_mut(4)
    {
        claim.set_constraint(ColumnConstraint::LowerBoundary(Width::Percentage(
            CLAIM_SHARE,
        )));
    }
    fit(&mut table, width);
    table
}

/// The rows of [`extraction_table`], laid out whole.
fn attributions_table(extraction: &Extraction) -> Table {
    let mut table = Table::new();
    table.force_no_tty();
    table
        .load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(vec![
            "#",
            "kind",
            "source (type)",
            "cue",
            "claim",
            "markers",
            "score",
        ]);
    for (index, record) in records(extraction).iter().enumerate() {
        let source = record.source.as_ref().map_or_else(
            || "—".to_string(),
            |source| {
                let mut shown = format!("{} ({})", source.text, source.source_type.as_str());
                for relay in &source.via {
                    shown.push_str(&format!(" via {}", relay.text));
                }
                shown
            },
        );
        let cue = record.cue.as_ref().map_or("—", |cue| cue.text.as_str());
        let markers: Vec<String> = record
            .markers
            .iter()
            .map(|marker| format!("{}: {}", marker.kind.as_str(), marker.text))
            .collect();
        table.add_row(vec![
            (index + 1).to_string(),
            record.kind.as_str().to_string(),
            source,
            cue.to_string(),
            excerpt(&record.claim.text, CLAIM_EXCERPT),
            markers.join("; "),
            format!("{:.2}", record.score),
        ]);
    }
    table
}

/// The first `max` characters of `text` on one line, with "…" when cut.
pub fn excerpt(text: &str, max: usize) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let cut: String = flat.chars().take(max.saturating_sub(1)).collect();
    format!("{cut}…")
}

/// `text` broken at spaces into lines of at most `width` characters (a longer
/// word stays whole on its own line).
pub fn wrap_words(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = 0;
    for word in text.split_whitespace() {
        let length = word.chars().count();
        if line > 0 && line + 1 + length > width {
            out.push('\n');
            line = 0;
        } else if line > 0 {
            out.push(' ');
            line += 1;
        }
        out.push_str(word);
        line += length;
    }
    out
}
