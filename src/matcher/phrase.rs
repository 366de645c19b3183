//! Shared nom combinators over tokens: words, punctuation, cues and source phrases.

use nom::{IResult, Input, Parser, error::ErrorKind};

use super::tokens::Tokens;
use crate::grammar::{CueFlags, Grammar, WordRole};
use crate::segment::{Token, TokenKind};
use crate::span::Span;

/// A parse result over tokens.
pub type Res<'t, O> = IResult<Tokens<'t>, O>;

/// The longest phrase of `set` starting at the input, as a span.
fn phrase_at<'t, V: Clone>(
    input: Tokens<'t>,
    set: &crate::grammar::PhraseSet<V>,
) -> Res<'t, (Span, V)> {
    let words = input.tokens;
    let matched = set.longest_match(|i| {
        words
            .get(i)
            .filter(|token| token.is_word())
            .map(|token| token.lower.as_ref())
    });
    match matched {
        Some((count, value)) => {
            let span = words[0].span.cover(words[count - 1].span);
            Ok((input.take_from(count), (span, value.clone())))
        }
        None => fail(input),
    }
}

/// A reporting cue ("said", "pointed out") with its flags.
pub fn cue<'t>(grammar: &Grammar) -> impl Fn(Tokens<'t>) -> Res<'t, (Span, CueFlags)> {
    move |input| phrase_at(input, &grammar.cues)
}

/// An "according to"-style phrase.
pub fn according<'t>(grammar: &Grammar) -> impl Fn(Tokens<'t>) -> Res<'t, Span> {
    move |input| phrase_at(input, &grammar.according).map(|(rest, (span, ()))| (rest, span))
}

/// A relay phrase ("cited in", "released by").
pub fn relay_phrase<'t>(grammar: &Grammar) -> impl Fn(Tokens<'t>) -> Res<'t, Span> {
    move |input| phrase_at(input, &grammar.relays).map(|(rest, (span, ()))| (rest, span))
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

/// The lowercase word `word`.
pub fn word<'t>(word: &'static str) -> impl Fn(Tokens<'t>) -> Res<'t, &'t Token<'t>> {
    token_where(move |token| token.is_word() && token.lower == word)
}

/// A closing double quotation mark.
pub fn closing_quote<'t>(input: Tokens<'t>) -> Res<'t, &'t Token<'t>> {
    token_where(|token| token.is_double_quote())(input)
}

/// A clause comma, with a closing quote on either side: `,` `,"` `",` `,”`.
pub fn clause_comma<'t>(input: Tokens<'t>) -> Res<'t, Span> {
    let (rest, _) = nom::combinator::opt(closing_quote).parse(input)?;
    let (rest, comma) = punct(',')(rest)?;
    let (rest, _) = nom::combinator::opt(closing_quote).parse(rest)?;
    Ok((rest, comma.span))
}

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
            let accepted = !relay_starts
                && match token.kind {
                    TokenKind::Word => match grammar.word_role(&token.lower) {
                        Some(WordRole::Determiner) if in_determiners => true,
                        // "one of the officials", "Ministry of State Security"
                        _ if token.lower == "of" => {
                            (last_content.is_some() || index > 0) && next_is_word(tokens, index)
                        }
                        // "four in 10 voters", "one in five"
                        _ if token.lower == "in" => {
                            index > 0
                                && is_count(&tokens[index - 1].lower)
                                && tokens
                                    .get(index + 1)
                                    .is_some_and(|next| is_count(&next.lower))
                        }
                        // "current and former officials", "Smith and Jones"
                        _ if token.lower == "and" => {
                            last_content.is_some() && next_is_content_word(tokens, index, grammar)
                        }
                        Some(WordRole::Determiner) => {
                            tokens[index - 1].lower == "of" || is_count(&tokens[index].lower)
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
                    TokenKind::Punct('\'' | '’') => {
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
            if token.is_word() && grammar.word_role(&token.lower) != Some(WordRole::Determiner) {
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

fn next_is_word(tokens: &[Token], index: usize) -> bool {
    tokens.get(index + 1).is_some_and(Token::is_word)
}

fn next_is_content_word(tokens: &[Token], index: usize, grammar: &Grammar) -> bool {
    tokens
        .get(index + 1)
        .is_some_and(|next| next.is_word() && grammar.word_role(&next.lower).is_none())
}

fn is_participle_before_preposition(tokens: &[Token], index: usize, grammar: &Grammar) -> bool {
    tokens[index].lower.ends_with("ed")
        && tokens.get(index + 1).is_some_and(|next| {
            next.is_word() && grammar.word_role(&next.lower) == Some(WordRole::Preposition)
        })
}

/// A number in digits or words up to ten: the parts of "four in 10".
pub fn is_count(lower: &str) -> bool {
    is_number_word(lower)
        || matches!(
            lower,
            "one" | "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten"
        )
}

fn is_number_word(lower: &str) -> bool {
    lower.chars().all(|c| c.is_ascii_digit())
}

/// A period glued to an abbreviation inside a name, followed by more of the name.
fn abbreviation_period(tokens: &[Token], index: usize, grammar: &Grammar) -> bool {
    let Some(before) = index.checked_sub(1).map(|i| &tokens[i]) else {
        return false;
    };
    let glued = before.span.end == tokens[index].span.start;
    let abbreviation = grammar.abbreviations.contains(before.lower.as_ref())
        || (before.text.chars().count() == 1 && before.is_capitalized());
    glued && abbreviation && next_is_word(tokens, index)
}

/// A source with the relays that follow it: "officials cited in a report by
/// Foreign Policy magazine" -> (officials, [a report, Foreign Policy magazine]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourcePhrase {
    /// The whole mention, with its post-modifiers ("a spokesman for the ministry").
    pub span: Span,
    /// The core noun phrase that gives the type ("a spokesman").
    pub head: Span,
    pub via: Vec<Span>,
}

impl SourcePhrase {
    /// A one-word source such as a pronoun.
    pub fn single(span: Span) -> Self {
        SourcePhrase {
            span,
            head: span,
            via: Vec::new(),
        }
    }
}

/// Most post-modifiers taken after a source ("a spokesman for the ministry in Beijing").
const MAX_MODIFIERS: usize = 2;

/// A noun phrase, its post-modifiers and its relay chain.
pub fn source_with_relays<'t>(grammar: &Grammar) -> impl Fn(Tokens<'t>) -> Res<'t, SourcePhrase> {
    move |input| {
        let (mut rest, head) = noun_phrase(grammar)(input)?;
        let mut span = head;
        let mut via = Vec::new();
        let mut last = head;
        let mut modifiers = 0;
        loop {
            let relay = relay_phrase(grammar).or(|i| by_after_document(i, grammar, last, input));
            if let Ok((after, (_, relayed))) = (relay, noun_phrase(grammar)).parse(rest) {
                via.push(relayed);
                last = relayed;
                rest = after;
                continue;
            }
            if modifiers < MAX_MODIFIERS
                && via.is_empty()
                && let Ok((after, modifier)) = post_modifier(grammar)(rest)
            {
                span = span.cover(modifier);
                modifiers += 1;
                rest = after;
                continue;
            }
            break;
        }
        Ok((rest, SourcePhrase { span, head, via }))
    }
}

/// "for the ministry", "released on Wednesday": an optional participle, a
/// preposition other than "by", and a noun phrase.
fn post_modifier<'t>(grammar: &Grammar) -> impl Fn(Tokens<'t>) -> Res<'t, Span> {
    move |input| {
        let participle = token_where(|token| {
            token.is_word()
                && token.lower.ends_with("ed")
                && grammar.word_role(&token.lower).is_none()
        });
        let preposition = token_where(|token| {
            token.is_word()
                && token.lower != "by"
                && grammar.word_role(&token.lower) == Some(WordRole::Preposition)
        });
        // "released on Wednesday": a time word is an object here too.
        let time = token_where(|token| {
            token.is_word() && grammar.word_role(&token.lower) == Some(WordRole::Time)
        });
        let object = noun_phrase(grammar).or(nom::combinator::map(time, |token| token.span));
        let (rest, (first, _, phrase)) =
            (nom::combinator::opt(participle), preposition, object).parse(input)?;
        let start = first.map_or_else(|| input.tokens[0].span, |token| token.span);
        Ok((rest, start.cover(phrase)))
    }
}

/// "by" after a document noun: "a report by Foreign Policy".
fn by_after_document<'t>(
    input: Tokens<'t>,
    grammar: &Grammar,
    previous: Span,
    whole: Tokens<'t>,
) -> Res<'t, Span> {
    let (rest, by) = word("by")(input)?;
    let head = whole
        .tokens
        .iter()
        .rev()
        .find(|token| token.span.end <= previous.end && token.is_word());
    let is_document = head.is_some_and(|token| {
        grammar.source_nouns.get(token.lower.as_ref()) == Some(&crate::model::SourceType::Document)
    });
    if is_document {
        Ok((rest, by.span))
    } else {
        fail(input)
    }
}

/// A failure at `input`.
pub fn fail<'t, O>(input: Tokens<'t>) -> Res<'t, O> {
    Err(nom::Err::Error(nom::error::Error::new(
        input,
        ErrorKind::Verify,
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::token::tokenize;

    fn phrase(text: &str) -> Option<(String, Vec<String>)> {
        let grammar = Grammar::built_in().unwrap();
        let tokens = tokenize(text, Span::new(0, text.len()));
        let input = Tokens::new(&tokens, 0..tokens.len());
        source_with_relays(&grammar)(input).ok().map(|(_, phrase)| {
            (
                phrase.head.slice(text).to_string(),
                phrase
                    .via
                    .iter()
                    .map(|span| span.slice(text).to_string())
                    .collect(),
            )
        })
    }

    #[test]
    fn source_phrase_table() {
        type Case<'c> = (&'c str, Option<(&'c str, &'c [&'c str])>);
        let table: &[Case] = &[
            ("the sources", Some(("the sources", &[]))),
            (
                "one of the US officials, who",
                Some(("one of the US officials", &[])),
            ),
            (
                "officials cited in a Foreign Policy report.",
                Some(("officials", &["a Foreign Policy report"])),
            ),
            (
                "several current and former officials cited in a report by Foreign Policy magazine.",
                Some((
                    "several current and former officials",
                    &["a report", "Foreign Policy magazine"],
                )),
            ),
            (
                "intelligence officials cited in a report by Foreign Policy magazine.",
                Some((
                    "intelligence officials",
                    &["a report", "Foreign Policy magazine"],
                )),
            ),
            (
                "documents released by Wikileaks.",
                Some(("documents", &["Wikileaks"])),
            ),
            ("The U.S. Army", Some(("The U.S. Army", &[]))),
            ("the", None),
            (", officials", None),
        ];
        for (text, want) in table {
            let want = want.map(|(span, via)| {
                (
                    span.to_string(),
                    via.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
                )
            });
            assert_eq!(phrase(text), want, "{text}");
        }
    }
}
