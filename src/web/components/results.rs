//! The results: both indices with their bands and any cap, completeness, the
//! radar chart with its table, the action plan and what is still unanswered.

use std::rc::Rc;

use yew::prelude::*;

use super::actions::ActionPlan;
use super::frameworks::{framework_panel, results_tabs, tab_ids};
use super::report;
use crate::core::context::Context;
use crate::core::crosswalk::{Framework, View};
use crate::core::view::ResultsView;
use crate::web::lang::Words;
use crate::web::state::{Dispatch, ResultsTab};

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
    lang.label(lang.t("nav.context")) + &parts.join(" · ")
}

#[function_component]
pub fn ResultsPage(props: &ResultsProps) -> Html {
    let lang = props.lang;
    let view = &*props.view;
    let c = &view.completeness;
    let today = lang.date(&props.today);
    let show = report::show_on_click(&props.dispatch);
    let section = use_node_ref();
    use_effect_with((), {
        let section = section.clone();
        move |_| report::lay_out_below_later(section)
    });
    html! {
        <section class="ct-results" aria-labelledby="ct-page-title" ref={section}>
            <h1 id="ct-page-title" class="ct-title" tabindex="-1" data-page-heading="">{ lang.t("results.title") }</h1>
            <p class="ct-context-summary">
                <span class="ct-print-only">{ lang.fill("results.created", &[("date", &today)]) }{ " · " }</span>
                { context_summary(&lang, &view.context) }
            </p>
            <p class="ct-small ct-law-as-of">{ crate::core::Catalog::embedded().questionnaire.law_as_of_label(&lang) }</p>
            { results_tabs(lang, &props.dispatch, props.tab) }
            <div role="tabpanel" id={tab_ids(ResultsTab::Overview).1} aria-labelledby={tab_ids(ResultsTab::Overview).0}
                hidden={props.tab != ResultsTab::Overview} onclick={show}>
                { report::raw(report::indices(lang, &view.indices)) }
                <div class="ct-completeness">
                    <p><strong>{ lang.label(lang.t("results.completeness")) }</strong>
                        { lang.fill("results.completeness_value", &[("answered", &c.answered.to_string()), ("count", &c.applicable.to_string()), ("percent", &lang.percent(c.percent))]) }</p>
                    <p><strong>{ lang.label(lang.t("results.confidence")) }</strong>
                        { lang.fill("results.confidence_value", &[("percent", &lang.percent(c.confidence))]) }</p>
                    if view.incomplete {
                        <p class="ct-muted">{ lang.t("results.incomplete_note") }</p>
                    }
                </div>
                { report::raw(report::domains(lang, &view.domains, view.radar.as_ref())) }
                { props.children.clone() }
                <section class="ct-plan-section" aria-labelledby="ct-plan-title">
                    <h2 id="ct-plan-title" class="ct-subtitle">{ lang.t("results.actions_title") }</h2>
                    <p class="ct-muted">{ lang.t("results.actions_lead") }</p>
                    <ActionPlan lang={lang} view={props.view.clone()} all={props.printing} />
                </section>
                if !view.unanswered.is_empty() {
                    { report::raw(report::unanswered(lang, &view.unanswered)) }
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
