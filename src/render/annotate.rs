//! The text cut into flat pieces, each knowing which claim, cue, source and marker
//! cover it: the common ground of the HTML view and the terminal view.
//!
//! Spans overlap (a claim holds its markers; a no-comment claim holds its cue and
//! source), so instead of nesting tags the text is cut at every span boundary and
//! each piece carries the union of what covers it.

use std::collections::BTreeSet;

use crate::model::{Attribution, Kind, MarkerKind, SourceType};
use crate::span::Span;

/// One stretch of text between two consecutive span boundaries.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece<'t> {
    pub text: &'t str,
    pub span: Span,
    /// The first claim covering the piece (index into the attributions), if any.
    pub claim: Option<usize>,
    /// The covering claim has no attribution.
    pub unattributed: bool,
    pub cue: bool,
    /// The type of the source mention covering the piece.
    pub source: Option<SourceType>,
    /// The kind of the marker covering the piece.
    pub marker: Option<MarkerKind>,
    /// Claims (indexes) that begin where the piece begins, to number them there.
    pub claims_starting: Vec<usize>,
    /// Markers that end where the piece ends, to name their kind right after them.
    pub markers_ending: Vec<MarkerKind>,
}

/// What a span is.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Label {
    /// A claim (its index and kind), or a part of one; `true` for its first part.
    Claim(usize, Kind, bool),
    Cue,
    Source(SourceType),
    Marker(MarkerKind),
}

/// Cuts `text` at every boundary of the attributions' claim, cue, source and marker
/// spans. Spans past the end or off a character boundary are clamped or dropped, so
/// any input renders.
pub fn pieces<'t>(text: &'t str, attributions: &[Attribution]) -> Vec<Piece<'t>> {
    let labels = labels(text, attributions);
    let mut bounds: BTreeSet<usize> = BTreeSet::from([0, text.len()]);
    for (span, _) in &labels {
        bounds.insert(span.start);
        bounds.insert(span.end);
    }
    let bounds: Vec<usize> = bounds.into_iter().collect();
    bounds
        .windows(2)
        .filter_map(|pair| {
            let span = Span::new(pair[0], pair[1]);
            let text = text.get(span.start..span.end)?;
            Some(piece(text, span, &labels))
        })
        .collect()
}

/// Every labelled span that fits `text`, markers once each even when two claims
/// share them.
fn labels(text: &str, attributions: &[Attribution]) -> Vec<(Span, Label)> {
    let fits = |span: Span| {
        !span.is_empty()
            && span.end <= text.len()
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end)
    };
    let mut labels = Vec::new();
    let mut markers = BTreeSet::new();
    for (index, attribution) in attributions.iter().enumerate() {
        // A claim in parts is its parts: the attribution clause between them is not
        // claim.
        let parts = match attribution.fragments.as_slice() {
            [] => std::slice::from_ref(&attribution.claim),
            parts => parts,
        };
        for (number, &part) in parts.iter().enumerate() {
            labels.push((part, Label::Claim(index, attribution.kind, number == 0)));
        }
        if let Some(cue) = attribution.cue {
            labels.push((cue, Label::Cue));
        }
        if let Some(source) = &attribution.source {
            labels.push((source.span, Label::Source(source.source_type)));
        }
        for marker in &attribution.markers {
            if markers.insert((marker.span, marker.kind)) {
                labels.push((marker.span, Label::Marker(marker.kind)));
            }
        }
    }
    labels.retain(|(span, _)| fits(*span));
    labels
}

/// The piece `span` with the labels covering it.
fn piece<'t>(text: &'t str, span: Span, labels: &[(Span, Label)]) -> Piece<'t> {
    let mut piece = Piece {
        text,
        span,
        claim: None,
        unattributed: false,
        cue: false,
        source: None,
        marker: None,
        claims_starting: Vec::new(),
        markers_ending: Vec::new(),
    };
    for (covered, label) in labels {
        if !covered.contains(span) {
            continue;
        }
        match *label {
            Label::Claim(index, kind, first_part) => {
                if piece.claim.is_none() {
                    piece.claim = Some(index);
                    piece.unattributed = kind == Kind::Unattributed;
                }
                if first_part && covered.start == span.start {
                    piece.claims_starting.push(index);
                }
            }
            Label::Cue => piece.cue = true,
            Label::Source(kind) => piece.source = piece.source.or(Some(kind)),
            Label::Marker(kind) => {
                piece.marker = piece.marker.or(Some(kind));
                if covered.end == span.end {
                    piece.markers_ending.push(kind);
                }
            }
        }
    }
    piece
}

/// A one-claim document shared by the tests of the views built on [`pieces`].
#[cfg(test)]
pub(crate) mod fixture {
    use crate::model::{
        Attribution, ClaimForm, CueKind, Kind, Marker, MarkerKind, ScoreBasis, Source, SourceType,
    };
    use crate::span::Span;

    /// "Prices reportedly rose, the ministry said. Ok." with its one attribution.
    pub fn said() -> (&'static str, Vec<Attribution>) {
        let text = "Prices reportedly rose, the ministry said. Ok.";
        let attribution = Attribution {
            kind: Kind::Indirect,
            claim: Span::new(0, 22),
            fragments: Vec::new(),
            cue: Some(Span::new(37, 41)),
            cue_kind: Some(CueKind::Speech),
            claim_form: ClaimForm::Clause,
            source: Some(Source {
                span: Span::new(24, 36),
                source_type: SourceType::Organization,
                name: None,
                via: Vec::new(),
            }),
            markers: vec![Marker {
                kind: MarkerKind::Hedge,
                span: Span::new(7, 17),
                weight: 0.15,
            }],
            score: 0.55,
            basis: ScoreBasis {
                source: 0.7,
                direct_quote: 0.0,
            },
        };
        (text, vec![attribution])
    }
}

#[cfg(test)]
mod tests {
    use super::fixture::said;
    use super::*;

    #[test]
    fn pieces_cover_the_text_in_order() {
        let (text, attributions) = said();
        let pieces = pieces(text, &attributions);
        let joined: String = pieces.iter().map(|piece| piece.text).collect();
        assert_eq!(joined, text);
        let texts: Vec<&str> = pieces.iter().map(|piece| piece.text).collect();
        assert_eq!(
            texts,
            [
                "Prices ",
                "reportedly",
                " rose",
                ", ",
                "the ministry",
                " ",
                "said",
                ". Ok."
            ]
        );
        assert_eq!(pieces[0].claims_starting, [0]);
        assert_eq!(pieces[1].marker, Some(MarkerKind::Hedge));
        assert_eq!(pieces[1].claim, Some(0));
        assert_eq!(pieces[1].markers_ending, [MarkerKind::Hedge]);
        assert_eq!(pieces[4].source, Some(SourceType::Organization));
        assert!(pieces[6].cue);
        assert_eq!(pieces[7].claim, None);
    }

    #[test]
    fn spans_off_the_text_are_dropped() {
        let (_, mut attributions) = said();
        attributions[0].claim = Span::new(0, 500);
        attributions[0].markers[0].span = Span::new(1, 2);
        let text = "é rose";
        let pieces = pieces(text, &attributions);
        let joined: String = pieces.iter().map(|piece| piece.text).collect();
        assert_eq!(joined, text);
        assert!(pieces.iter().all(|piece| piece.claim.is_none()));
    }
}
