//! The review workflow through the CLI on real files: extract to YAML, edit by
//! hand, merge onto a revised and renamed draft, status, check and export; and
//! every refusal leaves the files as they were.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use proptest::prelude::*;
use serde_yaml::{Mapping, Value};

use claimtrace::Grammar;
use claimtrace::ingest::decode;
use claimtrace::record::{ReviewBuilder, ReviewDocument, claim_id, migrate_v1, normalize_claim};
use claimtrace::review::load_review;
use claimtrace::review::merge::{GENERATED, merge};

use crate::support::{claimtrace, jsonl, root, stderr, stdout};

const DRAFT: &str = "Council budget row

The plan failed, officials said.

The budget grew by 5 percent, the memo said.

“We will appeal,” said Ann Lee, the council leader.

The bridge reportedly closed in May, according to the ministry.

The sky is green.
";

/// The draft revised: a new lead, the budget paragraph cut, the quote re-quoted
/// with straight quotes and the plan claim re-wrapped.
const REVISED: &str = "Council budget row, updated

The mayor resigned on Friday, the council said.

The plan
failed, officials said.

\"We will appeal,\" said Ann Lee, the council leader.

The bridge reportedly closed in May, according to the ministry.

The sky is green.
";

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("temp file written");
    path
}

fn arg(path: &Path) -> &str {
    path.to_str().expect("temp paths are UTF-8")
}

fn review_of(path: &Path) -> Value {
    let output = claimtrace(&["extract", "--format", "yaml", arg(path)]);
    assert!(output.status.success(), "{}", stderr(&output));
    serde_yaml::from_str(&stdout(&output)).expect("extract writes YAML")
}

/// The claim mapping whose text contains `needle`, in `list` ("claims" or "removed").
fn claim<'a>(document: &'a Value, list: &str, needle: &str) -> &'a Mapping {
    document[list]
        .as_sequence()
        .into_iter()
        .flatten()
        .filter_map(Value::as_mapping)
        .find(|claim| {
            claim
                .get("claim")
                .and_then(|c| c.get("text"))
                .and_then(Value::as_str)
                .is_some_and(|text| text.contains(needle))
        })
        .unwrap_or_else(|| panic!("no claim with {needle:?} under {list}"))
}

/// Edits a claim as a fact-checker would: a new review mapping (keys in their own
/// order, with extra keys) put first in the entry, and an extra key on the entry.
fn hand_edit(document: &mut Value, needle: &str, review: &str) {
    let claims = document["claims"].as_sequence_mut().expect("claims");
    for claim in claims.iter_mut() {
        let Some(entry) = claim.as_mapping() else {
            continue;
        };
        let text = entry
            .get("claim")
            .and_then(|c| c.get("text"))
            .and_then(Value::as_str);
        if !text.is_some_and(|text| text.contains(needle)) {
            continue;
        }
        let mut edited = Mapping::new();
        edited.insert(
            "review".into(),
            serde_yaml::from_str(review).expect("review YAML"),
        );
        for (key, value) in entry {
            if key != "review" {
                edited.insert(key.clone(), value.clone());
            }
        }
        edited.insert("desk".into(), "metro".into());
        *claim = Value::Mapping(edited);
    }
}

const PLAN_REVIEW: &str = "{note: Two officials confirmed it on the record., status: verified, ticket: FC-101, second_reviewer: Bo}";
const APPEAL_REVIEW: &str = "{status: disputed, reviewer: Ann, note: No appeal was filed.}";
const BUDGET_REVIEW: &str = "{status: verified, note: Memo seen., reviewer: Cy}";

/// A review file with the hand edits above, as its bytes.
fn edited_review(dir: &Path) -> (PathBuf, Vec<u8>) {
    let draft = write(dir, "story.txt", DRAFT);
    let mut document = review_of(&draft);
    hand_edit(&mut document, "plan failed", PLAN_REVIEW);
    hand_edit(&mut document, "We will appeal", APPEAL_REVIEW);
    hand_edit(&mut document, "budget grew", BUDGET_REVIEW);
    let text = format!(
        "# my notes: this comment is not kept\n{}",
        serde_yaml::to_string(&document).expect("YAML")
    );
    let path = write(dir, "story.review.yaml", &text);
    (path, text.into_bytes())
}

fn review_value(text: &str) -> Value {
    serde_yaml::from_str(text).expect("review YAML")
}

#[test]
fn extract_yaml_is_a_review_document() {
    let dir = tempfile::tempdir().expect("temp dir");
    let draft = write(dir.path(), "story.txt", DRAFT);
    let output = claimtrace(&["extract", "--format", "yaml", arg(&draft)]);
    let text = stdout(&output);
    assert!(text.starts_with("# claimtrace review file."), "{text}");
    assert!(text.contains("needs-source") && text.contains("review.note"));
    let document: Value = serde_yaml::from_str(&text).expect("YAML");
    assert!(document["claimtrace"].is_string());
    assert_eq!(document["documents"][0].as_str(), Some(arg(&draft)));
    let first = &document["claims"][0];
    for key in [
        "doc", "id", "kind", "claim", "cue", "source", "markers", "score", "reasons",
    ] {
        assert!(first.get(key).is_some(), "missing {key}");
    }
    assert_eq!(
        first["review"],
        review_value("{status: unreviewed, note: '', reviewer: ''}")
    );
}

#[test]
fn ids_survive_edits_elsewhere_renames_and_reruns() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ids = |name: &str, text: &str| -> Vec<(String, String)> {
        let path = write(dir.path(), name, text);
        jsonl(&claimtrace(&["extract", "--format", "jsonl", arg(&path)]))
            .iter()
            .map(|r| {
                let text = r["claim"]["text"].as_str().unwrap_or_default();
                let folded = text.split_whitespace().collect::<Vec<_>>().join(" ");
                (
                    folded.replace(['“', '”'], "\""),
                    r["id"].as_str().unwrap_or_default().to_string(),
                )
            })
            .collect()
    };
    let first = ids("story.txt", DRAFT);
    assert_eq!(first, ids("story.txt", DRAFT), "a re-run keeps every id");
    let revised = ids("renamed-v2.txt", REVISED);
    for (text, id) in &first {
        if let Some((_, same)) = revised.iter().find(|(other, _)| other == text) {
            assert_eq!(id, same, "{text}");
        }
    }
    let kept = first
        .iter()
        .filter(|(text, _)| revised.iter().any(|(o, _)| o == text));
    assert_eq!(kept.count(), 4, "{first:?}\n{revised:?}");
}

#[test]
fn hand_edits_survive_a_merge_onto_a_revised_renamed_draft() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (old, old_bytes) = edited_review(dir.path());
    let revised = write(dir.path(), "story-v2.txt", REVISED);
    let out = dir.path().join("story-v2.review.yaml");
    let output = claimtrace(&["review", "merge", arg(&old), arg(&revised), "-o", arg(&out)]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).is_empty());
    let summary = stderr(&output);
    assert!(
        summary.contains("4 kept, 0 changed, 1 new, 1 removed"),
        "{summary}"
    );
    assert!(
        summary.contains("removed c-") && summary.contains("budget"),
        "{summary}"
    );
    assert_eq!(
        std::fs::read(&old).expect("OLD"),
        old_bytes,
        "OLD untouched"
    );

    let merged = review_value(&std::fs::read_to_string(&out).expect("OUT"));
    assert_eq!(merged["documents"][0].as_str(), Some(arg(&revised)));
    let plan = claim(&merged, "claims", "plan");
    assert_eq!(
        plan["review"],
        review_value(PLAN_REVIEW),
        "every review key carried"
    );
    let keys: Vec<_> = plan["review"]
        .as_mapping()
        .into_iter()
        .flatten()
        .map(|(k, _)| k.clone())
        .collect();
    assert_eq!(
        keys,
        ["note", "status", "ticket", "second_reviewer"],
        "key order kept"
    );
    assert_eq!(plan["desk"], "metro", "an extra entry key carried");
    assert_eq!(plan["doc"].as_str(), Some(arg(&revised)));
    assert_eq!(
        claim(&merged, "claims", "appeal")["review"],
        review_value(APPEAL_REVIEW)
    );
    let mayor = claim(&merged, "claims", "mayor");
    assert_eq!(mayor["review"]["status"], "unreviewed");
    let budget = claim(&merged, "removed", "budget");
    assert_eq!(
        budget["review"],
        review_value(BUDGET_REVIEW),
        "removed keeps its verdict"
    );
    assert_eq!(
        budget["doc"].as_str(),
        Some(arg(&dir.path().join("story.txt")))
    );

    // The merged file merges again, onto the first draft: the budget verdict returns.
    let draft = dir.path().join("story.txt");
    let back = dir.path().join("back.yaml");
    let output = claimtrace(&["review", "merge", arg(&out), arg(&draft), "-o", arg(&back)]);
    assert!(output.status.success(), "{}", stderr(&output));
    let back = review_value(&std::fs::read_to_string(&back).expect("OUT"));
    assert_eq!(
        claim(&back, "claims", "budget")["review"],
        review_value(BUDGET_REVIEW)
    );
    assert_eq!(
        claim(&back, "removed", "mayor")["review"]["status"],
        "unreviewed"
    );
}

#[test]
fn merge_without_output_writes_to_stdout() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (old, _) = edited_review(dir.path());
    let draft = dir.path().join("story.txt");
    let output = claimtrace(&["review", "merge", arg(&old), arg(&draft)]);
    assert!(output.status.success(), "{}", stderr(&output));
    let merged = review_value(&stdout(&output));
    assert_eq!(merged["removed"].as_sequence().map(Vec::len), Some(0));
    assert_eq!(
        claim(&merged, "claims", "plan")["review"],
        review_value(PLAN_REVIEW)
    );
    assert!(
        stderr(&output).contains("5 kept, 0 changed, 0 new, 0 removed"),
        "{}",
        stderr(&output)
    );
    let files: Vec<_> = std::fs::read_dir(dir.path()).expect("dir").collect();
    assert_eq!(files.len(), 2, "no file written: {files:?}");
}

/// Issue #17: a merge listed the removed entries whose status was set and said
/// nothing of an unreviewed one carrying a note or a key a person added; every
/// entry a person wrote in is now listed (and all stay under `removed`).
#[test]
fn merge_lists_every_removed_entry_a_person_wrote_in() {
    let dir = tempfile::tempdir().expect("temp dir");
    let draft = write(dir.path(), "story.txt", DRAFT);
    let mut document = review_of(&draft);
    let id = |needle: &str| -> String {
        let claim = self::claim(&document, "claims", needle);
        claim["id"].as_str().expect("an id").to_string()
    };
    let (budget, sky, bridge) = (id("budget grew"), id("sky is green"), id("bridge"));
    for claim in document["claims"].as_sequence_mut().expect("claims") {
        if claim["id"] == budget.as_str() {
            claim["review"]["note"] = "Asked the council for the memo.".into();
        } else if claim["id"] == sky.as_str() {
            claim["review"]["ticket"] = "FC-9".into();
        }
    }
    let old = write(
        dir.path(),
        "story.review.yaml",
        &serde_yaml::to_string(&document).expect("YAML"),
    );
    let shorter = "Council budget row\n\nThe plan failed, officials said.\n";
    let revised = write(dir.path(), "story-v2.txt", shorter);
    let out = dir.path().join("out.yaml");
    let output = claimtrace(&["review", "merge", arg(&old), arg(&revised), "-o", arg(&out)]);
    assert!(output.status.success(), "{}", stderr(&output));
    let summary = stderr(&output);
    assert!(summary.contains(" 4 removed"), "{summary}");
    assert!(
        summary.contains(&format!("removed {budget} (unreviewed)")),
        "{summary}"
    );
    assert!(
        summary.contains(&format!("removed {sky} (unreviewed)")),
        "{summary}"
    );
    assert!(
        !summary.contains(&bridge),
        "nothing written in it: {summary}"
    );
    let merged = review_value(&std::fs::read_to_string(&out).expect("OUT"));
    assert_eq!(
        claim(&merged, "removed", "budget grew")["review"]["note"],
        "Asked the council for the memo."
    );
    assert_eq!(claim(&merged, "removed", "sky")["review"]["ticket"], "FC-9");
}

/// The seeds' review file as claimtrace 0.1.0 wrote it, every claim reviewed by
/// hand: a fixture that must not be regenerated.
const PREVIOUS_RELEASE: &str = "tests/data/review/seeds-previous-release.review.yaml";

/// The id an entry of a review file is matched by today: its own, or for an id
/// of the releases before issue #22 (version 1), the id its text has now.
fn todays_id(entry: &Value) -> String {
    let id = entry["id"].as_str().expect("an id");
    let text = entry["claim"]["text"].as_str().unwrap_or_default();
    migrate_v1(id, text).unwrap_or_else(|| id.to_string())
}

/// A claim's parts: its fragments' texts when it has them, else its text.
fn parts(claim: &Value) -> Vec<String> {
    let fragments = claim["claim"]["fragments"].as_sequence();
    match fragments.filter(|list| !list.is_empty()) {
        Some(list) => list
            .iter()
            .map(|f| normalize_claim(f["text"].as_str().unwrap_or_default()))
            .collect(),
        None => vec![normalize_claim(
            claim["claim"]["text"].as_str().unwrap_or_default(),
        )],
    }
}

/// `review merge` of the fixture onto the seeds with `flags` before the command:
/// the fixture as read, the merged file and stderr. OLD is left untouched.
fn merge_previous_release(flags: &[&str]) -> (Value, Value, String) {
    let dir = tempfile::tempdir().expect("temp dir");
    let fixture = root().join(PREVIOUS_RELEASE);
    let before = std::fs::read(&fixture).expect("the fixture");
    let out = dir.path().join("seeds.review.yaml");
    let mut args = flags.to_vec();
    args.extend([
        "review",
        "merge",
        PREVIOUS_RELEASE,
        "seeds",
        "-o",
        arg(&out),
    ]);
    let output = claimtrace(&args);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        std::fs::read(&fixture).expect("the fixture"),
        before,
        "OLD untouched"
    );
    let old = review_value(&String::from_utf8(before).expect("UTF-8"));
    let merged = review_value(&std::fs::read_to_string(&out).expect("OUT"));
    (old, merged, stderr(&output))
}

/// Checks that every entry of the fixture (each with a note of its own) went to
/// the claims it was written for, whole review and hand keys, and that stderr
/// names every entry that went by its words rather than its id. Returns how many
/// entries went by id and how many by their words.
fn every_verdict_carried_over(old: &Value, merged: &Value, stderr: &str) -> (usize, usize) {
    assert!(stderr.contains(" 0 removed"), "{stderr}");
    assert_eq!(merged["removed"].as_sequence().map(Vec::len), Some(0));
    let merged_claims = merged["claims"].as_sequence().expect("claims");
    let old_claims = old["claims"].as_sequence().expect("claims");
    assert_eq!(old_claims.len(), 40, "the fixture's claims");
    let (mut by_id, mut by_words) = (0, 0);
    for entry in old_claims {
        let note = entry["review"]["note"]
            .as_str()
            .expect("every entry has a note");
        let with_note = |claim: &&Value| claim["review"]["note"] == note;
        assert_eq!(old_claims.iter().filter(with_note).count(), 1, "{note}");
        let taken: Vec<&Value> = merged_claims.iter().filter(with_note).collect();
        assert!(!taken.is_empty(), "{note}: not carried over");
        for claim in &taken {
            assert_eq!(claim["review"], entry["review"], "{note}: the whole review");
            assert_eq!(claim["doc"], entry["doc"], "{note}");
            for (key, value) in entry.as_mapping().expect("an entry") {
                if !key.as_str().is_some_and(|key| GENERATED.contains(&key)) {
                    assert_eq!(claim.get(key), Some(value), "{note}: hand key {key:?}");
                }
            }
        }
        if let [claim] = taken[..]
            && claim["id"].as_str() == Some(todays_id(entry).as_str())
        {
            by_id += 1;
            continue;
        }
        // Taken by its words: the claims it went to are the one it was written
        // for, their parts in the old claim's text in order, none used twice.
        by_words += 1;
        let old_text = normalize_claim(entry["claim"]["text"].as_str().expect("a claim text"));
        let mut rest = old_text.as_str();
        for part in taken.iter().flat_map(|claim| parts(claim)) {
            let at = rest
                .find(&part)
                .unwrap_or_else(|| panic!("{note}: {part:?} not in {old_text:?}"));
            rest = &rest[at + part.len()..];
        }
        let ids: Vec<&str> = taken.iter().filter_map(|c| c["id"].as_str()).collect();
        let line = format!(
            "re-cut {} ({}) -> {}:",
            todays_id(entry),
            entry["review"]["status"].as_str().expect("a status"),
            ids.join(", ")
        );
        assert!(stderr.contains(&line), "{line:?} not in {stderr}");
    }
    let listed = stderr.matches("  re-cut ").count();
    assert_eq!(
        listed, by_words,
        "only the entries that went by words: {stderr}"
    );
    (by_id, by_words)
}

/// Issue #17: claims are cut differently from the release after 0.1.0 (a quote
/// interrupted by its attribution is its quoted parts), so their ids change; a
/// review file of 0.1.0 must still merge onto the seeds with every review, note,
/// reviewer and hand key carried over to the claim it was written for. On the
/// seeds, 39 entries go by id and one by its words: the quote of the US official
/// in 000, now one claim in two parts.
#[test]
fn a_review_file_of_the_previous_release_keeps_every_verdict() {
    let (old, merged, stderr) = merge_previous_release(&[]);
    let (by_id, by_words) = every_verdict_carried_over(&old, &merged, &stderr);
    assert_eq!(by_id + by_words, 40);
    assert!(
        stderr.contains("40 kept, 0 changed, 2 new, 0 removed"),
        "{stderr}"
    );
    new_since_the_previous_release(&merged);
    let quote = claim(&merged, "claims", "You could tell the Chinese");
    assert_eq!(
        quote["claim"]["fragments"].as_sequence().map(Vec::len),
        Some(2)
    );
    assert!(
        stderr.contains(&format!("-> {}:", quote["id"].as_str().expect("an id"))),
        "{stderr}"
    );
    assert!(by_words >= 1, "{stderr}");
}

/// The two claims of the seeds that 0.1.0 did not find, a belief before "that"
/// (#19): they come in new, with no review, and the US's own belief inside the
/// second one's dash aside keeps its verdict.
fn new_since_the_previous_release(merged: &Value) {
    for (words, source) in [
        ("that official access to Microsoft", "Diplomats in China"),
        ("that XFocus", "the US government"),
    ] {
        let new = merged["claims"]
            .as_sequence()
            .into_iter()
            .flatten()
            .find(|claim| {
                claim["claim"]["text"]
                    .as_str()
                    .is_some_and(|text| text.starts_with(words))
            })
            .unwrap_or_else(|| panic!("no claim opens with {words:?}"));
        assert_eq!(new["cue"]["text"], "concerned", "{words}");
        assert_eq!(new["source"]["text"], source, "{words}");
        assert_eq!(new["review"]["status"], "unreviewed", "{words}");
    }
}

/// A review file of the last release with version 1 ids (issue #22): claims, one
/// repeated (`-2`), a quote in parts, and one under `changed:` with its old id in
/// `was:`. A fixture that must not be regenerated.
const VERSION_1_IDS: &str = "tests/data/review/v1-ids.review.yaml";

/// Issue #22: claim ids are a new hash from this release on. A review file written
/// with the old ids merges onto its draft by id, with no claim re-cut or lost,
/// every review and hand key carried over, and comes out with today's ids, `was:`
/// included; the file itself is left as it was.
#[test]
fn a_review_file_with_version_1_ids_merges_by_id_and_comes_out_with_todays() {
    let draft = "tests/data/review/v1-ids.txt";
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("merged.yaml");
    let before = std::fs::read(root().join(VERSION_1_IDS)).expect("the fixture");
    let output = claimtrace(&["review", "merge", VERSION_1_IDS, draft, "-o", arg(&out)]);
    assert!(output.status.success(), "{}", stderr(&output));
    let message = stderr(&output);
    assert!(
        message.contains("4 kept, 1 changed, 0 new, 0 removed") && !message.contains("re-cut"),
        "{message}"
    );
    assert_eq!(
        std::fs::read(root().join(VERSION_1_IDS)).expect("the fixture"),
        before
    );
    let old = review_value(&String::from_utf8(before).expect("UTF-8"));
    let merged = review_value(&std::fs::read_to_string(&out).expect("OUT"));
    let fresh = review_of(&root().join(draft));
    let fresh_claims = fresh["claims"].as_sequence().expect("claims");
    let old_ids: Vec<&str> = ["claims", "changed"]
        .iter()
        .flat_map(|list| old[*list].as_sequence().expect("a list"))
        .map(|entry| entry["id"].as_str().expect("an id"))
        .collect();
    assert_eq!(old_ids.len(), 5);
    for list in ["claims", "changed"] {
        for (old_entry, entry) in old[list]
            .as_sequence()
            .expect("a list")
            .iter()
            .zip(merged[list].as_sequence().expect("a list"))
        {
            let note = &old_entry["review"]["note"];
            assert_eq!(entry["review"], old_entry["review"], "{note:?}");
            assert_eq!(entry["ticket"], old_entry["ticket"], "{note:?}");
            // Today's id: the one a fresh extraction gives the claim, none of the old.
            let id = entry["id"].as_str().expect("an id");
            assert!(!old_ids.contains(&id), "{id}");
            let text = &entry["claim"]["text"];
            let fresh_ids: Vec<&Value> = fresh_claims
                .iter()
                .filter(|claim| claim["claim"]["text"] == *text)
                .map(|claim| &claim["id"])
                .collect();
            assert!(fresh_ids.contains(&&entry["id"]), "{id} for {text:?}");
        }
    }
    let repeats: Vec<&str> = merged["claims"]
        .as_sequence()
        .expect("claims")
        .iter()
        .filter_map(|claim| claim["id"].as_str())
        .filter(|id| id.ends_with("-2"))
        .collect();
    assert_eq!(repeats.len(), 1, "the repeated claim keeps its -2");
    let changed = &merged["changed"][0];
    let was_text = changed["was"]["text"].as_str().expect("was.text");
    assert!(was_text.contains("6 percent"), "{was_text}");
    assert_eq!(
        changed["was"]["id"].as_str(),
        Some(claim_id(was_text).as_str())
    );
    assert_ne!(changed["was"]["id"], old["changed"][0]["was"]["id"]);
}

/// With `--split-quotes` each part of the quote is a claim of its own: each part
/// takes the review the quote had as a whole, and the report names both parts.
#[test]
fn with_split_quotes_each_part_keeps_the_verdict_of_its_quote() {
    let (old, merged, stderr) = merge_previous_release(&["--split-quotes"]);
    let (by_id, by_words) = every_verdict_carried_over(&old, &merged, &stderr);
    assert_eq!(by_id + by_words, 40);
    assert!(stderr.contains(" 2 new, 0 removed"), "{stderr}");
    new_since_the_previous_release(&merged);
    let first = claim(&merged, "claims", "You could tell the Chinese");
    let second = claim(&merged, "claims", "The Ministry of State Security");
    assert_ne!(first.get("id"), second.get("id"));
    assert_eq!(first.get("review"), second.get("review"));
    assert!(
        first
            .get("claim")
            .is_some_and(|c| c.get("fragments").is_none())
    );
    let ids = [first, second].map(|claim| claim["id"].as_str().expect("an id"));
    assert!(
        stderr.contains(&format!("-> {}, {}:", ids[0], ids[1])),
        "{stderr}"
    );
}

/// Nine levels of ten aliases: a billion "lol"s if expanded.
fn billion_laughs() -> String {
    let mut text = String::from("a0: &a0 [\"lol\"]\n");
    for level in 1..10 {
        let aliases = vec![format!("*a{}", level - 1); 10].join(", ");
        text.push_str(&format!("a{level}: &a{level} [{aliases}]\n"));
    }
    text + "claims: *a9\n"
}

#[test]
fn every_refusal_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (good, good_bytes) = edited_review(dir.path());
    let good_text = String::from_utf8(good_bytes.clone()).expect("UTF-8");
    let draft = dir.path().join("story.txt");
    let existing = write(dir.path(), "existing.yaml", "previous contents\n");

    let malformed: [(&str, Vec<u8>, &str); 5] = [
        (
            "syntax",
            b"claims:\n  - id: c-1\n   review: [\n".to_vec(),
            "line",
        ),
        (
            "status",
            good_text
                .replacen("status: verified", "status: verifed", 1)
                .into_bytes(),
            "verifed",
        ),
        ("bomb", billion_laughs().into_bytes(), "YAML bomb"),
        (
            "no-review",
            b"claims:\n- id: c-1\n  doc: story.txt\n".to_vec(),
            "review",
        ),
        ("utf8", b"claims: []\nnote: \"\xff\"\n".to_vec(), "UTF-8"),
    ];
    for (name, bytes, says) in malformed {
        let old = dir.path().join(format!("{name}.yaml"));
        std::fs::write(&old, &bytes).expect("written");
        for out in [dir.path().join("absent.yaml"), existing.clone()] {
            let started = Instant::now();
            let output = claimtrace(&["review", "merge", arg(&old), arg(&draft), "-o", arg(&out)]);
            assert!(
                started.elapsed() < Duration::from_secs(1),
                "{name} took too long"
            );
            assert_eq!(output.status.code(), Some(2), "{name}");
            let message = stderr(&output);
            assert!(
                message.contains("line") && message.contains("column"),
                "{name}: {message}"
            );
            assert!(message.contains(says), "{name}: {message}");
            assert!(stdout(&output).is_empty());
            assert_eq!(
                std::fs::read(&old).expect("OLD"),
                bytes,
                "{name}: OLD untouched"
            );
        }
        assert!(!dir.path().join("absent.yaml").exists(), "{name}");
        assert_eq!(
            std::fs::read_to_string(&existing).expect("OUT"),
            "previous contents\n"
        );
    }

    // A draft that cannot be read, and OUT naming OLD, are refused too.
    let missing = dir.path().join("missing.txt");
    for args in [
        vec![
            "review",
            "merge",
            arg(&good),
            arg(&missing),
            "-o",
            arg(&existing),
        ],
        vec!["review", "merge", arg(&good), arg(&draft), "-o", arg(&good)],
    ] {
        let output = claimtrace(&args);
        assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
        assert!(stdout(&output).is_empty());
    }
    assert_eq!(std::fs::read(&good).expect("OLD"), good_bytes);
    assert_eq!(
        std::fs::read_to_string(&existing).expect("OUT"),
        "previous contents\n"
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("dir")
        .filter_map(Result::ok)
        .filter(|entry| entry.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn status_counts_and_lists_weakly_sourced_unreviewed_claims() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (old, _) = edited_review(dir.path());
    let output = claimtrace(&["review", "status", arg(&old)]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.contains("needs-source") && text.contains("story.txt"),
        "{text}"
    );
    let all = text
        .lines()
        .find(|line| line.contains(" all "))
        .unwrap_or_default();
    let counts: Vec<&str> = all
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .collect();
    assert_eq!(counts, ["2", "2", "1", "0", "0", "0", "5"], "{text}");
    assert!(
        text.contains("unreviewed claims on anonymous sources or none: 1"),
        "{text}"
    );
    assert!(text.contains("The sky is green"), "{text}");
    assert!(
        !text.contains("The plan failed  "),
        "a reviewed claim is not listed: {text}"
    );
}

#[test]
fn check_gates_a_publishing_pipeline() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (review, _) = edited_review(dir.path());
    let draft = dir.path().join("story.txt");
    let run = |args: &[&str]| {
        let mut all = vec!["check"];
        all.extend_from_slice(args);
        all.push(arg(&draft));
        claimtrace(&all)
    };

    let pass = run(&["--max-unsourced", "1", "--max-anonymous-share", "0.5"]);
    assert_eq!(pass.status.code(), Some(0), "{}", stdout(&pass));
    assert!(stdout(&pass).is_empty());

    let unsourced = run(&["--max-unsourced", "0"]);
    assert_eq!(unsourced.status.code(), Some(1));
    assert!(
        stdout(&unsourced).contains("The sky is green"),
        "{}",
        stdout(&unsourced)
    );

    let hedged = run(&["--forbid-marker", "hedge", "--forbid-marker", "estimate"]);
    assert_eq!(hedged.status.code(), Some(1));
    assert!(
        stdout(&hedged).contains("bridge reportedly closed"),
        "{}",
        stdout(&hedged)
    );

    let anonymous = run(&["--max-anonymous-share", "0.2"]);
    assert_eq!(anonymous.status.code(), Some(1));
    assert!(
        stdout(&anonymous).contains("1 of 4 attributed"),
        "{}",
        stdout(&anonymous)
    );

    let disputed = run(&["--review", arg(&review)]);
    assert_eq!(disputed.status.code(), Some(1));
    let listed = stdout(&disputed);
    assert!(
        listed.contains("disputed") && listed.contains("No appeal was filed."),
        "{listed}"
    );

    for bad in [
        vec!["--max-anonymous-share", "1.5"],
        vec!["--forbid-marker", "gossip"],
        vec!["--review", "no-such-review.yaml"],
        vec!["--max-unsourced", "1", "--format", "sarif"],
    ] {
        assert_eq!(run(&bad).status.code(), Some(2), "{bad:?}");
    }
}

/// Issue #20: a gate with no rule passed everything in silence; it is an error now.
#[test]
fn check_with_no_policy_is_an_error() {
    let output = claimtrace(&["check", "seeds"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stdout(&output).is_empty());
    let message = stderr(&output);
    assert!(
        message.contains("no policy given") && message.contains("--max-unsourced"),
        "{message}"
    );
}

/// Issue #20: a claim the desk marked verified, or not-checkable (narration that
/// asserts nothing a source could back), no longer counts against
/// `--max-unsourced`; one marked otherwise still does.
#[test]
fn check_waives_unsourced_claims_verified_or_not_checkable_in_review() {
    let dir = tempfile::tempdir().expect("temp dir");
    let draft = write(dir.path(), "story.txt", DRAFT);
    for (status, code) in [
        ("not-checkable", 0),
        ("verified", 0),
        ("unverifiable", 1),
        ("needs-source", 1),
    ] {
        let mut document = review_of(&draft);
        hand_edit(
            &mut document,
            "sky is green",
            &format!("{{status: {status}}}"),
        );
        let review = write(
            dir.path(),
            "story.review.yaml",
            &serde_yaml::to_string(&document).expect("YAML"),
        );
        let output = claimtrace(&[
            "check",
            "--max-unsourced",
            "0",
            "--review",
            arg(&review),
            arg(&draft),
        ]);
        assert_eq!(
            output.status.code(),
            Some(code),
            "{status}: {}",
            stdout(&output)
        );
    }
}

/// Issue #20: every failing claim with its `file:line:col`, as text, JSON and
/// GitHub workflow annotations.
#[test]
fn check_locates_each_failing_claim_in_every_format() {
    let dir = tempfile::tempdir().expect("temp dir");
    let draft = write(dir.path(), "story.txt", DRAFT);
    let (review, _) = edited_review(dir.path());
    let file = arg(&draft);
    let run = |format: &str| {
        let output = claimtrace(&[
            "check",
            "--format",
            format,
            "--max-unsourced",
            "0",
            "--review",
            arg(&review),
            file,
        ]);
        assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
        assert!(
            stderr(&output).contains("documents breaking the policy: 1 of 1"),
            "{}",
            stderr(&output)
        );
        stdout(&output)
    };
    // The sky claim (no source) is on line 11, the disputed quote on line 7; the
    // quote opens with a curly mark, a character of three bytes.
    let text = run("text");
    assert!(
        text.contains(&format!(
            "{file}: claims with no source: 1, more than --max-unsourced 0\n  {file}:11:1  c-"
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!("{file}:7:1  c-")) && text.contains("(note: No appeal was filed.)"),
        "{text}"
    );

    let json: serde_json::Value = serde_json::from_str(&run("json")).expect("JSON");
    assert_eq!(json["documents"], 1);
    assert_eq!(json["failing"], 1);
    let violations = json["violations"].as_array().expect("violations");
    let rules: Vec<&str> = violations
        .iter()
        .filter_map(|v| v["rule"].as_str())
        .collect();
    assert_eq!(rules, ["max-unsourced", "disputed"]);
    let sky = &violations[0]["claims"][0];
    assert_eq!(
        (sky["line"].as_u64(), sky["col"].as_u64()),
        (Some(11), Some(1))
    );
    let (start, end) = (sky["start"].as_u64(), sky["end"].as_u64());
    let (start, end) = (start.expect("start") as usize, end.expect("end") as usize);
    assert_eq!(&DRAFT[start..end], "The sky is green");
    assert_eq!(violations[1]["claims"][0]["note"], "No appeal was filed.");
    assert!(violations[0]["claims"][0].get("note").is_none());

    let github = run("github");
    let lines: Vec<&str> = github.lines().collect();
    assert_eq!(lines.len(), 2, "{github}");
    let property = file.replace(':', "%3A").replace(',', "%2C");
    assert!(
        lines[0].starts_with(&format!(
            "::error file={property},line=11,col=1,title=claimtrace check%3A max-unsourced::claims with no source: 1, more than --max-unsourced 0: The sky is green (c-"
        )),
        "{github}"
    );
    assert!(
        lines[1].starts_with(&format!(
            "::error file={property},line=7,col=1,title=claimtrace check%3A disputed::"
        )),
        "{github}"
    );
}

/// The desk's config beside the review files, as `export claimreview` reads it.
const DESK: &str = "\
org: Riverton Fact Check
org-url: https://factcheck.example
review-url: https://factcheck.example/checks/{id}
ratings:
  verified: {value: 5, name: 'True'}
  disputed: {value: 1, name: 'False'}
  misleading: {value: 2, name: Misleading}
articles:
  DOC:
    url: https://news.example/council-budget
    title: Council budget row
    date: 2024-05-01
    publisher: Riverton Herald
";

/// Issue #20: every field of a ClaimReview that its main consumer documents as
/// required or recommended (Google Search's fact-check structured data, which
/// Google's Fact Check Tools read), as `export claimreview` fills it from the
/// review file and the desk's config. The one recommended field left out says why.
#[test]
fn export_claimreview_fills_every_field_consumers_require_or_recommend() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (review, _) = edited_review(dir.path());
    let doc = dir.path().join("story.txt");
    write(dir.path(), "desk.yaml", &DESK.replace("DOC", arg(&doc)));
    let output = claimtrace(&[
        "export",
        "claimreview",
        arg(&review),
        "--date",
        "2024-05-03",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        !stderr(&output).contains("warning"),
        "a complete export warns of nothing: {}",
        stderr(&output)
    );
    let reviews: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON-LD");
    let reviews = reviews.as_array().expect("an array");
    assert_eq!(reviews.len(), 3, "the verified and disputed claims");
    let appeal = reviews
        .iter()
        .find(|r| r["claimReviewed"] == "We will appeal")
        .expect("the disputed quote, in its own words");
    let id = appeal["identifier"].as_str().expect("the claim id");
    let url = format!("https://factcheck.example/checks/{id}");

    // (JSON pointer, as the consumer documents it, what the export holds)
    let fields: [(&str, &str, serde_json::Value); 22] = [
        (
            "/@context",
            "required (JSON-LD)",
            "https://schema.org".into(),
        ),
        ("/@type", "required (JSON-LD)", "ClaimReview".into()),
        ("/url", "required", url.into()),
        ("/claimReviewed", "required", "We will appeal".into()),
        ("/reviewRating/@type", "required", "Rating".into()),
        ("/reviewRating/alternateName", "required", "False".into()),
        ("/reviewRating/name", "recommended", "False".into()),
        ("/reviewRating/ratingValue", "recommended", 1.into()),
        ("/reviewRating/bestRating", "recommended", 5.into()),
        ("/reviewRating/worstRating", "recommended", 1.into()),
        ("/author/@type", "recommended", "Organization".into()),
        ("/author/name", "recommended", "Riverton Fact Check".into()),
        (
            "/author/url",
            "recommended",
            "https://factcheck.example".into(),
        ),
        ("/datePublished", "recommended", "2024-05-03".into()),
        ("/itemReviewed/@type", "recommended", "Claim".into()),
        ("/itemReviewed/author/@type", "recommended", "Person".into()),
        ("/itemReviewed/author/name", "recommended", "Ann Lee".into()),
        (
            "/itemReviewed/datePublished",
            "recommended",
            "2024-05-01".into(),
        ),
        (
            "/itemReviewed/appearance/@type",
            "recommended",
            "CreativeWork".into(),
        ),
        (
            "/itemReviewed/appearance/url",
            "recommended",
            "https://news.example/council-budget".into(),
        ),
        (
            "/itemReviewed/appearance/headline",
            "recommended",
            "Council budget row".into(),
        ),
        (
            "/itemReviewed/appearance/publisher/name",
            "recommended",
            "Riverton Herald".into(),
        ),
    ];
    for (pointer, level, want) in fields {
        assert_eq!(appeal.pointer(pointer), Some(&want), "{pointer} ({level})");
    }
    // Recommended, left out on purpose: a news article reports a claim, and
    // nothing in it says where the claim first appeared.
    assert!(appeal.pointer("/itemReviewed/firstAppearance").is_none());

    // An anonymous source makes no author; the reviewer is not published.
    let plan = reviews
        .iter()
        .find(|r| r["claimReviewed"] == "The plan failed")
        .expect("the plan claim");
    assert!(plan.pointer("/itemReviewed/author").is_none(), "{plan}");
    assert_eq!(plan["reviewRating"]["alternateName"], "True");
    assert!(
        !stdout(&output).contains("\"Cy\""),
        "reviewers stay in the desk"
    );

    // A flag wins over the desk's config.
    let output = claimtrace(&["export", "claimreview", arg(&review), "--org", "Other Desk"]);
    let reviews: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON-LD");
    assert_eq!(reviews[0]["author"]["name"], "Other Desk");
    assert_eq!(reviews[0]["author"]["url"], "https://factcheck.example");
}

/// The article a claim appeared in comes from its record's `meta` (here an HTML
/// page's JSON-LD), with no desk entry for it.
#[test]
fn export_claimreview_takes_the_article_from_the_records_metadata() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = claimtrace(&["extract", "--format", "yaml", "tests/data/pages/arc.html"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let verified = stdout(&output).replace("status: unreviewed", "status: verified");
    let review = write(dir.path(), "arc.review.yaml", &verified);
    let output = claimtrace(&["export", "claimreview", arg(&review), "--org", "Desk"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let reviews: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON-LD");
    let first = &reviews.as_array().expect("an array")[0];
    let appearance = &first["itemReviewed"]["appearance"];
    assert_eq!(
        appearance["url"],
        "https://ledger.example/local/2024/05/02/tolls-downtown/"
    );
    assert_eq!(
        appearance["headline"],
        "Harbor city weighs tolls on downtown streets"
    );
    assert_eq!(appearance["publisher"]["name"], "The Harbor Ledger");
    assert!(
        !stderr(&output).contains("no article"),
        "{}",
        stderr(&output)
    );
}

/// Issue #20: what keeps an export from being published is said on stderr, and
/// wrong values are refused with what and where.
#[test]
fn export_claimreview_warns_of_what_is_missing_and_refuses_what_is_wrong() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (review, _) = edited_review(dir.path());
    let output = claimtrace(&["export", "claimreview", arg(&review)]);
    assert!(output.status.success(), "{}", stderr(&output));
    let warnings = stderr(&output);
    for says in [
        "no review URL (--review-url",
        "no organisation (--org",
        "no date (--date",
        "story.txt: no article URL",
    ] {
        assert!(warnings.contains(says), "{says}: {warnings}");
    }

    // A claim longer than consumers show, and the reviewer's summary that fixes it.
    let long = "The council will spend roughly £120 million on the new bridge over the river by 2030, officials said.\n\n\"You could tell,\" one official said. \"They were always right.\"\n";
    let draft = write(dir.path(), "long.txt", long);
    let mut document = review_of(&draft);
    hand_edit(&mut document, "bridge", "{status: verified}");
    hand_edit(&mut document, "You could tell", "{status: verified}");
    let file = write(
        dir.path(),
        "long.review.yaml",
        &serde_yaml::to_string(&document).expect("YAML"),
    );
    let flags = [
        "--org",
        "Desk",
        "--review-url",
        "https://desk.example/{id}",
        "--date",
        "2024-05-03",
    ];
    let mut args = vec!["export", "claimreview", arg(&file)];
    args.extend(flags);
    let output = claimtrace(&args);
    assert!(
        stderr(&output).contains("claimReviewed has 84 characters, more than the 75"),
        "{}",
        stderr(&output)
    );
    // A quote interrupted by its attribution: its parts, without "one official said".
    assert!(
        stdout(&output).contains("\"claimReviewed\": \"You could tell … They were always right.\""),
        "{}",
        stdout(&output)
    );
    hand_edit(
        &mut document,
        "bridge",
        "{status: verified, summary: £120m to be spent on the new bridge by 2030}",
    );
    std::fs::write(&file, serde_yaml::to_string(&document).expect("YAML")).expect("written");
    let output = claimtrace(&args);
    assert!(
        !stderr(&output).contains("characters"),
        "{}",
        stderr(&output)
    );
    assert!(stdout(&output).contains("\"£120m to be spent on the new bridge by 2030\""));

    // Wrong values, from a flag or from the desk's config, and an unknown rating.
    let desk = write(dir.path(), "bad-desk.yaml", "org: Desk\ndate: 2024-13-01\n");
    let typo = write(
        dir.path(),
        "typo.review.yaml",
        "claims:\n- {id: c-1, review: {status: verified, rating: ture}}\n",
    );
    let cases: [(Vec<&str>, &str); 5] = [
        (
            vec![arg(&review), "--date", "3 May 2024"],
            "--date: `3 May 2024` is not a date",
        ),
        (
            vec![arg(&review), "--org-url", "factcheck.example"],
            "--org-url: `factcheck.example` is not an absolute",
        ),
        (
            vec![arg(&review), "--desk", arg(&desk)],
            "bad-desk.yaml: line 2, column 1: date: `2024-13-01`",
        ),
        (
            vec![arg(&review), "--desk", "no-such-desk.yaml"],
            "no-such-desk.yaml",
        ),
        (
            vec![arg(&typo)],
            "c-1: rating `ture` is not in the desk config's ratings (known: disputed, verified)",
        ),
    ];
    for (extra, says) in cases {
        let mut args = vec!["export", "claimreview"];
        args.extend(extra);
        let output = claimtrace(&args);
        assert_eq!(output.status.code(), Some(2), "{says}");
        assert!(stdout(&output).is_empty());
        assert!(
            stderr(&output).contains(says),
            "{says}: {}",
            stderr(&output)
        );
    }
}

#[test]
fn export_claimreview_has_the_settled_claims() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (review, _) = edited_review(dir.path());
    let output = claimtrace(&["export", "claimreview", arg(&review)]);
    assert!(output.status.success(), "{}", stderr(&output));
    let reviews: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON-LD");
    let reviews = reviews.as_array().expect("an array");
    assert_eq!(reviews.len(), 3);
    let appeal = reviews
        .iter()
        .find(|r| {
            r["claimReviewed"]
                .as_str()
                .is_some_and(|t| t.contains("appeal"))
        })
        .expect("the disputed claim");
    assert_eq!(appeal["@context"], "https://schema.org");
    assert_eq!(appeal["@type"], "ClaimReview");
    assert_eq!(appeal["itemReviewed"]["@type"], "Claim");
    assert_eq!(appeal["itemReviewed"]["author"]["name"], "Ann Lee");
    assert_eq!(appeal["itemReviewed"]["author"]["@type"], "Person");
    assert_eq!(appeal["reviewRating"]["alternateName"], "Disputed");
    assert_eq!(appeal["reviewBody"], "No appeal was filed.");
}

/// Issue #20: a reworded claim ("roughly £120 million" → "about £118 million") kept
/// its verdict nowhere but `removed:`. It goes under `changed:` with the old
/// wording and the review, listed by `review merge` and `review status`; `check`
/// does not count its verdict as a waiver, `export` does not publish it; once
/// the reviewer deletes `was:`, the next merge makes it a claim again.
#[test]
fn a_reworded_claim_keeps_its_verdict_under_changed_for_a_second_look() {
    let dir = tempfile::tempdir().expect("temp dir");
    let draft = write(
        dir.path(),
        "story.txt",
        "Bridge budget\n\nThe council will spend roughly £120 million on the new bridge, officials said.\n\nThe mayor resigned on Friday.\n",
    );
    let mut document = review_of(&draft);
    hand_edit(&mut document, "£120 million", BUDGET_REVIEW);
    hand_edit(&mut document, "mayor", "{status: not-checkable}");
    let old = write(
        dir.path(),
        "story.review.yaml",
        &serde_yaml::to_string(&document).expect("YAML"),
    );
    let revised = write(
        dir.path(),
        "story-v2.txt",
        "Bridge budget\n\nTraffic will be diverted, the police said.\n\nThe council will spend about £118 million on the new bridge, officials said.\n\nThe mayor resigned on Friday.\n",
    );
    let out = dir.path().join("story-v2.review.yaml");
    let output = claimtrace(&["review", "merge", arg(&old), arg(&revised), "-o", arg(&out)]);
    assert!(output.status.success(), "{}", stderr(&output));
    let summary = stderr(&output);
    assert!(
        summary.contains("1 kept, 1 changed, 1 new, 0 removed"),
        "{summary}"
    );
    assert!(
        summary.contains("(verified) -> c-") && summary.contains("about £118 million"),
        "{summary}"
    );

    let merged = review_value(&std::fs::read_to_string(&out).expect("OUT"));
    let changed = claim(&merged, "changed", "£118 million");
    assert_eq!(changed["review"], review_value(BUDGET_REVIEW));
    assert_eq!(changed["desk"], "metro", "hand keys follow too");
    assert_eq!(
        changed["was"]["text"],
        "The council will spend roughly £120 million on the new bridge"
    );
    let old_id = claim(&document, "claims", "£120 million")["id"].clone();
    assert_eq!(changed["was"]["id"], old_id);

    let status = claimtrace(&["review", "status", arg(&out)]);
    let text = stdout(&status);
    assert!(
        text.contains(
            "changed since their review (not counted; take a second look, then delete `was:`): 1"
        ) && text.contains("was: The council will spend roughly £120 million")
            && text.contains("now: The council will spend about £118 million"),
        "{text}"
    );

    // Unsourced claims: the mayor (not-checkable) is waived, nothing else is
    // unsourced; the changed claim's verdict is stale, so a limit on anonymous
    // sourcing still sees it, and the export leaves it out.
    let check = claimtrace(&[
        "check",
        "--max-unsourced",
        "0",
        "--review",
        arg(&out),
        arg(&revised),
    ]);
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
    let export = claimtrace(&["export", "claimreview", arg(&out)]);
    assert_eq!(stdout(&export).trim(), "[]");
    assert!(
        stderr(&export).contains("1 claims under changed: not exported"),
        "{}",
        stderr(&export)
    );

    // A second look: the reviewer deletes `was:`; the claim is a claim again.
    let mut looked = merged.clone();
    for entry in looked["changed"].as_sequence_mut().expect("changed") {
        entry.as_mapping_mut().expect("an entry").remove("was");
    }
    std::fs::write(&out, serde_yaml::to_string(&looked).expect("YAML")).expect("written");
    let again = dir.path().join("again.yaml");
    let output = claimtrace(&[
        "review",
        "merge",
        arg(&out),
        arg(&revised),
        "-o",
        arg(&again),
    ]);
    assert!(
        stderr(&output).contains("3 kept, 0 changed, 0 new, 0 removed"),
        "{}",
        stderr(&output)
    );
    let again = review_value(&std::fs::read_to_string(&again).expect("OUT"));
    assert!(again.get("changed").is_none());
    assert_eq!(
        claim(&again, "claims", "£118 million")["review"],
        review_value(BUDGET_REVIEW)
    );
}

/// Subjects, sums, objects and sources of the generated stories: every sentence
/// says "<subject> will spend <n> million on <object>, <source> said."
const SUBJECTS: [&str; 4] = [
    "The council",
    "The ministry",
    "Acme Corp",
    "The port authority",
];
const OBJECTS: [&str; 5] = [
    "the bridge",
    "new schools",
    "the harbour",
    "road repairs",
    "flood walls",
];
const SOURCES: [&str; 4] = [
    "officials said",
    "Ann Lee said",
    "the memo said",
    "according to the report",
];

/// A sentence as (subject, sum, object, source), each an index or a number.
type Sentence = (usize, u32, usize, usize);

fn sentence_text(&(subject, sum, object, source): &Sentence) -> String {
    let subject = SUBJECTS[subject % SUBJECTS.len()];
    let object = OBJECTS[object % OBJECTS.len()];
    match SOURCES[source % SOURCES.len()] {
        according @ "according to the report" => {
            format!("{subject} will spend {sum} million on {object}, {according}.")
        }
        said => format!("{subject} will spend {sum} million on {object}, {said}."),
    }
}

fn story(paragraphs: &[Vec<Sentence>]) -> String {
    let body: Vec<String> = paragraphs
        .iter()
        .map(|sentences| {
            sentences
                .iter()
                .map(sentence_text)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    format!("Budget plans\n\n{}\n", body.join("\n\n"))
}

fn sentence() -> impl Strategy<Value = Sentence> {
    (
        0..SUBJECTS.len(),
        1u32..400,
        0..OBJECTS.len(),
        0..SOURCES.len(),
    )
}

fn paragraph() -> impl Strategy<Value = Vec<Sentence>> {
    prop::collection::vec(sentence(), 1..=2)
}

/// An edit of a story, its indices taken modulo what is there.
#[derive(Debug, Clone)]
enum Edit {
    /// A sentence's sum or object replaced.
    Reword {
        at: usize,
        sum: u32,
        object: Option<usize>,
    },
    /// A paragraph of two sentences made two paragraphs.
    Split(usize),
    /// A paragraph and the next made one.
    Join(usize),
    Move {
        from: usize,
        to: usize,
    },
    Delete(usize),
    Insert(usize, Vec<Sentence>),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (
            any::<usize>(),
            1u32..400,
            prop::option::of(0..OBJECTS.len())
        )
            .prop_map(|(at, sum, object)| Edit::Reword { at, sum, object }),
        any::<usize>().prop_map(Edit::Split),
        any::<usize>().prop_map(Edit::Join),
        (any::<usize>(), any::<usize>()).prop_map(|(from, to)| Edit::Move { from, to }),
        any::<usize>().prop_map(Edit::Delete),
        (any::<usize>(), paragraph()).prop_map(|(at, p)| Edit::Insert(at, p)),
    ]
}

fn apply(paragraphs: &mut Vec<Vec<Sentence>>, edit: &Edit) {
    let count = paragraphs.len();
    if count == 0 {
        if let Edit::Insert(_, paragraph) = edit {
            paragraphs.push(paragraph.clone());
        }
        return;
    }
    match edit {
        Edit::Reword { at, sum, object } => {
            let sentences: Vec<(usize, usize)> = (0..count)
                .flat_map(|p| (0..paragraphs[p].len()).map(move |s| (p, s)))
                .collect();
            let (p, s) = sentences[at % sentences.len()];
            let sentence = &mut paragraphs[p][s];
            sentence.1 = *sum;
            if let Some(object) = object {
                sentence.2 = *object;
            }
        }
        Edit::Split(at) => {
            let at = at % count;
            if paragraphs[at].len() > 1 {
                let second = paragraphs[at].split_off(1);
                paragraphs.insert(at + 1, second);
            }
        }
        Edit::Join(at) => {
            let at = at % count;
            if at + 1 < count {
                let next = paragraphs.remove(at + 1);
                paragraphs[at].extend(next);
            }
        }
        Edit::Move { from, to } => {
            let moved = paragraphs.remove(from % count);
            paragraphs.insert(to % count, moved);
        }
        Edit::Delete(at) => {
            paragraphs.remove(at % count);
        }
        Edit::Insert(at, paragraph) => paragraphs.insert(at % (count + 1), paragraph.clone()),
    }
}

/// The review document of `text` as the document `story.txt`.
fn fresh_review(grammar: &Grammar, text: &str) -> ReviewDocument {
    let input = decode("story.txt", text.as_bytes().to_vec(), false).expect("UTF-8");
    let mut builder = ReviewBuilder::default();
    builder.add(&claimtrace::extract(input, grammar));
    builder.finish()
}

/// Every claim of a review document with its status and a note of its own, `v<n>`.
fn reviewed(document: &ReviewDocument) -> String {
    let mut value = serde_yaml::to_value(document).expect("YAML");
    let statuses = [
        "verified",
        "disputed",
        "unverifiable",
        "needs-source",
        "not-checkable",
    ];
    for (n, claim) in value["claims"]
        .as_sequence_mut()
        .expect("claims")
        .iter_mut()
        .enumerate()
    {
        claim["review"]["status"] = statuses[n % statuses.len()].into();
        claim["review"]["note"] = format!("v{n}").into();
    }
    serde_yaml::to_string(&value).expect("YAML")
}

/// The entries of `list` in a merged document, by their note.
fn by_note<'a>(merged: &'a Mapping, list: &str) -> Vec<(&'a str, &'a Value)> {
    merged
        .get(list)
        .and_then(Value::as_sequence)
        .into_iter()
        .flatten()
        .filter_map(|entry| Some((entry["review"]["note"].as_str()?, entry)))
        .collect()
}

static GRAMMAR: std::sync::LazyLock<Grammar> =
    std::sync::LazyLock::new(|| Grammar::built_in().expect("the built-in grammar loads"));

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Issue #20: for random edits of a reviewed story (reword, split, join, move,
    /// delete, insert paragraphs), no verdict is ever dropped: each ends on a live
    /// claim, under `changed:` or under `removed:`. One under `claims:` is on a
    /// claim whose words are the reviewed ones (or a part of them, re-cut): a
    /// reworded claim never takes a verdict without a second look. Merging the
    /// result onto the same draft again changes nothing.
    #[test]
    fn no_verdict_is_ever_dropped_by_edits(
        paragraphs in prop::collection::vec(paragraph(), 1..8),
        edits in prop::collection::vec(edit(), 1..6),
    ) {
        let grammar = &*GRAMMAR;
        let old_text = reviewed(&fresh_review(grammar, &story(&paragraphs)));
        let old = load_review(old_text.as_bytes()).expect("the review file loads");
        let mut revised = paragraphs.clone();
        for edit in &edits {
            apply(&mut revised, edit);
        }
        let draft = fresh_review(grammar, &story(&revised));
        let merged = merge(&old, &draft).expect("merges");
        let document = &merged.document;

        let claims = by_note(document, "claims");
        let changed = by_note(document, "changed");
        let removed = by_note(document, "removed");
        for entry in &old.claims {
            let note = entry.note.as_str();
            let on = |list: &[(&str, &Value)]| list.iter().filter(|(n, _)| *n == note).count();
            prop_assert!(
                on(&claims) + on(&changed) + on(&removed) > 0,
                "{note} dropped\nold:\n{old_text}\nmerged:\n{}",
                serde_yaml::to_string(document).unwrap()
            );
            let old_words = normalize_claim(entry.claim_text.as_deref().unwrap_or_default());
            for (_, claim) in claims.iter().filter(|(n, _)| *n == note) {
                let text = normalize_claim(claim["claim"]["text"].as_str().unwrap_or_default());
                prop_assert!(
                    old_words.contains(&text),
                    "{note}: {old_words:?} went to {text:?} without a second look"
                );
            }
        }
        for (note, claim) in &changed {
            let old_entry = old.claims.iter().find(|e| e.note == *note).expect("an old entry");
            prop_assert_eq!(claim["was"]["id"].as_str(), Some(old_entry.id.as_str()));
            prop_assert_eq!(claim.get("review"), old_entry.raw_review());
        }

        let again_text = serde_yaml::to_string(document).expect("YAML");
        let again = load_review(again_text.as_bytes()).expect("the merged file loads");
        let twice = merge(&again, &draft).expect("merges");
        prop_assert_eq!(&twice.document, document);
    }
}
