//! The grammatical shape of a claim: a quotation; an infinitive ("vowed to fight
//! the closure"); a clause, opened by a complementizer or a question word ("that
//! …", "whether …", "when …") or holding a finite verb (`mined/verb_forms.txt`:
//! "the plan was dead"), a contracted one ("it's") or a subject pronoun with a
//! word after it ("they plan to …"); else a noun phrase ("criticized the plan", "support for the bill").
//! Read from the claim's words alone, so it costs one look per word of a claim.

use crate::grammar::{Grammar, Lexeme, WordClass, lookup_form};
use crate::model::{ClaimForm, Kind};
use crate::swar;

/// The form of a claim whose text is `claim` and whose rendering is `kind`.
pub fn claim_form(claim: &str, kind: Kind, grammar: &Grammar) -> ClaimForm {
    if kind == Kind::Direct {
        return ClaimForm::Quote;
    }
    let mut words = looked_up_words(claim, grammar);
    let Some(first) = words.next() else {
        return ClaimForm::NounPhrase;
    };
    if first.lexeme.is(WordClass::ClauseOpener) {
        return ClaimForm::Clause;
    }
    if first.lexeme.is(WordClass::Infinitive) {
        // "to fight the closure", not "to the council" (a preposition).
        return match words.next() {
            Some(verb) if !verb.opens_noun_phrase() => ClaimForm::Infinitive,
            _ => ClaimForm::NounPhrase,
        };
    }
    // A finite verb, a contracted one ("can't", "it's", "they'll"), or a subject
    // pronoun with a word after it ("they plan to tune in": "plan" is mostly a noun).
    let mut previous = first;
    for word in words {
        if previous.is_finite(grammar) || previous.lexeme.is(WordClass::SubjectPronoun) {
            return ClaimForm::Clause;
        }
        previous = word;
    }
    if previous.is_finite(grammar) {
        ClaimForm::Clause
    } else {
        ClaimForm::NounPhrase
    }
}

/// A word of a claim, with what the grammar says of its [`lookup_form`].
struct Word<'c, 'g> {
    text: &'c str,
    lexeme: &'g Lexeme,
    /// Holds an apostrophe, or a byte that may open ’ (0xE2): found as the word
    /// is read, so that [`Word::is_finite`] scans no word for one.
    may_hold_apostrophe: bool,
}

impl<'c, 'g> Word<'c, 'g> {
    /// `text` looked up: a short ASCII word (most of a claim's) by its bytes with
    /// no lowercase copy made, any other by its lookup form.
    fn of(text: &'c str, grammar: &'g Grammar) -> Self {
        let lexemes = &grammar.lexemes;
        let id = lexemes
            .id_ascii_caseless(text)
            .unwrap_or_else(|| lexemes.id(&lookup_form(text)));
        Word {
            text,
            lexeme: lexemes.get(id),
            may_hold_apostrophe: text.bytes().any(|byte| byte == b'\'' || byte == 0xE2),
        }
    }

    /// A finite verb, or a word with an apostrophe whose end is a contracted verb
    /// ("can't", "it's") or whose start is a subject pronoun ("they'll").
    fn is_finite(&self, grammar: &Grammar) -> bool {
        if self.lexeme.finite_verb {
            return true;
        }
        // 0xE2 opens ’ (and a few other characters, which the test below turns away).
        if !self.may_hold_apostrophe {
            return false;
        }
        let form = lookup_form(self.text);
        form.bytes()
            .rposition(|byte| byte == b'\'')
            .is_some_and(|mark| {
                grammar.is(&form[mark..], WordClass::ContractedVerb)
                    || grammar.is(&form[..mark], WordClass::SubjectPronoun)
            })
    }

    /// True when the word opens a noun phrase rather than naming a verb: "the",
    /// "a", "his", a number.
    fn opens_noun_phrase(&self) -> bool {
        [
            WordClass::Article,
            WordClass::Definite,
            WordClass::Indefinite,
        ]
        .into_iter()
        .any(|class| self.lexeme.is(class))
            || self.text.starts_with(|c: char| c.is_ascii_digit())
    }
}

/// The words of `text`: its runs of letters, digits and apostrophes. Every
/// claim's words are read: ASCII is read eight bytes at a time, and a character
/// is decoded only at a byte that is not ASCII (a split on decoded characters
/// took 3% of a run's instructions).
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = run_end(text, at, false);
        at = run_end(text, start, true);
        (at > start).then(|| &text[start..at])
    })
}

/// The words of `text` (as [`words`] gives them), looked up: a word of fewer than
/// eight ASCII bytes that ends on an ASCII byte (most words of a claim) is read
/// and looked up in one load of eight bytes.
fn looked_up_words<'c, 'g>(
    text: &'c str,
    grammar: &'g Grammar,
) -> impl Iterator<Item = Word<'c, 'g>> {
    let bytes = text.as_bytes();
    let lexemes = &grammar.lexemes;
    let mut at = 0;
    std::iter::from_fn(move || {
        // Mostly one space: skipped here, without a call.
        while bytes
            .get(at)
            .is_some_and(|&byte| byte.is_ascii() && !is_word_byte(byte))
        {
            at += 1;
        }
        let start = match bytes.get(at) {
            Some(byte) if !byte.is_ascii() => run_end(text, at, false),
            _ => at,
        };
        if let Some(eight) = swar::word_at(bytes, start) {
            let len = (!word_byte_mask(eight) & swar::splat(0x80)).trailing_zeros() as usize / 8;
            // A byte that is not ASCII may be ’ or a letter: the word goes on.
            if (1..8).contains(&len) && bytes[start + len].is_ascii() {
                at = start + len;
                let key = eight & (u64::MAX >> (64 - 8 * len));
                return Some(Word {
                    text: &text[start..at],
                    lexeme: lexemes.get(lexemes.id_of_ascii_key(key)),
                    // ASCII: no ’ to look for, and the apostrophe is in the key.
                    may_hold_apostrophe: swar::ascii_byte_mask(key, b'\'') != 0,
                });
            }
        }
        at = run_end(text, start, true);
        (at > start).then(|| Word::of(&text[start..at], grammar))
    })
}

/// True for an ASCII letter, digit or apostrophe.
fn is_word_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'\''
}

/// 0x80 in each byte of `eight` that is an ASCII letter, digit or apostrophe.
fn word_byte_mask(eight: u64) -> u64 {
    swar::ascii_alphanumeric_mask(eight) | swar::ascii_byte_mask(eight, b'\'')
}

/// Where the run of word characters (when `in_word`) or of other characters
/// that starts at byte `at` of `text` ends.
fn run_end(text: &str, mut at: usize, in_word: bool) -> usize {
    let bytes = text.as_bytes();
    loop {
        if in_word && let Some(eight) = swar::word_at(bytes, at) {
            // A high bit for each byte that is no ASCII word character.
            let others = !word_byte_mask(eight) & swar::splat(0x80);
            if others == 0 {
                at += 8;
                continue;
            }
            at += others.trailing_zeros() as usize / 8;
        }
        let Some(&byte) = bytes.get(at) else {
            return at;
        };
        let (is_word, len) = if byte.is_ascii() {
            (is_word_byte(byte), 1)
        } else {
            let c = text[at..].chars().next().unwrap_or_default();
            (c.is_alphanumeric() || c == '’', c.len_utf8())
        };
        if is_word != in_word {
            return at;
        }
        at += len;
    }
}

#[cfg(test)]
mod tests {
    use std::sync::LazyLock;

    use super::{claim_form, words};
    use crate::grammar::lookup_form;
    use crate::grammar::{Grammar, WordClass};
    use crate::model::{ClaimForm, Kind};

    static GRAMMAR: LazyLock<Grammar> = LazyLock::new(|| Grammar::built_in().unwrap());

    /// Claim text, its rendering → its form.
    #[rustfmt::skip]
    const CASES: &[(&str, Kind, ClaimForm)] = &[
        ("“We will rebuild,”", Kind::Direct, ClaimForm::Quote),
        ("the plan was dead", Kind::Indirect, ClaimForm::Clause),
        ("that the plan was dead", Kind::Indirect, ClaimForm::Clause),
        ("whether the mayor would resign", Kind::Indirect, ClaimForm::Clause),
        ("if the council had been told", Kind::Indirect, ClaimForm::Clause),
        ("the rate cut came too late", Kind::Indirect, ClaimForm::Clause),
        ("when the bridge reopens", Kind::Indirect, ClaimForm::Clause),
        ("they plan to tune in", Kind::Indirect, ClaimForm::Clause),
        ("it's too early", Kind::Indirect, ClaimForm::Clause),
        ("the deal can't pass", Kind::Indirect, ClaimForm::Clause),
        ("Clinton", Kind::Indirect, ClaimForm::NounPhrase),
        ("his plan", Kind::Indirect, ClaimForm::NounPhrase),
        ("Clinton's plan", Kind::Indirect, ClaimForm::NounPhrase),
        ("the plan “a disaster” that can’t work", Kind::Mixed, ClaimForm::Clause),
        ("to fight the closure", Kind::Indirect, ClaimForm::Infinitive),
        ("to get carried away after the win", Kind::Indirect, ClaimForm::Infinitive),
        ("the plan on Tuesday", Kind::Indirect, ClaimForm::NounPhrase),
        ("support for the bill", Kind::Indirect, ClaimForm::NounPhrase),
        ("a ban on imports", Kind::Indirect, ClaimForm::NounPhrase),
        ("to the council", Kind::Indirect, ClaimForm::NounPhrase),
        ("", Kind::Indirect, ClaimForm::NounPhrase),
    ];

    #[test]
    fn case_table() {
        for (claim, kind, want) in CASES {
            assert_eq!(claim_form(claim, *kind, &GRAMMAR), *want, "{claim}");
            assert_eq!(reference(claim, *kind, &GRAMMAR), *want, "{claim}");
        }
    }

    /// The form as the lexicons' own maps give it, each word lowercased into a
    /// string of its own: what the lexeme lookups must agree with.
    fn reference(claim: &str, kind: Kind, grammar: &Grammar) -> ClaimForm {
        if kind == Kind::Direct {
            return ClaimForm::Quote;
        }
        let mut words = words(claim).map(lookup_form);
        let Some(first) = words.next() else {
            return ClaimForm::NounPhrase;
        };
        if grammar.is(&first, WordClass::ClauseOpener) {
            return ClaimForm::Clause;
        }
        let opens_noun_phrase = |word: &str| {
            [
                WordClass::Article,
                WordClass::Definite,
                WordClass::Indefinite,
            ]
            .into_iter()
            .any(|class| grammar.is(word, class))
                || word.chars().next().is_some_and(|c| c.is_ascii_digit())
        };
        if grammar.is(&first, WordClass::Infinitive) {
            return match words.next() {
                Some(verb) if !opens_noun_phrase(&verb) => ClaimForm::Infinitive,
                _ => ClaimForm::NounPhrase,
            };
        }
        let finite = |word: &str| {
            grammar.finite_verbs.contains(word)
                || word
                    .bytes()
                    .rposition(|byte| byte == b'\'')
                    .is_some_and(|mark| {
                        grammar.is(&word[mark..], WordClass::ContractedVerb)
                            || grammar.is(&word[..mark], WordClass::SubjectPronoun)
                    })
        };
        let mut previous = first;
        for word in words {
            if finite(&previous) || grammar.is(&previous, WordClass::SubjectPronoun) {
                return ClaimForm::Clause;
            }
            previous = word;
        }
        if finite(&previous) {
            ClaimForm::Clause
        } else {
            ClaimForm::NounPhrase
        }
    }

    proptest::proptest! {
        #[test]
        fn words_are_the_runs_a_split_on_characters_gives(text in "(\\PC|[ a-zA-Z0-9'’.,é—-]){0,40}") {
            let split: Vec<&str> = text
                .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
                .filter(|word| !word.is_empty())
                .collect();
            proptest::prop_assert_eq!(words(&text).collect::<Vec<_>>(), split);
        }

        #[test]
        fn the_form_read_by_lexemes_is_the_form_read_by_the_lexicons(
            words in proptest::collection::vec(
                "(the|The|THE|to|To|that|That|whether|they|They|THEY|it's|It’s|can't|CAN’T|they'll|was|Was|said|SAID|plan|Plan|a|his|30|1990s|officials|Über|naïve|counterterrorism|Counterterrorism|[A-Za-z’'é]{1,10})",
                0..8,
            ),
            separator in "[ ,“”\"—]{1,2}",
            mixed in proptest::bool::ANY,
        ) {
            let claim = words.join(&separator);
            let kind = if mixed { Kind::Mixed } else { Kind::Indirect };
            proptest::prop_assert_eq!(
                claim_form(&claim, kind, &GRAMMAR),
                reference(&claim, kind, &GRAMMAR),
                "{:?}", claim
            );
        }
    }
}
