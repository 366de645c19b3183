//! `name_hints.txt`: words that give a capitalised name its type: "Ministry of State
//! Security" is an organization because of "ministry | organization", "Daily Mail" a
//! publication because of "daily | publication". Names not in names.txt are typed
//! by them.

use super::{Entry, Lexicon};
use crate::error::Error;
use crate::grammar::Grammar;
use crate::model::SourceType;

/// The lexicon of `name_hints.txt`.
pub struct NameHints;

impl Lexicon for NameHints {
    const FILE: &'static str = "name_hints.txt";
    const TEXT: &'static str = include_str!("../../../grammar/name_hints.txt");
    type Value = SourceType;

    fn parse(entry: &Entry) -> Result<SourceType, Error> {
        entry.source_type()
    }

    fn add(grammar: &mut Grammar, phrase: &str, source_type: SourceType) {
        grammar
            .name_hints
            .insert(phrase.to_lowercase(), source_type);
    }

    fn remove(grammar: &mut Grammar, phrase: &str) -> bool {
        grammar.name_hints.remove(&phrase.to_lowercase()).is_some()
    }

    fn words(grammar: &Grammar) -> impl Iterator<Item = &str> {
        grammar.name_hints.keys().map(String::as_str)
    }
}
