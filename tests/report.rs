//! `report`, `compare` and `show`: the committed seed reports, the HTML page in a
//! real browser, comparisons from split JSONL, and colours.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::{claimtrace, claimtrace_stdin, root, stderr, stdout};

/// The one command that regenerates the committed reports.
const REGENERATE: &str = "cargo run --release -- report seeds --out reports";

/// Writes the seed report to a fresh folder and returns it.
fn seed_report() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let output = claimtrace(&["report", "seeds", "--out", dir.path().to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    dir
}

#[test]
fn committed_seed_reports_are_up_to_date() {
    let fresh = seed_report();
    for name in ["report.md", "report.html"] {
        let committed = std::fs::read(root().join("reports").join(name)).unwrap_or_default();
        let regenerated = std::fs::read(fresh.path().join(name)).unwrap();
        assert!(
            committed == regenerated,
            "reports/{name} is stale (the seeds or the extraction changed); regenerate it with:\n    {REGENERATE}"
        );
    }
}

#[test]
fn report_is_deterministic_self_contained_and_written_atomically() {
    let first = seed_report();
    let second = seed_report();
    for name in ["report.md", "report.html"] {
        assert_eq!(
            std::fs::read(first.path().join(name)).unwrap(),
            std::fs::read(second.path().join(name)).unwrap(),
            "{name} differs between two runs"
        );
    }
    let leftovers: Vec<_> = std::fs::read_dir(first.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name())
        .collect();
    assert_eq!(leftovers.len(), 2, "temporary files left: {leftovers:?}");

    let html = std::fs::read_to_string(first.path().join("report.html")).unwrap();
    assert!(!html.contains("<script"), "the page must not run script");
    assert!(!html.contains("<link") && !html.contains(" src="));
    let outside = html.replace("http://www.w3.org/2000/svg", "");
    assert!(!outside.contains("http://") && !outside.contains("https://"));
    assert!(html.contains("Content-Security-Policy"));
    for needle in [
        "Claims by type of source",
        "Claims on anonymous sources",
        "Hedged claims",
        "To follow up",
        "class=\"hl-cue\"",
        "hl-source s-anonymous",
        "<sup class=\"marker-tag\">hedge</sup>",
    ] {
        assert!(html.contains(needle), "missing {needle}");
    }
    let markdown = std::fs::read_to_string(first.path().join("report.md")).unwrap();
    assert!(
        markdown.contains("| seeds/000_6e7a248ef508e0f5.txt") || markdown.contains("[seeds/000")
    );
    assert!(markdown.contains("### To follow up"));
}

#[test]
fn report_escapes_the_text() {
    let dir = tempfile::tempdir().unwrap();
    let story = dir.path().join("a<b>.txt");
    std::fs::write(
        &story,
        "T\n\n<script>alert(1)</script> & prices rose, the ministry said.\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    let output = claimtrace(&[
        "report",
        story.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert!(!html.contains("<script>"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; "));
    assert!(html.contains("a&lt;b&gt;.txt"));
}

/// Chromium on this machine: `$CHROMIUM`, else `chromium` or `chromium-browser` on
/// the PATH.
fn find_chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("CHROMIUM") {
        return Some(PathBuf::from(path));
    }
    let dirs = std::env::var_os("PATH")?;
    std::env::split_paths(&dirs)
        .flat_map(|dir| ["chromium", "chromium-browser"].map(|name| dir.join(name)))
        .find(|path| path.is_file())
}

/// What headless Chromium made of a page: the DOM after load and the console
/// messages it logged.
struct Rendered {
    dom: String,
    console: Vec<String>,
}

/// Loads `page` in headless Chromium with a fresh profile and no network services.
fn render_in_chromium(chromium: &Path, page: &Path) -> Rendered {
    let profile = tempfile::tempdir().unwrap();
    let mut child = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--enable-logging=stderr",
            "--v=0",
            "--dump-dom",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("chromium starts");
    // Read both pipes while waiting, so a full pipe cannot stall chromium.
    let stdout = child.stdout.take().expect("stdout");
    let stderr = child.stderr.take().expect("stderr");
    let dom = std::thread::spawn(move || read_all(stdout));
    let log = std::thread::spawn(move || read_all(stderr));
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            panic!("chromium did not finish within 120 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    // Chromium logs a page's console messages as `…:CONSOLE:<line>] "message"`;
    // its own noise (D-Bus, GPU) has other tags.
    let console = log
        .join()
        .unwrap()
        .lines()
        .filter(|line| line.contains(":CONSOLE"))
        .map(str::to_string)
        .collect();
    Rendered {
        dom: dom.join().unwrap(),
        console,
    }
}

/// Everything a pipe gives, as text.
fn read_all(mut pipe: impl std::io::Read) -> String {
    let mut bytes = Vec::new();
    let _ = pipe.read_to_end(&mut bytes);
    String::from_utf8_lossy(&bytes).into_owned()
}

/// The number of `<rect class="bar …">` in each `<svg class="chart" id="…">`.
fn bars_per_chart(dom: &str) -> Vec<(String, usize)> {
    dom.split("<svg class=\"chart\" id=\"")
        .skip(1)
        .map(|chart| {
            let id = chart.split('"').next().unwrap_or_default().to_string();
            let body = chart.split("</svg>").next().unwrap_or_default();
            (id, body.matches("<rect class=\"bar").count())
        })
        .collect()
}

#[test]
fn report_renders_in_chromium_without_console_errors() {
    let Some(chromium) = find_chromium() else {
        eprintln!(
            "skipping report_renders_in_chromium_without_console_errors: chromium not found \
             (apt-get install chromium; .ci/run installs it)"
        );
        return;
    };
    // The check itself must see errors: a page loading an image breaks its CSP.
    let scratch = tempfile::tempdir().unwrap();
    let broken = scratch.path().join("broken.html");
    std::fs::write(
        &broken,
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta http-equiv=\"Content-Security-Policy\" \
         content=\"default-src 'none'\"><title>x</title></head><body><img src=\"x.png\" alt=\"\"></body></html>",
    )
    .unwrap();
    let control = render_in_chromium(&chromium, &broken);
    assert!(
        !control.console.is_empty(),
        "chromium logged no console message for a page that breaks its CSP: the check cannot see errors"
    );

    let report = seed_report();
    let rendered = render_in_chromium(&chromium, &report.path().join("report.html"));
    assert!(
        rendered.console.is_empty(),
        "console messages:\n{}",
        rendered.console.join("\n")
    );
    assert!(rendered.dom.contains("Sourcing report"), "{}", rendered.dom);
    let charts = bars_per_chart(&rendered.dom);
    let ids: Vec<&str> = charts.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids, ["chart-types", "chart-anonymous", "chart-hedged"]);
    for (id, bars) in &charts {
        assert!(*bars > 0, "chart {id} has no bars");
    }
}

/// `compare --format json` output.
fn compare_json(args: &[&str]) -> serde_json::Value {
    let mut all = vec!["compare", "--format", "json"];
    all.extend(args);
    let output = claimtrace(&all);
    assert!(output.status.success(), "{}", stderr(&output));
    serde_json::from_str(&stdout(&output)).unwrap()
}

#[test]
fn compare_from_split_jsonl_equals_the_whole() {
    let output = claimtrace(&["extract", "--format", "jsonl", "seeds"]);
    assert!(output.status.success());
    let lines: Vec<&str> = std::str::from_utf8(&output.stdout)
        .unwrap()
        .lines()
        .collect();
    assert!(lines.len() > 10);
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, lines: &[&str]| {
        let path = dir.path().join(name);
        std::fs::write(&path, lines.join("\n") + "\n").unwrap();
        path.to_str().unwrap().to_string()
    };
    let whole = write("whole.jsonl", &lines);
    // Cut inside the first document, so its statistics come from two files.
    let cut = 7;
    let head = write("head.jsonl", &lines[..cut]);
    let tail = write("tail.jsonl", &lines[cut..]);
    let from_whole = compare_json(&["--from-jsonl", &whole]);
    assert_eq!(from_whole, compare_json(&["--from-jsonl", &head, &tail]));
    assert_eq!(from_whole, compare_json(&["--from-jsonl", &tail, &head]));
    assert_eq!(from_whole, compare_json(&["seeds"]));
    for format in ["table", "md", "csv"] {
        let split = claimtrace(&["compare", "--format", format, "--from-jsonl", &tail, &head]);
        let texts = claimtrace(&["compare", "--format", format, "seeds"]);
        assert_eq!(stdout(&split), stdout(&texts), "{format}");
    }

    let bad = write("bad.jsonl", &[lines[0], "{\"doc\": 1}"]);
    let output = claimtrace(&["compare", "--from-jsonl", &bad]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("bad.jsonl:2: not a claimtrace record"));
}

#[test]
fn compare_formats_sorts_and_shared_sources() {
    let json = compare_json(&["--sort", "anonymous", "seeds"]);
    assert_eq!(json["by"], "document");
    assert_eq!(json["columns"][0]["name"], "seeds/000_6e7a248ef508e0f5.txt");
    assert!(json["all"]["claims"].as_u64().unwrap() > 20);
    assert!(json["shared_sources"].is_array());
    let json = compare_json(&[
        "--sort",
        "name",
        "seeds/004_e5164a35b1741c54.txt",
        "seeds/000_6e7a248ef508e0f5.txt",
    ]);
    assert_eq!(json["columns"][0]["name"], "seeds/000_6e7a248ef508e0f5.txt");

    let markdown = stdout(&claimtrace(&["compare", "--format", "md", "seeds"]));
    assert!(
        markdown
            .starts_with("|  | 000_6e7a248ef508e0f5.txt | 004_e5164a35b1741c54.txt | all |\n|---|")
    );
    assert!(
        markdown.contains("| claims on anonymous sources | 8 (53%) |"),
        "{markdown}"
    );
    assert!(markdown.contains("## Sources cited by more than one document"));

    let csv = stdout(&claimtrace(&[
        "compare", "--format", "csv", "--sort", "claims", "seeds",
    ]));
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(rows.len(), 4, "{csv}");
    assert!(rows[0].starts_with("name,claims,attributed,"));
    assert!(
        rows[1].starts_with("seeds/000_6e7a248ef508e0f5.txt,24,"),
        "{csv}"
    );
    assert!(rows[3].starts_with("all,"));
    let width = rows[0].split(',').count();
    assert!(rows.iter().all(|row| row.split(',').count() == width));

    let table = stdout(&claimtrace(&["compare", "seeds"]));
    assert!(table.contains("Sources cited by more than one document"));
}

#[test]
fn compare_by_publisher_groups_documents_and_finds_shared_sources() {
    let corpus = [
        r#"{"id": "a", "text": "Prices rose, the ministry said. Foreign Policy reported that spies died.", "publisher": "Daily"}"#,
        r#"{"id": "b", "text": "Costs fell, officials said. Foreign Policy reported that the plan failed.", "publisher": "Daily"}"#,
        r#"{"id": "c", "text": "Taxes rose, Foreign Policy reported.", "publisher": "Weekly"}"#,
        r#"{"id": "d", "text": "Rain fell all day."}"#,
    ]
    .join("\n");
    let output = claimtrace_stdin(
        &[
            "--input-format",
            "jsonl",
            "compare",
            "--format",
            "json",
            "--by",
            "publisher",
            "-",
        ],
        corpus.as_bytes(),
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let names: Vec<&str> = json["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|column| column["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["(no publisher)", "Daily", "Weekly"]);
    assert_eq!(json["columns"][1]["stats"]["claims"], 4);
    assert_eq!(json["shared_sources"][0]["name"], "Foreign Policy");
    assert_eq!(
        json["shared_sources"][0]["cited_in"],
        serde_json::json!(["Daily", "Weekly"])
    );

    let output = claimtrace(&["compare", "--by", "publisher", "seeds"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("no document carries a publisher"));
}

#[test]
fn show_colours_follow_the_flag_and_no_color() {
    let story = b"T\n\nPrices reportedly rose, the ministry said.\n";
    let plain = claimtrace_stdin(&["show", "--color", "never", "-"], story);
    assert!(plain.status.success(), "{}", stderr(&plain));
    let plain = stdout(&plain);
    assert!(!plain.contains('\x1b'));
    assert!(
        plain.contains("(1){Prices reportedly⟦hedge⟧ rose}, [the ministry] <said>."),
        "{plain}"
    );

    let coloured = stdout(&claimtrace_stdin(
        &["show", "--color", "always", "-"],
        story,
    ));
    assert!(
        coloured.contains("\x1b[1;36mthe ministry\x1b[0m"),
        "{coloured:?}"
    );

    // Auto: stdout is a pipe here, so no colour; NO_COLOR does not beat an explicit flag.
    let auto = stdout(&claimtrace_stdin(&["show", "-"], story));
    assert!(!auto.contains('\x1b'));
    let output = Command::new(env!("CARGO_BIN_EXE_claimtrace"))
        .args([
            "show",
            "--color",
            "always",
            "seeds/004_e5164a35b1741c54.txt",
        ])
        .current_dir(root())
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains('\x1b'));
}
