//! The comparison as Markdown tables, for a pull request or a notebook.

use super::{Comparison, ROWS, TOP_SOURCES_LABEL, cited_in, shared_heading, top_sources};
use crate::render::escape::markdown_cell;

/// The columns table, then a "Sources cited by more than one …" section.
pub fn compare_markdown(comparison: &Comparison) -> String {
    let shown = comparison.shown();
    let mut out = String::from("|  |");
    for (name, _) in &shown {
        out.push_str(&format!(" {} |", markdown_cell(name)));
    }
    out.push_str("\n|---|");
    out.push_str(&"---:|".repeat(shown.len()));
    out.push('\n');
    for (label, value) in ROWS {
        let cells: Vec<String> = shown.iter().map(|(_, stats)| value(stats)).collect();
        out.push_str(&row(label, &cells));
    }
    let tops: Vec<String> = shown
        .iter()
        .map(|(_, stats)| top_sources(stats, ", "))
        .collect();
    out.push_str(&row(TOP_SOURCES_LABEL, &tops));
    out.push_str(&format!("\n## {}\n\n", shared_heading(comparison)));
    if comparison.shared_sources.is_empty() {
        out.push_str("None.\n");
        return out;
    }
    out.push_str("| source | type | claims | cited in |\n|---|---|---:|---|\n");
    for source in &comparison.shared_sources {
        out.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            markdown_cell(&source.name),
            source.source_type.as_str(),
            source.claims,
            markdown_cell(&cited_in(comparison, source, ", ")),
        ));
    }
    out
}

/// One table row, every cell escaped.
fn row(label: &str, cells: &[String]) -> String {
    let mut line = format!("| {} |", markdown_cell(label));
    for cell in cells {
        line.push_str(&format!(" {} |", markdown_cell(cell)));
    }
    line.push('\n');
    line
}
