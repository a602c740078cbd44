//! The hand-over between the widget's two modules (`web::upgrade`): the first
//! module asks for the whole widget when the model says so, and hears when it
//! could not be loaded; the whole widget, once it has taken over, finishes
//! what the user had started (opening a question's evidence register).

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::web::platform;
use crate::web::state::{Model, Msg, Scored};
use crate::web::upgrade::{self, Action, Handover};

/// Sends the hand-over when the model asks for the whole widget (again after a
/// failure), and turns the loader's failure answer into a notice.
#[hook]
pub fn use_upgrade(model: &UseReducerHandle<Model>, report: &Rc<Scored>, host: &web_sys::Element) {
    {
        let (model, report, host) = (model.clone(), report.clone(), host.clone());
        use_effect_with(model.upgrading.clone(), move |upgrading| {
            let Some(u) = upgrading else { return };
            let state = match u.action {
                Action::Start => String::new(),
                _ => model.results_file(platform::now_seconds(), &report).to_json(),
            };
            let handover = Handover {
                action: u.action.clone(),
                state,
                file: u.file.clone().unwrap_or_default(),
                remember: model.remember,
                language: model.assessment.language.clone(),
            };
            upgrade::request(&host, &handover);
        });
    }
    let (dispatch, host) = (model.dispatcher(), host.clone());
    use_effect_with((), move |_| {
        let listener =
            gloo::events::EventListener::new(&host, upgrade::FAILED, move |_| dispatch.dispatch(Msg::UpgradeFailed));
        move || drop(listener)
    });
}

/// In the whole widget that took over to open a question's evidence register:
/// opens it, once the question is shown, and puts the focus on its first field.
#[hook]
pub fn use_handover(root: &NodeRef, handover: Option<&Handover>, shown: bool) {
    let question = match handover.map(|h| &h.action) {
        Some(Action::Evidence(id)) => Some(id.clone()),
        _ => None,
    };
    let done = use_mut_ref(|| false);
    let root = root.clone();
    use_effect_with(shown, move |&shown| {
        let Some(id) = question.filter(|_| shown && !*done.borrow()) else { return };
        let Some(root) = root.cast::<web_sys::Element>() else { return };
        let summary = root.query_selector(&format!("#question-{id} .ct-evidence summary")).ok().flatten();
        if let Some(summary) = summary.and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok()) {
            *done.borrow_mut() = true;
            // As the user's click would: the register opens its form with the focus on its first field.
            summary.click();
        }
    });
}
