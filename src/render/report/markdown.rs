//! The report as Markdown: the same numbers and tables as the HTML page, without
//! charts or the annotated text (readable in a diff, a pull request, a terminal).

use std::fmt::Write;

use crate::aggregate::registry::{Registry, SourceRow};
use crate::render::escape::markdown_cell;
use crate::render::table::excerpt;

use super::document::{ClaimRow, Document, Summary};
use super::{Section, WEAK_SCORE};

/// Widest claim excerpt in a table.
const CLAIM_EXCERPT: usize = 160;

/// The whole report: overview, shared sources, then each document.
pub fn report(sections: &[Section], totals: &Summary, registry: &Registry) -> String {
    let mut out = String::from("# Sourcing report\n\n");
    let _ = writeln!(
        out,
        "{} documents, {} claims, {} attributed. Claims scoring below {WEAK_SCORE:.2} or with no source are listed to follow up; the score says how well a claim is sourced, not whether it is true.\n",
        sections.len(),
        totals.claims,
        totals.attributed,
    );
    out.push_str("## Across documents\n\n");
    out.push_str("| document | claims | attributed | on named sources | on anonymous sources | hedged | to follow up |\n");
    out.push_str("|---|---:|---:|---:|---:|---:|---:|\n");
    for section in sections {
        let summary = &section.summary;
        let _ = writeln!(
            out,
            "| [{}](#{}) | {} | {} | {} | {} | {} | {} |",
            markdown_cell(&section.doc),
            section.anchor,
            summary.claims,
            summary.attributed,
            summary.named,
            summary.anonymous,
            summary.hedged,
            section.follow_up,
        );
    }
    out.push_str("\n### Sources cited by more than one document\n\n");
    let shared: Vec<&SourceRow> = registry
        .rows()
        .into_iter()
        .filter(|row| row.documents > 1)
        .collect();
    if shared.is_empty() {
        out.push_str("None.\n");
    } else {
        out.push_str(
            "| source | type | claims | documents | cited in |\n|---|---|---:|---:|---|\n",
        );
        for row in shared {
            let cited: Vec<&str> = row.cited_in.iter().map(String::as_str).collect();
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                markdown_cell(&row.name),
                row.source_type.as_str(),
                row.claims,
                row.documents,
                markdown_cell(&cited.join(", ")),
            );
        }
    }
    for section in sections {
        out.push('\n');
        out.push_str(&section.markdown);
    }
    out
}

/// One document's section.
pub fn document(document: &Document) -> String {
    let summary = &document.summary;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<a id=\"{}\"></a>\n\n## {}\n",
        document.anchor,
        markdown_cell(document.doc)
    );
    let _ = writeln!(out, "- Claims: {}", summary.claims);
    let _ = writeln!(out, "- Attributed: {}", summary.attributed);
    let _ = writeln!(
        out,
        "- On named sources (person, organization, publication): {} of attributed",
        summary.named
    );
    let _ = writeln!(
        out,
        "- On anonymous sources: {} of attributed",
        summary.anonymous
    );
    let _ = writeln!(
        out,
        "- On documents: {}; on unknown sources: {}",
        summary.documents, summary.unknown
    );
    let _ = writeln!(out, "- Hedged: {}", summary.hedged);
    let _ = writeln!(out, "- To follow up: {}\n", document.follow_up.len());

    out.push_str("### Claims and their sources\n\n");
    if document.claims.is_empty() {
        out.push_str("No claim found.\n\n");
    } else {
        out.push_str("| # | kind | source (type) | cue | claim | markers | score |\n");
        out.push_str("|---:|---|---|---|---|---|---:|\n");
        for row in &document.claims {
            out.push_str(&claim_line(row));
        }
        out.push('\n');
    }

    out.push_str("### To follow up\n\n");
    if document.follow_up.is_empty() {
        out.push_str("Every claim has a source scoring at least ");
        let _ = writeln!(out, "{WEAK_SCORE:.2}.\n");
    } else {
        out.push_str("| # | score | source | claim | why |\n|---:|---:|---|---|---|\n");
        for row in document
            .follow_up
            .iter()
            .map(|index| &document.claims[*index])
        {
            let _ = writeln!(
                out,
                "| {} | {:.2} | {} | {} | {} |",
                row.number,
                row.score,
                markdown_cell(row.source.as_deref().unwrap_or("no source")),
                markdown_cell(&excerpt(&row.claim, CLAIM_EXCERPT)),
                markdown_cell(&row.reasons),
            );
        }
        out.push('\n');
    }

    out.push_str("### Sources\n\n");
    if document.sources.is_empty() {
        out.push_str("No source found.\n");
    } else {
        out.push_str(
            "| source | type | claims | direct quotes | markers |\n|---|---|---:|---:|---|\n",
        );
        for row in &document.sources {
            let markers: Vec<String> = row
                .markers
                .iter()
                .map(|(kind, count)| format!("{} {count}", kind.as_str()))
                .collect();
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                markdown_cell(&row.name),
                row.source_type.as_str(),
                row.claims,
                row.direct_quotes,
                markers.join(", "),
            );
        }
    }
    out
}

/// One row of the claims table.
fn claim_line(row: &ClaimRow) -> String {
    let source = match (&row.source, row.source_type) {
        (Some(source), Some(kind)) => format!("{source} ({})", kind.as_str()),
        _ => "—".to_string(),
    };
    format!(
        "| {} | {} | {} | {} | {} | {} | {:.2} |\n",
        row.number,
        row.kind.as_str(),
        markdown_cell(&source),
        markdown_cell(row.cue.as_deref().unwrap_or("—")),
        markdown_cell(&excerpt(&row.claim, CLAIM_EXCERPT)),
        markdown_cell(&row.markers),
        row.score,
    )
}
