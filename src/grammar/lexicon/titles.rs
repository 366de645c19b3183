//! `titles.txt`: titles and roles written before a person's name, with the noun a
//! later mention uses: "sen | senator" makes "Sen. Maria Lopez" the person "Maria
//! Lopez", whom a later "the senator" refers back to. Stored lowercase without a
//! final period.

use super::{Entry, Lexicon};
use crate::error::Error;
use crate::grammar::Grammar;

/// The lexicon of `titles.txt`.
pub struct Titles;

impl Lexicon for Titles {
    const FILE: &'static str = "titles.txt";
    const TEXT: &'static str = include_str!("../../../grammar/titles.txt");
    /// The role noun, lowercase: the title itself when the entry names none.
    type Value = String;

    /// `title` or `title | role`.
    fn parse(entry: &Entry) -> Result<String, Error> {
        match entry.fields {
            [] => Ok(title(entry.phrase)),
            [role] => Ok(role.to_lowercase()),
            _ => Err(entry.error("expected `title` or `title | role`".into())),
        }
    }

    fn add(grammar: &mut Grammar, phrase: &str, role: String) {
        grammar.titles.insert(&title(phrase), role);
    }

    fn remove(grammar: &mut Grammar, phrase: &str) -> bool {
        grammar.titles.remove(phrase.trim_end_matches('.'))
    }

    fn words(grammar: &Grammar) -> impl Iterator<Item = &str> {
        grammar.titles.first_words()
    }
}

/// A title as it is stored: "Sen." -> "sen".
fn title(phrase: &str) -> String {
    phrase.trim_end_matches('.').to_lowercase()
}
