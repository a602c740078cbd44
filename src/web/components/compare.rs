//! Comparison with an earlier results file: indices and domains, before and now.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::assessment::{Baseline, Event};
use crate::core::compare::{compare, Trend};
use crate::core::context::Context;
use crate::core::score::{score, Report};
use crate::core::Catalog;
use crate::web::lang::Lang;
use crate::web::state::{Dispatch, Msg};

#[derive(Properties, PartialEq)]
pub struct CompareProps {
    pub lang: Lang,
    pub dispatch: Dispatch,
    pub baseline: Option<Baseline>,
    pub context: Context,
    pub report: Rc<Report>,
}

/// A signed difference; `hundredths` says whether it is in hundredths (levels) or whole points (indices).
fn signed(lang: &Lang, delta: Option<i32>, hundredths: bool) -> String {
    match delta {
        None => "–".to_owned(),
        Some(0) => "±0".to_owned(),
        Some(d) => {
            let magnitude = i64::from(d.abs());
            let text = if hundredths { lang.hundredths(magnitude, 2) } else { magnitude.to_string() };
            format!("{}{text}", if d > 0 { "+" } else { "−" })
        }
    }
}

fn trend_cell(lang: &Lang, trend: Trend, text: String) -> Html {
    html! {
        <td class={classes!("ct-num", "ct-trend", format!("ct-trend-{}", trend.as_str()))}>
            { text }
            <span class="ct-trend-word">{ format!(" {}", lang.t(&format!("compare.{}", trend.as_str()))) }</span>
        </td>
    }
}

#[function_component]
pub fn ComparePage(props: &CompareProps) -> Html {
    let lang = props.lang;
    let q = &Catalog::embedded().questionnaire;
    let Some(baseline) = &props.baseline else { return html! {} };
    let before = score(q, &baseline.context, &baseline.answers.values);
    let comparison = compare(q, &before, &props.report);
    let level = |v: Option<i32>| v.map_or("–".to_owned(), |v| lang.hundredths(i64::from(v), 2));
    let close = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Msg::Core(Event::ClearBaseline)))
    };
    html! {
        <section class="ct-compare" aria-labelledby="ct-page-title">
            <h1 id="ct-page-title" class="ct-title" tabindex="-1" data-page-heading="">{ lang.t("compare.title") }</h1>
            <p class="ct-lead">{ lang.fill("compare.lead", &[("date", &lang.date(&baseline.created))]) }</p>
            if baseline.context != props.context {
                <p class="ct-notice ct-notice-warning" role="note">{ lang.t("compare.context_changed") }</p>
            }
            <div class="ct-table-wrap">
                <table class="ct-table">
                    <caption class="ct-visually-hidden">{ lang.t("compare.title") }</caption>
                    <thead><tr>
                        <th scope="col"></th>
                        <th scope="col" class="ct-num">{ lang.t("compare.before") }</th>
                        <th scope="col" class="ct-num">{ lang.t("compare.after") }</th>
                        <th scope="col" class="ct-num">{ lang.t("compare.change") }</th>
                    </tr></thead>
                    <tbody>
                        { for comparison.indices.iter().map(|d| html! {
                            <tr class="ct-compare-index">
                                <th scope="row">{ lang.t(&format!("indices.{}", d.index.as_str())) }</th>
                                <td class="ct-num">{ d.before.map_or("–".into(), |v| v.to_string()) }</td>
                                <td class="ct-num">{ d.after.map_or("–".into(), |v| v.to_string()) }</td>
                                { trend_cell(&lang, d.trend, signed(&lang, d.delta, false)) }
                            </tr>
                        }) }
                        { for comparison.domains.iter().map(|d| html! {
                            <tr>
                                <th scope="row">{ lang.domain_title(&d.domain) }</th>
                                <td class="ct-num">{ level(d.before) }</td>
                                <td class="ct-num">{ level(d.after) }</td>
                                { trend_cell(&lang, d.trend, signed(&lang, d.delta, true)) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            <div class="ct-actions-row">
                <button type="button" class="ct-button" onclick={close}>{ lang.t("compare.close") }</button>
            </div>
        </section>
    }
}
