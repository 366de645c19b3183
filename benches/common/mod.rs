//! What the benchmarks share: the dev texts they are timed on.

use std::path::{Path, PathBuf};

/// `../shared/corpus/polnear/dev.jsonl` beside the repository, or the file named by
/// `CLAIMTRACE_BENCH_DEV`.
pub fn dev_path() -> PathBuf {
    std::env::var_os("CLAIMTRACE_BENCH_DEV").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/polnear/dev.jsonl"),
        PathBuf::from,
    )
}

/// The `text` field of each line of the dev file, or `None` (said on stderr) when
/// it cannot be read.
pub fn dev_texts() -> Option<Vec<String>> {
    let path = dev_path();
    let raw = match std::fs::read_to_string(&path) {
        Ok(raw) => raw,
        Err(error) => {
            eprintln!(
                "skipping the dev benchmarks: cannot read {}: {error}",
                path.display()
            );
            return None;
        }
    };
    let texts = raw
        .lines()
        .filter(|line| !line.trim().is_empty())
        .filter_map(|line| {
            let value: serde_json::Value = serde_json::from_str(line).ok()?;
            value.get("text")?.as_str().map(str::to_owned)
        })
        .collect();
    Some(texts)
}
