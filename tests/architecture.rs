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
/// its test-only items (`#[cfg(test)]` modules may build what they test from any
/// stage; inline, their `super` is not the file's).
fn code(source: &str) -> String {
    let without_comments: Vec<&str> = source
        .lines()
        .map(|line| match line.find("//") {
            // A `//` inside a string ("https://…") cuts nothing that names a module.
            Some(comment) => &line[..comment],
            None => line,
        })
        .collect();
    let mut kept = Vec::new();
    let mut lines = without_comments.into_iter();
    while let Some(line) = lines.next() {
        if line.trim() != "#[cfg(test)]" {
            kept.push(line);
            continue;
        }
        // Skip the item: a declaration ends at its `;`, a body at its closing brace.
        let mut depth = 0i64;
        for item_line in lines.by_ref() {
            depth += item_line.matches('{').count() as i64;
            depth -= item_line.matches('}').count() as i64;
            if depth <= 0 && (item_line.contains('}') || item_line.trim_end().ends_with(';')) {
                break;
            }
        }
    }
    kept.join("\n")
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

/// The module path of a file of `src/`: `["grammar", "lexicon", "cues"]` for
/// `src/grammar/lexicon/cues.rs`, `["grammar", "lexicon"]` for its `mod.rs`, `[]`
/// for `lib.rs`.
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let mut parts: Vec<String> = file
        .strip_prefix(src)
        .unwrap()
        .iter()
        .map(|part| part.to_string_lossy().into_owned())
        .collect();
    let last = parts.pop().unwrap();
    let stem = last.trim_end_matches(".rs");
    if !["mod", "lib"].contains(&stem) {
        parts.push(stem.to_string());
    }
    parts
}

/// Whether `module` (a path from the crate root) is a module of `src/`.
fn is_module(src: &Path, module: &[String]) -> bool {
    let path: PathBuf = module.iter().collect();
    src.join(&path).with_extension("rs").exists() || src.join(&path).join("mod.rs").exists()
}

/// What the library's files say of each other, read once.
struct Library {
    src: PathBuf,
    /// Each file's module path and its code.
    files: Vec<(PathBuf, Vec<String>, String)>,
    /// `pub use` re-exports: (module, name) -> the path of what it names, so that
    /// `crate::Grammar` counts as `grammar` and `grammar::CueFlags` as
    /// `grammar::lexicon`.
    reexports: BTreeMap<(Vec<String>, String), Vec<String>>,
}

impl Library {
    fn read() -> Library {
        let src = root().join("src");
        let mut files = Vec::new();
        let mut reexports = BTreeMap::new();
        for file in rust_files(&src) {
            let module = module_of(&src, &file);
            if module.first().is_some_and(|first| first == "cli") || file.ends_with("main.rs") {
                continue;
            }
            let code = code(&std::fs::read_to_string(&file).unwrap());
            for path in paths_after(&code, "pub use ", 8) {
                let (Some(name), Some(first)) = (path.last(), path.first()) else {
                    continue;
                };
                // A re-export names a child module's item (`lexicon::cues::CueFlags`)
                // or, with `crate::`, any module's.
                let target: Vec<String> = if first == "crate" {
                    path[1..].to_vec()
                } else {
                    module.iter().chain(&path).cloned().collect()
                };
                reexports.insert((module.clone(), name.clone()), target);
            }
            files.push((file, module, code));
        }
        Library {
            src,
            files,
            reexports,
        }
    }

    /// Every module path a file of module `module` uses, from the crate root:
    /// `crate::…` paths, and `super::…` paths climbed from `module`.
    fn uses(&self, module: &[String], code: &str) -> BTreeSet<Vec<String>> {
        let mut used = BTreeSet::new();
        for path in paths_after(code, "crate::", 8) {
            used.insert(self.resolve(path));
        }
        for path in paths_after(code, "super::", 8) {
            let climbs = 1 + path.iter().take_while(|part| *part == "super").count();
            let Some(base) = module.len().checked_sub(climbs) else {
                continue;
            };
            let rest = path.iter().skip_while(|part| *part == "super");
            let absolute: Vec<String> = module[..base].iter().chain(rest).cloned().collect();
            used.insert(self.resolve(absolute));
        }
        used
    }

    /// `path` with re-exports followed to where the item lives (as far as they go).
    fn resolve(&self, mut path: Vec<String>) -> Vec<String> {
        for _ in 0..8 {
            let Some(found) = (1..=path.len()).find_map(|end| {
                let key = (path[..end - 1].to_vec(), path[end - 1].clone());
                self.reexports.get(&key).map(|target| (end, target))
            }) else {
                break;
            };
            let (end, target) = found;
            if target[..] == path[..end] {
                break;
            }
            path = target.iter().chain(&path[end..]).cloned().collect();
        }
        path
    }
}

#[test]
fn every_stage_imports_only_the_stages_before_it() {
    let library = Library::read();
    let mut wrong = Vec::new();
    let mut seen = BTreeSet::new();
    for (file, module, code) in &library.files {
        let Some(stage) = module.first() else {
            continue; // lib.rs: the crate root declares every stage.
        };
        let shown = file.strip_prefix(&library.src).unwrap().display();
        let Some(rank) = ORDER.iter().position(|known| known == stage) else {
            wrong.push(format!("{shown}: module `{stage}` is not in ORDER"));
            continue;
        };
        seen.insert(stage.clone());
        for path in library.uses(module, code) {
            let Some(used) = path.first() else { continue };
            match ORDER.iter().position(|known| known == used) {
                Some(used_rank) if used_rank <= rank => {}
                Some(_) => wrong.push(format!("{shown}: `{stage}` uses `{used}`, a later stage")),
                None => wrong.push(format!("{shown}: unknown module `{}`", path.join("::"))),
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    // The list is the whole library: a new module must be placed in it.
    let listed: BTreeSet<String> = ORDER.iter().map(|name| name.to_string()).collect();
    assert_eq!(seen, listed);
}

/// Within every folder of `src/`, the files and sub-folders (with all they hold)
/// that use one another: none may be used by what it uses, however far round. A
/// folder's `mod.rs` is left out: it declares its children and they use what it
/// defines, which is no cycle in the design.
#[test]
fn no_two_parts_of_a_module_import_each_other() {
    let library = Library::read();
    // (folder, child) -> the children of the same folder it uses.
    let mut edges: BTreeMap<(Vec<String>, String), BTreeSet<String>> = BTreeMap::new();
    for (_, module, code) in &library.files {
        for target in library.uses(module, code) {
            let common = module
                .iter()
                .zip(&target)
                .take_while(|(a, b)| a == b)
                .count();
            if common >= module.len() || common >= target.len() {
                continue; // a module using its own children or itself
            }
            let folder = module[..common].to_vec();
            if folder.is_empty() {
                continue; // between stages: the other test's business
            }
            let used = target[..=common].to_vec();
            if is_module(&library.src, &used) {
                edges
                    .entry((folder, module[common].clone()))
                    .or_default()
                    .insert(target[common].clone());
            }
        }
    }
    let mut cycles = Vec::new();
    for (folder, child) in edges.keys() {
        // Depth-first from `child`: does it reach itself?
        let mut pending: Vec<&String> = edges[&(folder.clone(), child.clone())].iter().collect();
        let mut visited = BTreeSet::new();
        while let Some(next) = pending.pop() {
            if next == child {
                cycles.push(format!("{}: {child}", folder.join("/")));
                break;
            }
            if visited.insert(next.clone())
                && let Some(more) = edges.get(&(folder.clone(), next.clone()))
            {
                pending.extend(more);
            }
        }
    }
    assert!(
        cycles.is_empty(),
        "parts of a module that use each other (folder: part in a cycle): {cycles:?}"
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
