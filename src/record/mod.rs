//! The output contract (README, "Output contract"): one serializable record per
//! attribution with its stable claim id, and the review document built of them.
//! Aggregate, render and review all read it; none of them owns it.

pub mod ids;
pub mod review;

use std::borrow::{BorrowMut, Cow};

use serde::{Deserialize, Serialize};

use crate::model::{Attribution, ClaimForm, CueKind, Kind, MarkerKind, SourceType};
use crate::pipeline::Extraction;
use crate::span::Span;

pub use ids::{ClaimIds, claim_id, normalize_claim};
pub use review::{Review, ReviewBuilder, ReviewDocument, ReviewedRecord, Status};

/// A span with its text. The text type is `String` for records that stand on
/// their own (read back, kept, compared) and `Cow<str>` for records that borrow
/// from an extraction just to be written out; both serialize the same.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TextSpan<S = String> {
    pub text: S,
    pub start: usize,
    pub end: usize,
}

impl<S> TextSpan<S> {
    fn new<'e>(text: &'e str, span: Span, text_of: impl Fn(&'e str) -> S) -> Self {
        TextSpan {
            text: text_of(span.slice(text)),
            start: span.start,
            end: span.end,
        }
    }
}

/// What joins the parts of a claim in its text: `"A," … "B."`.
pub const PART_SEPARATOR: &str = " … ";

/// The claim of a record. A claim in parts (a quote interrupted by its
/// attribution: `"A," she said. "B."`) reads its parts joined by
/// [`PART_SEPARATOR`], covers them with `start..end`, and lists them in
/// `fragments`, as the gold corpus gives such a content; a claim of one part
/// has no `fragments` key.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimRecord<S = String> {
    pub text: S,
    pub start: usize,
    pub end: usize,
    #[serde(default = "Vec::new", skip_serializing_if = "Vec::is_empty")]
    pub fragments: Vec<TextSpan<S>>,
}

/// One link of a relay chain.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RelayRecord<S = String> {
    pub text: S,
    #[serde(rename = "type")]
    pub source_type: SourceType,
}

/// The source of a record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceRecord<S = String> {
    pub text: S,
    pub start: usize,
    pub end: usize,
    #[serde(rename = "type")]
    pub source_type: SourceType,
    pub name: Option<S>,
    pub via: Vec<RelayRecord<S>>,
}

/// A reliability marker of a record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MarkerRecord<S = String> {
    pub kind: MarkerKind,
    pub text: S,
    pub start: usize,
    pub end: usize,
}

/// One attribution, as written to JSONL, JSON and YAML.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record<S = String> {
    pub doc: S,
    pub id: String,
    pub kind: Kind,
    /// What the cue reports; none without a cue (read as none from records written
    /// before it was).
    #[serde(default)]
    pub cue_kind: Option<CueKind>,
    /// The claim's grammatical shape (read as none from records written before it
    /// was).
    #[serde(default)]
    pub claim_form: Option<ClaimForm>,
    pub claim: ClaimRecord<S>,
    pub cue: Option<TextSpan<S>>,
    pub source: Option<SourceRecord<S>>,
    pub markers: Vec<MarkerRecord<S>>,
    pub score: f64,
}

/// The records of one extraction, in text order.
pub fn records(extraction: &Extraction) -> Vec<Record> {
    let ids = ClaimIds::with_capacity(extraction.attributions.len());
    build_records(extraction.into(), ids, str::to_owned).collect()
}

/// The records of one extraction, in text order, borrowing their texts from it:
/// writing a record out needs no copy of its texts (but the text of a claim in
/// parts, which joins them).
pub fn borrowed_records(extraction: &Extraction) -> impl Iterator<Item = Record<Cow<'_, str>>> {
    let ids = ClaimIds::with_capacity(extraction.attributions.len());
    build_records(extraction.into(), ids, Cow::Borrowed)
}

/// Attributions of one document, or of one section of it, with where they point.
#[derive(Debug, Clone, Copy)]
pub struct Attributed<'e> {
    /// The document's name.
    pub doc: &'e str,
    pub text: &'e str,
    pub attributions: &'e [Attribution],
}

impl<'e> From<&'e Extraction> for Attributed<'e> {
    /// A whole extraction, as one section.
    fn from(extraction: &'e Extraction) -> Self {
        Attributed {
            doc: &extraction.doc,
            text: &extraction.text,
            attributions: &extraction.attributions,
        }
    }
}

/// The records of one section of a document's attributions, borrowing their texts;
/// `ids` numbers the document's claims across its sections.
pub fn section_records<'e>(
    section: Attributed<'e>,
    ids: &'e mut ClaimIds,
) -> impl Iterator<Item = Record<Cow<'e, str>>> {
    build_records(section, ids, Cow::Borrowed)
}

/// The records of `section` with every text made an `S` by `text_of` (and a
/// joined claim text by `From<String>`), their ids handed out by `ids` (owned, or
/// borrowed across a document's sections).
fn build_records<'e, S: From<String> + AsRef<str>>(
    section: Attributed<'e>,
    mut ids: impl BorrowMut<ClaimIds> + 'e,
    text_of: impl Fn(&'e str) -> S + 'e,
) -> impl Iterator<Item = Record<S>> + 'e {
    let Attributed {
        doc,
        text,
        attributions,
    } = section;
    attributions.iter().map(move |attribution| {
        let claim = claim_record(text, attribution, &text_of);
        let id = ids.borrow_mut().next(claim.text.as_ref());
        record(doc, text, attribution, claim, id, &text_of)
    })
}

/// The claim of one attribution of `text`: its parts joined, when it has parts.
fn claim_record<'e, S: From<String>>(
    text: &'e str,
    attribution: &'e Attribution,
    text_of: impl Fn(&'e str) -> S,
) -> ClaimRecord<S> {
    let claim = attribution.claim;
    let fragments: Vec<TextSpan<S>> = attribution
        .fragments
        .iter()
        .map(|&part| TextSpan::new(text, part, &text_of))
        .collect();
    let words = if attribution.fragments.is_empty() {
        text_of(claim.slice(text))
    } else {
        let parts: Vec<&str> = attribution
            .fragments
            .iter()
            .map(|part| part.slice(text))
            .collect();
        S::from(parts.join(PART_SEPARATOR))
    };
    ClaimRecord {
        text: words,
        start: claim.start,
        end: claim.end,
        fragments,
    }
}

/// The record of one attribution of `text`, in the document named `doc`.
fn record<'e, S>(
    doc: &'e str,
    text: &'e str,
    attribution: &'e Attribution,
    claim: ClaimRecord<S>,
    id: String,
    text_of: impl Fn(&'e str) -> S,
) -> Record<S> {
    Record {
        doc: text_of(doc),
        id,
        kind: attribution.kind,
        cue_kind: attribution.cue_kind,
        claim_form: Some(attribution.claim_form),
        claim,
        cue: attribution
            .cue
            .map(|cue| TextSpan::new(text, cue, &text_of)),
        source: attribution.source.as_ref().map(|source| SourceRecord {
            text: text_of(source.span.slice(text)),
            start: source.span.start,
            end: source.span.end,
            source_type: source.source_type,
            name: source.name.as_deref().map(&text_of),
            via: source
                .via
                .iter()
                .map(|relay| RelayRecord {
                    text: text_of(relay.span.slice(text)),
                    source_type: relay.source_type,
                })
                .collect(),
        }),
        markers: attribution
            .markers
            .iter()
            .map(|marker| MarkerRecord {
                kind: marker.kind,
                text: text_of(marker.span.slice(text)),
                start: marker.span.start,
                end: marker.span.end,
            })
            .collect(),
        score: attribution.score,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Grammar;
    use crate::ingest::decode;
    use crate::pipeline::extract;

    #[test]
    fn borrowed_records_serialize_like_owned_ones() {
        let text = "The CIA reportedly used a “f----d up” system, according to officials \
                    cited in a Foreign Policy report.\n\n\"It failed\\\tbadly,\" Ann Lee said.\n";
        let grammar = Grammar::built_in().expect("the built-in grammar loads");
        let input = decode("a \"doc\".txt", text.as_bytes().to_vec(), false).expect("UTF-8");
        let extraction = extract(input, &grammar);
        let owned = records(&extraction);
        assert!(owned.iter().any(|record| !record.markers.is_empty()));
        assert!(
            owned
                .iter()
                .flat_map(|record| &record.source)
                .any(|source| !source.via.is_empty())
        );
        let borrowed: Vec<_> = borrowed_records(&extraction).collect();
        assert_eq!(
            serde_json::to_string(&borrowed).expect("serializes"),
            serde_json::to_string(&owned).expect("serializes"),
        );
    }
}
