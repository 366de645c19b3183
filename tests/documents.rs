//! Documents that are not articles (issue #21, item 4): interview transcripts and press
//! releases, through the binary. An answer is the claim of the interviewee the
//! introduction names (or the speaker its label names), a question nobody's; a press
//! release's dateline is no part of a source or claim, and its closing boilerplate
//! makes no claims. The style texts of tests/data/styles/ (interview*.txt,
//! press_release*.txt) are scored in tests/styles.rs; here, who is the source of what.

use serde_json::Value;

use crate::support::{claimtrace_stdin, jsonl, root, stdout};

/// An attributed record as these tests read it: source mention, its name ("" for
/// none), its type, the cue, the start of the claim, and "non-statement" when it
/// carries that marker (else "").
type Row = [String; 6];

/// The attributed records `claimtrace extract` gives for `text`, with `args` before it.
fn rows(text: &str, args: &[&str]) -> Vec<Row> {
    let mut all = vec!["extract", "--format", "jsonl"];
    all.extend_from_slice(args);
    all.push("-");
    let output = claimtrace_stdin(&all, text.as_bytes());
    assert!(output.status.success(), "{text}");
    jsonl(&output)
        .iter()
        .filter(|record| record["kind"] != "unattributed")
        .map(row)
        .collect()
}

fn row(record: &Value) -> Row {
    let str_of = |value: &Value| value.as_str().unwrap_or("").to_string();
    let source = &record["source"];
    let non_statement = record["markers"]
        .as_array()
        .is_some_and(|markers| markers.iter().any(|m| m["kind"] == "non-statement"));
    [
        str_of(&source["text"]),
        str_of(&source["name"]),
        str_of(&source["type"]),
        str_of(&record["cue"]["text"]),
        str_of(&record["claim"]["text"]),
        if non_statement { "non-statement" } else { "" }.to_string(),
    ]
}

/// A text and every attributed record it must give: [source, name, type, cue, claim
/// start, "non-statement" or ""], in order.
type Case = (&'static str, &'static str, &'static [[&'static str; 6]]);

fn check(cases: &[Case], args: &[&str]) {
    let mut failures = Vec::new();
    for (what, text, want) in cases {
        let got = rows(text, args);
        let matches = got.len() == want.len()
            && got.iter().zip(want.iter()).all(|(got, want)| {
                got.iter()
                    .zip(want.iter())
                    .enumerate()
                    .all(|(column, (got, want))| {
                        // The claim is given by its start.
                        if column == 4 {
                            got.starts_with(want)
                        } else {
                            got == want
                        }
                    })
            });
        if !matches {
            failures.push(format!("{what}:\n  want {want:?}\n  got  {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[rustfmt::skip]
const INTERVIEWS: &[Case] = &[
    ("\"Q:\"/\"A:\": an answer is the interviewee's, named in the introduction; a question is nobody's, though what it reports counts and what it only asks about is marked; \"I\" in an answer is the interviewee; a paragraph after an answer goes on with it",
     "Riverton's waiting list\n\nMarisol Vega, the city's housing commissioner, sat down with the Courier this week.\n\nQ: How many families are waiting?\n\nA: About 12,000 families are waiting. The list grew by a third last year.\n\nQ: Critics say the plan is too slow. Do you think they are right?\n\nA: I think they are impatient. We break ground in March.\n\nIt will take two years.\n",
     &[["A", "Marisol Vega", "person", ":", "About 12,000 families are waiting. The list grew by a third last year", ""],
       ["Critics", "", "anonymous", "say", "the plan is too slow", ""],
       ["you", "", "unknown", "think", "they are right", "non-statement"],
       ["A", "Marisol Vega", "person", ":", "I think they are impatient. We break ground in March", ""],
       ["I", "Marisol Vega", "person", "think", "they are impatient", ""],
       ["A", "Marisol Vega", "person", ":", "It will take two years", ""]]),
    ("\"Question:\"/\"Answer:\"; the interviewer named first (\"our reporter Ellen Marsh\") is not the interviewee",
     "The mill that came back\n\nOur reporter Ellen Marsh spoke with Dr. Tomasz Wrona, who runs the mill.\n\nQuestion: When did the looms start again?\n\nAnswer: In 2019, after a fire.\n",
     &[["Answer", "Tomasz Wrona", "person", ":", "In 2019, after a fire", ""]]),
    ("\"Q.\"/\"A.\"; an interviewee the introduction does not name is anonymous",
     "Voices from the picket line\n\nThe striker asked us not to print her name.\n\nQ. How long have you been out?\n\nA. Six weeks, and we are not going back.\n",
     &[["The striker", "", "unknown", "asked", "us not to print her name", ""],
       ["A", "", "anonymous", ".", "Six weeks, and we are not going back", ""]]),
    ("turns headed by names: the one who asks is the interviewer (and \"Interviewer:\"); the other's label is the source, resolved to the full name the introduction gives",
     "Coral on land\n\nDr. Tomasz Wrona runs the Baltic Reef Project.\n\nMARSH: When did it start?\n\nWRONA: In 2017, after three years of failures.\n\nInterviewer: Your critics say it costs too much.\n\nWrona: It costs less than one research vessel.\n\nMARSH: What is next?\n\nWRONA: A second lab in Tallinn.\n",
     &[["WRONA", "Tomasz Wrona", "person", ":", "In 2017, after three years of failures", ""],
       ["Your critics", "", "anonymous", "say", "it costs too much", ""],
       ["Wrona", "Tomasz Wrona", "person", ":", "It costs less than one research vessel", ""],
       ["WRONA", "Tomasz Wrona", "person", ":", "A second lab in Tallinn", ""]]),
    ("an article with a \"Q:\" line is no transcript, and \"Q\" is no source",
     "Council votes on the bridge\n\nThe council voted on Tuesday to close the bridge, officials said.\n\nQ: What did the mayor say?\n\nThe mayor did not comment on the vote.\n",
     &[["officials", "", "anonymous", "said", "The council voted on Tuesday to close the bridge", ""]]),
    ("a label inside a paragraph: \"Q\" is no source",
     "Court notes\n\nQ: Were you there? A: I was at home all night.\n",
     &[["A", "", "person", ":", "I was at home all night", ""]]),
];

#[test]
fn interview_transcripts() {
    check(INTERVIEWS, &[]);
}

/// Issue #22: articles joined into one file after an interview are not its answers.
/// The last turn ran to the end of the file (hundreds of KB of the bench's long
/// document), now no further than its label's reach.
#[test]
fn articles_joined_after_an_interview_in_one_file_are_not_its_answers() {
    use claimtrace::ingest::transcript::MAX_TURN_BYTES;
    let (_, interview, _) = INTERVIEWS[0];
    let mut text = interview.to_string();
    let mut index = 0;
    while text.len() < interview.len() + 3 * MAX_TURN_BYTES {
        text.push_str(&format!(
            "\nThe bridge {index} closed in May, officials said.\n"
        ));
        index += 1;
    }
    assert_eq!(
        rows(&text, &[])[..6],
        rows(interview, &[])[..],
        "the interview's own"
    );
    let output = claimtrace_stdin(&["extract", "--format", "jsonl", "-"], text.as_bytes());
    let records = jsonl(&output);
    let at = |record: &Value, field: &str| record[field]["start"].as_u64().unwrap_or(0) as usize;
    let last_label = text.rfind("\nA: ").expect("an answer") + 1;
    for record in &records {
        let beyond = at(record, "claim") > last_label + MAX_TURN_BYTES;
        let answer = record["cue"]["text"] == ":";
        assert!(!(beyond && answer), "an answer out of reach: {record}");
        if beyond {
            assert_eq!(record["source"]["text"], "officials", "{record}");
        }
    }
    let beyond = records
        .iter()
        .filter(|record| at(record, "claim") > last_label + MAX_TURN_BYTES)
        .count();
    assert!(
        beyond > index / 2,
        "{beyond} of {index} paragraphs read as prose"
    );
}

#[test]
fn with_scope_speech_an_interview_keeps_its_answers_and_leaves_what_a_question_asks() {
    let (_, text, _) = INTERVIEWS[0];
    let got = rows(text, &["--scope", "speech"]);
    let sources: Vec<&str> = got.iter().map(|row| row[0].as_str()).collect();
    // "I think" is a belief, "you think" a question: both out; the answers stay.
    assert_eq!(sources, ["A", "Critics", "A", "A"], "{got:?}");
}

#[rustfmt::skip]
const RELEASES: &[Case] = &[
    ("/PRNewswire/: the company that announces is the source, after its ticker and appositive; About, Forward-Looking Statements, the media contact and the SOURCE line make no claims",
     "Acme Robotics Unveils Hauler X2\n\nAUSTIN, Texas, March 4, 2025 /PRNewswire/ -- Acme Robotics Inc. (NASDAQ: ACMR), a leader in warehouse automation, today announced that its Hauler X2 robot can lift 500 kilograms.\n\n\"We are thrilled to bring the Hauler X2 to market,\" said Jane Doe, chief executive officer of Acme Robotics.\n\nAbout Acme Robotics\n\nAcme Robotics Inc. designs robots for warehouses.\n\nThe company says it employs 800 people.\n\nForward-Looking Statements\n\nThis press release contains forward-looking statements. Acme believes its plans are reasonable.\n\nMedia Contact:\nJohn Roe\npress@acme.example\n\nSOURCE Acme Robotics Inc.\n",
     &[["Acme Robotics Inc. (NASDAQ: ACMR), a leader in warehouse automation", "", "organization", "announced", "that its Hauler X2 robot can lift 500 kilograms", ""],
       ["Jane Doe", "", "person", "said", "\"We are thrilled to bring the Hauler X2 to market,\"", ""]]),
    ("--(BUSINESS WIRE)-- glued to the first word; a Contacts block",
     "Northwind Reports Record Output\n\nOSLO, Norway--(BUSINESS WIRE)--Northwind Energy ASA (OSE: NWE) today announced that its wind farms produced 2.1 terawatt-hours in the first quarter.\n\nContacts\nKari Holm, +47 555 0100\n",
     &[["Northwind Energy ASA (OSE: NWE)", "", "organization", "announced", "that its wind farms produced 2.1 terawatt-hours", ""]]),
    ("(GLOBE NEWSWIRE) --; \"###\" ends the release",
     "Maple Labs Posts Higher Sales\n\nTORONTO, May 2, 2025 (GLOBE NEWSWIRE) -- Maple Labs Corp. said sales rose 12 percent in April.\n\n###\n\nMaple Labs says it is the best lab in Canada.\n",
     &[["Maple Labs Corp.", "", "organization", "said", "sales rose 12 percent in April", ""]]),
    ("— (ACCESSWIRE) — with the date after the tag",
     "Greenway Opens Seed Vault\n\nBURLINGTON, VT — (ACCESSWIRE) — May 12, 2025 — Greenway Seed Bank said its new vault holds 40,000 varieties.\n",
     &[["Greenway Seed Bank", "", "organization", "said", "its new vault holds 40,000 varieties", ""]]),
];

#[test]
fn press_releases() {
    check(RELEASES, &[]);
}

/// No record of a release holds a word of its dateline or of its closing boilerplate.
#[test]
fn a_release_dateline_and_boilerplate_reach_no_record() {
    for (_, text, _) in RELEASES {
        let output = claimtrace_stdin(&["extract", "--format", "jsonl", "-"], text.as_bytes());
        for record in jsonl(&output) {
            let written = record.to_string();
            for word in [
                "AUSTIN",
                "PRNewswire",
                "OSLO",
                "BUSINESS WIRE",
                "TORONTO",
                "GLOBE",
                "ACCESSWIRE",
                "BURLINGTON",
                "May 12",
                "designs robots",
                "800 people",
                "believes",
                "John Roe",
                "Kari Holm",
                "best lab",
            ] {
                assert!(!written.contains(word), "{word:?} in {written}");
            }
        }
    }
}

/// Who is the source of what in the style texts written for this: each source with
/// its type and its number of claims (`claimtrace sources --format csv`), as read by
/// hand from the text.
#[rustfmt::skip]
const WHO: &[(&str, &[&str])] = &[
    ("interview_names", &[
        // Six answers (one of them a paragraph of its own) and "I think" in one.
        "Anneke Verhoef,person,7,1,6,6,0,",
        "Critics,anonymous,1,1,0,0,1,",
        "The city's energy alderman,unknown,1,1,0,1,0,",
        "Two district heating companies there,unknown,1,1,0,0,1,",
        "you,unknown,1,1,0,0,0,non-statement 1",
    ]),
    ("interview_qa_periods", &[
        // Six answers and "I have said so to the board".
        "Priya Raman,person,7,1,6,6,1,",
        "An outside audit,document,1,1,0,0,0,",
        "Our chief engineer,unknown,1,1,1,1,0,",
        "Shipping lines,unknown,1,1,0,0,1,",
        "dockworkers' union,organization,1,1,0,0,1,",
        "the union's own treasurer,unknown,1,1,0,0,1,",
    ]),
    ("press_release_business_wire", &[
        // "Corvane raised its forecast … and now expects revenue of …": the forecast
        // is the company's (coordinated.rs); a lone capitalised word of unknown kind
        // is still typed a person (README, "Not handled yet").
        "Corvane,person,1,1,0,0,0,",
        "\"Corvane Systems Inc. (NASDAQ: CRVN), a maker of power chips for electric vehicles\",organization,1,1,0,0,1,",
        "Helena Marsh,person,1,1,1,1,0,",
        "Omar Lindqvist,person,1,1,1,1,0,",
        "the company's quarterly filing,document,1,1,0,0,1,",
    ]),
    ("press_release_accesswire", &[
        "Greenway's membership office,unknown,1,1,0,0,1,",
        "Ines Carvalho,person,1,1,1,1,0,",
        "Luis Ortega,person,1,1,1,1,0,",
        "the seed bank,unknown,1,1,0,0,1,",
    ]),
];

#[test]
fn who_is_the_source_of_what_in_the_style_texts() {
    for (name, want) in WHO {
        let file =
            std::fs::read_to_string(root().join(format!("tests/data/styles/{name}.txt"))).unwrap();
        // The text alone: without the header's comments and the annotation table.
        let text: String = file
            .split("=== attributions")
            .next()
            .unwrap()
            .lines()
            .filter(|line| !line.starts_with('#'))
            .map(|line| format!("{line}\n"))
            .collect();
        let output = claimtrace_stdin(&["sources", "--format", "csv", "-"], text.as_bytes());
        let got = stdout(&output);
        let got: Vec<&str> = got.lines().skip(1).collect();
        assert_eq!(got, *want, "{name}");
    }
}
