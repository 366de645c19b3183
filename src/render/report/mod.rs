//! The editor's report: per document a summary, the claims with their sources, the
//! claims to follow up and (HTML) the annotated text; across documents the
//! documents by what needs attention first, charts and the sources they share.
//! Markdown and self-contained HTML.
//!
//! A small report is one page (`report.html`, `report.md`). A larger one — more
//! than [`ONE_PAGE_DOCUMENTS`] documents, or more than [`ONE_PAGE_BYTES`] of
//! sections — is an overview page linking to a page per document under `docs/`,
//! so that no file grows with the corpus. Each document's section is rendered as
//! it arrives and the extraction dropped; once the report is paged, its pages are
//! handed back to be written at once, so memory holds one line per document, not
//! the corpus. Nothing in the output depends on the time or the machine.

mod document;
mod html;
mod markdown;
mod svg;

use crate::aggregate::Stats;
use crate::aggregate::registry::{Registry, SourceRow, kept_per_document};
use crate::pipeline::Extraction;
use crate::record::records;
use document::{Document, Summary};

/// Claims scoring below this are "weakly sourced" and listed to follow up
/// (a bare anonymous source scores 0.45; a named person 0.80).
pub const WEAK_SCORE: f64 = 0.5;

/// The most documents a report holds on one page.
pub const ONE_PAGE_DOCUMENTS: usize = 20;

/// The most bytes of document sections (HTML) a report holds on one page.
pub const ONE_PAGE_BYTES: usize = 2 * 1024 * 1024;

/// The most documents the overview page lists; the rest of the list is on
/// pages of as many (`docs/list-2.html` …).
pub const LISTED_DOCUMENTS: usize = 1000;

/// The most shared sources the overview lists, and documents it names for each.
pub const SHARED_SOURCES: usize = 100;
pub const CITED_IN: usize = 10;

/// The folder, inside the report's, of the pages of a paged report.
pub const PAGES_FOLDER: &str = "docs";

/// A file of the report: its path relative to the report's folder, and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub path: String,
    pub text: String,
}

/// What the report knows of a document once its section is rendered.
#[derive(Debug, Clone)]
struct Entry {
    doc: String,
    /// `doc-N`: the HTML id of its section, and the name of its pages.
    anchor: String,
    publisher: Option<String>,
    /// Its statistics without the per-source tables (the charts read counts only).
    stats: Stats,
    summary: Summary,
    follow_up: usize,
}

impl Entry {
    /// What needs attention first: most claims with no source or an anonymous one,
    /// then most to follow up; ties in input order.
    fn attention(&self) -> (std::cmp::Reverse<usize>, std::cmp::Reverse<usize>) {
        (
            std::cmp::Reverse(self.stats.unattributed + self.stats.anonymous_claims),
            std::cmp::Reverse(self.follow_up),
        )
    }
}

/// A rendered section, held while the report still fits on one page.
#[derive(Debug, Clone)]
struct Held {
    doc: String,
    anchor: String,
    markdown: String,
    html: String,
}

/// Gathers documents one by one, then writes the report.
#[derive(Debug, Clone, Default)]
pub struct ReportBuilder {
    entries: Vec<Entry>,
    /// The sources that can be shared between documents (named ones).
    registry: Registry,
    totals: Stats,
    held: Vec<Held>,
    held_bytes: usize,
    paged: bool,
}

impl ReportBuilder {
    /// Adds one document (in the order given: the report keeps it). Returns the
    /// pages to write now: none while the report fits on one page; when it
    /// outgrows it, the page of every document so far, then each new one's.
    pub fn add(&mut self, extraction: &Extraction) -> Vec<Page> {
        let records = records(extraction);
        for record in &records {
            // Anonymous sources and documents are kept apart per document by
            // the registry, so they are never shared: not worth holding.
            if record
                .source
                .as_ref()
                .is_some_and(|source| !kept_per_document(source.source_type))
            {
                self.registry.add(record);
            }
        }
        let anchor = format!("doc-{}", self.entries.len() + 1);
        let document = Document::new(extraction, &records, &anchor);
        let stats = counts_only(&document.stats);
        self.totals.merge(&stats);
        self.entries.push(Entry {
            doc: extraction.doc.clone(),
            anchor: anchor.clone(),
            publisher: extraction.meta.publisher.clone(),
            stats,
            summary: document.summary.clone(),
            follow_up: document.follow_up.len(),
        });
        let held = Held {
            doc: extraction.doc.clone(),
            anchor: anchor.clone(),
            markdown: markdown::document(&document),
            html: html::document(&document),
        };
        if self.paged {
            return pages(&held);
        }
        self.held_bytes += held.html.len();
        self.held.push(held);
        if self.held.len() > ONE_PAGE_DOCUMENTS || self.held_bytes > ONE_PAGE_BYTES {
            self.paged = true;
            self.held_bytes = 0;
            return std::mem::take(&mut self.held)
                .iter()
                .flat_map(pages)
                .collect();
        }
        Vec::new()
    }

    /// Whether the report is paged: an overview and a page per document.
    pub fn is_paged(&self) -> bool {
        self.paged
    }

    /// The documents added so far.
    pub fn documents(&self) -> usize {
        self.entries.len()
    }

    /// The remaining files: `report.md` and `report.html` (the whole report, or
    /// the overview of a paged one) and the pages of the document list beyond
    /// the overview's.
    pub fn finish(self) -> Vec<Page> {
        let mut order: Vec<usize> = (0..self.entries.len()).collect();
        order.sort_by_key(|&index| (self.entries[index].attention(), index));
        let listed: Vec<&Entry> = order.iter().map(|&index| &self.entries[index]).collect();
        let report = Overview {
            entries: &self.entries,
            listed: &listed,
            totals: Summary::of(&self.totals),
            registry: &self.registry,
            paged: self.paged,
        };
        let mut files = vec![
            Page {
                path: "report.md".into(),
                text: markdown::report(&report, &self.held),
            },
            Page {
                path: "report.html".into(),
                text: html::report(&report, &self.held),
            },
        ];
        for (number, chunk) in listed.chunks(LISTED_DOCUMENTS).enumerate().skip(1) {
            let page = number + 1;
            let first = number * LISTED_DOCUMENTS + 1;
            files.push(Page {
                path: format!("{PAGES_FOLDER}/list-{page}.md"),
                text: markdown::list_page(&report, chunk, first),
            });
            files.push(Page {
                path: format!("{PAGES_FOLDER}/list-{page}.html"),
                text: html::list_page(&report, chunk, first),
            });
        }
        files
    }
}

/// What the overview shows: every document, the list in attention order, the
/// totals and the shared sources.
struct Overview<'r> {
    /// In input order.
    entries: &'r [Entry],
    /// In attention order.
    listed: &'r [&'r Entry],
    totals: Summary,
    registry: &'r Registry,
    paged: bool,
}

impl Overview<'_> {
    /// Where the overview links a document: its section, or its page.
    fn link(&self, entry: &Entry, extension: &str) -> String {
        if self.paged {
            format!("{PAGES_FOLDER}/{}.{extension}", entry.anchor)
        } else {
            format!("#{}", entry.anchor)
        }
    }

    /// The number of pages the document list takes.
    fn list_pages(&self) -> usize {
        self.listed.len().div_ceil(LISTED_DOCUMENTS).max(1)
    }

    /// The pages of the document list as seen from page `current` (1: the
    /// overview), which is in `folder` relative to the list pages (`docs` from
    /// the overview, `.` from a list page): each page's range, "1001–2000", and
    /// its link, `None` for the page itself.
    fn list_links(
        &self,
        folder: &str,
        current: usize,
        extension: &str,
    ) -> Vec<(String, Option<String>)> {
        let total = self.listed.len();
        (1..=self.list_pages())
            .map(|page| {
                let first = (page - 1) * LISTED_DOCUMENTS + 1;
                let last = (page * LISTED_DOCUMENTS).min(total);
                let href = match page {
                    _ if page == current => None,
                    1 => Some(format!("../report.{extension}")),
                    _ => Some(format!("{folder}/list-{page}.{extension}")),
                };
                (format!("{first}–{last}"), href)
            })
            .collect()
    }

    /// The sources cited by more than one document that the overview lists (the
    /// [`SHARED_SOURCES`] most cited), each with the documents it names (at most
    /// [`CITED_IN`], then "and N more"); and how many are shared in all.
    fn shared_sources(&self) -> (Vec<(&SourceRow, Vec<String>)>, usize) {
        let shared: Vec<&SourceRow> = self
            .registry
            .rows()
            .into_iter()
            .filter(|row| row.documents > 1)
            .collect();
        let total = shared.len();
        let listed = shared
            .into_iter()
            .take(SHARED_SOURCES)
            .map(|row| {
                let mut cited: Vec<String> = row.cited_in.iter().take(CITED_IN).cloned().collect();
                if row.cited_in.len() > CITED_IN {
                    cited.push(format!("and {} more", row.cited_in.len() - CITED_IN));
                }
                (row, cited)
            })
            .collect();
        (listed, total)
    }
}

/// A held section's own pages, `docs/doc-N.md` and `docs/doc-N.html`.
fn pages(held: &Held) -> Vec<Page> {
    vec![
        Page {
            path: format!("{PAGES_FOLDER}/{}.md", held.anchor),
            text: markdown::document_page(&held.markdown),
        },
        Page {
            path: format!("{PAGES_FOLDER}/{}.html", held.anchor),
            text: html::document_page(&held.doc, &held.html),
        },
    ]
}

/// `stats` without its per-source tables: what the overview needs of a document,
/// a few hundred bytes whatever its size.
fn counts_only(stats: &Stats) -> Stats {
    Stats {
        sources_by_type: Default::default(),
        claims_by_source: Default::default(),
        source_names: Default::default(),
        ..stats.clone()
    }
}
