//! Horizontal bar charts as inline SVG: one row per document, each bar a stack of
//! segments. Colours come from the page's CSS classes, so the SVG holds no style.

use std::fmt::Write;

use crate::render::escape::html;

/// Where a chart puts its parts, in SVG units (pixels when not scaled).
struct Geometry {
    /// `wide` or `narrow`: the page's CSS shows one of the two by screen width.
    class: &'static str,
    /// Room for the row labels left of the bars (0: labels above them).
    label_width: f64,
    /// Where the bars start.
    bar_left: f64,
    /// The longest bar.
    bar_width: f64,
    /// Room for the value right of a bar.
    value_width: f64,
    row_height: f64,
    bar_height: f64,
    /// Labels longer than this are cut (the full name is in the row's tooltip).
    label_chars: usize,
}

/// Labels left of the bars, for screens wider than a phone's.
const WIDE: Geometry = Geometry {
    class: "wide",
    label_width: 230.0,
    bar_left: 230.0,
    bar_width: 420.0,
    value_width: 70.0,
    row_height: 26.0,
    bar_height: 16.0,
    label_chars: 32,
};

/// Labels above the bars, 360 wide: a phone shows it unscaled, so its text
/// stays the size of the page's small print.
const NARROW: Geometry = Geometry {
    class: "narrow",
    label_width: 0.0,
    bar_left: 8.0,
    bar_width: 272.0,
    value_width: 80.0,
    row_height: 38.0,
    bar_height: 14.0,
    label_chars: 48,
};

/// Room for the axis labels under the bars.
const AXIS_HEIGHT: f64 = 22.0;

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

/// A chart with `id`, an accessible `title`, one row per bar, twice: labels left
/// of the bars (`id`) and above them for narrow screens (`{id}-narrow`). Only
/// segments with a positive value become `<rect class="bar">` (so an empty chart
/// has none).
pub fn bar_chart(id: &str, title: &str, bars: &[Bar], scale: Scale) -> String {
    let narrow = format!("{id}-narrow");
    draw(id, title, bars, scale, &WIDE) + &draw(&narrow, title, bars, scale, &NARROW)
}

/// One chart drawn with `geometry`.
fn draw(id: &str, title: &str, bars: &[Bar], scale: Scale, geometry: &Geometry) -> String {
    let total = |bar: &Bar| bar.segments.iter().map(|s| s.value.max(0.0)).sum::<f64>();
    let max = match scale {
        Scale::Share => 1.0,
        Scale::Count => bars.iter().map(total).fold(0.0, f64::max).max(1.0),
    };
    let Geometry {
        class,
        label_width,
        bar_left,
        bar_width,
        value_width,
        row_height,
        bar_height,
        label_chars,
    } = *geometry;
    let width = bar_left + bar_width + value_width;
    let height = row_height * bars.len() as f64 + AXIS_HEIGHT;
    let mut out = String::new();
    let _ = write!(
        out,
        "<svg class=\"chart {class}\" id=\"{id}\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" \
         aria-labelledby=\"{id}-title\" width=\"{width:.0}\" height=\"{height:.0}\" \
         viewBox=\"0 0 {width:.0} {height:.0}\"><title id=\"{id}-title\">{}</title>",
        html(title)
    );
    axis(&mut out, scale, max, geometry, height - AXIS_HEIGHT);
    for (row, bar) in bars.iter().enumerate() {
        let top = row_height * row as f64;
        // Beside the bar, the label is centred on it; above, the bar is below it.
        let (label, middle) = if label_width > 0.0 {
            let middle = top + row_height / 2.0;
            (
                format!(
                    "<text class=\"label\" x=\"{:.1}\" y=\"{middle:.1}\">",
                    label_width - 8.0
                ),
                middle,
            )
        } else {
            (
                format!(
                    "<text class=\"label above\" x=\"{bar_left:.1}\" y=\"{:.1}\">",
                    top + 12.0
                ),
                top + 16.0 + bar_height / 2.0,
            )
        };
        let _ = write!(
            out,
            "<g class=\"row\"><title>{}</title>{label}{}</text>",
            html(&bar.label),
            html(&cut(&bar.label, label_chars))
        );
        let mut x = bar_left;
        for segment in bar.segments.iter().filter(|segment| segment.value > 0.0) {
            let length = bar_width * segment.value / max;
            let _ = write!(
                out,
                "<rect class=\"bar {}\" x=\"{x:.1}\" y=\"{:.1}\" width=\"{length:.1}\" height=\"{bar_height:.1}\"><title>{}</title></rect>",
                html(&segment.class),
                middle - bar_height / 2.0,
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
fn axis(out: &mut String, scale: Scale, max: f64, geometry: &Geometry, bottom: f64) {
    for fraction in [0.0, 0.5, 1.0] {
        let x = geometry.bar_left + geometry.bar_width * fraction;
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

/// `label`, cut to `chars` characters with "…".
fn cut(label: &str, chars: usize) -> String {
    if label.chars().count() <= chars {
        return label.to_string();
    }
    let kept: String = label.chars().take(chars - 1).collect();
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
        // Drawn twice, wide and narrow.
        assert_eq!(svg.matches("<svg class=\"chart wide\" id=\"c\"").count(), 1);
        assert_eq!(
            svg.matches("<svg class=\"chart narrow\" id=\"c-narrow\"")
                .count(),
            1
        );
        assert_eq!(svg.matches("<rect class=\"bar").count(), 4);
        assert!(svg.contains("A &lt;title&gt;"));
        assert!(svg.contains("width=\"280.0\""), "{svg}");
        assert!(svg.contains("width=\"181.3\""), "{svg}");
    }

    #[test]
    fn long_labels_are_cut() {
        let svg = bar_chart("c", "t", &[bar(&"x".repeat(50), &[0.5])], Scale::Share);
        assert!(svg.contains(&format!(">{}…<", "x".repeat(31))));
        assert!(svg.contains(&format!(">{}…<", "x".repeat(47))));
        assert!(svg.contains("width=\"210.0\""), "{svg}");
    }
}
