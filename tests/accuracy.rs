//! The accuracy guard: extraction scored on PolNeAR dev must not fall, and the eval
//! command's numbers on a small hand-made gold file are exactly what the rule gives.

use std::path::PathBuf;

use claimtrace::eval::{evaluate, gold::read_validated_gold};
use claimtrace::{Extractor, Grammar};

use crate::support::{claimtrace, root, stdout};

/// Full F1 reached on polnear/dev when this guard was last raised (64.2%), less one
/// point of slack.
const DEV_FULL_F1_FLOOR: f64 = 0.632;

fn dev_corpus() -> Option<PathBuf> {
    let path = root().join("../shared/corpus/polnear/dev.jsonl");
    path.is_file().then_some(path)
}

#[test]
fn dev_full_f1_does_not_fall() {
    let Some(path) = dev_corpus() else {
        eprintln!("skipped: ../shared/corpus/polnear/dev.jsonl is not beside the repository");
        return;
    };
    let docs = read_validated_gold(&path).expect("the dev corpus reads");
    let grammar = Grammar::built_in().unwrap();
    let evaluation = evaluate(&docs, &Extractor::new(&grammar), 0);
    let full = evaluation.scores.full;
    eprintln!(
        "polnear/dev full: P {:.1}% R {:.1}% F1 {:.1}%",
        100.0 * full.precision,
        100.0 * full.recall,
        100.0 * full.f1
    );
    assert!(
        full.f1 >= DEV_FULL_F1_FLOOR,
        "full F1 fell to {:.1}% (floor {:.1}%)",
        100.0 * full.f1,
        100.0 * DEV_FULL_F1_FLOOR
    );
}

#[test]
fn eval_command_scores_a_small_gold_file() {
    let text = "Title\n\nPrices rose sharply, the ministry said.\n\nThe mayor told reporters that the bridge would reopen.\n\nRain fell all week.";
    let span = |needle: &str| {
        let start = text.find(needle).unwrap();
        serde_json::json!({"start": start, "end": start + needle.len(), "text": needle})
    };
    let doc = serde_json::json!({
        "id": "t/1", "publisher": "test", "text": text,
        "attributions": [
            {"source": span("the ministry"), "cue": span("said"), "content": span("Prices rose sharply")},
            {"source": span("The mayor"), "cue": span("told"), "content": span("that the bridge would reopen")},
            {"source": null, "cue": span("fell"), "content": span("Rain fell all week")}
        ]
    });
    let dir = tempfile::tempdir().unwrap();
    let gold = dir.path().join("gold.jsonl");
    std::fs::write(&gold, format!("{doc}\n")).unwrap();
    let output = claimtrace(&["eval", "--json", "--gold", gold.to_str().unwrap()]);
    assert!(output.status.success());
    let result: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(result["overall"]["gold"], 3);
    assert_eq!(result["overall"]["predicted"], 2);
    assert_eq!(result["overall"]["full"], 2);
    assert_eq!(result["scores"]["full"]["precision"], 1.0);
    assert!((result["scores"]["full"]["recall"].as_f64().unwrap() - 2.0 / 3.0).abs() < 1e-9);
    assert_eq!(result["by_publisher"]["test"]["full"], 2);
    // Both predictions are speech ("said", "told"), both right.
    assert_eq!(
        result["by_cue_kind"],
        serde_json::json!({"speech": {"predicted": 2, "full": 2}})
    );

    let table = stdout(&claimtrace(&[
        "eval",
        "--errors",
        "5",
        "--gold",
        gold.to_str().unwrap(),
    ]));
    assert!(table.contains("[miss] t/1"), "{table}");
    assert!(table.contains("Rain fell all week"), "{table}");
    assert!(
        table.contains("speech         P 100.0%  (predicted 2, right 2)"),
        "{table}"
    );

    std::fs::write(&gold, "{\"id\": 1}\n").unwrap();
    let output = claimtrace(&["eval", "--gold", gold.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("gold.jsonl:1"));
}
