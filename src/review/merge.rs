//! Carrying a review file's verdicts over to a fresh extraction of a revised draft.

use serde_yaml::{Mapping, Value};

use crate::record::{ReviewDocument, Status};
use crate::review::file::{ClaimPlace, Entry, ReviewFile};
use crate::review::matching::{Cut, Key, match_entries, match_recut};

/// Keys of a claim entry that every run regenerates from the text; any other key of
/// an old entry was added by hand and is carried over.
pub const GENERATED: [&str; 13] = [
    "doc",
    "id",
    "meta",
    "kind",
    "cue_kind",
    "claim_form",
    "claim",
    "cue",
    "source",
    "markers",
    "score",
    "reasons",
    "review",
];

/// Top-level keys claimtrace writes; any other top-level key is carried over.
const TOP_LEVEL: [&str; 4] = ["claimtrace", "documents", "claims", "removed"];

/// What a merge did, for the summary on stderr.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Fresh claims that took an old review.
    pub kept: usize,
    /// Of those, the claims re-cut since (matched by text, not by id).
    pub recut: usize,
    /// Fresh claims with no old review: they arrive unreviewed.
    pub new: usize,
    /// Old entries no fresh claim took: they go under `removed`.
    pub removed: usize,
}

/// The merged document and what happened.
#[derive(Debug, Clone)]
pub struct Merged<'a> {
    /// The review document to write: fresh records, carried reviews, `removed`.
    pub document: Mapping,
    pub summary: Summary,
    /// The old entries whose review went to re-cut claims, in file order.
    pub recut: Vec<Recut<'a>>,
    /// The old entries now under `removed`, in file order.
    pub removed: Vec<&'a Entry>,
}

/// An old entry no fresh claim has the id of, whose review went to the claims
/// re-cut from it (several when a quote is written one claim per part).
#[derive(Debug, Clone, PartialEq)]
pub struct Recut<'a> {
    pub entry: &'a Entry,
    /// The ids of the fresh claims that took its review, in file order.
    pub claims: Vec<String>,
}

/// Merges `old` onto `fresh`: each fresh claim takes the whole review mapping (and
/// any hand-added keys) of the old entry with its id, or else of the old entry of
/// its document it was re-cut from ([`match_recut`]: each part of a quote written
/// one claim per part takes the quote's review); the old entries nobody took, and
/// those an earlier merge had already removed, go under `removed` as written. A
/// claim that comes back takes its review out of `removed` again.
pub fn merge<'a>(
    old: &'a ReviewFile,
    fresh: &ReviewDocument,
) -> Result<Merged<'a>, serde_yaml::Error> {
    let claims = fresh
        .claims
        .iter()
        .map(to_mapping)
        .collect::<Result<_, _>>()?;
    Ok(merge_claims(
        old,
        &fresh.claimtrace,
        &fresh.documents,
        claims,
    ))
}

/// [`merge`] onto fresh claims already serialized, as a review file holds them.
pub fn merge_claims<'a>(
    old: &'a ReviewFile,
    claimtrace: &str,
    documents: &[String],
    mut claims: Vec<Mapping>,
) -> Merged<'a> {
    let old_entries: Vec<&Entry> = old.claims.iter().chain(&old.removed).collect();
    let (matched, by_id) = matches(&old_entries, &claims);

    let mut summary = Summary::default();
    let mut taken = vec![false; old_entries.len()];
    let mut recut_to: Vec<Vec<String>> = vec![Vec::new(); old_entries.len()];
    for ((entry, found), id_match) in claims.iter_mut().zip(&matched).zip(&by_id) {
        match found {
            Some(index) => {
                summary.kept += 1;
                taken[*index] = true;
                if id_match.is_none() {
                    summary.recut += 1;
                    recut_to[*index].push(key(entry, "id").unwrap_or_default().to_string());
                }
                carry_over(old_entries[*index], entry);
            }
            None => summary.new += 1,
        }
    }
    let recut: Vec<Recut<'a>> = old_entries
        .iter()
        .zip(recut_to)
        .filter(|(_, claims)| !claims.is_empty())
        .map(|(entry, claims)| Recut { entry, claims })
        .collect();
    let removed: Vec<&Entry> = old_entries
        .iter()
        .zip(&taken)
        .filter(|(_, taken)| !**taken)
        .map(|(entry, _)| *entry)
        .collect();
    summary.removed = removed.len();

    let mut document = Mapping::new();
    document.insert("claimtrace".into(), claimtrace.into());
    document.insert(
        "documents".into(),
        Value::Sequence(documents.iter().map(|doc| doc.as_str().into()).collect()),
    );
    document.insert(
        "claims".into(),
        Value::Sequence(claims.into_iter().map(Value::Mapping).collect()),
    );
    document.insert(
        "removed".into(),
        Value::Sequence(
            removed
                .iter()
                .map(|entry| Value::Mapping(entry.raw.clone()))
                .collect(),
        ),
    );
    for (key, value) in &old.root {
        if !key.as_str().is_some_and(|key| TOP_LEVEL.contains(&key)) {
            document.insert(key.clone(), value.clone());
        }
    }
    Merged {
        document,
        summary,
        recut,
        removed,
    }
}

/// Whether a person wrote anything in `entry`: a status other than `unreviewed`, a
/// note, a reviewer, or a key claimtrace does not write (in the entry or in its
/// review). A merge that removes such an entry must say so.
pub fn written_by_hand(entry: &Entry) -> bool {
    let review_keys = ["status", "note", "reviewer"];
    let hand_key = |mapping: Option<&Mapping>, generated: &[&str]| {
        mapping.is_some_and(|mapping| {
            mapping
                .keys()
                .any(|key| !key.as_str().is_some_and(|key| generated.contains(&key)))
        })
    };
    entry.status != Status::Unreviewed
        || !entry.note.trim().is_empty()
        || !entry.reviewer.trim().is_empty()
        || hand_key(Some(&entry.raw), &GENERATED)
        || hand_key(entry.raw_review().and_then(Value::as_mapping), &review_keys)
}

/// For each fresh claim, the old entry it takes: by id, then by the re-cut
/// fallback; and the same by id alone.
fn matches(old: &[&Entry], fresh: &[Mapping]) -> (Vec<Option<usize>>, Vec<Option<usize>>) {
    let fresh_keys: Vec<Key<'_>> = fresh
        .iter()
        .map(|claim| Key {
            doc: key(claim, "doc"),
            id: key(claim, "id").unwrap_or_default(),
        })
        .collect();
    let old_keys: Vec<Key<'_>> = old.iter().map(|entry| entry.key()).collect();
    let by_id = match_entries(&old_keys, &fresh_keys);
    let mut matched = by_id.clone();

    let fresh_places: Vec<ClaimPlace> = fresh.iter().map(ClaimPlace::of).collect();
    let fresh_cuts: Vec<Cut<'_>> = (fresh.iter().zip(&fresh_places))
        .map(|(claim, place)| {
            let text = claim.get("claim").and_then(|c| c.get("text"));
            fresh_cut(key(claim, "doc"), text.and_then(Value::as_str), place)
        })
        .collect();
    let old_cuts: Vec<Cut<'_>> = old
        .iter()
        .map(|entry| Cut {
            doc: entry.doc.as_deref(),
            parts: entry.claim_text.as_deref().into_iter().collect(),
            span: entry.place.span,
        })
        .collect();
    match_recut(&old_cuts, &fresh_cuts, &mut matched);
    (matched, by_id)
}

/// A fresh claim for the re-cut fallback: its parts are its fragments' texts when
/// it has any, else its text.
fn fresh_cut<'a>(doc: Option<&'a str>, text: Option<&'a str>, place: &'a ClaimPlace) -> Cut<'a> {
    let parts = match place.fragments.as_slice() {
        [] => text.into_iter().collect(),
        fragments => fragments.iter().map(String::as_str).collect(),
    };
    Cut {
        doc,
        parts,
        span: place.span,
    }
}

/// The text of `key` in a claim mapping, when it is text.
fn key<'m>(claim: &'m Mapping, key: &str) -> Option<&'m str> {
    claim.get(key).and_then(Value::as_str)
}

/// A fresh claim as a mapping, in the order claimtrace writes its keys.
fn to_mapping(claim: &impl serde::Serialize) -> Result<Mapping, serde_yaml::Error> {
    match serde_yaml::to_value(claim)? {
        Value::Mapping(mapping) => Ok(mapping),
        other => Err(serde::ser::Error::custom(format!(
            "a claim serialized to {other:?}, not a mapping"
        ))),
    }
}

/// Puts the old entry's review mapping, as written, in place of the fresh one, and
/// appends the keys a human added to the entry.
fn carry_over(old: &Entry, entry: &mut Mapping) {
    if let Some(review) = old.raw_review() {
        entry.insert("review".into(), review.clone());
    }
    for (key, value) in &old.raw {
        if !key.as_str().is_some_and(|key| GENERATED.contains(&key)) {
            entry.insert(key.clone(), value.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::ReviewBuilder;
    use crate::review::file::load_review;
    use crate::review::test_support::extraction;

    fn fresh(docs: &[(&str, &str)]) -> ReviewDocument {
        let mut builder = ReviewBuilder::default();
        for (name, text) in docs {
            builder.add(&extraction(name, text));
        }
        builder.finish()
    }

    fn as_file(document: &impl serde::Serialize) -> ReviewFile {
        let text = serde_yaml::to_string(document).unwrap();
        load_review(text.as_bytes()).unwrap()
    }

    /// Sets the status of the claim whose text contains `needle`.
    fn set_status(text: &str, needle: &str, status: &str) -> String {
        let mut file: Value = serde_yaml::from_str(text).unwrap();
        for claim in file["claims"].as_sequence_mut().unwrap() {
            if claim["claim"]["text"].as_str().unwrap().contains(needle) {
                claim["review"]["status"] = status.into();
                claim["review"]["ticket"] = "FC-7".into();
                claim["flag"] = true.into();
            }
        }
        serde_yaml::to_string(&file).unwrap()
    }

    const DRAFT: &str =
        "Title\n\nThe plan failed, officials said.\n\nThe budget grew, the memo said.\n";

    #[test]
    fn verdicts_follow_their_claims_and_vanished_ones_are_kept() {
        let text = serde_yaml::to_string(&fresh(&[("a.txt", DRAFT)])).unwrap();
        let text = set_status(&text, "plan failed", "disputed");
        let text = set_status(&text, "budget grew", "verified");
        let old = load_review(text.as_bytes()).unwrap();

        let revised = "Title\n\nA new lead, the mayor said.\n\nThe plan failed, officials said.\n";
        let merged = merge(&old, &fresh(&[("b.txt", revised)])).unwrap();
        assert_eq!(
            merged.summary,
            Summary {
                kept: 1,
                recut: 0,
                new: 1,
                removed: 1
            }
        );
        let result = as_file(&merged.document);
        let plan = result
            .claims
            .iter()
            .find(|c| {
                c.claim_text
                    .as_deref()
                    .is_some_and(|t| t.contains("plan failed"))
            })
            .unwrap();
        assert_eq!(plan.status, Status::Disputed);
        assert_eq!(plan.doc.as_deref(), Some("b.txt"));
        assert_eq!(plan.raw.get("flag"), Some(&Value::Bool(true)));
        assert_eq!(plan.raw_review().unwrap()["ticket"], "FC-7");
        assert_eq!(result.removed.len(), 1);
        assert_eq!(result.removed[0].status, Status::Verified);

        // Merging again onto the first draft brings the removed verdict back.
        let again = merge(&result, &fresh(&[("a.txt", DRAFT)])).unwrap();
        assert_eq!(again.summary.kept, 2);
        let back = as_file(&again.document);
        assert!(back.claims.iter().all(|c| c.status != Status::Unreviewed));
        // The lead of the revised draft is gone in turn.
        assert_eq!(back.removed.len(), 1);
        assert_eq!(back.removed[0].status, Status::Unreviewed);
    }

    /// A regression test: `cue_kind`, new in the record, was not listed as generated,
    /// so a merge took it for a key a person wrote in.
    #[test]
    fn every_key_a_run_writes_is_generated() {
        let written: Value = serde_yaml::to_value(fresh(&[("d", DRAFT)])).unwrap();
        let claims = written["claims"].as_sequence().unwrap();
        assert!(!claims.is_empty());
        for claim in claims {
            for key in claim.as_mapping().unwrap().keys() {
                let key = key.as_str().unwrap();
                assert!(GENERATED.contains(&key), "{key} is not in GENERATED");
            }
        }
    }

    #[test]
    fn merging_twice_changes_nothing() {
        let text = serde_yaml::to_string(&fresh(&[("a.txt", DRAFT)])).unwrap();
        let old = load_review(set_status(&text, "plan", "verified").as_bytes()).unwrap();
        let once = merge(&old, &fresh(&[("a.txt", DRAFT)])).unwrap();
        let reread = as_file(&once.document);
        let twice = merge(&reread, &fresh(&[("a.txt", DRAFT)])).unwrap();
        assert_eq!(once.document, twice.document);
    }

    #[test]
    fn entries_written_by_hand() {
        let table = [
            ("{status: unreviewed, note: '', reviewer: ''}", "", false),
            ("{status: unreviewed}", "", false),
            ("{status: verified, note: '', reviewer: ''}", "", true),
            (
                "{status: unreviewed, note: Asked the desk., reviewer: ''}",
                "",
                true,
            ),
            ("{status: unreviewed, note: '  ', reviewer: Ana}", "", true),
            ("{status: unreviewed, ticket: FC-3}", "", true),
            ("{status: unreviewed}", "  desk: metro\n", true),
        ];
        for (review, extra, want) in table {
            let text = format!(
                "claims:\n- id: c-1\n  doc: a.txt\n  claim: {{text: x, start: 0, end: 1}}\n  review: {review}\n{extra}"
            );
            let file = load_review(text.as_bytes()).unwrap();
            assert_eq!(written_by_hand(&file.claims[0]), want, "{review} {extra}");
        }
    }

    #[test]
    fn unknown_top_level_keys_are_kept() {
        let text = serde_yaml::to_string(&fresh(&[("a.txt", DRAFT)])).unwrap();
        let text = format!("{text}desk: politics\n");
        let old = load_review(text.as_bytes()).unwrap();
        let merged = merge(&old, &fresh(&[("a.txt", DRAFT)])).unwrap();
        assert_eq!(merged.document.get("desk"), Some(&Value::from("politics")));
    }
}
