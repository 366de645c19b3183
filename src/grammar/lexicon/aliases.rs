//! `aliases.txt`: other names of one source and the canonical name they stand for,
//! "Foreign Policy magazine | Foreign Policy", "the Times | The New York Times", so
//! that one source is counted once whatever it is called. Matched on whole source
//! phrases (see [`Aliases`]); the lookup is the lexicon, as it needs no other type.

use super::{Entry, Lexicon};
use crate::error::Error;
use crate::grammar::{Aliases, Grammar};

impl Lexicon for Aliases {
    const FILE: &'static str = "aliases.txt";
    const TEXT: &'static str = include_str!("../../../grammar/aliases.txt");
    /// The canonical name, its words joined by single spaces.
    type Value = String;

    /// `alias | canonical name`.
    fn parse(entry: &Entry) -> Result<String, Error> {
        if entry.fields.is_empty() {
            return Err(entry.error("expected `alias | canonical name`".into()));
        }
        Ok(entry.fields.join(" "))
    }

    fn add(grammar: &mut Grammar, phrase: &str, canonical: String) {
        grammar.aliases.insert(phrase, canonical);
    }

    fn remove(grammar: &mut Grammar, phrase: &str) -> bool {
        grammar.aliases.remove(phrase)
    }

    /// None: aliases are matched against whole source phrases.
    fn words(_: &Grammar) -> impl Iterator<Item = &str> {
        std::iter::empty()
    }
}
