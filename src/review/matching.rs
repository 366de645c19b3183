//! Which old review a freshly extracted claim takes: same id, preferably from the
//! document of the same name; failing that, in the same document, the old claim
//! that a re-cut claim was cut from ([`is_recut`]), which every part of a quote
//! written one claim per part takes ([`match_recut`]).

use std::collections::HashMap;

use crate::record::normalize_claim;
use crate::span::Span;

/// A claim's document (absent in a hand-written entry) and id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key<'a> {
    pub doc: Option<&'a str>,
    pub id: &'a str,
}

/// For each fresh claim, the index in `old` of the entry whose review it takes.
///
/// Ids hash the claim text only, so the same id in two documents is the same
/// sentence. An old entry of the same document is taken first; then any old entry
/// not taken yet (the file was renamed); then, for a sentence now in more documents
/// than before, an entry already taken (same document first, else the first).
/// Two passes keep the answer independent of the order documents come in.
pub fn match_entries(old: &[Key<'_>], fresh: &[Key<'_>]) -> Vec<Option<usize>> {
    let mut by_id: HashMap<&str, Vec<usize>> = HashMap::new();
    for (index, key) in old.iter().enumerate() {
        by_id.entry(key.id).or_default().push(index);
    }
    let candidates = |key: &Key<'_>| by_id.get(key.id).map_or(&[][..], Vec::as_slice);
    let same_doc = |key: &Key<'_>, index: usize| key.doc.is_some() && old[index].doc == key.doc;
    let mut taken = vec![false; old.len()];
    let mut matched: Vec<Option<usize>> = vec![None; fresh.len()];

    for (slot, key) in matched.iter_mut().zip(fresh) {
        *slot = candidates(key)
            .iter()
            .copied()
            .find(|&i| !taken[i] && same_doc(key, i));
        if let Some(index) = *slot {
            taken[index] = true;
        }
    }
    for (slot, key) in matched.iter_mut().zip(fresh) {
        if slot.is_some() {
            continue;
        }
        let found = candidates(key);
        *slot = found
            .iter()
            .copied()
            .find(|&i| !taken[i])
            .or_else(|| found.iter().copied().find(|&i| same_doc(key, i)))
            .or_else(|| found.first().copied());
        if let Some(index) = *slot {
            taken[index] = true;
        }
    }
    matched
}

/// The fewest words a fresh claim's parts (or the parts of the claims that take
/// one entry together) must hold between them to take an old review by
/// [`is_recut`], so that a short reply ("Yes.") does not take the review of every
/// longer claim that contains it.
pub const RECUT_MIN_WORDS: usize = 3;

/// How many old entries, nearest first, a claim shorter than [`RECUT_MIN_WORDS`]
/// tries to join in [`match_recut`]: its words are likely in many.
const SHORT_TRIES: usize = 8;

/// A claim as the re-cut fallback sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cut<'a> {
    /// Its document (absent in a hand-written entry: such an entry is never re-cut).
    pub doc: Option<&'a str>,
    /// What it says: an old entry's claim text as one part; a fresh claim's
    /// `claim.fragments` texts when it has them, else its `claim.text`.
    pub parts: Vec<&'a str>,
    /// `claim.start..claim.end`, when known.
    pub span: Option<Span>,
}

/// Whether a fresh claim cut into `parts` is a re-cut of the old claim `old_text`:
/// with whitespace and quote style folded as [`normalize_claim`] folds them, every
/// part appears in the old text, in order and without overlapping, and the parts
/// hold at least [`RECUT_MIN_WORDS`] words between them. This is how a claim of an
/// earlier release keeps its review when the claim is cut differently now: a quote
/// interrupted by its attribution (`"A," she said. "B."`) was one claim spanning
/// the attribution clause and is now its quoted parts; a single-quoted quote was
/// the whole sentence and is now the quote.
pub fn is_recut(old_text: &str, parts: &[&str]) -> bool {
    let parts = folded_parts(parts);
    word_count(&parts) >= RECUT_MIN_WORDS && in_order(&normalize_claim(old_text), &parts)
}

/// Extends `matched` (one slot per fresh claim, as [`match_entries`] left it) with
/// the re-cut fallback: the fresh claims that took no review take the review of
/// an old entry of their document that no claim took, when [`is_recut`] says
/// they were cut from it. Usually one claim takes one entry; the parts of a
/// quote written one claim per part (`--split-quotes`) take the quote's entry
/// together, each its review: the claims that take one entry, in text order,
/// must have their parts in the old text in order without overlapping, and hold
/// [`RECUT_MIN_WORDS`] words between them (or they all arrive unreviewed).
///
/// Each claim goes to the first entry it fits, trying first the entries whose
/// span overlaps its own, then the one starting nearest to it, then the first in
/// the file. Pairs are settled best first across all claims, the claims long
/// enough to take an entry alone before the others, so the answer does not depend
/// on the order claims or documents come in; and a short claim that fits its
/// nearest entry but not with enough words does not go on to an entry further
/// away.
pub fn match_recut(old: &[Cut<'_>], fresh: &[Cut<'_>], matched: &mut [Option<usize>]) {
    let mut taken = vec![false; old.len()];
    for &index in matched.iter().flatten() {
        taken[index] = true;
    }
    // By document: the old entries nobody took, the fresh claims that took none.
    let mut left: HashMap<&str, (Vec<usize>, Vec<usize>)> = HashMap::new();
    for (index, cut) in old.iter().enumerate() {
        if let (false, Some(doc)) = (taken[index], cut.doc) {
            left.entry(doc).or_default().0.push(index);
        }
    }
    for (index, cut) in fresh.iter().enumerate() {
        if let (None, Some(doc)) = (matched[index], cut.doc) {
            left.entry(doc).or_default().1.push(index);
        }
    }
    // ((short, preference), old index, fresh index) of every pair the words allow,
    // and the old texts folded.
    let mut pairs = Vec::new();
    let mut texts: HashMap<usize, String> = HashMap::new();
    for (olds, freshes) in left.values() {
        if olds.is_empty() || freshes.is_empty() {
            continue;
        }
        let folded: Vec<String> = olds
            .iter()
            .map(|&index| normalize_claim(&old[index].parts.join(" ")))
            .collect();
        let tokens = Tokens::of(&folded);
        for &fresh_index in freshes {
            let parts = folded_parts(&fresh[fresh_index].parts);
            let short = word_count(&parts) < RECUT_MIN_WORDS;
            let from = pairs.len();
            for at in tokens.candidates(&parts) {
                if in_order(&folded[at], &parts) {
                    let preference = preference(old[olds[at]].span, fresh[fresh_index].span);
                    pairs.push(((short, preference), olds[at], fresh_index));
                }
            }
            // A few words are in many claims: a short claim tries the nearest only.
            if short && pairs.len() - from > SHORT_TRIES {
                pairs[from..].select_nth_unstable(SHORT_TRIES);
                pairs.truncate(from + SHORT_TRIES);
            }
        }
        texts.extend(olds.iter().copied().zip(folded));
    }
    pairs.sort_unstable();
    // The claims each entry went to, in text order.
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    let place = |&index: &usize| (fresh[index].span.map_or(usize::MAX, |s| s.start), index);
    for (_, old_index, fresh_index) in pairs {
        if matched[fresh_index].is_some() {
            continue;
        }
        let group = groups.entry(old_index).or_default();
        let mut members = group.clone();
        members.push(fresh_index);
        members.sort_unstable_by_key(place);
        if in_order(&texts[&old_index], &parts_of(fresh, &members)) {
            *group = members;
            matched[fresh_index] = Some(old_index);
        }
    }
    for members in groups.values() {
        if word_count(&parts_of(fresh, members)) < RECUT_MIN_WORDS {
            for &index in members {
                matched[index] = None;
            }
        }
    }
}

/// The parts of the fresh claims `members`, one after the other, folded.
fn parts_of(fresh: &[Cut<'_>], members: &[usize]) -> Vec<String> {
    let parts: Vec<&str> = members
        .iter()
        .flat_map(|&index| fresh[index].parts.iter().copied())
        .collect();
    folded_parts(&parts)
}

/// Which folded texts hold each token (a run between spaces). A token inside a
/// part (not its first or last) is a whole token of any text the part occurs in,
/// so only the texts holding the part's rarest inner token need searching: a
/// rewritten document costs about its size, not its claims squared.
struct Tokens<'t> {
    texts: usize,
    holding: HashMap<&'t str, Vec<usize>>,
}

impl<'t> Tokens<'t> {
    fn of(texts: &'t [String]) -> Self {
        let mut holding: HashMap<&str, Vec<usize>> = HashMap::new();
        for (at, text) in texts.iter().enumerate() {
            for token in text.split(' ') {
                let list = holding.entry(token).or_default();
                if list.last() != Some(&at) {
                    list.push(at);
                }
            }
        }
        Tokens {
            texts: texts.len(),
            holding,
        }
    }

    /// The texts that may hold `parts` in order: those holding the rarest inner
    /// token, or every text when no part has one (parts of one or two words).
    fn candidates(&self, parts: &[String]) -> Vec<usize> {
        let inner = parts.iter().flat_map(|part| {
            let tokens: Vec<&str> = part.split(' ').collect();
            let inner = tokens.len().saturating_sub(1);
            tokens.into_iter().take(inner).skip(1)
        });
        let rarest = inner
            .map(|token| self.holding.get(token).map_or(&[][..], Vec::as_slice))
            .min_by_key(|texts| texts.len());
        match rarest {
            Some(texts) => texts.to_vec(),
            None => (0..self.texts).collect(),
        }
    }
}

/// The parts folded, empty ones dropped.
fn folded_parts(parts: &[&str]) -> Vec<String> {
    parts
        .iter()
        .map(|part| normalize_claim(part))
        .filter(|part| !part.is_empty())
        .collect()
}

/// Words (runs between spaces holding a letter or digit) in all the parts.
fn word_count(parts: &[String]) -> usize {
    parts
        .iter()
        .flat_map(|part| part.split(' '))
        .filter(|word| word.chars().any(char::is_alphanumeric))
        .count()
}

/// Whether every part occurs in `text`, each after the end of the one before.
/// Taking each part's first occurrence is enough: it ends earliest.
fn in_order(text: &str, parts: &[String]) -> bool {
    let mut from = 0;
    !parts.is_empty()
        && parts
            .iter()
            .all(|part| match text[from..].find(part.as_str()) {
                Some(at) => {
                    from += at + part.len();
                    true
                }
                None => false,
            })
}

/// Smaller is better: overlapping spans first, then the nearest start; a claim
/// with no span known comes after every claim with one.
fn preference(old: Option<Span>, fresh: Option<Span>) -> (bool, usize) {
    match old.zip(fresh) {
        Some((old, fresh)) => (!old.overlaps(fresh), old.start.abs_diff(fresh.start)),
        None => (true, usize::MAX),
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn key<'a>(doc: &'a str, id: &'a str) -> Key<'a> {
        Key { doc: Some(doc), id }
    }

    #[test]
    fn same_document_wins_then_renamed_then_shared() {
        let old = [key("a", "x"), key("b", "x"), key("a", "y")];
        // b's x keeps b's review even though a's comes first in the old file.
        assert_eq!(match_entries(&old, &[key("b", "x")]), [Some(1)]);
        // a renamed to a2: its claims take a's entries.
        assert_eq!(
            match_entries(&old, &[key("a2", "y"), key("b", "x"), key("a2", "x")]),
            [Some(2), Some(1), Some(0)]
        );
        // x now also in c: it shares the first entry once every x is taken.
        assert_eq!(
            match_entries(&old, &[key("a", "x"), key("b", "x"), key("c", "x")]),
            [Some(0), Some(1), Some(0)]
        );
        assert_eq!(match_entries(&old, &[key("a", "z")]), [None]);
    }

    #[test]
    fn order_of_documents_does_not_matter() {
        let old = [key("a", "x"), key("b", "x")];
        let forward = match_entries(&old, &[key("c", "x"), key("a", "x")]);
        let backward = match_entries(&old, &[key("a", "x"), key("c", "x")]);
        assert_eq!(forward, [Some(1), Some(0)]);
        assert_eq!(backward, [Some(0), Some(1)]);
    }

    /// The old claim text as today's release cut it, the fresh claim's parts, and
    /// whether the fresh claim was cut from the old one.
    #[rustfmt::skip]
    const RECUT_CASES: &[(&str, &[&str], bool)] = &[
        // A quote interrupted by its attribution, now its quoted parts.
        (r#""You could tell," one official said. "They were always right.""#,
            &[r#""You could tell,""#, r#""They were always right.""#], true),
        (r#""You could tell," one official said. "They were always right.""#,
            &["You could tell,", "They were always right."], true),
        (r#""It is over," said Ann Lee, the agency's director. "We lost.""#,
            &["It is over,", "We lost."], true),
        (r#""It is over," Ann Lee said while standing outside the court, "and we lost.""#,
            &[r#""It is over,""#, r#""and we lost.""#], true),
        // Quote style and whitespace are folded on both sides.
        ("“You could tell,” one official said. “They were always right.”",
            &[r#""You could tell,""#, r#""They were always right.""#], true),
        ("\"You could\n  tell,\" one official said.\n\"They were always right.\"",
            &["“You could tell,”", "“They were always\nright.”"], true),
        // A single-quoted quote was an unattributed sentence; now it is the quote.
        ("'These numbers are a disgrace,' said Mr Smith.",
            &["'These numbers are a disgrace,'"], true),
        ("‘We will appeal,’ a Home Office spokesperson said.", &["'We will appeal,'"], true),
        // A claim cut shorter, one part.
        ("The plan failed, officials said.", &["The plan failed"], true),
        // Out of order, overlapping, or not in the old text: a different claim.
        (r#""You could tell," one official said. "They were always right.""#,
            &["They were always right.", "You could tell,"], false),
        ("the plan failed badly", &["the plan failed", "plan failed badly"], false),
        (r#""You could tell," one official said. "They were always right.""#,
            &["You could tell,", "They were never right."], false),
        // Too short to tell: fewer than three words in all (punctuation is no word).
        (r#""Yes," he said. "No.""#, &["Yes,", "No."], false),
        (r#""Yes," he said. "No." And then: "Maybe.""#, &["Yes,", "No.", "Maybe."], true),
        (r#""Yes — no," he said."#, &["Yes —", "no"], false),
        (r#""Yes," he said."#, &[], false),
        // The fresh claim's parts are read, not its joined text.
        (r#""You could tell," one official said. "They were always right.""#,
            &["You could tell, … They were always right."], false),
    ];

    #[test]
    fn recut_cases() {
        for (old, parts, want) in RECUT_CASES {
            assert_eq!(is_recut(old, parts), *want, "{old:?} <- {parts:?}");
        }
    }

    fn cut<'a>(doc: &'a str, parts: &[&'a str], span: (usize, usize)) -> Cut<'a> {
        Cut {
            doc: Some(doc),
            parts: parts.to_vec(),
            span: Some(Span::new(span.0, span.1)),
        }
    }

    const SAID: &str = r#""The plan failed," she said. "It was late.""#;

    #[test]
    fn recut_is_one_to_one_within_a_document() {
        let old = [cut("a", &[SAID], (0, 44)), cut("b", &[SAID], (0, 44))];
        let parts = ["The plan failed,", "It was late."];
        // Same document only, and an old entry is taken once.
        let fresh = [
            cut("a", &parts, (1, 43)),
            cut("a", &parts, (1, 43)),
            cut("c", &parts, (1, 43)),
        ];
        let mut matched = vec![None; 3];
        match_recut(&old, &fresh, &mut matched);
        assert_eq!(matched, [Some(0), None, None]);
        // An entry taken by id is not offered again, and an id match stays.
        let mut matched = vec![None, Some(0), None];
        match_recut(&old, &fresh, &mut matched);
        assert_eq!(matched, [None, Some(0), None]);
    }

    #[test]
    fn recut_prefers_overlap_then_nearest_then_file_order() {
        let parts = ["The plan failed,", "It was late."];
        let at = |start: usize| cut("a", &[SAID], (start, start + 44));
        let fresh = |start: usize| cut("a", &parts, (start + 1, start + 43));
        // The one the fresh claim overlaps, though another starts nearer.
        let mut matched = vec![None];
        match_recut(&[at(0), at(200), at(40)], &[fresh(200)], &mut matched);
        assert_eq!(matched, [Some(1)]);
        // No overlap: the nearest start (the text moved), then file order.
        for (starts, want) in [
            ([0, 500, 380], 1),
            ([0, 380, 500], 2),
            ([0, 500, 402], 1),
            ([0, 402, 500], 1),
        ] {
            let mut matched = vec![None];
            match_recut(&starts.map(at), &[fresh(450)], &mut matched);
            assert_eq!(matched, [Some(want)], "{starts:?}");
        }
        // Unknown positions come last, then file order.
        let unplaced = Cut {
            span: None,
            ..at(0)
        };
        let mut matched = vec![None];
        match_recut(&[unplaced.clone(), at(900)], &[fresh(450)], &mut matched);
        assert_eq!(matched, [Some(1)]);
        let mut matched = vec![None];
        match_recut(&[unplaced.clone(), unplaced], &[fresh(450)], &mut matched);
        assert_eq!(matched, [Some(0)]);
    }

    #[test]
    fn recut_does_not_depend_on_the_order_claims_come_in() {
        // Two copies of one quote, both re-cut: each takes the entry at its place.
        let old = [cut("a", &[SAID], (0, 44)), cut("a", &[SAID], (100, 144))];
        let parts = ["The plan failed,", "It was late."];
        let first = cut("a", &parts, (1, 43));
        let second = cut("a", &parts, (101, 143));
        let mut forward = vec![None; 2];
        match_recut(&old, &[first.clone(), second.clone()], &mut forward);
        let mut backward = vec![None; 2];
        match_recut(&old, &[second, first], &mut backward);
        assert_eq!(forward, [Some(0), Some(1)]);
        assert_eq!(backward, [Some(1), Some(0)]);
    }

    /// A quote whose second part has two words only.
    const SPLIT: &str = r#""The plan failed," she said. "Too late.""#;

    /// `SPLIT`, old, against its parts written one claim each: which old entry
    /// each part takes.
    #[test]
    fn every_part_of_a_split_quote_takes_its_review() {
        let old = [cut("a", &[SPLIT], (0, 40))];
        let first = cut("a", &[r#""The plan failed,""#], (0, 18));
        let second = cut("a", &[r#""Too late.""#], (29, 40));
        let copy = cut("a", &[r#""Too late.""#], (300, 311));
        let elsewhere = cut("b", &[r#""Too late.""#], (29, 40));
        let before = cut("a", &[r#""Too late.""#], (0, 11));
        let after = cut("a", &[r#""The plan failed,""#], (20, 38));
        let table: &[(&[&Cut<'_>], &[Option<usize>])] = &[
            // The long part takes the entry, the short one joins it, whichever
            // comes first in the file.
            (&[&first, &second], &[Some(0), Some(0)]),
            (&[&second, &first], &[Some(0), Some(0)]),
            // The part at the quote's place joins; a copy finds the text used up.
            (&[&first, &second, &copy], &[Some(0), Some(0), None]),
            (&[&first, &copy, &second], &[Some(0), None, Some(0)]),
            // The quote moved: its parts still come together.
            (&[&first, &copy], &[Some(0), Some(0)]),
            // Parts out of text order, or of another document, do not join.
            (&[&before, &after], &[None, Some(0)]),
            (&[&first, &elsewhere], &[Some(0), None]),
            // Two words alone do not take an entry.
            (&[&second], &[None]),
        ];
        for (fresh, want) in table {
            let fresh: Vec<Cut<'_>> = fresh.iter().map(|&cut| cut.clone()).collect();
            let mut matched = vec![None; fresh.len()];
            match_recut(&old, &fresh, &mut matched);
            assert_eq!(matched, *want, "{fresh:?}");
        }
        // An entry taken by id is not re-cut: its parts do not join it.
        let mut matched = vec![Some(0), None];
        match_recut(&old, &[first.clone(), second.clone()], &mut matched);
        assert_eq!(matched, [Some(0), None]);
    }

    #[test]
    fn a_short_part_among_many_copies_joins_the_nearest() {
        let at = |start: usize| cut("a", &[SPLIT], (start, start + 40));
        let old: Vec<Cut<'_>> = (0..3 * SHORT_TRIES).map(|i| at(100 * i)).collect();
        let last = 100 * (old.len() - 1);
        let first = cut("a", &[r#""The plan failed,""#], (last, last + 18));
        let second = cut("a", &[r#""Too late.""#], (last + 29, last + 40));
        let mut matched = vec![None; 2];
        match_recut(&old, &[second, first], &mut matched);
        assert_eq!(matched, [Some(old.len() - 1); 2]);
    }

    #[test]
    fn short_parts_take_an_entry_together_or_not_at_all() {
        let old = [
            cut("a", &[r#""No way," she said. "Too late.""#], (0, 31)),
            cut("a", &[r#""Not now," he said."#], (40, 59)),
        ];
        let no_way = cut("a", &[r#""No way,""#], (0, 9));
        let too_late = cut("a", &[r#""Too late.""#], (20, 31));
        let not_now = cut("a", &[r#""Not now,""#], (40, 50));
        // Four words between them: both parts take the quote's review.
        let mut matched = vec![None; 3];
        match_recut(&old, &[no_way.clone(), too_late, not_now], &mut matched);
        assert_eq!(matched, [Some(0), Some(0), None]);
        // One part of two words: not enough to tell, and it does not go on to the
        // next entry that has its words.
        let both = cut("a", &[r#""No way," she said. "Not now.""#], (0, 29));
        let old = [old[0].clone(), both];
        let mut matched = vec![None];
        match_recut(&old, &[no_way], &mut matched);
        assert_eq!(matched, [None]);
    }

    /// Words that overlap as text ("plan", "planned", "plan," …) and quotes.
    const TOKENS: &[&str] = &[
        "plan", "planned", "plan,", "the", "The", "“the", "failed", "\"", "'", "…", "é", "a",
    ];

    fn folded_texts() -> impl Strategy<Value = Vec<String>> {
        let text = prop::collection::vec(prop::sample::select(TOKENS), 0..8);
        let text = text.prop_map(|tokens| normalize_claim(&tokens.join(" ")));
        prop::collection::vec(text, 0..6)
    }

    proptest! {
        /// The token index never hides a text the parts occur in: the fast path
        /// agrees with searching every text.
        #[test]
        fn candidates_hold_every_text_the_parts_are_in(
            texts in folded_texts(),
            parts in folded_texts(),
            from in any::<prop::sample::Index>(),
            to in any::<prop::sample::Index>(),
        ) {
            // Half the time, parts cut out of one of the texts.
            let parts = match texts.iter().find(|text| text.len() > 1) {
                Some(text) if from.index(2) == 0 => {
                    let bounds: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
                    let (a, b) = (from.get(&bounds), to.get(&bounds));
                    let (a, b) = (*a.min(b), *a.max(b));
                    folded_parts(&[&text[..a], &text[b..]])
                }
                _ => parts,
            };
            let candidates = Tokens::of(&texts).candidates(&parts);
            for (at, text) in texts.iter().enumerate() {
                if in_order(text, &parts) {
                    prop_assert!(candidates.contains(&at), "{text:?} <- {parts:?}");
                }
            }
        }
    }
}
