//! The ranked action plan: what to fix first, with the next step, who carries
//! it and the rules behind it.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::score::Standing;
use crate::core::view::{PlanRow, ResultsView, PLAN_FIRST};
use crate::web::lang::Words;
use crate::web::state::{Dispatch, Msg};

#[derive(Properties, PartialEq)]
pub struct ActionPlanProps {
    pub lang: Words,
    pub dispatch: Dispatch,
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
    let item = |row: &PlanRow| {
        let gap = &row.item;
        let show = {
            let (dispatch, id) = (props.dispatch.clone(), gap.question.clone());
            Callback::from(move |_| dispatch.dispatch(Msg::ShowQuestion(id.clone())))
        };
        let text = lang.question(&gap.question);
        let party = row.party;
        html! {
            <li class={classes!("ct-plan-item", gap.critical.then_some("ct-plan-critical"))}>
                <div class="ct-plan-head">
                    <span class="ct-plan-rank" aria-hidden="true">{ gap.rank }</span>
                    <div class="ct-plan-title">
                        <p class="ct-plan-meta">
                            <span class="ct-question-id">{ &gap.question }</span>
                            { " · " }{ lang.domain_title(&gap.domain) }
                            if gap.critical {
                                <span class="ct-badge ct-badge-critical">{ lang.t("answer.critical") }</span>
                            }
                        </p>
                        <button type="button" class="ct-link-button ct-plan-prompt" onclick={show}>
                            { text.map(|t| t.prompt.clone()).unwrap_or_default() }
                        </button>
                    </div>
                </div>
                <dl class="ct-plan-facts">
                    <div><dt>{ lang.t("results.table_level") }</dt><dd>
                        { standing_text(&lang, gap.standing) }{ " → " }{ lang.fill("results.action_target", &[("level", &gap.target.to_string())]) }
                    </dd></div>
                    <div><dt>{ lang.t("results.action_responsibility") }</dt><dd>{ lang.t(&format!("parties.{party}")) }</dd></div>
                </dl>
                <div class="ct-plan-next">
                    <p class="ct-plan-next-title">{ lang.fill("results.action_next", &[("level", &gap.next_level.to_string())]) }</p>
                    if row.find_out_first {
                        <p>{ lang.t("results.action_unknown_first") }</p>
                    }
                    <p>{ lang.level_descriptor(&gap.question, gap.next_level) }</p>
                </div>
                <p class="ct-plan-how">
                    <span class="ct-plan-how-title">{ lang.t("results.action_recommendation") }{ ": " }</span>
                    { text.map(|t| t.recommendation.clone()).unwrap_or_default() }
                </p>
                <p class="ct-plan-refs">
                    <span class="ct-plan-refs-title">{ lang.t("results.action_references") }{ ": " }</span>
                    { gap.references.iter().map(|r| r.label(&lang)).collect::<Vec<_>>().join(" · ") }
                </p>
            </li>
        }
    };
    let more = props.view.plan_hidden;
    let toggle = {
        let open = open.clone();
        Callback::from(move |_| open.set(!*open))
    };
    html! {
        <>
            // Only what is shown is rendered: the full plan can run to eighty entries.
            <ol class="ct-plan">{ for plan.iter().take(if *open || props.all { usize::MAX } else { PLAN_FIRST }).map(item) }</ol>
            if more > 0 && !props.all {
                <button type="button" class="ct-button ct-no-print ct-plan-toggle" aria-expanded={open.to_string()} onclick={toggle}>
                    { if *open { lang.t("results.show_fewer").to_owned() } else { lang.fill("results.show_all", &[("count", &plan.len().to_string())]) } }
                </button>
            }
        </>
    }
}
