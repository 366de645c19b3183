//! The grammatical shape of a claim: a quotation; an infinitive ("vowed to fight
//! the closure"); a clause, opened by a complementizer or a question word ("that
//! …", "whether …", "when …") or holding a finite verb (`mined/verb_forms.txt`:
//! "the plan was dead"), a contracted one ("it's") or a subject pronoun with a
//! word after it ("they plan to …"); else a noun phrase ("criticized the plan", "support for the bill").
//! Read from the claim's words alone, so it costs one look per word of a claim.

use std::borrow::Cow;

use crate::grammar::{Grammar, WordClass};
use crate::model::{ClaimForm, Kind};

/// The form of a claim whose text is `claim` and whose rendering is `kind`.
pub fn claim_form(claim: &str, kind: Kind, grammar: &Grammar) -> ClaimForm {
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
    if grammar.is(&first, WordClass::Infinitive) {
        // "to fight the closure", not "to the council" (a preposition).
        return match words.next() {
            Some(verb) if !opens_noun_phrase(&verb, grammar) => ClaimForm::Infinitive,
            _ => ClaimForm::NounPhrase,
        };
    }
    // A finite verb, a contracted one ("can't", "it's", "they'll"), or a subject
    // pronoun with a word after it ("they plan to tune in": "plan" is mostly a noun).
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

/// The words of `text`: its runs of letters, digits and apostrophes.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|word| !word.is_empty())
}

/// `word` as the lexicons hold it: lowercase, with a straight apostrophe. Most
/// words are already so and are not copied (this runs on every claim).
fn lookup_form(word: &str) -> Cow<'_, str> {
    if word
        .bytes()
        .any(|byte| byte.is_ascii_uppercase() || !byte.is_ascii())
    {
        Cow::Owned(word.to_lowercase().replace('’', "'"))
    } else {
        Cow::Borrowed(word)
    }
}

/// True when `word` opens a noun phrase rather than naming a verb: "the", "a", "his".
fn opens_noun_phrase(word: &str, grammar: &Grammar) -> bool {
    [
        WordClass::Article,
        WordClass::Definite,
        WordClass::Indefinite,
    ]
    .into_iter()
    .any(|class| grammar.is(word, class))
        || word.chars().next().is_some_and(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use std::sync::LazyLock;

    use super::claim_form;
    use crate::grammar::Grammar;
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
        }
    }
}
