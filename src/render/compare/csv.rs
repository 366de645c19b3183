//! The comparison as CSV: one line per column with plain numbers, for a
//! spreadsheet or a data frame (the shared sources are in `sources --format csv`).

use super::Comparison;
use crate::aggregate::Stats;
use crate::model::SourceType;
use crate::render::sources::csv_field;

/// Header and one line per column, then a last line named "all" when there is
/// more than one column. Shares are fractions in [0, 1] with four decimals.
pub fn compare_csv(comparison: &Comparison) -> String {
    let mut header = vec![
        "name".to_string(),
        "claims".into(),
        "attributed".into(),
        "unattributed".into(),
        "direct".into(),
        "mixed".into(),
        "indirect".into(),
    ];
    for kind in SourceType::ALL {
        header.push(format!("sources_{}", kind.as_str()));
    }
    for kind in SourceType::ALL {
        header.push(format!("claims_on_{}", kind.as_str()));
    }
    header.extend(
        [
            "hedged_claims",
            "distinct_sources",
            "unattributed_share",
            "anonymous_share",
            "hedged_share",
        ]
        .map(String::from),
    );
    let mut out = header.join(",");
    out.push('\n');
    let mut lines: Vec<(&str, &Stats)> = comparison
        .columns
        .iter()
        .map(|column| (column.name.as_str(), &column.stats))
        .collect();
    if comparison.columns.len() > 1 {
        lines.push(("all", &comparison.all));
    }
    for (name, stats) in lines {
        out.push_str(&line(name, stats).join(","));
        out.push('\n');
    }
    out
}

/// The fields of one line.
fn line(name: &str, stats: &Stats) -> Vec<String> {
    let mut fields = vec![
        csv_field(name),
        stats.claims.to_string(),
        stats.attributed.to_string(),
        stats.unattributed.to_string(),
        stats.direct.to_string(),
        stats.mixed.to_string(),
        stats.indirect.to_string(),
    ];
    fields.extend(SourceType::ALL.map(|kind| stats.sources_of(kind).to_string()));
    fields.extend(SourceType::ALL.map(|kind| stats.claims_of(kind).to_string()));
    fields.extend([
        stats.hedged_claims.to_string(),
        stats.distinct_sources().to_string(),
        format!("{:.4}", stats.unattributed_share()),
        format!("{:.4}", stats.anonymous_share()),
        format!("{:.4}", stats.hedged_share()),
    ]);
    fields
}
