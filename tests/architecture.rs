//! The shape of the library, read from its source: every stage imports only the
//! stages before it (README, "How it works"), and no two files of a stage import
//! each other.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::support::root;

/// The library's top-level modules in pipeline order: each may use only those
/// before it. Values first, then the stages, then what runs over whole runs.
const ORDER: &[&str] = &[
    "span",
    "swar",
    "error",
    "model",
    "grammar",
    "ingest",
    "segment",
    "matcher",
    "link",
    "assess",
    "pipeline",
    "record",
    "aggregate",
    "render",
    "review",
    "batch",
    "eval",
    "examples",
];

/// Every `.rs` file under `dir`, sorted.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// The source without its comments (doc links may name any module) and without
/// its unit tests (they may build what they test from any stage).
fn code(source: &str) -> String {
    let source = source
        .find("#[cfg(test)]\nmod tests")
        .map_or(source, |tests| &source[..tests]);
    source
        .lines()
        .map(|line| match line.find("//") {
            // A `//` inside a string ("https://…") cuts nothing that names a module.
            Some(comment) => &line[..comment],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The module paths `code` names after `prefix` (`crate::`, `super::`): in
/// `crate::link::{Digest, names::name_spans}` the paths are `link::Digest` and
/// `link::names::name_spans`, kept as far as `depth` segments.
fn paths_after(code: &str, prefix: &str, depth: usize) -> BTreeSet<Vec<String>> {
    let mut paths = BTreeSet::new();
    for (at, _) in code.match_indices(prefix) {
        let before = code[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
            continue;
        }
        collect_paths(&code[at + prefix.len()..], Vec::new(), depth, &mut paths);
    }
    paths
}

/// Reads one path (or a `{…}` group of them) from the start of `rest`.
fn collect_paths(rest: &str, prefix: Vec<String>, depth: usize, paths: &mut BTreeSet<Vec<String>>) {
    let rest = rest.trim_start();
    if let Some(group) = rest.strip_prefix('{') {
        let mut level = 0;
        let mut start = 0;
        for (index, c) in group.char_indices() {
            match c {
                '{' => level += 1,
                '}' if level == 0 => {
                    collect_paths(&group[start..index], prefix.clone(), depth, paths);
                    return;
                }
                '}' => level -= 1,
                ',' if level == 0 => {
                    collect_paths(&group[start..index], prefix.clone(), depth, paths);
                    start = index + 1;
                }
                _ => {}
            }
        }
        return;
    }
    let name: String = rest
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    if name.is_empty() {
        if !prefix.is_empty() {
            paths.insert(prefix);
        }
        return;
    }
    let mut path = prefix;
    path.push(name.clone());
    let after = &rest[name.len()..];
    match after.strip_prefix("::") {
        Some(more) if path.len() < depth => collect_paths(more, path, depth, paths),
        _ => {
            paths.insert(path);
        }
    }
}

/// The top-level module a file of `src/` belongs to: `link` for `src/link/mod.rs`
/// and `src/link/names.rs`, `pipeline` for `src/pipeline.rs`.
fn stage_of(src: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(src).unwrap();
    let first = relative.components().next().unwrap().as_os_str();
    Path::new(first)
        .file_stem()
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

#[test]
fn every_stage_imports_only_the_stages_before_it() {
    let src = root().join("src");
    let mut wrong = Vec::new();
    let mut seen = BTreeSet::new();
    for file in rust_files(&src) {
        let relative = file.strip_prefix(&src).unwrap().to_path_buf();
        if relative.starts_with("cli")
            || ["lib.rs", "main.rs"].contains(&relative.to_str().unwrap())
        {
            continue;
        }
        let stage = stage_of(&src, &file);
        let rank = ORDER.iter().position(|known| *known == stage);
        let Some(rank) = rank else {
            wrong.push(format!(
                "{}: module `{stage}` is not in ORDER",
                relative.display()
            ));
            continue;
        };
        seen.insert(stage.clone());
        let code = code(&std::fs::read_to_string(&file).unwrap());
        for path in paths_after(&code, "crate::", 1) {
            let used = &path[0];
            match ORDER.iter().position(|known| known == used) {
                Some(used_rank) if used_rank < rank || *used == stage => {}
                Some(_) => wrong.push(format!(
                    "{}: `{stage}` uses `{used}`, a later stage",
                    relative.display()
                )),
                // Items re-exported at the crate root, `crate::Grammar`.
                None if used.starts_with(char::is_uppercase) => {}
                None => wrong.push(format!("{}: unknown module `{used}`", relative.display())),
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    // The list is the whole library: a new module must be placed in it.
    let listed: BTreeSet<String> = ORDER.iter().map(|name| name.to_string()).collect();
    assert_eq!(seen, listed);
}

/// The sibling files a file of a stage imports, by file stem (`token` for
/// `src/segment/token.rs`), and whether that makes a cycle.
#[test]
fn no_two_files_of_a_stage_import_each_other() {
    let src = root().join("src");
    // file (stage/stem) -> sibling stems it uses. `mod.rs` is left out: it declares
    // its children and they use what it defines, which is no cycle in the design.
    let mut uses: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in rust_files(&src) {
        let relative = file.strip_prefix(&src).unwrap();
        let parts: Vec<String> = relative
            .iter()
            .map(|part| part.to_string_lossy().into_owned())
            .collect();
        if parts.len() != 2 || parts[0] == "cli" || parts[1] == "mod.rs" {
            continue;
        }
        let (stage, stem) = (&parts[0], parts[1].trim_end_matches(".rs"));
        let code = code(&std::fs::read_to_string(&file).unwrap());
        let mut siblings = BTreeSet::new();
        for path in paths_after(&code, "super::", 1) {
            siblings.insert(path[0].clone());
        }
        for path in paths_after(&code, "crate::", 2) {
            if path.len() == 2 && &path[0] == stage {
                siblings.insert(path[1].clone());
            }
        }
        siblings.retain(|sibling| {
            sibling != stem && src.join(stage).join(format!("{sibling}.rs")).exists()
        });
        uses.insert(format!("{stage}/{stem}"), siblings);
    }
    let mut cycles = Vec::new();
    for (file, siblings) in &uses {
        let stage = file.split('/').next().unwrap();
        for sibling in siblings {
            let other = format!("{stage}/{sibling}");
            let stem = file.split('/').nth(1).unwrap();
            if uses.get(&other).is_some_and(|back| back.contains(stem)) && file < &other {
                cycles.push(format!("{file} <-> {other}"));
            }
        }
    }
    assert!(
        cycles.is_empty(),
        "files that import each other: {cycles:?}"
    );
}

#[test]
fn the_reader_finds_grouped_and_nested_paths() {
    let code = "use crate::link::{Digest, names::name_spans};\nuse crate::{grammar::Grammar, span::Span};\nlet x = crate::model::Kind::Direct;";
    let paths = paths_after(code, "crate::", 2);
    let want: BTreeSet<Vec<String>> = [
        ["link", "Digest"],
        ["link", "names"],
        ["grammar", "Grammar"],
        ["span", "Span"],
        ["model", "Kind"],
    ]
    .iter()
    .map(|path| path.iter().map(|part| part.to_string()).collect())
    .collect();
    assert_eq!(paths, want);
    assert_eq!(
        paths_after("fn f() { self::crate::x }", "crate::", 1),
        BTreeSet::new(),
        "a path that only ends in `crate::` is not one"
    );
}
