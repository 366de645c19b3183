//! `function_words.txt`: the closed-class words and the role each plays around
//! sources and cues: "has | aux" may stand between a source and its cue ("officials
//! have also said"), "but | boundary" ends a source phrase on its left, "in |
//! preposition" ends a source's head ("officials in Beijing"), "he | pronoun" is a
//! whole source on its own. A word's role and its classes of `word_classes.txt` are
//! one entry of [`Words`](crate::grammar::Words), found with one lookup.

use super::{Entry, Lexicon};
use crate::error::Error;
use crate::grammar::Grammar;

/// The role of a closed-class word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordRole {
    /// May stand between a source and its cue: "has", "also", "repeatedly".
    Aux,
    /// Ends a source phrase on its left: "that", "but", "when".
    Boundary,
    /// A determiner or quantifier that may open a source phrase.
    Determiner,
    /// A preposition: ends a source head ("officials in Beijing").
    Preposition,
    /// A subject pronoun: a whole source on its own ("he said").
    Pronoun,
    /// A time word: "…, the Times reported Monday."
    Time,
}

/// Each role by its name in the file, in the order errors list them.
const ROLES: &[(&str, WordRole)] = &[
    ("aux", WordRole::Aux),
    ("boundary", WordRole::Boundary),
    ("determiner", WordRole::Determiner),
    ("preposition", WordRole::Preposition),
    ("pronoun", WordRole::Pronoun),
    ("time", WordRole::Time),
];

/// The lexicon of `function_words.txt`.
pub struct FunctionWords;

impl Lexicon for FunctionWords {
    const FILE: &'static str = "function_words.txt";
    const TEXT: &'static str = include_str!("../../../grammar/function_words.txt");
    type Value = WordRole;

    /// `word | ROLE`.
    fn parse(entry: &Entry) -> Result<WordRole, Error> {
        let [_] = entry.fields else {
            return Err(entry.error("expected `word | ROLE`".into()));
        };
        entry
            .values(ROLES, "word role")
            .next()
            .expect("one field, one value")
    }

    fn add(grammar: &mut Grammar, phrase: &str, role: WordRole) {
        grammar.words.set_role(phrase.to_lowercase(), role);
    }

    /// Takes the role off the word (its classes in `word_classes.txt` stay).
    fn remove(grammar: &mut Grammar, phrase: &str) -> bool {
        grammar.words.remove_role(&phrase.to_lowercase())
    }

    fn words(grammar: &Grammar) -> impl Iterator<Item = &str> {
        grammar
            .words
            .iter()
            .filter(|(_, info)| info.role.is_some())
            .map(|(word, _)| word)
    }
}
