//! The context step: use cases, service model, deployment, stage and size.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::core::assessment::{Event, Problem};
use crate::core::context::{Context, Deployment, OrgSize, ServiceModel, Stage, UseCase};
use crate::core::Catalog;
use crate::web::lang::Lang;
use crate::web::state::{Dispatch, Msg};

#[derive(Properties, PartialEq)]
pub struct ContextProps {
    pub lang: Lang,
    pub dispatch: Dispatch,
    pub context: Context,
    pub problem: Option<Problem>,
}

/// One option of a single-choice group: its identifier, label, whether chosen, and the event choosing it.
type Option_ = (&'static str, String, bool, Event);

/// A radio group for one single-choice context value.
fn choice_group(
    dispatch: &Dispatch,
    name: &'static str,
    legend: &str,
    hint: Option<&str>,
    options: Vec<Option_>,
) -> Html {
    let hint_id = format!("ct-hint-{name}");
    html! {
        <fieldset class="ct-fieldset" aria-describedby={hint.map(|_| hint_id.clone())}>
            <legend class="ct-legend">{ legend }</legend>
            if let Some(hint) = hint {
                <p id={hint_id.clone()} class="ct-hint">{ hint }</p>
            }
            <div class="ct-choices">
                { for options.into_iter().map(|(value, label, checked, event)| {
                    let dispatch = dispatch.clone();
                    let onchange = Callback::from(move |_: yew::Event| dispatch.dispatch(Msg::Core(event.clone())));
                    html! {
                        <label class="ct-choice">
                            <input type="radio" {name} {value} {checked} {onchange} />
                            <span>{ label }</span>
                        </label>
                    }
                }) }
            </div>
        </fieldset>
    }
}

/// The options of a context value, labelled from `context.<table>.<id>`.
fn options<T: Copy + PartialEq>(
    lang: Lang,
    table: &str,
    all: &[T],
    current: T,
    id: fn(T) -> &'static str,
    action: fn(T) -> Event,
) -> Vec<Option_> {
    all.iter()
        .map(|&v| (id(v), lang.t(&format!("context.{table}.{}", id(v))).to_owned(), v == current, action(v)))
        .collect()
}

#[function_component]
pub fn ContextPage(props: &ContextProps) -> Html {
    let lang = props.lang;
    let ctx = &props.context;
    let q = &Catalog::embedded().questionnaire;
    let applicable = q.questions().filter(|(_, item)| item.applies_to(ctx)).count();
    let go = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Msg::Core(Event::Next)))
    };
    let problem = props.problem == Some(Problem::ChooseUseCase);
    html! {
        <section class="ct-context" aria-labelledby="ct-page-title">
            <h1 id="ct-page-title" class="ct-title" tabindex="-1" data-page-heading="">{ lang.t("context.title") }</h1>
            <p class="ct-lead">{ lang.t("context.lead") }</p>
            <fieldset class="ct-fieldset" aria-describedby="ct-use-cases-hint">
                <legend class="ct-legend">{ lang.t("context.use_cases") }</legend>
                <p id="ct-use-cases-hint" class="ct-hint">{ lang.t("context.use_cases_hint") }</p>
                <div class="ct-choices ct-choices-cards">
                    { for UseCase::ALL.iter().map(|&u| {
                        let dispatch = props.dispatch.clone();
                        let onchange = Callback::from(move |e: yew::Event| {
                            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
                            dispatch.dispatch(Msg::Core(Event::SetUseCase(u, on)));
                        });
                        html! {
                            <label class="ct-choice ct-choice-card">
                                <input type="checkbox" name="use_case" value={u.as_str()} checked={ctx.has_use_case(u)} {onchange} />
                                <span class="ct-choice-text">
                                    <span class="ct-choice-title">{ lang.t(&format!("context.use_case.{}", u.as_str())) }</span>
                                    <span class="ct-choice-hint">{ lang.t(&format!("context.use_case.{}_hint", u.as_str())) }</span>
                                </span>
                            </label>
                        }
                    }) }
                </div>
            </fieldset>
            { choice_group(&props.dispatch, "service_model", lang.t("context.service_model"), Some(lang.t("context.service_model_hint")),
                options(lang, "service_models", ServiceModel::ALL, ctx.service_model, ServiceModel::as_str, Event::SetServiceModel)) }
            { choice_group(&props.dispatch, "deployment", lang.t("context.deployment"), None,
                options(lang, "deployments", Deployment::ALL, ctx.deployment, Deployment::as_str, Event::SetDeployment)) }
            { choice_group(&props.dispatch, "stage", lang.t("context.stage"), None,
                options(lang, "stages", Stage::ALL, ctx.stage, Stage::as_str, Event::SetStage)) }
            { choice_group(&props.dispatch, "org_size", lang.t("context.org_size"), None,
                options(lang, "org_sizes", OrgSize::ALL, ctx.org_size, OrgSize::as_str, Event::SetOrgSize)) }
            if problem {
                <p class="ct-error" role="alert">{ lang.t("context.need_use_case") }</p>
            }
            <div class="ct-actions-row">
                <button type="button" class="ct-button ct-button-primary" onclick={go}>{ lang.t("context.continue") }</button>
                if ctx.is_complete() {
                    <p class="ct-muted" aria-live="polite">{ lang.fill("context.applicable", &[("count", &applicable.to_string())]) }</p>
                }
            </div>
        </section>
    }
}
