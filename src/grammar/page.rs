//! What an HTML page says about its parts (`page.txt`): the words of an element's
//! class, id, role, aria-label, itemprop and data-component attributes looked up as
//! the article's body, boilerplate or reader comments.

use rustc_hash::FxHashMap as HashMap;

/// What an element is on the page, by its attributes' words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PageRule {
    /// The article's text (itemprop="articleBody", class="entry-content").
    Body,
    /// Adverts, related stories, newsletter prompts, share bars: left out.
    Boilerplate,
    /// Reader comments: left out.
    Comments,
}

/// The entries of `page.txt`: word sequences ("ad slot") and their rules.
#[derive(Debug, Clone, Default)]
pub struct PageRules {
    /// Words joined by one space -> rule.
    entries: HashMap<String, PageRule>,
    /// The most words of an entry.
    longest: usize,
}

impl PageRules {
    /// Adds (or replaces) the entry of `phrase`.
    pub fn insert(&mut self, phrase: &str, rule: PageRule) {
        let words: Vec<String> = attribute_words(phrase).collect();
        self.longest = self.longest.max(words.len());
        self.entries.insert(words.join(" "), rule);
    }

    /// Removes the entry of `phrase`; true when there was one.
    pub fn remove(&mut self, phrase: &str) -> bool {
        let words: Vec<String> = attribute_words(phrase).collect();
        self.entries.remove(&words.join(" ")).is_some()
    }

    /// The rules the words of `values` (an element's attribute values) match; the
    /// body rule wins over the others, so an article's container is never left out.
    pub fn rule_of<'v>(&self, values: impl IntoIterator<Item = &'v str>) -> Option<PageRule> {
        let mut found: Option<PageRule> = None;
        let mut key = String::new();
        for value in values {
            let words: Vec<String> = attribute_words(value).collect();
            for start in 0..words.len() {
                key.clear();
                for word in words[start..].iter().take(self.longest) {
                    if !key.is_empty() {
                        key.push(' ');
                    }
                    key.push_str(word);
                    if let Some(&rule) = self.entries.get(&key) {
                        found = Some(found.map_or(rule, |before| before.min(rule)));
                    }
                }
            }
        }
        found
    }
}

/// The words of an attribute value, lowercase: split at anything but letters and
/// digits, and where a lowercase letter meets a capital ("articleBody" -> article
/// body, "ad-slot" -> ad slot, "disqus_thread" -> disqus thread).
pub fn attribute_words(value: &str) -> impl Iterator<Item = String> + '_ {
    value
        .split(|c: char| !c.is_alphanumeric())
        .flat_map(split_camel_case)
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
}

/// "articleBody" -> "article", "Body".
fn split_camel_case(word: &str) -> impl Iterator<Item = &str> {
    let mut cuts = vec![0];
    let mut previous_lower = false;
    for (at, c) in word.char_indices() {
        if c.is_uppercase() && previous_lower {
            cuts.push(at);
        }
        previous_lower = c.is_lowercase() || c.is_ascii_digit();
    }
    cuts.push(word.len());
    let pieces: Vec<&str> = cuts
        .windows(2)
        .map(|pair| &word[pair[0]..pair[1]])
        .collect();
    pieces.into_iter()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_of_attribute_values() {
        let table: &[(&str, &[&str])] = &[
            ("ad-slot", &["ad", "slot"]),
            ("adSlot articleBody", &["ad", "slot", "article", "body"]),
            ("disqus_thread", &["disqus", "thread"]),
            ("  c-related--stories2 ", &["c", "related", "stories2"]),
            ("HTML5Video", &["html5", "video"]),
            ("", &[]),
        ];
        for (value, want) in table {
            let words: Vec<String> = attribute_words(value).collect();
            assert_eq!(words, *want, "{value}");
        }
    }

    /// attribute values -> rule
    #[test]
    fn rules_by_words_in_a_row() {
        let mut rules = PageRules::default();
        rules.insert("ad", PageRule::Boilerplate);
        rules.insert("related stories", PageRule::Boilerplate);
        rules.insert("article body", PageRule::Body);
        rules.insert("comments", PageRule::Comments);
        let table: &[(&[&str], Option<PageRule>)] = &[
            (&["ad-slot"], Some(PageRule::Boilerplate)),
            (&["add-to-cart", "shadow"], None),
            (&["c-related-stories-box"], Some(PageRule::Boilerplate)),
            (&["stories-related"], None),
            (&["articleBody"], Some(PageRule::Body)),
            (&["article-body ad-free"], Some(PageRule::Body)),
            (&["site", "comments"], Some(PageRule::Comments)),
            (&[], None),
        ];
        for (values, want) in table {
            assert_eq!(rules.rule_of(values.iter().copied()), *want, "{values:?}");
        }
        assert!(rules.remove("Related-Stories"));
        assert_eq!(rules.rule_of(["related-stories"]), None);
    }
}
