//! Other names of one source ("Foreign Policy magazine" -> "Foreign Policy"),
//! looked up on whole source phrases.

use rustc_hash::FxHashMap as HashMap;

use super::text::{alias_key, push_lowercase};

/// Alias keys (see [`alias_key`]) -> canonical names.
#[derive(Debug, Clone, Default)]
pub struct Aliases {
    by_key: HashMap<String, String>,
    /// The last word of each key, with how many keys end with it. Most phrases
    /// looked up are no alias: their last word turns them away before their whole
    /// key is built.
    last_words: HashMap<String, usize>,
}

impl Aliases {
    /// Adds (or replaces) the alias `phrase` of `canonical`.
    pub fn insert(&mut self, phrase: &str, canonical: String) {
        let key = alias_key(phrase);
        let last = last_word(&key).to_string();
        if self.by_key.insert(key, canonical).is_none() {
            *self.last_words.entry(last).or_default() += 1;
        }
    }

    /// Removes the alias `phrase`; true when it was there.
    pub fn remove(&mut self, phrase: &str) -> bool {
        let key = alias_key(phrase);
        if self.by_key.remove(&key).is_none() {
            return false;
        }
        let last = last_word(&key);
        if let Some(count) = self.last_words.get_mut(last) {
            *count -= 1;
            if *count == 0 {
                self.last_words.remove(last);
            }
        }
        true
    }

    /// The canonical name `phrase` is an alias of: matched case-insensitively with
    /// whitespace folded and a leading article dropped.
    pub fn get(&self, phrase: &str) -> Option<&String> {
        if let Some(last) = phrase.split_whitespace().next_back() {
            let mut lower = String::with_capacity(last.len());
            push_lowercase(&mut lower, last);
            if !self.last_words.contains_key(&lower) {
                return None;
            }
        }
        self.by_key.get(&alias_key(phrase))
    }

    /// Every canonical name.
    pub fn values(&self) -> impl Iterator<Item = &String> {
        self.by_key.values()
    }
}

/// The last word of a key (keys hold single spaces between words).
fn last_word(key: &str) -> &str {
    key.rsplit(' ').next().unwrap_or(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups_agree_with_the_whole_key() {
        let mut aliases = Aliases::default();
        aliases.insert("Foreign Policy magazine", "Foreign Policy".into());
        aliases.insert("the Times", "The New York Times".into());
        aliases.insert("Hillary", "Hillary Clinton".into());
        let table = [
            ("foreign  policy\nMAGAZINE", Some("Foreign Policy")),
            ("The TIMES", Some("The New York Times")),
            ("a times", Some("The New York Times")),
            ("times", Some("The New York Times")),
            ("the Post", None),
            ("Hillary’s", None),
            ("", None),
        ];
        for (phrase, want) in table {
            assert_eq!(aliases.get(phrase).map(String::as_str), want, "{phrase}");
        }
        assert!(aliases.remove("THE times"));
        assert_eq!(aliases.get("the Times"), None);
        assert!(!aliases.remove("the Times"));
        assert_eq!(aliases.values().count(), 2);
    }
}
