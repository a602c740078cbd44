//! One domain per page: its questions, progress, and the way on.

use yew::prelude::*;

use super::question::QuestionCard;
use crate::core::assessment::{domain_progress, Event, Page};
use crate::core::context::Context;
use crate::core::results::Answers;
use crate::core::Catalog;
use crate::web::lang::Lang;
use crate::web::state::{Dispatch, Msg};

#[derive(Properties, PartialEq)]
pub struct DomainProps {
    pub lang: Lang,
    pub dispatch: Dispatch,
    pub domain: AttrValue,
    pub context: Context,
    pub answers: Answers,
}

#[function_component]
pub fn DomainPage(props: &DomainProps) -> Html {
    let lang = props.lang;
    let q = &Catalog::embedded().questionnaire;
    let Some(domain) = q.domain(&props.domain) else { return html! {} };
    let questions: Vec<_> = q.applicable(domain, &props.context).collect();
    let (answered, _) = domain_progress(q, domain, &props.context, &props.answers);
    let domains: Vec<_> = q.applicable_domains(&props.context).map(|d| d.id.as_str()).collect();
    let position = domains.iter().position(|d| *d == domain.id).unwrap_or(0);
    let is_last = position + 1 == domains.len();
    let step = |event: Event| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Msg::Core(event.clone())))
    };
    let text = lang.domain(&domain.id);
    html! {
        <section class="ct-domain" aria-labelledby="ct-page-title">
            <p class="ct-eyebrow">{ format!("{} / {}", position + 1, domains.len()) }</p>
            <h1 id="ct-page-title" class="ct-title" tabindex="-1" data-page-heading="">{ lang.domain_title(&domain.id) }</h1>
            if let Some(t) = text {
                <p class="ct-lead">{ &t.summary }</p>
            }
            <p class="ct-muted" aria-live="polite">
                { lang.fill("domain.progress", &[("answered", &answered.to_string()), ("count", &questions.len().to_string())]) }
            </p>
            { for questions.iter().enumerate().map(|(i, item)| html! {
                <QuestionCard
                    key={item.id.clone()}
                    lang={lang}
                    dispatch={props.dispatch.clone()}
                    id={item.id.clone()}
                    number={i + 1}
                    count={questions.len()}
                    answer={props.answers.values.get(&item.id).copied()}
                    note={props.answers.notes.get(&item.id).cloned()}
                    target={q.target(item, &props.context)}
                />
            }) }
            <div class="ct-pager">
                <button type="button" class="ct-button" onclick={step(Event::Previous)}>{ lang.t("domain.previous") }</button>
                if is_last {
                    <button type="button" class="ct-button ct-button-primary" onclick={step(Event::Go(Page::Results))}>{ lang.t("domain.to_results") }</button>
                } else {
                    <button type="button" class="ct-button ct-button-primary" onclick={step(Event::Next)}>{ lang.t("domain.next") }</button>
                }
            </div>
        </section>
    }
}
