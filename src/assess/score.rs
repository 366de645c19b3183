//! The sourcing score: how well a claim is sourced (not whether it is true), with the
//! reasons that moved it.

use crate::grammar::Scores;
use crate::model::{Kind, Marker, ScoreBasis, SourceType};

/// Where the score of a claim of `kind` on a source of type `source` starts, from
/// the numbers of `scores.txt`: its source's start, and the bonus for a direct quote.
pub fn basis(source: Option<SourceType>, kind: Kind, scores: &Scores) -> ScoreBasis {
    let Some(source) = source else {
        // Resting on nobody, a claim starts from nothing.
        return ScoreBasis::default();
    };
    ScoreBasis {
        source: scores.start(source),
        direct_quote: if kind == Kind::Direct {
            scores.direct_quote()
        } else {
            0.0
        },
    }
}

/// The score of a claim: where it starts, less each marker's weight; in [0, 1],
/// rounded to two decimals.
pub fn score(basis: ScoreBasis, markers: &[Marker]) -> f64 {
    let penalty: f64 = markers.iter().map(|marker| marker.weight).sum();
    ((basis.source + basis.direct_quote - penalty).clamp(0.0, 1.0) * 100.0).round() / 100.0
}

/// The facts that made a score, in the order [`score`] applies them; `marker_texts`
/// gives each marker's words. Computed when rendering, so extraction keeps no strings.
pub fn reasons(
    source: Option<SourceType>,
    basis: ScoreBasis,
    markers: &[Marker],
    marker_texts: &[&str],
) -> Vec<String> {
    let mut reasons = vec![match source {
        Some(kind) => format!("{} source: {:.2}", kind.as_str(), basis.source),
        None => "no source: 0.00".to_string(),
    }];
    if basis.direct_quote > 0.0 {
        reasons.push(format!("direct quote: +{:.2}", basis.direct_quote));
    }
    for (marker, text) in markers.iter().zip(marker_texts) {
        if marker.weight > 0.0 {
            reasons.push(format!(
                "{} \"{text}\": -{:.2}",
                marker.kind.as_str(),
                marker.weight
            ));
        }
    }
    reasons
}

/// The reasons of one attribution's score, with the marker words read from `text`.
pub fn explain(text: &str, attribution: &crate::model::Attribution) -> Vec<String> {
    let texts: Vec<&str> = attribution
        .markers
        .iter()
        .map(|marker| marker.span.slice(text))
        .collect();
    reasons(
        attribution.source.as_ref().map(|source| source.source_type),
        attribution.basis,
        &attribution.markers,
        &texts,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::Grammar;
    use crate::model::MarkerKind;
    use crate::span::Span;

    #[test]
    fn score_table() {
        let hedge = Marker {
            kind: MarkerKind::Hedge,
            span: Span::new(0, 10),
            weight: 0.15,
        };
        let relay = Marker {
            kind: MarkerKind::SecondHand,
            span: Span::new(20, 30),
            weight: 0.1,
        };
        let cases = [
            (
                Some(SourceType::Anonymous),
                Kind::Mixed,
                vec![hedge, relay],
                0.2,
            ),
            (Some(SourceType::Person), Kind::Direct, vec![], 0.9),
            (Some(SourceType::Document), Kind::Indirect, vec![], 0.8),
            (None, Kind::Unattributed, vec![hedge], 0.0),
        ];
        let scores = Grammar::built_in()
            .expect("the built-in grammar loads")
            .scores;
        for (source, kind, markers, want) in cases {
            let texts = vec!["x"; markers.len()];
            let basis = basis(source, kind, &scores);
            let value = score(basis, &markers);
            assert!((value - want).abs() < 1e-9, "{source:?} {kind:?}: {value}");
            let reasons = reasons(source, basis, &markers, &texts);
            assert_eq!(
                reasons.len(),
                1 + usize::from(kind == Kind::Direct) + markers.len()
            );
        }
    }
}
