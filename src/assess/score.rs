//! The sourcing score: how well a claim is sourced (not whether it is true).

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
    let raw = (base_score(source) + bonus - penalty).clamp(0.0, 1.0);
    (raw * 100.0).round() / 100.0
}
