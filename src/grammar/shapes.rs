//! A filter of word shapes: a word's length, first and last byte, hashed to a bit.
//! A word whose bit is clear is in none of the words the filter was given, known
//! without hashing the word; a word whose bit is set may be, and is looked up.

/// A filter of `64 * N` bits; words are only ever added, so it never turns away a
/// word that was added.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShapeFilter<const N: usize> {
    bits: [u64; N],
}

impl<const N: usize> Default for ShapeFilter<N> {
    fn default() -> Self {
        ShapeFilter { bits: [0; N] }
    }
}

impl<const N: usize> ShapeFilter<N> {
    /// Lets `word` (and every word of its shape) through from now on.
    pub fn insert(&mut self, word: &str) {
        let bit = Self::bit(word);
        self.bits[bit / 64] |= 1 << (bit % 64);
    }

    /// False when no word of `word`'s shape was inserted.
    pub fn may_contain(&self, word: &str) -> bool {
        let bit = Self::bit(word);
        self.bits[bit / 64] & (1 << (bit % 64)) != 0
    }

    fn bit(word: &str) -> usize {
        shape(word) % (64 * N)
    }
}

/// Bits of a shape, as a power of two: the most a filter can use.
const SHAPE_BITS: u32 = 12;

/// A word's length, first and last byte, hashed to `SHAPE_BITS` bits.
fn shape(word: &str) -> usize {
    let bytes = word.as_bytes();
    let first = u32::from(bytes.first().copied().unwrap_or(0));
    let last = u32::from(bytes.last().copied().unwrap_or(0));
    let key = (bytes.len() as u32) << 16 | first << 8 | last;
    (key.wrapping_mul(0x9E37_79B1) >> (32 - SHAPE_BITS)) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_inserted_word_is_never_turned_away() {
        let mut small = ShapeFilter::<1>::default();
        let mut large = ShapeFilter::<64>::default();
        assert!(!large.may_contain("said"));
        for word in ["said", "that", "", "é", "according"] {
            small.insert(word);
            large.insert(word);
        }
        for word in ["said", "that", "", "é", "according"] {
            assert!(small.may_contain(word) && large.may_contain(word), "{word}");
        }
        assert!(!large.may_contain("officials"));
    }
}
