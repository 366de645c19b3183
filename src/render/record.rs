//! The output contract: one serializable record per attribution (see DESIGN.md).

use serde::{Deserialize, Serialize};

use crate::model::{Attribution, Kind, MarkerKind, SourceType};
use crate::pipeline::Extraction;
use crate::review::{ClaimIds, assign_ids};
use crate::span::Span;

/// A span with its text. The text type is `String` for records that stand on
/// their own (read back, kept, compared) and `&str` for records that borrow from
/// an extraction just to be written out; both serialize the same.
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
    pub claim: TextSpan<S>,
    pub cue: Option<TextSpan<S>>,
    pub source: Option<SourceRecord<S>>,
    pub markers: Vec<MarkerRecord<S>>,
    pub score: f64,
}

/// The records of one extraction, in text order.
pub fn records(extraction: &Extraction) -> Vec<Record> {
    build_records(extraction, str::to_owned).collect()
}

/// The records of one extraction, in text order, borrowing their texts from it:
/// writing a record out needs no copy of its texts.
pub fn borrowed_records(extraction: &Extraction) -> impl Iterator<Item = Record<&str>> {
    build_records(extraction, |text| text)
}

/// The records of `extraction` with every text made an `S` by `text_of`.
fn build_records<'e, S>(
    extraction: &'e Extraction,
    text_of: impl Fn(&'e str) -> S,
) -> impl Iterator<Item = Record<S>> {
    let ids = assign_ids(&extraction.text, &extraction.attributions);
    let text = extraction.text.as_str();
    extraction
        .attributions
        .iter()
        .zip(ids)
        .map(move |(attribution, id)| record(&extraction.doc, text, attribution, id, &text_of))
}

/// The records of one section of a document's attributions, borrowing their texts
/// from `text`; `ids` numbers the document's claims across its sections.
pub fn section_records<'e>(
    doc: &'e str,
    text: &'e str,
    attributions: &'e [Attribution],
    ids: &'e mut ClaimIds,
) -> impl Iterator<Item = Record<&'e str>> {
    attributions.iter().map(move |attribution| {
        let id = ids.next(attribution.claim.slice(text));
        record(doc, text, attribution, id, |text| text)
    })
}

/// The record of one attribution of `text`, in the document named `doc`.
fn record<'e, S>(
    doc: &'e str,
    text: &'e str,
    attribution: &'e Attribution,
    id: String,
    text_of: impl Fn(&'e str) -> S,
) -> Record<S> {
    Record {
        doc: text_of(doc),
        id,
        kind: attribution.kind,
        claim: TextSpan::new(text, attribution.claim, &text_of),
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
