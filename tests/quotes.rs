//! The README's table of quotation shapes ("## Quotations as news prints them"), run
//! row by row against the binary: each text alone on stdin gives exactly the
//! attribution the row shows.

use crate::support::{claimtrace_stdin, jsonl, root};

/// The README section that holds the table.
const SECTION: &str = "## Quotations as news prints them";

/// One row: the text, and the source, cue and claim text it must give.
#[derive(Debug)]
struct Row {
    text: String,
    source: String,
    cue: String,
    claim: String,
}

/// A cell without its code marks.
fn cell(raw: &str) -> String {
    let raw = raw.trim();
    raw.strip_prefix('`')
        .and_then(|inner| inner.strip_suffix('`'))
        .unwrap_or(raw)
        .to_owned()
}

fn rows() -> Vec<Row> {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let section = readme
        .split_once(SECTION)
        .map(|(_, rest)| rest.split("\n## ").next().unwrap_or(rest))
        .unwrap_or_else(|| panic!("README.md has a section {SECTION:?}"));
    section
        .lines()
        .filter(|line| line.starts_with("| `"))
        .map(|line| {
            // A code cell holds no " | ": split on the cell bars.
            let cells: Vec<&str> = line.trim_matches('|').split(" | ").collect();
            assert_eq!(cells.len(), 4, "README row with four cells: {line}");
            Row {
                text: cell(cells[0]),
                source: cell(cells[1]),
                cue: cell(cells[2]),
                claim: cell(cells[3]),
            }
        })
        .collect()
}

#[test]
fn the_readme_table_of_quotation_shapes_is_what_extract_gives() {
    let rows = rows();
    assert!(rows.len() >= 12, "the table has its rows: {rows:?}");
    let mut failures = Vec::new();
    for row in &rows {
        let output = claimtrace_stdin(&["extract", "--format", "jsonl", "-"], row.text.as_bytes());
        assert!(output.status.success(), "{}", row.text);
        let got: Vec<[String; 3]> = jsonl(&output)
            .iter()
            .map(|record| {
                let text = |field: &str| record[field]["text"].as_str().unwrap_or("-").to_owned();
                [text("source"), text("cue"), text("claim")]
            })
            .collect();
        let want = [row.source.clone(), row.cue.clone(), row.claim.clone()];
        if got != [want.clone()] {
            failures.push(format!("{}\n  want {want:?}\n  got  {got:?}", row.text));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
