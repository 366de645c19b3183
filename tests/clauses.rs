//! The README's examples of claim bounds, cue choice and source span (issue #19):
//! each row's text gives an attribution with that source, cue and claim.

use claimtrace::{Grammar, extract_text};

/// The rows between the README's `clause-examples` markers: text, source, cue, claim.
fn readme_rows() -> Vec<[String; 4]> {
    let readme = std::fs::read_to_string(crate::support::root().join("README.md")).unwrap();
    let start = readme
        .find("<!-- clause-examples -->")
        .expect("the examples' start marker");
    let end = readme
        .find("<!-- /clause-examples -->")
        .expect("the examples' end marker");
    readme[start..end]
        .lines()
        .filter(|line| line.starts_with("| ") && !line.starts_with("| Text"))
        .map(|line| {
            let cells: Vec<String> = line
                .trim_matches('|')
                .split(" | ")
                .map(|cell| cell.trim().to_string())
                .collect();
            cells.try_into().expect("four cells a row")
        })
        .collect()
}

#[test]
fn the_readme_examples_of_clause_structure_hold() {
    let grammar = Grammar::built_in().unwrap();
    let rows = readme_rows();
    assert!(rows.len() >= 10, "{} rows", rows.len());
    for [text, source, cue, claim] in rows {
        let found: Vec<[String; 3]> = extract_text(&text, &grammar)
            .iter()
            .filter_map(|attribution| {
                Some([
                    attribution.source.as_ref()?.span.slice(&text).to_string(),
                    attribution.cue?.slice(&text).to_string(),
                    attribution.claim.slice(&text).to_string(),
                ])
            })
            .collect();
        assert!(
            found.contains(&[source.clone(), cue.clone(), claim.clone()]),
            "{text}\n  expected {source} | {cue} | {claim}\n  found {found:?}"
        );
    }
}
