//! The context step: use cases, service model, deployment, stage and size.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::core::assessment::Event;
use crate::core::view::{Choice, ContextView};
use crate::web::lang::Words;
use crate::web::state::{Dispatch, Msg};

#[derive(Properties, PartialEq)]
pub struct ContextProps {
    pub lang: Words,
    pub dispatch: Dispatch,
    pub view: ContextView,
}

/// One single-choice context value: its form name, the table its option labels come from
/// (`context.<table>.<id>`), its legend and hint, its options and the event choosing one.
struct Group<'a> {
    name: &'static str,
    table: &'static str,
    legend: &'a str,
    hint: Option<&'a str>,
    /// Each option's id, whether it is chosen, and the event choosing it.
    options: Vec<(&'static str, bool, Event)>,
}

/// The options of a group with the event each sends (generic only here, so the markup is built once).
fn options<T: Copy>(choices: &[Choice<T>], event: fn(T) -> Event) -> Vec<(&'static str, bool, Event)> {
    choices.iter().map(|c| (c.id, c.chosen, event(c.value))).collect()
}

/// A radio group for one single-choice context value.
fn choice_group(lang: Words, dispatch: &Dispatch, group: Group<'_>) -> Html {
    let Group { name, table, legend, hint, options } = group;
    let hint_id = format!("ct-hint-{name}");
    html! {
        <fieldset class="ct-fieldset" aria-describedby={hint.map(|_| hint_id.clone())}>
            <legend class="ct-legend">{ legend }</legend>
            if let Some(hint) = hint {
                <p id={hint_id.clone()} class="ct-hint">{ hint }</p>
            }
            <div class="ct-choices">
                { for options.into_iter().map(|(id, checked, event)| {
                    let dispatch = dispatch.clone();
                    let onchange = Callback::from(move |_: yew::Event| dispatch.dispatch(Msg::Core(event.clone())));
                    html! {
                        <label class="ct-choice">
                            <input type="radio" {name} value={id} {checked} {onchange} />
                            <span>{ lang.t(&format!("context.{table}.{id}")) }</span>
                        </label>
                    }
                }) }
            </div>
        </fieldset>
    }
}

#[function_component]
pub fn ContextPage(props: &ContextProps) -> Html {
    let lang = props.lang;
    let view = &props.view;
    let dispatch = &props.dispatch;
    let go = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Msg::Core(Event::Next)))
    };
    html! {
        <section class="ct-context" aria-labelledby="ct-page-title">
            <h1 id="ct-page-title" class="ct-title" tabindex="-1" data-page-heading="">{ lang.t("context.title") }</h1>
            <p class="ct-lead">{ lang.t("context.lead") }</p>
            <fieldset class="ct-fieldset" aria-describedby="ct-use-cases-hint">
                <legend class="ct-legend">{ lang.t("context.use_cases") }</legend>
                <p id="ct-use-cases-hint" class="ct-hint">{ lang.t("context.use_cases_hint") }</p>
                <div class="ct-choices ct-choices-cards">
                    { for view.use_cases.iter().map(|choice| {
                        let (dispatch, u) = (dispatch.clone(), choice.value);
                        let onchange = Callback::from(move |e: yew::Event| {
                            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
                            dispatch.dispatch(Msg::Core(Event::SetUseCase(u, on)));
                        });
                        html! {
                            <label class="ct-choice ct-choice-card">
                                <input type="checkbox" name="use_case" value={choice.id} checked={choice.chosen} {onchange} />
                                <span class="ct-choice-text">
                                    <span class="ct-choice-title">{ lang.t(&format!("context.use_case.{}", choice.id)) }</span>
                                    <span class="ct-choice-hint">{ lang.t(&format!("context.use_case.{}_hint", choice.id)) }</span>
                                </span>
                            </label>
                        }
                    }) }
                </div>
            </fieldset>
            { choice_group(lang, dispatch, Group {
                name: "service_model", table: "service_models", legend: lang.t("context.service_model"),
                hint: Some(lang.t("context.service_model_hint")), options: options(&view.service_models, Event::SetServiceModel),
            }) }
            { choice_group(lang, dispatch, Group {
                name: "deployment", table: "deployments", legend: lang.t("context.deployment"),
                hint: None, options: options(&view.deployments, Event::SetDeployment),
            }) }
            { choice_group(lang, dispatch, Group {
                name: "stage", table: "stages", legend: lang.t("context.stage"),
                hint: None, options: options(&view.stages, Event::SetStage),
            }) }
            { choice_group(lang, dispatch, Group {
                name: "org_size", table: "org_sizes", legend: lang.t("context.org_size"),
                hint: None, options: options(&view.org_sizes, Event::SetOrgSize),
            }) }
            if view.needs_use_case {
                <p class="ct-error" role="alert">{ lang.t("context.need_use_case") }</p>
            }
            <div class="ct-actions-row">
                <button type="button" class="ct-button ct-button-primary" onclick={go}>{ lang.t("context.continue") }</button>
                if let Some(applicable) = view.applicable {
                    <p class="ct-muted" aria-live="polite">{ lang.fill("context.applicable", &[("count", &applicable.to_string())]) }</p>
                }
            </div>
        </section>
    }
}
