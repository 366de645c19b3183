//! What the grammar knows of one word, found with one lookup: its role in
//! `function_words.txt` and its classes in `word_classes.txt` side by side, so that
//! a walk over tokens asks once per token and then tests bits. Shape filters turn
//! most words away before they are hashed: every word the grammar knows, and the
//! words of each class.

use rustc_hash::FxHashMap as HashMap;

use super::lexicon::function_words::WordRole;
use super::lexicon::word_classes::{CLASS_COUNT, Classes, WordClass};
use super::shapes::ShapeFilter;

/// A word's role and classes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordInfo {
    /// Its one role around sources and cues (`function_words.txt`).
    pub role: Option<WordRole>,
    /// Every class it belongs to (`word_classes.txt`).
    pub classes: Classes,
}

impl WordInfo {
    /// True when the word belongs to `class`.
    pub fn is(&self, class: WordClass) -> bool {
        self.classes.has(class)
    }
}

/// Lowercase word -> its role and classes; a word with neither is not there.
#[derive(Debug, Clone)]
pub struct Words {
    by_word: HashMap<String, WordInfo>,
    /// The shapes of every word that has or had a role or a class.
    known: ShapeFilter<64>,
    /// The shapes of the words that are or were in each class, by [`WordClass`].
    classes: [ShapeFilter<4>; CLASS_COUNT],
}

impl Default for Words {
    fn default() -> Self {
        Words {
            by_word: HashMap::default(),
            known: ShapeFilter::default(),
            classes: [ShapeFilter::default(); CLASS_COUNT],
        }
    }
}

impl Words {
    /// What the grammar knows of the lowercase word `lower`.
    pub fn get(&self, lower: &str) -> Option<&WordInfo> {
        if !self.known.may_contain(lower) {
            return None;
        }
        self.by_word.get(lower)
    }

    /// True when the lowercase word `lower` belongs to `class`.
    pub fn is(&self, lower: &str, class: WordClass) -> bool {
        self.classes[class as usize].may_contain(lower)
            && self.by_word.get(lower).is_some_and(|info| info.is(class))
    }

    /// Gives `word` (lowercase) the role `role`, in place of any other.
    pub fn set_role(&mut self, word: String, role: WordRole) {
        self.known.insert(&word);
        self.by_word.entry(word).or_default().role = Some(role);
    }

    /// Gives `word` (lowercase) the classes `classes`, in place of its others.
    pub fn set_classes(&mut self, word: String, classes: Classes) {
        self.known.insert(&word);
        for class in classes.iter() {
            self.classes[class as usize].insert(&word);
        }
        self.by_word.entry(word).or_default().classes = classes;
    }

    /// Takes the role off `lower`; true when it had one.
    pub fn remove_role(&mut self, lower: &str) -> bool {
        self.change(lower, |info| info.role.take().is_some())
    }

    /// Takes every class off `lower`; true when it had one.
    pub fn remove_classes(&mut self, lower: &str) -> bool {
        self.change(lower, |info| !std::mem::take(&mut info.classes).is_empty())
    }

    /// Every word with what the grammar knows of it.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &WordInfo)> {
        self.by_word
            .iter()
            .map(|(word, info)| (word.as_str(), info))
    }

    /// Applies `change` to the word's entry and drops the entry when nothing is left.
    fn change(&mut self, lower: &str, change: impl FnOnce(&mut WordInfo) -> bool) -> bool {
        let Some(info) = self.by_word.get_mut(lower) else {
            return false;
        };
        let changed = change(info);
        if *info == WordInfo::default() {
            self.by_word.remove(lower);
        }
        changed
    }
}
