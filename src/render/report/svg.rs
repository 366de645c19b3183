//! Horizontal bar charts as inline SVG: one row per document, each bar a stack of
//! segments. Colours come from the page's CSS classes, so the SVG holds no style.

use std::fmt::Write;

use crate::render::escape::html;

/// Room for the row labels, left of the bars.
const LABEL_WIDTH: f64 = 230.0;
/// The longest bar.
const BAR_WIDTH: f64 = 420.0;
/// Room for the value right of a bar.
const VALUE_WIDTH: f64 = 70.0;
const ROW_HEIGHT: f64 = 26.0;
const BAR_HEIGHT: f64 = 16.0;
/// Room for the axis labels under the bars.
const AXIS_HEIGHT: f64 = 22.0;
/// Labels longer than this are cut (the full name is in the row's tooltip).
const LABEL_CHARS: usize = 32;

/// One part of a bar.
#[derive(Debug, Clone)]
pub struct Segment {
    /// CSS class giving its colour, e.g. `t-anonymous`.
    pub class: String,
    pub value: f64,
    /// Tooltip: "anonymous: 8 claims".
    pub title: String,
}

/// One row: a label and a bar of stacked segments.
#[derive(Debug, Clone)]
pub struct Bar {
    pub label: String,
    pub segments: Vec<Segment>,
    /// Shown right of the bar: "15", "53%".
    pub value: String,
}

/// The scale of a chart's axis.
#[derive(Debug, Clone, Copy)]
pub enum Scale {
    /// Counts from 0 to the largest bar.
    Count,
    /// Shares from 0% to 100%.
    Share,
}

/// A chart with `id`, an accessible `title`, one row per bar. Only segments with a
/// positive value become `<rect class="bar">` (so an empty chart has none).
pub fn bar_chart(id: &str, title: &str, bars: &[Bar], scale: Scale) -> String {
    let total = |bar: &Bar| bar.segments.iter().map(|s| s.value.max(0.0)).sum::<f64>();
    let max = match scale {
        Scale::Share => 1.0,
        Scale::Count => bars.iter().map(total).fold(0.0, f64::max).max(1.0),
    };
    let width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH;
    let height = ROW_HEIGHT * bars.len() as f64 + AXIS_HEIGHT;
    let mut out = String::new();
    let _ = write!(
        out,
        "<svg class=\"chart\" id=\"{id}\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" \
         aria-labelledby=\"{id}-title\" width=\"{width:.0}\" height=\"{height:.0}\" \
         viewBox=\"0 0 {width:.0} {height:.0}\"><title id=\"{id}-title\">{}</title>",
        html(title)
    );
    axis(&mut out, scale, max, height - AXIS_HEIGHT);
    for (row, bar) in bars.iter().enumerate() {
        let top = ROW_HEIGHT * row as f64;
        let middle = top + ROW_HEIGHT / 2.0;
        let _ = write!(
            out,
            "<g class=\"row\"><title>{}</title><text class=\"label\" x=\"{:.1}\" y=\"{middle:.1}\">{}</text>",
            html(&bar.label),
            LABEL_WIDTH - 8.0,
            html(&cut(&bar.label))
        );
        let mut x = LABEL_WIDTH;
        for segment in bar.segments.iter().filter(|segment| segment.value > 0.0) {
            let length = BAR_WIDTH * segment.value / max;
            let _ = write!(
                out,
                "<rect class=\"bar {}\" x=\"{x:.1}\" y=\"{:.1}\" width=\"{length:.1}\" height=\"{BAR_HEIGHT:.1}\"><title>{}</title></rect>",
                html(&segment.class),
                middle - BAR_HEIGHT / 2.0,
                html(&segment.title)
            );
            x += length;
        }
        let _ = write!(
            out,
            "<text class=\"value\" x=\"{:.1}\" y=\"{middle:.1}\">{}</text></g>",
            x + 6.0,
            html(&bar.value)
        );
    }
    out.push_str("</svg>");
    out
}

/// Grid lines and labels at 0, half and the maximum of the scale.
fn axis(out: &mut String, scale: Scale, max: f64, bottom: f64) {
    for fraction in [0.0, 0.5, 1.0] {
        let x = LABEL_WIDTH + BAR_WIDTH * fraction;
        let label = match scale {
            Scale::Share => format!("{:.0}%", 100.0 * fraction),
            Scale::Count if fraction == 0.5 && max % 2.0 != 0.0 => String::new(),
            Scale::Count => format!("{:.0}", max * fraction),
        };
        let _ = write!(
            out,
            "<line class=\"grid\" x1=\"{x:.1}\" y1=\"0\" x2=\"{x:.1}\" y2=\"{bottom:.1}\"/>\
             <text class=\"tick\" x=\"{x:.1}\" y=\"{:.1}\">{label}</text>",
            bottom + 15.0
        );
    }
}

/// `label`, cut to [`LABEL_CHARS`] characters with "…".
fn cut(label: &str) -> String {
    if label.chars().count() <= LABEL_CHARS {
        return label.to_string();
    }
    let kept: String = label.chars().take(LABEL_CHARS - 1).collect();
    format!("{kept}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(label: &str, values: &[f64]) -> Bar {
        Bar {
            label: label.to_string(),
            segments: values
                .iter()
                .map(|value| Segment {
                    class: "t-person".into(),
                    value: *value,
                    title: format!("{value}"),
                })
                .collect(),
            value: "v".into(),
        }
    }

    #[test]
    fn bars_only_for_positive_segments() {
        let svg = bar_chart(
            "c",
            "A <title>",
            &[bar("a", &[2.0, 0.0, 1.0]), bar("b", &[0.0])],
            Scale::Count,
        );
        assert_eq!(svg.matches("<rect class=\"bar").count(), 2);
        assert!(svg.contains("A &lt;title&gt;"));
        assert!(svg.contains("width=\"280.0\""), "{svg}");
    }

    #[test]
    fn long_labels_are_cut() {
        let svg = bar_chart("c", "t", &[bar(&"x".repeat(40), &[0.5])], Scale::Share);
        assert!(svg.contains(&format!("{}…", "x".repeat(31))));
        assert!(svg.contains("width=\"210.0\""), "{svg}");
    }
}
