//! What an attribution's cue reports (speech, belief, evidential, stance, intent),
//! read from `grammar/cue_kinds.txt` by the cue's text: the whole cue ("according
//! to", "is expected"), else its first word that has a kind ("said in a statement",
//! "had a warning"). A cue the file does not know introduces a quotation with no verb
//! of its own (a headline's colon, a sign-off's dash, "was blunt:"): speech.

use crate::grammar::{Grammar, lookup_form};
use crate::model::CueKind;
use crate::span::Span;

/// The kind of the cue at `cue` in `text`.
pub fn cue_kind(text: &str, cue: Span, grammar: &Grammar) -> CueKind {
    let cue = cue.slice(text);
    // Most cues are one lowercase word ("said"): looked up as they stand.
    if cue.bytes().all(|byte| byte.is_ascii_lowercase())
        && let Some(&kind) = grammar.cue_kinds.get(cue)
    {
        return kind;
    }
    let lower = lookup_form(cue);
    let words: Vec<&str> = lower.split_whitespace().collect();
    let kind_of = |phrase: &str| grammar.cue_kinds.get(phrase).copied();
    kind_of(&words.join(" "))
        .or_else(|| words.iter().find_map(|word| kind_of(word)))
        .unwrap_or(CueKind::Speech)
}

#[cfg(test)]
mod tests {
    use std::sync::LazyLock;

    use super::cue_kind;
    use crate::grammar::Grammar;
    use crate::model::CueKind;
    use crate::span::Span;

    static GRAMMAR: LazyLock<Grammar> = LazyLock::new(|| Grammar::built_in().unwrap());

    /// Cue text → its kind.
    #[rustfmt::skip]
    const CASES: &[(&str, CueKind)] = &[
        ("said", CueKind::Speech),
        ("Said", CueKind::Speech),
        ("said in a statement", CueKind::Speech),
        ("according to", CueKind::Speech),
        ("believes", CueKind::Belief),
        ("is expected", CueKind::Belief),
        ("showed", CueKind::Evidential),
        ("criticized", CueKind::Stance),
        ("vowed", CueKind::Intent),
        ("wants", CueKind::Intent),
        // Not in the file: a colon, a dash, a predicate that introduces a quotation.
        (":", CueKind::Speech),
        ("—", CueKind::Speech),
        ("was blunt", CueKind::Speech),
    ];

    #[test]
    fn case_table() {
        for (cue, want) in CASES {
            let got = cue_kind(cue, Span::new(0, cue.len()), &GRAMMAR);
            assert_eq!(got, *want, "{cue}");
        }
    }
}
