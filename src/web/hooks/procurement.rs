//! The procurement pack's page: its content and logic are not in the main
//! module. While the page is open, this asks the on-demand export module
//! (`web::exports`, loaded with integrity from the widget's folder on first
//! use) for the pack of the current answers in the current language, as the
//! page's elements in plain data (`core::procurement::page`), and builds them
//! as elements with only the tags and attributes the core allows, texts as
//! text nodes (never parsed as markup). Nothing is
//! requested before the user opens the page; a failure leaves the answers as
//! they were and can be retried. The page is the whole widget's only (feature
//! `full`); the first module keeps the type its page arm names.
#![cfg_attr(not(feature = "full"), allow(unused_imports, dead_code))]

use std::rc::Rc;

use yew::prelude::*;

use crate::core::json::Json;
use crate::core::procurement::page;
use crate::web::exports::{self, ExportFailure};
use crate::web::platform;
use crate::web::state::Model;
use crate::web::state::Scored;

/// Where the pack of the current answers stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Pack {
    /// Asked for, not yet here.
    Loading,
    /// The page's body, built.
    Ready(web_sys::Node),
    /// The module could not be loaded, or refused (the reason is in the user's language).
    Failed(ExportFailure),
}

#[cfg(feature = "full")]
/// Asks for the pack whenever the page is `open` and the language, context or
/// answers change; returns where it stands and a callback that asks again.
#[hook]
pub fn use_procurement(model: &UseReducerHandle<Model>, report: &Rc<Scored>, open: bool) -> (Pack, Callback<()>) {
    // The outcome with the request it answers, so that a late answer to an older request is never shown.
    let outcome = use_state(|| (0u32, Pack::Loading));
    let requests = use_mut_ref(|| 0u32);
    let attempt = use_state(|| 0u32);
    {
        let (outcome, requests) = (outcome.clone(), requests.clone());
        let a = &model.assessment;
        // The report is recomputed (a new allocation, made while the old one is still held) whenever the
        // context, the answers or the target profile change: its address stands for all three.
        let deps = (open, a.language.clone(), Rc::as_ptr(report) as usize, *attempt);
        let (model, report) = (model.clone(), report.clone());
        use_effect_with(deps, move |(open, language, ..)| {
            if *open {
                *requests.borrow_mut() += 1;
                let request = *requests.borrow();
                let json = model.results_file(platform::now_seconds(), &report).to_json();
                let language = language.clone();
                outcome.set((request, Pack::Loading));
                wasm_bindgen_futures::spawn_local(async move {
                    let pack = match exports::procurement_page(&json, &language).await {
                        Ok(text) => match (Json::parse(&text), gloo::utils::document().create_element("div")) {
                            (Ok(tree), Ok(body)) => {
                                build(&gloo::utils::document(), &body, &tree);
                                Pack::Ready(body.into())
                            }
                            _ => Pack::Failed(ExportFailure::Unavailable),
                        },
                        Err(failure) => Pack::Failed(failure),
                    };
                    if *requests.borrow() == request {
                        outcome.set((request, pack));
                    }
                });
            }
        });
    }
    let retry = {
        let attempt = attempt.clone();
        Callback::from(move |()| attempt.set(*attempt + 1))
    };
    let current = if *requests.borrow() == outcome.0 { outcome.1.clone() } else { Pack::Loading };
    (current, retry)
}

/// Adds a node of the page's tree to `parent`: a text as a text node, an element only with a tag and
/// attributes the core allows (so nothing in the data can run, load or restyle anything), a list as its items.
fn build(document: &web_sys::Document, parent: &web_sys::Element, node: &Json) {
    match node {
        Json::String(text) => {
            let _ = parent.append_with_str_1(text);
        }
        Json::Array(items) => match items.split_first() {
            Some((Json::String(tag), rest)) => {
                let Some(element) =
                    page::TAGS.contains(&tag.as_str()).then(|| document.create_element(tag).ok()).flatten()
                else {
                    return;
                };
                let (attributes, children) = match rest.split_first() {
                    Some((Json::Object(attributes), children)) => (attributes.as_slice(), children),
                    _ => (&[][..], rest),
                };
                for (name, value) in attributes {
                    if let (true, Some(value)) = (page::ATTRIBUTES.contains(&name.as_str()), value.as_str()) {
                        let _ = element.set_attribute(name, value);
                    }
                }
                children.iter().for_each(|child| build(document, &element, child));
                let _ = parent.append_child(&element);
            }
            _ => items.iter().for_each(|item| build(document, parent, item)),
        },
        _ => {}
    }
}
