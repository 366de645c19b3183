//! The output contract (README, "Output contract"): one serializable record per
//! attribution with its stable claim id, and the review document built of them.
//! Aggregate, render and review all read it; none of them owns it.

pub mod ids;
pub mod position;
pub mod review;

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::ingest::{Metadata, Original};
use crate::model::{Attribution, ClaimForm, CueKind, Kind, MarkerKind, SourceType};
use crate::pipeline::Extraction;
use crate::span::Span;

pub use ids::{ClaimIds, claim_id, migrate_v1, normalize_claim};
pub use position::{LineCol, LineCursor, LineMarks, line_col};
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

/// What joins the parts of a claim in its text: `"A," … "B."`.
pub const PART_SEPARATOR: &str = " … ";

/// The claim of a record. A claim in parts (a quote interrupted by its
/// attribution: `"A," she said. "B."`) reads its parts joined by
/// [`PART_SEPARATOR`], covers them with `start..end`, and lists them in
/// `fragments`, as the gold corpus gives such a content; a claim of one part
/// has no `fragments` key. `line` and `col` (1-based, columns in characters) are
/// where it starts in the file; 0 in records written before they were.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimRecord<S = String> {
    pub text: S,
    pub start: usize,
    pub end: usize,
    #[serde(default)]
    pub line: usize,
    #[serde(default)]
    pub col: usize,
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

/// The metadata of a record's document, as its input gave them (JSONL fields, an
/// HTML page's JSON-LD and meta tags): every record carries them, so that the
/// records of a map step's parts can still be grouped by publisher. A field not
/// known is left out, and so is `meta` when none is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MetaRecord<S = String> {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<S>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<S>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<S>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<S>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<S>,
}

impl<S> Record<S> {
    /// True when the record states nothing: it carries a `non-statement` marker (see
    /// [`Attribution::is_non_statement`]).
    pub fn is_non_statement(&self) -> bool {
        self.markers
            .iter()
            .any(|marker| marker.kind == MarkerKind::NonStatement)
    }
}

impl<S> Default for MetaRecord<S> {
    fn default() -> Self {
        MetaRecord {
            publisher: None,
            url: None,
            date: None,
            title: None,
            author: None,
        }
    }
}

impl<S> MetaRecord<S> {
    /// True when no field is known.
    pub fn is_empty(&self) -> bool {
        self.fields().iter().all(|(_, value)| value.is_none())
    }

    /// Every field with its name, in output order.
    pub fn fields(&self) -> [(&'static str, Option<&S>); 5] {
        [
            ("publisher", self.publisher.as_ref()),
            ("url", self.url.as_ref()),
            ("date", self.date.as_ref()),
            ("title", self.title.as_ref()),
            ("author", self.author.as_ref()),
        ]
    }

    /// The same fields, each made an `T` by `convert`.
    fn map<'m, T>(&'m self, convert: impl Fn(&'m S) -> T) -> MetaRecord<T> {
        MetaRecord {
            publisher: self.publisher.as_ref().map(&convert),
            url: self.url.as_ref().map(&convert),
            date: self.date.as_ref().map(&convert),
            title: self.title.as_ref().map(&convert),
            author: self.author.as_ref().map(&convert),
        }
    }
}

impl<'m> From<&'m Metadata> for MetaRecord<&'m str> {
    fn from(meta: &'m Metadata) -> Self {
        MetaRecord {
            publisher: meta.publisher.as_deref(),
            url: meta.url.as_deref(),
            date: meta.date.as_deref(),
            title: meta.title.as_deref(),
            author: meta.author.as_deref(),
        }
    }
}

/// One attribution, as written to JSONL, JSON and YAML.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record<S = String> {
    pub doc: S,
    pub id: String,
    /// The document's metadata (none in records written before they were).
    #[serde(default, skip_serializing_if = "MetaRecord::is_empty")]
    pub meta: MetaRecord<S>,
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
    let numbering = Numbering::with_capacity(extraction.attributions.len());
    build_records(extraction.into(), numbering, str::to_owned).collect()
}

/// The records of one extraction, in text order, borrowing their texts from it:
/// writing a record out needs no copy of its texts (but the text of a claim in
/// parts, which joins them).
pub fn borrowed_records(extraction: &Extraction) -> impl Iterator<Item = Record<Cow<'_, str>>> {
    let numbering = Numbering::with_capacity(extraction.attributions.len());
    build_records(extraction.into(), numbering, Cow::Borrowed)
}

/// Attributions of one document, or of one section of it, with where they point.
#[derive(Debug, Clone, Copy)]
pub struct Attributed<'e> {
    /// The document's name.
    pub doc: &'e str,
    pub meta: &'e Metadata,
    /// The text the attributions' spans point into.
    pub text: &'e str,
    /// The bytes the text was read from, when they differ (an HTML page): records
    /// give offsets, lines and columns in these.
    pub original: Option<&'e Original>,
    pub attributions: &'e [Attribution],
}

impl<'e> From<&'e Extraction> for Attributed<'e> {
    /// A whole extraction, as one section.
    fn from(extraction: &'e Extraction) -> Self {
        Attributed {
            doc: &extraction.doc,
            meta: &extraction.meta,
            text: &extraction.text,
            original: extraction.original.as_deref(),
            attributions: &extraction.attributions,
        }
    }
}

impl Attributed<'_> {
    /// The original offsets of a span of the text.
    fn offsets(&self, span: Span) -> (usize, usize) {
        match self.original {
            None => (span.start, span.end),
            Some(original) => original.map.span(span.start, span.end),
        }
    }

    /// The text lines and columns are counted in: the original bytes.
    pub fn file_text(&self) -> &str {
        self.original.map_or(self.text, |original| &original.text)
    }
}

/// What numbers the records of one document: the claim ids handed out, and where
/// the count of lines stands.
#[derive(Debug, Default)]
struct Numbering {
    ids: ClaimIds,
    lines: LineCursor,
}

impl Numbering {
    /// Numbering for a document of about `claims` claims.
    fn with_capacity(claims: usize) -> Self {
        Numbering {
            ids: ClaimIds::with_capacity(claims),
            lines: LineCursor::default(),
        }
    }
}

/// The records of one section of a document's attributions, made apart from the
/// sections before it (on another thread), borrowing their texts. Lines are
/// counted from the mark of `marks` (made along the section's file text) before
/// its first claim; each id is that of its claim's first occurrence, given with
/// the claim's hash: [`ClaimIds::count`] numbers the repeats in document order
/// when the sections are put together (see [`ids::push_occurrence`]).
pub fn records_apart<'e>(
    section: Attributed<'e>,
    marks: &LineMarks,
) -> impl Iterator<Item = (u64, Record<Cow<'e, str>>)> + 'e {
    let first = section.attributions.first();
    let mut lines = marks.cursor_before(first.map_or(0, |first| section.offsets(first.claim).0));
    section.attributions.iter().map(move |attribution| {
        let claim = claim_record(section, attribution, &mut lines, Cow::Borrowed);
        let hash = ids::claim_hash(claim.text.as_ref());
        let id = ids::id_text(hash, 1);
        (hash, record(section, attribution, claim, id, Cow::Borrowed))
    })
}

/// The records of `section` with every text made an `S` by `text_of` (and a
/// joined claim text by `From<String>`), their ids and lines numbered by
/// `numbering`.
fn build_records<'e, S: From<String> + AsRef<str>>(
    section: Attributed<'e>,
    mut numbering: Numbering,
    text_of: impl Fn(&'e str) -> S + 'e,
) -> impl Iterator<Item = Record<S>> + 'e {
    section.attributions.iter().map(move |attribution| {
        let claim = claim_record(section, attribution, &mut numbering.lines, &text_of);
        let id = numbering.ids.next(claim.text.as_ref());
        record(section, attribution, claim, id, &text_of)
    })
}

/// A span of the section's text as a record writes it: its text, and its offsets
/// in the original bytes.
fn text_span<'e, S>(
    section: Attributed<'e>,
    span: Span,
    text_of: impl Fn(&'e str) -> S,
) -> TextSpan<S> {
    let (start, end) = section.offsets(span);
    TextSpan {
        text: text_of(span.slice(section.text)),
        start,
        end,
    }
}

/// The claim of one attribution: its parts joined, when it has parts, and where
/// it starts (`lines` carries the count from the claim before).
fn claim_record<'e, S: From<String>>(
    section: Attributed<'e>,
    attribution: &'e Attribution,
    lines: &mut LineCursor,
    text_of: impl Fn(&'e str) -> S,
) -> ClaimRecord<S> {
    let text = section.text;
    let claim = attribution.claim;
    let fragments: Vec<TextSpan<S>> = attribution
        .fragments
        .iter()
        .map(|&part| text_span(section, part, &text_of))
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
    let (start, end) = section.offsets(claim);
    let LineCol { line, col } = lines.line_col(section.file_text(), start);
    ClaimRecord {
        text: words,
        start,
        end,
        line,
        col,
        fragments,
    }
}

/// The record of one attribution of the section.
fn record<'e, S>(
    section: Attributed<'e>,
    attribution: &'e Attribution,
    claim: ClaimRecord<S>,
    id: String,
    text_of: impl Fn(&'e str) -> S,
) -> Record<S> {
    let text = section.text;
    Record {
        doc: text_of(section.doc),
        id,
        meta: MetaRecord::from(section.meta).map(|field| text_of(field)),
        kind: attribution.kind,
        cue_kind: attribution.cue_kind,
        claim_form: Some(attribution.claim_form),
        claim,
        cue: attribution.cue.map(|cue| text_span(section, cue, &text_of)),
        source: attribution.source.as_ref().map(|source| {
            let (start, end) = section.offsets(source.span);
            SourceRecord {
                text: text_of(source.span.slice(text)),
                start,
                end,
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
            }
        }),
        markers: attribution
            .markers
            .iter()
            .map(|marker| {
                let TextSpan { text, start, end } = text_span(section, marker.span, &text_of);
                MarkerRecord {
                    kind: marker.kind,
                    text,
                    start,
                    end,
                }
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
