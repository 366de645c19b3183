//! `markers.txt`: reliability markers, the words that qualify how firmly a claim
//! stands, each with its kind and the weight it takes off the sourcing score:
//! "reportedly | hedge 0.15", "it remains unclear | uncertainty 0.15",
//! "declined to comment | no-comment 0.10". The matcher looks for them at every
//! token that may open one.

use super::{Entry, Lexicon, Opens};
use crate::error::Error;
use crate::grammar::Grammar;
use crate::model::MarkerKind;

/// A reliability marker's kind and weight.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MarkerRule {
    pub kind: MarkerKind,
    pub weight: f64,
}

/// The lexicon of `markers.txt`.
pub struct Markers;

impl Lexicon for Markers {
    const FILE: &'static str = "markers.txt";
    const TEXT: &'static str = include_str!("../../../grammar/markers.txt");
    const OPENS: Opens = Opens {
        marker: true,
        ..Opens::NONE
    };
    type Value = MarkerRule;

    /// `phrase | KIND WEIGHT`, the weight between 0 and 1.
    fn parse(entry: &Entry) -> Result<MarkerRule, Error> {
        let [kind, weight] = entry.fields else {
            return Err(entry
                .error("expected `phrase | KIND WEIGHT`, e.g. `reportedly | hedge 0.15`".into()));
        };
        let kind: MarkerKind = kind
            .parse()
            .map_err(|message: String| entry.error(message))?;
        let weight = entry.fraction(weight, "weight")?;
        Ok(MarkerRule { kind, weight })
    }

    fn add(grammar: &mut Grammar, phrase: &str, rule: MarkerRule) {
        grammar.markers.insert(phrase, rule);
    }

    fn remove(grammar: &mut Grammar, phrase: &str) -> bool {
        grammar.markers.remove(phrase)
    }

    fn words(grammar: &Grammar) -> impl Iterator<Item = &str> {
        grammar.markers.first_words()
    }
}
