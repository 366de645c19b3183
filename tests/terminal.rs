//! Output for people at a terminal (issue #21): tables fitted to its width, each
//! document's table headed with its name, `compare` turned to a row per document
//! when the documents do not fit side by side; pipes and files keep every table
//! whole.

use std::process::Command;

use crate::support::{claimtrace, claimtrace_stdin, root, stderr, stdout};

/// The widest line of `text`, in characters.
fn widest(text: &str) -> usize {
    text.lines()
        .map(|line| line.trim_end_matches('\r').chars().count())
        .max()
        .unwrap_or(0)
}

/// A JSONL corpus of `n` short documents, each with an attributed claim.
fn corpus(n: usize) -> String {
    (0..n)
        .map(|i| {
            format!(
                r#"{{"id": "story-{i:02}-about-the-council-budget", "text": "T\n\nThe budget rose by {i} percent, officials said. Taxes fell, the mayor said."}}"#
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn tables_fit_the_width_asked_for() {
    for args in [
        &["extract", "seeds"][..],
        &["compare", "seeds"],
        &["sources", "seeds"],
        &["extract", "seeds/004_e5164a35b1741c54.txt"],
    ] {
        let whole = stdout(&claimtrace(args));
        assert!(widest(&whole) > 100, "{args:?} is narrow anyway");
        for width in [40, 60, 80, 100, 160] {
            let width_arg = width.to_string();
            let mut all = args.to_vec();
            all.extend(["--width", &width_arg]);
            let output = claimtrace(&all);
            assert!(output.status.success(), "{}", stderr(&output));
            let fitted = stdout(&output);
            assert!(
                widest(&fitted) <= width,
                "{args:?} at {width}: {} columns\n{fitted}",
                widest(&fitted)
            );
            // Wrapping loses nothing (the row layout of `compare` shows fewer measures).
            if args[0] != "compare" {
                let letters = |text: &str| text.chars().filter(|c| c.is_alphanumeric()).count();
                assert_eq!(letters(&fitted), letters(&whole), "{args:?} at {width}");
            }
        }
        // --width 0 and a pipe both mean no limit: the same bytes.
        let mut all = args.to_vec();
        all.extend(["--width", "0"]);
        assert_eq!(stdout(&claimtrace(&all)), whole, "{args:?}");
    }
}

#[test]
fn each_documents_table_is_headed_with_its_name_when_there_are_several() {
    let one = stdout(&claimtrace(&["extract", "seeds/004_e5164a35b1741c54.txt"]));
    assert!(!one.contains("=="), "{one}");
    assert!(one.starts_with('┌'), "{one}");

    let headings = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|line| line.starts_with("== "))
            .map(str::to_string)
            .collect()
    };
    let expected = [
        "== seeds/000_6e7a248ef508e0f5.txt ==",
        "== seeds/004_e5164a35b1741c54.txt ==",
    ];
    assert_eq!(
        headings(&stdout(&claimtrace(&["extract", "seeds"]))),
        expected
    );
    let two = stdout(&claimtrace(&[
        "extract",
        "seeds/000_6e7a248ef508e0f5.txt",
        "seeds/004_e5164a35b1741c54.txt",
    ]));
    assert_eq!(headings(&two), expected);
    // Each heading sits right above its table, and a blank line follows a table.
    assert!(
        two.contains("== seeds/004_e5164a35b1741c54.txt ==\n┌"),
        "{two}"
    );
    assert!(two.contains("┘\n\n== seeds/004"), "{two}");

    let output = claimtrace_stdin(
        &["--input-format", "jsonl", "extract", "-"],
        corpus(3).as_bytes(),
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        headings(&stdout(&output)),
        [
            "== story-00-about-the-council-budget ==",
            "== story-01-about-the-council-budget ==",
            "== story-02-about-the-council-budget =="
        ]
    );
}

#[test]
fn compare_turns_to_a_row_per_document_when_they_do_not_fit() {
    // Wide enough: the documents side by side, as in a pipe.
    let side_by_side = stdout(&claimtrace(&["compare", "seeds"]));
    assert_eq!(
        stdout(&claimtrace(&["compare", "seeds", "--width", "200"])),
        side_by_side
    );
    let header = side_by_side.lines().nth(1).unwrap();
    assert!(
        header.contains("000_6e7a248ef508e0f5.txt") && header.contains("004_e5164a35b1741c54.txt")
    );

    // Twenty documents in 100 columns: a row each, and the "all" row.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("twenty.jsonl");
    std::fs::write(&path, corpus(20)).unwrap();
    let output = claimtrace(&["compare", path.to_str().unwrap(), "--width", "100"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let rows = stdout(&output);
    assert!(widest(&rows) <= 100, "{rows}");
    let header = rows.lines().nth(1).unwrap();
    for heading in ["document", "claims", "attributed", "hedged", "top source"] {
        assert!(header.contains(heading), "{heading} not in {header}");
    }
    for i in 0..20 {
        let start = format!("│ story-{i:02}");
        assert_eq!(
            rows.lines().filter(|line| line.starts_with(&start)).count(),
            1,
            "{start}\n{rows}"
        );
    }
    assert!(
        rows.lines().any(|line| line.starts_with("│ all ")),
        "{rows}"
    );
    assert!(
        rows.contains("(a row per document: side by side needs"),
        "{rows}"
    );
    assert!(rows.contains("Sources cited by more than one document"));
    // Each row carries its document's own numbers: 2 claims, 2 attributed.
    let first = rows
        .lines()
        .find(|line| line.starts_with("│ story-00"))
        .unwrap();
    assert!(first.contains("2 (100%)"), "{first}");
}

/// Runs `command` (a shell command line) under a pseudo-terminal with `script`
/// (util-linux), so that claimtrace's stdout and stderr are a terminal; `None`
/// when `script` is not installed.
pub fn in_terminal(command: &str) -> Option<String> {
    let script = ["/usr/bin/script", "/bin/script"]
        .into_iter()
        .find(|path| std::path::Path::new(path).exists())?;
    let output = Command::new(script)
        .args(["-q", "-e", "-c", command, "/dev/null"])
        .current_dir(root())
        .env("CLAIMTRACE", env!("CARGO_BIN_EXE_claimtrace"))
        .output()
        .expect("script runs");
    assert!(output.status.success(), "{command}: {}", stderr(&output));
    Some(stdout(&output).replace("\r\n", "\n"))
}

#[test]
fn a_terminal_gets_tables_of_its_width() {
    let Some(fitted) = in_terminal("COLUMNS=72 \"$CLAIMTRACE\" extract seeds") else {
        eprintln!("skipping a_terminal_gets_tables_of_its_width: no `script` (util-linux)");
        return;
    };
    assert!(widest(&fitted) <= 72, "{fitted}");
    assert!(
        fitted.contains("== seeds/000_6e7a248ef508e0f5.txt =="),
        "{fitted}"
    );
    // The same with --width: the flag and the terminal agree.
    assert_eq!(
        fitted,
        stdout(&claimtrace(&["extract", "seeds", "--width", "72"]))
    );
}

/// A progress bar on stderr for a batch that runs more than a second on a
/// terminal; nothing where stderr is not one, nor where the command's own output
/// goes to the terminal as it is made.
#[test]
fn a_long_batch_on_a_terminal_shows_its_progress() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    std::fs::write(&corpus, corpus_lines(6)).unwrap();
    let out = dir.path().join("report");
    // Half the corpus, a pause of two seconds, the other half: a long batch.
    let slow = format!(
        "(head -3 '{0}'; sleep 2; tail -3 '{0}') | \"$CLAIMTRACE\" --input-format jsonl",
        corpus.display()
    );
    let Some(shown) = in_terminal(&format!("{slow} report - --out '{}'", out.display())) else {
        eprintln!(
            "skipping a_long_batch_on_a_terminal_shows_its_progress: no `script` (util-linux)"
        );
        return;
    };
    assert!(shown.contains(" documents · "), "{shown:?}");
    // The bar is cleared before the command's last line.
    let last = shown.rsplit('\r').next().unwrap_or_default();
    assert!(
        last.contains("wrote ") && last.contains("(6 documents)"),
        "{shown:?}"
    );

    // stdout is the terminal and gets the output as it comes: no bar.
    let streamed = in_terminal(&format!("{slow} extract --format jsonl -")).unwrap();
    assert!(!streamed.contains(" documents · "), "{streamed:?}");
    assert_eq!(
        streamed
            .lines()
            .filter(|line| line.starts_with("{\"doc\""))
            .count(),
        12
    );

    // Through pipes, the same long batch says nothing on stderr.
    let output = Command::new("sh")
        .arg("-c")
        .arg(format!("{slow} report - --out '{}'", out.display()))
        .env("CLAIMTRACE", env!("CARGO_BIN_EXE_claimtrace"))
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stderr(&output), "");
}

/// `corpus(n)` one document a line, as a file holds it.
fn corpus_lines(n: usize) -> String {
    corpus(n) + "\n"
}
