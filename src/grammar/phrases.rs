//! Multi-word phrases looked up word by word, longest match first.

use rustc_hash::FxHashMap as HashMap;

use super::text::push_lowercase;

/// Phrases of one or more words, each with a value, matched case-insensitively.
#[derive(Debug, Clone)]
pub struct PhraseSet<V> {
    /// First word (lowercase) -> the phrases that start with it, longest first.
    by_first_word: HashMap<String, Vec<(Vec<String>, V)>>,
}

impl<V> Default for PhraseSet<V> {
    fn default() -> Self {
        PhraseSet {
            by_first_word: HashMap::default(),
        }
    }
}

impl<V: Clone> PhraseSet<V> {
    /// Adds (or replaces) a phrase.
    pub fn insert(&mut self, phrase: &str, value: V) {
        let words = split_words(phrase);
        let Some(first) = words.first().cloned() else {
            return;
        };
        let list = self.by_first_word.entry(first).or_default();
        list.retain(|(existing, _)| *existing != words);
        list.push((words, value));
        list.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
    }

    /// Removes a phrase; true when it was there.
    pub fn remove(&mut self, phrase: &str) -> bool {
        let words = split_words(phrase);
        let Some(list) = words
            .first()
            .and_then(|first| self.by_first_word.get_mut(first))
        else {
            return false;
        };
        let before = list.len();
        list.retain(|(existing, _)| *existing != words);
        before != list.len()
    }

    /// The longest phrase at the start of a word sequence, given as
    /// `word_at(i)` = the i-th lowercase word (None past the end); returns the
    /// number of words it spans and its value.
    pub fn longest_match<'w>(
        &self,
        word_at: impl Fn(usize) -> Option<&'w str>,
    ) -> Option<(usize, &V)> {
        let candidates = self.by_first_word.get(word_at(0)?)?;
        candidates.iter().find_map(|(phrase, value)| {
            // Every candidate starts with the word it was found by.
            let matches = phrase
                .iter()
                .enumerate()
                .skip(1)
                .all(|(i, want)| word_at(i) == Some(want.as_str()));
            matches.then_some((phrase.len(), value))
        })
    }

    /// True when `word` (lowercase) starts some phrase.
    pub fn starts_with_word(&self, word: &str) -> bool {
        self.by_first_word.contains_key(word)
    }

    /// Each first word with its phrases (their words, lowercase), longest first.
    pub fn by_first_word(&self) -> impl Iterator<Item = (&str, &[(Vec<String>, V)])> {
        self.by_first_word
            .iter()
            .map(|(first, list)| (first.as_str(), list.as_slice()))
    }

    /// Every word for which `starts_with_word` is true.
    pub fn first_words(&self) -> impl Iterator<Item = &str> {
        self.by_first_word.keys().map(String::as_str)
    }

    /// Number of phrases.
    pub fn len(&self) -> usize {
        self.by_first_word.values().map(Vec::len).sum()
    }

    /// True when there is no phrase.
    pub fn is_empty(&self) -> bool {
        self.by_first_word.is_empty()
    }
}

/// Lowercase words of a phrase.
fn split_words(phrase: &str) -> Vec<String> {
    phrase.split_whitespace().map(str::to_lowercase).collect()
}

/// The lowercase forms of a phrase's words, made once in one buffer for repeated
/// lookups (a phrase set's `longest_match` at each start, a map per word).
#[derive(Debug, Default)]
pub struct LowerWords {
    buffer: String,
    /// Where each word ends in `buffer`.
    ends: Vec<usize>,
}

impl LowerWords {
    /// The lowercase forms of `words`.
    pub fn new<'w>(words: impl IntoIterator<Item = &'w str>) -> Self {
        // Room for a source phrase of a few words at once: growing from empty
        // reallocated a few times per phrase, and phrases are looked up by the
        // tens of thousands.
        let mut lower = LowerWords {
            buffer: String::with_capacity(64),
            ends: Vec::with_capacity(8),
        };
        for word in words {
            push_lowercase(&mut lower.buffer, word);
            lower.ends.push(lower.buffer.len());
        }
        lower
    }

    /// The lowercase form of word `index`, if there is one.
    pub fn get(&self, index: usize) -> Option<&str> {
        let end = *self.ends.get(index)?;
        let start = index
            .checked_sub(1)
            .map_or(0, |previous| self.ends[previous]);
        Some(&self.buffer[start..end])
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// True when there is no word.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The words in order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).filter_map(|index| self.get(index))
    }
}
