//! A source with what follows it: post-modifiers ("a spokesman for the ministry")
//! and the relays it reached us through ("officials cited in a report by Foreign
//! Policy magazine"), in nom combinators over the noun phrases.

use nom::Parser;

use super::noun_phrase::noun_phrase;
use super::phrase::{Res, fail, relay_phrase, token_where, word_of};
use super::tokens::Tokens;
use crate::grammar::{AffixClass, Grammar, WordClass, WordRole};
use crate::span::Span;

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
/// preposition other than the passive agent's "by", and a noun phrase; or a
/// participle and a time ("released Sunday").
fn post_modifier<'t>(grammar: &Grammar) -> impl Fn(Tokens<'t>) -> Res<'t, Span> {
    move |input| {
        let participle = token_where(|token| {
            token.is_word()
                && grammar
                    .affixes
                    .has(&token.lower, AffixClass::PastParticiple)
                && grammar.word_role(&token.lower).is_none()
        });
        let preposition = token_where(|token| {
            token.is_word()
                && grammar.word(&token.lower).is_some_and(|info| {
                    info.role == Some(WordRole::Preposition) && !info.is(WordClass::PassiveAgent)
                })
        });
        // "released on Wednesday": a time word is an object here too.
        let time = token_where(|token| {
            token.is_word() && grammar.word_role(&token.lower) == Some(WordRole::Time)
        });
        let object = noun_phrase(grammar).or(nom::combinator::map(&time, |token| token.span));
        if let Ok((rest, (first, _, phrase))) =
            (nom::combinator::opt(&participle), preposition, object).parse(input)
        {
            let start = first.map_or_else(|| input.tokens[0].span, |token| token.span);
            return Ok((rest, start.cover(phrase)));
        }
        // "released Sunday", "published last week": a participle and its time alone.
        let (rest, (first, when, more)) =
            (participle, &time, nom::combinator::opt(&time)).parse(input)?;
        Ok((rest, first.span.cover(more.unwrap_or(when).span)))
    }
}

/// The passive agent's "by" after a document noun: "a report by Foreign Policy".
fn by_after_document<'t>(
    input: Tokens<'t>,
    grammar: &Grammar,
    previous: Span,
    whole: Tokens<'t>,
) -> Res<'t, Span> {
    let (rest, by) = word_of(grammar, WordClass::PassiveAgent)(input)?;
    let head = whole
        .tokens
        .iter()
        .rev()
        .find(|token| token.span.end <= previous.end && token.is_word());
    let is_document = head.is_some_and(|token| {
        grammar.source_noun(&token.lower) == Some(crate::model::SourceType::Document)
    });
    if is_document {
        Ok((rest, by.span))
    } else {
        fail(input)
    }
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
