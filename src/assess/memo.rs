//! Answers already worked out from the grammar, kept for the rest of the run:
//! news names the same people and bodies in article after article.

use std::cell::RefCell;
use std::sync::Arc;

use rustc_hash::FxHashMap as HashMap;

use crate::model::SourceType;

/// What assessing works out from the grammar and keeps for the next documents.
/// Made for one grammar: a memo kept across grammars would give the old answers.
/// Each worker keeps its own (see `pipeline::Workspace`): a shared one took a lock
/// twice per name asked.
#[derive(Debug, Default)]
pub struct Memos {
    /// Source phrase -> its type and canonical name.
    pub typed_names: Memo<(SourceType, Arc<str>)>,
    /// Capitalised name -> the role nouns of the titles it opens with.
    pub title_roles: Memo<Vec<String>>,
}

/// Most phrases remembered; past it the memo starts over, so memory stays bounded
/// whatever the corpus size.
const CAPACITY: usize = 1 << 16;

/// Phrase text -> a value computed from it and the grammar alone, for one worker.
pub struct Memo<V> {
    known: RefCell<HashMap<String, V>>,
}

impl<V> Default for Memo<V> {
    fn default() -> Self {
        Memo {
            known: RefCell::default(),
        }
    }
}

impl<V: Clone> Memo<V> {
    /// The value for `phrase`, from `compute` the first time it is asked for.
    pub fn get_or_insert_with(&self, phrase: &str, compute: impl FnOnce() -> V) -> V {
        if let Some(value) = self.known.borrow().get(phrase) {
            return value.clone();
        }
        // Computed with the map not borrowed: `compute` may ask the memo too.
        let value = compute();
        let mut known = self.known.borrow_mut();
        if known.len() >= CAPACITY {
            known.clear();
        }
        known.insert(phrase.to_string(), value.clone());
        value
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.known.borrow().len()
    }
}

impl<V> std::fmt::Debug for Memo<V> {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str("Memo")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn computes_once() {
        let memo: Memo<usize> = Memo::default();
        assert_eq!(memo.get_or_insert_with("Trump", || 1), 1);
        assert_eq!(memo.get_or_insert_with("Trump", || 2), 1);
    }

    #[test]
    fn starts_over_when_full() {
        let memo: Memo<usize> = Memo::default();
        for number in 0..=CAPACITY {
            memo.get_or_insert_with(&number.to_string(), || number);
        }
        assert_eq!(memo.len(), 1);
    }
}
