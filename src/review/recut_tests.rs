//! The re-cut fallback of a merge on whole review files: entries written by the
//! release before issue #17 (a quote with its attribution clause in one claim, a
//! single-quoted quote as a whole unattributed sentence) merged onto fresh claims
//! in the new shape (`claim.text` the quoted parts joined by " … ", with
//! `claim.fragments`); and a property test over any claims.

use proptest::prelude::*;
use serde_yaml::{Mapping, Value};

use crate::record::{ClaimIds, claim_id, normalize_claim};
use crate::review::file::{ReviewFile, load_review};
use crate::review::merge::{Merged, Summary, merge_claims};

/// The draft, unchanged between the two runs.
const STORY: &str = "Spy network lost\n\n\"You could tell,\" one official said. \"They were always right.\"\n\n'These numbers are a disgrace,' said Mr Smith.\n\nThe plan failed, officials said.\n\n“It is over,” said Ann Lee, the agency's director. “We lost.”\n";

/// STORY's review file as claimtrace 0.1.0 wrote it (cues, sources and reasons
/// shortened), reviewed by hand.
const OLD: &str = r#"claimtrace: 0.1.0
documents: [story.txt]
claims:
- doc: story.txt
  id: c-d0f4c54a567ea63e
  kind: direct
  claim:
    text: '"You could tell," one official said. "They were always right."'
    start: 18
    end: 80
  cue: {text: said, start: 49, end: 53}
  review: {status: verified, note: Two officials confirmed., reviewer: Ana, ticket: FC-12}
  desk: world
- doc: story.txt
  id: c-53317b71c11b3e14
  kind: unattributed
  claim:
    text: '''These numbers are a disgrace,'' said Mr Smith'
    start: 82
    end: 127
  review: {status: needs-source, note: Which numbers?, reviewer: Bo}
- doc: story.txt
  id: c-0e01daa7a8c83d54
  kind: indirect
  claim: {text: The plan failed, start: 130, end: 145}
  review: {status: disputed, note: It was delayed., reviewer: Cy}
- doc: story.txt
  id: c-9ed2ad24b5d743ee
  kind: direct
  claim:
    text: “It is over,” said Ann Lee, the agency's director. “We lost.”
    start: 164
    end: 233
  review: {status: unverifiable, note: No recording., reviewer: Ana, second_reviewer: Dee}
"#;

/// A fresh claim of `doc` (whose text is `text`) in the new shape: `parts` found in
/// `text` in order from byte `from`; one part is the claim, several are its
/// fragments, joined by " … " in `claim.text`. Unreviewed, with the id its text
/// hashes to.
fn fresh_claim(doc: &str, text: &str, from: usize, parts: &[&str]) -> Mapping {
    let mut at = from;
    let mut fragments = Vec::new();
    for part in parts {
        let start = at + text[at..].find(part).expect("the part is in the text");
        at = start + part.len();
        fragments.push((*part, start, at));
    }
    let joined = parts.join(" … ");
    let mut claim = Mapping::new();
    claim.insert("text".into(), joined.as_str().into());
    claim.insert("start".into(), fragments[0].1.into());
    claim.insert("end".into(), at.into());
    if fragments.len() > 1 {
        let listed = fragments.iter().map(|&(text, start, end)| {
            let mut fragment = Mapping::new();
            fragment.insert("text".into(), text.into());
            fragment.insert("start".into(), start.into());
            fragment.insert("end".into(), end.into());
            Value::Mapping(fragment)
        });
        claim.insert("fragments".into(), Value::Sequence(listed.collect()));
    }
    let mut entry = Mapping::new();
    entry.insert("doc".into(), doc.into());
    entry.insert("id".into(), claim_id(&joined).into());
    entry.insert("kind".into(), "direct".into());
    entry.insert("claim".into(), Value::Mapping(claim));
    entry.insert("review".into(), unreviewed());
    entry
}

fn unreviewed() -> Value {
    serde_yaml::from_str("{status: unreviewed, note: '', reviewer: ''}").expect("YAML")
}

fn merged_onto(old: &ReviewFile, claims: Vec<Mapping>) -> Merged<'_> {
    merge_claims(old, "0.2.0", &["story.txt".to_string()], claims)
}

/// The claims (or removed entries) of a merged document.
fn listed<'a>(merged: &'a Merged<'_>, key: &str) -> &'a [Value] {
    merged.document[key].as_sequence().expect("a list")
}

/// STORY re-extracted by a release that cuts quotes as issue #17 asks.
fn recut_story() -> Vec<Mapping> {
    vec![
        fresh_claim(
            "story.txt",
            STORY,
            0,
            &["You could tell,", "They were always right."],
        ),
        fresh_claim("story.txt", STORY, 0, &["These numbers are a disgrace,"]),
        fresh_claim("story.txt", STORY, 0, &["The plan failed"]),
        fresh_claim("story.txt", STORY, 0, &["“It is over,”", "“We lost.”"]),
    ]
}

#[test]
fn reviews_of_the_previous_release_follow_their_recut_claims() {
    let old = load_review(OLD.as_bytes()).expect("OLD loads");
    let merged = merged_onto(&old, recut_story());
    let want = Summary {
        kept: 4,
        recut: 3,
        changed: 0,
        new: 0,
        removed: 0,
    };
    assert_eq!(merged.summary, want);
    assert!(listed(&merged, "removed").is_empty());
    for (claim, entry) in listed(&merged, "claims").iter().zip(&old.claims) {
        assert_eq!(claim.get("review"), entry.raw_review(), "{claim:?}");
        assert_eq!(claim.get("desk"), entry.raw.get("desk"), "{claim:?}");
    }
    assert_eq!(
        listed(&merged, "claims")[0]["claim"]["text"],
        "You could tell, … They were always right."
    );

    // The merged file merges again onto the same claims: by id now, unchanged.
    let text = serde_yaml::to_string(&merged.document).expect("YAML");
    let again = load_review(text.as_bytes()).expect("the merged file loads");
    let twice = merged_onto(&again, recut_story());
    assert_eq!(twice.summary.recut, 0);
    assert_eq!(twice.document, merged.document);
}

/// STORY re-extracted with `--split-quotes`: each part of a quote a claim.
fn split_story() -> Vec<Mapping> {
    let parts: [&[&str]; 6] = [
        &["You could tell,"],
        &["They were always right."],
        &["These numbers are a disgrace,"],
        &["The plan failed"],
        &["“It is over,”"],
        &["“We lost.”"],
    ];
    parts
        .iter()
        .map(|parts| fresh_claim("story.txt", STORY, 0, parts))
        .collect()
}

/// The old entry each claim of `split_story` was cut from.
const SPLIT_FROM: [usize; 6] = [0, 0, 1, 2, 3, 3];

#[test]
fn each_part_of_a_split_quote_takes_the_review_of_its_quote() {
    let old = load_review(OLD.as_bytes()).expect("OLD loads");
    let merged = merged_onto(&old, split_story());
    let want = Summary {
        kept: 6,
        recut: 5,
        changed: 0,
        new: 0,
        removed: 0,
    };
    assert_eq!(merged.summary, want);
    for (claim, from) in listed(&merged, "claims").iter().zip(SPLIT_FROM) {
        let entry = &old.claims[from];
        assert_eq!(claim.get("review"), entry.raw_review(), "{claim:?}");
        assert_eq!(claim.get("desk"), entry.raw.get("desk"), "{claim:?}");
    }
    // The report: each entry once, with every claim it went to.
    let ids = |claims: &[usize]| -> Vec<String> {
        let listed = listed(&merged, "claims");
        claims
            .iter()
            .map(|&i| listed[i]["id"].as_str().unwrap().to_string())
            .collect()
    };
    let recut: Vec<(&str, Vec<String>)> = merged
        .recut
        .iter()
        .map(|recut| (recut.entry.id.as_str(), recut.claims.clone()))
        .collect();
    assert_eq!(
        recut,
        [
            (old.claims[0].id.as_str(), ids(&[0, 1])),
            (old.claims[1].id.as_str(), ids(&[2])),
            (old.claims[3].id.as_str(), ids(&[4, 5])),
        ]
    );

    // Merged again onto the split claims: each part by its own id now.
    let text = serde_yaml::to_string(&merged.document).expect("YAML");
    let again = load_review(text.as_bytes()).expect("the merged file loads");
    let twice = merged_onto(&again, split_story());
    assert_eq!(twice.summary.recut, 0);
    assert_eq!(twice.document, merged.document);
}

/// A file written by today's release, each quote one claim in parts, merged with
/// `--split-quotes`: the parts take the review of their claim.
#[test]
fn a_claim_in_parts_reviewed_whole_gives_its_review_to_each_part() {
    let old = reviewed(&recut_story());
    let merged = merged_onto(&old, split_story());
    assert_eq!(merged.summary.kept, 6);
    assert_eq!(merged.summary.removed, 0);
    for (claim, from) in listed(&merged, "claims").iter().zip(SPLIT_FROM) {
        assert_eq!(
            claim.get("review"),
            old.claims[from].raw_review(),
            "{claim:?}"
        );
    }
}

/// The other way round, a file written with `--split-quotes` merged without it:
/// one claim cannot hold the reviews of its parts. It takes, under `changed` for
/// a second look, the review of the part that shares most of its words; the
/// other parts' reviews stay under `removed`, kept and listed.
#[test]
fn parts_reviewed_one_by_one_stay_removed_under_a_claim_in_parts() {
    let old = reviewed(&split_story());
    let merged = merged_onto(&old, recut_story());
    let want = Summary {
        kept: 2,
        recut: 0,
        changed: 2,
        new: 0,
        removed: 2,
    };
    assert_eq!(merged.summary, want);
    // "They were always right." (four of the quote's seven words) and "It is over"
    // (three of five) are the parts most like their quotes.
    let changed: Vec<&str> = merged
        .changed
        .iter()
        .map(|c| c.entry.note.as_str())
        .collect();
    assert_eq!(changed, ["n1", "n4"]);
    let removed: Vec<&str> = merged.removed.iter().map(|e| e.note.as_str()).collect();
    assert_eq!(removed, ["n0", "n5"]);
    assert_eq!(listed(&merged, "removed").len(), 2);
    assert_eq!(listed(&merged, "changed").len(), 2);
}

#[test]
fn recut_matches_stay_in_their_document_and_need_three_words() {
    let old = load_review(OLD.as_bytes()).expect("OLD loads");
    // The same quote in a renamed file: a re-cut is only looked for in its document.
    let renamed = fresh_claim(
        "story-v2.txt",
        STORY,
        0,
        &["You could tell,", "They were always right."],
    );
    // Two words: too short to say which claim it was cut from.
    let short = fresh_claim("story.txt", STORY, 0, &["We lost."]);
    let merged = merged_onto(&old, vec![renamed, short]);
    assert_eq!(merged.summary.kept, 0);
    assert_eq!(listed(&merged, "removed").len(), 4);
}

#[test]
fn a_recut_quote_takes_the_review_at_its_place() {
    // The quote twice in one document; the second copy was reviewed, the first not.
    let text = format!("{STORY}\n{STORY}");
    let copy = text.rfind("\"You").expect("second copy");
    let entry = |id: &str, start: usize, status: &str| {
        format!(
            "- doc: story.txt\n  id: {id}\n  claim:\n    text: '\"You could tell,\" one official said. \"They were always right.\"'\n    start: {start}\n    end: {}\n  review: {{status: {status}}}\n",
            start + 62
        )
    };
    let old = format!(
        "claims:\n{}{}",
        entry("c-d0f4c54a567ea63e", 18, "unreviewed"),
        entry("c-d0f4c54a567ea63e-2", copy, "verified")
    );
    let old = load_review(old.as_bytes()).expect("OLD loads");
    let parts = ["You could tell,", "They were always right."];
    let first = fresh_claim("story.txt", &text, 0, &parts);
    let mut second = fresh_claim("story.txt", &text, copy, &parts);
    second.insert(
        "id".into(),
        format!("{}-2", claim_id(&parts.join(" … "))).into(),
    );
    for fresh in [vec![first.clone(), second.clone()], vec![second, first]] {
        let merged = merged_onto(&old, fresh);
        let statuses: Vec<_> = listed(&merged, "claims")
            .iter()
            .map(|claim| {
                (
                    claim["claim"]["start"].as_u64(),
                    claim["review"]["status"].clone(),
                )
            })
            .collect();
        assert!(
            statuses.contains(&(Some(19), "unreviewed".into())),
            "{statuses:?}"
        );
        assert!(
            statuses.contains(&(Some(copy as u64 + 1), "verified".into())),
            "{statuses:?}"
        );
    }
}

/// Words that make claims: plain, capitalised, quoted in every style, with
/// punctuation attached.
#[rustfmt::skip]
const WORDS: &[&str] = &[
    "the", "plan", "failed", "Officials", "said", "budget", "grew", "“It", "over,”",
    "\"We", "lost.\"", "'These", "numbers'", "‘appeal’", "it's", "O'Neill", "—", "…", "é",
    "漢字", "30", "percent,", "always", "right.",
];

/// One document's claims: 1 to 11 claims of 1 to 9 words, separated by spaces or
/// line breaks.
fn claims() -> impl Strategy<Value = Vec<Vec<(&'static str, &'static str)>>> {
    let word = (
        prop::sample::select(WORDS),
        prop::sample::select(&[" ", "\n", "  "][..]),
    );
    prop::collection::vec(prop::collection::vec(word, 1..10), 1..12)
}

/// A document of the claims, and each claim's span in it.
fn document(claims: &[Vec<(&str, &str)>]) -> (String, Vec<(usize, usize)>) {
    let mut text = String::from("Title\n\n");
    let mut spans = Vec::new();
    for claim in claims {
        let start = text.len();
        for (index, (word, space)) in claim.iter().enumerate() {
            if index > 0 {
                text.push_str(space);
            }
            text.push_str(word);
        }
        spans.push((start, text.len()));
        text.push_str(".\n\n");
    }
    (text, spans)
}

/// Claim mappings of story.txt for the given spans of `text`, each cut into the parts
/// `cut` gives (byte ranges inside the span), with ids numbered as a release does.
fn claim_mappings(
    text: &str,
    spans: &[(usize, usize)],
    cut: impl Fn(usize, (usize, usize)) -> Vec<(usize, usize)>,
) -> Vec<Mapping> {
    let mut ids = ClaimIds::default();
    let mut claims = Vec::new();
    for (index, &span) in spans.iter().enumerate() {
        let parts: Vec<&str> = cut(index, span).iter().map(|&(s, e)| &text[s..e]).collect();
        let from = cut(index, span)[0].0;
        let mut claim = fresh_claim("story.txt", text, from, &parts);
        let joined = parts.join(" … ");
        claim.insert("id".into(), ids.next(&joined).into());
        claims.push(claim);
    }
    claims
}

/// As [`claim_mappings`], but each part a claim of its own, as `--split-quotes`
/// writes them; and the index of the span each claim was cut from.
fn split_mappings(
    text: &str,
    spans: &[(usize, usize)],
    cut: impl Fn(usize, (usize, usize)) -> Vec<(usize, usize)>,
) -> (Vec<Mapping>, Vec<usize>) {
    let mut ids = ClaimIds::default();
    let mut claims = Vec::new();
    let mut from = Vec::new();
    for (index, &span) in spans.iter().enumerate() {
        for (start, end) in cut(index, span) {
            let part = &text[start..end];
            let mut claim = fresh_claim("story.txt", text, start, &[part]);
            claim.insert("id".into(), ids.next(part).into());
            claims.push(claim);
            from.push(index);
        }
    }
    (claims, from)
}

/// The byte ranges of the words of `text[start..end]`.
fn words(text: &str, (start, end): (usize, usize)) -> Vec<(usize, usize)> {
    let mut words = Vec::new();
    let mut at = start;
    for word in text[start..end].split_whitespace() {
        let begin = at + text[at..end].find(word).expect("the word is there");
        at = begin + word.len();
        words.push((begin, at));
    }
    words
}

/// A review file of `claims`, the i-th reviewed with note `n<i>`, a status by
/// turns and, for every third, a hand key.
fn reviewed(claims: &[Mapping]) -> ReviewFile {
    let statuses = [
        "verified",
        "disputed",
        "unverifiable",
        "needs-source",
        "unreviewed",
    ];
    let reviewed: Vec<Value> = claims
        .iter()
        .enumerate()
        .map(|(index, claim)| {
            let mut claim = claim.clone();
            let review = format!(
                "{{status: {}, note: n{index}, reviewer: R, ticket: FC-{index}}}",
                statuses[index % statuses.len()]
            );
            claim.insert(
                "review".into(),
                serde_yaml::from_str(&review).expect("YAML"),
            );
            if index % 3 == 0 {
                claim.insert("desk".into(), format!("d{index}").into());
            }
            Value::Mapping(claim)
        })
        .collect();
    let mut root = Mapping::new();
    root.insert("claims".into(), Value::Sequence(reviewed));
    let text = serde_yaml::to_string(&root).expect("YAML");
    load_review(text.as_bytes()).expect("a written review file loads")
}

/// Every review of `old` ends on a claim of `merged`, with its hand keys, and
/// every claim takes a review of the text it was cut from (the old claim `from`
/// gives, or one of the same text); none is removed.
fn every_review_kept(old: &ReviewFile, merged: &Merged<'_>, old_texts: &[&str], from: &[usize]) {
    let claims = listed(merged, "claims");
    assert!(listed(merged, "removed").is_empty(), "{:?}", merged.summary);
    assert_eq!(claims.len(), from.len());
    assert_eq!(merged.summary.kept, claims.len());
    for (index, (claim, &from)) in claims.iter().zip(from).enumerate() {
        let note = claim["review"]["note"].as_str().expect("a carried note");
        let took: usize = note[1..].parse().expect("n<index>");
        let entry = &old.claims[took];
        assert_eq!(old_texts[took], old_texts[from], "{note} on claim {index}");
        assert_eq!(claim.get("review"), entry.raw_review());
        assert_eq!(claim.get("desk"), entry.raw.get("desk"));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn merging_onto_the_same_claims_keeps_every_review(claims in claims()) {
        let (text, spans) = document(&claims);
        let fresh = claim_mappings(&text, &spans, |_, span| vec![span]);
        let old = reviewed(&fresh);
        let merged = merged_onto(&old, fresh);
        prop_assert_eq!(merged.summary.recut, 0);
        let texts: Vec<&str> = spans.iter().map(|&(s, e)| &text[s..e]).collect();
        every_review_kept(&old, &merged, &texts, &(0..texts.len()).collect::<Vec<_>>());
    }

    /// Each claim of at least three words may be re-cut: a stretch of its words
    /// dropped (an attribution clause), leaving one or two parts of at least three
    /// words in all; and with `split` each part is a claim of its own, as
    /// `--split-quotes` writes them.
    #[test]
    fn recutting_claims_into_parts_keeps_every_review(
        claims in claims(),
        cuts in prop::collection::vec((any::<bool>(), any::<prop::sample::Index>(), any::<prop::sample::Index>()), 12),
        split in any::<bool>(),
    ) {
        let (text, spans) = document(&claims);
        let old = reviewed(&claim_mappings(&text, &spans, |_, span| vec![span]));
        let recut = |index: usize, span| {
            let words = words(&text, span);
            let (recut, a, b) = cuts[index];
            let (drop_from, drop_to) = {
                let (a, b) = (a.index(words.len() + 1), b.index(words.len() + 1));
                (a.min(b), a.max(b))
            };
            let counted = words[..drop_from]
                .iter()
                .chain(&words[drop_to..])
                .filter(|&&(s, e)| text[s..e].chars().any(char::is_alphanumeric))
                .count();
            if !recut || counted < 3 {
                return vec![span];
            }
            let before = (drop_from > 0).then(|| (words[0].0, words[drop_from - 1].1));
            let after = (drop_to < words.len()).then(|| (words[drop_to].0, words[words.len() - 1].1));
            before.into_iter().chain(after).collect()
        };
        let (fresh, from) = if split {
            split_mappings(&text, &spans, recut)
        } else {
            (claim_mappings(&text, &spans, recut), (0..spans.len()).collect())
        };
        let texts: Vec<&str> = spans.iter().map(|&(s, e)| &text[s..e]).collect();
        // A claim cut down to the very text of another claim takes that claim's id
        // (ids hash the text): which of the two reviews it gets is then the id's say.
        let folded: Vec<String> = texts.iter().map(|text| normalize_claim(text)).collect();
        prop_assume!(fresh.iter().zip(&from).all(|(claim, &from)| {
            let now = normalize_claim(claim["claim"]["text"].as_str().unwrap_or_default());
            now == folded[from] || !folded.contains(&now)
        }));
        let merged = merged_onto(&old, fresh);
        every_review_kept(&old, &merged, &texts, &from);
    }
}
