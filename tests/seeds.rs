//! The seed articles end to end: the attributions issue #2 lists, by source, cue and
//! claim, and the layout traps that must produce nothing.

use serde_json::Value;

use crate::support::{claimtrace, jsonl, root};

const CIA: &str = "seeds/000_6e7a248ef508e0f5.txt";
const CABLE: &str = "seeds/004_e5164a35b1741c54.txt";

fn records(path: &str) -> Vec<Value> {
    let output = claimtrace(&["extract", "--format", "jsonl", path]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    jsonl(&output)
}

fn text(value: &Value) -> &str {
    value["text"].as_str().unwrap_or("")
}

/// The record whose source, cue and claim start match; panics with the list when none.
fn find<'a>(records: &'a [Value], source: &str, cue: Option<&str>, claim_start: &str) -> &'a Value {
    records
        .iter()
        .find(|r| {
            text(&r["source"]) == source
                && r["cue"].as_object().map(|_| text(&r["cue"])) == cue
                && text(&r["claim"]).starts_with(claim_start)
        })
        .unwrap_or_else(|| {
            let seen: Vec<String> = records
                .iter()
                .map(|r| {
                    format!(
                        "{} | {} | {}",
                        text(&r["source"]),
                        text(&r["cue"]),
                        text(&r["claim"])
                    )
                })
                .collect();
            panic!(
                "no attribution {source} | {cue:?} | {claim_start}…\nfound:\n{}",
                seen.join("\n")
            )
        })
}

fn markers(record: &Value) -> Vec<String> {
    record["markers"]
        .as_array()
        .map(|markers| {
            markers
                .iter()
                .map(|marker| marker["kind"].as_str().unwrap().to_string())
                .collect()
        })
        .unwrap_or_default()
}

fn via(record: &Value) -> Vec<&str> {
    record["source"]["via"]
        .as_array()
        .map(|via| via.iter().map(text).collect())
        .unwrap_or_default()
}

#[test]
fn cia_article_attributions() {
    let records = records(CIA);
    let first = find(
        &records,
        "officials",
        Some("according to"),
        "The CIA reportedly used a \"f----d up\" communication",
    );
    assert_eq!(first["source"]["type"], "anonymous");
    assert_eq!(via(first), ["a Foreign Policy report"]);
    assert!(
        first["markers"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["kind"] == "hedge" && m["text"] == "reportedly")
    );

    let relayed = find(
        &records,
        "several current and former intelligence officials",
        Some("according to"),
        "The CIA reportedly used a \"f----d up\" firewall",
    );
    assert_eq!(via(relayed), ["a report", "Foreign Policy magazine"]);

    assert_eq!(
        find(
            &records,
            "the sources",
            Some("said"),
            "The vulnerability led to"
        )["source"]["type"],
        "anonymous"
    );
    // "the report" is the Foreign Policy report met before ("officials cited in a
    // Foreign Policy report"): an outlet's report is second-hand like the outlet.
    let report = find(
        &records,
        "the report",
        Some("according to"),
        "the program actually had",
    );
    assert_eq!(report["source"]["type"], "publication");
    assert_eq!(report["source"]["name"], "Foreign Policy");
    assert!(
        markers(report).contains(&"second-hand".to_string()),
        "{report}"
    );
    let quote = find(
        &records,
        "one of the US officials",
        Some("said"),
        "\"You could tell",
    );
    assert_eq!(quote["kind"], "direct");
    assert_eq!(quote["source"]["type"], "anonymous");

    // A quote that follows in the same paragraph continues the claim; one in the next
    // paragraph, across an advert, inherits the last speaker and the cue that
    // introduced them.
    assert!(
        text(&quote["claim"]).ends_with(
            "\"The Ministry of State Security were always pulling in the right people.\""
        )
    );
    let bad_fast = find(
        &records,
        "one of the US officials",
        Some("said"),
        "\"When things started going bad",
    );
    assert_eq!(bad_fast["source"]["start"], quote["source"]["start"]);
    assert_eq!(bad_fast["cue"]["start"], quote["cue"]["start"]);
    assert!(bad_fast["cue"]["end"].as_u64() < bad_fast["claim"]["start"].as_u64());
    assert_eq!(bad_fast["kind"], "direct");
    find(
        &records,
        "an official",
        Some("said"),
        "\"It migrated to countries",
    );
    find(
        &records,
        "an official",
        Some("said"),
        "\"The attitude was that",
    );

    assert_eq!(
        find(
            &records,
            "Foreign Policy",
            Some("reported"),
            "This internet-based system, brought over"
        )["source"]["type"],
        "publication"
    );
    let report = find(
        &records,
        "the report",
        Some("According to"),
        "the vulnerability would have even allowed",
    );
    assert_eq!(report["source"]["name"], "Foreign Policy");
    assert_eq!(report["score"], 0.5);
    let unclear = find(
        &records,
        "Foreign Policy",
        Some("said"),
        "The Chinese set up a task force",
    );
    assert!(
        unclear["markers"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["kind"] == "uncertainty")
    );
    find(
        &records,
        "some intelligence officials",
        Some("told"),
        "that 30 was a low estimate",
    );
    find(
        &records,
        "Foreign Policy",
        Some("said"),
        "The last CIA case officer",
    );
    assert_eq!(
        find(
            &records,
            "The New York Times",
            Some("according to"),
            "The CIA has since been rebuilding"
        )["source"]["type"],
        "publication"
    );
}

/// Issue #17: a quote interrupted by its attribution is one claim in parts, without
/// the attribution clause, so its second part is the official's too.
#[test]
fn a_quote_interrupted_by_its_attribution_is_one_claim_in_parts() {
    let records = records(CIA);
    let record = find(
        &records,
        "one of the US officials",
        Some("said"),
        "\"You could tell the Chinese weren't guessing,\"",
    );
    let parts: Vec<&str> = record["claim"]["fragments"]
        .as_array()
        .expect("the claim has parts")
        .iter()
        .map(text)
        .collect();
    assert_eq!(
        parts,
        [
            "\"You could tell the Chinese weren't guessing,\"",
            "\"The Ministry of State Security were always pulling in the right people.\"",
        ]
    );
    assert!(!text(&record["claim"]).contains("said in the report"));
    assert_eq!(record["kind"], "direct");
}

#[test]
fn cable_article_attributions() {
    let records = records(CABLE);
    let documents = find(
        &records,
        "documents",
        Some("according to"),
        "The US government is concerned about the links",
    );
    assert_eq!(documents["source"]["type"], "document");
    assert_eq!(via(documents), ["Wikileaks"]);
    // The document reached us through the outlet it names.
    let summary = find(
        &records,
        "a Wikileaks document",
        Some("according to"),
        "Diplomats in China are concerned",
    );
    assert_eq!(summary["source"]["type"], "document");
    assert_eq!(via(summary), ["Wikileaks"]);
    assert!(markers(summary).contains(&"second-hand".to_string()));
    let cable = find(
        &records,
        "a US diplomatic cable",
        Some("according to"),
        "Chinese information security companies",
    );
    assert_eq!(via(cable), ["the whistleblower group"]);
    find(
        &records,
        "the cable",
        Some("added"),
        "From June 2002 to March 2003",
    );
    assert_eq!(
        find(
            &records,
            "the cable",
            Some("according to"),
            "\"As evidenced with Topsec"
        )["kind"],
        "direct"
    );
    assert_eq!(
        find(
            &records,
            "the cable",
            Some("said"),
            "Topsec received some of its startup capital"
        )["source"]["type"],
        "document"
    );
    find(
        &records,
        "the cable",
        Some("read"),
        "\"While links between top Chinese companies",
    );
    find(
        &records,
        "A diplomatic cable released on Wednesday",
        Some("showed"),
        "that Intel threatened",
    );
}

#[test]
fn layout_traps_produce_no_attributions() {
    for path in [CIA, CABLE] {
        let original = std::fs::read_to_string(root().join(path)).unwrap();
        for record in records(path) {
            let claim = text(&record["claim"]);
            for trap in [
                "I've said it before",
                "Advertisement",
                "Alex Wong",
                "Read more",
                "Topics:",
                "Hamadoun Toure",
                "Tom is a technology reporter",
                "A police officer in Beijing",
            ] {
                assert!(
                    !claim.contains(trap),
                    "{path}: claim from non-body text: {claim}"
                );
            }
            // Offsets point into the original file: the claim's, or each of its
            // parts', whose texts it joins.
            let offsets = |span: &serde_json::Value| {
                let start = span["start"].as_u64().unwrap() as usize;
                let end = span["end"].as_u64().unwrap() as usize;
                (start, end)
            };
            match record["claim"]["fragments"].as_array() {
                None => {
                    let (start, end) = offsets(&record["claim"]);
                    assert_eq!(&original[start..end], claim);
                }
                Some(parts) => {
                    let texts: Vec<&str> = parts
                        .iter()
                        .map(|part| {
                            let (start, end) = offsets(part);
                            assert_eq!(&original[start..end], text(part));
                            &original[start..end]
                        })
                        .collect();
                    assert!(texts.len() > 1, "{claim}");
                    assert_eq!(texts.join(" … "), claim);
                }
            }
        }
    }
}

#[test]
fn seeds_are_the_shared_seeds_byte_for_byte() {
    let shared = root().join("../shared/seeds");
    if !shared.is_dir() {
        eprintln!("skipped: ../shared/seeds is not beside the repository");
        return;
    }
    for path in [CIA, CABLE] {
        let name = std::path::Path::new(path).file_name().unwrap();
        let ours = std::fs::read(root().join(path)).unwrap();
        let theirs = std::fs::read(shared.join(name)).unwrap();
        assert!(ours == theirs, "{path} differs from ../shared/seeds");
    }
}
