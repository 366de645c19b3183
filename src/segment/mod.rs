//! Blocks into tokens, sentences and quotation spans.

pub mod quote;
pub mod sentence;
pub mod token;

pub use quote::{Quote, Quotes};
pub use sentence::Sentence;
pub use token::{Lower, Side, Token, TokenKind};

use crate::grammar::{Grammar, Opens};
use crate::ingest::Block;

/// One block, segmented.
#[derive(Debug, Clone)]
pub struct Segmented<'a> {
    pub block: Block,
    pub tokens: Vec<Token<'a>>,
    /// What lexicon phrases each token may open (nothing for punctuation).
    pub opens: Vec<Opens>,
    /// The tokens that may open a cue or an "according to" phrase, in order:
    /// the frame matchers start only there (a few in a hundred tokens).
    pub cue_starts: Vec<usize>,
    /// The tokens that may open a marker phrase, in order.
    pub marker_starts: Vec<usize>,
    pub sentences: Vec<Sentence>,
    pub quotes: Quotes,
}

/// The vectors blocks are segmented into, kept from one block to the next (and,
/// on a worker, from one document to the next) so that segmenting a block
/// allocates nothing once they have grown: a block's tokens are dropped before the
/// next block is read (see `pipeline::digest_block`).
#[derive(Debug, Default)]
pub struct Buffers {
    /// Emptied; the room of the last block's tokens, whatever text they were of.
    tokens: Vec<Token<'static>>,
    opens: Vec<Opens>,
    cue_starts: Vec<usize>,
    marker_starts: Vec<usize>,
    sentence_marks: Vec<usize>,
    quote_marks: Vec<usize>,
    sentences: Vec<Sentence>,
}

impl Buffers {
    /// Takes back the vectors of a block that is done with.
    pub fn recycle(&mut self, segmented: Segmented) {
        let Segmented {
            tokens,
            mut opens,
            mut cue_starts,
            mut marker_starts,
            mut sentences,
            ..
        } = segmented;
        self.tokens = retyped(tokens);
        opens.clear();
        cue_starts.clear();
        marker_starts.clear();
        sentences.clear();
        (
            self.opens,
            self.cue_starts,
            self.marker_starts,
            self.sentences,
        ) = (opens, cue_starts, marker_starts, sentences);
    }
}

/// `tokens` emptied, its room kept for tokens of another text: an empty vector
/// collected in place (the standard library reuses the allocation of a vector
/// iterated into one of a type of the same size).
fn retyped<'b>(mut tokens: Vec<Token<'_>>) -> Vec<Token<'b>> {
    tokens.clear();
    tokens
        .into_iter()
        .map(|_| unreachable!("emptied"))
        .collect()
}

/// Tokens, sentences and quotes of one block; `block_lower` is the block's text
/// in ASCII lowercase (`block.span.slice(text).to_ascii_lowercase()`), which
/// tokens borrow their lowercase forms from.
pub fn segment<'a>(
    text: &'a str,
    block_lower: &'a str,
    block: Block,
    grammar: &Grammar,
) -> Segmented<'a> {
    segment_into(text, block_lower, block, grammar, &mut Buffers::default())
}

/// [`segment`], in the vectors of `buffers` (give them back with
/// [`Buffers::recycle`]).
pub fn segment_into<'a>(
    text: &'a str,
    block_lower: &'a str,
    block: Block,
    grammar: &Grammar,
    buffers: &mut Buffers,
) -> Segmented<'a> {
    // Flags looked up as each token is made rather than in a second loop over
    // the tokens: 3% less time on the bench corpus. Sized as the tokenizer sizes
    // its tokens (a token per four bytes).
    let mut opens = std::mem::take(&mut buffers.opens);
    opens.reserve(block.span.len() / 4 + 1);
    // Where the sentence and quotation marks are, so that those passes look at
    // them alone.
    let mut sentence_marks = std::mem::take(&mut buffers.sentence_marks);
    let mut quote_marks = std::mem::take(&mut buffers.quote_marks);
    let mut cue_starts = std::mem::take(&mut buffers.cue_starts);
    let mut marker_starts = std::mem::take(&mut buffers.marker_starts);
    let tokens = retyped(std::mem::take(&mut buffers.tokens));
    let mut tokens = token::tokenize_lowered_into(tokens, text, block_lower, block.span, |token| {
        let index = opens.len();
        opens.push(match token.kind {
            TokenKind::Word => {
                // The one lookup of the word: later stages read its lexeme. An
                // ASCII word's lowercase form is the block's lowercase copy, in place.
                let at = token.span.start - block.span.start;
                let in_place =
                    std::ptr::eq(token.lower.as_ptr(), block_lower.as_ptr().wrapping_add(at));
                let id = if in_place {
                    grammar
                        .lexemes
                        .id_at(&token.lower, block_lower.as_bytes(), at)
                } else {
                    grammar.lexemes.id(&token.lower)
                };
                token.lower.set_lexeme(id);
                let opens = grammar.lexemes.get(id).opens;
                push_if(&mut cue_starts, index, opens.cue_or_according());
                push_if(&mut marker_starts, index, opens.marker);
                opens
            }
            TokenKind::Punct(_) => {
                push_if(
                    &mut sentence_marks,
                    index,
                    sentence::is_sentence_mark(token.kind),
                );
                push_if(&mut quote_marks, index, quote::is_mark(token.kind));
                Opens::default()
            }
        });
    });
    debug_assert_eq!(opens.len(), tokens.len());
    let mut sentences = std::mem::take(&mut buffers.sentences);
    sentence::split_sentences_into(&mut sentences, &tokens, &sentence_marks, grammar);
    let quotes = quote::find_quotes_at(text, &mut tokens, &quote_marks, grammar);
    sentence_marks.clear();
    quote_marks.clear();
    (buffers.sentence_marks, buffers.quote_marks) = (sentence_marks, quote_marks);
    Segmented {
        block,
        tokens,
        opens,
        cue_starts,
        marker_starts,
        sentences,
        quotes,
    }
}

/// Pushes `index` onto `list` when `keep`, without a branch on it: whether a word
/// opens a phrase ("the" opens the mined cue "the hope") or a mark ends a sentence
/// cannot be predicted, and a branch on it missed about one time in six. The
/// index is pushed either way and cut off again when not kept.
fn push_if(list: &mut Vec<usize>, index: usize, keep: bool) {
    let len = list.len();
    list.push(index);
    list.truncate(len + usize::from(keep));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::Role;
    use crate::span::Span;

    #[test]
    fn the_lists_of_starts_and_marks_are_the_tokens_they_name() {
        let grammar = Grammar::built_in().unwrap();
        let text = "According to officials, it was unclear whether he said “no.” \
                    Reportedly, the hope is that “they will.” Mr. Lee told “Fox”! \
                    The officials' view: 'never again'.";
        let lower = text.to_ascii_lowercase();
        let block = Block {
            span: Span::new(0, text.len()),
            role: Role::Body,
        };
        let segmented = segment(text, &lower, block, &grammar);
        let indices = |keep: &dyn Fn(usize) -> bool| -> Vec<usize> {
            (0..segmented.tokens.len())
                .filter(|&index| keep(index))
                .collect()
        };
        let opens = &segmented.opens;
        assert_eq!(
            segmented.cue_starts,
            indices(&|index| opens[index].cue_or_according())
        );
        assert_eq!(
            segmented.marker_starts,
            indices(&|index| opens[index].marker)
        );
        assert!(segmented.cue_starts.len() >= 3 && !segmented.marker_starts.is_empty());
        // The passes that looked at the marks alone agree with those over every token.
        let tokens = &segmented.tokens;
        assert_eq!(
            segmented.sentences,
            sentence::split_sentences(tokens, &grammar)
        );
        let mut retokenized = token::tokenize(text, block.span);
        assert_eq!(
            segmented.quotes,
            quote::find_quotes(text, &mut retokenized, &grammar)
        );
        assert_eq!(*tokens, retokenized);
        assert_eq!(segmented.quotes.overlapping(block.span).len(), 4);
        let single_marks = tokens.iter().filter(|token| token.is_quote_mark());
        assert_eq!(
            single_marks
                .filter(|token| token.kind.is_single_quote())
                .count(),
            2
        );
    }

    #[test]
    fn a_block_segmented_in_recycled_buffers_is_segmented_the_same_in_their_room() {
        let grammar = &*GRAMMAR;
        let texts = [
            "Officials said the plan failed. “It was a mistake,” Smith told reporters. \
             Officials said the plan failed. “It was a mistake,” Smith told reporters.",
            "A second, shorter block: he said so.",
            "",
            "Reportedly, the hope is that “they will.” Mr. Lee told “Fox”!",
        ];
        let mut buffers = Buffers::default();
        let mut room = None;
        for text in texts {
            let lower = text.to_ascii_lowercase();
            let block = Block {
                span: Span::new(0, text.len()),
                role: Role::Body,
            };
            let fresh = segment(text, &lower, block, grammar);
            let recycled = segment_into(text, &lower, block, grammar, &mut buffers);
            assert_eq!(recycled.tokens, fresh.tokens, "{text}");
            assert_eq!(
                (
                    &recycled.opens,
                    &recycled.cue_starts,
                    &recycled.marker_starts
                ),
                (&fresh.opens, &fresh.cue_starts, &fresh.marker_starts),
            );
            assert_eq!(
                (&recycled.sentences, &recycled.quotes),
                (&fresh.sentences, &fresh.quotes)
            );
            let at = recycled.tokens.as_ptr() as usize;
            // The first block's room is big enough for the others: it is kept.
            assert_eq!(*room.get_or_insert(at), at, "{text}");
            buffers.recycle(recycled);
        }
    }

    static GRAMMAR: std::sync::LazyLock<Grammar> =
        std::sync::LazyLock::new(|| Grammar::built_in().unwrap());

    proptest::proptest! {
        // Segmenting in one pass (each word looked up as it is read, the lists of
        // starts and marks pushed as tokens are made, sentences and quotes found
        // from the marks alone) gives what each step gives apart, over every token,
        // on any text.
        #[test]
        fn segmenting_in_one_pass_agrees_with_its_steps_taken_apart(
            text in "[a-zA-Z0-9 \n.,;:!?…'’‘\"“”()\\[\\]—–&é-]{0,80}|(said|the|hope|according|to|officials|Mr|U\\.S|reportedly|Ärzte|naïve|counterterrorism| |  |\n|, |\\. |: |“|”|'|’|‘|\"){0,24}"
        ) {
            let mut tokens = token::tokenize(&text, Span::new(0, text.len()));
            let quotes = quote::find_quotes(&text, &mut tokens, &GRAMMAR);
            with_body(&text, |segmented| {
                proptest::prop_assert_eq!(&segmented.tokens, &tokens);
                proptest::prop_assert_eq!(&segmented.quotes, &quotes);
                proptest::prop_assert_eq!(
                    &segmented.sentences,
                    &sentence::split_sentences(&tokens, &GRAMMAR)
                );
                let lexemes = &GRAMMAR.lexemes;
                let opens: Vec<Opens> = tokens
                    .iter()
                    .map(|token| match token.is_word() {
                        true => lexemes.get(lexemes.id(&token.lower)).opens,
                        false => Opens::default(),
                    })
                    .collect();
                proptest::prop_assert_eq!(&segmented.opens, &opens);
                let starts = |keep: fn(Opens) -> bool| -> Vec<usize> {
                    (0..opens.len()).filter(|&index| keep(opens[index])).collect()
                };
                proptest::prop_assert_eq!(&segmented.cue_starts, &starts(Opens::cue_or_according));
                proptest::prop_assert_eq!(&segmented.marker_starts, &starts(|opens| opens.marker));
                Ok(())
            })?;
        }
    }

    /// `text` segmented as one body block, for `check`.
    fn with_body<R>(text: &str, check: impl FnOnce(&Segmented) -> R) -> R {
        let lower = text.to_ascii_lowercase();
        let block = Block {
            span: Span::new(0, text.len()),
            role: Role::Body,
        };
        check(&segment(text, &lower, block, &GRAMMAR))
    }

    proptest::proptest! {
        // Words read in place from the block's lowercase copy find the lexeme their
        // lowercase text finds, at any length, case and place in the block (its
        // last bytes included), and the flags of every word are its lexeme's.
        #[test]
        fn each_word_carries_the_lexeme_of_its_lowercase_text(
            text in "((Said|SAID|said|the|The|according|officials|Officials|reportedly|U\\.S|mr|Mr|hope|is|expected|Ärzte|ÉTÉ|naïve|déclaré|counterterrorism|x|[A-Za-z]{1,10})[ ,.“”]{1,2}){0,12}"
        ) {
            with_body(&text, |segmented| {
                for (token, opens) in segmented.tokens.iter().zip(&segmented.opens) {
                    if !token.is_word() {
                        continue;
                    }
                    let id = GRAMMAR.lexemes.id(&token.lower);
                    proptest::prop_assert_eq!(token.lower.lexeme(), Some(id), "{:?}", token.text);
                    proptest::prop_assert_eq!(*opens, GRAMMAR.lexemes.get(id).opens);
                }
                Ok(())
            })?;
        }
    }
}
