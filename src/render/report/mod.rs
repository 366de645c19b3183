//! The editor's report: per document a summary, the claims with their sources, the
//! claims to follow up and (HTML) the annotated text; across documents charts and
//! the sources they share. Markdown and one self-contained HTML page.
//!
//! Each document's section is rendered as soon as it arrives and the extraction
//! dropped, so memory holds the report, not the corpus. Nothing in the output
//! depends on the time or the machine: the same input gives the same bytes.

mod document;
mod html;
mod markdown;
mod svg;

use crate::aggregate::Stats;
use crate::aggregate::registry::Registry;
use crate::pipeline::Extraction;
use crate::record::records;
use document::{Document, Summary};

/// Claims scoring below this are "weakly sourced" and listed to follow up
/// (a bare anonymous source scores 0.45; a named person 0.80).
pub const WEAK_SCORE: f64 = 0.5;

/// One document's part of the report, already rendered.
#[derive(Debug, Clone)]
struct Section {
    doc: String,
    anchor: String,
    stats: Stats,
    summary: Summary,
    follow_up: usize,
    markdown: String,
    html: String,
}

/// Gathers documents one by one, then writes the report.
#[derive(Debug, Clone, Default)]
pub struct ReportBuilder {
    sections: Vec<Section>,
    registry: Registry,
}

impl ReportBuilder {
    /// Adds one document (in the order given: the report keeps it).
    pub fn add(&mut self, extraction: &Extraction) {
        let records = records(extraction);
        for record in &records {
            self.registry.add(record);
        }
        let anchor = format!("doc-{}", self.sections.len() + 1);
        let document = Document::new(extraction, &records, &anchor);
        self.sections.push(Section {
            doc: extraction.doc.clone(),
            anchor: anchor.clone(),
            stats: document.stats.clone(),
            summary: document.summary.clone(),
            follow_up: document.follow_up.len(),
            markdown: markdown::document(&document),
            html: html::document(&document),
        });
    }

    /// The report as Markdown.
    pub fn markdown(&self) -> String {
        markdown::report(&self.sections, &self.totals(), &self.registry)
    }

    /// The report as one self-contained HTML page.
    pub fn html(&self) -> String {
        html::report(&self.sections, &self.totals(), &self.registry)
    }

    /// The summary of every document taken together.
    fn totals(&self) -> Summary {
        let mut all = Stats::default();
        for section in &self.sections {
            all.merge(&section.stats);
        }
        Summary::of(&all)
    }
}
