//! Every draft's source made whole: its type, its canonical or resolved name, the
//! types of its relays.

use super::memo::Memos;
use super::resolve;
use crate::grammar::{Grammar, classify};
use crate::link::{Digest, Draft};
use crate::matcher::SourcePhrase;
use crate::model::{Relay, Source, SourceType};

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
    for index in order {
        let Some(phrase) = &drafts[index].source else {
            continue;
        };
        let source = make_source(text, phrase, &mentions, grammar);
        let mention = resolve::source_mention(
            text,
            phrase.span,
            phrase.head,
            source.source_type,
            source.name.as_deref().unwrap_or(phrase.head.slice(text)),
            grammar,
        );
        mentions.push_source(mention);
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
    let mut name = (canonical != phrase.head.slice(text)).then_some(canonical);
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
    let via = phrase
        .via
        .iter()
        .map(|&span| Relay {
            span,
            source_type: classify(span.slice(text), grammar),
        })
        .collect();
    Source {
        span: phrase.span,
        source_type,
        name,
        via,
    }
}
