//! The noun phrase that can name a source, read left to right: an index walk over
//! the tokens, returned as a nom result so that the nom combinators of `relay.rs`
//! compose it.

use nom::Input;

use super::phrase::{Res, fail, relay_phrase};
use super::tokens::Tokens;
use crate::grammar::{AffixClass, Grammar, WordClass, WordRole};
use crate::segment::{Token, TokenKind};
use crate::span::Span;

/// A noun phrase that can name a source: determiners, then content words, with
/// "of" complements ("one of the US officials"), possessives and abbreviations
/// ("the U.S. Army"). Returns its span; stops before anything else.
pub fn noun_phrase<'t>(grammar: &Grammar) -> impl Fn(Tokens<'t>) -> Res<'t, Span> {
    move |input| {
        let tokens = input.tokens;
        let mut index = 0;
        let mut last_content: Option<usize> = None;
        let mut in_determiners = true;
        while let Some(token) = tokens.get(index) {
            if index >= MAX_PHRASE_TOKENS {
                break;
            }
            let relay_starts = index > 0 && relay_phrase(grammar)(input.take_from(index)).is_ok();
            // One lookup per word answers for its role and its classes.
            let info = match token.kind {
                TokenKind::Word => grammar.word(&token.lower),
                _ => None,
            };
            let role = info.and_then(|info| info.role);
            let is = |class| info.is_some_and(|info| info.is(class));
            let accepted = !relay_starts
                && match token.kind {
                    TokenKind::Word => match role {
                        Some(WordRole::Determiner) if in_determiners => true,
                        // "one of the officials", "Ministry of State Security"
                        _ if is(WordClass::Partitive) => {
                            (last_content.is_some() || index > 0) && next_is_word(tokens, index)
                        }
                        // "four in 10 voters", "one in five"
                        _ if is(WordClass::Ratio) => {
                            index > 0
                                && is_count(grammar, &tokens[index - 1].lower)
                                && tokens
                                    .get(index + 1)
                                    .is_some_and(|next| is_count(grammar, &next.lower))
                        }
                        // "current and former officials", "Smith and Jones"
                        _ if is(WordClass::NounCoordinator) => {
                            last_content.is_some() && next_is_content_word(tokens, index, grammar)
                        }
                        Some(WordRole::Determiner) => {
                            grammar.is(&tokens[index - 1].lower, WordClass::Partitive)
                                || is(WordClass::Count)
                                || is_number_word(&token.lower)
                        }
                        Some(_) => false,
                        // "a cable released on Wednesday": the participle starts a modifier
                        None if last_content.is_some()
                            && is_participle_before_preposition(tokens, index, grammar) =>
                        {
                            false
                        }
                        None => {
                            last_content = Some(index);
                            true
                        }
                    },
                    // "the U.S. Army", "officials' " and "secretary - general"
                    TokenKind::Punct('.') => abbreviation_period(tokens, index, grammar),
                    // "Johnson & Johnson", "Standard & Poor's"
                    TokenKind::Punct('&') => joins_names(tokens, index),
                    TokenKind::Punct('\'' | '’') if !token.is_quote_mark() => {
                        index > 0 && tokens[index - 1].span.end == token.span.start
                    }
                    // "42% say": a percentage is a poll's share of people
                    TokenKind::Punct('%') => {
                        let glued_number = index > 0
                            && tokens[index - 1].span.end == token.span.start
                            && is_number_word(&tokens[index - 1].lower);
                        if glued_number {
                            last_content = Some(index);
                        }
                        glued_number
                    }
                    _ => false,
                };
            if !accepted {
                break;
            }
            if token.is_word() && role != Some(WordRole::Determiner) {
                in_determiners = false;
            }
            index += 1;
        }
        match last_content {
            Some(last) => {
                let span = tokens[0].span.cover(tokens[last].span);
                Ok((input.take_from(last + 1), span))
            }
            None => fail(input),
        }
    }
}

/// Longest source phrase worth taking; longer runs are clauses, not names.
pub const MAX_PHRASE_TOKENS: usize = 12;

/// An ampersand between two capitalized words: one name ("Marks & Spencer").
pub fn joins_names(tokens: &[Token], index: usize) -> bool {
    let capitalized = |token: &Token| token.is_word() && token.is_capitalized();
    index > 0 && capitalized(&tokens[index - 1]) && tokens.get(index + 1).is_some_and(capitalized)
}

fn next_is_word(tokens: &[Token], index: usize) -> bool {
    tokens.get(index + 1).is_some_and(Token::is_word)
}

fn next_is_content_word(tokens: &[Token], index: usize, grammar: &Grammar) -> bool {
    tokens
        .get(index + 1)
        .is_some_and(|next| next.is_word() && grammar.word_role(&next.lower).is_none())
}

fn is_participle_before_preposition(tokens: &[Token], index: usize, grammar: &Grammar) -> bool {
    grammar
        .affixes
        .has(&tokens[index].lower, AffixClass::PastParticiple)
        && tokens.get(index + 1).is_some_and(|next| {
            // "released on Wednesday", "published Wednesday", "issued last week"
            next.is_word()
                && matches!(
                    grammar.word_role(&next.lower),
                    Some(WordRole::Preposition | WordRole::Time)
                )
        })
}

/// A number in digits or a count word (up to ten): the parts of "four in 10".
fn is_count(grammar: &Grammar, lower: &str) -> bool {
    is_number_word(lower) || grammar.is(lower, WordClass::Count)
}

fn is_number_word(lower: &str) -> bool {
    lower.chars().all(|c| c.is_ascii_digit())
}

/// A period glued to an abbreviation or initials inside a name ("Mr.", "J.",
/// "F.B.I."), followed by more of the name.
fn abbreviation_period(tokens: &[Token], index: usize, grammar: &Grammar) -> bool {
    let Some(before) = index.checked_sub(1).map(|i| &tokens[i]) else {
        return false;
    };
    let glued = before.span.end == tokens[index].span.start;
    let abbreviation = grammar.is_abbreviation(&before.lower) || before.is_initials();
    glued && abbreviation && next_is_word(tokens, index)
}
