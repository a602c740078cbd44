//! Focus after navigation: keyboard and screen-reader users start on the new
//! page's heading, or on the question they asked to see.

use wasm_bindgen::JsCast;
use yew::prelude::*;

/// After every page turn (`turns` counts them), once the page has rendered
/// (`shown`: not while the questionnaire's texts are still loading), focuses the
/// page heading inside `root`, or the first answer of `question` when one was
/// asked for, and scrolls it into view when the widget's top has scrolled away.
#[hook]
pub fn use_focus(root: &NodeRef, turns: u32, shown: bool, question: Option<String>) {
    let root = root.clone();
    use_effect_with((turns, shown), move |&(turns, shown)| {
        if turns == 0 || !shown {
            return;
        }
        let Some(root) = root.cast::<web_sys::Element>() else { return };
        let selector = match &question {
            Some(id) => format!("#question-{id} input[type=radio]"),
            None => "[data-page-heading]".to_owned(),
        };
        let target = root.query_selector(&selector).ok().flatten();
        if let Some(element) = target.as_ref().and_then(|t| t.dyn_ref::<web_sys::HtmlElement>()) {
            let _ = element.focus();
        }
        match (&question, &target) {
            (Some(_), Some(element)) => element.scroll_into_view(),
            _ if root.get_bounding_client_rect().top() < 0.0 => root.scroll_into_view(),
            _ => {}
        }
    });
}
