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

/// The number of `<rect class="bar …">` in each `<svg class="chart …" id="…">`.
fn bars_per_chart(dom: &str) -> Vec<(String, usize)> {
    dom.split("<svg class=\"chart ")
        .skip(1)
        .map(|chart| chart.split_once(" id=\"").map_or("", |(_, rest)| rest))
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
    assert_eq!(
        ids,
        [
            "chart-types",
            "chart-types-narrow",
            "chart-anonymous",
            "chart-anonymous-narrow",
            "chart-hedged",
            "chart-hedged-narrow"
        ]
    );
    for (id, bars) in &charts {
        assert!(*bars > 0, "chart {id} has no bars");
    }

    // On a phone and on a desktop: nothing wider than the screen, chart text
    // at least 10 px (it was 5 px on a phone, the page 968 px wide, issue #21).
    // A paged report too: its overview (distributions and publishers) and a
    // document's page.
    let paged = tempfile::tempdir().unwrap();
    let corpus = paged.path().join("corpus.jsonl");
    std::fs::write(&corpus, many_documents(45)).unwrap();
    let out = paged.path().join("report");
    let output = claimtrace(&[
        "report",
        corpus.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    for page in [
        report.path().join("report.html"),
        out.join("report.html"),
        out.join("docs/doc-1.html"),
    ] {
        for width in [420, 1280] {
            let layout = layout_in_chromium(&chromium, &page, width);
            assert_eq!(layout.viewport, width, "{}: {layout:?}", page.display());
            assert!(
                layout.page_width <= layout.client_width,
                "{} at {width} px is {} px wide: {layout:?}",
                page.display(),
                layout.page_width
            );
            if !page.ends_with("doc-1.html") {
                assert!(
                    layout.smallest_chart_text >= 10.0,
                    "{} at {width} px: chart text {} px",
                    page.display(),
                    layout.smallest_chart_text
                );
            }
        }
    }
}

/// How a page lays out in a browser window of a given width.
#[derive(Debug)]
struct Layout {
    /// The window's width, as the page sees it.
    viewport: usize,
    /// The width the page's content needs, and the width it has (less the
    /// scrollbar).
    page_width: usize,
    client_width: usize,
    /// The smallest text drawn in a shown chart, in CSS pixels once scaled.
    smallest_chart_text: f64,
}

/// Lays `page` out in headless Chromium at `width` CSS pixels. The page forbids
/// script, so a copy without its Content-Security-Policy gets a probe that
/// measures it; the copy is shown in a frame of that width, as a headless window
/// is at least 500 pixels wide, and the probe reports to the frame's parent.
fn layout_in_chromium(chromium: &Path, page: &Path, width: usize) -> Layout {
    const PROBE: &str = r#"<script>
addEventListener('load', () => {
  let smallest = 1e9;
  for (const svg of document.querySelectorAll('svg.chart')) {
    const box = svg.getBoundingClientRect();
    if (box.width === 0) continue;
    const scale = box.width / svg.viewBox.baseVal.width;
    for (const text of svg.querySelectorAll('text')) {
      smallest = Math.min(smallest, parseFloat(getComputedStyle(text).fontSize) * scale);
    }
  }
  const root = document.documentElement;
  parent.postMessage([innerWidth, root.scrollWidth, root.clientWidth, smallest].join(' '), '*');
});
</script>"#;
    let html = std::fs::read_to_string(page).unwrap();
    let csp_start = html
        .find("<meta http-equiv=\"Content-Security-Policy\"")
        .unwrap();
    let csp_end = csp_start + html[csp_start..].find('>').unwrap() + 1;
    let probed = format!("{}{}", &html[..csp_start], &html[csp_end..])
        .replace("</body>", &format!("{PROBE}</body>"));
    // Beside the page, so that its links and the report's relative paths hold.
    let copy = page.with_file_name(".probe.html");
    std::fs::write(&copy, probed).unwrap();
    let frame = page.with_file_name(".frame.html");
    std::fs::write(
        &frame,
        format!(
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>frame</title></head><body>\
             <iframe src=\".probe.html\" width=\"{width}\" height=\"900\" style=\"border:0\"></iframe>\
             <script>addEventListener('message', (e) => document.body.setAttribute('data-layout', e.data));</script>\
             </body></html>"
        ),
    )
    .unwrap();
    let profile = tempfile::tempdir().unwrap();
    let output = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--virtual-time-budget=10000",
            "--dump-dom",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("file://{}", frame.display()))
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .expect("chromium runs");
    let _ = std::fs::remove_file(&copy);
    let _ = std::fs::remove_file(&frame);
    let dom = String::from_utf8_lossy(&output.stdout);
    let measured = dom
        .split("data-layout=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_else(|| panic!("no layout measured for {}:\n{dom}", page.display()));
    let numbers: Vec<f64> = measured.split(' ').map(|n| n.parse().unwrap()).collect();
    Layout {
        viewport: numbers[0] as usize,
        page_width: numbers[1] as usize,
        client_width: numbers[2] as usize,
        smallest_chart_text: numbers[3],
    }
}

/// A JSONL corpus of `n` documents from two publishers: document `i` has `i % 4`
/// claims with no source and `i % 3` on anonymous sources, besides one on a
/// named source.
fn many_documents(n: usize) -> String {
    (0..n)
        .map(|i| {
            let mut text =
                String::from("Budget news\n\nThe council approved the budget, Mayor Ann Lee said.");
            for k in 0..i % 4 {
                text.push_str(&format!(" The roads were repaired in {}.", 2000 + k));
            }
            for k in 0..i % 3 {
                text.push_str(&format!(" Taxes will rise by {k} percent, officials said."));
            }
            let publisher = if i % 2 == 0 { "Daily" } else { "Weekly" };
            serde_json::json!({"id": format!("story-{i:04}"), "text": text, "publisher": publisher})
                .to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The `href`s of the document table of a report page, in order.
fn listed(html: &str) -> Vec<String> {
    let table = html
        .split("<table class=\"overview\">")
        .nth(1)
        .unwrap_or_default();
    let table = table.split("</table>").next().unwrap_or_default();
    table
        .split("<td data-label=\"document\"><a href=\"")
        .skip(1)
        .map(|cell| cell.split('"').next().unwrap_or_default().to_string())
        .collect()
}

/// Writes a report of `corpus` to `out`; returns its stdout.
fn write_report(corpus: &Path, out: &Path) -> String {
    let output = claimtrace(&[
        "report",
        corpus.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    stdout(&output)
}

/// Issue #21: a report over 11,353 documents was one 324 MB page. Past 20
/// documents it is an overview and a page per document; the documents are listed
/// by what needs attention first; pages an earlier, larger report left are
/// removed, and nothing else is.
#[test]
fn a_large_report_is_an_overview_and_a_page_per_document() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    let out = dir.path().join("report");

    std::fs::write(&corpus, many_documents(25)).unwrap();
    let said = write_report(&corpus, &out);
    assert!(said.contains("(25 documents, a page each in "), "{said}");
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    let markdown = std::fs::read_to_string(out.join("report.md")).unwrap();
    // Most claims with no source or an anonymous one first: i % 4 + i % 3 is 5
    // for i = 11 and 23, 4 for 2, 7, 14 and 19, 3 for 3, 5, 10 …; ties in input
    // order. Document i is doc-(i + 1).
    let order = listed(&html);
    assert_eq!(order.len(), 25);
    assert_eq!(
        order[..8],
        [
            "docs/doc-12.html",
            "docs/doc-24.html",
            "docs/doc-3.html",
            "docs/doc-8.html",
            "docs/doc-15.html",
            "docs/doc-20.html",
            "docs/doc-4.html",
            "docs/doc-6.html"
        ]
    );
    assert!(
        markdown.contains("| [story-0011](docs/doc-12.md) | "),
        "{markdown}"
    );
    assert!(
        !html.contains("<nav><ol>"),
        "no list of sections on an overview"
    );
    assert!(!html.contains("<section class=\"doc\""));
    for n in 1..=25 {
        for extension in ["html", "md"] {
            let page =
                std::fs::read_to_string(out.join(format!("docs/doc-{n}.{extension}"))).unwrap();
            assert!(
                page.contains(&format!("story-{:04}", n - 1)),
                "doc-{n}.{extension}"
            );
            assert!(
                page.contains(&format!("../report.{extension}")),
                "doc-{n}.{extension} links back"
            );
        }
    }
    let page = std::fs::read_to_string(out.join("docs/doc-12.html")).unwrap();
    assert!(
        page.contains("<title>story-0011: sourcing report</title>"),
        "{page}"
    );
    assert!(
        page.contains("id=\"doc-12-c1\""),
        "claims keep their anchors"
    );

    // A smaller report in the same folder: one page again; the pages it did
    // not write are gone, a file someone put there is not.
    std::fs::write(out.join("docs/notes.txt"), "mine").unwrap();
    std::fs::write(&corpus, many_documents(3)).unwrap();
    let said = write_report(&corpus, &out);
    assert!(said.ends_with("(3 documents)\n"), "{said}");
    let left: Vec<String> = std::fs::read_dir(out.join("docs"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left, ["notes.txt"]);
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert_eq!(listed(&html), ["#doc-3", "#doc-2", "#doc-1"]);
    assert!(html.contains("<section class=\"doc\" id=\"doc-1\">"));
}

/// Past 40 documents the charts show distributions and publishers; past 1,000
/// the list goes on in pages of 1,000; no file grows with the corpus.
#[test]
fn a_very_large_report_lists_documents_in_pages_and_charts_distributions() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    let out = dir.path().join("report");
    std::fs::write(&corpus, many_documents(2100)).unwrap();
    write_report(&corpus, &out);
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert_eq!(listed(&html).len(), 1000);
    assert!(html.contains("All documents: <strong>1–1000</strong> <a href=\"docs/list-2.html\">1001–2000</a> <a href=\"docs/list-3.html\">2001–2100</a>"), "{html}");
    let second = std::fs::read_to_string(out.join("docs/list-2.html")).unwrap();
    let rows = listed(&second);
    assert_eq!(rows.len(), 1000);
    assert!(
        rows.iter().all(|href| href.starts_with("../docs/doc-")),
        "{:?}",
        &rows[..3]
    );
    let third = std::fs::read_to_string(out.join("docs/list-3.html")).unwrap();
    assert_eq!(listed(&third).len(), 100);
    assert!(out.join("docs/list-3.md").exists());
    // Every document once across the pages.
    let mut all: Vec<String> = [html.as_str(), &second, &third]
        .iter()
        .flat_map(|page| listed(page))
        .map(|href| href.trim_start_matches("../").to_string())
        .collect();
    all.sort();
    all.dedup();
    assert_eq!(all.len(), 2100);

    for (caption, bars) in [
        ("Claims by type of source <span>(share of each publisher", 3),
        (
            "Documents by their share of claims on anonymous sources",
            10,
        ),
        ("Documents by their share of hedged claims", 10),
    ] {
        let figure = html
            .split(caption)
            .nth(1)
            .unwrap_or_else(|| panic!("no {caption}"));
        let chart = figure.split("</svg>").next().unwrap();
        assert_eq!(
            chart.matches("<g class=\"row\">").count(),
            bars,
            "{caption}"
        );
    }
    assert!(
        html.contains(">Daily</text>")
            && html.contains(">Weekly</text>")
            && html.contains(">all 2100 documents</text>")
    );
    // Two thirds of the documents cite officials: a third of their attributed
    // claims (1 of 2) or two thirds (2 of 3) are anonymous.
    let anonymous = html
        .split("Documents by their share of claims on anonymous sources")
        .nth(1)
        .unwrap();
    assert!(
        anonymous.contains("<title>700 documents</title>"),
        "{anonymous}"
    );

    let largest = walk_sizes(&out).into_iter().max().unwrap();
    assert!(largest < 1_000_000, "a file of {largest} bytes");
}

/// The sizes of every file under `dir`.
fn walk_sizes(dir: &Path) -> Vec<u64> {
    std::fs::read_dir(dir)
        .unwrap()
        .flat_map(|entry| {
            let entry = entry.unwrap();
            if entry.file_type().unwrap().is_dir() {
                walk_sizes(&entry.path())
            } else {
                vec![entry.metadata().unwrap().len()]
            }
        })
        .collect()
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
