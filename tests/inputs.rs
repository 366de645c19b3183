//! Real inputs and bad inputs (issue #7): JSONL corpora, stdin, invalid UTF-8, binary
//! and empty files, vanished files, symlink loops, pathological text.

use crate::support::{claimtrace, claimtrace_stdin, jsonl, stderr, stdout};

#[test]
fn jsonl_corpus_streams_documents_with_their_ids() {
    let corpus = concat!(
        r#"{"id": "a1", "text": "T\n\nPrices rose, the ministry said.", "publisher": "nyt"}"#,
        "\n\n",
        r#"{"id": 2, "text": "T\n\nThe plan failed, officials said."}"#,
        "\n",
        r#"{"id": "bad"}"#,
        "\n"
    );
    let output = claimtrace_stdin(
        &[
            "extract",
            "--input-format",
            "jsonl",
            "--format",
            "jsonl",
            "-",
        ],
        corpus.as_bytes(),
    );
    assert_eq!(
        output.status.code(),
        Some(2),
        "a bad line makes the exit code 2"
    );
    let records = jsonl(&output);
    let docs: Vec<&str> = records
        .iter()
        .filter(|r| r["kind"] != "unattributed")
        .map(|r| r["doc"].as_str().unwrap())
        .collect();
    assert_eq!(docs, ["a1", "2"]);
    assert_eq!(records[0]["claim"]["text"], "Prices rose");
    assert!(stderr(&output).contains("-:4: "), "{}", stderr(&output));
}

/// Issue #21: a file named .jsonl is a corpus without `--input-format jsonl`; in a
/// folder it is not read at all (it may be records `extract` wrote).
#[test]
fn a_jsonl_file_is_read_as_a_corpus_by_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("news.JSONL");
    std::fs::write(
        &corpus,
        concat!(
            r#"{"id": "a1", "text": "T\n\nPrices rose, the ministry said."}"#,
            "\n",
            r#"{"id": "b2", "text": "T\n\nThe plan failed, officials said."}"#,
            "\n"
        ),
    )
    .unwrap();
    let output = claimtrace(&["extract", "--format", "jsonl", corpus.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let sources: Vec<(String, String)> = jsonl(&output)
        .iter()
        .filter(|r| r["kind"] != "unattributed")
        .map(|r| {
            (
                r["doc"].as_str().unwrap().to_string(),
                r["source"]["text"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        sources,
        [
            ("a1".to_string(), "the ministry".to_string()),
            ("b2".to_string(), "officials".to_string())
        ]
    );
    // The same folder walked: a .jsonl file is not one of the texts it reads.
    std::fs::write(
        dir.path().join("story.txt"),
        "T\n\nCosts fell, the memo said.\n",
    )
    .unwrap();
    let output = claimtrace(&["extract", "--format", "jsonl", dir.path().to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let docs: std::collections::BTreeSet<String> = jsonl(&output)
        .iter()
        .map(|r| r["doc"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(docs.len(), 1, "{docs:?}");
    assert!(
        docs.iter().all(|doc| doc.ends_with("story.txt")),
        "{docs:?}"
    );
}

/// `text` as UTF-16 with its byte-order mark.
fn utf16(text: &str, little_endian: bool) -> Vec<u8> {
    let mut bytes = if little_endian {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for unit in text.encode_utf16() {
        bytes.extend(if little_endian {
            unit.to_le_bytes()
        } else {
            unit.to_be_bytes()
        });
    }
    bytes
}

/// Issue #21: a UTF-16 file (Windows tools write them) was refused as binary. It is
/// decoded by its byte-order mark, with a warning that offsets are into its UTF-8
/// text; the records are those of the same text in UTF-8.
#[test]
fn a_utf16_file_is_decoded_by_its_byte_order_mark() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Café talks\n\n“We will appeal,” said Zoë Martín, the minister. 😀\n";
    let utf8 = dir.path().join("utf8.txt");
    std::fs::write(&utf8, text).unwrap();
    let expected = jsonl(&claimtrace(&[
        "extract",
        "--format",
        "jsonl",
        utf8.to_str().unwrap(),
    ]));
    assert!(
        expected.iter().any(|r| r["source"]["text"] == "Zoë Martín"),
        "{expected:?}"
    );
    for (name, little_endian, encoding) in
        [("le.txt", true, "UTF-16LE"), ("be.txt", false, "UTF-16BE")]
    {
        let path = dir.path().join(name);
        std::fs::write(&path, utf16(text, little_endian)).unwrap();
        let output = claimtrace(&["extract", "--format", "jsonl", path.to_str().unwrap()]);
        assert!(output.status.success(), "{name}: {}", stderr(&output));
        let records = jsonl(&output);
        let strip = |records: &[serde_json::Value]| -> Vec<serde_json::Value> {
            records
                .iter()
                .map(|r| {
                    let mut r = r.clone();
                    r["doc"] = serde_json::Value::Null;
                    r
                })
                .collect()
        };
        assert_eq!(strip(&records), strip(&expected), "{name}");
        assert!(
            stderr(&output).contains(&format!(
                "{name}: read as {encoding} (byte-order mark); offsets are into its UTF-8 text"
            )),
            "{}",
            stderr(&output)
        );
    }

    // A lone surrogate (at byte 2 + 2 * 3 = 8) and a last odd byte are refused
    // with their offset in the file, or replaced with --lossy.
    let mut broken = utf16("abc", true);
    broken.extend([0x00, 0xD8]);
    broken.extend(utf16("T\n\nPrices rose, the ministry said.\n", true)[2..].iter());
    broken.push(b'x');
    let path = dir.path().join("broken.txt");
    std::fs::write(&path, &broken).unwrap();
    let strict = claimtrace(&["extract", "--format", "jsonl", path.to_str().unwrap()]);
    assert_eq!(strict.status.code(), Some(2));
    assert!(
        stderr(&strict).contains("broken.txt: invalid UTF-16LE at byte offset 8"),
        "{}",
        stderr(&strict)
    );
    let lossy = claimtrace(&[
        "extract",
        "--lossy",
        "--format",
        "jsonl",
        path.to_str().unwrap(),
    ]);
    assert!(lossy.status.success(), "{}", stderr(&lossy));
    assert!(
        stderr(&lossy).contains("invalid UTF-16LE from byte offset 8 replaced"),
        "{}",
        stderr(&lossy)
    );
    assert!(
        jsonl(&lossy)
            .iter()
            .any(|r| r["source"]["text"] == "the ministry")
    );
}

#[test]
fn lossy_replaces_invalid_utf8_and_warns() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latin1.txt");
    let mut bytes = b"T\n\nThe caf".to_vec();
    bytes.push(0xe9);
    bytes.extend(b" closed, the owner said.\n");
    std::fs::write(&path, bytes).unwrap();
    let file = path.to_str().unwrap();
    let strict = claimtrace(&["extract", "--format", "jsonl", file]);
    assert_eq!(strict.status.code(), Some(2));
    assert!(
        stderr(&strict).contains("latin1.txt: invalid UTF-8 at byte offset 10"),
        "{}",
        stderr(&strict)
    );
    let lossy = claimtrace(&["extract", "--lossy", "--format", "jsonl", file]);
    assert!(lossy.status.success());
    assert!(stderr(&lossy).contains("warning") && stderr(&lossy).contains("offset 10"));
    assert_eq!(jsonl(&lossy)[0]["source"]["text"], "the owner");
}

#[test]
fn binary_vanished_and_looping_inputs_are_reported_not_fatal() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), [b'x', 0, 1, 2, 3]).unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        "T\n\nThe plan failed, the memo said.\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).unwrap();
    let path = dir.path().to_str().unwrap();
    let output = claimtrace(&["extract", "--format", "jsonl", path, "gone.txt"]);
    assert_eq!(output.status.code(), Some(2));
    let errors = stderr(&output);
    assert!(errors.contains("a.txt: binary file"), "{errors}");
    assert!(errors.contains("gone.txt"), "{errors}");
    let docs: std::collections::BTreeSet<String> = jsonl(&output)
        .iter()
        .map(|r| r["doc"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(docs.len(), 1, "{docs:?}");
}

#[test]
fn pathological_texts_finish_in_linear_time() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        ("no-newline.txt", "the officials said that \"it was, according to the report, fine\" — he told Foreign Policy. ".repeat(40_000)),
        ("quotes.txt", "\"".repeat(1_000_000)),
        ("nested.txt", format!("{}he said so{}{}{}", "“".repeat(10_000), "”".repeat(10_000), "(".repeat(10_000), ")".repeat(10_000))),
        ("said.txt", "\"A,\" he said. ".repeat(50_000)),
    ];
    for (name, text) in &cases {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    // Generous bound: every case is linear; a quadratic one takes minutes.
    let started = std::time::Instant::now();
    let output = claimtrace(&["extract", "--format", "jsonl", dir.path().to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        started.elapsed().as_secs() < 60,
        "took {:?}",
        started.elapsed()
    );
    assert!(!stdout(&output).is_empty());
}

/// Regression: the layout sized a long text's block list from its line count, so
/// 40 MB of blank lines asked the allocator for 1.6 GB at once, and a process
/// limited to 1.5 GiB of address space aborted. The room is now at most the
/// text's own size.
#[cfg(target_os = "linux")]
#[test]
fn a_long_text_of_blank_lines_needs_no_more_memory_than_its_size() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("blank-lines.txt");
    std::fs::write(&path, "\n".repeat(40_000_000)).unwrap();
    let command = format!(
        "ulimit -v {} && exec \"$0\" extract --format jsonl --threads 1 \"$1\"",
        3 * 512 * 1024
    );
    let output = std::process::Command::new("sh")
        .args(["-c", &command, env!("CARGO_BIN_EXE_claimtrace")])
        .arg(&path)
        .output()
        .expect("sh runs");
    assert!(
        output.status.success(),
        "{:?} {}",
        output.status,
        stderr(&output)
    );
    assert!(stdout(&output).is_empty());
}

#[test]
fn html_articles_keep_offsets_into_the_original_bytes() {
    let output = claimtrace(&["extract", "--format", "jsonl", "tests/data/article.html"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let raw =
        std::fs::read_to_string(crate::support::root().join("tests/data/article.html")).unwrap();
    let records = jsonl(&output);
    let sources: Vec<&str> = records
        .iter()
        .filter_map(|r| r["source"]["text"].as_str())
        .collect();
    assert_eq!(
        sources,
        [
            "officials",
            "one of the US officials",
            "one of the US officials"
        ]
    );
    for record in &records {
        if let Some(source) = record["source"].as_object() {
            let (start, end) = (
                source["start"].as_u64().unwrap() as usize,
                source["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&raw[start..end], source["text"].as_str().unwrap());
        }
        let claim = record["claim"]["text"].as_str().unwrap();
        for dropped in ["Home", "nothing here", "Getty", "company said"] {
            assert!(!claim.contains(dropped), "{claim}");
        }
    }
    // The blockquote is a quote that continues the last speaker, by their cue.
    assert_eq!(records[2]["kind"], "direct");
    assert_eq!(records[2]["cue"], records[1]["cue"]);
    // Entities are decoded: the quote marks of the second paragraph are real quotes.
    assert_eq!(records[1]["kind"], "direct");
    // Without a .html name, --input-format html reads stdin as HTML.
    let output = claimtrace_stdin(
        &[
            "extract",
            "--input-format",
            "html",
            "--format",
            "jsonl",
            "-",
        ],
        b"<p>Prices rose, the ministry said.</p><footer>x said y</footer>",
    );
    assert_eq!(jsonl(&output).len(), 1);
}

#[test]
fn markdown_emphasis_stays_out_of_sources_and_claims() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("story.md");
    std::fs::write(&path, "# Spy story\n\n**Officials** said that *the plan failed*.\n\n* A bullet point, the memo said.\n").unwrap();
    let records = jsonl(&claimtrace(&[
        "extract",
        "--format",
        "jsonl",
        path.to_str().unwrap(),
    ]));
    let first = &records[0];
    assert_eq!(first["source"]["text"], "Officials");
    assert!(!first["claim"]["text"].as_str().unwrap().contains('*'));
    assert_eq!(records[1]["source"]["text"], "the memo");
    assert_eq!(records[1]["claim"]["text"], "A bullet point");
}

#[test]
fn folders_are_walked_depth_first_in_file_name_order() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    // Created out of order, with a subfolder between files and files that are
    // skipped. (A file system that happened to list them sorted would let an
    // unsorted walk pass; ext4 and tmpfs do not.)
    std::fs::create_dir(root.join("b")).unwrap();
    for name in [
        "c.txt",
        "a.md",
        "b/z.txt",
        "b/y.html",
        "notes.pdf",
        "B.txt",
        "b/x.csv",
    ] {
        std::fs::write(root.join(name), "Prices rose, officials said.\n").unwrap();
    }
    let walked: Vec<String> = claimtrace::ingest::expand_paths(&[root.to_path_buf()])
        .map(|path| {
            let path = path.expect("every entry is readable");
            let relative = path.strip_prefix(root).unwrap();
            relative.to_str().unwrap().replace('\\', "/")
        })
        .collect();
    assert_eq!(walked, ["B.txt", "a.md", "b/y.html", "b/z.txt", "c.txt"]);
}
