//! Which claim each reliability marker qualifies, and the second-hand marker of a
//! source that reached us through another outlet or document.

use crate::link::Draft;
use crate::model::{Marker, MarkerKind, Source, SourceType};
use crate::span::Span;

/// The markers of each draft, in the order of `drafts`: each marker goes to the
/// claim it qualifies, or to none.
pub fn attach(drafts: &[Draft], markers: Vec<Marker>) -> Vec<Vec<Marker>> {
    let mut owned: Vec<Vec<Marker>> = vec![Vec::new(); drafts.len()];
    let mut by_scope: Vec<usize> = (0..drafts.len()).collect();
    by_scope.sort_by_key(|&index| drafts[index].scope.start);
    for marker in markers {
        if let Some(owner) = marker_owner(drafts, &by_scope, marker.span) {
            owned[owner].push(marker);
        }
    }
    owned
}

/// How many drafts whose scope starts before a marker are tried for it; scopes are
/// sentences, so only the last few can hold it.
const MARKER_CANDIDATES: usize = 8;

/// The draft a marker qualifies: the one whose claim holds it, else the first whose
/// sentence does. `by_scope` lists draft indices by scope start.
fn marker_owner(drafts: &[Draft], by_scope: &[usize], marker: Span) -> Option<usize> {
    let end = by_scope.partition_point(|&index| drafts[index].scope.start <= marker.start);
    let candidates = &by_scope[end.saturating_sub(MARKER_CANDIDATES)..end];
    let in_claim = candidates
        .iter()
        .find(|&&index| drafts[index].claim.contains(marker));
    let in_scope = || {
        candidates
            .iter()
            .filter(|&&index| drafts[index].scope.contains(marker))
            .min()
    };
    in_claim.or_else(in_scope).copied()
}

/// Where a claim came second-hand: the first relay, or the source itself when it is
/// another outlet ("according to The New York Times, which first reported …").
/// `weight` is what such a relay takes off the score (`scores.txt`).
pub fn second_hand(source: &Source, weight: f64) -> Option<Marker> {
    let span = match source.via.first() {
        Some(relay) => relay.span,
        None if source.source_type == SourceType::Publication => source.span,
        None => return None,
    };
    Some(Marker {
        kind: MarkerKind::SecondHand,
        span,
        weight,
    })
}
