//! The report as Markdown: the same numbers and tables as the HTML page, without
//! charts or the annotated text (readable in a diff, a pull request, a terminal).

use std::fmt::Write;

use crate::render::escape::markdown_cell;
use crate::render::table::excerpt;

use super::document::{ClaimRow, Document};
use super::{Entry, Held, LISTED_DOCUMENTS, Overview, PAGES_FOLDER, WEAK_SCORE};

/// Widest claim excerpt in a table.
const CLAIM_EXCERPT: usize = 160;

/// The report: the overview (document list and shared sources), then (on one
/// page) each document's section.
pub fn report(overview: &Overview, held: &[Held]) -> String {
    let mut out = String::from("# Sourcing report\n\n");
    let _ = writeln!(
        out,
        "{} documents, {} claims, {} attributed. Claims scoring below {WEAK_SCORE:.2} or with no source are listed to follow up; the score says how well a claim is sourced, not whether it is true.\n",
        overview.entries.len(),
        overview.totals.claims,
        overview.totals.attributed,
    );
    out.push_str("## Across documents\n\n");
    out.push_str(
        "### Documents\n\nBy what needs attention first: most claims with no source or an \
         anonymous one, then most to follow up.\n\n",
    );
    let first = &overview.listed[..overview.listed.len().min(LISTED_DOCUMENTS)];
    out.push_str(&documents_table(overview, first, ""));
    if overview.list_pages() > 1 {
        out.push_str(&list_links(overview, PAGES_FOLDER, 1));
    }
    out.push_str(&shared_sources(overview));
    for section in held {
        out.push('\n');
        out.push_str(&section.markdown);
    }
    out
}

/// A page of the document list beyond the overview's, from number `first`.
pub fn list_page(overview: &Overview, listed: &[&Entry], first: usize) -> String {
    let last = first + listed.len() - 1;
    let mut out = format!(
        "[← Sourcing report](../report.md)\n\n# Documents {first}–{last} of {}\n\n",
        overview.listed.len()
    );
    out.push_str(&documents_table(overview, listed, "../"));
    out.push_str(&list_links(
        overview,
        ".",
        (first - 1) / LISTED_DOCUMENTS + 1,
    ));
    out
}

/// A document's own page.
pub fn document_page(section: &str) -> String {
    format!("[← Sourcing report](../report.md)\n\n{section}")
}

/// Links to every page of the document list (see `Overview::list_links`).
fn list_links(overview: &Overview, folder: &str, current: usize) -> String {
    let links: Vec<String> = (overview.list_links(folder, current, "md").into_iter())
        .map(|(range, href)| match href {
            Some(href) => format!("[{range}]({href})"),
            None => format!("**{range}**"),
        })
        .collect();
    format!("\nAll documents: {}\n", links.join(" "))
}

/// The documents' headline numbers, one row each, linking to each document.
fn documents_table(overview: &Overview, listed: &[&Entry], prefix: &str) -> String {
    let mut out = String::from(
        "| document | claims | no source | on anonymous sources | on named sources | hedged | to follow up |\n\
         |---|---:|---:|---:|---:|---:|---:|\n",
    );
    for entry in listed {
        let summary = &entry.summary;
        let _ = writeln!(
            out,
            "| [{}]({prefix}{}) | {} | {} | {} | {} | {} | {} |",
            markdown_cell(&entry.doc),
            overview.link(entry, "md"),
            summary.claims,
            summary.unsourced,
            summary.anonymous,
            summary.named,
            summary.hedged,
            entry.follow_up,
        );
    }
    out
}

/// Sources cited by more than one document, the most cited first.
fn shared_sources(overview: &Overview) -> String {
    let mut out = String::from("\n### Sources cited by more than one document\n\n");
    let (shared, total) = overview.shared_sources();
    if shared.is_empty() {
        out.push_str("None.\n");
        return out;
    }
    out.push_str("| source | type | claims | documents | cited in |\n|---|---|---:|---:|---|\n");
    for (row, cited) in &shared {
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
    if total > shared.len() {
        let _ = writeln!(
            out,
            "\nThe {} most cited of {total} shared sources.",
            shared.len()
        );
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
    let _ = writeln!(out, "- By what the cue reports: {}", summary.by_cue_kind);
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
