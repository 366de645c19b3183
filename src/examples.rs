//! Runs the `@example` lines of grammar files through the whole pipeline: above
//! both, so that the grammar never depends on the pipeline that reads it.

use crate::grammar::{Example, Grammar};
use crate::model::{Attribution, Kind};
use crate::pipeline::Extractor;

/// Every failing example of `grammar`, as `file:line: what went wrong`.
pub fn run_examples(grammar: &Grammar) -> Vec<String> {
    failures(&grammar.examples, grammar)
}

/// The failures of `examples` (some of `grammar`'s), as `file:line: what went wrong`.
pub fn failures<'e>(
    examples: impl IntoIterator<Item = &'e Example>,
    grammar: &Grammar,
) -> Vec<String> {
    let extractor = Extractor::new(grammar);
    examples
        .into_iter()
        .filter_map(|example| check_example(example, &extractor).err())
        .collect()
}

/// Checks one example; the error names the file, the line and what differed.
pub fn check_example(example: &Example, extractor: &Extractor) -> Result<(), String> {
    // An example in HTML (page.txt's) is read as a page first.
    let page = example.text.starts_with('<').then(|| {
        crate::ingest::html::project(
            &example.file,
            example.text.clone(),
            Some(&extractor.grammar().page),
        )
    });
    let text = match &page {
        Some(Ok(page)) => page.text.as_str(),
        Some(Err(error)) => return Err(format!("{}:{}: {error}", example.file, example.line)),
        None => example.text.as_str(),
    };
    let found = extractor.extract_text(text);
    let attributed: Vec<&Attribution> = found
        .iter()
        .filter(|a| a.kind != Kind::Unattributed)
        .collect();
    let first = attributed.first();
    let fail = |message: String| {
        Err(format!(
            "{}:{}: {message}\n  text: {text}\n  found: {}",
            example.file,
            example.line,
            describe(text, &found)
        ))
    };
    for (key, want) in &example.expect {
        let got: String = match key.as_str() {
            "none" => {
                if found.is_empty() {
                    continue;
                }
                return fail("expected no claim at all".into());
            }
            "count" => attributed.len().to_string(),
            "unattributed" => (found.len() - attributed.len()).to_string(),
            "marker" => {
                let kinds: Vec<&str> = found
                    .iter()
                    .flat_map(|a| &a.markers)
                    .map(|m| m.kind.as_str())
                    .collect();
                if kinds.contains(&want.as_str()) {
                    continue;
                }
                kinds.join(", ")
            }
            _ => {
                let Some(attribution) = first else {
                    return fail(format!("expected an attribution with {key}: {want}"));
                };
                let source = attribution.source.as_ref();
                match key.as_str() {
                    "source" => source
                        .map(|s| s.span.slice(text).to_string())
                        .unwrap_or_default(),
                    "cue" => attribution
                        .cue
                        .map(|c| c.slice(text).to_string())
                        .unwrap_or_default(),
                    "type" => source
                        .map(|s| s.source_type.as_str().to_string())
                        .unwrap_or_default(),
                    "name" => source.and_then(|s| s.name.clone()).unwrap_or_default(),
                    "kind" => attribution.kind.as_str().to_string(),
                    "cue_kind" => attribution
                        .cue_kind
                        .map(|kind| kind.as_str().to_string())
                        .unwrap_or_default(),
                    "claim_form" => attribution.claim_form.as_str().to_string(),
                    "score" => format!("{:.2}", attribution.score),
                    "via" => {
                        let via: Vec<&str> = source
                            .iter()
                            .flat_map(|s| &s.via)
                            .map(|r| r.span.slice(text))
                            .collect();
                        if via.contains(&want.as_str()) {
                            continue;
                        }
                        via.join(" / ")
                    }
                    "claim" => {
                        let claim = attribution.claim.slice(text);
                        if claim.starts_with(want.as_str()) {
                            continue;
                        }
                        claim.to_string()
                    }
                    other => return fail(format!("unknown key `{other}`")),
                }
            }
        };
        if &got != want {
            return fail(format!("{key}: expected `{want}`, got `{got}`"));
        }
    }
    Ok(())
}

/// A one-line summary of what was found, for failure messages.
fn describe(text: &str, found: &[Attribution]) -> String {
    if found.is_empty() {
        return "nothing".into();
    }
    found
        .iter()
        .map(|a| {
            format!(
                "[{} | {} | {} | {}]",
                a.kind.as_str(),
                a.source.as_ref().map_or("—", |s| s.span.slice(text)),
                a.cue.map_or("—", |c| c.slice(text)),
                a.claim.slice(text)
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}
