//! Sentence boundaries over a block's tokens.

use std::ops::Range;

use super::token::{Token, TokenKind};
use crate::grammar::Grammar;
use crate::span::Span;

/// A sentence: its span in the text and its tokens' index range in the block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    pub tokens: Range<usize>,
}

/// Splits a block's tokens into sentences.
pub fn split_sentences(tokens: &[Token], grammar: &Grammar) -> Vec<Sentence> {
    let marks: Vec<usize> = (0..tokens.len())
        .filter(|&index| is_sentence_mark(tokens[index].kind))
        .collect();
    split_sentences_at(tokens, &marks, grammar)
}

/// The marks that may end a sentence.
pub fn is_sentence_mark(kind: TokenKind) -> bool {
    matches!(kind, TokenKind::Punct('.' | '!' | '?' | '…'))
}

/// [`split_sentences`], given `marks`: the indices of the tokens that are
/// [`is_sentence_mark`], in order. Only those are looked at: a block's sentence
/// marks are a few in a hundred of its tokens.
pub fn split_sentences_at(tokens: &[Token], marks: &[usize], grammar: &Grammar) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    split_sentences_into(&mut sentences, tokens, marks, grammar);
    sentences
}

/// [`split_sentences_at`], pushing the sentences onto `sentences`.
pub fn split_sentences_into(
    sentences: &mut Vec<Sentence>,
    tokens: &[Token],
    marks: &[usize],
    grammar: &Grammar,
) {
    let mut start = 0;
    // A sentence end takes only the closing quotes and brackets after its mark,
    // none of them a mark: the next mark starts past it.
    for &index in marks {
        if let Some(end) = sentence_end(tokens, index, grammar) {
            sentences.push(make_sentence(tokens, start..end));
            start = end;
        }
    }
    if start < tokens.len() {
        sentences.push(make_sentence(tokens, start..tokens.len()));
    }
}

fn make_sentence(tokens: &[Token], range: Range<usize>) -> Sentence {
    let span = tokens[range.start].span.cover(tokens[range.end - 1].span);
    Sentence {
        span,
        tokens: range,
    }
}

/// When `tokens[index]` ends a sentence, the index just past it and the closing
/// quotes or brackets that belong to it.
fn sentence_end(tokens: &[Token], index: usize, grammar: &Grammar) -> Option<usize> {
    let token = &tokens[index];
    let TokenKind::Punct(mark) = token.kind else {
        return None;
    };
    if !is_sentence_mark(token.kind) {
        return None;
    }
    let mut end = index + 1;
    while let Some(next) = tokens.get(end)
        && next.span.start == tokens[end - 1].span.end
        && is_closer(next)
    {
        end += 1;
    }
    let Some(next) = tokens.get(end) else {
        return Some(end);
    };
    if mark == '.' && follows_abbreviation(tokens, index, grammar) {
        return None;
    }
    let opens_sentence = next.text.chars().next().is_some_and(|c| {
        c.is_uppercase()
            || c.is_ascii_digit()
            || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[' | '—' | '-')
    });
    opens_sentence.then_some(end)
}

/// Closing quotation marks and brackets.
fn is_closer(token: &Token) -> bool {
    matches!(
        token.kind,
        TokenKind::Punct('"' | '”' | '’' | '\'' | ')' | ']' | '»')
    )
}

/// True when the period at `index` closes an abbreviation ("Mr.", "U.S.") or an
/// initial ("J.").
fn follows_abbreviation(tokens: &[Token], index: usize, grammar: &Grammar) -> bool {
    let Some(before) = index.checked_sub(1).map(|i| &tokens[i]) else {
        return false;
    };
    if !before.is_word() || before.span.end != tokens[index].span.start {
        return false;
    }
    let initial = before.text.chars().count() == 1 && before.is_capitalized();
    initial || grammar.is_abbreviation(&before.lower)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::token::tokenize;

    fn split(text: &str) -> Vec<&str> {
        let grammar = Grammar::built_in().unwrap();
        let tokens = tokenize(text, Span::new(0, text.len()));
        split_sentences(&tokens, &grammar)
            .into_iter()
            .map(|sentence| sentence.span.slice(text))
            .collect()
    }

    static GRAMMAR: std::sync::LazyLock<Grammar> =
        std::sync::LazyLock::new(|| Grammar::built_in().unwrap());

    proptest::proptest! {
        #[test]
        fn looking_at_the_marks_alone_splits_the_same(
            text in "[a-zA-Z0-9 .!?…\"“”'()\\]-]{0,60}|(Mr|U|J|[a-z]{1,3})[.] [A-Z][a-z]{0,3}[.!?]{0,3}[\"”)]{0,2}"
        ) {
            let tokens = tokenize(&text, Span::new(0, text.len()));
            let every_token: Vec<usize> = (0..tokens.len()).collect();
            proptest::prop_assert_eq!(
                split_sentences(&tokens, &GRAMMAR),
                split_sentences_at(&tokens, &every_token, &GRAMMAR)
            );
        }
    }

    #[test]
    fn sentence_table() {
        let table: &[(&str, &[&str])] = &[
            ("One. Two.", &["One.", "Two."]),
            (
                "Mr. Smith went to the U.S. Army. He said so.",
                &["Mr. Smith went to the U.S. Army.", "He said so."],
            ),
            (
                "\"You could tell,\" one said. \"The Ministry knew.\"",
                &["\"You could tell,\" one said.", "\"The Ministry knew.\""],
            ),
            ("It ended. 30 died.", &["It ended.", "30 died."]),
            ("Wait... and see.", &["Wait... and see."]),
            (
                "J. Edgar Hoover spoke. Then left",
                &["J. Edgar Hoover spoke.", "Then left"],
            ),
            ("No end", &["No end"]),
            ("Why? Because.", &["Why?", "Because."]),
        ];
        for (text, want) in table {
            assert_eq!(split(text), *want, "{text}");
        }
    }
}
