//! The record as the output contract gives it (issue #20, items 4 and 5): where
//! each claim starts as `line`/`col`, the document's `meta` on every record, and
//! records of an older release still read.

use std::path::Path;

use serde_json::Value;

use crate::support::{claimtrace, claimtrace_stdin, jsonl, stderr, stdout};

/// The byte offset of 1-based `line` and `col` (in characters) of `text`, counted
/// here independently of claimtrace.
fn offset_of(text: &str, line: usize, col: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line - 1)
        .map(str::len)
        .sum();
    let within: usize = text[line_start..]
        .chars()
        .take(col - 1)
        .map(char::len_utf8)
        .sum();
    line_start + within
}

/// Claims of JSON records (a list of record values) whose `line`/`col` do not
/// point at their `start` in `file`'s bytes.
fn misplaced(records: &[Value], file_of: impl Fn(&str) -> String) -> Vec<String> {
    records
        .iter()
        .filter_map(|record| {
            let claim = &record["claim"];
            let (line, col) = (claim["line"].as_u64()?, claim["col"].as_u64()?);
            let start = claim["start"].as_u64()? as usize;
            let text = file_of(record["doc"].as_str()?);
            let at = offset_of(&text, line as usize, col as usize);
            (at != start).then(|| format!("{claim}: line/col give byte {at}"))
        })
        .collect()
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

/// Files whose claims start on later lines, after multi-byte characters, after
/// CRLF line ends, and in Markdown.
const TEXTS: [(&str, &str); 3] = [
    (
        "wide.txt",
        "Café prices — up 5% — rose, the ministry said.\n\n\
         Über alles: “Costs fell,” officials said. Zölle rose, the report found.\n",
    ),
    (
        "crlf.txt",
        "Title line\r\n\r\nPrices rose, the ministry said.\r\n\r\n  \"It failed,\" Ann Lee said.\r\n",
    ),
    (
        "emphasis.md",
        "# Heading\n\n**Officials** said *the plan* failed.\n\n- Prices rose, the memo said.\n",
    ),
];

#[test]
fn every_claim_says_its_line_and_column_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let mut paths: Vec<String> = TEXTS
        .iter()
        .map(|(name, text)| write(dir.path(), name, text))
        .collect();
    paths.push("seeds".into());
    let file_of = |doc: &str| std::fs::read_to_string(crate::support::root().join(doc)).unwrap();
    for format in ["jsonl", "json", "yaml"] {
        let mut args = vec!["extract", "--format", format];
        args.extend(paths.iter().map(String::as_str));
        let output = claimtrace(&args);
        assert!(output.status.success(), "{}", stderr(&output));
        let records: Vec<Value> = match format {
            "jsonl" => jsonl(&output),
            "json" => serde_json::from_str::<Vec<Value>>(&stdout(&output)).unwrap(),
            _ => {
                let review: Value = serde_yaml::from_str(&stdout(&output)).unwrap();
                review["claims"].as_array().unwrap().clone()
            }
        };
        assert!(records.len() > 30, "{format}");
        for record in &records {
            let claim = &record["claim"];
            assert!(claim["line"].as_u64().unwrap() >= 1, "{format}: {claim}");
            assert!(claim["col"].as_u64().unwrap() >= 1, "{format}: {claim}");
        }
        assert_eq!(
            misplaced(&records, file_of),
            Vec::<String>::new(),
            "{format}"
        );
        // Later lines are reached, and columns after wide characters.
        let wide = records
            .iter()
            .find(|record| {
                record["claim"]["text"]
                    .as_str()
                    .unwrap()
                    .starts_with("Zölle")
            })
            .unwrap();
        assert_eq!(
            (
                wide["claim"]["line"].as_u64(),
                wide["claim"]["col"].as_u64()
            ),
            (Some(3), Some(43))
        );
    }
}

#[test]
fn positions_in_a_jsonl_corpus_are_in_each_document_s_text() {
    let corpus = r#"{"id": "a", "text": "Title\n\nPrices rose, the ministry said.\n\nCosts fell, officials said."}"#;
    let output = claimtrace_stdin(
        &[
            "--input-format",
            "jsonl",
            "extract",
            "--format",
            "jsonl",
            "-",
        ],
        corpus.as_bytes(),
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let places: Vec<(u64, u64)> = jsonl(&output)
        .iter()
        .map(|record| {
            let claim = &record["claim"];
            (
                claim["line"].as_u64().unwrap(),
                claim["col"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(places, [(3, 1), (5, 1)]);
}

/// A small corpus with metadata on some documents.
const CORPUS: [&str; 4] = [
    r#"{"id": "a", "text": "Prices rose, the ministry said. Foreign Policy reported that spies died.", "publisher": "Daily", "url": "https://daily.example/a", "date": "2024-03-01", "title": "Prices", "author": "Ann Lee"}"#,
    r#"{"id": "b", "text": "Costs fell, officials said. Foreign Policy reported that the plan failed.", "publisher": "Daily"}"#,
    r#"{"id": "c", "text": "Taxes rose, Foreign Policy reported.", "publisher": "Weekly", "headline": "Taxes"}"#,
    r#"{"id": "d", "text": "Rain fell all day."}"#,
];

#[test]
fn every_record_carries_its_document_s_metadata() {
    let output = claimtrace_stdin(
        &[
            "--input-format",
            "jsonl",
            "extract",
            "--format",
            "jsonl",
            "-",
        ],
        CORPUS.join("\n").as_bytes(),
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let records = jsonl(&output);
    // document -> the meta every one of its records carries (none: no key)
    let table = [
        (
            "a",
            Some(
                serde_json::json!({"publisher": "Daily", "url": "https://daily.example/a",
                "date": "2024-03-01", "title": "Prices", "author": "Ann Lee"}),
            ),
        ),
        ("b", Some(serde_json::json!({"publisher": "Daily"}))),
        (
            "c",
            Some(serde_json::json!({"publisher": "Weekly", "title": "Taxes"})),
        ),
        ("d", None),
    ];
    for (doc, want) in table {
        let of_doc: Vec<&Value> = records.iter().filter(|r| r["doc"] == doc).collect();
        assert!(!of_doc.is_empty(), "{doc}");
        for record in of_doc {
            assert_eq!(record.get("meta"), want.as_ref(), "{doc}");
        }
    }
    // `meta` comes right after the id, as the contract shows it.
    for line in stdout(&output).lines() {
        let after_id = line.split_once(r#"","meta":{"#).map(|(before, _)| before);
        let is_id = after_id.is_some_and(|before| {
            before
                .rsplit_once(r#""id":""#)
                .is_some_and(|(_, id)| id.starts_with("c-") && !id.contains('"'))
        });
        assert_eq!(is_id, line.contains(r#""meta":"#), "{line}");
    }
}

/// `compare --json` of `args`.
fn compare_json(args: &[&str]) -> Value {
    let mut all = vec!["compare", "--format", "json"];
    all.extend(args);
    let output = claimtrace(&all);
    assert!(output.status.success(), "{}", stderr(&output));
    serde_json::from_str(&stdout(&output)).unwrap()
}

#[test]
fn the_parts_of_a_map_step_compare_by_publisher() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = write(dir.path(), "corpus.jsonl", &(CORPUS.join("\n") + "\n"));
    // The map step: each part of the corpus extracted on its own.
    let mut parts = Vec::new();
    for (index, line) in CORPUS.iter().enumerate() {
        let output = claimtrace_stdin(
            &[
                "--input-format",
                "jsonl",
                "extract",
                "--format",
                "jsonl",
                "-",
            ],
            line.as_bytes(),
        );
        assert!(output.status.success(), "{}", stderr(&output));
        parts.push(write(
            dir.path(),
            &format!("part-{index:05}"),
            &stdout(&output),
        ));
    }
    let from_parts = {
        let mut args = vec!["--by", "publisher", "--from-jsonl"];
        args.extend(parts.iter().rev().map(String::as_str));
        compare_json(&args)
    };
    let direct = compare_json(&["--by", "publisher", "--input-format", "jsonl", &corpus]);
    assert_eq!(from_parts, direct);
    let names: Vec<&str> = direct["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|column| column["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["(no publisher)", "Daily", "Weekly"]);
}

#[test]
fn records_of_an_older_release_still_compare() {
    let output = claimtrace(&["extract", "--format", "jsonl", "seeds"]);
    assert!(output.status.success());
    // Records as the release before positions and metadata wrote them.
    let old: Vec<String> = jsonl(&output)
        .into_iter()
        .map(|mut record| {
            let object = record.as_object_mut().unwrap();
            object.remove("meta");
            let claim = object["claim"].as_object_mut().unwrap();
            assert!(claim.remove("line").is_some() && claim.remove("col").is_some());
            record.to_string()
        })
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let old = write(dir.path(), "old.jsonl", &(old.join("\n") + "\n"));
    assert_eq!(
        compare_json(&["--from-jsonl", &old]),
        compare_json(&["seeds"])
    );
}

/// A validator for `schema/record-v1.json` at its definition `name`.
fn validator(name: &str) -> jsonschema::Validator {
    let text = std::fs::read_to_string(crate::support::root().join("schema/record-v1.json"))
        .expect("the schema is in the repository");
    let mut schema: Value = serde_json::from_str(&text).expect("the schema is JSON");
    schema["$ref"] = Value::from(format!("#/$defs/{name}"));
    jsonschema::validator_for(&schema).expect("the schema is a valid JSON Schema")
}

/// The schema's complaints about `instance`.
fn violations(validator: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    validator
        .iter_errors(instance)
        .map(|error| format!("{} at {}", error, error.instance_path()))
        .collect()
}

/// Every output validates against the published schema: JSONL and JSON records
/// with no key it does not describe, the YAML review file as a whole (a fresh
/// one, and one merged onto a revised draft), in every mode that changes records.
#[test]
fn every_output_validates_against_the_schema() {
    let record = validator("record_only");
    let review = validator("review_file");
    let dir = tempfile::tempdir().unwrap();
    let corpus = write(dir.path(), "corpus.jsonl", &(CORPUS.join("\n") + "\n"));
    let mut texts: Vec<String> = TEXTS
        .iter()
        .map(|(name, text)| write(dir.path(), name, text))
        .collect();
    texts.extend(["seeds".to_string(), "tests/data/article.html".to_string()]);
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    let corpus_args = ["--input-format", "jsonl", corpus.as_str()];
    let runs: [(&[&str], &[&str]); 4] = [
        (&[], &texts),
        (&["--split-quotes"], &texts),
        (&["--scope", "speech"], &texts),
        (&[], &corpus_args),
    ];
    let mut checked = 0;
    for (flags, inputs) in runs {
        for format in ["jsonl", "json", "yaml"] {
            let mut args: Vec<&str> = flags.to_vec();
            let (leading, paths) = if inputs[0] == "--input-format" {
                inputs.split_at(2)
            } else {
                inputs.split_at(0)
            };
            args.extend(leading);
            args.extend(["extract", "--format", format]);
            args.extend(paths);
            let output = claimtrace(&args);
            assert!(output.status.success(), "{args:?}: {}", stderr(&output));
            let problems: Vec<String> = match format {
                "jsonl" => jsonl(&output)
                    .iter()
                    .inspect(|_| checked += 1)
                    .flat_map(|value| violations(&record, value))
                    .collect(),
                "json" => serde_json::from_str::<Vec<Value>>(&stdout(&output))
                    .unwrap()
                    .iter()
                    .inspect(|_| checked += 1)
                    .flat_map(|value| violations(&record, value))
                    .collect(),
                _ => {
                    let document: Value = serde_yaml::from_str(&stdout(&output)).unwrap();
                    checked += document["claims"].as_array().unwrap().len();
                    violations(&review, &document)
                }
            };
            assert_eq!(problems, Vec::<String>::new(), "{args:?}");
        }
    }
    assert!(checked > 400, "{checked}");

    // A merged review file, with `removed` claims and a person's own keys.
    let old = write(
        dir.path(),
        "old.txt",
        "Title\n\nThe plan failed, officials said.\n\nThe budget grew, the memo said.\n",
    );
    let output = claimtrace(&["extract", "--format", "yaml", &old]);
    let yaml = stdout(&output).replace("status: unreviewed", "status: verified\n    ticket: FC-1");
    let old_review = write(dir.path(), "old.review.yaml", &yaml);
    let revised = write(
        dir.path(),
        "new.txt",
        "Title\n\nA new lead, the mayor said.\n",
    );
    let output = claimtrace(&["review", "merge", &old_review, &revised]);
    assert!(output.status.success(), "{}", stderr(&output));
    let merged: Value = serde_yaml::from_str(&stdout(&output)).unwrap();
    assert!(!merged["removed"].as_array().unwrap().is_empty());
    assert_eq!(violations(&review, &merged), Vec::<String>::new());
}

/// The schema says no to what is not a record: it can fail.
#[test]
fn the_schema_refuses_what_breaks_the_contract() {
    let record = validator("record_only");
    let output = claimtrace(&[
        "extract",
        "--format",
        "jsonl",
        "seeds/000_6e7a248ef508e0f5.txt",
    ]);
    let good = jsonl(&output)
        .into_iter()
        .find(|record| !record["source"].is_null())
        .unwrap();
    assert_eq!(violations(&record, &good), Vec::<String>::new());
    // a change to a good record -> the field the schema names
    type Break = fn(&mut Value);
    let breaks: [(&str, Break); 8] = [
        ("kind", |r| r["kind"] = "quoted".into()),
        ("line", |r| r["claim"]["line"] = 0.into()),
        ("col", |r| {
            r["claim"].as_object_mut().unwrap().remove("col");
        }),
        ("score", |r| r["score"] = 1.5.into()),
        ("meta", |r| r["meta"] = serde_json::json!({"publisher": 3})),
        ("meta", |r| r["meta"] = serde_json::json!({})),
        ("extra", |r| r["extra"] = true.into()),
        ("type", |r| r["source"]["type"] = "rumour".into()),
    ];
    for (field, break_it) in breaks {
        let mut bad = good.clone();
        break_it(&mut bad);
        let problems = violations(&record, &bad);
        assert!(!problems.is_empty(), "{field}: accepted");
    }
}
