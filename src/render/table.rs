//! The attributions of one document as a terminal table.

use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};

use crate::pipeline::Extraction;
use crate::record::records;

/// Widest claim excerpt shown in a table cell.
const CLAIM_EXCERPT: usize = 90;

/// One row per attribution: kind, source and type, cue, claim excerpt, markers, score.
pub fn extraction_table(extraction: &Extraction) -> Table {
    let mut table = Table::new();
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
