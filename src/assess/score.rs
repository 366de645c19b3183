//! The sourcing score: how well a claim is sourced (not whether it is true), with the
//! reasons that moved it.

use crate::model::{Kind, Marker, SourceType};

/// Starting score for a claim resting on a source of this type.
pub fn base_score(source: Option<SourceType>) -> f64 {
    match source {
        Some(SourceType::Person) => 0.8,
        Some(SourceType::Document) => 0.8,
        Some(SourceType::Organization) => 0.7,
        Some(SourceType::Publication) => 0.6,
        Some(SourceType::Anonymous) => 0.45,
        Some(SourceType::Unknown) => 0.4,
        None => 0.0,
    }
}

/// Bonus for the source's own words in quotation marks.
const DIRECT_QUOTE_BONUS: f64 = 0.1;

/// The score of a claim: its source's base, a bonus for direct quotes, less each
/// marker's weight; in [0, 1], rounded to two decimals.
pub fn score(source: Option<SourceType>, kind: Kind, markers: &[Marker]) -> f64 {
    let bonus = if kind == Kind::Direct && source.is_some() {
        DIRECT_QUOTE_BONUS
    } else {
        0.0
    };
    let penalty: f64 = markers.iter().map(|marker| marker.weight).sum();
    ((base_score(source) + bonus - penalty).clamp(0.0, 1.0) * 100.0).round() / 100.0
}

/// The facts that made a score, in the order [`score`] applies them; `marker_texts`
/// gives each marker's words. Computed when rendering, so extraction keeps no strings.
pub fn reasons(
    source: Option<SourceType>,
    kind: Kind,
    markers: &[Marker],
    marker_texts: &[&str],
) -> Vec<String> {
    let base = base_score(source);
    let mut reasons = vec![match source {
        Some(kind) => format!("{} source: {base:.2}", kind.as_str()),
        None => "no source: 0.00".to_string(),
    }];
    if kind == Kind::Direct && source.is_some() {
        reasons.push(format!("direct quote: +{DIRECT_QUOTE_BONUS:.2}"));
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
        attribution.kind,
        &attribution.markers,
        &texts,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
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
        for (source, kind, markers, want) in cases {
            let texts = vec!["x"; markers.len()];
            let value = score(source, kind, &markers);
            assert!((value - want).abs() < 1e-9, "{source:?} {kind:?}: {value}");
            let reasons = reasons(source, kind, &markers, &texts);
            assert_eq!(
                reasons.len(),
                1 + usize::from(kind == Kind::Direct) + markers.len()
            );
        }
    }
}
