//! The procurement pack's page: its content and logic are not in the main
//! module. While the page is open, this asks the on-demand export module
//! (`web::exports`, loaded with integrity from the widget's folder on first
//! use) for the pack of the current answers in the current language, as the
//! JSON of its view, and reads it with the core's reader. Nothing is
//! requested before the user opens the page; a failure leaves the answers as
//! they were and can be retried.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::procurement::view::PackView;
use crate::core::score::Report;
use crate::web::exports::{self, ExportFailure};
use crate::web::platform;
use crate::web::state::Model;

/// Where the pack of the current answers stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Pack {
    /// Asked for, not yet here.
    Loading,
    /// The view to render.
    Ready(Rc<PackView>),
    /// The module could not be loaded, or refused (the reason is in the user's language).
    Failed(ExportFailure),
}

/// Asks for the pack whenever the page is `open` and the language, context or
/// answers change; returns where it stands and a callback that asks again.
#[hook]
pub fn use_procurement(model: &UseReducerHandle<Model>, report: &Rc<Report>, open: bool) -> (Pack, Callback<()>) {
    // The outcome with the request it answers, so that a late answer to an older request is never shown.
    let outcome = use_state(|| (0u32, Pack::Loading));
    let requests = use_mut_ref(|| 0u32);
    let attempt = use_state(|| 0u32);
    {
        let (outcome, requests) = (outcome.clone(), requests.clone());
        let a = &model.assessment;
        let deps = (open, a.language.clone(), a.context.clone(), a.answers.values.clone(), *attempt);
        let (model, report) = (model.clone(), report.clone());
        use_effect_with(deps, move |(open, language, ..)| {
            if *open {
                *requests.borrow_mut() += 1;
                let request = *requests.borrow();
                let json = model.results_file(platform::now_seconds(), &report).to_json();
                let language = language.clone();
                outcome.set((request, Pack::Loading));
                wasm_bindgen_futures::spawn_local(async move {
                    let pack = match exports::procurement_view(&json, &language).await {
                        Ok(text) => match PackView::from_json(&text) {
                            Ok(view) if view.language == language => Pack::Ready(Rc::new(view)),
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
