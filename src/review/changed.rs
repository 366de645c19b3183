//! Which old review a reworded claim keeps, for a second look. After ids and
//! re-cuts (`matching.rs`), a fresh claim that took no review and an old entry
//! that nobody took are one claim changed when they are in the same document (or
//! the old one's document is gone from the merge: renamed), have the same source
//! and the same cue, lie near each other, and share most of their words:
//! "roughly £120 million" reworded "about £118 million".

use std::collections::{HashMap, HashSet};

use serde_yaml::{Mapping, Value};

use crate::review::file::ClaimPlace;
use crate::span::Span;

/// The least share of words two wordings must have in common, as Dice's
/// coefficient in thousandths (twice the words shared over the words of both): a
/// sentence of ten words with two replaced keeps 800.
pub const CHANGED_MIN_OVERLAP: usize = 600;

/// The fewest words two wordings must share, so that two short replies ("Yes,
/// she said.") are not taken for one claim.
pub const CHANGED_MIN_SHARED: usize = 3;

/// How far apart the starts of two wordings may be, in bytes: a paragraph or two
/// inserted or deleted above a claim moves it this much.
pub const CHANGED_NEARBY: usize = 4096;

/// A claim as this pass sees it: an old entry or a fresh claim, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wording<'a> {
    pub doc: Option<&'a str>,
    /// Who says it (the resolved name, else the mention) and the cue, lowercased
    /// with whitespace folded; none when the claim has none.
    pub source: Option<String>,
    pub cue: Option<String>,
    /// Its words, lowercased, in order.
    pub words: Vec<String>,
    pub span: Option<Span>,
}

impl<'a> Wording<'a> {
    /// Read leniently from a claim entry as written, or from a fresh claim
    /// serialized: a missing or odd value reads as none.
    pub fn of(entry: &'a Mapping) -> Self {
        let text = |value: Option<&'a Value>| value.and_then(Value::as_str);
        let source = entry.get("source");
        let source =
            text(source.and_then(|s| s.get("name"))).or(text(source.and_then(|s| s.get("text"))));
        let cue = text(entry.get("cue").and_then(|cue| cue.get("text")));
        let claim = text(entry.get("claim").and_then(|claim| claim.get("text")));
        Wording {
            doc: text(entry.get("doc")),
            source: source.map(fold),
            cue: cue.map(fold),
            words: claim.map(words).unwrap_or_default(),
            span: ClaimPlace::of(entry).span,
        }
    }
}

/// Lowercase, whitespace runs folded to one space.
fn fold(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The words of a claim: runs of letters and digits, lowercased.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Twice the words `a` and `b` share (as multisets) over the words of both, in
/// thousandths, and how many they share.
pub fn overlap(a: &[String], b: &[String]) -> (usize, usize) {
    if a.is_empty() || b.is_empty() {
        return (0, 0);
    }
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for word in a {
        *counts.entry(word).or_default() += 1;
    }
    let mut shared = 0;
    for word in b {
        if let Some(count) = counts.get_mut(word.as_str())
            && *count > 0
        {
            *count -= 1;
            shared += 1;
        }
    }
    (2000 * shared / (a.len() + b.len()), shared)
}

/// Extends `matched` (one slot per fresh claim, as ids and re-cuts left it) with
/// changed claims: each fresh claim that took no review takes the entry of `old`
/// that `open` allows (not taken, and holding a verdict worth carrying) which is
/// the same claim reworded, one to one. Pairs are settled best first: same
/// document, then most words shared, then nearest, then file order; so the answer
/// does not depend on the order claims come in. Returns the fresh claims matched.
pub fn match_changed(
    old: &[Wording<'_>],
    open: &[bool],
    fresh: &[Wording<'_>],
    matched: &mut [Option<usize>],
) -> Vec<usize> {
    let fresh_docs: HashSet<&str> = fresh.iter().filter_map(|w| w.doc).collect();
    // Old entries by (document, or none when it is gone from the merge; source;
    // cue), each list in the order of their starts, those with no span last.
    type Bucket<'w> = (Option<&'w str>, &'w Option<String>, &'w Option<String>);
    let mut buckets: HashMap<Bucket<'_>, Vec<usize>> = HashMap::new();
    for (index, wording) in old.iter().enumerate() {
        let Some(doc) = wording.doc.filter(|_| open[index]) else {
            continue;
        };
        let doc = fresh_docs.contains(doc).then_some(doc);
        let key = (doc, &wording.source, &wording.cue);
        buckets.entry(key).or_default().push(index);
    }
    let start = |index: usize| old[index].span.map_or(usize::MAX, |span| span.start);
    for list in buckets.values_mut() {
        list.sort_unstable_by_key(|&index| (start(index), index));
    }

    // ((other document, fewer words shared, distance), old index, fresh index)
    let mut pairs = Vec::new();
    for (fresh_index, wording) in fresh.iter().enumerate() {
        let Some(doc) = wording.doc.filter(|_| matched[fresh_index].is_none()) else {
            continue;
        };
        for (renamed, key_doc) in [(false, Some(doc)), (true, None)] {
            let key = (key_doc, &wording.source, &wording.cue);
            let Some(list) = buckets.get(&key) else {
                continue;
            };
            for old_index in nearby(list, wording.span, start) {
                let distance = distance(old[old_index].span, wording.span);
                let (share, shared) = overlap(&old[old_index].words, &wording.words);
                if share >= CHANGED_MIN_OVERLAP && shared >= CHANGED_MIN_SHARED {
                    let rank = (renamed, usize::MAX - share, distance);
                    pairs.push((rank, old_index, fresh_index));
                }
            }
        }
    }
    pairs.sort_unstable();
    let mut taken = vec![false; old.len()];
    let mut found = Vec::new();
    for (_, old_index, fresh_index) in pairs {
        if taken[old_index] || matched[fresh_index].is_some() {
            continue;
        }
        taken[old_index] = true;
        matched[fresh_index] = Some(old_index);
        found.push(fresh_index);
    }
    found.sort_unstable();
    found
}

/// The entries of `list` (sorted by `start`, unknown starts last) within
/// [`CHANGED_NEARBY`] of `span`, and every entry whose start is unknown.
fn nearby(
    list: &[usize],
    span: Option<Span>,
    start: impl Fn(usize) -> usize,
) -> impl Iterator<Item = usize> + '_ {
    let known = list.partition_point(|&index| start(index) != usize::MAX);
    let (from, to) = match span {
        Some(span) => {
            let low = span.start.saturating_sub(CHANGED_NEARBY);
            let high = span.start.saturating_add(CHANGED_NEARBY);
            let from = list[..known].partition_point(|&index| start(index) < low);
            let to = list[..known].partition_point(|&index| start(index) <= high);
            (from, to)
        }
        None => (0, known),
    };
    list[from..to].iter().chain(&list[known..]).copied()
}

/// Bytes between the starts of two spans; 0 when either is unknown.
fn distance(a: Option<Span>, b: Option<Span>) -> usize {
    match (a, b) {
        (Some(a), Some(b)) => a.start.abs_diff(b.start),
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wording(doc: &str, source: &str, cue: &str, text: &str, start: usize) -> Mapping {
        let yaml = format!(
            "{{doc: {doc}, source: {source}, cue: {cue}, claim: {{text: {}, start: {start}, end: {}}}}}",
            serde_json::to_string(text).unwrap(),
            start + text.len()
        );
        serde_yaml::from_str(&yaml).unwrap()
    }

    const SPEND: &str = "The council will spend roughly £120 million on the bridge";

    #[test]
    fn changed_cases() {
        let officials = "{text: officials, type: anonymous, name: null}";
        let said = "{text: said}";
        // (fresh claim's document, source, cue, text, start; whether it is the
        // old claim — a.txt, officials, said, SPEND at 100 — changed)
        let table = [
            (
                "a.txt",
                officials,
                said,
                "The council will spend about £118 million on the bridge",
                100,
                true,
            ),
            ("a.txt", officials, said, SPEND, 3000, true),
            (
                "a.txt",
                officials,
                said,
                "The council will spend roughly £120 million",
                100,
                true,
            ),
            (
                "a.txt",
                officials,
                said,
                "The council will spend money",
                100,
                false,
            ),
            (
                "a.txt",
                officials,
                said,
                "The mayor resigned on Friday after a long row",
                100,
                false,
            ),
            (
                "a.txt",
                "{text: the mayor, type: person, name: null}",
                said,
                SPEND,
                100,
                false,
            ),
            (
                "a.txt",
                "{text: Officials, type: anonymous, name: null}",
                "{text: Said}",
                SPEND,
                100,
                true,
            ),
            ("a.txt", officials, "{text: told}", SPEND, 100, false),
            ("a.txt", "null", "null", SPEND, 100, false),
            (
                "a.txt",
                officials,
                said,
                SPEND,
                100 + CHANGED_NEARBY + 1,
                false,
            ),
            // The old document is in the merge: another one is another story.
            ("b.txt", officials, said, SPEND, 100, false),
        ];
        let old_entry = wording("a.txt", officials, said, SPEND, 100);
        for (doc, source, cue, text, start, changed) in table {
            let fresh_entry = wording(doc, source, cue, text, start);
            let mut others = vec![fresh_entry.clone()];
            if doc != "a.txt" {
                others.push(wording("a.txt", "null", "null", "Unrelated words here", 9));
            }
            let old = [Wording::of(&old_entry)];
            let fresh: Vec<Wording> = others.iter().map(Wording::of).collect();
            let mut matched = vec![None; fresh.len()];
            let found = match_changed(&old, &[true], &fresh, &mut matched);
            assert_eq!(found == [0], changed, "{text} in {doc} at {start}");
        }
        // A renamed document (the old one is gone from the merge) is the same story.
        let old = [Wording::of(&old_entry)];
        let renamed = wording("a-v2.txt", officials, said, SPEND, 100);
        let mut matched = vec![None];
        assert_eq!(
            match_changed(&old, &[true], &[Wording::of(&renamed)], &mut matched),
            [0]
        );
        // An entry that is not open (taken, or nothing written in it) is not taken.
        let mut matched = vec![None];
        assert!(match_changed(&old, &[false], &[Wording::of(&renamed)], &mut matched).is_empty());
    }

    #[test]
    fn pairs_are_settled_best_first_whatever_the_order() {
        let said = "{text: said}";
        let officials = "{text: officials, type: anonymous, name: null}";
        let old_entries = [
            wording(
                "a.txt",
                officials,
                said,
                "The plan for the bridge failed in May",
                10,
            ),
            wording(
                "a.txt",
                officials,
                said,
                "The plan for the road failed in June",
                200,
            ),
        ];
        let fresh_entries = [
            wording(
                "a.txt",
                officials,
                said,
                "The plan for the road failed in July",
                220,
            ),
            wording(
                "a.txt",
                officials,
                said,
                "The plan for the bridge failed in April",
                30,
            ),
        ];
        let old: Vec<Wording> = old_entries.iter().map(Wording::of).collect();
        for order in [[0, 1], [1, 0]] {
            let fresh: Vec<Wording> = order
                .iter()
                .map(|&i| Wording::of(&fresh_entries[i]))
                .collect();
            let mut matched = vec![None; 2];
            match_changed(&old, &[true, true], &fresh, &mut matched);
            for (slot, &i) in order.iter().enumerate() {
                // The road claim goes to the road entry, the bridge to the bridge.
                assert_eq!(matched[slot], Some(1 - i), "{order:?}");
            }
        }
    }

    #[test]
    fn overlap_counts_shared_words_once() {
        let w = |text: &str| words(text);
        assert_eq!(overlap(&w("a b c d"), &w("a b c d")), (1000, 4));
        assert_eq!(overlap(&w("a a b"), &w("a b b")), (666, 2));
        assert_eq!(overlap(&w(""), &w("a")), (0, 0));
        assert_eq!(
            words("£120 million, “roughly”"),
            ["120", "million", "roughly"]
        );
    }
}
