//! The eval command's plain-text report.

use std::io::Write;

use claimtrace::eval::Evaluation;
use claimtrace::eval::score::Prf;

/// Prints overall and per-publisher precision, recall and F1, then examples of errors.
pub fn print(out: &mut dyn Write, evaluation: &Evaluation) -> std::io::Result<()> {
    let counts = &evaluation.overall;
    writeln!(
        out,
        "documents {}  gold {}  predicted {}",
        evaluation.documents, counts.gold, counts.predicted
    )?;
    let table = &evaluation.scores;
    for (label, prf) in [
        ("content", table.content),
        ("source", table.source),
        ("cue", table.cue),
        ("full", table.full),
    ] {
        writeln!(out, "{label:<8} {}", format_prf(prf))?;
    }
    writeln!(out, "\nfull F1 by publisher:")?;
    for (publisher, counts) in &evaluation.by_publisher {
        writeln!(
            out,
            "  {publisher:<14} {}  (gold {}, predicted {})",
            format_prf(counts.full_prf()),
            counts.gold,
            counts.predicted
        )?;
    }
    writeln!(out, "\nfull precision by cue kind:")?;
    for (kind, tally) in &evaluation.by_cue_kind {
        writeln!(
            out,
            "  {:<14} P {:5.1}%  (predicted {}, right {})",
            kind.as_str(),
            100.0 * tally.precision(),
            tally.predicted,
            tally.full
        )?;
    }
    for error in &evaluation.errors {
        writeln!(out, "\n[{}] {}", error.what, error.doc)?;
        writeln!(out, "  content: {}", error.content.replace('\n', " "))?;
        writeln!(out, "  source:  {}", error.source.as_deref().unwrap_or("—"))?;
        writeln!(out, "  cue:     {}", error.cue.as_deref().unwrap_or("—"))?;
        if let Some(expected) = &error.expected {
            writeln!(out, "  expected: {expected}")?;
        }
        writeln!(out, "  context: {}", error.context)?;
    }
    Ok(())
}

fn format_prf(prf: Prf) -> String {
    format!(
        "P {:5.1}%  R {:5.1}%  F1 {:5.1}%",
        100.0 * prf.precision,
        100.0 * prf.recall,
        100.0 * prf.f1
    )
}
