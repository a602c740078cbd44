//! The section list: context, every applicable domain with its completion, results.
//! Each entry is a component of its own, so an answer renders again only the
//! entry whose count it changes, and the overall progress.

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

#[derive(Properties, PartialEq)]
struct EntryProps {
    lang: Words,
    dispatch: Dispatch,
    page: Page,
    label: &'static str,
    /// The page shown is this one.
    current: bool,
    done: bool,
    /// A domain's answered and applicable questions.
    #[prop_or_default]
    count: Option<(usize, usize)>,
}

#[function_component]
fn Entry(props: &EntryProps) -> Html {
    let lang = props.lang;
    let onclick = {
        let (dispatch, page) = (props.dispatch.clone(), props.page.clone());
        Callback::from(move |_| dispatch.dispatch(Msg::Core(Event::Go(page.clone()))))
    };
    let class = classes!("ct-nav-item", props.current.then_some("ct-nav-current"), props.done.then_some("ct-nav-done"));
    let status = props.count.map(|(answered, applicable)| {
        let (answered, applicable) = (answered.to_string(), applicable.to_string());
        html! {
            <span class="ct-nav-count">
                { format!("{answered}/{applicable}") }
                <span class="ct-visually-hidden">
                    { format!(" ({})", lang.fill("domain.progress", &[("answered", &answered), ("count", &applicable)])) }
                </span>
            </span>
        }
    });
    html! {
        <li {class}>
            <button type="button" class="ct-nav-link" aria-current={props.current.then_some("page")} {onclick}>
                <span class="ct-nav-mark" aria-hidden="true"></span>
                <span class="ct-nav-label">{ props.label }</span>
                { for status }
            </button>
        </li>
    }
}

#[function_component]
pub fn Navigation(props: &NavProps) -> Html {
    let lang = props.lang;
    let view = &props.view;
    let (answered, applicable) = (view.answered, view.applicable);
    let entry = |page: Page, label: &'static str, done: bool, count: Option<(usize, usize)>| {
        let current = view.page == page;
        html! { <Entry {lang} dispatch={props.dispatch.clone()} {page} {label} {current} {done} {count} /> }
    };
    let overall = lang.fill("nav.overall", &[("answered", &answered.to_string()), ("count", &applicable.to_string())]);
    html! {
        <nav class="ct-nav" aria-label={lang.0.t("nav.label")}>
            if applicable > 0 {
                <div class="ct-progress">
                    <progress class="ct-progress-bar" max={applicable.to_string()} value={answered.to_string()} aria-label={overall.clone()}></progress>
                    <p class="ct-progress-text">{ overall }</p>
                </div>
            }
            <ol class="ct-nav-list">
                { entry(Page::Context, lang.0.t("nav.context"), view.context_complete, None) }
                { for view.items.iter().map(|item| {
                    let page = Page::Domain(item.domain.clone());
                    entry(page, lang.0.domain_title(&item.domain), item.complete(), Some((item.answered, item.applicable)))
                }) }
                { entry(Page::Results, lang.0.t("nav.results"), false, None) }
            </ol>
        </nav>
    }
}
