//! Printing: the toolbar asks, the results page renders its print version
//! (the whole action plan), and only then does the print dialog open.

use yew::prelude::*;

use crate::web::platform;
use crate::web::state::{Model, Msg};

/// Opens the print dialog once the model says printing was asked for and the
/// page has rendered with its texts (`ready`), then tells the model it is done.
#[hook]
pub fn use_print(model: &UseReducerHandle<Model>, ready: bool) {
    let handle = model.clone();
    use_effect_with((model.print_requested, ready), move |&(requested, ready)| {
        if requested && ready {
            platform::print();
            handle.dispatch(Msg::PrintDone);
        }
    });
}
