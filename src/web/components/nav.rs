//! The section list: context, every applicable domain with its completion, results.

use yew::prelude::*;

use crate::core::assessment::{Assessment, Event, Page};
use crate::core::Catalog;
use crate::web::lang::Lang;
use crate::web::state::{Dispatch, Msg};

#[derive(Properties, PartialEq)]
pub struct NavProps {
    pub lang: Lang,
    pub dispatch: Dispatch,
    pub assessment: Assessment,
}

#[function_component]
pub fn Navigation(props: &NavProps) -> Html {
    let lang = props.lang;
    let q = &Catalog::embedded().questionnaire;
    let a = &props.assessment;
    let items = if a.context.is_complete() { a.navigation(q) } else { Vec::new() };
    let (answered, applicable) = items.iter().fold((0, 0), |(x, y), i| (x + i.answered, y + i.applicable));
    let go = |page: Page| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Msg::Core(Event::Go(page.clone()))))
    };
    let current = |page: &Page| if *page == a.page { Some("page") } else { None };
    let entry = |page: Page, label: String, status: Html, done: bool| {
        let class =
            classes!("ct-nav-item", (a.page == page).then_some("ct-nav-current"), done.then_some("ct-nav-done"));
        html! {
            <li {class}>
                <button type="button" class="ct-nav-link" aria-current={current(&page)} onclick={go(page.clone())}>
                    <span class="ct-nav-mark" aria-hidden="true"></span>
                    <span class="ct-nav-label">{ label }</span>
                    { status }
                </button>
            </li>
        }
    };
    let overall = lang.fill("nav.overall", &[("answered", &answered.to_string()), ("count", &applicable.to_string())]);
    html! {
        <nav class="ct-nav" aria-label={lang.t("nav.label").to_owned()}>
            if applicable > 0 {
                <div class="ct-progress">
                    <progress class="ct-progress-bar" max={applicable.to_string()} value={answered.to_string()} aria-label={overall.clone()}></progress>
                    <p class="ct-progress-text">{ overall }</p>
                </div>
            }
            <ol class="ct-nav-list">
                { entry(Page::Context, lang.t("nav.context").to_owned(), html! {}, a.context.is_complete()) }
                { for items.iter().map(|item| {
                    let status = html! {
                        <span class="ct-nav-count">
                            { format!("{}/{}", item.answered, item.applicable) }
                            <span class="ct-visually-hidden">
                                { format!(" ({})", lang.fill("domain.progress", &[("answered", &item.answered.to_string()), ("count", &item.applicable.to_string())])) }
                            </span>
                        </span>
                    };
                    entry(Page::Domain(item.domain.clone()), lang.domain_title(&item.domain).to_owned(), status, item.complete())
                }) }
                { entry(Page::Results, lang.t("nav.results").to_owned(), html! {}, false) }
            </ol>
        </nav>
    }
}
