//! Comparison with an earlier results file: indices and domains, before and now.

use yew::prelude::*;

use crate::core::assessment::Event;
use crate::core::compare::Trend;
use crate::core::view::{level_change, optional_level, points_change, ComparisonView};
use crate::web::lang::Words;
use crate::web::state::{Dispatch, Msg};

#[derive(Properties, PartialEq)]
pub struct CompareProps {
    pub lang: Words,
    pub dispatch: Dispatch,
    pub view: ComparisonView,
}

fn trend_cell(lang: &Words, trend: Trend, text: String) -> Html {
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
    let view = &props.view;
    let close = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Msg::Core(Event::ClearBaseline)))
    };
    html! {
        <section class="ct-compare" aria-labelledby="ct-page-title">
            <h1 id="ct-page-title" class="ct-title" tabindex="-1" data-page-heading="">{ lang.t("compare.title") }</h1>
            <p class="ct-lead">{ lang.fill("compare.lead", &[("date", &lang.date(&view.created))]) }</p>
            if view.context_changed {
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
                        { for view.indices.iter().map(|d| html! {
                            <tr class="ct-compare-index">
                                <th scope="row">{ lang.t(&format!("indices.{}", d.index.as_str())) }</th>
                                <td class="ct-num">{ d.before.map_or("–".into(), |v| v.to_string()) }</td>
                                <td class="ct-num">{ d.after.map_or("–".into(), |v| v.to_string()) }</td>
                                { trend_cell(&lang, d.trend, points_change(d.delta)) }
                            </tr>
                        }) }
                        { for view.domains.iter().map(|d| html! {
                            <tr>
                                <th scope="row">{ lang.domain_title(&d.domain) }</th>
                                <td class="ct-num">{ optional_level(&lang, d.before) }</td>
                                <td class="ct-num">{ optional_level(&lang, d.after) }</td>
                                { trend_cell(&lang, d.trend, level_change(&lang, d.delta)) }
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
