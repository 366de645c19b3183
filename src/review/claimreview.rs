//! schema.org ClaimReview JSON-LD for the claims a fact-checker settled.

use serde_json::{Value, json};

use crate::model::SourceType;
use crate::record::Status;
use crate::review::file::{Entry, EntrySource, ReviewFile};

/// Ratings on schema.org's usual 1–5 scale; only settled verdicts are published.
fn rating(status: Status) -> Option<(u8, &'static str)> {
    match status {
        Status::Verified => Some((5, "Verified")),
        Status::Disputed => Some((1, "Disputed")),
        Status::Unreviewed | Status::Unverifiable | Status::NeedsSource | Status::NotCheckable => {
            None
        }
    }
}

/// One ClaimReview per verified or disputed claim (not those under `removed`).
pub fn claim_reviews(file: &ReviewFile) -> Vec<Value> {
    file.claims.iter().filter_map(claim_review).collect()
}

fn claim_review(entry: &Entry) -> Option<Value> {
    let (value, name) = rating(entry.status)?;
    let mut claim = json!({"@type": "Claim"});
    if let Some(source) = &entry.source {
        claim["author"] = author(source);
    }
    if let Some(doc) = &entry.doc {
        claim["appearance"] = json!({"@type": "CreativeWork", "name": doc});
    }
    let mut review = json!({
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "identifier": entry.id,
        "claimReviewed": entry.claim_text.as_deref().unwrap_or_default(),
        "itemReviewed": claim,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": value,
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": name,
        },
    });
    if !entry.note.is_empty() {
        review["reviewBody"] = entry.note.clone().into();
    }
    if !entry.reviewer.is_empty() {
        review["author"] = json!({"@type": "Person", "name": entry.reviewer});
    }
    Some(review)
}

/// The source as a schema.org author: people (named or not) are Persons, outlets
/// Organizations, documents CreativeWorks.
fn author(source: &EntrySource) -> Value {
    let kind = match source.source_type {
        SourceType::Person | SourceType::Anonymous => "Person",
        SourceType::Organization | SourceType::Publication => "Organization",
        SourceType::Document => "CreativeWork",
        SourceType::Unknown => "Thing",
    };
    json!({"@type": kind, "name": source.shown()})
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::file::load_review;

    #[test]
    fn settled_claims_become_claim_reviews() {
        let text = "\
claims:
- id: c-1
  doc: a.txt
  claim: {text: The plan failed.}
  source: {text: the ministry, type: organization, name: Ministry of Finance}
  review: {status: disputed, note: It succeeded., reviewer: Ann}
- id: c-2
  claim: {text: It rained.}
  source: null
  review: {status: verified}
- id: c-3
  review: {status: needs-source}
";
        let reviews = claim_reviews(&load_review(text.as_bytes()).unwrap());
        assert_eq!(reviews.len(), 2);
        let first = &reviews[0];
        assert_eq!(first["@type"], "ClaimReview");
        assert_eq!(first["claimReviewed"], "The plan failed.");
        assert_eq!(first["itemReviewed"]["author"]["@type"], "Organization");
        assert_eq!(
            first["itemReviewed"]["author"]["name"],
            "Ministry of Finance"
        );
        assert_eq!(first["reviewRating"]["ratingValue"], 1);
        assert_eq!(first["reviewBody"], "It succeeded.");
        assert_eq!(first["author"]["name"], "Ann");
        assert!(reviews[1]["itemReviewed"].get("author").is_none());
        assert_eq!(reviews[1]["reviewRating"]["alternateName"], "Verified");
    }
}
