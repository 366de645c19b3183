//! The YAML review document: records plus a `review` mapping a human fills in.

use std::io::Write;

use serde::Serialize;

use crate::pipeline::Extraction;
use crate::render::record::{Record, records};

/// What a fact-checker writes about a claim.
#[derive(Debug, Clone, Serialize)]
pub struct Review {
    pub status: String,
    pub note: String,
    pub reviewer: String,
}

impl Default for Review {
    fn default() -> Self {
        Review {
            status: "unreviewed".into(),
            note: String::new(),
            reviewer: String::new(),
        }
    }
}

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

/// The header comment: YAML comments do not survive a merge, notes do.
const HEADER: &str = "\
# claimtrace review file.
# Set each claim's review.status to one of: unreviewed, verified, disputed,
# unverifiable, needs-source. Write notes in review.note: comments like this one
# are not kept when the file is merged onto a new draft.
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
                reasons: attribution.reasons.clone(),
                review: Review::default(),
            });
        self.claims.extend(reviewed);
    }

    /// Writes the header comment and the document.
    pub fn write(self, out: &mut dyn Write) -> anyhow::Result<()> {
        let document = ReviewDocument {
            claimtrace: env!("CARGO_PKG_VERSION").to_string(),
            documents: self.documents,
            claims: self.claims,
        };
        out.write_all(HEADER.as_bytes())?;
        serde_yaml::to_writer(&mut *out, &document)?;
        Ok(())
    }
}
