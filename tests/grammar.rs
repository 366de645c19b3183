//! The built-in grammar files: each file's `@example` lines as a test of its own, so
//! that a failing example names its file, and the README's table of them.

use std::sync::OnceLock;

use claimtrace::Grammar;
use claimtrace::examples::failures;
use claimtrace::grammar::BUILT_IN;

use crate::support::root;

/// The built-in grammar, loaded once for every test here.
fn grammar() -> &'static Grammar {
    static GRAMMAR: OnceLock<Grammar> = OnceLock::new();
    GRAMMAR.get_or_init(|| Grammar::built_in().expect("the built-in grammar loads"))
}

/// Runs the examples of the built-in file `file` through the whole pipeline and fails
/// with every example that does not hold. A hand-written file must carry examples;
/// a mined one (`mined/…`, written by a script) need not.
fn examples_of(file: &str) {
    let grammar = grammar();
    let examples: Vec<_> = grammar
        .examples
        .iter()
        .filter(|example| example.file == file)
        .collect();
    assert!(
        !examples.is_empty() || file.starts_with("mined/"),
        "{file} has no `@example` line"
    );
    let failures = failures(examples, grammar);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// One `#[test]` per built-in file, named after it, and `TESTED`, the files they
/// cover: a built-in file missing here fails `every_built_in_file_has_its_test`.
macro_rules! examples_of {
    ($($test:ident: $file:literal,)*) => {
        $(
            #[test]
            fn $test() {
                examples_of($file);
            }
        )*
        const TESTED: &[&str] = &[$($file),*];
    };
}

examples_of! {
    mined_cues_txt: "mined/cues.txt",
    cues_txt: "cues.txt",
    cue_kinds_txt: "cue_kinds.txt",
    according_txt: "according.txt",
    sources_txt: "sources.txt",
    names_txt: "names.txt",
    name_hints_txt: "name_hints.txt",
    relays_txt: "relays.txt",
    markers_txt: "markers.txt",
    scores_txt: "scores.txt",
    function_words_txt: "function_words.txt",
    word_classes_txt: "word_classes.txt",
    verb_forms_txt: "mined/verb_forms.txt",
    affixes_txt: "affixes.txt",
    abbreviations_txt: "abbreviations.txt",
    layout_txt: "layout.txt",
    page_txt: "page.txt",
    titles_txt: "titles.txt",
    aliases_txt: "aliases.txt",
}

#[test]
fn every_built_in_file_has_its_test() {
    let missing: Vec<&str> = BUILT_IN
        .iter()
        .map(|built_in| built_in.name)
        .filter(|name| !TESTED.contains(name))
        .collect();
    assert!(
        missing.is_empty(),
        "no test of the examples of {missing:?}: add a line `name_txt: \"name.txt\",` to `examples_of!` in tests/grammar.rs"
    );
    let every_example_is_tested = grammar()
        .examples
        .iter()
        .all(|example| TESTED.contains(&example.file.as_str()));
    assert!(every_example_is_tested);
}

/// Every built-in file is listed in the README's table of grammar files (section
/// "## grammar/", first column, in backticks); a file in a folder of `grammar/` may
/// instead be covered by the section naming its folder (`grammar/mined/`).
#[test]
fn every_built_in_file_is_in_the_readme() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let section = readme
        .split("\n## ")
        .find(|section| section.starts_with("grammar/\n"))
        .expect("README.md has a section \"## grammar/\"");
    let listed: Vec<&str> = section
        .lines()
        .filter_map(|line| line.strip_prefix('|')?.split('|').next())
        .flat_map(|first_column| first_column.split('`').skip(1).step_by(2))
        .collect();
    assert!(listed.contains(&"cues.txt"), "no table found: {listed:?}");
    let missing: Vec<&str> = BUILT_IN
        .iter()
        .map(|built_in| built_in.name)
        .filter(|name| {
            let folder = name
                .rsplit_once('/')
                .map(|(folder, _)| format!("`grammar/{folder}/`"));
            !listed.contains(name) && !folder.is_some_and(|folder| section.contains(&folder))
        })
        .collect();
    assert!(
        missing.is_empty(),
        "README.md, \"## grammar/\": the table lists no {missing:?}"
    );
}

/// Every cue of the built-in cue files has a line in cue_kinds.txt, so no cue's kind
/// is left to the fallback.
#[test]
fn every_built_in_cue_has_a_kind() {
    let grammar = Grammar::built_in().unwrap();
    let mut missing = Vec::new();
    for file in ["grammar/mined/cues.txt", "grammar/cues.txt"] {
        let text = std::fs::read_to_string(root().join(file)).unwrap();
        for line in text.lines() {
            let phrase = line.split(['|', '#']).next().unwrap_or("").trim();
            if phrase.is_empty() || line.starts_with(['#', '@', '!']) {
                continue;
            }
            if !grammar.cue_kinds.contains_key(&phrase.to_lowercase()) {
                missing.push(format!("{file}: {phrase}"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "no line in cue_kinds.txt for {missing:?}"
    );
}
