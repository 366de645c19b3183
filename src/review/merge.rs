//! Carrying a review file's verdicts over to a fresh extraction of a revised draft.

use serde_yaml::{Mapping, Value};

use crate::record::{ReviewDocument, Status};
use crate::review::changed::{Wording, match_changed};
use crate::review::file::{ClaimPlace, Entry, ReviewFile, Was};
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
const TOP_LEVEL: [&str; 5] = ["claimtrace", "documents", "claims", "changed", "removed"];

/// What a merge did, for the summary on stderr.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Fresh claims that took an old review and stand under `claims`.
    pub kept: usize,
    /// Of those, the claims re-cut since (matched by text, not by id).
    pub recut: usize,
    /// Fresh claims under `changed`: reworded since their review (now or at an
    /// earlier merge), waiting for a second look.
    pub changed: usize,
    /// Fresh claims with no old review: they arrive unreviewed.
    pub new: usize,
    /// Old entries no fresh claim took: they go under `removed`.
    pub removed: usize,
}

/// The merged document and what happened.
#[derive(Debug, Clone)]
pub struct Merged<'a> {
    /// The review document to write: fresh records, carried reviews, `changed`,
    /// `removed`.
    pub document: Mapping,
    pub summary: Summary,
    /// The old entries whose review went to re-cut claims, in file order.
    pub recut: Vec<Recut<'a>>,
    /// The old entries whose review went to a claim reworded since, by this merge.
    pub changed: Vec<Changed<'a>>,
    /// The old entries now under `removed`, in file order.
    pub removed: Vec<&'a Entry>,
}

/// An old entry whose claim was reworded: its review went, for a second look, to
/// the fresh claim `claim` that reads `text`.
#[derive(Debug, Clone, PartialEq)]
pub struct Changed<'a> {
    pub entry: &'a Entry,
    pub claim: String,
    pub text: String,
}

/// How a fresh claim found the old entry whose review it takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Found {
    /// By its id.
    Id(usize),
    /// By its words, cut differently since ([`match_recut`]).
    Recut(usize),
    /// Reworded since ([`match_changed`]).
    Changed(usize),
}

impl Found {
    fn index(self) -> usize {
        match self {
            Found::Id(index) | Found::Recut(index) | Found::Changed(index) => index,
        }
    }
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
/// one claim per part takes the quote's review), or else of the old entry a person
/// wrote in that it is a rewording of ([`match_changed`]): such a claim goes under
/// `changed` with `was:` (the old id and text), and stays there, merge after
/// merge, until somebody deletes its `was:`. The old entries nobody took, and
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
    claims: Vec<Mapping>,
) -> Merged<'a> {
    let old_entries: Vec<&Entry> = old.entries().collect();
    let found = matches(&old_entries, &claims);

    let mut summary = Summary::default();
    let mut taken = vec![false; old_entries.len()];
    let mut recut_to: Vec<Vec<String>> = vec![Vec::new(); old_entries.len()];
    let mut changed = Vec::new();
    let (mut kept_claims, mut changed_claims) = (Vec::new(), Vec::new());
    for (mut entry, found) in claims.into_iter().zip(found) {
        let Some(found) = found else {
            summary.new += 1;
            kept_claims.push(Value::Mapping(entry));
            continue;
        };
        let old_entry = old_entries[found.index()];
        taken[found.index()] = true;
        carry_over(old_entry, &mut entry);
        let id = || key(&entry, "id").unwrap_or_default().to_string();
        match found {
            Found::Id(_) => {}
            Found::Recut(index) => {
                summary.recut += 1;
                recut_to[index].push(id());
            }
            Found::Changed(_) => {
                changed.push(Changed {
                    entry: old_entry,
                    claim: id(),
                    text: claim_text(&entry).unwrap_or_default().to_string(),
                });
                // Reworded twice before a second look: the first wording stays.
                if old_entry.was.is_none() {
                    let was = Was {
                        id: old_entry.id.clone(),
                        text: old_entry.claim_text.clone().unwrap_or_default(),
                    };
                    entry.insert(Was::KEY.into(), was.to_yaml());
                }
            }
        }
        if Was::of(&entry).is_some() {
            summary.changed += 1;
            changed_claims.push(Value::Mapping(entry));
        } else {
            summary.kept += 1;
            kept_claims.push(Value::Mapping(entry));
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
    document.insert("claims".into(), Value::Sequence(kept_claims));
    if !changed_claims.is_empty() {
        document.insert("changed".into(), Value::Sequence(changed_claims));
    }
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
        changed,
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

/// For each fresh claim, the old entry it takes and how: by id, then by the
/// re-cut fallback, then as a rewording of an entry a person wrote in.
fn matches(old: &[&Entry], fresh: &[Mapping]) -> Vec<Option<Found>> {
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
        .map(|(claim, place)| fresh_cut(key(claim, "doc"), claim_text(claim), place))
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
    let recut = matched.clone();

    let mut taken = vec![false; old.len()];
    for &index in matched.iter().flatten() {
        taken[index] = true;
    }
    // Only a verdict is worth following to a new wording.
    let open: Vec<bool> = (old.iter().zip(&taken))
        .map(|(entry, &taken)| !taken && written_by_hand(entry))
        .collect();
    let old_wordings: Vec<Wording<'_>> = old.iter().map(|e| Wording::of(&e.raw)).collect();
    let fresh_wordings: Vec<Wording<'_>> = fresh.iter().map(Wording::of).collect();
    match_changed(&old_wordings, &open, &fresh_wordings, &mut matched);

    (0..fresh.len())
        .map(|index| match (by_id[index], recut[index], matched[index]) {
            (Some(old), _, _) => Some(Found::Id(old)),
            (None, Some(old), _) => Some(Found::Recut(old)),
            (None, None, Some(old)) => Some(Found::Changed(old)),
            (None, None, None) => None,
        })
        .collect()
}

/// The text of a claim mapping's claim, when it is text.
fn claim_text(claim: &Mapping) -> Option<&str> {
    claim
        .get("claim")
        .and_then(|c| c.get("text"))
        .and_then(Value::as_str)
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
                changed: 0,
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

    const SPEND: &str = "Bridge\n\nThe council will spend roughly £120 million on the bridge, officials said.\n\nThe mayor resigned on Friday, the council said.\n";
    const REWORDED: &str = "Bridge\n\nA new lead about traffic, the police said.\n\nThe council will spend about £118 million on the bridge, officials said.\n\nThe mayor resigned on Friday, the council said.\n";

    /// The merged document, as a review file.
    fn merged_file(old: &ReviewFile, name: &str, text: &str) -> (Summary, ReviewFile) {
        let merged = merge(old, &fresh(&[(name, text)])).unwrap();
        (merged.summary, as_file(&merged.document))
    }

    #[test]
    fn a_reworded_claim_keeps_its_review_under_changed_until_a_second_look() {
        let text = serde_yaml::to_string(&fresh(&[("a.txt", SPEND)])).unwrap();
        let old = load_review(set_status(&text, "£120 million", "verified").as_bytes()).unwrap();

        let merged = merge(&old, &fresh(&[("a.txt", REWORDED)])).unwrap();
        assert_eq!(
            merged.summary,
            Summary {
                kept: 1,
                recut: 0,
                changed: 1,
                new: 1,
                removed: 0
            }
        );
        assert_eq!(merged.changed.len(), 1);
        assert!(merged.changed[0].text.contains("£118 million"));
        let file = as_file(&merged.document);
        let [changed] = &file.changed[..] else {
            panic!("one changed claim: {:?}", file.changed);
        };
        assert_eq!(changed.status, Status::Verified);
        assert_eq!(changed.raw_review().unwrap()["ticket"], "FC-7");
        assert_eq!(changed.raw.get("flag"), Some(&Value::Bool(true)));
        let was = changed.was.as_ref().unwrap();
        assert_eq!(
            was,
            &Was {
                id: old.claims[0].id.clone(),
                text: old.claims[0].claim_text.clone().unwrap(),
            }
        );
        assert!(file.claims.iter().all(|c| c.status == Status::Unreviewed));
        assert!(file.removed.is_empty());

        // Merged again, it stays under `changed` with the first wording: also when
        // reworded once more.
        let again = REWORDED.replace("about £118 million", "about £117 million");
        let (summary, twice) = merged_file(&file, "a.txt", &again);
        assert_eq!((summary.changed, summary.removed), (1, 0));
        assert_eq!(twice.changed[0].was.as_ref(), Some(was));
        assert!(
            twice.changed[0]
                .claim_text
                .as_deref()
                .unwrap()
                .contains("£117")
        );

        // A second look: the reviewer deletes `was`, and the claim is a claim again.
        let mut looked: Value = serde_yaml::to_value(&merged.document).unwrap();
        looked["changed"][0].as_mapping_mut().unwrap().remove("was");
        let looked = load_review(serde_yaml::to_string(&looked).unwrap().as_bytes()).unwrap();
        let (summary, settled) = merged_file(&looked, "a.txt", REWORDED);
        assert_eq!((summary.kept, summary.changed), (3, 0));
        assert!(settled.changed.is_empty());
        assert!(settled.claims.iter().any(|c| c.status == Status::Verified));
    }

    #[test]
    fn only_a_verdict_follows_a_rewording() {
        // Nobody wrote in the old claim: the new wording arrives unreviewed.
        let text = serde_yaml::to_string(&fresh(&[("a.txt", SPEND)])).unwrap();
        let old = load_review(text.as_bytes()).unwrap();
        let (summary, file) = merged_file(&old, "a.txt", REWORDED);
        assert_eq!((summary.changed, summary.new, summary.removed), (0, 2, 1));
        assert!(file.changed.is_empty());
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
