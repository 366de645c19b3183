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

/// Writes the review document of `extractions`.
pub fn write_review(out: &mut dyn Write, extractions: &[Extraction]) -> anyhow::Result<()> {
    let document = ReviewDocument {
        claimtrace: env!("CARGO_PKG_VERSION").to_string(),
        documents: extractions.iter().map(|e| e.doc.clone()).collect(),
        claims: extractions
            .iter()
            .flat_map(|extraction| {
                records(extraction)
                    .into_iter()
                    .zip(&extraction.attributions)
            })
            .map(|(record, attribution)| ReviewedRecord {
                record,
                reasons: attribution.reasons.clone(),
                review: Review::default(),
            })
            .collect(),
    };
    out.write_all(HEADER.as_bytes())?;
    serde_yaml::to_writer(&mut *out, &document)?;
    Ok(())
}
