//! The results: both indices with their bands and any cap, completeness, the
//! radar chart with its table, the action plan and what is still unanswered.

use std::rc::Rc;

use yew::prelude::*;

use super::actions::{standing_text, ActionPlan};
use super::frameworks::{framework_panel, results_tabs, tab_ids};
use super::radar::RadarChart;
use crate::core::context::Context;
use crate::core::crosswalk::{Framework, View};
use crate::core::view::{DomainRow, IndexCard, ResultsView};
use crate::web::lang::Words;
use crate::web::state::{Dispatch, Msg, ResultsTab};

#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    pub lang: Words,
    pub dispatch: Dispatch,
    pub view: Rc<ResultsView>,
    /// Now, RFC 3339, for the printed date.
    pub today: AttrValue,
    /// Printing: the whole action plan is rendered.
    #[prop_or_default]
    pub printing: bool,
    /// The tab shown: the overview or the crosswalk of a framework.
    pub tab: ResultsTab,
    /// The framework of the "By framework" tab.
    pub framework: Framework,
    /// Its table, computed by the core while that tab is shown.
    pub framework_view: Rc<Option<View>>,
    /// Shown before the action plan: the team's findings and the evidence register, and the
    /// agency's target profile and benchmark when the page names them.
    #[prop_or_default]
    pub children: Html,
}

fn index_card(lang: Words, dispatch: &Dispatch, card: &IndexCard) -> Html {
    let index = card.index.as_str();
    let name = lang.t(&format!("indices.{index}"));
    let hint = lang.t(&format!("indices.{index}_hint"));
    let Some(score) = &card.score else {
        return html! {
            <section class="ct-index">
                <h3 class="ct-index-name">{ name }</h3>
                <p class="ct-muted">{ lang.t("results.no_score") }</p>
            </section>
        };
    };
    let band = &score.band;
    let band_name = lang.t(&format!("bands.{index}.{band}"));
    let value = score.value;
    html! {
        <section class={classes!("ct-index", format!("ct-band-{band}"))} aria-label={name.to_owned()}>
            <h3 class="ct-index-name">{ name }</h3>
            <p class="ct-index-score">
                <span class="ct-index-number">{ value }</span>
                <span class="ct-index-of">{ "/100" }</span>
                <span class="ct-visually-hidden">{ format!(" ({})", lang.fill("results.score_of", &[("score", &value.to_string())])) }</span>
            </p>
            <p class="ct-index-band">{ band_name }</p>
            <svg class="ct-gauge" viewBox="0 0 300 10" aria-hidden="true" focusable="false" preserveAspectRatio="none">
                <rect class="ct-gauge-track" x="0" y="0" width="300" height="10" rx="5" />
                // A percentage of the gauge's width: the score is out of 100.
                <rect class="ct-gauge-fill" x="0" y="0" width={format!("{value}%")} height="10" rx="5" />
            </svg>
            <p class="ct-index-hint">{ hint }</p>
            if let Some(cap) = &score.cap {
                <div class="ct-cap" role="note">
                    <p>{ lang.fill("results.capped", &[("count", &cap.questions.len().to_string()), ("uncapped", &cap.uncapped.to_string())]) }</p>
                    <ul class="ct-cap-list">
                        { for cap.questions.iter().map(|cap| {
                            let (dispatch, id) = (dispatch.clone(), cap.question.clone());
                            let onclick = Callback::from(move |_| dispatch.dispatch(Msg::ShowQuestion(id.clone())));
                            html! {
                                <li>
                                    <button type="button" class="ct-link-button" {onclick}>
                                        <span class="ct-question-id">{ &cap.question }</span>{ lang.prompt(&cap.question) }
                                    </button>
                                    { format!(" ({})", standing_text(&lang, cap.standing)) }
                                </li>
                            }
                        }) }
                    </ul>
                </div>
            }
        </section>
    }
}

/// The context in one line, e.g. "Electronic health records, Remote care · Software (SaaS) · Public cloud · Procuring".
pub(super) fn context_summary(lang: &Words, c: &Context) -> String {
    let uses: Vec<&str> = c.use_cases.iter().map(|u| lang.t(&format!("context.use_case.{}", u.as_str()))).collect();
    let parts = [
        uses.join(", "),
        lang.t(&format!("context.service_models.{}", c.service_model.as_str())).to_owned(),
        lang.t(&format!("context.deployments.{}", c.deployment.as_str())).to_owned(),
        lang.t(&format!("context.stages.{}", c.stage.as_str())).to_owned(),
        lang.t(&format!("context.org_sizes.{}", c.org_size.as_str())).to_owned(),
    ];
    format!("{}: {}", lang.t("nav.context"), parts.join(" · "))
}

#[function_component]
pub fn ResultsPage(props: &ResultsProps) -> Html {
    let lang = props.lang;
    let view = &*props.view;
    let c = &view.completeness;
    let today = lang.date(&props.today);
    let show = |id: String| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Msg::ShowQuestion(id.clone())))
    };
    let domain_row = |d: &DomainRow| {
        // Percentages of the bar's width: level and target are shares of the top level.
        let (width, target) = (format!("{}%", d.percent), format!("{}%", d.target_percent));
        html! {
            <tr>
                <td class="ct-num">{ d.number }</td>
                <th scope="row">{ lang.domain_title(&d.id) }</th>
                <td class="ct-num">{ lang.hundredths(i64::from(d.level), 1) }</td>
                <td class="ct-bar-cell">
                    <svg class="ct-bar" viewBox="0 0 100 12" aria-hidden="true" focusable="false" preserveAspectRatio="none">
                        <rect class="ct-bar-track" x="0" y="2" width="100" height="8" rx="4" />
                        <rect class="ct-bar-fill" x="0" y="2" width={width} height="8" rx="4" />
                        <line class="ct-bar-target" x1={target.clone()} x2={target} y1="0" y2="12" />
                    </svg>
                </td>
                <td class="ct-num">{ lang.percent(d.percent) }</td>
                <td class="ct-num">{ format!("{}/{}", d.at_target, d.applicable) }</td>
                <td class="ct-num">
                    { format!("{}/{}", d.answered, d.applicable) }
                    if let Some(id) = &d.first_unanswered {
                        { " " }<button type="button" class="ct-link-button ct-no-print" onclick={show(id.clone())}>{ lang.t("results.answer_now") }</button>
                    }
                </td>
            </tr>
        }
    };
    html! {
        <section class="ct-results" aria-labelledby="ct-page-title">
            <h1 id="ct-page-title" class="ct-title" tabindex="-1" data-page-heading="">{ lang.t("results.title") }</h1>
            <p class="ct-context-summary">
                <span class="ct-print-only">{ lang.fill("results.created", &[("date", &today)]) }{ " · " }</span>
                { context_summary(&lang, &view.context) }
            </p>
            <p class="ct-small ct-law-as-of">{ crate::core::Catalog::embedded().questionnaire.law_as_of_label(&lang) }</p>
            { results_tabs(lang, &props.dispatch, props.tab) }
            <div role="tabpanel" id={tab_ids(ResultsTab::Overview).1} aria-labelledby={tab_ids(ResultsTab::Overview).0}
                hidden={props.tab != ResultsTab::Overview}>
                <div class="ct-indices">
                    { for view.indices.iter().map(|card| index_card(lang, &props.dispatch, card)) }
                </div>
                <div class="ct-completeness">
                    <p><strong>{ lang.t("results.completeness") }{ ": " }</strong>
                        { lang.fill("results.completeness_value", &[("answered", &c.answered.to_string()), ("count", &c.applicable.to_string()), ("percent", &lang.percent(c.percent))]) }</p>
                    <p><strong>{ lang.t("results.confidence") }{ ": " }</strong>
                        { lang.fill("results.confidence_value", &[("percent", &lang.percent(c.confidence))]) }</p>
                    if view.incomplete {
                        <p class="ct-muted">{ lang.t("results.incomplete_note") }</p>
                    }
                </div>
                <section class="ct-domains" aria-labelledby="ct-domains-title">
                    <h2 id="ct-domains-title" class="ct-subtitle">{ lang.t("results.chart_title") }</h2>
                    <div class="ct-domains-body">
                        if let Some(radar) = &view.radar {
                            <RadarChart lang={lang} view={radar.clone()} />
                        }
                        <div class="ct-table-wrap">
                            <table class="ct-table">
                                <caption class="ct-visually-hidden">{ lang.t("results.chart_title") }</caption>
                                <thead><tr>
                                    <th scope="col" class="ct-num">{ "#" }</th>
                                    <th scope="col">{ lang.t("results.table_domain") }</th>
                                    <th scope="col" class="ct-num">{ lang.t("results.table_level") }</th>
                                    <td aria-hidden="true"></td>
                                    <th scope="col" class="ct-num">{ lang.t("results.table_percent") }</th>
                                    <th scope="col" class="ct-num">{ lang.t("results.table_at_target") }</th>
                                    <th scope="col" class="ct-num">{ lang.t("results.table_answered") }</th>
                                </tr></thead>
                                <tbody>{ for view.domains.iter().map(domain_row) }</tbody>
                            </table>
                        </div>
                    </div>
                </section>
                { props.children.clone() }
                <section class="ct-plan-section" aria-labelledby="ct-plan-title">
                    <h2 id="ct-plan-title" class="ct-subtitle">{ lang.t("results.actions_title") }</h2>
                    <p class="ct-muted">{ lang.t("results.actions_lead") }</p>
                    <ActionPlan lang={lang} dispatch={props.dispatch.clone()} view={props.view.clone()} all={props.printing} />
                </section>
                if !view.unanswered.is_empty() {
                    <section class="ct-unanswered" aria-labelledby="ct-unanswered-title">
                        <h2 id="ct-unanswered-title" class="ct-subtitle">{ lang.t("results.unanswered_title") }</h2>
                        <p class="ct-muted">{ lang.t("results.unanswered_lead") }</p>
                        <ul class="ct-unanswered-list">
                            { for view.unanswered.iter().map(|id| html! {
                                <li>
                                    <button type="button" class="ct-link-button" onclick={show(id.clone())}>
                                        <span class="ct-question-id">{ id }</span>{ lang.prompt(id) }
                                    </button>
                                </li>
                            }) }
                        </ul>
                    </section>
                }
            </div>
            <div role="tabpanel" id={tab_ids(ResultsTab::ByFramework).1} aria-labelledby={tab_ids(ResultsTab::ByFramework).0}
                hidden={props.tab != ResultsTab::ByFramework}>
                { framework_panel(lang, &props.dispatch, props.framework, props.framework_view.as_ref().as_ref()) }
            </div>
            <p class="ct-print-only ct-small">{ lang.fill("print.generated", &[("date", &today)]) }</p>
        </section>
    }
}
