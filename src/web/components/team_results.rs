//! The team's findings on the results page (and in the print): open
//! disagreements with who said what, disagreements to agree on first,
//! answers claimed without evidence, and the evidence register.

use std::rc::Rc;

use yew::prelude::*;

#[cfg(feature = "full")]
use super::question_team::{evidence_facts, value_words};
use crate::core::team::TeamResultsView;
use crate::web::lang::Words;
use crate::web::state::{Dispatch, Msg};

#[derive(Properties, PartialEq)]
pub struct TeamFindingsProps {
    pub lang: Words,
    pub dispatch: Dispatch,
    pub view: Rc<TeamResultsView>,
}

#[function_component]
pub fn TeamFindings(props: &TeamFindingsProps) -> Html {
    let lang = props.lang;
    let view = &props.view;
    let question = |id: &str| question_link(lang, &props.dispatch, id);
    let without_open = use_state(|| false);
    let toggle_without = {
        let without_open = without_open.clone();
        Callback::from(move |e: Event| {
            let open = e.target_dyn_into::<web_sys::Element>().is_some_and(|d| d.has_attribute("open"));
            without_open.set(open);
        })
    };
    html! {
        <>
            { team_sections(lang, &props.dispatch, view) }
            if !view.without_evidence.is_empty() {
                <section class="ct-without-evidence" aria-labelledby="ct-without-title">
                    <details open={*without_open} ontoggle={toggle_without}>
                        <summary id="ct-without-title">{ lang.fill("team.without_evidence_title", &[("count", &view.without_evidence.len().to_string())]) }</summary>
                        // Built when opened: a closed disclosure shows nothing (nor prints it), and its list
                        // is one of the largest parts of the results page's first render.
                        if *without_open {
                            <p class="ct-muted">{ lang.t("team.without_evidence_lead") }</p>
                            <ul class="ct-unanswered-list">
                                { for view.without_evidence.iter().map(|id| html! { <li>{ question(id) }</li> }) }
                            </ul>
                        }
                    </details>
                </section>
            }
        </>
    }
}

/// A question of a list: its id and prompt, opening its page.
fn question_link(lang: Words, dispatch: &Dispatch, id: &str) -> Html {
    let show = {
        let (dispatch, id) = (dispatch.clone(), id.to_owned());
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Msg::ShowQuestion(id.clone())))
    };
    html! {
        <button type="button" class="ct-link-button" onclick={show}>
            <span class="ct-question-id">{ id }</span>{ lang.prompt(id) }
        </button>
    }
}

/// The team's disagreements and the evidence recorded. The first module has
/// none to show: an assessment with either opens in the whole widget (`web::upgrade`).
#[cfg(feature = "full")]
fn team_sections(lang: Words, dispatch: &Dispatch, view: &TeamResultsView) -> Html {
    let question = |id: &str| question_link(lang, dispatch, id);
    let team = !view.respondents.is_empty() || !view.open.is_empty() || view.resolved > 0;
    html! {
        <>
    if team {
        <section class="ct-team-results" aria-labelledby="ct-team-title" data-testid="team-results">
            <h2 id="ct-team-title" class="ct-subtitle">{ lang.t("team.results_title") }</h2>
            <p>
                <strong data-testid="open-conflicts">{ lang.fill("team.open_conflicts", &[("count", &view.open.len().to_string())]) }</strong>
                { " · " }{ lang.fill("team.resolved_count", &[("count", &view.resolved.to_string())]) }
            </p>
            if !view.respondents.is_empty() {
                <p class="ct-muted">{ lang.fill("team.respondents_list", &[("respondents", &view.respondents.iter().map(|r| r.label.as_str()).collect::<Vec<_>>().join(", "))]) }</p>
            }
            if !view.context_conflicts.is_empty() {
                <div class="ct-conflict ct-conflict-open">
                    <p class="ct-conflict-title">{ lang.t("team.context_differs") }</p>
                    <ul class="ct-said">
                        { for view.context_conflicts.iter().map(|c| html! {
                            <li><span class="ct-said-who">{ &c.respondent }</span>{ lang.colon() }{ super::results::context_summary(&lang, &c.context) }</li>
                        }) }
                    </ul>
                </div>
            }
            if !view.agreements.is_empty() {
                <h3 class="ct-subsubtitle">{ lang.t("team.agree_first") }</h3>
                <ol class="ct-agree-list">
                    { for view.agreements.iter().map(|a| html! {
                        <li>
                            { question(&a.question) }
                            <p class="ct-muted">{ lang.fill("team.agree_range", &[("lowest", &a.lowest.to_string()), ("highest", &a.highest.to_string()), ("respondents", &a.respondents.join(", "))]) }</p>
                        </li>
                    }) }
                </ol>
            }
            if !view.open.is_empty() {
                <h3 class="ct-subsubtitle">{ lang.t("team.open_list") }</h3>
                <ul class="ct-conflict-list" data-testid="conflict-list">
                    { for view.open.iter().map(|(id, c)| html! {
                        <li>
                            { question(id) }
                            <ul class="ct-said">
                                { for c.answers.iter().map(|a| html! {
                                    <li>
                                        <span class="ct-said-who">{ &a.respondent }</span>{ lang.colon() }{ value_words(lang, a.value) }
                                        if let Some(n) = &a.note {
                                            <blockquote class="ct-said-note">{ n }</blockquote>
                                        }
                                    </li>
                                }) }
                            </ul>
                        </li>
                    }) }
                </ul>
            }
        </section>
    }
    if !view.evidence.is_empty() {
        <section class="ct-evidence-results" aria-labelledby="ct-evidence-title">
            <h2 id="ct-evidence-title" class="ct-subtitle">{ lang.t("evidence.title") }</h2>
            <ul class="ct-evidence-list">
                { for view.evidence.iter().flat_map(|(id, list)| list.iter().map(move |e| (id, e))).map(|(id, e)| html! {
                    <li class="ct-evidence-item">
                        <span class="ct-question-id">{ id }</span>
                        { evidence_facts(lang, e) }
                    </li>
                }) }
            </ul>
        </section>
    }
        </>
    }
}

#[cfg(not(feature = "full"))]
fn team_sections(_: Words, _: &Dispatch, _: &TeamResultsView) -> Html {
    Html::default()
}
