//! Which lexicons a word can open a phrase of: one lookup per token answers for
//! the cue, "according to" and marker lexicons at once, so the scans over every
//! token look up the phrase sets only where a phrase can start. The lexicons that
//! take part are those whose [`Lexicon::OPENS`](super::Lexicon::OPENS) says so.

use rustc_hash::FxHashMap as HashMap;

use super::Grammar;
use super::lexicon::{Opens, lexicons};

/// Lowercase first word -> the lexicons it opens a phrase of.
#[derive(Debug, Clone, Default)]
pub struct FirstWords {
    index: HashMap<String, Opens>,
    /// One bit per [`shape`] of an indexed word: most words of a text have a shape
    /// no first word has, and are turned away without hashing them.
    shapes: Vec<u64>,
}

/// Bits in the shape filter, as a power of two.
const SHAPE_BITS: u32 = 12;
const SHAPES: usize = 1 << SHAPE_BITS;

/// A word's length, first and last byte, hashed to a bit of the shape filter.
fn shape(word: &str) -> usize {
    let bytes = word.as_bytes();
    let first = u32::from(bytes.first().copied().unwrap_or(0));
    let last = u32::from(bytes.last().copied().unwrap_or(0));
    let key = (bytes.len() as u32) << 16 | first << 8 | last;
    (key.wrapping_mul(0x9E37_79B1) >> (32 - SHAPE_BITS)) as usize
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
        let mut shapes = vec![0u64; SHAPES / 64];
        for word in index.keys() {
            let bit = shape(word);
            shapes[bit / 64] |= 1 << (bit % 64);
        }
        FirstWords { index, shapes }
    }

    /// What the lowercase word `lower` opens.
    pub fn opens(&self, lower: &str) -> Opens {
        let bit = shape(lower);
        let may_be_indexed = self
            .shapes
            .get(bit / 64)
            .is_some_and(|bits| bits & (1 << (bit % 64)) != 0);
        if !may_be_indexed {
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
