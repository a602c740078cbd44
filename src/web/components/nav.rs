//! The section list: context, every applicable domain with its completion, results.

use yew::prelude::*;

use crate::core::assessment::{Event, Page};
use crate::core::view::NavigationView;
use crate::web::lang::Words;
use crate::web::state::{Dispatch, Msg};

#[derive(Properties, PartialEq)]
pub struct NavProps {
    pub lang: Words,
    pub dispatch: Dispatch,
    pub view: NavigationView,
}

#[function_component]
pub fn Navigation(props: &NavProps) -> Html {
    let lang = props.lang;
    let view = &props.view;
    let (answered, applicable) = (view.answered, view.applicable);
    let go = |page: Page| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Msg::Core(Event::Go(page.clone()))))
    };
    let current = |page: &Page| if *page == view.page { Some("page") } else { None };
    let entry = |page: Page, label: String, status: Html, done: bool| {
        let class =
            classes!("ct-nav-item", (view.page == page).then_some("ct-nav-current"), done.then_some("ct-nav-done"));
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
                { entry(Page::Context, lang.t("nav.context").to_owned(), html! {}, view.context_complete) }
                { for view.items.iter().map(|item| {
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
