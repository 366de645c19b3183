//! Reliability markers: hedges, uncertainty, anonymity, no-comment, estimates, beliefs.

use super::phrase::lexeme_at;
use crate::grammar::{AffixClass, Grammar, WordClass};
use crate::model::{Marker, MarkerKind};
use crate::segment::{Segmented, Token};

/// Every marker phrase among a block's tokens, left to right, not overlapping.
pub fn find_markers(segmented: &Segmented, grammar: &Grammar) -> Vec<Marker> {
    find_markers_at(segmented, grammar, &segmented.marker_starts)
}

/// [`find_markers`], trying `starts` only: token indices in order, among them
/// every token that may open a marker phrase (`segmented.marker_starts`; any
/// others are passed over).
pub(crate) fn find_markers_at(
    segmented: &Segmented,
    grammar: &Grammar,
    starts: &[usize],
) -> Vec<Marker> {
    let tokens = &segmented.tokens;
    let mut markers = Vec::new();
    // Tokens before `free_from` belong to a marker already found.
    let mut free_from = 0;
    for &index in starts {
        if index < free_from || !segmented.opens[index].marker {
            continue;
        }
        let matched = grammar
            .lexemes
            .markers
            .longest_match(|i| lexeme_at(tokens, index + i, grammar));
        match matched {
            Some((count, rule)) if estimate_applies(grammar, rule.kind, tokens, index, count) => {
                markers.push(Marker {
                    kind: rule.kind,
                    span: tokens[index].span.cover(tokens[index + count - 1].span),
                    weight: rule.weight,
                });
                free_from = index + count;
            }
            _ => {}
        }
    }
    markers
}

/// "around 30" is an estimate, "around the world" is not: an estimate word needs a
/// number after it (in digits or a `number` of word_classes.txt), unless the phrase
/// itself names the estimate ("a low estimate", a `names-estimate` of affixes.txt).
fn estimate_applies(
    grammar: &Grammar,
    kind: MarkerKind,
    tokens: &[Token],
    index: usize,
    count: usize,
) -> bool {
    if kind != MarkerKind::Estimate {
        return true;
    }
    let names_estimate = tokens[index..index + count]
        .iter()
        .any(|token| grammar.affixes.has(&token.lower, AffixClass::NamesEstimate));
    let number_follows = tokens.get(index + count).is_some_and(|next| {
        next.text.starts_with(|c: char| c.is_ascii_digit())
            || grammar.is(&next.lower, WordClass::Number)
    });
    names_estimate || number_follows
}
