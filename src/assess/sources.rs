//! Every draft's source made whole: its type, its canonical or resolved name, the
//! types of its relays.

use std::sync::Arc;

use super::interview::{Speakers, first_person_turn};
use super::memo::Memos;
use super::resolve;
use crate::grammar::source_type::outlet_within;
use crate::grammar::{Grammar, classify};
use crate::link::{Digest, Draft};
use crate::matcher::SourcePhrase;
use crate::model::{Relay, Source, SourceType};
use crate::span::Span;

/// Types, names and relays of every draft's source, resolving pronouns and role
/// nouns against the names and sources met earlier in the text.
pub fn make_sources(
    text: &str,
    blocks: &[Digest],
    drafts: &[Draft],
    grammar: &Grammar,
    memos: &Memos,
) -> Vec<Option<Source>> {
    let names = blocks
        .iter()
        .flat_map(|digest| digest.names.iter().copied());
    let mut mentions = resolve::Mentions::new(text, names, grammar, memos);
    let mut order: Vec<usize> = (0..drafts.len()).collect();
    order.sort_by_key(|&index| {
        drafts[index]
            .source
            .as_ref()
            .map(|source| source.span.start)
    });
    let mut sources: Vec<Option<Source>> = vec![None; drafts.len()];
    // An interview's speakers, each worked out when an answer first asks.
    let speakers = Speakers::new(text, blocks, grammar);
    for index in order {
        let Some(phrase) = &drafts[index].source else {
            continue;
        };
        let answering = drafts[index]
            .turn
            .or_else(|| first_person_turn(text, phrase.span, blocks, grammar));
        let source = match answering {
            Some(turn) => speakers.source(&mentions, phrase.span, turn),
            None => make_source(text, phrase, &mentions, grammar),
        };
        let mention = resolve::source_mention(
            phrase.span,
            phrase.head,
            source.source_type,
            Arc::from(source.name.as_deref().unwrap_or(phrase.head.slice(text))),
        );
        mentions.push_source(mention);
        // "officials cited in a Foreign Policy report … according to the report":
        // a relay is a mention a later "the report" refers back to.
        // A relay that refers back itself ("citing the report") passes its
        // antecedent on; one relayed by an outlet ("a report in Foreign Policy
        // magazine") stands for the outlet.
        for (at, relay) in source.via.iter().enumerate() {
            let outlet = source.via[at + 1..]
                .iter()
                .find(|later| later.source_type == SourceType::Publication);
            let (source_type, name) = match (
                outlet,
                resolve::resolve(text, relay.span, &mentions, grammar),
            ) {
                (Some(outlet), _) => (outlet.source_type, mentions.type_and_name(outlet.span).1),
                (None, Some(antecedent)) => (antecedent.source_type, antecedent.name.clone()),
                (None, None) => (relay.source_type, mentions.type_and_name(relay.span).1),
            };
            let mention = resolve::source_mention(relay.span, relay.span, source_type, name);
            mentions.push_source(mention);
        }
        sources[index] = Some(source);
    }
    sources
}

/// One source: its type from its head, its name canonical or resolved, its relays.
fn make_source(
    text: &str,
    phrase: &SourcePhrase,
    mentions: &resolve::Mentions,
    grammar: &Grammar,
) -> Source {
    let (mut source_type, canonical) = mentions.type_and_name(phrase.head);
    let mut name = (*canonical != *phrase.head.slice(text)).then_some(canonical);
    if let Some(antecedent) = resolve::resolve(text, phrase.span, mentions, grammar) {
        name = Some(antecedent.name.clone());
        source_type = antecedent.source_type;
    } else if source_type == SourceType::Person
        && let Some(full) = mentions.full_name(
            name.as_deref().unwrap_or(phrase.head.slice(text)),
            phrase.span.start,
        )
    {
        // "Sullivan" after "Kevin Sullivan".
        name = Some(full);
    }
    let mut via: Vec<Relay> = phrase
        .via
        .iter()
        .map(|&span| Relay {
            span,
            source_type: classify(span.slice(text), grammar),
        })
        .collect();
    // "a Wikileaks document": the document reached us through the outlet it names.
    if source_type == SourceType::Document
        && via.is_empty()
        && let Some((within, outlet)) = outlet_within(phrase.head.slice(text), grammar)
    {
        let start = phrase.head.start + within.start;
        via.push(Relay {
            span: Span::new(start, phrase.head.start + within.end),
            source_type: outlet,
        });
    }
    Source {
        span: phrase.span,
        source_type,
        name: name.map(|name| name.to_string()),
        via,
    }
}
