//! Words and punctuation with their byte spans (nom over `&str`).

use std::borrow::Cow;

use nom::{
    IResult, Parser,
    bytes::complete::take_while1,
    character::complete::anychar,
    combinator::{recognize, verify},
    multi::many0_count,
    sequence::pair,
};

use crate::grammar::{AsWord, LexemeId, WordKey, straight_apostrophes};
use crate::span::Span;
use crate::swar;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters and digits, with inner apostrophes, hyphens and periods ("U.S", "don't").
    Word,
    /// Any other single character that is not whitespace.
    Punct(char),
}

impl TokenKind {
    /// True for any double quotation mark: straight or curly.
    pub fn is_double_quote(self) -> bool {
        matches!(self, TokenKind::Punct('"' | '“' | '”' | '„' | '«' | '»'))
    }

    /// True for a single quotation mark, straight or curly, which may also be an
    /// apostrophe (segment/quote.rs tells which).
    pub fn is_single_quote(self) -> bool {
        matches!(self, TokenKind::Punct('\'' | '‘' | '’'))
    }
}

/// Which end of a quotation a mark stands at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Opening,
    Closing,
}

/// A token's lowercase form, and the word's number in the grammar's lexeme table
/// once [`segment`](super::segment) has looked it up: the grammar's lookups
/// ([`Grammar::is`](crate::grammar::Grammar::is), [`Grammar::word`](crate::grammar::Grammar::word) …)
/// read the table by it instead of hashing the word again. It reads as the
/// lowercase `str`; two are equal when their words are.
#[derive(Debug, Clone)]
pub struct Lower<'a> {
    text: Cow<'a, str>,
    /// None until looked up (tokens made by [`tokenize`] alone): lookups then hash
    /// the text, and answer the same.
    lexeme: Option<LexemeId>,
}

impl<'a> Lower<'a> {
    /// A lowercase form not looked up yet.
    pub fn new(text: Cow<'a, str>) -> Self {
        Lower { text, lexeme: None }
    }

    /// The word's number in the lexeme table of the grammar that looked it up.
    pub fn lexeme(&self) -> Option<LexemeId> {
        self.lexeme
    }

    /// Records the word's number in the grammar's lexeme table.
    pub fn set_lexeme(&mut self, id: LexemeId) {
        self.lexeme = Some(id);
    }
}

impl std::ops::Deref for Lower<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        &self.text
    }
}

impl AsRef<str> for Lower<'_> {
    fn as_ref(&self) -> &str {
        &self.text
    }
}

impl AsWord for Lower<'_> {
    fn word_key(&self) -> WordKey<'_> {
        match self.lexeme {
            Some(id) => WordKey::Lexeme(id),
            None => WordKey::Text(&self.text),
        }
    }
}

impl PartialEq for Lower<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text
    }
}

impl Eq for Lower<'_> {}

impl PartialEq<str> for Lower<'_> {
    fn eq(&self, other: &str) -> bool {
        *self.text == *other
    }
}

impl PartialEq<&str> for Lower<'_> {
    fn eq(&self, other: &&str) -> bool {
        *self.text == **other
    }
}

/// A token of the text with its byte span and lowercase form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    pub text: &'a str,
    /// Lowercase form (borrowed when the text has no capital), with its lexeme.
    pub lower: Lower<'a>,
    pub span: Span,
    pub kind: TokenKind,
    /// For a single mark (' ‘ ’) that opens or closes a quotation of its block, which
    /// end: set by [`super::quote::find_quotes_at`]. `None` for an apostrophe and for
    /// every other token (a double mark is always a quotation mark).
    pub(super) single_quote: Option<Side>,
}

impl Token<'_> {
    /// True for a word token.
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    /// True for the punctuation character `c`.
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokenKind::Punct(c)
    }

    /// True for an initial or a run of them joined by periods, its final period a
    /// token of its own: "J", "F.B.I", "N.Y".
    pub fn is_initials(&self) -> bool {
        self.text.split('.').all(|part| {
            let mut letters = part.chars();
            letters.next().is_some_and(char::is_uppercase) && letters.next().is_none()
        })
    }

    /// True when the token starts with a capital letter.
    pub fn is_capitalized(&self) -> bool {
        // Asked of nearly every token; news text starts nearly all of them in ASCII.
        match self.text.as_bytes().first() {
            Some(byte) if byte.is_ascii() => byte.is_ascii_uppercase(),
            _ => self.text.chars().next().is_some_and(char::is_uppercase),
        }
    }

    /// True for a dash standing as a token, or a hyphen standing alone: the mark
    /// before a headline's source ("EARLY - Mark Blumenthal:") or a sign-off ("— Jane
    /// Doe").
    pub fn is_dash(&self) -> bool {
        matches!(self.kind, TokenKind::Punct('—' | '–' | '-'))
    }

    /// True for a quotation mark: any double mark, straight or curly, or a single
    /// mark that opens or closes a quotation of its block ('A,' ‘A’). An apostrophe
    /// (don't, officials', '90s) is none, nor is a single mark before the quotes of
    /// its block are found.
    pub fn is_quote_mark(&self) -> bool {
        self.kind.is_double_quote() || self.single_quote.is_some()
    }

    /// True for a mark that may close a quotation: a straight double mark, ” or », or
    /// a single mark that closes a quotation of its block.
    pub fn is_closing_quote_mark(&self) -> bool {
        matches!(self.kind, TokenKind::Punct('"' | '”' | '»'))
            || self.single_quote == Some(Side::Closing)
    }
}

/// Splits `text[span]` into tokens whose spans point into `text`.
pub fn tokenize(text: &str, span: Span) -> Vec<Token<'_>> {
    tokenize_with(
        Vec::new(),
        text,
        span,
        |piece, _, _| lowercase(piece),
        |_| {},
    )
}

/// True at two apostrophes that stand for a double quotation mark (`''Yes,'' he
/// said`); of three after a word, the first closes a single quotation inside the
/// double one (`''We are told, 'It is special,''' he said`).
fn starts_double_apostrophe(block: &str, at: usize) -> bool {
    let rest = &block.as_bytes()[at..];
    rest.starts_with(b"''") && !(rest.starts_with(b"'''") && glued_at(block, at))
}

/// True when something other than whitespace stands right before byte `at`.
fn glued_at(block: &str, at: usize) -> bool {
    block[..at]
        .chars()
        .next_back()
        .is_some_and(|c| !c.is_whitespace())
}

/// [`starts_double_apostrophe`] for `rest`, the text from the mark on, `glued` to
/// what stands before it.
fn is_double_apostrophe(rest: &str, glued: bool) -> bool {
    rest.starts_with("''") && !(glued && rest.starts_with("'''"))
}

/// Like [`tokenize`], with the lowercase form of each ASCII token borrowed from
/// `span_lower`, which is `span.slice(text).to_ascii_lowercase()`: news text is
/// nearly all ASCII, so capitalised words need no allocation of their own.
/// `each` sees every token as it is made, in order, so that work on single
/// tokens needs no second loop over them (and may set its lexeme).
pub fn tokenize_lowered<'a>(
    text: &'a str,
    span_lower: &'a str,
    span: Span,
    each: impl FnMut(&mut Token<'a>),
) -> Vec<Token<'a>> {
    tokenize_lowered_into(Vec::new(), text, span_lower, span, each)
}

/// [`tokenize_lowered`], into `tokens` (emptied first): a vector kept from an
/// earlier block, so that its room is reused.
pub fn tokenize_lowered_into<'a>(
    tokens: Vec<Token<'a>>,
    text: &'a str,
    span_lower: &'a str,
    span: Span,
    each: impl FnMut(&mut Token<'a>),
) -> Vec<Token<'a>> {
    tokenize_with(
        tokens,
        text,
        span,
        |piece, start, caseless_rest| {
            if caseless_rest || piece.is_ascii() {
                let start = start - span.start;
                Cow::Borrowed(&span_lower[start..start + piece.len()])
            } else {
                lowercase(piece)
            }
        },
        each,
    )
}

/// Splits `text[span]` into tokens, with `lower(piece, start, caseless_rest)` the
/// lowercase form of the token `piece` that starts at byte `start` of `text`;
/// `caseless_rest` is true when the scan knows that every character of the piece
/// is ASCII or has no case (’, “), so that ASCII lowercasing lowercases it all.
/// `each` sees every token as it is made.
fn tokenize_with<'a>(
    mut tokens: Vec<Token<'a>>,
    text: &'a str,
    span: Span,
    lower: impl Fn(&'a str, usize, bool) -> Cow<'a, str>,
    mut each: impl FnMut(&mut Token<'a>),
) -> Vec<Token<'a>> {
    let block = span.slice(text);
    let bytes = block.as_bytes();
    // About one token per four bytes of news text: one allocation, no regrowth.
    tokens.clear();
    tokens.reserve(block.len() / 4 + 1);
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        // Plain ASCII first: spaces, words and punctuation without a detour.
        if is_ascii_space(byte) {
            at += 1;
            continue;
        }
        // The kind, the length, and whether a word may hold a curly apostrophe.
        let plain = if byte.is_ascii_alphanumeric() {
            plain_word_len(&bytes[at..]).map(|(len, wide)| (TokenKind::Word, len, wide))
        } else if byte.is_ascii() && !starts_double_apostrophe(block, at) {
            Some((TokenKind::Punct(char::from(byte)), 1, false))
        } else if wide_char(bytes, at).is_some() {
            // Curly quotes and dashes: punctuation, and never part of a word's start.
            let c = block[at..].chars().next().unwrap_or_default();
            Some((TokenKind::Punct(c), c.len_utf8(), false))
        } else {
            None
        };
        let (kind, len, caseless_rest, may_curl) = match plain {
            Some((kind, len, wide)) => (kind, len, true, wide),
            None => {
                let rest = &block[at..];
                let spaces = rest.len() - rest.trim_start().len();
                if spaces > 0 {
                    at += spaces;
                    continue;
                }
                match next_token(rest, glued_at(block, at)) {
                    Some((kind, len)) => (kind, len, false, kind == TokenKind::Word),
                    None => break,
                }
            }
        };
        let piece = &block[at..at + len];
        let lowered = lower(piece, span.start + at, caseless_rest);
        let mut token = Token {
            text: piece,
            lower: Lower::new(if may_curl {
                straight_apostrophes(lowered)
            } else {
                lowered
            }),
            span: Span::new(span.start + at, span.start + at + len),
            kind,
            single_quote: None,
        };
        each(&mut token);
        tokens.push(token);
        at += len;
        // The one space between most tokens, skipped without a branch: whether a
        // token is followed by a space or by a mark cannot be predicted.
        at += usize::from(bytes.get(at) == Some(&b' '));
    }
    tokens
}

/// The ASCII whitespace that `char::is_whitespace` accepts (`u8::is_ascii_whitespace`
/// leaves out the vertical tab).
pub(crate) fn is_ascii_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r')
}

/// The kind and length in bytes of the token at the start of `rest`, which does
/// not start with whitespace and is `glued` to a token before it; None when nothing
/// can be read.
fn next_token(rest: &str, glued: bool) -> Option<(TokenKind, usize)> {
    match word(rest) {
        Ok((_, piece)) => Some((TokenKind::Word, piece.len())),
        // Two apostrophes are a double quotation mark in some wire copy: ''Yes,'' he said.
        Err(_) if is_double_apostrophe(rest, glued) => Some((TokenKind::Punct('"'), 2)),
        Err(_) => punct(rest)
            .ok()
            .map(|(_, c)| (TokenKind::Punct(c), c.len_utf8())),
    }
}

/// The lowercase form of a token: borrowed when it has no capital.
fn lowercase(piece: &str) -> Cow<'_, str> {
    if piece.is_ascii() {
        if piece.bytes().any(|byte| byte.is_ascii_uppercase()) {
            Cow::Owned(piece.to_ascii_lowercase())
        } else {
            Cow::Borrowed(piece)
        }
    } else if piece.chars().any(char::is_uppercase) {
        Cow::Owned(piece.to_lowercase())
    } else {
        Cow::Borrowed(piece)
    }
}

/// Index of the first of `tokens` (in text order) that starts at or after byte `at`.
pub fn first_token_from(tokens: &[Token], at: usize) -> usize {
    tokens.partition_point(|token| token.span.start < at)
}

/// The length of the word at the start of `bytes` when the scan can tell it from
/// the bytes alone: ASCII letters and digits, joined by ASCII joiners or the
/// caseless ’ and ‑, up to anything else that cannot belong to a word: the common
/// case, read without decoding characters. None when no word starts there or a non-ASCII
/// character may belong to it; [`word`] then decides. With the length, whether a
/// wide joiner (’ or ‑) is inside the word.
fn plain_word_len(bytes: &[u8]) -> Option<(usize, bool)> {
    // Eight bytes at a time: this runs on every word of the corpus, and a
    // byte-by-byte loop mispredicts its exit on nearly every word.
    let alphanumerics_end = |mut at: usize| {
        while let Some(word) = swar::word_at(bytes, at) {
            let others = !swar::ascii_alphanumeric_mask(word) & swar::splat(0x80);
            if others != 0 {
                return at + others.trailing_zeros() as usize / 8;
            }
            at += 8;
        }
        while at < bytes.len() && bytes[at].is_ascii_alphanumeric() {
            at += 1;
        }
        at
    };
    let mut end = alphanumerics_end(0);
    if end == 0 {
        return None;
    }
    let mut wide = false;
    loop {
        let mut joiners_end = end;
        let mut wide_joiner = false;
        loop {
            match bytes.get(joiners_end) {
                Some(b'\'' | b'-' | b'.' | b'&') => joiners_end += 1,
                Some(byte) if !byte.is_ascii() => match wide_char(bytes, joiners_end) {
                    Some(Wide::Joiner) => {
                        joiners_end += 3;
                        wide_joiner = true;
                    }
                    Some(Wide::Stop) => break,
                    None => return None,
                },
                _ => break,
            }
        }
        // Most words end at a space or a mark that joins nothing: no second scan.
        if joiners_end == end {
            return Some((end, wide));
        }
        let next_end = alphanumerics_end(joiners_end);
        if next_end == joiners_end {
            return Some((end, wide));
        }
        end = next_end;
        wide |= wide_joiner;
    }
}

/// What a common non-ASCII character of news text is to a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Wide {
    /// ’ and ‑, which join the parts of a word ("Trump’s").
    Joiner,
    /// “ ” ‘ – — …: punctuation, never in a word.
    Stop,
}

/// The [`Wide`] character starting at byte `at`, if it is one. All are three
/// bytes, E2 80 xx, with no case and neither letters nor whitespace.
fn wide_char(bytes: &[u8], at: usize) -> Option<Wide> {
    match bytes.get(at..at + 3)? {
        [0xE2, 0x80, 0x91 | 0x99] => Some(Wide::Joiner),
        [0xE2, 0x80, 0x93 | 0x94 | 0x98 | 0x9C | 0x9D | 0xA6] => Some(Wide::Stop),
        _ => None,
    }
}

/// A word: alphanumerics, joined by apostrophes, hyphens, periods or ampersands
/// ("f----d", "AT&T").
fn word(input: &str) -> IResult<&str, &str> {
    recognize(pair(
        take_while1(char::is_alphanumeric),
        many0_count(pair(
            take_while1(|c| matches!(c, '\'' | '’' | '-' | '.' | '‑' | '&')),
            take_while1(char::is_alphanumeric),
        )),
    ))
    .parse(input)
}

/// One character that is neither whitespace nor part of a word.
fn punct(input: &str) -> IResult<&str, char> {
    verify(anychar, |c: &char| !c.is_whitespace()).parse(input)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, Span::new(0, text.len()))
            .iter()
            .map(|token| token.text)
            .collect()
    }

    #[test]
    fn initials() {
        let table = [
            ("J", true),
            ("F.B.I", true),
            ("N.Y", true),
            ("É", true),
            ("Ó.B", true),
            ("Jr", false),
            ("F.b.I", false),
            ("F..B", false),
            ("j", false),
        ];
        for (text, want) in table {
            let token = &tokenize(text, Span::new(0, text.len()))[0];
            assert_eq!(token.is_initials(), want, "{text}");
        }
    }

    #[test]
    fn words_and_punctuation() {
        let table: &[(&str, &[&str])] = &[
            (
                "The U.S. agency's chief",
                &["The", "U.S", ".", "agency's", "chief"],
            ),
            (
                "“f----d up,” he said.",
                &["“", "f----d", "up", ",", "”", "he", "said", "."],
            ),
            ("weren't 30,000", &["weren't", "30", ",", "000"]),
            // A glued ampersand is part of a name; a spaced one stands alone.
            (
                "AT&T and Marks & Spencer",
                &["AT&T", "and", "Marks", "&", "Spencer"],
            ),
            ("rock&", &["rock", "&"]),
            ("  ", &[]),
            ("", &[]),
            ("a — b", &["a", "—", "b"]),
            ("''Yes,'' he said", &["''", "Yes", ",", "''", "he", "said"]),
            ("''A 'b,''' c", &["''", "A", "'", "b", ",", "'", "''", "c"]),
            ("'''A' b''", &["''", "'", "A", "'", "b", "''"]),
        ];
        for (text, want) in table {
            assert_eq!(words(text), *want, "{text}");
        }
    }

    #[test]
    fn plain_scan_agrees_with_the_word_parser() {
        let table = [
            "U.S.",
            "don't",
            "f----d",
            "a--",
            "x.'y",
            "ab",
            "a’b",
            "a-é",
            "aé",
            "a.",
            "a.-",
            "30,000",
            "a\u{2011}b",
            "9/11",
        ];
        for text in table {
            let parsed = word(text).ok().map(|(_, piece)| piece.len());
            if let Some((len, _)) = plain_word_len(text.as_bytes()) {
                assert_eq!(Some(len), parsed, "{text}");
            }
        }
        assert_eq!(plain_word_len(b"U.S."), Some((3, false)));
        assert_eq!(plain_word_len("a’b".as_bytes()), Some((5, true)));
        assert_eq!(plain_word_len("a’“".as_bytes()), Some((1, false)));
        assert_eq!(plain_word_len("aé".as_bytes()), None);
        assert_eq!(plain_word_len("a’é".as_bytes()), None);
        assert_eq!(plain_word_len(b"-a"), None);
    }

    proptest::proptest! {
        #[test]
        fn plain_scan_agrees_with_the_word_parser_anywhere(text in "[a-zA-Z0-9'.\\-’‑é ,“”‘–—…\u{2012}\u{2015}]{0,12}") {
            if let Some((len, _)) = plain_word_len(text.as_bytes()) {
                let parsed = word(&text).ok().map(|(_, piece)| piece.len());
                proptest::prop_assert_eq!(Some(len), parsed);
            }
        }
    }

    /// Tokens read by the nom parsers alone, without the byte-level fast paths.
    fn parsed_tokens(text: &str) -> Vec<(TokenKind, &str)> {
        let mut tokens = Vec::new();
        let mut rest = text.trim_start();
        let mut glued = false;
        while let Some((kind, len)) = next_token(rest, glued) {
            tokens.push((kind, &rest[..len]));
            let after = &rest[len..];
            rest = after.trim_start();
            glued = rest.len() == after.len();
        }
        tokens
    }

    proptest::proptest! {
        #[test]
        fn fast_paths_agree_with_the_parsers(text in "[a-zA-Z0-9'.\\-’‑é ,“”‘–—…\u{2012}\u{2015}\n\u{a0}]{0,24}") {
            let fast: Vec<_> = tokenize(&text, Span::new(0, text.len()))
                .into_iter()
                .map(|token| (token.kind, token.text))
                .collect();
            proptest::prop_assert_eq!(fast, parsed_tokens(&text));
        }
    }

    #[test]
    fn borrowed_lowercase_forms_are_the_same_tokens() {
        let text = "Senate GOP’s “Café” CAFÉ déjà-vu ΣΑΣ U.S. don't — X‑Ray’S “Yes…” ‘A’ Ä’s";
        for span in [Span::new(0, text.len()), Span::new(7, text.len() - 4)] {
            let span_lower = span.slice(text).to_ascii_lowercase();
            let mut seen = Vec::new();
            let tokens =
                tokenize_lowered(text, &span_lower, span, |token| seen.push(token.clone()));
            assert_eq!(tokens, tokenize(text, span));
            assert_eq!(seen, tokens, "`each` sees every token, in order");
        }
    }

    #[test]
    fn spans_point_into_the_text() {
        let text = "xx “Café” déjà-vu.";
        let tokens = tokenize(text, Span::new(3, text.len()));
        for token in &tokens {
            assert_eq!(token.span.slice(text), token.text);
        }
        assert_eq!(tokens[1].lower, "café");
    }

    #[test]
    fn a_words_lowercase_form_has_straight_apostrophes() {
        // Word → its lowercase form, as the lexicons write words.
        let table = [
            ("didn’t", "didn't"),
            ("Didn’t", "didn't"),
            ("GOP’s", "gop's"),
            ("O’Neill", "o'neill"),
            ("don't", "don't"),
            ("café", "café"),
        ];
        for (word, want) in table {
            let text = format!("{word} say");
            let lower = text.to_ascii_lowercase();
            let span = Span::new(0, text.len());
            for tokens in [
                tokenize(&text, span),
                tokenize_lowered(&text, &lower, span, |_| {}),
            ] {
                assert_eq!((tokens[0].text, &*tokens[0].lower), (word, want), "{text}");
            }
        }
        // A closing mark is punctuation, not a word: it stays as it is.
        let quoted = "‘No’";
        assert_eq!(&*tokenize(quoted, Span::new(0, quoted.len()))[2].lower, "’");
    }
}
