//! HTML as newsrooms publish it (issue #21, items 1–3): pages written here in the
//! shapes of four CMSs (tests/data/pages/; no real article's text). The article is
//! read by what the page says of itself, boilerplate stays out, every character
//! reference is decoded, no padding reaches a text, offsets and positions point
//! into the HTML, and the page's metadata become the document's.

use serde_json::Value;

use crate::support::{claimtrace, jsonl, stderr, stdout};

/// A page, its metadata, (source, start of claim) pairs it must yield, and words of
/// its boilerplate (ads, comments, related boxes, newsletter prompts, menus) that
/// no record may hold.
struct Page {
    file: &'static str,
    meta: &'static str,
    found: &'static [(&'static str, &'static str)],
    left_out: &'static [&'static str],
}

const PAGES: &[Page] = &[
    Page {
        file: "tests/data/pages/wordpress.html",
        meta: r#"{"publisher": "The Riverton Courier", "url": "https://courier.example/2024/03/bridge-repairs/", "date": "2024-03-04T08:15:00+00:00", "title": "Riverton bridge repairs to cost £4m", "author": "Mara Quill"}"#,
        found: &[
            (
                "the council’s engineers",
                "Repairs to the Old Mill bridge will cost £4m",
            ),
            ("Françoise Delmas", "“We have no choice but to shut it,”"),
            ("a report", "The bridge carries about 9,000 cars a day"),
        ],
        left_out: &[
            "Sponsored",
            "Experts",
            "Gideon",
            "neighbour",
            "Ferry",
            "newsletter",
            "Share",
        ],
    },
    Page {
        file: "tests/data/pages/arc.html",
        meta: r#"{"publisher": "The Harbor Ledger", "url": "https://ledger.example/local/2024/05/02/tolls-downtown/", "date": "2024-05-02T14:03:11.512Z", "title": "Harbor city weighs tolls on downtown streets", "author": "Theo Marsh, Ida Fenn"}"#,
        found: &[
            (
                "council member Renata Solís",
                "“Nobody wants to pay to drive to work,” … “But nobody",
            ),
            (
                "a letter sent to the council",
                "Business groups oppose the plan",
            ),
        ],
        left_out: &[
            "dealers",
            "Bus fares",
            "Readers",
            "Bill Hart",
            "menu",
            "Advertisement",
        ],
    },
    Page {
        file: "tests/data/pages/guardian_like.html",
        meta: r#"{"publisher": "The Northern Chronicle", "url": "https://chronicle.example/environment/2024/jun/11/wetlands-birds", "date": "2024-06-11T05:00:12.000Z", "title": "Wetlands scheme doubles bird numbers, survey finds", "author": "Nell Okoro"}"#,
        found: &[
            ("a survey", "The number of wading birds"),
            (
                "the trust’s director",
                "‘It is the best news we’ve had in a decade,’",
            ),
            (
                "figures from the regional authority",
                "The scheme cost €2.5m",
            ),
        ],
        left_out: &[
            "Otters",
            "solar",
            "Sponsored",
            "editors",
            "Storms",
            "Lou Brandt",
            "standfirst",
        ],
    },
    Page {
        file: "tests/data/pages/bbc_like.html",
        meta: r#"{"publisher": "County News", "url": "https://county.example/news/education-68123456", "date": "2024-09-18T06:02:44.000Z", "title": "School meals to be free for all pupils", "author": "County News"}"#,
        found: &[
            (
                "the education authority",
                "Every primary pupil in the county",
            ),
            (
                "the authority’s own figures",
                "The scheme will cost £12m a year",
            ),
            (
                "head teacher Chérie Nwosu",
                "\"Hungry children cannot learn,\"",
            ),
            (
                "Opposition councillors",
                "the money should go to repairs instead",
            ),
        ],
        left_out: &["Teachers", "uniforms", "cream", "Floods", "Jon Ashby"],
    },
];

/// The texts of a JSON record a person reads.
fn texts(record: &Value) -> Vec<String> {
    let mut texts = vec![record["claim"]["text"].as_str().unwrap_or("").to_string()];
    for key in ["cue", "source"] {
        if let Some(text) = record[key]["text"].as_str() {
            texts.push(text.to_string());
        }
    }
    texts.extend(
        record["markers"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|m| m["text"].as_str().map(str::to_string)),
    );
    texts
}

/// The HTML of `start..end` as a person reads it: tags out, references decoded,
/// whitespace folded (independently of claimtrace: a tag is `<` to `>`).
fn as_read(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    let decoded = htmlize::unescape(text.as_str()).replace('\u{a0}', " ");
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn pages_of_four_cms_shapes_are_read_as_people_read_them() {
    for page in PAGES {
        let output = claimtrace(&["extract", "--format", "jsonl", page.file]);
        assert!(output.status.success(), "{}", stderr(&output));
        let records = jsonl(&output);
        let html = std::fs::read_to_string(crate::support::root().join(page.file)).unwrap();
        let want_meta: Value = serde_json::from_str(page.meta).unwrap();
        for record in &records {
            assert_eq!(record["meta"], want_meta, "{}", page.file);
            for text in texts(record) {
                assert!(
                    !text.contains("  ") && text.trim() == text,
                    "{}: padding in {text:?}",
                    page.file
                );
                assert!(
                    !text.contains('&') && !text.contains('<'),
                    "{}: markup in {text:?}",
                    page.file
                );
                for word in page.left_out {
                    assert!(
                        !text.contains(word),
                        "{}: boilerplate {word:?} in {text:?}",
                        page.file
                    );
                }
            }
            // The claim's offsets cover its words in the HTML, and line/col point there.
            let claim = &record["claim"];
            let (start, end) = (
                claim["start"].as_u64().unwrap() as usize,
                claim["end"].as_u64().unwrap() as usize,
            );
            let text = claim["text"].as_str().unwrap();
            if claim.get("fragments").is_none() {
                assert_eq!(as_read(&html[start..end]), text, "{}", page.file);
            }
            let before = &html[..start];
            let line = before.matches('\n').count() + 1;
            let col = before.rsplit('\n').next().unwrap().chars().count() + 1;
            assert_eq!(
                (claim["line"].as_u64(), claim["col"].as_u64()),
                (Some(line as u64), Some(col as u64)),
                "{}",
                page.file
            );
        }
        for (source, claim) in page.found {
            let hit = records.iter().any(|record| {
                record["source"]["text"].as_str() == Some(source)
                    && record["claim"]["text"]
                        .as_str()
                        .is_some_and(|text| text.starts_with(claim))
            });
            assert!(hit, "{}: no claim {claim:?} of {source:?}", page.file);
        }
    }
}

/// Issue #21 item 3: no padding in any text shown to people, while the offsets
/// still point into the HTML.
#[test]
fn text_shown_to_people_has_no_padding() {
    let files: Vec<&str> = PAGES
        .iter()
        .map(|page| page.file)
        .chain(["tests/data/article.html"])
        .collect();
    let mut args = vec!["show", "--color", "never"];
    args.extend(&files);
    let show = stdout(&claimtrace(&args));
    assert!(
        show.contains("{“You could tell the Chinese weren’t guessing,”}"),
        "{show}"
    );
    assert!(!show.contains("’ "), "{show}");
    let mut args = vec!["extract", "--format", "yaml"];
    args.extend(&files);
    let yaml: Value = serde_yaml::from_str(&stdout(&claimtrace(&args))).unwrap();
    for claim in yaml["claims"].as_array().unwrap() {
        let text = claim["claim"]["text"].as_str().unwrap();
        assert!(!text.contains("  ") && !text.contains("’ s"), "{text:?}");
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().to_str().unwrap();
    let mut args = vec!["report", "--out", out];
    args.extend(&files);
    assert!(claimtrace(&args).status.success());
    let report = std::fs::read_to_string(dir.path().join("report.md")).unwrap();
    assert!(report.contains("weren’t guessing"), "{report}");
    assert!(!report.contains("weren’    t"));
}

#[test]
fn pages_compare_by_their_publisher() {
    let output = claimtrace(&[
        "compare",
        "--format",
        "json",
        "--by",
        "publisher",
        "tests/data/pages",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let json: Value = serde_json::from_str(&stdout(&output)).unwrap();
    let names: Vec<&str> = json["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "County News",
            "The Harbor Ledger",
            "The Northern Chronicle",
            "The Riverton Courier"
        ]
    );
}
