//! `claimtrace check`: the publishing policy as a CI gate. The rules live in
//! `claimtrace::review::policy`; this file reads the inputs and writes the
//! violations as text, JSON or GitHub workflow annotations.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Result, bail};
use clap::{Args, ValueEnum};
use serde::Serialize;

use claimtrace::model::MarkerKind;
use claimtrace::record::records;
use claimtrace::render::table::excerpt;
use claimtrace::review::policy::{Policy, Violation, check};

use super::batch::Batch;
use super::review::{CLAIM_EXCERPT, read_review};

/// `claimtrace check`: the publishing policy, for CI.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Fail when a document has more than N claims with no source (claims marked
    /// verified or not-checkable in the --review file do not count).
    #[arg(long, value_name = "N")]
    max_unsourced: Option<usize>,
    /// Fail when more than this share (0 to 1) of a document's attributed claims
    /// rest on anonymous sources.
    #[arg(long, value_name = "X", value_parser = parse_share)]
    max_anonymous_share: Option<f64>,
    /// Fail on any claim carrying this marker (repeatable): hedge, uncertainty,
    /// anonymity, no-comment, second-hand, estimate, belief.
    #[arg(long = "forbid-marker", value_name = "KIND")]
    forbid_markers: Vec<MarkerKind>,
    /// A review file: any claim marked disputed there fails.
    #[arg(long, value_name = "FILE.yaml")]
    review: Option<PathBuf>,
    /// How to list the claims that break the policy: `text`, `json`, or `github`
    /// (workflow annotations that GitHub Actions shows on the lines).
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    format: CheckFormat,
    /// Files, folders or `-`.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum CheckFormat {
    /// Each broken rule, then its claims as `file:line:col  id  text`.
    Text,
    /// One JSON object: documents, documents failing, the violations with their claims.
    Json,
    /// One `::error file=…,line=…,col=…::…` workflow command per claim.
    Github,
}

/// Runs `check`: exit 1 when a document breaks the policy, 2 when there is no
/// policy to check or an input cannot be read.
pub fn check_command(args: CheckArgs, batch: &Batch, out: &mut dyn Write) -> Result<ExitCode> {
    let policy = Policy {
        max_unsourced: args.max_unsourced,
        max_anonymous_share: args.max_anonymous_share,
        forbid_markers: args.forbid_markers,
    };
    if policy.is_empty() && args.review.is_none() {
        // A gate with no rule would pass everything: say so rather than pass.
        bail!(
            "check: no policy given; set one or more of --max-unsourced N, \
             --max-anonymous-share X, --forbid-marker KIND, --review FILE.yaml"
        );
    }
    let review = args.review.as_deref().map(read_review).transpose()?;
    let mut violations: Vec<Violation> = Vec::new();
    let mut documents = 0;
    let failed = batch.for_each_extraction(&args.paths, |extraction| {
        documents += 1;
        let records = records(&extraction);
        violations.extend(check(&policy, &records, review.as_ref()));
        Ok(())
    })?;
    if failed {
        bail!("some inputs could not be read");
    }
    let breaking: BTreeSet<&str> = violations.iter().map(|v| v.doc.as_str()).collect();
    match args.format {
        CheckFormat::Text => write_text(out, &violations)?,
        CheckFormat::Json => {
            let report = JsonReport {
                documents,
                failing: breaking.len(),
                violations: violations.iter().map(JsonViolation::of).collect(),
            };
            serde_json::to_writer_pretty(&mut *out, &report)?;
            writeln!(out)?;
        }
        CheckFormat::Github => write_github(out, &violations)?,
    }
    eprintln!(
        "check: documents breaking the policy: {} of {documents}",
        breaking.len()
    );
    Ok(if violations.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Each broken rule on a line, then its claims indented, each with where it is.
fn write_text(out: &mut dyn Write, violations: &[Violation]) -> Result<()> {
    for violation in violations {
        writeln!(out, "{}: {}", violation.doc, violation.breach)?;
        for claim in &violation.claims {
            write!(
                out,
                "  {}:{}:{}  {}  {}",
                violation.doc,
                claim.line,
                claim.col,
                claim.id,
                excerpt(&claim.text, CLAIM_EXCERPT)
            )?;
            if !claim.note.is_empty() {
                write!(out, "  (note: {})", excerpt(&claim.note, CLAIM_EXCERPT))?;
            }
            writeln!(out)?;
        }
    }
    Ok(())
}

/// The `--format json` report: how many documents were checked and how many
/// fail, then every violation with its claims.
#[derive(Serialize)]
struct JsonReport<'v> {
    documents: usize,
    failing: usize,
    violations: Vec<JsonViolation<'v>>,
}

#[derive(Serialize)]
struct JsonViolation<'v> {
    doc: &'v str,
    rule: &'static str,
    message: String,
    claims: Vec<JsonClaim<'v>>,
}

#[derive(Serialize)]
struct JsonClaim<'v> {
    id: &'v str,
    line: usize,
    col: usize,
    start: usize,
    end: usize,
    text: &'v str,
    #[serde(skip_serializing_if = "str::is_empty")]
    note: &'v str,
}

impl<'v> JsonViolation<'v> {
    fn of(violation: &'v Violation) -> Self {
        JsonViolation {
            doc: &violation.doc,
            rule: violation.breach.rule(),
            message: violation.breach.to_string(),
            claims: violation
                .claims
                .iter()
                .map(|claim| JsonClaim {
                    id: &claim.id,
                    line: claim.line,
                    col: claim.col,
                    start: claim.start,
                    end: claim.end,
                    text: &claim.text,
                    note: &claim.note,
                })
                .collect(),
        }
    }
}

/// One error annotation per claim that breaks a rule, at the claim's line and
/// column (GitHub shows the first ten of a step on the files of a pull request).
fn write_github(out: &mut dyn Write, violations: &[Violation]) -> Result<()> {
    for violation in violations {
        let title = format!("claimtrace check: {}", violation.breach.rule());
        for claim in &violation.claims {
            let mut message = format!(
                "{}: {} ({})",
                violation.breach,
                excerpt(&claim.text, CLAIM_EXCERPT),
                claim.id
            );
            if !claim.note.is_empty() {
                message.push_str(&format!(" (note: {})", claim.note));
            }
            writeln!(
                out,
                "::error file={},line={},col={},title={}::{}",
                annotation_property(&violation.doc),
                claim.line,
                claim.col,
                annotation_property(&title),
                annotation_data(&message)
            )?;
        }
    }
    Ok(())
}

/// A workflow command's message: `%`, CR and LF escaped, as the Actions toolkit does.
fn annotation_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A workflow command's property value: also `:` and `,`, which delimit properties.
fn annotation_property(text: &str) -> String {
    annotation_data(text)
        .replace(':', "%3A")
        .replace(',', "%2C")
}

/// A share in [0, 1] for `--max-anonymous-share`.
fn parse_share(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(share) if (0.0..=1.0).contains(&share) => Ok(share),
        _ => Err(format!("`{text}` is not a share between 0 and 1")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annotations_escape_what_delimits_them() {
        // (text, as a message, as a property)
        let table = [
            ("plain", "plain", "plain"),
            ("50% up", "50%25 up", "50%25 up"),
            ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
            ("a: b, c", "a: b, c", "a%3A b%2C c"),
            ("%3A", "%253A", "%253A"),
        ];
        for (text, data, property) in table {
            assert_eq!(annotation_data(text), data, "{text:?}");
            assert_eq!(annotation_property(text), property, "{text:?}");
        }
    }
}
