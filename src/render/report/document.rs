//! What the report says about one document, computed once for both formats.

use crate::aggregate::Stats;
use crate::aggregate::registry::{Registry, SourceRow};
use crate::assess::score::explain;
use crate::model::{Attribution, CueKind, Kind, SourceType};
use crate::pipeline::Extraction;
use crate::record::Record;

use super::WEAK_SCORE;
use crate::render::with_share;

/// The headline numbers of one document (or of several merged), as both formats
/// show them: counts with their shares.
#[derive(Debug, Clone)]
pub struct Summary {
    pub claims: usize,
    /// Attributed claims, with their share of all claims.
    pub attributed: String,
    /// Claims with no source, with their share of all claims.
    pub unsourced: String,
    /// Claims on a person, organization or publication, share of attributed.
    pub named: String,
    /// Claims on anonymous sources, share of attributed.
    pub anonymous: String,
    /// Claims on documents and on sources of unknown type.
    pub documents: usize,
    pub unknown: usize,
    /// Claims carrying a hedge or uncertainty marker, share of all claims.
    pub hedged: String,
    /// Attributed claims by what their cue reports, the kinds that occur:
    /// "speech 12, belief 2, stance 1" ("none" when no claim has a cue).
    pub by_cue_kind: String,
}

impl Summary {
    /// The summary of `stats`.
    pub fn of(stats: &Stats) -> Summary {
        Summary {
            claims: stats.claims,
            attributed: with_share(stats.attributed, stats.claims),
            unsourced: with_share(stats.unattributed, stats.claims),
            named: with_share(stats.named_claims(), stats.attributed),
            anonymous: with_share(stats.anonymous_claims, stats.attributed),
            documents: stats.claims_of(SourceType::Document),
            unknown: stats.claims_of(SourceType::Unknown),
            hedged: with_share(stats.hedged_claims, stats.claims),
            by_cue_kind: by_cue_kind(stats),
        }
    }
}

/// "speech 12, belief 2, stance 1": the cue kinds that occur, in their order.
fn by_cue_kind(stats: &Stats) -> String {
    let kinds: Vec<String> = CueKind::ALL
        .into_iter()
        .map(|kind| (kind, stats.cue_kind_claims(kind)))
        .filter(|&(_, count)| count > 0)
        .map(|(kind, count)| format!("{} {count}", kind.as_str()))
        .collect();
    if kinds.is_empty() {
        "none".to_string()
    } else {
        kinds.join(", ")
    }
}

/// One claim as a table row.
#[derive(Debug, Clone)]
pub struct ClaimRow {
    /// 1-based, in text order (as in `extract`).
    pub number: usize,
    pub kind: Kind,
    /// The mention with its relays: "officials via a Foreign Policy report".
    pub source: Option<String>,
    pub source_type: Option<SourceType>,
    pub cue: Option<String>,
    pub claim: String,
    /// "hedge: reportedly; second-hand: a Foreign Policy report".
    pub markers: String,
    pub score: f64,
    /// What moved the score, "; "-joined.
    pub reasons: String,
}

/// One document, ready to render.
#[derive(Debug)]
pub struct Document<'e> {
    pub doc: &'e str,
    /// The HTML id of its section; claims get `{anchor}-c{number}`.
    pub anchor: &'e str,
    pub text: &'e str,
    pub attributions: &'e [Attribution],
    pub stats: Stats,
    pub summary: Summary,
    pub claims: Vec<ClaimRow>,
    /// Claims to follow up (indexes into `claims`): unsourced or scoring below
    /// [`WEAK_SCORE`], lowest score first, then in text order.
    pub follow_up: Vec<usize>,
    /// The document's sources, most claims first.
    pub sources: Vec<SourceRow>,
}

impl<'e> Document<'e> {
    /// Gathers the summary, rows and follow-ups of `extraction`.
    pub fn new(extraction: &'e Extraction, records: &[Record], anchor: &'e str) -> Self {
        let claims: Vec<ClaimRow> = records
            .iter()
            .zip(&extraction.attributions)
            .enumerate()
            .map(|(index, (record, attribution))| {
                claim_row(&extraction.text, index + 1, record, attribution)
            })
            .collect();
        let mut follow_up: Vec<usize> = claims
            .iter()
            .enumerate()
            .filter(|(_, row)| row.source.is_none() || row.score < WEAK_SCORE)
            .map(|(index, _)| index)
            .collect();
        follow_up.sort_by(|a, b| claims[*a].score.total_cmp(&claims[*b].score).then(a.cmp(b)));
        let sources = Registry::of_records(records)
            .rows()
            .into_iter()
            .cloned()
            .collect();
        let stats = Stats::of_records(records);
        Document {
            doc: &extraction.doc,
            anchor,
            text: &extraction.text,
            attributions: &extraction.attributions,
            summary: Summary::of(&stats),
            stats,
            claims,
            follow_up,
            sources,
        }
    }
}

/// The row of one record, with the attribution it was made from in `text`.
fn claim_row(text: &str, number: usize, record: &Record, attribution: &Attribution) -> ClaimRow {
    let source = record.source.as_ref().map(|source| {
        let mut shown = source.text.clone();
        if let Some(name) = source.name.as_ref().filter(|name| **name != source.text) {
            shown.push_str(&format!(" (= {name})"));
        }
        for relay in &source.via {
            shown.push_str(&format!(" via {}", relay.text));
        }
        shown
    });
    let markers = record
        .markers
        .iter()
        .map(|marker| format!("{}: {}", marker.kind.as_str(), marker.text))
        .collect::<Vec<_>>()
        .join("; ");
    ClaimRow {
        number,
        kind: record.kind,
        source,
        source_type: record.source.as_ref().map(|source| source.source_type),
        cue: record.cue.as_ref().map(|cue| cue.text.clone()),
        claim: record
            .claim
            .text
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
        markers,
        score: record.score,
        reasons: explain(text, attribution).join("; "),
    }
}
