//! Assessing a section's linked claims: source types, names and relays (pronouns
//! and an interview's speakers resolved), what each cue reports, the markers each claim carries, direct or
//! indirect, the claim's form, whether it states anything, and the sourcing score, all from grammar/ data.

pub mod canonical;
pub mod claim_form;
pub mod cue_kind;
pub mod interview;
pub mod markers;
pub mod memo;
pub mod non_statement;
pub mod resolve;
pub mod score;
pub mod sources;

use crate::grammar::Grammar;
use crate::link::{Digest, Linked};
use crate::model::{Attribution, Kind};
use crate::span::Span;

pub use memo::Memos;

/// The attributions of a linked section of `text`, in the order of its drafts.
/// `memos` keeps what is worked out from the grammar for the next sections and
/// documents.
pub fn assess(text: &str, linked: Linked, grammar: &Grammar, memos: &Memos) -> Vec<Attribution> {
    let Linked {
        drafts,
        markers,
        blocks,
    } = linked;
    let owned = markers::attach(&drafts, markers);
    let sources = sources::make_sources(text, &blocks, &drafts, grammar, memos);
    drafts
        .into_iter()
        .zip(owned)
        .zip(sources)
        .map(|((draft, mut markers), source)| {
            let relayed = source
                .as_ref()
                .and_then(|source| markers::second_hand(source, grammar.scores.second_hand()));
            if let Some(relayed) = relayed {
                markers.push(relayed);
            }
            markers.sort_by_key(|marker| (marker.span.start, marker.span.end));
            // An interview's answer is its speaker's own words, as a quotation is.
            let kind = if draft.turn.is_some() {
                Kind::Direct
            } else if draft.attributed {
                quote_kind(&blocks, draft.claim)
            } else {
                Kind::Unattributed
            };
            let basis = score::basis(
                source.as_ref().map(|source| source.source_type),
                kind,
                &grammar.scores,
            );
            let mut attribution = Attribution {
                kind,
                claim: draft.claim,
                fragments: draft.fragments,
                cue: draft.cue,
                cue_kind: draft.cue.map(|cue| cue_kind::cue_kind(text, cue, grammar)),
                claim_form: claim_form::claim_form(draft.claim.slice(text), kind, grammar),
                source,
                score: score::score(basis, &markers),
                basis,
                markers,
            };
            if let Some(mark) = non_statement::mark(text, &attribution, &blocks, grammar) {
                // Weighs nothing: the score stays what the sourcing gives.
                let at = attribution
                    .markers
                    .partition_point(|marker| marker.span.start <= mark.span.start);
                attribution.markers.insert(at, mark);
            }
            attribution
        })
        .collect()
}

/// Direct when the claim is one quotation, mixed when it holds one, else indirect.
fn quote_kind(blocks: &[Digest], claim: Span) -> Kind {
    let first = blocks.partition_point(|digest| digest.span.end <= claim.start);
    let quotes = blocks[first..]
        .iter()
        .take_while(|digest| digest.span.start < claim.end)
        .flat_map(|digest| {
            digest
                .quotes
                .overlapping(claim)
                .iter()
                .map(|quote| quote.span)
        });
    // A claim may start one byte inside a quote or end on a comma or period just
    // outside it; a quote split by "he said" is still the speaker's own words.
    let (mut opens_quoted, mut closes_quoted, mut any) = (false, false, false);
    for quote in quotes {
        opens_quoted |= quote.start <= claim.start + 1;
        closes_quoted |= claim.end <= quote.end + 2;
        any = true;
    }
    match (opens_quoted && closes_quoted, !any) {
        (true, _) => Kind::Direct,
        (false, false) => Kind::Mixed,
        (false, true) => Kind::Indirect,
    }
}
