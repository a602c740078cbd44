//! The procurement pack as a page: the tender requirements by ENISA's
//! procurement phase, the supplier questionnaire and the contract checklist.
//! It renders the view the export module computed (plain texts, escaped by
//! Yew as text nodes); while that is on its way it says so, and if it cannot
//! be had it says why, with a way to try again and a way back.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::assessment::{Event, Page};
use crate::core::procurement::view::{Citation, ClauseView, PackView, PartView, PhaseView, RequirementView};
use crate::web::exports::ExportFailure;
use crate::web::hooks::Pack;
use crate::web::lang::Words;
use crate::web::state::{Dispatch, Msg};

#[derive(Properties, PartialEq)]
pub struct ProcurementProps {
    pub lang: Words,
    pub dispatch: Dispatch,
    /// Where the pack stands (see `hooks::use_procurement`).
    pub pack: Pack,
    /// Ask the export module again after a failure.
    pub retry: Callback<()>,
    /// Now, RFC 3339, for the printed date.
    pub today: AttrValue,
}

fn citations(list: &[Citation]) -> Html {
    html! {
        <ul class="ct-pack-rules">
            { for list.iter().map(|c| html! { <li><cite data-reference={c.id.clone()}>{ &c.label }</cite></li> }) }
        </ul>
    }
}

fn texts(list: &[String]) -> Html {
    html! { <ul class="ct-pack-evidence">{ for list.iter().map(|t| html! { <li>{ t }</li> }) }</ul> }
}

fn requirement(v: &PackView, r: &RequirementView) -> Html {
    let strength = if r.must { "must" } else { "should" };
    html! {
        <li class={classes!("ct-plan-item", "ct-pack-requirement", r.must.then_some("ct-pack-must"))}
            data-requirement={r.id.clone()} data-strength={strength}>
            <p class="ct-plan-meta">
                <span class="ct-question-id">{ &r.id }</span>
                <span class={classes!("ct-badge", if r.must { "ct-badge-critical" } else { "ct-badge-gap" })}>{ &r.strength }</span>
            </p>
            <p class="ct-pack-clause">{ &r.clause }</p>
            <dl class="ct-pack-facts">
                <dt>{ v.label("rationale") }</dt>
                <dd>{ &r.rationale }</dd>
                <dt>{ v.label("evidence") }</dt>
                <dd>{ texts(&r.evidence) }</dd>
                <dt>{ v.label("rule") }</dt>
                <dd>{ citations(&r.rules) }</dd>
            </dl>
            <p class="ct-small ct-muted">{ &r.standing }</p>
        </li>
    }
}

fn phase(v: &PackView, p: &PhaseView) -> Html {
    let id = format!("ct-pack-phase-{}", p.id);
    html! {
        <section class="ct-pack-phase" aria-labelledby={id.clone()} data-phase={p.id.clone()}>
            <h3 id={id} class="ct-pack-phase-title">{ format!("{}: {}", v.label("phase"), p.title) }</h3>
            <ol class="ct-plan">{ for p.requirements.iter().map(|r| requirement(v, r)) }</ol>
        </section>
    }
}

fn clause(c: &ClauseView) -> Html {
    let state = if c.covered { "covered" } else { "missing" };
    html! {
        <tr data-clause={c.id.clone()} data-state={state}>
            <th scope="row"><span class="ct-pack-clause-title">{ &c.title }</span>{ " " }<span class="ct-pack-clause-text">{ &c.text }</span></th>
            <td>{ citations(&c.basis) }</td>
            <td>{ c.shown_by.join(", ") }</td>
            <td><span class={classes!("ct-pack-state", format!("ct-pack-{state}"))}>
                <span aria-hidden="true">{ if c.covered { "✓ " } else { "✗ " } }</span>{ &c.state }
            </span></td>
        </tr>
    }
}

fn part(v: &PackView, p: &PartView) -> Html {
    let id = format!("ct-pack-part-{}", p.id);
    html! {
        <section class="ct-pack-part" aria-labelledby={id.clone()} data-part={p.id.clone()}>
            <h3 id={id} class="ct-pack-phase-title">{ &p.title }</h3>
            <div class="ct-table-wrap">
                <table class="ct-table ct-pack-table">
                    <caption class="ct-visually-hidden">{ &p.title }</caption>
                    <thead><tr>
                        <th scope="col">{ v.label("checklist") }</th>
                        <th scope="col">{ v.label("basis") }</th>
                        <th scope="col">{ v.label("shown_by") }</th>
                        <th scope="col">{ format!("{} / {}", v.label("covered"), v.label("missing")) }</th>
                    </tr></thead>
                    <tbody>{ for p.clauses.iter().map(clause) }</tbody>
                </table>
            </div>
        </section>
    }
}

fn pack(v: &PackView) -> Html {
    html! {
        <>
            <p class="ct-context-summary">{ &v.context }</p>
            <p>{ v.label("intro") }</p>
            <p class="ct-pack-summary"><strong>{ &v.summary }</strong></p>
            <p class="ct-pack-note" role="note">{ v.label("disclaimer") }</p>
            <section class="ct-pack-section" aria-labelledby="ct-pack-requirements">
                <h2 id="ct-pack-requirements" class="ct-subtitle">{ v.label("requirements") }</h2>
                if v.phases.is_empty() {
                    <p>{ v.label("requirements_none") }</p>
                } else {
                    <p class="ct-muted">{ &v.must_hint }</p>
                }
                { for v.phases.iter().map(|p| phase(v, p)) }
            </section>
            if !v.questions.is_empty() {
                <section class="ct-pack-section" aria-labelledby="ct-pack-questionnaire">
                    <h2 id="ct-pack-questionnaire" class="ct-subtitle">{ v.label("questionnaire") }</h2>
                    <p class="ct-muted">{ v.label("questionnaire_intro") }</p>
                    <div class="ct-table-wrap">
                        <table class="ct-table ct-pack-table">
                            <caption class="ct-visually-hidden">{ v.label("questionnaire") }</caption>
                            <thead><tr>
                                <th scope="col">{ "#" }</th>
                                <th scope="col">{ v.label("questionnaire") }</th>
                                <th scope="col">{ v.label("evidence") }</th>
                            </tr></thead>
                            <tbody>
                                { for v.questions.iter().map(|q| html! {
                                    <tr data-question={q.id.clone()}>
                                        <th scope="row" class="ct-question-id">{ &q.id }</th>
                                        <td>{ &q.question }</td>
                                        <td>{ texts(&q.evidence) }</td>
                                    </tr>
                                }) }
                            </tbody>
                        </table>
                    </div>
                </section>
            }
            <section class="ct-pack-section" aria-labelledby="ct-pack-checklist">
                <h2 id="ct-pack-checklist" class="ct-subtitle">{ v.label("checklist") }</h2>
                <p class="ct-muted">{ v.label("checklist_intro") }</p>
                { for v.parts.iter().map(|p| part(v, p)) }
            </section>
        </>
    }
}

#[function_component]
pub fn ProcurementPage(props: &ProcurementProps) -> Html {
    let lang = props.lang;
    let today = lang.date(&props.today);
    let back = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Msg::Core(Event::Go(Page::Results))))
    };
    let print = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Msg::Print))
    };
    let ready = matches!(props.pack, Pack::Ready(_));
    let body = match &props.pack {
        Pack::Loading => html! { <p class="ct-loading" role="status">{ lang.t("pack.loading") }</p> },
        Pack::Ready(v) => pack(Rc::as_ref(v)),
        Pack::Failed(failure) => {
            let message = match failure {
                ExportFailure::Unavailable => lang.t("pack.load_failed").to_owned(),
                ExportFailure::Refused(reason) => lang.fill("pack.failed", &[("reason", reason)]),
            };
            html! {
                <div class="ct-pack-failed">
                    <p role="alert">{ message }</p>
                    <div class="ct-actions-row">
                        <button type="button" class="ct-button ct-button-primary" onclick={props.retry.reform(|_| ())}>{ lang.t("texts.retry") }</button>
                    </div>
                </div>
            }
        }
    };
    html! {
        <section class="ct-procurement" aria-labelledby="ct-page-title">
            <h1 id="ct-page-title" class="ct-title" tabindex="-1" data-page-heading="">{ lang.t("pack.open") }</h1>
            <p class="ct-print-only ct-small">{ lang.fill("results.created", &[("date", &today)]) }</p>
            <div class="ct-actions-row ct-pack-actions">
                <button type="button" class="ct-button" onclick={back}>{ lang.t("pack.back") }</button>
                if ready {
                    <button type="button" class="ct-button ct-button-primary" onclick={print}>{ lang.t("pack.print") }</button>
                }
            </div>
            { body }
            <p class="ct-print-only ct-small">{ lang.fill("print.generated", &[("date", &today)]) }</p>
        </section>
    }
}
