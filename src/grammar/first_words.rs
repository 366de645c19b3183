//! Which lexicons a word can open a phrase of: one lookup per token answers for
//! the cue, "according to" and marker lexicons at once, so the scans over every
//! token look up the phrase sets only where a phrase can start. The lexicons that
//! take part are those whose [`Lexicon::OPENS`](super::Lexicon::OPENS) says so.

use rustc_hash::FxHashMap as HashMap;

use super::Grammar;
use super::lexicon::{Opens, lexicons};
use super::shapes::ShapeFilter;

/// Lowercase first word -> the lexicons it opens a phrase of.
#[derive(Debug, Clone, Default)]
pub struct FirstWords {
    index: HashMap<String, Opens>,
    /// The shapes of the indexed words: most words of a text have a shape no first
    /// word has, and are turned away without hashing them.
    shapes: ShapeFilter<64>,
}

impl FirstWords {
    /// The first words of the grammar's lexicons that open phrases (cues, "according
    /// to" and markers), each with the lexicons it opens.
    pub fn of(grammar: &Grammar) -> FirstWords {
        let mut index: HashMap<String, Opens> = HashMap::default();
        for rules in lexicons().filter(|rules| rules.opens != Opens::NONE) {
            for word in rules.words(grammar) {
                *index.entry(word.to_string()).or_default() |= rules.opens;
            }
        }
        let mut shapes = ShapeFilter::default();
        for word in index.keys() {
            shapes.insert(word);
        }
        FirstWords { index, shapes }
    }

    /// What the lowercase word `lower` opens.
    pub fn opens(&self, lower: &str) -> Opens {
        if !self.shapes.may_contain(lower) {
            return Opens::default();
        }
        self.index.get(lower).copied().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_words_agree_with_each_lexicon() {
        let grammar = Grammar::built_in().unwrap();
        for word in [
            "said",
            "according",
            "reportedly",
            "told",
            "the",
            "spies",
            "",
        ] {
            let opens = grammar.first_words.opens(word);
            assert_eq!(opens.cue, grammar.cues.starts_with_word(word), "{word}");
            assert_eq!(
                opens.according,
                grammar.according.starts_with_word(word),
                "{word}"
            );
            assert_eq!(
                opens.marker,
                grammar.markers.starts_with_word(word),
                "{word}"
            );
        }
        assert!(grammar.first_words.opens("said").cue);

        assert!(grammar.first_words.opens("according").according);
    }
}
