//! The review document: every record with the reasons for its score and a
//! `review` mapping a fact-checker fills in (status, note, reviewer).

use serde::{Deserialize, Serialize};

use super::{Record, records};
use crate::assess::score::explain;
use crate::pipeline::Extraction;

/// Where a claim stands in review. Anything else in a review file is refused, so a
/// typo ("verifed") cannot silently count as unreviewed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Unreviewed,
    Verified,
    Disputed,
    Unverifiable,
    NeedsSource,
    /// Narration or opinion that asserts nothing a source could back.
    NotCheckable,
}

impl Status {
    /// Every status, in report order.
    pub const ALL: [Status; 6] = [
        Status::Unreviewed,
        Status::Verified,
        Status::Disputed,
        Status::Unverifiable,
        Status::NeedsSource,
        Status::NotCheckable,
    ];

    /// The kebab-case name used in files and output.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Unreviewed => "unreviewed",
            Status::Verified => "verified",
            Status::Disputed => "disputed",
            Status::Unverifiable => "unverifiable",
            Status::NeedsSource => "needs-source",
            Status::NotCheckable => "not-checkable",
        }
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The review mapping of a claim nobody has looked at yet.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Review {
    pub status: Status,
    pub note: String,
    pub reviewer: String,
}

impl Default for Review {
    fn default() -> Self {
        Review {
            status: Status::Unreviewed,
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
                reasons: explain(&extraction.text, attribution),
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_serde() {
        for status in Status::ALL {
            let yaml = serde_yaml::to_string(&status).unwrap_or_default();
            assert_eq!(yaml.trim(), status.as_str());
        }
        assert!(serde_yaml::from_str::<Status>("verifed").is_err());
    }
}
