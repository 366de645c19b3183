//! `relays.txt`: phrases after a source that name what relayed it, "officials cited
//! in a report by Foreign Policy magazine" -> officials, via a report, via Foreign
//! Policy magazine ("cited in", "released by", "via"). A bare list: no fields.

use super::{Entry, Lexicon};
use crate::error::Error;
use crate::grammar::Grammar;

/// The lexicon of `relays.txt`.
pub struct Relays;

impl Lexicon for Relays {
    const FILE: &'static str = "relays.txt";
    const TEXT: &'static str = include_str!("../../../grammar/relays.txt");
    type Value = ();

    fn parse(entry: &Entry) -> Result<(), Error> {
        entry.no_fields()
    }

    fn add(grammar: &mut Grammar, phrase: &str, (): ()) {
        grammar.relays.insert(phrase, ());
    }

    fn remove(grammar: &mut Grammar, phrase: &str) -> bool {
        grammar.relays.remove(phrase)
    }

    fn words(grammar: &Grammar) -> impl Iterator<Item = &str> {
        grammar.relays.first_words()
    }
}
