//! `sources.txt`: the head nouns of sources and the type they give a source with no
//! name attached: "officials" and "spokesman" are anonymous, "cable" and "memo"
//! documents, "he" a person. `classify` falls back on them when a phrase holds no
//! known name.

use super::{Entry, Lexicon};
use crate::error::Error;
use crate::grammar::Grammar;
use crate::model::SourceType;

/// The lexicon of `sources.txt`.
pub struct Sources;

impl Lexicon for Sources {
    const FILE: &'static str = "sources.txt";
    const TEXT: &'static str = include_str!("../../../grammar/sources.txt");
    type Value = SourceType;

    fn parse(entry: &Entry) -> Result<SourceType, Error> {
        entry.source_type()
    }

    fn add(grammar: &mut Grammar, phrase: &str, source_type: SourceType) {
        grammar
            .source_nouns
            .insert(phrase.to_lowercase(), source_type);
    }

    fn remove(grammar: &mut Grammar, phrase: &str) -> bool {
        grammar
            .source_nouns
            .remove(&phrase.to_lowercase())
            .is_some()
    }

    fn words(grammar: &Grammar) -> impl Iterator<Item = &str> {
        grammar.source_nouns.keys().map(String::as_str)
    }
}
