//! What kind of party a source phrase names, looked up in the lexicons: known
//! names, words that type a capitalised name, head nouns.

use super::{Grammar, LowerWords, WordClass, WordRole};
use crate::model::SourceType;

/// The type of the source phrase `text`, from names, name hints and head nouns.
pub fn classify(text: &str, grammar: &Grammar) -> SourceType {
    let words: Vec<&str> = text
        .split(is_word_break)
        .filter(|word| !word.is_empty())
        .collect();
    let lower = LowerWords::new(words.iter().copied());
    let Some(head) = head_index(&lower, grammar) else {
        return SourceType::Unknown;
    };
    let lower_head = lower.get(head).unwrap_or_default();
    if let Some(known) = known_name(&lower, grammar) {
        // "a Wikileaks document" is a document; "a Foreign Policy report" stands for
        // the publication that wrote it.
        // "the UN agency's secretary-general" is a role at the UN, not the UN.
        let head_is_noun = words[head].chars().next().is_some_and(char::is_lowercase);
        let head_type = grammar
            .source_nouns
            .get(strip_possessive(lower_head))
            .copied();
        return match head_type {
            Some(SourceType::Document) if known == SourceType::Publication => known,
            Some(head_type) if head_is_noun => head_type,
            _ => known,
        };
    }
    let head_word = words[head];
    let capitalized = head_word.chars().next().is_some_and(char::is_uppercase)
        && !(head == 0 && grammar.source_nouns.contains_key(lower_head));
    if !capitalized {
        return grammar
            .source_nouns
            .get(strip_possessive(lower_head))
            .copied()
            .unwrap_or(SourceType::Unknown);
    }
    if let Some(hinted) = lower
        .iter()
        .find_map(|word| grammar.name_hints.get(strip_possessive(word)))
    {
        return *hinted;
    }
    if is_acronym(head_word) {
        return SourceType::Organization;
    }
    if grammar.word_role(lower_head) == Some(WordRole::Pronoun) {
        return grammar
            .source_nouns
            .get(lower_head)
            .copied()
            .unwrap_or(SourceType::Unknown);
    }
    SourceType::Person
}

/// The type of the longest known name anywhere in the phrase.
/// The known organization or outlet named inside a document phrase, as a byte
/// range of `text` with its type: "Wikileaks" in "a Wikileaks document", the party
/// a document reached us through.
pub fn outlet_within(
    text: &str,
    grammar: &Grammar,
) -> Option<(std::ops::Range<usize>, SourceType)> {
    let words: Vec<(usize, &str)> = text
        .split(is_word_break)
        .filter(|word| !word.is_empty())
        .map(|word| (word.as_ptr() as usize - text.as_ptr() as usize, word))
        .collect();
    let lower = LowerWords::new(words.iter().map(|&(_, word)| word));
    (0..words.len()).find_map(|start| {
        let (len, kind) = grammar.names.longest_match(|i| lower.get(start + i))?;
        let outlet = matches!(kind, SourceType::Organization | SourceType::Publication);
        let (first, _) = words[start];
        let (last, last_word) = words[start + len - 1];
        outlet.then(|| (first..last + last_word.len(), *kind))
    })
}

/// What separates the words of a source phrase.
fn is_word_break(c: char) -> bool {
    c.is_whitespace() || matches!(c, ',' | '"' | '“' | '”')
}

fn known_name(lower: &LowerWords, grammar: &Grammar) -> Option<SourceType> {
    (0..lower.len()).find_map(|start| {
        grammar
            .names
            .longest_match(|i| lower.get(start + i))
            .map(|(_, kind)| *kind)
    })
}

/// Index of the head word: the last word before the partitive "of" (or of the whole
/// phrase), looking through the words that only count the noun after it ("one of the
/// officials" -> officials; `partitive` and `counting` in word_classes.txt).
fn head_index(lower: &LowerWords, grammar: &Grammar) -> Option<usize> {
    let of = lower
        .iter()
        .position(|word| grammar.is(word, WordClass::Partitive));
    match of {
        Some(of)
            if of > 0
                && lower
                    .iter()
                    .take(of)
                    .all(|word| grammar.is(word, WordClass::Counting)) =>
        {
            lower.len().checked_sub(1).filter(|&last| last > of)
        }
        Some(of) if of > 0 => Some(of - 1),
        _ => lower.len().checked_sub(1),
    }
}

/// "Obama's" -> "Obama"; repeated endings go too, as `trim_end_matches` would take
/// them, but without building a substring searcher for every word.
fn strip_possessive(word: &str) -> &str {
    let mut word = word;
    while let Some(stem) = word.strip_suffix("'s") {
        word = stem;
    }
    while let Some(stem) = word.strip_suffix("’s") {
        word = stem;
    }
    word
}

/// "CIA", "FBI", "U.S": two or more letters, all capitals.
fn is_acronym(word: &str) -> bool {
    let mut letters = 0;
    for c in word.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_type_table() {
        let grammar = Grammar::built_in().unwrap();
        let table = [
            ("officials", SourceType::Anonymous),
            ("the sources", SourceType::Anonymous),
            ("an official", SourceType::Anonymous),
            ("one of the US officials", SourceType::Anonymous),
            ("Foreign Policy", SourceType::Publication),
            ("The New York Times", SourceType::Publication),
            ("a Foreign Policy report", SourceType::Publication),
            ("the report", SourceType::Document),
            ("the cable", SourceType::Document),
            ("documents", SourceType::Document),
            ("A diplomatic cable", SourceType::Document),
            (
                "China's Ministry of State Security",
                SourceType::Organization,
            ),
            ("Kevin Sullivan", SourceType::Person),
            ("He", SourceType::Person),
            ("they", SourceType::Unknown),
            ("the CNITSEC", SourceType::Organization),
            ("Officials", SourceType::Anonymous),
            ("the whistleblower group", SourceType::Organization),
            ("a Wikileaks document", SourceType::Document),
        ];
        for (text, want) in table {
            assert_eq!(classify(text, &grammar), want, "{text}");
        }
    }
}
