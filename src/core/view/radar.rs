//! The radar chart of domain maturity as geometry: one axis per domain,
//! starting at the top and running clockwise, rings at each level, the
//! domains' levels and targets as polygons. Coordinates are SVG user units
//! in a square of [`SIZE`], written with one decimal.

use super::DomainRow;

/// Width and height of the chart's view box.
pub const SIZE: u16 = 420;
const CENTRE: f64 = 210.0;
const RADIUS: f64 = 160.0;
/// The top level, on the outer ring.
const TOP_LEVEL: f64 = 4.0;
/// How far out the axis numbers sit, in levels.
const LABEL_AT: f64 = 4.55;
/// An axis label this close to the centre line is centred on it.
const CENTRED_WITHIN: f64 = 8.0;

/// How an axis label lines up with its point (SVG `text-anchor`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    /// The SVG attribute value.
    pub fn as_str(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// A point, coordinates as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Point {
    pub x: String,
    pub y: String,
}

/// One domain's axis, its number label and its dot.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Axis {
    /// The domain's number in the table beside the chart.
    pub number: usize,
    pub domain: String,
    /// The level in hundredths, for the dot's tooltip.
    pub level: u16,
    /// The outer end of the axis (the line starts at the centre).
    pub end: Point,
    pub label: Point,
    pub anchor: Anchor,
    pub dot: Point,
}

/// A level number beside the first axis.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tick {
    pub level: u8,
    pub at: Point,
}

/// Everything the chart draws.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RadarView {
    pub centre: Point,
    /// One polygon (SVG `points`) per level from 1 to 4.
    pub rings: Vec<String>,
    pub axes: Vec<Axis>,
    pub ticks: Vec<Tick>,
    /// The domains' targets as a polygon.
    pub targets: String,
    /// The domains' levels as a polygon.
    pub levels: String,
}

/// The point at `level` on the axis of domain `i` of `n`.
fn point(i: usize, n: usize, level: f64) -> (f64, f64) {
    let angle = std::f64::consts::TAU * i as f64 / n as f64 - std::f64::consts::FRAC_PI_2;
    let r = RADIUS * level / TOP_LEVEL;
    let (cos, sin) = cos_sin(angle);
    (CENTRE + r * cos, CENTRE + r * sin)
}

/// The cosine and sine of an angle of a few turns at most, to within 1e-12 (`tests/view.rs`):
/// the angle is brought within an eighth of a turn of a multiple of a quarter
/// turn, where two short series suffice. (The standard library's functions
/// carry an argument reduction for any angle, a sizeable part of the widget.)
pub fn cos_sin(angle: f64) -> (f64, f64) {
    let quarter = std::f64::consts::FRAC_PI_2;
    let k = (angle / quarter).round();
    let x = angle - k * quarter;
    let x2 = x * x;
    // Taylor series to x^14 and x^15: the next terms are below 1e-13 for |x| <= pi/4.
    let (mut cos, mut sin, mut term_c, mut term_s) = (1.0, x, 1.0, x);
    for n in 1..=7 {
        let n = f64::from(n);
        term_c *= -x2 / ((2.0 * n - 1.0) * (2.0 * n));
        term_s *= -x2 / ((2.0 * n) * (2.0 * n + 1.0));
        cos += term_c;
        sin += term_s;
    }
    match (k as i64).rem_euclid(4) {
        0 => (cos, sin),
        1 => (-sin, cos),
        2 => (-cos, -sin),
        _ => (sin, -cos),
    }
}

/// A coordinate with one decimal, written without a float formatter (it would grow the widget).
fn coord(v: f64) -> String {
    let tenths = (v * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    format!("{sign}{}.{}", tenths.abs() / 10, tenths.abs() % 10)
}

fn at(x: f64, y: f64) -> Point {
    Point { x: coord(x), y: coord(y) }
}

fn polygon(n: usize, level: impl Fn(usize) -> f64) -> String {
    (0..n)
        .map(|i| {
            let (x, y) = point(i, n, level(i));
            format!("{},{}", coord(x), coord(y))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn levels(hundredths: u16) -> f64 {
    f64::from(hundredths) / 100.0
}

/// The chart of the domain rows; `None` below three domains, where a radar has no shape
/// (the table says everything).
pub fn radar(rows: &[DomainRow]) -> Option<RadarView> {
    let n = rows.len();
    if n < 3 {
        return None;
    }
    let axes = rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let (x, y) = point(i, n, TOP_LEVEL);
            let (lx, ly) = point(i, n, LABEL_AT);
            let anchor = if (lx - CENTRE).abs() < CENTRED_WITHIN {
                Anchor::Middle
            } else if lx > CENTRE {
                Anchor::Start
            } else {
                Anchor::End
            };
            let (dx, dy) = point(i, n, levels(row.level));
            Axis {
                number: row.number,
                domain: row.id.clone(),
                level: row.level,
                end: at(x, y),
                // The baseline sits a little below the point so the number is centred on it.
                label: at(lx, ly + 4.0),
                anchor,
                dot: at(dx, dy),
            }
        })
        .collect();
    let ticks = (1..=4u8)
        .map(|ring| {
            let (x, y) = point(0, n, f64::from(ring));
            Tick { level: ring, at: at(x + 4.0, y - 3.0) }
        })
        .collect();
    Some(RadarView {
        centre: at(CENTRE, CENTRE),
        rings: (1..=4u8).map(|ring| polygon(n, |_| f64::from(ring))).collect(),
        axes,
        ticks,
        targets: polygon(n, |i| levels(rows[i].target)),
        levels: polygon(n, |i| levels(rows[i].level)),
    })
}
