//! The output contract: one serializable record per attribution (see DESIGN.md).

use serde::{Deserialize, Serialize};

use crate::model::{Kind, MarkerKind, SourceType};
use crate::pipeline::Extraction;
use crate::review::assign_ids;
use crate::span::Span;

/// A span with its text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TextSpan {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

impl TextSpan {
    fn new(text: &str, span: Span) -> Self {
        TextSpan {
            text: span.slice(text).to_string(),
            start: span.start,
            end: span.end,
        }
    }
}

/// One link of a relay chain.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RelayRecord {
    pub text: String,
    #[serde(rename = "type")]
    pub source_type: SourceType,
}

/// The source of a record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceRecord {
    pub text: String,
    pub start: usize,
    pub end: usize,
    #[serde(rename = "type")]
    pub source_type: SourceType,
    pub name: Option<String>,
    pub via: Vec<RelayRecord>,
}

/// A reliability marker of a record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MarkerRecord {
    pub kind: MarkerKind,
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// One attribution, as written to JSONL, JSON and YAML.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    pub doc: String,
    pub id: String,
    pub kind: Kind,
    pub claim: TextSpan,
    pub cue: Option<TextSpan>,
    pub source: Option<SourceRecord>,
    pub markers: Vec<MarkerRecord>,
    pub score: f64,
}

/// The records of one extraction, in text order.
pub fn records(extraction: &Extraction) -> Vec<Record> {
    let text = extraction.text.as_str();
    let ids = assign_ids(text, &extraction.attributions);
    extraction
        .attributions
        .iter()
        .zip(ids)
        .map(|(attribution, id)| Record {
            doc: extraction.doc.clone(),
            id,
            kind: attribution.kind,
            claim: TextSpan::new(text, attribution.claim),
            cue: attribution.cue.map(|cue| TextSpan::new(text, cue)),
            source: attribution.source.as_ref().map(|source| SourceRecord {
                text: source.span.slice(text).to_string(),
                start: source.span.start,
                end: source.span.end,
                source_type: source.source_type,
                name: source.name.clone(),
                via: source
                    .via
                    .iter()
                    .map(|relay| RelayRecord {
                        text: relay.span.slice(text).to_string(),
                        source_type: relay.source_type,
                    })
                    .collect(),
            }),
            markers: attribution
                .markers
                .iter()
                .map(|marker| MarkerRecord {
                    kind: marker.kind,
                    text: marker.span.slice(text).to_string(),
                    start: marker.span.start,
                    end: marker.span.end,
                })
                .collect(),
            score: attribution.score,
        })
        .collect()
}
