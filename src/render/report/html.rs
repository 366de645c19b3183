//! The report as self-contained HTML pages: inline CSS and SVG, no script, and a
//! Content-Security-Policy that forbids loading anything, so they open offline and
//! cannot call out. Tables carry their column names on each cell, so that a narrow
//! screen can stack them (see style.css).

use std::fmt::Write;

use crate::aggregate::registry::SourceRow;
use crate::aggregate::{Stats, group_by, share};
use crate::model::{Kind, SourceType};
use crate::render::annotate::{Piece, pieces};
use crate::render::compare::short_name;
use crate::render::escape::html;

use super::document::{ClaimRow, Document};
use super::svg::{Bar, Scale, Segment, bar_chart};
use super::{Entry, Held, LISTED_DOCUMENTS, Overview, PAGES_FOLDER, WEAK_SCORE};

const STYLE: &str = include_str!("style.css");

/// Up to this many documents, the charts have a bar per document; beyond, they
/// show how the documents are distributed.
const CHART_DOCUMENTS: usize = 40;

/// The most publishers the chart of source types shows; the others are merged.
const CHART_PUBLISHERS: usize = 30;

/// A page's head, up to and including `<body>`.
fn head(title: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"claimtrace\">\n\
         <title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n",
        html(title)
    )
}

/// The page's end.
const FOOT: &str = "</body>\n</html>\n";

/// The report page: the overview with the document list, charts and shared
/// sources, then (on one page) each document's section.
pub fn report(overview: &Overview, held: &[Held]) -> String {
    let mut out = head("Sourcing report");
    out.push_str("<header>\n<h1>Sourcing report</h1>\n");
    let _ = writeln!(
        out,
        "<p class=\"lead\">{} documents, {} claims, {} attributed. Claims scoring below {WEAK_SCORE:.2} or with no source are listed to follow up; the score says how well a claim is sourced, not whether it is true.</p>",
        overview.entries.len(),
        overview.totals.claims,
        overview.totals.attributed
    );
    if !overview.paged {
        out.push_str("<nav><ol>\n");
        for entry in overview.entries {
            let _ = writeln!(
                out,
                "<li><a href=\"#{}\">{}</a></li>",
                entry.anchor,
                html(&entry.doc)
            );
        }
        out.push_str("</ol></nav>\n");
    }
    out.push_str("</header>\n<main>\n<section id=\"across\">\n<h2>Across documents</h2>\n");
    out.push_str(&charts(overview));
    out.push_str(
        "<h3>Documents</h3>\n<p class=\"note\">By what needs attention first: most claims with \
         no source or an anonymous one, then most to follow up.</p>\n",
    );
    let first = &overview.listed[..overview.listed.len().min(LISTED_DOCUMENTS)];
    out.push_str(&documents_table(overview, first, ""));
    if overview.list_pages() > 1 {
        out.push_str(&list_links(overview, PAGES_FOLDER, 1));
    }
    out.push_str(&shared_sources(overview));
    out.push_str("</section>\n");
    for section in held {
        out.push_str(&section.html);
    }
    out.push_str("</main>\n");
    out.push_str(FOOT);
    out
}

/// A page of the document list beyond the overview's, from number `first`.
pub fn list_page(overview: &Overview, listed: &[&Entry], first: usize) -> String {
    let last = first + listed.len() - 1;
    let mut out = head(&format!("Documents {first}–{last}: sourcing report"));
    let _ = writeln!(
        out,
        "<header>\n<p class=\"back\"><a href=\"../report.html\">← Sourcing report</a></p>\n\
         <h1>Documents {first}–{last} of {}</h1>\n</header>\n<main>",
        overview.listed.len()
    );
    out.push_str(&documents_table(overview, listed, "../"));
    out.push_str(&list_links(
        overview,
        ".",
        (first - 1) / LISTED_DOCUMENTS + 1,
    ));
    out.push_str("</main>\n");
    out.push_str(FOOT);
    out
}

/// A document's own page, around its section.
pub fn document_page(doc: &str, section: &str) -> String {
    let mut out = head(&format!("{doc}: sourcing report"));
    out.push_str(
        "<header>\n<p class=\"back\"><a href=\"../report.html\">← Sourcing report</a></p>\n</header>\n<main>\n",
    );
    out.push_str(section);
    out.push_str("</main>\n");
    out.push_str(FOOT);
    out
}

/// Links to every page of the document list (see `Overview::list_links`).
fn list_links(overview: &Overview, folder: &str, current: usize) -> String {
    let links: Vec<String> = (overview.list_links(folder, current, "html").into_iter())
        .map(|(range, href)| match href {
            Some(href) => format!("<a href=\"{href}\">{range}</a>"),
            None => format!("<strong>{range}</strong>"),
        })
        .collect();
    format!(
        "<nav class=\"pages\"><p>All documents: {}</p></nav>\n",
        links.join(" ")
    )
}

/// A column of a table: its name, and the class of its cells (`num` for
/// numbers, which the heading takes too).
type Column = (&'static str, &'static str);

/// A table of `class` with `columns`; each row its attributes (` id="…"`) and
/// its cells, already HTML. Every cell carries its column's name in
/// `data-label`, which a narrow screen shows when it stacks the table.
fn table(
    class: &str,
    columns: &[Column],
    rows: impl IntoIterator<Item = (String, Vec<String>)>,
) -> String {
    let mut out = format!("<table class=\"{class}\">\n<thead><tr>");
    for (name, cell_class) in columns {
        if cell_class.starts_with("num") {
            let _ = write!(out, "<th class=\"num\">{name}</th>");
        } else {
            let _ = write!(out, "<th>{name}</th>");
        }
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for (attributes, cells) in rows {
        let _ = write!(out, "<tr{attributes}>");
        for ((name, cell_class), cell) in columns.iter().zip(cells) {
            if cell_class.is_empty() {
                let _ = write!(out, "<td data-label=\"{name}\">{cell}</td>");
            } else {
                let _ = write!(
                    out,
                    "<td class=\"{cell_class}\" data-label=\"{name}\">{cell}</td>"
                );
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
    out
}

/// The documents' headline numbers, one row each, linking to each document;
/// `prefix` leads from the page to the overview's folder.
fn documents_table(overview: &Overview, listed: &[&Entry], prefix: &str) -> String {
    let columns: &[Column] = &[
        ("document", ""),
        ("claims", "num"),
        ("no source", "num"),
        ("on anonymous sources", "num"),
        ("on named sources", "num"),
        ("hedged", "num"),
        ("to follow up", "num"),
    ];
    let rows = listed.iter().map(|entry| {
        let summary = &entry.summary;
        (
            String::new(),
            vec![
                format!(
                    "<a href=\"{prefix}{}\">{}</a>",
                    overview.link(entry, "html"),
                    html(&entry.doc)
                ),
                summary.claims.to_string(),
                html(&summary.unsourced),
                html(&summary.anonymous),
                html(&summary.named),
                html(&summary.hedged),
                entry.follow_up.to_string(),
            ],
        )
    });
    table("overview", columns, rows)
}

/// The three charts: claims by source type, anonymous share, hedged share; a bar
/// per document, or with many documents how they are distributed.
fn charts(overview: &Overview) -> String {
    let entries = overview.entries;
    if entries.len() <= CHART_DOCUMENTS {
        let named: Vec<(String, &Stats)> = entries
            .iter()
            .map(|entry| (short_name(&entry.doc), &entry.stats))
            .collect();
        let share_bars = |part: fn(&Stats) -> usize, whole: fn(&Stats) -> usize| -> Vec<Bar> {
            named
                .iter()
                .map(|(label, stats)| share_bar(label, part(stats), whole(stats)))
                .collect()
        };
        return figures(
            [
                "Claims by type of source <span>(each bar is one document's claims)</span>",
                "Claims on anonymous sources <span>(share of attributed claims)</span>",
                "Hedged claims <span>(share of all claims carrying a hedge or uncertainty marker)</span>",
            ],
            [
                (&type_bars(&named, Scale::Count), Scale::Count),
                (
                    &share_bars(|s| s.anonymous_claims, |s| s.attributed),
                    Scale::Share,
                ),
                (&share_bars(|s| s.hedged_claims, |s| s.claims), Scale::Share),
            ],
        );
    }
    // Many documents: source types by publisher (when the documents name one),
    // and how many documents have each share of anonymous and of hedged claims.
    let mut groups: Vec<(String, Stats)> = if entries.iter().any(|e| e.publisher.is_some()) {
        group_by(entries.iter().map(|entry| {
            let publisher = entry
                .publisher
                .clone()
                .unwrap_or_else(|| "(no publisher)".into());
            (publisher, &entry.stats)
        }))
    } else {
        Vec::new()
    };
    groups.sort_by(|a, b| b.1.claims.cmp(&a.1.claims).then_with(|| a.0.cmp(&b.0)));
    if groups.len() > CHART_PUBLISHERS {
        let mut other = Stats::default();
        for (_, stats) in groups.drain(CHART_PUBLISHERS - 1..) {
            other.merge(&stats);
        }
        groups.push(("other publishers".into(), other));
    }
    let mut all = Stats::default();
    for entry in entries {
        all.merge(&entry.stats);
    }
    let mut named: Vec<(String, &Stats)> = groups
        .iter()
        .map(|(name, stats)| (name.clone(), stats))
        .collect();
    named.push((format!("all {} documents", entries.len()), &all));
    let anonymous = histogram(entries, |s| s.anonymous_claims, |s| s.attributed);
    let hedged = histogram(entries, |s| s.hedged_claims, |s| s.claims);
    let by = if groups.is_empty() {
        "share of all documents' claims"
    } else {
        "share of each publisher's claims, and of all documents'"
    };
    figures(
        [
            &format!("Claims by type of source <span>({by})</span>"),
            "Documents by their share of claims on anonymous sources <span>(of attributed claims; documents with none attributed left out)</span>",
            "Documents by their share of hedged claims <span>(of all claims; documents with no claim left out)</span>",
        ],
        [
            (&type_bars(&named, Scale::Share), Scale::Share),
            (&anonymous, Scale::Count),
            (&hedged, Scale::Count),
        ],
    )
}

/// The three figures: captions, then bars and scales, in the order of [`CHART_IDS`].
fn figures(captions: [&str; 3], charts: [(&[Bar], Scale); 3]) -> String {
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
    let mut out = String::new();
    for (index, ((id, title), (caption, (bars, scale)))) in CHART_IDS
        .iter()
        .zip(captions.into_iter().zip(charts))
        .enumerate()
    {
        let legend = if index == 0 { legend.as_str() } else { "" };
        let _ = writeln!(
            out,
            "<figure>\n<figcaption>{caption}</figcaption>\n{legend}{}\n</figure>",
            bar_chart(id, title, bars, scale)
        );
    }
    out
}

/// The charts' ids and accessible titles.
const CHART_IDS: [(&str, &str); 3] = [
    ("chart-types", "Claims by type of source"),
    (
        "chart-anonymous",
        "Share of attributed claims on anonymous sources",
    ),
    ("chart-hedged", "Share of hedged claims"),
];

/// A stacked bar of claims by source type for each named statistics: counts, or
/// with [`Scale::Share`] shares of its claims, so that groups of any size compare.
fn type_bars(named: &[(String, &Stats)], scale: Scale) -> Vec<Bar> {
    named
        .iter()
        .map(|(label, stats)| {
            let value = |count: usize| match scale {
                Scale::Count => count as f64,
                Scale::Share => share(count, stats.claims),
            };
            let mut segments: Vec<Segment> = SourceType::ALL
                .into_iter()
                .map(|kind| Segment {
                    class: format!("t-{}", kind.as_str()),
                    value: value(stats.claims_of(kind)),
                    title: format!("{}: {} claims", kind.as_str(), stats.claims_of(kind)),
                })
                .collect();
            segments.push(Segment {
                class: "t-none".into(),
                value: value(stats.unattributed),
                title: format!("no source: {} claims", stats.unattributed),
            });
            Bar {
                label: label.clone(),
                segments,
                value: stats.claims.to_string(),
            }
        })
        .collect()
}

/// A bar of `part` of `whole` claims.
fn share_bar(label: &str, part: usize, whole: usize) -> Bar {
    let share = share(part, whole);
    Bar {
        label: label.to_string(),
        segments: vec![Segment {
            class: "share".into(),
            value: share,
            title: format!("{part} of {whole} claims"),
        }],
        value: format!("{:.0}% ({part}/{whole})", 100.0 * share),
    }
}

/// How many documents have each tenth of the share `part` of `whole` (the last
/// tenth includes 100%); documents with no `whole` are left out.
fn histogram(entries: &[Entry], part: fn(&Stats) -> usize, whole: fn(&Stats) -> usize) -> Vec<Bar> {
    let mut counts = [0usize; 10];
    for entry in entries.iter().filter(|entry| whole(&entry.stats) > 0) {
        let tenth = (10.0 * share(part(&entry.stats), whole(&entry.stats))).floor() as usize;
        counts[tenth.min(9)] += 1;
    }
    counts
        .iter()
        .enumerate()
        .map(|(tenth, &count)| Bar {
            label: format!("{}–{}%", tenth * 10, tenth * 10 + 10),
            segments: vec![Segment {
                class: "share".into(),
                value: count as f64,
                title: format!("{count} documents"),
            }],
            value: count.to_string(),
        })
        .collect()
}

/// Sources cited by more than one document (named sources only: anonymous ones
/// are kept per document), the most cited first.
fn shared_sources(overview: &Overview) -> String {
    let (shared, total) = overview.shared_sources();
    let mut out = String::from("<h3>Sources cited by more than one document</h3>\n");
    if shared.is_empty() {
        out.push_str("<p class=\"note\">None.</p>\n");
        return out;
    }
    let columns: &[Column] = &[
        ("source", ""),
        ("type", ""),
        ("claims", "num"),
        ("documents", "num"),
        ("cited in", ""),
    ];
    let rows = shared.iter().map(|(row, cited)| {
        let cited: Vec<String> = cited.iter().map(|doc| html(doc)).collect();
        (
            String::new(),
            vec![
                html(&row.name),
                type_badge(row.source_type),
                row.claims.to_string(),
                row.documents.to_string(),
                cited.join("<br>"),
            ],
        )
    });
    out.push_str(&table("shared", columns, rows));
    if total > shared.len() {
        let _ = writeln!(
            out,
            "<p class=\"note\">The {} most cited of {total} shared sources.</p>",
            shared.len()
        );
    }
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
        ("by what the cue reports", summary.by_cue_kind.clone()),
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
    let columns: &[Column] = &[
        ("#", "num"),
        ("kind", ""),
        ("source", ""),
        ("type", ""),
        ("cue", ""),
        ("claim", ""),
        ("markers", ""),
        ("score", "num score"),
    ];
    let rows = document.claims.iter().map(|row| {
        (
            format!(
                " id=\"{}-c{}\" class=\"{}\"",
                document.anchor,
                row.number,
                row_class(row)
            ),
            vec![
                row.number.to_string(),
                row.kind.as_str().to_string(),
                html(row.source.as_deref().unwrap_or("—")),
                row.source_type.map_or_else(|| "—".to_string(), type_badge),
                html(row.cue.as_deref().unwrap_or("—")),
                html(&row.claim),
                html(&row.markers),
                format!("{:.2}", row.score),
            ],
        )
    });
    out.push_str(&table("claims", columns, rows));
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
    let columns: &[Column] = &[
        ("#", "num"),
        ("score", "num score"),
        ("source", ""),
        ("claim", ""),
        ("why", ""),
    ];
    let rows = document
        .follow_up
        .iter()
        .map(|index| &document.claims[*index])
        .map(|row| {
            (
                format!(" class=\"{}\"", row_class(row)),
                vec![
                    format!(
                        "<a href=\"#{}-c{}\">{}</a>",
                        document.anchor, row.number, row.number
                    ),
                    format!("{:.2}", row.score),
                    html(row.source.as_deref().unwrap_or("no source")),
                    html(&row.claim),
                    html(&row.reasons),
                ],
            )
        });
    out.push_str(&table("follow-up", columns, rows));
    out
}

/// The document's sources, most claims first.
fn sources_table(sources: &[SourceRow]) -> String {
    let mut out = String::from("<h3>Sources</h3>\n");
    if sources.is_empty() {
        out.push_str("<p class=\"note\">No source found.</p>\n");
        return out;
    }
    let columns: &[Column] = &[
        ("source", ""),
        ("type", ""),
        ("claims", "num"),
        ("direct quotes", "num"),
        ("markers", ""),
    ];
    let rows = sources.iter().map(|row| {
        let markers: Vec<String> = row
            .markers
            .iter()
            .map(|(kind, count)| format!("{} {count}", kind.as_str()))
            .collect();
        (
            String::new(),
            vec![
                html(&row.name),
                type_badge(row.source_type),
                row.claims.to_string(),
                row.direct_quotes.to_string(),
                html(&markers.join(", ")),
            ],
        )
    });
    out.push_str(&table("sources", columns, rows));
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
