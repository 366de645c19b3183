//! The capitalised names of a block: the people and bodies a later "he", "the
//! senator" or bare surname may stand for.

use crate::grammar::Grammar;
use crate::segment::{Segmented, Token};
use crate::span::Span;

/// Longest run of capitalised words taken as one name.
const MAX_NAME_WORDS: usize = 6;

/// Spans of the capitalised names in a block, in text order: "Senator Maria
/// Lopez", "Topsec".
pub fn name_spans(segmented: &Segmented, grammar: &Grammar) -> Vec<Span> {
    let mut spans = Vec::new();
    for sentence in &segmented.sentences {
        let tokens = &segmented.tokens[sentence.tokens.clone()];
        let mut index = 0;
        while index < tokens.len() {
            let run = capitalized_run(tokens, index, grammar);
            if run == 0 {
                index += 1;
                continue;
            }
            let at_sentence_start = index == 0;
            if !(at_sentence_start && run == 1) {
                spans.push(tokens[index].span.cover(tokens[index + run - 1].span));
            }
            index += run;
        }
    }
    spans
}

/// Number of tokens from `start` that form a capitalised name (abbreviation periods
/// inside), without leading function words ("The", "But").
fn capitalized_run(tokens: &[Token], start: usize, grammar: &Grammar) -> usize {
    let first = &tokens[start];
    if !first.is_word() || !first.is_capitalized() || grammar.word_role(&first.lower).is_some() {
        return 0;
    }
    let mut end = start + 1;
    while end < tokens.len() && end - start < MAX_NAME_WORDS * 2 {
        let token = &tokens[end];
        let glued_period = token.is_punct('.')
            && token.span.start == tokens[end - 1].span.end
            && tokens
                .get(end + 1)
                .is_some_and(|next| next.is_word() && next.is_capitalized());
        if (token.is_word() && token.is_capitalized()) || glued_period {
            end += 1;
        } else {
            break;
        }
    }
    end - start
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::Role;
    use crate::matcher::cases::{GRAMMAR, with_segmented};

    /// Text → its names, in text order.
    #[rustfmt::skip]
    const CASES: &[(&str, &[&str])] = &[
        ("Senator Maria Lopez spoke to reporters.", &["Senator Maria Lopez"]),
        // Periods inside a name; a leading function word is no part of it.
        ("The U.S. Army said it was ready.", &["U.S. Army"]),
        // One capitalised word opening a sentence may be any word.
        ("Lee met Smith in Paris. Topsec said no.", &["Smith", "Paris"]),
        ("Officials said the plan failed.", &[]),
    ];

    #[test]
    fn case_table() {
        for &(text, want) in CASES {
            let names = with_segmented(text, Role::Body, |segmented| {
                name_spans(segmented, &GRAMMAR)
            });
            let got: Vec<&str> = names.iter().map(|span| span.slice(text)).collect();
            assert_eq!(got, want, "{text:?}");
        }
    }
}
