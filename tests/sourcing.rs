//! Who the source is and how firm the claim is: types, resolution, relays, the
//! registry, markers and the score (issue #4), through the CLI on real files.

use serde_json::Value;

use crate::support::{claimtrace, claimtrace_stdin, jsonl, stderr, stdout};

/// Extracts `text` (a body after a title line) and returns the attributed records.
fn attributed(text: &str) -> Vec<Value> {
    let input = format!("Title\n\n{text}\n");
    let output = claimtrace_stdin(&["extract", "--format", "jsonl", "-"], input.as_bytes());
    assert!(output.status.success());
    jsonl(&output)
        .into_iter()
        .filter(|r| r["kind"] != "unattributed")
        .collect()
}

fn source<'r>(record: &'r Value, field: &str) -> &'r Value {
    &record["source"][field]
}

#[test]
fn source_types_from_roles_and_names() {
    let table = [
        (
            "The plan failed, a senior official said.",
            "a senior official",
            "anonymous",
        ),
        (
            "A spokesman for the ministry said the plan failed.",
            "A spokesman for the ministry",
            "anonymous",
        ),
        (
            "The UN agency's secretary-general said the plan failed.",
            "The UN agency's secretary-general",
            "anonymous",
        ),
        (
            "Hamadoun Toure, the UN agency's secretary-general, said the plan failed.",
            "Hamadoun Toure, the UN agency's secretary-general",
            "person",
        ),
        (
            "The plan failed, The New York Times reported.",
            "The New York Times",
            "publication",
        ),
        ("The plan failed, the memo said.", "the memo", "document"),
        (
            "The plan failed, the Ministry of Finance said.",
            "the Ministry of Finance",
            "organization",
        ),
    ];
    for (text, want_source, want_type) in table {
        let records = attributed(text);
        assert_eq!(records.len(), 1, "{text}");
        assert_eq!(source(&records[0], "text"), want_source, "{text}");
        assert_eq!(source(&records[0], "type"), want_type, "{text}");
    }
}

#[test]
fn pronouns_and_role_nouns_resolve_to_earlier_sources() {
    let records = attributed(
        "Senator Maria Lopez spoke to reporters on Tuesday.\n\nThe debate went on for hours.\n\nShe said the budget would pass.",
    );
    assert_eq!(source(&records[0], "text"), "She");
    assert_eq!(source(&records[0], "name"), "Maria Lopez");
    assert_eq!(source(&records[0], "type"), "person");

    let records =
        attributed("Sen. Maria Lopez spoke on Tuesday. The senator said the budget would pass.");
    assert_eq!(source(&records[0], "name"), "Maria Lopez");

    let records = attributed(
        "The plan failed, a senior official said. Costs rose, the official added.\n\nKevin Sullivan says he instructed staff. Sullivan says he is satisfied.",
    );
    let names: Vec<&Value> = records.iter().map(|r| source(r, "name")).collect();
    assert_eq!(names[1], "a senior official", "{records:?}");
    assert_eq!(names[3], "Kevin Sullivan", "{records:?}");

    let cable = crate::support::claimtrace(&[
        "extract",
        "--format",
        "jsonl",
        "seeds/004_e5164a35b1741c54.txt",
    ]);
    let said_the_cable = jsonl(&cable)
        .into_iter()
        .find(|r| r["cue"]["text"] == "added")
        .expect("the cable added");
    assert_eq!(source(&said_the_cable, "name"), "the cable");
}

#[test]
fn relays_become_a_chain_and_mark_the_claim_second_hand() {
    let records = attributed(
        "Around 30 spies died, although some intelligence officials told Foreign Policy that 30 was a low estimate.",
    );
    assert_eq!(source(&records[0], "via")[0]["text"], "Foreign Policy");
    assert_eq!(source(&records[0], "via")[0]["type"], "publication");
    let kinds: Vec<&str> = records[0]["markers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["kind"].as_str().unwrap())
        .collect();
    assert!(
        kinds.contains(&"second-hand") && kinds.contains(&"estimate"),
        "{kinds:?}"
    );

    let records = attributed(
        "The network grew, according to The New York Times, which first reported on it in 2017.",
    );
    assert_eq!(source(&records[0], "text"), "The New York Times");
    let second_hand = records[0]["markers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["kind"] == "second-hand")
        .expect("second-hand");
    assert_eq!(second_hand["text"], "The New York Times");
}

#[test]
fn markers_by_kind() {
    let table = [
        (
            "The CIA allegedly used a flawed system, the sources said.",
            "hedge",
            "allegedly",
        ),
        (
            "The task force acted, officials said, but it was unclear how.",
            "uncertainty",
            "it was unclear",
        ),
        (
            "The plan failed, an official said on condition of anonymity.",
            "anonymity",
            "on condition of anonymity",
        ),
        (
            "Topsec had not responded to a request for comment.",
            "no-comment",
            "had not responded to a request for comment",
        ),
        (
            "At least 30 spies were executed, officials said.",
            "estimate",
            "At least",
        ),
        (
            "This was, officials said, under the assumption that it could not be breached.",
            "belief",
            "under the assumption",
        ),
        // Wire copy's hedge, and curly apostrophes read as the lexicon's straight ones.
        (
            "It was not immediately clear how many people were hurt, police said.",
            "uncertainty",
            "It was not immediately clear",
        ),
        (
            "It wasn’t clear whether the bridge would reopen, officials said.",
            "uncertainty",
            "It wasn’t clear",
        ),
        (
            "The minister didn’t say whether the plan would go ahead.",
            "non-statement",
            "didn’t say",
        ),
    ];
    for (text, kind, marker_text) in table {
        let input = format!("Title\n\n{text}\n");
        let records = jsonl(&claimtrace_stdin(
            &["extract", "--format", "jsonl", "-"],
            input.as_bytes(),
        ));
        let found = records
            .iter()
            .flat_map(|r| r["markers"].as_array().unwrap())
            .find(|m| m["kind"] == kind)
            .unwrap_or_else(|| panic!("no {kind} marker in {text}: {records:?}"));
        assert_eq!(found["text"], marker_text, "{text}");
    }
    // The silent party carries the no-comment record.
    let records = attributed("Topsec had not responded to a request for comment.");
    assert_eq!(source(&records[0], "text"), "Topsec");
}

#[test]
fn score_and_its_reasons() {
    let input = "Title\n\nThe CIA reportedly used a flawed system, according to officials cited in a Foreign Policy report.\n";
    let yaml = stdout(&claimtrace_stdin(
        &["extract", "--format", "yaml", "-"],
        input.as_bytes(),
    ));
    let parsed: serde_yaml::Value = serde_yaml::from_str(&yaml).unwrap();
    let claim = &parsed["claims"][0];
    assert_eq!(claim["score"].as_f64(), Some(0.2));
    let reasons: Vec<&str> = claim["reasons"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap())
        .collect();
    assert_eq!(
        reasons,
        [
            "anonymous source: 0.45",
            "hedge \"reportedly\": -0.15",
            "second-hand \"a Foreign Policy report\": -0.10"
        ]
    );
}

#[test]
fn sources_registry_merges_canonical_names_across_documents() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "A\n\nSpies died, Foreign Policy magazine reported.\n\nThe plan failed, officials said.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        "B\n\n\"We saw it,\" Foreign Policy said.\n\nThe plan worked, officials said.\n",
    )
    .unwrap();
    let path = dir.path().to_str().unwrap();
    let output = claimtrace(&["sources", "--format", "json", path]);
    assert!(output.status.success());
    let rows: Vec<Value> = serde_json::from_str(&stdout(&output)).unwrap();
    let foreign_policy = rows
        .iter()
        .find(|r| r["name"] == "Foreign Policy")
        .expect("one Foreign Policy row");
    assert_eq!(foreign_policy["type"], "publication");
    assert_eq!(foreign_policy["claims"], 2);
    assert_eq!(foreign_policy["documents"], 2);
    assert_eq!(foreign_policy["direct_quotes"], 1);
    // Anonymous officials in two stories are not the same people.
    assert_eq!(rows.iter().filter(|r| r["name"] == "officials").count(), 2);

    let csv = stdout(&claimtrace(&["sources", "--format", "csv", path]));
    assert!(
        csv.starts_with("source,type,claims,documents,direct_quotes,quotes,statements,markers\n"),
        "{csv}"
    );
    assert!(csv.contains("Foreign Policy,publication,2,2,1,"), "{csv}");
    let table = stdout(&claimtrace(&["sources", path]));
    assert!(table.contains("Foreign Policy"));
}

/// "Who is quoted, how often" in one command: each speaker's quotes and statements
/// apart; a refused report and a belief are neither, and `--scope speech` keeps
/// only what was said.
#[test]
fn sources_count_quotes_and_statements_apart() {
    let file = "tests/data/sources/council.txt";
    let row = |scope: &str| {
        let output = claimtrace(&["--scope", scope, "sources", "--format", "json", file]);
        assert!(output.status.success(), "{}", stderr(&output));
        let rows: Vec<Value> = serde_json::from_str(&stdout(&output)).unwrap();
        let okafor = rows.iter().find(|r| r["name"] == "Ruth Okafor");
        let okafor = okafor.unwrap_or_else(|| panic!("no Ruth Okafor in {rows:?}"));
        let counts = ["claims", "quotes", "statements"].map(|key| okafor[key].as_u64().unwrap());
        (counts, okafor["markers"].clone())
    };
    let (all, markers) = row("all");
    // One quote in two parts, one statement, one refusal, one belief.
    assert_eq!(all, [4, 1, 1], "{markers}");
    assert_eq!(markers["non-statement"], 1);
    let (speech, _) = row("speech");
    assert_eq!(speech, [2, 1, 1]);
}

/// The README's example of `--scope speech` with `sources` is what the command prints.
#[test]
fn the_readme_example_of_who_is_quoted_is_true() {
    let command = "$ claimtrace --scope speech sources tests/data/sources/council.txt\n";
    let readme = std::fs::read_to_string(crate::support::root().join("README.md")).unwrap();
    let start = readme.find(command).expect("the example in README.md") + command.len();
    let shown = &readme[start..start + readme[start..].find("```").unwrap()];
    let output = claimtrace(&[
        "--scope",
        "speech",
        "sources",
        "tests/data/sources/council.txt",
    ]);
    assert_eq!(stdout(&output), shown);
}

#[test]
fn a_quote_continues_its_speaker_past_narration_in_the_same_paragraph() {
    let records = attributed(
        "Mrs. Clinton ticked off a laundry list of firms. \"Trump suits were made in Mexico,\" she said. \
         \"Trump furniture is made in Turkey.\"",
    );
    let texts: Vec<&str> = records
        .iter()
        .map(|r| r["claim"]["text"].as_str().unwrap())
        .collect();
    assert_eq!(records.len(), 1, "{texts:?}");
    assert!(texts[0].starts_with("\"Trump suits"), "{texts:?}");
    assert!(texts[0].ends_with("made in Turkey.\""), "{texts:?}");
    assert_eq!(records[0]["cue"]["text"], "said");
}

#[test]
fn impersonal_cues_claim_their_clause_with_no_source() {
    let records =
        attributed("Indeed, Sanders appears to be spending more heavily, despite the polls.");
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["cue"]["text"], "appears");
    assert!(records[0]["source"].is_null());
    assert_eq!(
        records[0]["claim"]["text"],
        "Sanders appears to be spending more heavily"
    );
}
