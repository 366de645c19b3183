//! The YAML review document: records plus a `review` mapping a human fills in.

use std::io::Write;

use serde::Serialize;

use crate::pipeline::Extraction;
use crate::render::record::{Record, records};
pub use crate::review::status::{Review, Status};

/// A record with the reasons for its score and its review.
#[derive(Debug, Clone, Serialize)]
pub struct ReviewedRecord {
    #[serde(flatten)]
    pub record: Record,
    /// What moved the score (not read back: regenerated on every run).
    pub reasons: Vec<String>,
    pub review: Review,
}

/// The whole review document.
#[derive(Debug, Clone, Serialize)]
pub struct ReviewDocument {
    pub claimtrace: String,
    pub documents: Vec<String>,
    pub claims: Vec<ReviewedRecord>,
}

/// The header comment: YAML comments do not survive a merge, review fields do.
const HEADER: &str = "\
# claimtrace review file.
# Set each claim's review.status to one of: unreviewed, verified, disputed,
# unverifiable, needs-source. Write notes in review.note and your name in
# review.reviewer; other keys you add (a ticket, a second reviewer) are kept.
# Comments like this one are not kept when `claimtrace review merge` carries the
# reviews over to a new draft. Claims under `removed` are no longer in the text;
# their reviews are kept there.
";

/// Gathers the review document document by document.
#[derive(Debug, Clone, Default)]
pub struct ReviewBuilder {
    documents: Vec<String>,
    claims: Vec<ReviewedRecord>,
}

impl ReviewBuilder {
    /// Adds one document's claims, each unreviewed.
    pub fn add(&mut self, extraction: &Extraction) {
        self.documents.push(extraction.doc.clone());
        let reviewed = records(extraction)
            .into_iter()
            .zip(&extraction.attributions)
            .map(|(record, attribution)| ReviewedRecord {
                record,
                reasons: crate::assess::score::explain(&extraction.text, attribution),
                review: Review::default(),
            });
        self.claims.extend(reviewed);
    }

    /// The document gathered so far.
    pub fn finish(self) -> ReviewDocument {
        ReviewDocument {
            claimtrace: env!("CARGO_PKG_VERSION").to_string(),
            documents: self.documents,
            claims: self.claims,
        }
    }

    /// Writes the header comment and the document.
    pub fn write(self, out: &mut dyn Write) -> anyhow::Result<()> {
        write_review(out, &self.finish())
    }
}

/// Writes a review document (fresh or merged) with its header comment.
pub fn write_review(out: &mut dyn Write, document: &impl Serialize) -> anyhow::Result<()> {
    out.write_all(HEADER.as_bytes())?;
    serde_yaml::to_writer(&mut *out, document)?;
    Ok(())
}
