//! The nom pieces every frame builds on: lexicon lookups (a cue, an "according to"
//! phrase, a relay phrase) and small combinators over tokens (a word of a class, a
//! mark, a clause comma). The noun-phrase walker is in `noun_phrase.rs`, sources with their
//! relays in `relay.rs`.

use nom::{IResult, Input, Parser, error::ErrorKind};

use super::tokens::Tokens;
use crate::grammar::{CueFlags, Grammar, IdPhrases, LexemeId, MarkerRule, WordClass};
use crate::segment::Token;
use crate::span::Span;

/// A parse result over tokens.
pub type Res<'t, O> = IResult<Tokens<'t>, O>;

/// The longest phrase of `set` starting at the input, as a span: the words are
/// compared by their lexemes (see [`IdPhrases`]).
fn phrase_at<'t, V: Clone>(
    input: Tokens<'t>,
    set: &IdPhrases<V>,
    grammar: &Grammar,
) -> Res<'t, (Span, V)> {
    let words = input.tokens;
    let matched = set.longest_match(|i| lexeme_at(words, i, grammar));
    match matched {
        Some((count, value)) => {
            let span = words[0].span.cover(words[count - 1].span);
            Ok((input.take_from(count), (span, value.clone())))
        }
        None => fail(input),
    }
}

/// The lexeme of the word `tokens[index]`, for a phrase lookup: None past the
/// end or at a token that is no word.
pub fn lexeme_at(tokens: &[Token], index: usize, grammar: &Grammar) -> Option<LexemeId> {
    tokens
        .get(index)
        .filter(|token| token.is_word())
        .map(|token| grammar.lexemes.id_of(&token.lower))
}

/// A reporting cue ("said", "pointed out") with its flags. A cue flagged `that` is
/// one only before "that" and its clause: "CNN is reporting that a plane …", not "in
/// his reporting on the war" nor "reporting that.".
pub fn cue<'t>(grammar: &Grammar) -> impl Fn(Tokens<'t>) -> Res<'t, (Span, CueFlags)> {
    move |input| {
        let (rest, (span, flags)) = phrase_at(input, &grammar.lexemes.cues, grammar)?;
        if flags.that && !that_clause_opens(rest.tokens, grammar) {
            return fail(input);
        }
        let reflexive_next = || {
            rest.tokens
                .first()
                .is_some_and(|next| next.is_word() && grammar.is(&next.lower, WordClass::Reflexive))
        };
        if flags.not_reflexive && reflexive_next() {
            return fail(input);
        }
        Ok((rest, (span, flags)))
    }
}

/// "that" and a word or quotation after it, at the start of `tokens`; not "that"
/// as a subject before its verb ("I guess that was the point").
pub fn that_clause_opens(tokens: &[Token], grammar: &Grammar) -> bool {
    match tokens {
        [that, next, ..] => {
            that.is_word()
                && grammar.is(&that.lower, WordClass::Complementizer)
                && (next.is_quote_mark() || next.is_word() && !grammar.is_finite_verb(&next.lower))
        }
        _ => false,
    }
}

/// A reliability-marker phrase of `markers.txt`, with its rule.
pub fn marker<'t>(grammar: &Grammar) -> impl Fn(Tokens<'t>) -> Res<'t, (Span, MarkerRule)> {
    move |input| phrase_at(input, &grammar.lexemes.markers, grammar)
}

/// An "according to"-style phrase.
pub fn according<'t>(grammar: &Grammar) -> impl Fn(Tokens<'t>) -> Res<'t, Span> {
    move |input| {
        phrase_at(input, &grammar.lexemes.according, grammar).map(|(rest, (span, ()))| (rest, span))
    }
}

/// A relay phrase ("cited in", "released by").
pub fn relay_phrase<'t>(grammar: &Grammar) -> impl Fn(Tokens<'t>) -> Res<'t, Span> {
    move |input| {
        phrase_at(input, &grammar.lexemes.relays, grammar).map(|(rest, (span, ()))| (rest, span))
    }
}

/// One token satisfying `predicate`.
pub fn token_where<'t>(
    predicate: impl Fn(&Token) -> bool,
) -> impl Fn(Tokens<'t>) -> Res<'t, &'t Token<'t>> {
    move |input| match input.first() {
        Some(token) if predicate(token) => Ok((input.take_from(1), token)),
        _ => fail(input),
    }
}

/// The punctuation mark `c`.
pub fn punct<'t>(c: char) -> impl Fn(Tokens<'t>) -> Res<'t, &'t Token<'t>> {
    token_where(move |token| token.is_punct(c))
}

/// A word of the class `class` (word_classes.txt).
pub fn word_of<'t>(
    grammar: &Grammar,
    class: WordClass,
) -> impl Fn(Tokens<'t>) -> Res<'t, &'t Token<'t>> {
    token_where(move |token| token.is_word() && grammar.is(&token.lower, class))
}

/// A quotation mark (a clause comma's neighbour is a closing one).
pub fn closing_quote<'t>(input: Tokens<'t>) -> Res<'t, &'t Token<'t>> {
    token_where(|token| token.is_quote_mark())(input)
}

/// A clause comma, with a closing quote on either side: `,` `,"` `",` `,”`.
pub fn clause_comma<'t>(input: Tokens<'t>) -> Res<'t, Span> {
    let (rest, _) = nom::combinator::opt(closing_quote).parse(input)?;
    let (rest, comma) = punct(',')(rest)?;
    let (rest, _) = nom::combinator::opt(closing_quote).parse(rest)?;
    Ok((rest, comma.span))
}

/// A failure at `input`.
pub fn fail<'t, O>(input: Tokens<'t>) -> Res<'t, O> {
    Err(nom::Err::Error(nom::error::Error::new(
        input,
        ErrorKind::Verify,
    )))
}
