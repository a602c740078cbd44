//! The ranked action plan: what to fix first, with the next step, who carries
//! it and the rules behind it.

use std::rc::Rc;

use yew::prelude::*;

use super::report;
use crate::core::score::Standing;
use crate::core::view::{ResultsView, PLAN_FIRST};
use crate::web::lang::Words;

#[derive(Properties, PartialEq)]
pub struct ActionPlanProps {
    pub lang: Words,
    /// The results whose plan is shown.
    pub view: Rc<ResultsView>,
    /// Render every action (for printing) instead of the first ten.
    #[prop_or_default]
    pub all: bool,
}

/// Where a question stands, in words.
pub fn standing_text(lang: &Words, standing: Standing) -> String {
    match standing {
        Standing::Level(l) => lang.fill("results.standing_level", &[("level", &l.to_string())]),
        Standing::Unknown => lang.t("results.standing_unknown").to_owned(),
        Standing::Unanswered => lang.t("results.standing_unanswered").to_owned(),
    }
}

#[function_component]
pub fn ActionPlan(props: &ActionPlanProps) -> Html {
    let lang = props.lang;
    let open = use_state_eq(|| false);
    let plan = &props.view.plan;
    if plan.is_empty() {
        return html! { <p class="ct-muted">{ lang.t("results.actions_none") }</p> };
    }
    let more = props.view.plan_hidden;
    let toggle = {
        let open = open.clone();
        Callback::from(move |_| open.set(!*open))
    };
    html! {
        <>
            // Only what is shown is rendered: the full plan can run to eighty entries.
            // Its steps are read-only HTML (`report::plan`); a click on a step's question is
            // handled by the results page around it (`report::show_on_click`).
            { report::raw(report::plan(lang, &plan[..if *open || props.all { plan.len() } else { plan.len().min(PLAN_FIRST) }])) }
            if more > 0 && !props.all {
                <button type="button" class="ct-button ct-no-print ct-plan-toggle" aria-expanded={open.to_string()} onclick={toggle}>
                    { if *open { lang.t("results.show_fewer").to_owned() } else { lang.fill("results.show_all", &[("count", &plan.len().to_string())]) } }
                </button>
            }
        </>
    }
}
