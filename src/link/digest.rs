//! What linking keeps of a segmented block once its tokens are gone. Blocks are
//! linked together, a section of the document at a time (see
//! `pipeline::Extractor::for_each_section`), but segmented and matched one at a
//! time: only one block's tokens are held at once.

use crate::grammar::Grammar;
use crate::ingest::Role;
use crate::matcher::Found;
use crate::matcher::claim::{FinalMarks, trim_final_marks};
use crate::model::Marker;
use crate::segment::{Quotes, Segmented, Token, TokenKind};
use crate::span::Span;

use super::names::name_spans;

/// Fewest words for a sentence with no attribution to count as a claim of its own
/// (an unattributed assertion).
const MIN_ASSERTION_WORDS: usize = 4;

/// One prose block, as linking sees it.
#[derive(Debug, Clone)]
pub struct Digest {
    pub span: Span,
    pub sentences: Vec<SentenceFacts>,
    pub quotes: Quotes,
    /// The frames the matchers found, in text order.
    pub found: Vec<Found>,
    pub markers: Vec<Marker>,
    /// The capitalised names of the prose, in text order.
    pub names: Vec<Span>,
    /// What the block is on the page: an interview's question or answer is linked
    /// as such.
    pub role: Role,
    /// An interview answer's claim: the whole block, without its bare final period.
    pub answer: Option<Span>,
}

/// What linking asks of a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SentenceFacts {
    pub span: Span,
    /// Opens with a quotation mark and holds two words or more: a quote with no
    /// cue of its own.
    pub quoted: bool,
    /// The claim the sentence makes when nothing attributes it: a declarative
    /// sentence of a few words, without its bare final period.
    pub assertion: Option<Span>,
    /// The question mark the sentence ends in, if it asks: in an interview's
    /// question, what it reports is asked about, not said ("Do you think the plan
    /// failed?").
    pub asks: Option<Span>,
}

impl Digest {
    /// Digests a block with its quotations (moved out of `segmented`, whose
    /// vectors go back to the segmenter) and the frames and markers found in it.
    pub fn new(
        segmented: &Segmented,
        quotes: Quotes,
        found: Vec<Found>,
        markers: Vec<Marker>,
        grammar: &Grammar,
    ) -> Digest {
        let sentences = segmented
            .sentences
            .iter()
            .map(|sentence| {
                let tokens = &segmented.tokens[sentence.tokens.clone()];
                let words = tokens.iter().filter(|token| token.is_word()).count();
                SentenceFacts {
                    span: sentence.span,
                    quoted: words >= 2 && tokens.first().is_some_and(Token::is_quote_mark),
                    assertion: is_assertion(tokens, words)
                        .then(|| without_final_period(tokens, sentence.span)),
                    asks: last_mark(tokens)
                        .filter(|token| token.is_punct('?'))
                        .map(|token| token.span),
                }
            })
            .collect();
        let role = segmented.block.role;
        // Without its final period, as an assertion's claim.
        let answer = matches!(role, Role::Answer(_))
            .then(|| without_final_period(&segmented.tokens, segmented.block.span));
        Digest {
            span: segmented.block.span,
            sentences,
            quotes,
            found,
            markers,
            names: name_spans(segmented, grammar),
            role,
            answer,
        }
    }
}

/// A declarative sentence of a few words (`words` of them): a claim even with no
/// source.
fn is_assertion(tokens: &[Token], words: usize) -> bool {
    let ends_statement =
        last_mark(tokens).is_some_and(|token| matches!(token.kind, TokenKind::Punct('.' | '!')));
    words >= MIN_ASSERTION_WORDS && ends_statement
}

/// The last token of a sentence before its closing quotation marks and brackets.
fn last_mark<'s, 't>(tokens: &'s [Token<'t>]) -> Option<&'s Token<'t>> {
    tokens
        .iter()
        .rev()
        .find(|token| !matches!(token.kind, TokenKind::Punct('"' | '”' | '’' | '\'' | ')')))
}

/// The sentence (or block) without its bare final period.
fn without_final_period(tokens: &[Token], sentence: Span) -> Span {
    match trim_final_marks(tokens, 0, tokens.len(), FinalMarks::OnePeriod) {
        Some(last) if last + 1 < tokens.len() => Span::new(sentence.start, tokens[last].span.end),
        _ => sentence,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::Role;
    use crate::matcher::cases::{GRAMMAR, with_segmented};

    /// One sentence → whether it is a quote with no cue of its own, and the claim it
    /// makes when nothing attributes it ("" for none).
    #[rustfmt::skip]
    const CASES: &[(&str, bool, &str)] = &[
        ("The plan failed badly.", false, "The plan failed badly"),
        // Its "!" stays; of a spelled-out ellipsis, the last dot goes.
        ("The plan failed so badly!", false, "The plan failed so badly!"),
        ("The man left the house early...", false, "The man left the house early.."),
        // A quote is a claim too, with its marks.
        ("\"The plan failed badly.\"", true, "\"The plan failed badly.\""),
        // Fewer than four words; a question.
        ("It failed badly.", false, ""),
        ("Did the plan fail badly?", false, ""),
        // A quote of one word is no quote that continues a speaker.
        ("\"Yes.\"", false, ""),
        ("\"No way, ever.\"", true, ""),
        // Single quotation marks as double ones; an apostrophe is none.
        ("'The plan failed badly.'", true, "'The plan failed badly.'"),
        ("‘No way, ever.’", true, ""),
        ("'90s music was loud and brash.", false, "'90s music was loud and brash"),
    ];

    #[test]
    fn case_table() {
        for &(text, quoted, assertion) in CASES {
            let digest = with_segmented(text, Role::Body, |segmented| {
                Digest::new(
                    segmented,
                    segmented.quotes.clone(),
                    Vec::new(),
                    Vec::new(),
                    &GRAMMAR,
                )
            });
            let [sentence] = digest.sentences[..] else {
                panic!("{text:?} is not one sentence: {:?}", digest.sentences);
            };
            let got = sentence.assertion.map_or("", |span| span.slice(text));
            assert_eq!((sentence.quoted, got), (quoted, assertion), "{text:?}");
        }
    }
}
