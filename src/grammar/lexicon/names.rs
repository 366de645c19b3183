//! `names.txt`: known names and their type, "Foreign Policy | publication",
//! "Reuters | publication", matched as whole words anywhere in a source phrase, so
//! that "a Foreign Policy report" stands for the publication.

use super::{Entry, Lexicon};
use crate::error::Error;
use crate::grammar::Grammar;
use crate::model::SourceType;

/// The lexicon of `names.txt`.
pub struct Names;

impl Lexicon for Names {
    const FILE: &'static str = "names.txt";
    const TEXT: &'static str = include_str!("../../../grammar/names.txt");
    type Value = SourceType;

    fn parse(entry: &Entry) -> Result<SourceType, Error> {
        entry.source_type()
    }

    fn add(grammar: &mut Grammar, phrase: &str, source_type: SourceType) {
        grammar.names.insert(phrase, source_type);
    }

    fn remove(grammar: &mut Grammar, phrase: &str) -> bool {
        grammar.names.remove(phrase)
    }

    fn words(grammar: &Grammar) -> impl Iterator<Item = &str> {
        grammar.names.first_words()
    }
}
