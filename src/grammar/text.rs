//! Small text helpers the lexicons and their lookups share: the lowercase form a word
//! is looked up by, and the key an alias is stored under.

use std::borrow::Cow;

/// How an alias is looked up: lowercase, whitespace folded, no leading article.
pub fn alias_key(phrase: &str) -> String {
    let mut words = phrase.split_whitespace().peekable();
    let mut key = String::with_capacity(phrase.len());
    if let Some(first) = words.next()
        && !(is_article(first) && words.peek().is_some())
    {
        push_lowercase(&mut key, first);
    }
    for word in words {
        if !key.is_empty() {
            key.push(' ');
        }
        push_lowercase(&mut key, word);
    }
    key
}

/// "the", "a" or "an", in any case: the articles an alias key drops. Fixed here,
/// not read from the `article` class of word_classes.txt: alias keys are also the
/// keys sources are counted under across documents (aggregate/), made where no
/// grammar is at hand, and must not change with a `--grammar` overlay.
fn is_article(word: &str) -> bool {
    // No non-ASCII character lowercases to one of these letters, so an ASCII
    // comparison agrees with comparing `to_lowercase()`.
    ["the", "a", "an"]
        .iter()
        .any(|article| word.eq_ignore_ascii_case(article))
}

/// `word.to_lowercase()`, borrowed when that is `word` itself (ASCII without a
/// capital: most words).
pub fn lowercase(word: &str) -> Cow<'_, str> {
    if word
        .bytes()
        .any(|byte| byte.is_ascii_uppercase() || !byte.is_ascii())
    {
        Cow::Owned(word.to_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

/// A lowercase form with its curly apostrophes straight, as the lexicons write
/// words: "didn’t say" is the marker "didn't say", "can’t" a contracted verb.
/// Copied only when it holds one.
pub fn straight_apostrophes(lower: Cow<'_, str>) -> Cow<'_, str> {
    if lower.contains('’') {
        Cow::Owned(lower.replace('’', "'"))
    } else {
        lower
    }
}

/// `word` as the lexicons hold it: lowercase, with straight apostrophes. Most
/// words are already so and are not copied.
pub fn lookup_form(word: &str) -> Cow<'_, str> {
    straight_apostrophes(lowercase(word))
}

/// Appends `word.to_lowercase()` to `buffer`; ASCII words without an allocation.
pub fn push_lowercase(buffer: &mut String, word: &str) {
    if word.is_ascii() {
        let start = buffer.len();
        buffer.push_str(word);
        buffer[start..].make_ascii_lowercase();
    } else {
        buffer.push_str(&word.to_lowercase());
    }
}
