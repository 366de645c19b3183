//! Canonical source names: "Foreign Policy magazine", "a Foreign Policy report" and
//! "Foreign Policy" are one publication; "Sen. Maria Lopez" is "Maria Lopez".

use crate::grammar::{Grammar, LowerWords, WordClass};
use crate::model::SourceType;

/// The canonical name of a source phrase of type `source_type`.
///
/// A person's canonical name is an alias or a run of the phrase's own words
/// (less a possessive "'s"): the search for a full name relies on it.
pub fn canonical_name(text: &str, source_type: SourceType, grammar: &Grammar) -> String {
    if let Some(canonical) = grammar.aliases.get(text) {
        return canonical.clone();
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    if matches!(source_type, SourceType::Anonymous | SourceType::Unknown) {
        // "a senior official" has no name but how the text puts it.
        return words.join(" ");
    }
    let words = strip_article(&words, grammar);
    if source_type == SourceType::Publication
        && let Some(name) = publication_before_work(words, grammar)
    {
        return name;
    }
    if source_type == SourceType::Document
        && let Some(head) = words.last().map(|word| word.to_lowercase())
        && grammar.source_noun(head.as_str()) == Some(SourceType::Document)
    {
        return format!("the {head}");
    }
    let words = if source_type == SourceType::Person {
        strip_titles(words, grammar)
    } else {
        words
    };
    let joined = words.join(" ");
    let joined = joined
        .strip_suffix("'s")
        .or_else(|| joined.strip_suffix("’s"))
        .unwrap_or(&joined)
        .to_string();
    grammar.aliases.get(&joined).cloned().unwrap_or(joined)
}

/// "a Foreign Policy report" -> "Foreign Policy": a name before a `work` of
/// word_classes.txt, a noun that still means the publication.
fn publication_before_work(words: &[&str], grammar: &Grammar) -> Option<String> {
    let (last, name) = words.split_last()?;
    if name.is_empty() || !grammar.is(&last.to_lowercase(), WordClass::Work) {
        return None;
    }
    let name = name.join(" ");
    let lower: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
    let known = grammar
        .names
        .longest_match(|i| lower.get(i).map(String::as_str))
        .is_some_and(|(count, kind)| count == lower.len() && *kind == SourceType::Publication);
    known.then(|| grammar.aliases.get(&name).cloned().unwrap_or(name))
}

/// Drops a leading article, "the", "a" or "an" (not from a one-word phrase).
fn strip_article<'w>(words: &'w [&'w str], grammar: &Grammar) -> &'w [&'w str] {
    match words.first() {
        Some(first) if words.len() > 1 && grammar.is(&first.to_lowercase(), WordClass::Article) => {
            &words[1..]
        }
        _ => words,
    }
}

/// Drops leading titles: "Sen. Maria Lopez" -> "Maria Lopez"; keeps at least a word.
pub fn strip_titles<'w>(words: &'w [&'w str], grammar: &Grammar) -> &'w [&'w str] {
    let lower = LowerWords::new(words.iter().map(|word| word.trim_end_matches('.')));
    let mut start = 0;
    while let Some((count, _)) = grammar.titles.longest_match(|i| lower.get(start + i))
        && start + count < words.len()
    {
        start += count;
    }
    &words[start..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_table() {
        let grammar = Grammar::built_in().unwrap();
        let table = [
            (
                "Foreign Policy magazine",
                SourceType::Publication,
                "Foreign Policy",
            ),
            (
                "a Foreign Policy report",
                SourceType::Publication,
                "Foreign Policy",
            ),
            ("Foreign Policy", SourceType::Publication, "Foreign Policy"),
            (
                "the New York Times",
                SourceType::Publication,
                "The New York Times",
            ),
            ("Sen. Maria Lopez", SourceType::Person, "Maria Lopez"),
            ("Senator Maria Lopez", SourceType::Person, "Maria Lopez"),
            ("Vice President Joe Biden", SourceType::Person, "Joe Biden"),
            ("the cable", SourceType::Document, "the cable"),
            ("a US diplomatic cable", SourceType::Document, "the cable"),
            ("Senator", SourceType::Person, "Senator"),
        ];
        for (text, kind, want) in table {
            assert_eq!(canonical_name(text, kind, &grammar), want, "{text}");
        }
    }

    #[test]
    fn a_person_is_named_by_an_alias_or_by_words_of_the_phrase() {
        let grammar = Grammar::built_in().unwrap();
        let phrases = [
            "Sen. Maria Lopez",
            "the President Barack Obama's",
            "Trump’s",
            "Gov.  Jeb\nBush",
            "Hillary",
            "Mr. D’Souza",
            "Senator",
        ];
        let aliases: Vec<&String> = grammar.aliases.values().collect();
        for phrase in phrases {
            let name = canonical_name(phrase, SourceType::Person, &grammar);
            let last_word = name.split_whitespace().last().unwrap_or_default();
            assert!(
                aliases.contains(&&name) || phrase.contains(last_word),
                "{phrase} -> {name}"
            );
        }
    }
}
