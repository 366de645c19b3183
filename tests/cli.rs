//! The command line on real files: formats, inputs, errors and exit codes.

use crate::support::{claimtrace, claimtrace_stdin, jsonl, stderr, stdout};

#[test]
fn jsonl_follows_the_output_contract() {
    let output = claimtrace(&["extract", "--format", "jsonl", "seeds"]);
    assert!(output.status.success());
    let records = jsonl(&output);
    assert!(records.len() > 20);
    for record in &records {
        let keys: Vec<&str> = record
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys.len(), 10, "{keys:?}");
        for key in [
            "doc",
            "id",
            "kind",
            "cue_kind",
            "claim_form",
            "claim",
            "cue",
            "source",
            "markers",
            "score",
        ] {
            assert!(keys.contains(&key), "missing {key}");
        }
        assert!(record["doc"].as_str().unwrap().starts_with("seeds/"));
        assert!(record["id"].as_str().unwrap().starts_with("c-"));
        let kind = record["kind"].as_str().unwrap();
        assert!(["direct", "mixed", "indirect", "unattributed"].contains(&kind));
        if kind == "unattributed" {
            assert!(record["source"].is_null() && record["cue"].is_null());
            assert!(record["cue_kind"].is_null());
        } else {
            let cue_kind = record["cue_kind"].as_str().unwrap();
            assert!(["speech", "belief", "evidential", "stance", "intent"].contains(&cue_kind));
            let source = record["source"].as_object().unwrap();
            for key in ["text", "start", "end", "type", "name", "via"] {
                assert!(source.contains_key(key), "source lacks {key}");
            }
        }
        let claim_form = record["claim_form"].as_str().unwrap();
        assert!(["quote", "clause", "infinitive", "noun-phrase"].contains(&claim_form));
        if kind == "direct" {
            assert_eq!(claim_form, "quote");
        }
        let score = record["score"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&score));
        let claim = record["claim"].as_object().unwrap();
        for key in ["text", "start", "end", "line", "col"] {
            assert!(claim.contains_key(key), "claim lacks {key}");
        }
    }
}

#[test]
fn stdin_folders_and_formats() {
    let output = claimtrace_stdin(
        &["extract", "--format", "jsonl", "-"],
        b"Title line\n\nPrices rose sharply last year, the ministry said.\n",
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let records = jsonl(&output);
    assert_eq!(records[0]["doc"], "-");
    assert_eq!(records[0]["source"]["text"], "the ministry");
    assert_eq!(records[0]["source"]["type"], "organization");

    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("nested")).unwrap();
    std::fs::write(
        dir.path().join("nested/a.md"),
        "# Head\n\nOfficials said the plan failed.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        "T\n\nThe plan failed, the memo said.\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("skip.bin"), [0u8, 159, 146, 150]).unwrap();
    let path = dir.path().to_str().unwrap();
    let records = jsonl(&claimtrace(&["extract", "--format", "jsonl", path]));
    let docs: std::collections::BTreeSet<&str> =
        records.iter().map(|r| r["doc"].as_str().unwrap()).collect();
    assert_eq!(docs.len(), 2, "{docs:?}");

    let json: serde_json::Value =
        serde_json::from_str(&stdout(&claimtrace(&["extract", "--format", "json", path]))).unwrap();
    assert_eq!(json.as_array().unwrap().len(), records.len());

    let yaml = stdout(&claimtrace(&["extract", "--format", "yaml", path]));
    let parsed: serde_yaml::Value = serde_yaml::from_str(&yaml).unwrap();
    assert_eq!(parsed["claims"][0]["review"]["status"], "unreviewed");
    assert!(parsed["claimtrace"].is_string());

    let table = stdout(&claimtrace(&["extract", path]));
    assert!(table.contains("the memo (document)"), "{table}");
}

#[test]
fn bad_inputs_are_named_and_the_rest_still_processed() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.txt");
    let mut bytes = b"Fine text here.\nThen ".to_vec();
    bytes.extend([0xff, 0xfe]);
    std::fs::write(&bad, bytes).unwrap();
    let good = dir.path().join("good.txt");
    std::fs::write(&good, "T\n\nThe plan failed, the memo said.\n").unwrap();
    let output = claimtrace(&[
        "extract",
        "--format",
        "jsonl",
        bad.to_str().unwrap(),
        good.to_str().unwrap(),
        "no/such/file.txt",
    ]);
    assert_eq!(output.status.code(), Some(2));
    let errors = stderr(&output);
    assert!(
        errors.contains("bad.txt: invalid UTF-8 at byte offset 21"),
        "{errors}"
    );
    assert!(errors.contains("no/such/file.txt"), "{errors}");
    assert_eq!(jsonl(&output).len(), 1);

    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let output = claimtrace(&["extract", "--format", "jsonl", empty.to_str().unwrap()]);
    assert!(output.status.success());
    assert!(stdout(&output).is_empty());
}

#[test]
fn compare_has_a_column_per_document_and_the_rows() {
    let output = claimtrace(&["compare", "seeds"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let table = stdout(&output);
    for needle in [
        "000_6e7a248ef508e0f5.txt",
        "004_e5164a35b1741c54.txt",
        "claims",
        "attributed",
        "unattributed",
        "direct quotes",
        "mixed",
        "indirect",
        "sources: person",
        "sources: anonymous",
        "sources: organization",
        "sources: publication",
        "sources: document",
        "claims on anonymous sources",
        "hedged claims",
        "distinct sources",
        "top sources",
        "Foreign Policy",
    ] {
        assert!(table.contains(needle), "missing {needle}:\n{table}");
    }
}

#[test]
fn grammar_overlays_and_their_errors() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("cues.txt"),
        "# drop said, add ruled\n!said\nruled | invert\n",
    )
    .unwrap();
    let input = b"T\n\nThe plan failed, the memo said.\n\nThe plan failed, ruled the judge.\n";
    let grammar = dir.path().to_str().unwrap();
    let output = claimtrace_stdin(
        &["extract", "--format", "jsonl", "--grammar", grammar, "-"],
        input,
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let cues: Vec<String> = jsonl(&output)
        .iter()
        .filter_map(|r| r["cue"]["text"].as_str().map(str::to_string))
        .collect();
    assert_eq!(cues, ["ruled"]);

    std::fs::write(dir.path().join("markers.txt"), "reportedly | hedge\n").unwrap();
    let output = claimtrace(&["grammar", "check", grammar]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("markers.txt:1: expected `phrase | KIND WEIGHT`"),
        "{}",
        stderr(&output)
    );

    std::fs::remove_file(dir.path().join("markers.txt")).unwrap();
    std::fs::write(dir.path().join("colours.txt"), "red\n").unwrap();
    let output = claimtrace(&["grammar", "check", grammar]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("unknown grammar file"),
        "{}",
        stderr(&output)
    );
}

/// Each file's examples are a test of their own (tests/grammar.rs); `grammar check`
/// runs them all.
#[test]
fn grammar_check_runs_every_example() {
    let grammar = claimtrace::Grammar::built_in().unwrap();
    assert!(grammar.examples.len() >= 20);
    let output = claimtrace(&["grammar", "check"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        format!(
            "grammar ok: {} cues, {} examples, 0 failing\n",
            grammar.cues.len(),
            grammar.examples.len()
        )
    );
}

/// Issue #21: a failing example made `grammar check` print "grammar ok".
#[test]
fn grammar_check_with_a_failing_example_fails() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("cues.txt"),
        "@example Prices rose, the ministry said. => source: the council\n",
    )
    .unwrap();
    let output = claimtrace(&["grammar", "check", dir.path().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    assert!(!stdout(&output).contains("ok"), "{}", stdout(&output));
    assert!(
        stdout(&output).starts_with("grammar check failed: 1 of "),
        "{}",
        stdout(&output)
    );
    assert!(
        stderr(&output).contains("cues.txt:1: source: expected `the council`, got `the ministry`"),
        "{}",
        stderr(&output)
    );
}

/// Issue #21: shell completions and manual pages, with no grammar or input needed.
#[test]
fn completions_and_manual_pages() {
    for (shell, needle) in [
        ("bash", "_claimtrace()"),
        ("zsh", "#compdef claimtrace"),
        ("fish", "complete -c claimtrace"),
        ("powershell", "Register-ArgumentCompleter"),
        ("elvish", "edit:completion:arg-completer[claimtrace]"),
    ] {
        let output = claimtrace(&["--grammar", "no/such/dir", "completions", shell]);
        assert!(output.status.success(), "{shell}: {}", stderr(&output));
        let script = stdout(&output);
        assert!(script.contains(needle), "{shell}: {script}");
        for word in ["extract", "compare", "input-format", "width"] {
            assert!(script.contains(word), "{shell} lacks {word}");
        }
    }
    let output = claimtrace(&["completions", "tcsh"]);
    assert_eq!(output.status.code(), Some(2));

    let page = stdout(&claimtrace(&["man"]));
    assert!(page.starts_with(".ie \\n(.g"), "{page}");
    assert!(page.contains(".TH claimtrace 1"), "{page}");
    for word in ["extract", "compare", "report", "completions", "\\-\\-width"] {
        assert!(page.contains(word), "the man page lacks {word}");
    }
    let dir = tempfile::tempdir().unwrap();
    let output = claimtrace(&["man", "--out", dir.path().to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let mut pages: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    pages.sort();
    for page in [
        "claimtrace.1",
        "claimtrace-extract.1",
        "claimtrace-review-merge.1",
        "claimtrace-grammar-check.1",
    ] {
        assert!(pages.iter().any(|p| p == page), "{page} not in {pages:?}");
    }
    let extract = std::fs::read_to_string(dir.path().join("claimtrace-extract.1")).unwrap();
    assert!(extract.contains("How to write the claims"), "{extract}");
}

#[test]
fn output_order_does_not_depend_on_threads() {
    // Many more documents than any thread count keeps in flight at once.
    let dir = tempfile::tempdir().unwrap();
    for index in 0..400 {
        let text = format!(
            "T{index}\n\nThe plan {index} failed, the memo said. Costs rose, officials said.\n"
        );
        std::fs::write(dir.path().join(format!("{index:03}.txt")), text).unwrap();
    }
    let path = dir.path().to_str().unwrap();
    let one = stdout(&claimtrace(&[
        "--threads",
        "1",
        "extract",
        "--format",
        "jsonl",
        path,
    ]));
    let two = stdout(&claimtrace(&[
        "--threads",
        "2",
        "extract",
        "--format",
        "jsonl",
        path,
    ]));
    assert_eq!(one.lines().count(), 800);
    assert_eq!(one, two);
    for threads in ["3", "7"] {
        let many = stdout(&claimtrace(&[
            "--threads",
            threads,
            "extract",
            "--format",
            "jsonl",
            path,
        ]));
        assert_eq!(one, many, "--threads {threads}");
    }
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&claimtrace(&["extract", "--format", "json", path]))).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 800);
}

/// A document longer than `SPILLED_DOCUMENT_BYTES` is rendered section by section
/// through a temporary file, or without one straight to the output; its bytes, and
/// the JSON array around it, are those of the document rendered whole in memory, on
/// one thread or two, next to documents with records and without.
#[test]
fn a_long_document_is_written_as_it_is_extracted() {
    use claimtrace::batch::SPILLED_DOCUMENT_BYTES;
    use claimtrace::render::{ExtractionWriter, Format, render_document};
    let grammar = claimtrace::Grammar::built_in().unwrap();
    let seeds: String = [
        "seeds/000_6e7a248ef508e0f5.txt",
        "seeds/004_e5164a35b1741c54.txt",
    ]
    .iter()
    .map(|seed| std::fs::read_to_string(crate::support::root().join(seed)).unwrap())
    .collect::<Vec<_>>()
    .join("\n\n");
    // Paragraphs that differ (repeated ones are taken for page furniture) with
    // one claim that recurs in every section, so that ids number its repeats.
    let mut long = String::new();
    for index in 0.. {
        if long.len() > SPILLED_DOCUMENT_BYTES + (2 << 20) {
            break;
        }
        long.push_str(&format!(
            "Plan {index} would cost more, officials said, according to a Foreign Policy \
             report.\n\n\"It failed {index} times,\" Ann Lee said. \"It will again.\"\n\n\
             He reportedly left in {index}.\n\nIn week {index}, officials said the talks \
             had failed.\n\n"
        ));
    }
    // Long, and no claim in it.
    let long_without_claims = "x ".repeat(SPILLED_DOCUMENT_BYTES);
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path.to_str().unwrap().to_owned()
    };
    let documents = [
        write("a.txt", &seeds),
        write("b.txt", &long),
        write("c.txt", ""),
        write("d.txt", &long_without_claims),
        write("e.txt", &seeds),
    ];
    let cases: [&[usize]; 4] = [&[0, 1, 2, 3, 4], &[3], &[3, 1], &[2, 3, 0]];
    for (format, flag) in [(Format::Jsonl, "jsonl"), (Format::Json, "json")] {
        for chosen in cases {
            let paths: Vec<&str> = chosen.iter().map(|&at| documents[at].as_str()).collect();
            let mut whole = Vec::new();
            let mut writer = ExtractionWriter::new(&mut whole, format);
            for path in &paths {
                let bytes = std::fs::read(path).unwrap();
                let input = claimtrace::ingest::decode(path, bytes, false).unwrap();
                let extraction = claimtrace::extract(input, &grammar);
                writer
                    .write(render_document(extraction, format).unwrap())
                    .unwrap();
            }
            writer.finish().unwrap();
            // With no temporary directory, long documents are written as they
            // are extracted, at their turn.
            let no_temp_dir = dir.path().join("missing");
            for (threads, temp_dir) in [("1", None), ("2", None), ("2", Some(&no_temp_dir))] {
                let mut args = vec!["--threads", threads, "extract", "--format", flag];
                args.extend(&paths);
                let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_claimtrace"));
                if let Some(temp_dir) = temp_dir {
                    command.env("TMPDIR", temp_dir);
                }
                let output = command.args(&args).output().unwrap();
                assert!(output.status.success(), "{}", stderr(&output));
                assert!(
                    output.stdout == whole,
                    "{flag}, {chosen:?}, {threads} threads, TMPDIR {temp_dir:?}: output differs"
                );
                if chosen.contains(&1) {
                    assert!(output.stdout.len() > long.len());
                }
                // Each long document that could not be spilled is named once.
                let warnings = stderr(&output);
                for path in &paths {
                    let long =
                        std::fs::metadata(path).unwrap().len() as usize > SPILLED_DOCUMENT_BYTES;
                    let named = warnings
                        .lines()
                        .filter(|line| {
                            line.contains(path) && line.contains("could not use a temporary file")
                        })
                        .count();
                    let want = usize::from(long && temp_dir.is_some());
                    assert_eq!(named, want, "{path}, TMPDIR {temp_dir:?}: {warnings}");
                }
            }
        }
    }
}

/// Issue #17: a quote interrupted by its attribution is one record whose claim lists
/// its parts; `--split-quotes` writes a record per part, each with the source and cue.
#[test]
fn a_quote_in_parts_is_one_record_or_one_per_part() {
    let text = b"\"You could tell,\" one official said. \"They were always right.\"\n\nThe plan failed, officials said.\n";
    let whole = jsonl(&claimtrace_stdin(
        &["extract", "--format", "jsonl", "-"],
        text,
    ));
    assert_eq!(whole.len(), 2);
    let claim = &whole[0]["claim"];
    assert_eq!(
        claim["text"],
        "\"You could tell,\" … \"They were always right.\""
    );
    let parts: Vec<&str> = claim["fragments"]
        .as_array()
        .expect("fragments")
        .iter()
        .map(|part| part["text"].as_str().unwrap())
        .collect();
    assert_eq!(
        parts,
        ["\"You could tell,\"", "\"They were always right.\""]
    );
    // It covers its parts: the first paragraph.
    let first_paragraph = text.iter().position(|&byte| byte == b'\n').unwrap() as u64;
    assert_eq!(
        (claim["start"].as_u64(), claim["end"].as_u64()),
        (Some(0), Some(first_paragraph))
    );
    // A claim of one part has no `fragments` key.
    assert!(whole[1]["claim"].get("fragments").is_none());

    let split = jsonl(&claimtrace_stdin(
        &["--split-quotes", "extract", "--format", "jsonl", "-"],
        text,
    ));
    let read: Vec<(&str, &str, &str)> = split
        .iter()
        .map(|record| {
            (
                record["source"]["text"].as_str().unwrap(),
                record["cue"]["text"].as_str().unwrap(),
                record["claim"]["text"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        read,
        [
            ("one official", "said", "\"You could tell,\""),
            ("one official", "said", "\"They were always right.\""),
            ("officials", "said", "The plan failed"),
        ]
    );
    assert!(
        split
            .iter()
            .all(|record| record["claim"].get("fragments").is_none())
    );
}

/// Issue #18: every attributed record says what its cue reports, and `--scope speech`
/// keeps only what somebody said or wrote (and the claims nobody is said to have
/// made); `eval --scope speech` drops the gold outside it by the same lexicon.
#[test]
fn cue_kinds_and_the_speech_scope() {
    let text = "Head\n\nOfficials believe the plan failed.\n\nThe mayor said the bridge would reopen.\n\nThe data showed a rise.\n\nRain fell all week.\n";
    let kinds = |args: &[&str]| -> Vec<(String, String)> {
        let mut all = vec!["extract", "--format", "jsonl"];
        all.extend_from_slice(args);
        all.push("-");
        jsonl(&claimtrace_stdin(&all, text.as_bytes()))
            .iter()
            .map(|record| {
                let claim = record["claim"]["text"].as_str().unwrap().to_string();
                let kind = record["cue_kind"].as_str().unwrap_or("-").to_string();
                (claim, kind)
            })
            .collect()
    };
    let pairs = |list: &[(&str, &str)]| -> Vec<(String, String)> {
        list.iter()
            .map(|(claim, kind)| (claim.to_string(), kind.to_string()))
            .collect()
    };
    assert_eq!(
        kinds(&[]),
        pairs(&[
            ("the plan failed", "belief"),
            ("the bridge would reopen", "speech"),
            ("a rise", "evidential"),
            ("Rain fell all week", "-"),
        ])
    );
    assert_eq!(
        kinds(&["--scope", "speech"]),
        pairs(&[
            ("the bridge would reopen", "speech"),
            ("Rain fell all week", "-"),
        ])
    );

    let span = |needle: &str| {
        let start = text.find(needle).unwrap();
        serde_json::json!({"start": start, "end": start + needle.len(), "text": needle})
    };
    let doc = serde_json::json!({
        "id": "t/1", "text": text,
        "attributions": [
            {"source": span("Officials"), "cue": span("believe"), "content": span("the plan failed")},
            {"source": span("The mayor"), "cue": span("said"), "content": span("the bridge would reopen")},
        ]
    });
    let dir = tempfile::tempdir().unwrap();
    let gold = dir.path().join("gold.jsonl");
    std::fs::write(&gold, format!("{doc}\n")).unwrap();
    let overall = |args: &[&str]| {
        let mut all = args.to_vec();
        all.extend_from_slice(&["eval", "--json", "--gold", gold.to_str().unwrap()]);
        let result: serde_json::Value =
            serde_json::from_str(&stdout(&claimtrace(&all))).expect("JSON");
        (
            result["overall"]["gold"].clone(),
            result["overall"]["full"].clone(),
        )
    };
    assert_eq!(overall(&[]), (2.into(), 2.into()));
    assert_eq!(overall(&["--scope", "speech"]), (1.into(), 1.into()));
}

/// Issue #18: compare counts each document's attributed claims by the kind of their
/// cue, as extract labels them, and the counts add up to the attributed claims.
#[test]
fn compare_counts_claims_by_cue_kind() {
    let records = jsonl(&claimtrace(&["extract", "--format", "jsonl", "seeds"]));
    let mut want = serde_json::Map::new();
    for record in &records {
        if let Some(kind) = record["cue_kind"].as_str() {
            let count = want.get(kind).and_then(|c| c.as_u64()).unwrap_or(0);
            want.insert(kind.to_string(), (count + 1).into());
        }
    }
    let output = claimtrace(&["compare", "--format", "json", "seeds"]);
    let comparison: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    let all = &comparison["all"];
    assert_eq!(all["claims_by_cue_kind"], serde_json::Value::Object(want));
    let sum: u64 = all["claims_by_cue_kind"]
        .as_object()
        .unwrap()
        .values()
        .map(|count| count.as_u64().unwrap())
        .sum();
    assert_eq!(Some(sum), all["attributed"].as_u64());
    assert!(stdout(&claimtrace(&["compare", "seeds"])).contains("cue: belief"));
}
