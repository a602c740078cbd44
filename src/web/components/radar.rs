//! The radar chart of domain maturity, drawn as inline SVG with presentation
//! attributes only (no style attributes, so it renders under a strict CSP).

use yew::prelude::*;

use crate::core::score::DomainReport;
use crate::web::lang::Lang;

#[derive(Properties, PartialEq)]
pub struct RadarProps {
    pub lang: Lang,
    pub domains: Vec<DomainReport>,
}

const CENTRE: f64 = 210.0;
const RADIUS: f64 = 160.0;

/// The point at `level` (0-4) on the axis of domain `i` of `n`, starting at the top, clockwise.
fn point(i: usize, n: usize, level: f64) -> (f64, f64) {
    let angle = std::f64::consts::TAU * i as f64 / n as f64 - std::f64::consts::FRAC_PI_2;
    let r = RADIUS * level / 4.0;
    (CENTRE + r * angle.cos(), CENTRE + r * angle.sin())
}

/// A coordinate with one decimal, formatted without a float formatter.
fn coord(v: f64) -> String {
    let tenths = (v * 10.0).round() as i64;
    format!("{}.{}", tenths / 10, (tenths % 10).abs())
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

#[function_component]
pub fn RadarChart(props: &RadarProps) -> Html {
    let lang = props.lang;
    let n = props.domains.len();
    if n < 3 {
        // A radar needs three axes; the table next to it says everything.
        return html! {};
    }
    let levels = polygon(n, |i| f64::from(props.domains[i].level) / 100.0);
    let targets = polygon(n, |i| f64::from(props.domains[i].target) / 100.0);
    html! {
        <svg class="ct-radar" viewBox="0 0 420 420" role="img" aria-labelledby="ct-radar-title ct-radar-desc">
            <title id="ct-radar-title">{ lang.t("results.chart_title") }</title>
            <desc id="ct-radar-desc">{ lang.t("results.chart_desc") }</desc>
            { for (1..=4).map(|ring| html! {
                <polygon class="ct-radar-ring" points={polygon(n, |_| f64::from(ring))} fill="none" />
            }) }
            { for (0..n).map(|i| {
                let (x, y) = point(i, n, 4.0);
                let (lx, ly) = point(i, n, 4.55);
                let anchor = if (lx - CENTRE).abs() < 8.0 { "middle" } else if lx > CENTRE { "start" } else { "end" };
                html! {
                    <g>
                        <line class="ct-radar-axis" x1={coord(CENTRE)} y1={coord(CENTRE)} x2={coord(x)} y2={coord(y)} />
                        <text class="ct-radar-label" x={coord(lx)} y={coord(ly + 4.0)} text-anchor={anchor}>{ (i + 1).to_string() }</text>
                    </g>
                }
            }) }
            { for (1..=4).map(|ring| {
                let (x, y) = point(0, n, f64::from(ring));
                html! { <text class="ct-radar-scale" x={coord(x + 4.0)} y={coord(y - 3.0)}>{ ring.to_string() }</text> }
            }) }
            <polygon class="ct-radar-target" points={targets} fill="none" />
            <polygon class="ct-radar-level" points={levels} />
            { for props.domains.iter().enumerate().map(|(i, d)| {
                let (x, y) = point(i, n, f64::from(d.level) / 100.0);
                html! {
                    <circle class="ct-radar-dot" cx={coord(x)} cy={coord(y)} r="3.5">
                        <title>{ format!("{}: {}", lang.domain_title(&d.id), lang.hundredths(i64::from(d.level), 1)) }</title>
                    </circle>
                }
            }) }
        </svg>
    }
}
