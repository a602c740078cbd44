//! The radar chart of domain maturity, drawn as inline SVG with presentation
//! attributes only (no style attributes, so it renders under a strict CSP).
//! The geometry comes from the core (`core::view::radar`).

use yew::prelude::*;

use crate::core::view::RadarView;
use crate::web::lang::Words;

#[derive(Properties, PartialEq)]
pub struct RadarProps {
    pub lang: Words,
    pub view: RadarView,
}

#[function_component]
pub fn RadarChart(props: &RadarProps) -> Html {
    let lang = props.lang;
    let view = &props.view;
    let centre = &view.centre;
    html! {
        <svg class="ct-radar" viewBox="0 0 420 420" role="img" aria-labelledby="ct-radar-title ct-radar-desc">
            <title id="ct-radar-title">{ lang.t("results.chart_title") }</title>
            <desc id="ct-radar-desc">{ lang.t("results.chart_desc") }</desc>
            { for view.rings.iter().map(|ring| html! {
                <polygon class="ct-radar-ring" points={ring.clone()} fill="none" />
            }) }
            { for view.axes.iter().map(|axis| html! {
                <g>
                    <line class="ct-radar-axis" x1={centre.x.clone()} y1={centre.y.clone()} x2={axis.end.x.clone()} y2={axis.end.y.clone()} />
                    <text class="ct-radar-label" x={axis.label.x.clone()} y={axis.label.y.clone()} text-anchor={axis.anchor.as_str()}>{ axis.number.to_string() }</text>
                </g>
            }) }
            { for view.ticks.iter().map(|tick| html! {
                <text class="ct-radar-scale" x={tick.at.x.clone()} y={tick.at.y.clone()}>{ tick.level.to_string() }</text>
            }) }
            <polygon class="ct-radar-target" points={view.targets.clone()} fill="none" />
            <polygon class="ct-radar-level" points={view.levels.clone()} />
            { for view.axes.iter().map(|axis| html! {
                <circle class="ct-radar-dot" cx={axis.dot.x.clone()} cy={axis.dot.y.clone()} r="3.5">
                    <title>{ format!("{}: {}", lang.domain_title(&axis.domain), lang.hundredths(i64::from(axis.level), 1)) }</title>
                </circle>
            }) }
        </svg>
    }
}
