//! The report as one self-contained HTML page: inline CSS and SVG, no script, and a
//! Content-Security-Policy that forbids loading anything, so it opens offline and
//! cannot call out.

use std::fmt::Write;

use crate::aggregate::Stats;
use crate::aggregate::registry::{Registry, SourceRow};
use crate::model::{Kind, SourceType};
use crate::render::annotate::{Piece, pieces};
use crate::render::compare::short_name;
use crate::render::escape::html;

use super::document::{ClaimRow, Document, Summary};
use super::svg::{Bar, Scale, Segment, bar_chart};
use super::{Section, WEAK_SCORE};

const STYLE: &str = include_str!("style.css");

/// The page: head, overview with charts and shared sources, then each document.
pub fn report(sections: &[Section], totals: &Summary, registry: &Registry) -> String {
    let mut out = String::from(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"claimtrace\">\n\
         <title>Sourcing report</title>\n<style>\n",
    );
    out.push_str(STYLE);
    out.push_str("</style>\n</head>\n<body>\n<header>\n<h1>Sourcing report</h1>\n");
    let _ = writeln!(
        out,
        "<p class=\"lead\">{} documents, {} claims, {} attributed. Claims scoring below {WEAK_SCORE:.2} or with no source are listed to follow up; the score says how well a claim is sourced, not whether it is true.</p>",
        sections.len(),
        totals.claims,
        totals.attributed
    );
    out.push_str("<nav><ol>\n");
    for section in sections {
        let _ = writeln!(
            out,
            "<li><a href=\"#{}\">{}</a></li>",
            section.anchor,
            html(&section.doc)
        );
    }
    out.push_str("</ol></nav>\n</header>\n<main>\n");
    out.push_str("<section id=\"across\">\n<h2>Across documents</h2>\n");
    out.push_str(&overview(sections));
    out.push_str(&charts(sections));
    out.push_str(&shared_sources(registry));
    out.push_str("</section>\n");
    for section in sections {
        out.push_str(&section.html);
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// The table of every document's headline numbers.
fn overview(sections: &[Section]) -> String {
    let mut out = String::from(
        "<table class=\"overview\">\n<thead><tr>\
         <th>document</th><th class=\"num\">claims</th><th class=\"num\">attributed</th>\
         <th class=\"num\">on named sources</th><th class=\"num\">on anonymous sources</th>\
         <th class=\"num\">hedged</th><th class=\"num\">to follow up</th></tr></thead>\n<tbody>\n",
    );
    for section in sections {
        let summary = &section.summary;
        let _ = writeln!(
            out,
            "<tr><td><a href=\"#{}\">{}</a></td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
             <td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            section.anchor,
            html(&section.doc),
            summary.claims,
            summary.attributed,
            summary.named,
            summary.anonymous,
            summary.hedged,
            section.follow_up
        );
    }
    out.push_str("</tbody>\n</table>\n");
    out
}

/// The three charts: claims by source type, anonymous share, hedged share.
fn charts(sections: &[Section]) -> String {
    let types: Vec<Bar> = sections
        .iter()
        .map(|section| {
            let stats = &section.stats;
            let mut segments: Vec<Segment> = SourceType::ALL
                .into_iter()
                .map(|kind| Segment {
                    class: format!("t-{}", kind.as_str()),
                    value: stats.claims_of(kind) as f64,
                    title: format!("{}: {} claims", kind.as_str(), stats.claims_of(kind)),
                })
                .collect();
            segments.push(Segment {
                class: "t-none".into(),
                value: stats.unattributed as f64,
                title: format!("no source: {} claims", stats.unattributed),
            });
            Bar {
                label: short_name(&section.doc),
                segments,
                value: stats.claims.to_string(),
            }
        })
        .collect();
    let share_bars = |part: fn(&Stats) -> usize, whole: fn(&Stats) -> usize| -> Vec<Bar> {
        sections
            .iter()
            .map(|section| {
                let (part, whole) = (part(&section.stats), whole(&section.stats));
                let share = crate::aggregate::share(part, whole);
                Bar {
                    label: short_name(&section.doc),
                    segments: vec![Segment {
                        class: "share".into(),
                        value: share,
                        title: format!("{part} of {whole} claims"),
                    }],
                    value: format!("{:.0}% ({part}/{whole})", 100.0 * share),
                }
            })
            .collect()
    };
    let anonymous = share_bars(|s| s.anonymous_claims, |s| s.attributed);
    let hedged = share_bars(|s| s.hedged_claims, |s| s.claims);
    let mut legend = String::from("<ul class=\"legend\">");
    for (class, name) in SourceType::ALL
        .iter()
        .map(|kind| (format!("t-{}", kind.as_str()), kind.as_str()))
        .chain([("t-none".to_string(), "no source")])
    {
        let _ = write!(
            legend,
            "<li><span class=\"swatch {class}\"></span>{name}</li>"
        );
    }
    legend.push_str("</ul>");
    format!(
        "<figure>\n<figcaption>Claims by type of source <span>(each bar is one document's claims)</span></figcaption>\n{legend}\n{}\n</figure>\n\
         <figure>\n<figcaption>Claims on anonymous sources <span>(share of attributed claims)</span></figcaption>\n{}\n</figure>\n\
         <figure>\n<figcaption>Hedged claims <span>(share of all claims carrying a hedge or uncertainty marker)</span></figcaption>\n{}\n</figure>\n",
        bar_chart(
            "chart-types",
            "Claims by type of source",
            &types,
            Scale::Count
        ),
        bar_chart(
            "chart-anonymous",
            "Share of attributed claims on anonymous sources",
            &anonymous,
            Scale::Share
        ),
        bar_chart(
            "chart-hedged",
            "Share of hedged claims",
            &hedged,
            Scale::Share
        ),
    )
}

/// Sources cited by more than one document (named sources only: anonymous ones are
/// kept per document by the registry).
fn shared_sources(registry: &Registry) -> String {
    let shared: Vec<&SourceRow> = registry
        .rows()
        .into_iter()
        .filter(|row| row.documents > 1)
        .collect();
    let mut out = String::from("<h3>Sources cited by more than one document</h3>\n");
    if shared.is_empty() {
        out.push_str("<p class=\"note\">None.</p>\n");
        return out;
    }
    out.push_str(
        "<table class=\"shared\">\n<thead><tr><th>source</th><th>type</th><th class=\"num\">claims</th>\
         <th class=\"num\">documents</th><th>cited in</th></tr></thead>\n<tbody>\n",
    );
    for row in shared {
        let cited: Vec<String> = row.cited_in.iter().map(|doc| html(doc)).collect();
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
            html(&row.name),
            type_badge(row.source_type),
            row.claims,
            row.documents,
            cited.join("<br>")
        );
    }
    out.push_str("</tbody>\n</table>\n");
    out
}

/// One document's section: summary, claims, follow-ups, sources, annotated text.
pub fn document(document: &Document) -> String {
    let summary = &document.summary;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<section class=\"doc\" id=\"{}\">\n<h2>{}</h2>",
        document.anchor,
        html(document.doc)
    );
    out.push_str("<dl class=\"summary\">");
    let items = [
        ("claims", summary.claims.to_string()),
        ("attributed", summary.attributed.clone()),
        ("on named sources", summary.named.clone()),
        ("on anonymous sources", summary.anonymous.clone()),
        ("on documents", summary.documents.to_string()),
        ("hedged", summary.hedged.clone()),
        ("to follow up", document.follow_up.len().to_string()),
    ];
    for (term, value) in items {
        let _ = write!(out, "<div><dt>{term}</dt><dd>{}</dd></div>", html(&value));
    }
    out.push_str("</dl>\n");
    out.push_str(&claims_table(document));
    out.push_str(&follow_up(document));
    out.push_str(&sources_table(&document.sources));
    out.push_str(
        "<h3>Text</h3>\n<p class=\"note\"><span class=\"hl-claim\">claim</span> · \
                  <span class=\"hl-unsourced\">claim with no source</span> · \
                  <span class=\"hl-source\">source</span> · <span class=\"hl-cue\">cue</span> · \
                  <span class=\"hl-marker\">marker</span><sup class=\"marker-tag\">kind</sup> · \
                  numbers link to the claims table</p>\n<div class=\"text\">",
    );
    out.push_str(&annotated_text(document));
    out.push_str("</div>\n</section>\n");
    out
}

/// Every claim with its source, cue, markers and score.
fn claims_table(document: &Document) -> String {
    let mut out = String::from("<h3>Claims and their sources</h3>\n");
    if document.claims.is_empty() {
        out.push_str("<p class=\"note\">No claim found.</p>\n");
        return out;
    }
    out.push_str(
        "<table class=\"claims\">\n<thead><tr><th class=\"num\">#</th><th>kind</th><th>source</th>\
         <th>type</th><th>cue</th><th>claim</th><th>markers</th><th class=\"num\">score</th></tr></thead>\n<tbody>\n",
    );
    for row in &document.claims {
        let _ = writeln!(
            out,
            "<tr id=\"{}-c{}\" class=\"{}\"><td class=\"num\">{}</td><td>{}</td><td>{}</td><td>{}</td>\
             <td>{}</td><td>{}</td><td>{}</td><td class=\"num score\">{:.2}</td></tr>",
            document.anchor,
            row.number,
            row_class(row),
            row.number,
            row.kind.as_str(),
            html(row.source.as_deref().unwrap_or("—")),
            row.source_type.map_or_else(|| "—".to_string(), type_badge),
            html(row.cue.as_deref().unwrap_or("—")),
            html(&row.claim),
            html(&row.markers),
            row.score
        );
    }
    out.push_str("</tbody>\n</table>\n");
    out
}

/// `unsourced`, `weak` or nothing, to colour the score.
fn row_class(row: &ClaimRow) -> &'static str {
    if row.kind == Kind::Unattributed {
        "unsourced"
    } else if row.score < WEAK_SCORE {
        "weak"
    } else {
        "sourced"
    }
}

/// The claims to follow up, lowest score first, with the reasons for the score.
fn follow_up(document: &Document) -> String {
    let mut out = String::from("<h3>To follow up</h3>\n");
    if document.follow_up.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"note\">Every claim has a source scoring at least {WEAK_SCORE:.2}.</p>"
        );
        return out;
    }
    out.push_str(
        "<table class=\"follow-up\">\n<thead><tr><th class=\"num\">#</th><th class=\"num\">score</th>\
         <th>source</th><th>claim</th><th>why</th></tr></thead>\n<tbody>\n",
    );
    for row in document
        .follow_up
        .iter()
        .map(|index| &document.claims[*index])
    {
        let _ = writeln!(
            out,
            "<tr class=\"{}\"><td class=\"num\"><a href=\"#{}-c{}\">{}</a></td><td class=\"num score\">{:.2}</td>\
             <td>{}</td><td>{}</td><td>{}</td></tr>",
            row_class(row),
            document.anchor,
            row.number,
            row.number,
            row.score,
            html(row.source.as_deref().unwrap_or("no source")),
            html(&row.claim),
            html(&row.reasons)
        );
    }
    out.push_str("</tbody>\n</table>\n");
    out
}

/// The document's sources, most claims first.
fn sources_table(sources: &[SourceRow]) -> String {
    let mut out = String::from("<h3>Sources</h3>\n");
    if sources.is_empty() {
        out.push_str("<p class=\"note\">No source found.</p>\n");
        return out;
    }
    out.push_str(
        "<table class=\"sources\">\n<thead><tr><th>source</th><th>type</th><th class=\"num\">claims</th>\
         <th class=\"num\">direct quotes</th><th>markers</th></tr></thead>\n<tbody>\n",
    );
    for row in sources {
        let markers: Vec<String> = row
            .markers
            .iter()
            .map(|(kind, count)| format!("{} {count}", kind.as_str()))
            .collect();
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
            html(&row.name),
            type_badge(row.source_type),
            row.claims,
            row.direct_quotes,
            html(&markers.join(", "))
        );
    }
    out.push_str("</tbody>\n</table>\n");
    out
}

/// A source type in its chart colour.
fn type_badge(kind: SourceType) -> String {
    format!("<span class=\"type t-{0}\">{0}</span>", kind.as_str())
}

/// The text with one `<span>` per piece that something covers: classes for the
/// claim, source (with its type), cue and marker; claim numbers where claims begin
/// (linking to their row) and marker kinds where markers end.
fn annotated_text(document: &Document) -> String {
    let mut out = String::with_capacity(document.text.len() * 2);
    for piece in pieces(document.text, document.attributions) {
        for index in &piece.claims_starting {
            let _ = write!(
                out,
                "<a class=\"claim-no\" href=\"#{0}-c{1}\">{1}</a>",
                document.anchor,
                index + 1
            );
        }
        let classes = classes(&piece);
        if classes.is_empty() {
            out.push_str(&html(piece.text));
        } else {
            let _ = write!(
                out,
                "<span class=\"{}\">{}</span>",
                classes.join(" "),
                html(piece.text)
            );
        }
        for kind in &piece.markers_ending {
            let _ = write!(out, "<sup class=\"marker-tag\">{}</sup>", kind.as_str());
        }
    }
    out
}

/// The CSS classes of a piece.
fn classes(piece: &Piece) -> Vec<String> {
    let mut classes = Vec::new();
    if piece.claim.is_some() {
        classes.push(
            if piece.unattributed {
                "hl-unsourced"
            } else {
                "hl-claim"
            }
            .to_string(),
        );
    }
    if let Some(kind) = piece.source {
        classes.push("hl-source".to_string());
        classes.push(format!("s-{}", kind.as_str()));
    }
    if piece.cue {
        classes.push("hl-cue".to_string());
    }
    if piece.marker.is_some() {
        classes.push("hl-marker".to_string());
    }
    classes
}
