//! One domain per page: its questions, progress, and the way on.

use yew::prelude::*;

use super::question::QuestionCard;
use crate::core::assessment::{Event, Page};
use crate::core::view::{DomainView, Forward};
use crate::web::lang::Words;
use crate::web::state::{Dispatch, Msg};

#[derive(Properties, PartialEq)]
pub struct DomainProps {
    pub lang: Words,
    pub dispatch: Dispatch,
    pub view: DomainView,
}

#[function_component]
pub fn DomainPage(props: &DomainProps) -> Html {
    let lang = props.lang;
    let view = &props.view;
    let go = |page: Page| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Msg::Core(Event::Go(page.clone()))))
    };
    let text = lang.domain(&view.id);
    html! {
        <section class="ct-domain" aria-labelledby="ct-page-title">
            <p class="ct-eyebrow">{ format!("{} / {}", view.position, view.count) }</p>
            <h1 id="ct-page-title" class="ct-title" tabindex="-1" data-page-heading="">{ lang.domain_title(&view.id) }</h1>
            if let Some(t) = text {
                <p class="ct-lead">{ &t.summary }</p>
            }
            <p class="ct-muted" aria-live="polite">
                { lang.fill("domain.progress", &[("answered", &view.answered.to_string()), ("count", &view.applicable.to_string())]) }
            </p>
            { for view.questions.iter().map(|question| html! {
                <QuestionCard key={question.id.clone()} lang={lang} dispatch={props.dispatch.clone()} view={question.clone()} />
            }) }
            <div class="ct-pager">
                <button type="button" class="ct-button" onclick={go(view.previous.clone())}>{ lang.t("domain.previous") }</button>
                { match &view.forward {
                    Forward::Results => html! {
                        <button type="button" class="ct-button ct-button-primary" onclick={go(Page::Results)}>{ lang.t("domain.to_results") }</button>
                    },
                    Forward::Next(page) => html! {
                        <button type="button" class="ct-button ct-button-primary" onclick={go(page.clone())}>{ lang.t("domain.next") }</button>
                    },
                } }
            </div>
        </section>
    }
}
