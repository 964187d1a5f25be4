//! Charts for the service manager's dashboard, drawn on the server as SVG strings so they show
//! before the wasm arrives and in the print view: a trend over time (one line per series) and
//! horizontal bars (tickets by store, the 1–5 satisfaction spread).
//!
//! Each chart is one self-contained `<svg>` with `role="img"`, a `<title>` and a `<desc>` that
//! states the figures in words (screen readers get the numbers, not just "a chart"), a `viewBox`
//! and `width="100%"` so it scales to a 360 px phone, and colours taken from CSS classes
//! (`chart-series-N` sets `color`, the shapes paint with `currentColor`), so the site stylesheet
//! styles light, dark and print. The inline `color` attributes are only a fallback for an SVG
//! shown without our stylesheet; any CSS rule overrides them.
//!
//! Why our own ~600 lines and not a crate (looked at in November 2026):
//! - `charts-rs` 2.3: maintained (releases through October 2026), needs no system font (it
//!   embeds Roboto) and even has a title/desc helper, but every colour is an inline hex value
//!   from its themes with no class to hook, so light/dark/print styling would mean rewriting
//!   its output by colour value; it sizes in fixed pixels and lays text out with Roboto metrics
//!   the browser doesn't use; and it's ~37,000 lines plus `serde_json`, `ttf-parser`,
//!   `arc-swap` and a 168 KB font in the server binary, for two simple chart types.
//! - `plotters` 0.3.7 (SVG backend): drawing text needs a font backend, either `ttf` (font-kit,
//!   system fonts through fontconfig) or `ab_glyph` (a font file we'd load at run time); colours
//!   are inline and there is no title, desc or role.
//! - `poloto` 19.1: styled with CSS classes, the closest fit, but its layout is fixed (legend in
//!   a column on the right, fixed room for the y labels), so store names like
//!   "S012 Leeds Briggate" and a 360 px width don't fit; the x axis is numeric only; and there
//!   is no title or desc.
//! - `plotlib` 0.5: unmaintained (still on the retired `failure` crate).
//!
//! Without font metrics, text widths are estimated generously (0.6 em a character). The layout
//! doesn't depend on the estimate being exact: bar labels get a line of their own above the
//! bar, and x-axis labels that would touch are dropped.
//!
//! Output is deterministic: ids come from a slug of the title and a hash of the data, never a
//! random number or a counter, so the same data renders byte for byte the same.

use crate::i18n::{t, t_with, Arg};
use std::fmt::{self, Write};

/// One line on a trend chart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Series {
    pub name: String,
    pub values: Vec<i64>,
}

/// Width of every chart in viewBox units. Chosen with the 14-unit text so that at 360 px the
/// text is about 11.5 px, and capped in CSS on desktops so it doesn't grow huge.
const W: f64 = 440.0;
const PAD: f64 = 8.0;
const FONT: f64 = 14.0;
const TITLE_FONT: f64 = 16.0;
/// Estimated advance of one character, as a share of the font size; generous so labels fit.
const CHAR_EM: f64 = 0.6;
/// Up to this many buckets the desc lists every value; past it, it sums each series up, since
/// sixty figures read aloud help nobody.
const LIST_ALL_UP_TO: usize = 14;
/// Rows of a bar chart listed one by one in the desc; the rest are counted together.
const BAR_ROWS_IN_DESC: usize = 30;
/// Points get a marker (and a tooltip) while there are few enough to tell apart.
const MARKERS_UP_TO: usize = 16;
const PLOT_HEIGHT: f64 = 180.0;
/// Fallback colours, the same as the stylesheet's light theme; blue and orange stay apart for
/// the common colour-vision deficiencies.
const FALLBACK: [&str; 4] = ["#1d4ed8", "#c2410c", "#047857", "#7c3aed"];

/// Counts over time buckets, one line per series; `labels.len()` == each `values.len()`
/// (a longer one is cut to the shortest rather than panicking). Counts below zero are drawn as
/// zero. Two or more series get a legend, and every other series is dashed so the lines differ
/// by more than colour.
pub fn trend_svg(title: &str, labels: &[String], series: &[Series]) -> String {
    let id = chart_id(
        title,
        labels.iter().map(String::as_str),
        series_parts(series),
    );
    let n = series
        .iter()
        .map(|s| s.values.len())
        .fold(labels.len(), usize::min);
    let max = series
        .iter()
        .flat_map(|s| &s.values[..n])
        .copied()
        .max()
        .unwrap_or(0);
    if n == 0 || max <= 0 {
        return no_data("trend", &id, title);
    }
    let labels = &labels[..n];
    let markers = n <= MARKERS_UP_TO;

    let mut body = String::new();
    let mut y = visible_title(&mut body, title);

    if series.len() > 1 {
        y = legend(&mut body, series, y, markers);
    }

    // The y axis: round ticks, their labels right-aligned left of the plot.
    let ticks = nice_ticks(max);
    let top_value = *ticks.last().unwrap_or(&1) as f64;
    let tick_chars = ticks.iter().map(|t| t.to_string().len()).max().unwrap_or(1);
    let left = PAD + text_width(tick_chars, FONT) + 6.0;
    let right = W - PAD - 4.0;
    let top = y + FONT / 2.0;
    let bottom = top + PLOT_HEIGHT;
    let y_of = |v: i64| bottom - v.max(0) as f64 / top_value * PLOT_HEIGHT;
    let x_of = |i: usize| {
        if n == 1 {
            (left + right) / 2.0
        } else {
            left + i as f64 * (right - left) / (n - 1) as f64
        }
    };

    for &t in &ticks {
        let ty = y_of(t);
        let (class, opacity) = if t == 0 {
            ("chart-axis", "0.6")
        } else {
            ("chart-grid", "0.15")
        };
        let _ = write!(
            body,
            r#"<line class="{class}" x1="{}" x2="{}" y1="{}" y2="{}" stroke="currentColor" stroke-opacity="{opacity}"/>"#,
            N(left),
            N(right),
            N(ty),
            N(ty)
        );
        let _ = write!(
            body,
            r#"<text class="chart-tick" x="{}" y="{}" text-anchor="end" fill="currentColor">{t}</text>"#,
            N(left - 6.0),
            N(ty + FONT * 0.35)
        );
    }

    x_labels(&mut body, labels, bottom, x_of);

    for (i, s) in series.iter().enumerate() {
        let values = &s.values[..n];
        let _ = write!(
            body,
            r#"<g class="chart-series chart-series-{i}" color="{}">"#,
            FALLBACK[i % FALLBACK.len()]
        );
        let points = values
            .iter()
            .enumerate()
            .map(|(j, &v)| format!("{},{}", N(x_of(j)), N(y_of(v))))
            .collect::<Vec<_>>()
            .join(" ");
        let _ = write!(
            body,
            r#"<polyline class="chart-line" points="{points}" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linejoin="round"{}/>"#,
            dash(i)
        );
        if markers {
            for (j, &v) in values.iter().enumerate() {
                let tip = esc(&t_with(
                    "chart-point",
                    &[
                        ("series", s.name.as_str().into()),
                        ("value", v.into()),
                        ("day", labels[j].as_str().into()),
                    ],
                ));
                marker(&mut body, i, x_of(j), y_of(v), Some(&tip));
            }
        }
        body.push_str("</g>");
    }

    let height = bottom + FONT + 10.0 + PAD;
    wrap(
        "trend",
        &id,
        title,
        &trend_desc(labels, series, n),
        height,
        &body,
    )
}

/// One horizontal bar per row, in the order given (callers pass largest first). The largest
/// value spans the full width; each value is also written at the end of its bar, so there is
/// no value axis to read across. Counts below zero are drawn as zero.
pub fn bars_svg(title: &str, rows: &[(String, i64)]) -> String {
    let id = chart_id(
        title,
        rows.iter().map(|(label, _)| label.as_str()),
        rows.iter().map(|(_, v)| v.to_string()),
    );
    let max = rows.iter().map(|(_, v)| *v).max().unwrap_or(0);
    if max <= 0 {
        return no_data("bars", &id, title);
    }

    let mut body = String::new();
    let mut y = visible_title(&mut body, title);
    let track = bar_track(max);
    let label_chars = chars_that_fit(W - 2.0 * PAD, FONT);
    for (label, value) in rows {
        let width = bar_width(*value, max, track);
        let _ = write!(
            body,
            r#"<g class="chart-row"><title>{}: {value}</title>"#,
            esc(label)
        );
        let _ = write!(
            body,
            r#"<text class="chart-label" x="{}" y="{}" fill="currentColor">{}</text>"#,
            N(PAD),
            N(y + FONT),
            esc(&fit(label, label_chars))
        );
        let bar_y = y + FONT + 6.0;
        let _ = write!(
            body,
            r#"<rect class="chart-track" x="{}" y="{}" width="{}" height="16" fill="currentColor" fill-opacity="0.08"/>"#,
            N(PAD),
            N(bar_y),
            N(track)
        );
        let _ = write!(
            body,
            r#"<g class="chart-series chart-series-0" color="{}"><rect class="chart-bar" x="{}" y="{}" width="{}" height="16" fill="currentColor"/></g>"#,
            FALLBACK[0],
            N(PAD),
            N(bar_y),
            N(width)
        );
        let _ = write!(
            body,
            r#"<text class="chart-value" x="{}" y="{}" fill="currentColor">{value}</text></g>"#,
            N(PAD + width + 6.0),
            N(bar_y + 13.0)
        );
        y = bar_y + 16.0 + 12.0;
    }

    let height = y - 12.0 + PAD;
    wrap("bars", &id, title, &bars_desc(rows), height, &body)
}

/// Round tick values from 0 up to at least `max`: a step of 1, 2 or 5 times a power of ten,
/// at most five intervals.
fn nice_ticks(max: i64) -> Vec<i64> {
    let max = max.max(1);
    let mut magnitude: i64 = 1;
    let step = loop {
        if let Some(step) = [1, 2, 5]
            .iter()
            .map(|m| m * magnitude)
            .find(|step| step.saturating_mul(5) >= max)
        {
            break step;
        }
        magnitude = magnitude.saturating_mul(10);
    };
    let top = (max + step - 1) / step * step;
    (0..=top / step).map(|k| k * step).collect()
}

/// Room for the bars: the inner width less what the largest value's figure needs at the end.
fn bar_track(max: i64) -> f64 {
    W - 2.0 * PAD - text_width(max.to_string().len(), FONT) - 8.0
}

fn bar_width(value: i64, max: i64, track: f64) -> f64 {
    value.max(0) as f64 / max as f64 * track
}

/// The chart's title drawn at the top (print has no page heading beside each chart); returns
/// the y where the next part starts.
fn visible_title(body: &mut String, title: &str) -> f64 {
    let _ = write!(
        body,
        r#"<text class="chart-title" x="{}" y="{}" font-size="{}" font-weight="600" fill="currentColor">{}</text>"#,
        N(PAD),
        N(PAD + TITLE_FONT),
        N(TITLE_FONT),
        esc(&fit(title, chars_that_fit(W - 2.0 * PAD, TITLE_FONT)))
    );
    PAD + TITLE_FONT + 12.0
}

/// One swatch and name per series, wrapping to a new row when the next would not fit; returns
/// the y below the legend.
fn legend(body: &mut String, series: &[Series], top: f64, markers: bool) -> f64 {
    const ROW: f64 = 22.0;
    const SWATCH: f64 = 24.0;
    let name_chars = 28;
    let mut x = PAD;
    let mut y = top;
    body.push_str(r#"<g class="chart-legend">"#);
    for (i, s) in series.iter().enumerate() {
        let name = fit(&s.name, name_chars);
        let item = SWATCH + 6.0 + text_width(name.chars().count(), FONT);
        if x > PAD && x + item > W - PAD {
            x = PAD;
            y += ROW;
        }
        let mid = y + ROW / 2.0;
        let _ = write!(
            body,
            r#"<g class="chart-series chart-series-{i}" color="{}"><line x1="{}" x2="{}" y1="{}" y2="{}" stroke="currentColor" stroke-width="2.5"{}/>"#,
            FALLBACK[i % FALLBACK.len()],
            N(x),
            N(x + SWATCH),
            N(mid),
            N(mid),
            dash(i)
        );
        if markers {
            marker(body, i, x + SWATCH / 2.0, mid, None);
        }
        let _ = write!(
            body,
            r#"</g><text x="{}" y="{}" fill="currentColor">{}</text>"#,
            N(x + SWATCH + 6.0),
            N(mid + FONT * 0.35),
            esc(&name)
        );
        x += item + 18.0;
    }
    body.push_str("</g>");
    y + ROW + 6.0
}

/// Labels under the x axis: as many as fit, counted back from the latest bucket (the one a
/// manager looks for), each with a small tick.
fn x_labels(body: &mut String, labels: &[String], bottom: f64, x_of: impl Fn(usize) -> f64) {
    let labels: Vec<String> = labels.iter().map(|l| fit(l, 24)).collect();
    for (i, x) in x_label_positions(&labels, &x_of).into_iter().rev() {
        let _ = write!(
            body,
            r#"<line class="chart-axis" x1="{}" x2="{}" y1="{}" y2="{}" stroke="currentColor" stroke-opacity="0.6"/>"#,
            N(x_of(i)),
            N(x_of(i)),
            N(bottom),
            N(bottom + 4.0)
        );
        let _ = write!(
            body,
            r#"<text class="chart-tick" x="{}" y="{}" text-anchor="middle" fill="currentColor">{}</text>"#,
            N(x),
            N(bottom + 4.0 + FONT + 2.0),
            esc(&labels[i])
        );
    }
}

/// Which buckets get a label and where its centre goes, right to left: from the latest,
/// `step` buckets apart; where the chart's edge pushed a label aside and the next would touch
/// it, the nearest earlier bucket that fits.
fn x_label_positions(labels: &[String], x_of: &impl Fn(usize) -> f64) -> Vec<(usize, f64)> {
    const GAP: f64 = 12.0;
    let n = labels.len();
    let widest = labels.iter().map(|l| l.chars().count()).max().unwrap_or(1);
    let need = text_width(widest, FONT) + GAP;
    let spacing = if n > 1 {
        (x_of(n - 1) - x_of(0)) / (n - 1) as f64
    } else {
        need
    };
    let step = ((need / spacing).ceil() as usize).max(1);
    let place = |i: usize| {
        let half = text_width(labels[i].chars().count(), FONT) / 2.0;
        (x_of(i).clamp(PAD + half, W - PAD - half), half)
    };
    let mut free_until = W - PAD;
    let mut placed = Vec::new();
    let mut next = n.checked_sub(1);
    'labels: while let Some(mut i) = next {
        let (mut x, mut half) = place(i);
        while x + half > free_until {
            match i.checked_sub(1) {
                Some(earlier) => i = earlier,
                None => break 'labels,
            }
            (x, half) = place(i);
        }
        free_until = x - half - GAP;
        placed.push((i, x));
        next = i.checked_sub(step);
    }
    placed
}

/// A point: a circle for even series, a square for odd ones, so they differ without colour.
fn marker(body: &mut String, series: usize, x: f64, y: f64, tip: Option<&str>) {
    let tip = tip
        .map(|t| format!("<title>{t}</title>"))
        .unwrap_or_default();
    if series.is_multiple_of(2) {
        let _ = write!(
            body,
            r#"<circle class="chart-marker" cx="{}" cy="{}" r="3.5" fill="currentColor">{tip}</circle>"#,
            N(x),
            N(y)
        );
    } else {
        let _ = write!(
            body,
            r#"<rect class="chart-marker" x="{}" y="{}" width="7" height="7" fill="currentColor">{tip}</rect>"#,
            N(x - 3.5),
            N(y - 3.5)
        );
    }
}

fn dash(series: usize) -> &'static str {
    if !series.is_multiple_of(2) {
        r#" stroke-dasharray="6 4""#
    } else {
        ""
    }
}

fn no_data(kind: &str, id: &str, title: &str) -> String {
    let no_data = t("chart-no-data");
    let mut body = String::new();
    let y = visible_title(&mut body, title);
    let _ = write!(
        body,
        r#"<text class="chart-empty" x="{}" y="{}" text-anchor="middle" fill="currentColor">{}</text>"#,
        N(W / 2.0),
        N(y + 28.0),
        esc(&no_data)
    );
    wrap(kind, id, title, &format!("{no_data}."), y + 48.0, &body)
}

fn wrap(kind: &str, id: &str, title: &str, desc: &str, height: f64, body: &str) -> String {
    format!(
        concat!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-{kind}" "#,
            r#"viewBox="0 0 {w} {h}" width="100%" role="img" "#,
            r#"aria-labelledby="{id}-title {id}-desc" "#,
            r#"font-family="system-ui, sans-serif" font-size="{font}">"#,
            r#"<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>"#,
            "{body}</svg>"
        ),
        kind = kind,
        w = N(W),
        h = N(height.ceil()),
        id = id,
        font = N(FONT),
        title = esc(title),
        desc = esc(desc),
        body = body,
    )
}

/// The figures in words. Short trends list every value; long ones give each series' total,
/// highest, lowest and latest bucket.
fn trend_desc(labels: &[String], series: &[Series], n: usize) -> String {
    series
        .iter()
        .map(|s| {
            let values = &s.values[..n];
            let total: i64 = values.iter().sum();
            if n <= LIST_ALL_UP_TO {
                let each = values
                    .iter()
                    .zip(labels)
                    .map(|(v, l)| {
                        t_with(
                            "chart-value-on",
                            &[("value", (*v).into()), ("day", l.as_str().into())],
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(", ");
                t_with(
                    "chart-each",
                    &[
                        ("series", s.name.as_str().into()),
                        ("values", each.into()),
                        ("total", total.into()),
                    ],
                )
            } else {
                let (hi, hi_at) = extreme(values, |a, b| a > b);
                let (lo, lo_at) = extreme(values, |a, b| a < b);
                t_with(
                    "chart-summary",
                    &[
                        ("series", s.name.as_str().into()),
                        ("total", total.into()),
                        ("first", labels[0].as_str().into()),
                        ("last", labels[n - 1].as_str().into()),
                        ("high", hi.into()),
                        ("highday", labels[hi_at].as_str().into()),
                        ("low", lo.into()),
                        ("lowday", labels[lo_at].as_str().into()),
                        ("latest", values[n - 1].into()),
                    ],
                )
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The first value that beats all others by `better`, and where it is.
fn extreme(values: &[i64], better: impl Fn(i64, i64) -> bool) -> (i64, usize) {
    let mut best = (values[0], 0);
    for (i, &v) in values.iter().enumerate().skip(1) {
        if better(v, best.0) {
            best = (v, i);
        }
    }
    best
}

fn bars_desc(rows: &[(String, i64)]) -> String {
    let total: i64 = rows.iter().map(|(_, v)| v).sum();
    let mut desc = rows
        .iter()
        .take(BAR_ROWS_IN_DESC)
        .map(|(label, v)| format!("{label}: {v}"))
        .collect::<Vec<_>>()
        .join("; ");
    if rows.len() > BAR_ROWS_IN_DESC {
        let rest = &rows[BAR_ROWS_IN_DESC..];
        let rest_total: i64 = rest.iter().map(|(_, v)| v).sum();
        desc.push_str(&t_with(
            "chart-bars-more",
            &[
                ("count", Arg::count(rest.len())),
                ("total", rest_total.into()),
            ],
        ));
    }
    desc.push_str(&t_with("chart-bars-total", &[("total", total.into())]));
    desc
}

/// `chart-<slug of the title>-<hash of title and data>`: readable in the page source, and two
/// charts on one page differ unless they show the very same thing (then the clash is harmless:
/// both ids name the same words).
fn chart_id<'a>(
    title: &str,
    labels: impl Iterator<Item = &'a str>,
    values: impl Iterator<Item = String>,
) -> String {
    let mut hash = Fnv::default();
    hash.add(title);
    for label in labels {
        hash.add(label);
    }
    for value in values {
        hash.add(&value);
    }
    let slug: String = crate::domain::article::slug_from_title(title)
        .chars()
        .take(32)
        .collect();
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        format!("chart-{:08x}", hash.finish())
    } else {
        format!("chart-{slug}-{:08x}", hash.finish())
    }
}

fn series_parts(series: &[Series]) -> impl Iterator<Item = String> + '_ {
    series
        .iter()
        .flat_map(|s| std::iter::once(s.name.clone()).chain(s.values.iter().map(i64::to_string)))
}

/// FNV-1a, 32 bits: std's hasher is not promised to stay the same across Rust releases, and
/// the ids should not change with the compiler.
struct Fnv(u32);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0x811c_9dc5)
    }
}

impl Fnv {
    fn add(&mut self, part: &str) {
        // A separator after each part, so ("ab", "c") and ("a", "bc") differ.
        for b in part.bytes().chain([0xff]) {
            self.0 ^= u32::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0193);
        }
    }

    fn finish(&self) -> u32 {
        self.0
    }
}

fn text_width(chars: usize, size: f64) -> f64 {
    chars as f64 * size * CHAR_EM
}

fn chars_that_fit(width: f64, size: f64) -> usize {
    (width / (size * CHAR_EM)).floor() as usize
}

/// Cuts a label to `max` characters, ending in an ellipsis; the full text stays in the desc
/// and the tooltip.
fn fit(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
        cut.push('…');
        cut
    }
}

/// Escapes text for SVG content and double- or single-quoted attributes alike.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A coordinate to one decimal place, without a trailing ".0": short, stable output.
struct N(f64);

impl fmt::Display for N {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Adding 0.0 turns -0.0 into 0.0.
        let v = (self.0 * 10.0).round() / 10.0 + 0.0;
        if v.fract() == 0.0 {
            write!(f, "{}", v as i64)
        } else {
            write!(f, "{v:.1}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn days(n: usize) -> Vec<String> {
        (0..n)
            .map(|i| {
                (chrono::NaiveDate::from_ymd_opt(2026, 11, 3).unwrap()
                    + chrono::Duration::days(i as i64))
                .format("%Y-%m-%d")
                .to_string()
            })
            .collect()
    }

    fn series(name: &str, values: &[i64]) -> Series {
        Series {
            name: name.to_string(),
            values: values.to_vec(),
        }
    }

    fn between<'a>(svg: &'a str, open: &str, close: &str) -> &'a str {
        let start = svg.find(open).expect(open) + open.len();
        let end = svg[start..].find(close).expect(close) + start;
        &svg[start..end]
    }

    /// The attribute values of every element that has `class="{class}"`.
    fn attr_of_class(svg: &str, class: &str, attr: &str) -> Vec<f64> {
        let marker = format!(r#"class="{class}""#);
        svg.match_indices(&marker)
            .map(|(at, _)| {
                let tag_end = svg[at..].find('>').unwrap() + at;
                let tag = &svg[at..tag_end];
                between(tag, &format!(r#" {attr}=""#), "\"")
                    .parse()
                    .unwrap()
            })
            .collect()
    }

    #[test]
    fn trend_has_role_title_and_desc_with_the_figures() {
        let svg = trend_svg(
            "Tickets per day",
            &days(3),
            &[
                series("Opened", &[12, 9, 4]),
                series("Resolved", &[7, 11, 5]),
            ],
        );
        assert!(svg.starts_with("<svg "), "{svg}");
        assert!(svg.ends_with("</svg>"));
        assert!(svg.contains(r#"role="img""#));
        assert!(svg.contains(r#"viewBox="0 0 440 "#));
        assert!(svg.contains(r#"width="100%""#));
        let id = between(&svg, r#"<title id=""#, "-title\"");
        assert!(svg.contains(&format!(r#"aria-labelledby="{id}-title {id}-desc""#)));
        assert_eq!(between(&svg, "-title\">", "</title>"), "Tickets per day");
        let desc = between(&svg, "-desc\">", "</desc>");
        assert_eq!(
            desc,
            "Opened: 12 on 2026-11-03, 9 on 2026-11-04, 4 on 2026-11-05 (25 in total). \
             Resolved: 7 on 2026-11-03, 11 on 2026-11-04, 5 on 2026-11-05 (23 in total)."
        );
        // Two series: a legend naming both, and classes the stylesheet colours.
        assert!(svg.contains(r#"<g class="chart-legend">"#));
        assert!(svg.contains(">Opened</text>") && svg.contains(">Resolved</text>"));
        assert!(svg.contains(r#"class="chart-series chart-series-0""#));
        assert!(svg.contains(r#"class="chart-series chart-series-1""#));
        assert_eq!(svg.matches("<polyline").count(), 2);
    }

    #[test]
    fn long_trends_sum_each_series_up_in_the_desc() {
        let labels = days(60);
        let opened: Vec<i64> = (0..60).map(|i| (i % 7) as i64).collect();
        let mut resolved = vec![3; 60];
        resolved[20] = 15;
        resolved[59] = 1;
        let svg = trend_svg(
            "Tickets per day",
            &labels,
            &[series("Opened", &opened), series("Resolved", &resolved)],
        );
        let desc = between(&svg, "-desc\">", "</desc>");
        assert!(
            desc.starts_with(
                "Opened: 174 in total from 2026-11-03 to 2027-01-01; highest 6 on 2026-11-09, \
                 lowest 0 on 2026-11-03, latest 3 on 2027-01-01."
            ),
            "{desc}"
        );
        assert!(
            desc.ends_with(
                "highest 15 on 2026-11-23, lowest 1 on 2027-01-01, latest 1 on 2027-01-01."
            ),
            "{desc}"
        );
        assert!(desc.len() < 400, "{}", desc.len());
        // Sixty buckets: no markers, and only as many x labels as fit, the latest among them.
        assert!(!svg.contains("chart-marker"));
        let x_labels = svg.matches(r#"text-anchor="middle""#).count();
        assert!((2..=6).contains(&x_labels), "{x_labels}");
        assert!(svg.contains(">2027-01-01</text>"));
    }

    #[test]
    fn labels_and_names_are_escaped() {
        let svg = trend_svg(
            r#"Opened <& "resolved""#,
            &["w/c 3 Nov <b>".to_string(), "O'Neil & co".to_string()],
            &[series("A<script>", &[1, 2]), series("B \"q\"", &[2, 1])],
        );
        assert!(!svg.contains("<script>"));
        assert!(!svg.contains("<b>"));
        assert!(svg.contains("Opened &lt;&amp; &quot;resolved&quot;"));
        assert!(svg.contains("A&lt;script&gt;"));
        assert!(svg.contains("O&#39;Neil &amp; co"));
        let bars = bars_svg(
            "By store",
            &[("S012 <Leeds> & \"Briggate\"".to_string(), 3)],
        );
        assert!(bars.contains("S012 &lt;Leeds&gt; &amp; &quot;Briggate&quot;: 3"));
        assert!(!bars.contains("<Leeds>"));
    }

    #[test]
    fn empty_or_all_zero_data_says_so() {
        for svg in [
            trend_svg("Tickets per day", &[], &[]),
            trend_svg("Tickets per day", &days(3), &[]),
            trend_svg("Tickets per day", &days(2), &[series("Opened", &[0, 0])]),
            bars_svg("By store", &[]),
            bars_svg(
                "Satisfaction",
                &[("5".to_string(), 0), ("4".to_string(), 0)],
            ),
        ] {
            assert!(svg.contains(r#"role="img""#), "{svg}");
            assert!(svg.contains(">No data for this period</text>"), "{svg}");
            assert!(
                svg.contains("-desc\">No data for this period.</desc>"),
                "{svg}"
            );
            assert!(!svg.contains("<polyline") && !svg.contains(r#"class="chart-bar""#));
        }
    }

    #[test]
    fn bar_widths_are_proportional_and_the_largest_fills_the_track() {
        let rows = vec![
            ("S012 Leeds Briggate".to_string(), 40),
            ("S003 York".to_string(), 20),
            ("S101 Hull".to_string(), 10),
            ("S007 Bath".to_string(), 0),
        ];
        let svg = bars_svg("Tickets by store", &rows);
        let widths = attr_of_class(&svg, "chart-bar", "width");
        let tracks = attr_of_class(&svg, "chart-track", "width");
        assert_eq!(widths.len(), 4);
        let full = tracks[0];
        assert_eq!(widths[0], full);
        assert!((widths[1] - full / 2.0).abs() < 0.1, "{widths:?}");
        assert!((widths[2] - full / 4.0).abs() < 0.1, "{widths:?}");
        assert_eq!(widths[3], 0.0);
        // The bar and its figure stay inside the viewBox.
        assert!(PAD + full + 6.0 + text_width(2, FONT) <= W - PAD);
        let desc = between(&svg, "-desc\">", "</desc>");
        assert_eq!(
            desc,
            "S012 Leeds Briggate: 40; S003 York: 20; S101 Hull: 10; S007 Bath: 0. Total: 70."
        );
        assert!(svg.contains(">S012 Leeds Briggate</text>"));
    }

    #[test]
    fn satisfaction_uses_the_same_bars() {
        let rows: Vec<(String, i64)> = [(5, 31), (4, 12), (3, 4), (2, 1), (1, 2)]
            .iter()
            .map(|(score, n)| (format!("{score} of 5"), *n))
            .collect();
        let svg = bars_svg("Satisfaction", &rows);
        assert_eq!(svg.matches(r#"class="chart-bar""#).count(), 5);
        assert!(svg.contains("5 of 5: 31; 4 of 5: 12; 3 of 5: 4; 2 of 5: 1; 1 of 5: 2. Total: 50."));
    }

    #[test]
    fn long_bar_lists_are_capped_in_the_desc() {
        let rows: Vec<(String, i64)> = (0..35).map(|i| (format!("S{i:03}"), 100 - i)).collect();
        let svg = bars_svg("Tickets by store", &rows);
        let desc = between(&svg, "-desc\">", "</desc>");
        assert!(
            desc.contains("S029: 71; and 5 more with 340 in total. Total: 2905."),
            "{desc}"
        );
        assert!(!desc.contains("S030"));
    }

    #[test]
    fn ids_differ_between_charts_and_do_not_change_between_runs() {
        let rows = vec![("S1".to_string(), 1)];
        let a = bars_svg("Tickets by store", &rows);
        let b = bars_svg("Satisfaction", &rows);
        let id_a = between(&a, r#"<title id=""#, "-title\"");
        let id_b = between(&b, r#"<title id=""#, "-title\"");
        assert_ne!(id_a, id_b);
        assert!(id_a.starts_with("chart-tickets-by-store-"), "{id_a}");
        // Same title, other data: still apart.
        let c = bars_svg("Tickets by store", &[("S2".to_string(), 1)]);
        assert_ne!(id_a, between(&c, r#"<title id=""#, "-title\""));
        // Deterministic.
        assert_eq!(a, bars_svg("Tickets by store", &rows));
        // A title with no letters still gets an id.
        let d = bars_svg("—", &rows);
        assert!(between(&d, r#"<title id=""#, "-title\"").starts_with("chart-"));
    }

    #[test]
    fn tick_values_are_round() {
        for max in [
            1, 2, 3, 4, 5, 7, 9, 10, 12, 17, 23, 41, 99, 100, 101, 999, 1234, 98_765,
        ] {
            let ticks = nice_ticks(max);
            let step = ticks[1];
            assert_eq!(ticks[0], 0);
            assert!(*ticks.last().unwrap() >= max, "{max}: {ticks:?}");
            assert!(ticks.len() <= 6 && ticks.len() >= 2, "{max}: {ticks:?}");
            assert!(ticks.windows(2).all(|w| w[1] - w[0] == step));
            let mut mantissa = step;
            while mantissa % 10 == 0 {
                mantissa /= 10;
            }
            assert!([1, 2, 5].contains(&mantissa), "{max}: {ticks:?}");
        }
        assert_eq!(nice_ticks(7), vec![0, 2, 4, 6, 8]);
        assert_eq!(nice_ticks(12), vec![0, 5, 10, 15]);
        assert_eq!(nice_ticks(41), vec![0, 10, 20, 30, 40, 50]);
    }

    #[test]
    fn the_drawing_stays_inside_the_view_box() {
        let svg = trend_svg(
            "Tickets per week",
            &["w/c 3 Nov".to_string(), "w/c 10 Nov".to_string()],
            &[series("Opened", &[41, 7])],
        );
        let height: f64 = between(&svg, r#"viewBox="0 0 440 "#, "\"").parse().unwrap();
        for (at, _) in svg.match_indices("<text ") {
            let tag = &svg[at..svg[at..].find('>').unwrap() + at];
            let x: f64 = between(tag, r#" x=""#, "\"").parse().unwrap();
            let y: f64 = between(tag, r#" y=""#, "\"").parse().unwrap();
            assert!(
                (0.0..=W).contains(&x) && (0.0..=height).contains(&y),
                "{tag}"
            );
        }
        // One series: no legend; a single point still shows, with a marker.
        assert!(!svg.contains("chart-legend"));
        let one = trend_svg("Today", &days(1), &[series("Opened", &[3])]);
        assert_eq!(one.matches("<circle").count(), 1);
    }

    #[test]
    fn x_labels_never_touch_and_the_latest_always_has_one() {
        for n in [1, 2, 5, 7, 13, 30, 60] {
            let labels = days(n);
            let x_of = |i: usize| 40.0 + i as f64 * 388.0 / (n.max(2) - 1) as f64;
            let placed = x_label_positions(&labels, &x_of);
            assert_eq!(placed[0].0, n - 1, "{n}: {placed:?}");
            assert!(placed.len() >= n.min(3), "{n}: {placed:?}");
            let half = text_width(10, FONT) / 2.0;
            for pair in placed.windows(2) {
                assert!(
                    pair[0].1 - pair[1].1 >= 2.0 * half + 12.0 - 1e-9,
                    "{n}: {placed:?}"
                );
            }
            assert!(placed
                .iter()
                .all(|&(_, x)| x - half >= PAD && x + half <= W - PAD));
        }
    }

    #[test]
    fn mismatched_lengths_are_cut_not_a_panic() {
        let svg = trend_svg("T", &days(3), &[series("Opened", &[1, 2])]);
        let desc = between(&svg, "-desc\">", "</desc>");
        assert_eq!(
            desc,
            "Opened: 1 on 2026-11-03, 2 on 2026-11-04 (3 in total)."
        );
    }

    #[test]
    fn long_labels_are_cut_on_screen_but_whole_in_the_desc() {
        let label =
            "S012 Leeds Briggate, the big store by the station with the long name".to_string();
        let svg = bars_svg("By store", &[(label.clone(), 5)]);
        assert!(svg.contains('…'));
        assert!(between(&svg, "-desc\">", "</desc>").contains(&label));
    }
}
