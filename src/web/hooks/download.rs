//! Downloading the results file, named in the user's language with today's date.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::core::score::Report;
use crate::web::lang::Words;
use crate::web::notice::Notice;
use crate::web::platform;
use crate::web::state::{Model, Msg, Scored};

/// A callback that offers the current answers, with their `report` (scored
/// once for this state, `state::Scored`), as a file download through a link inside `root`, and reports
/// the outcome as a notice (a blocked download says so).
#[hook]
pub fn use_download(model: &UseReducerHandle<Model>, report: &Rc<Scored>, root: &NodeRef) -> Callback<()> {
    // The same callback on every render (so the toolbar is not rendered again with each
    // answer); it downloads the state of the latest render.
    let latest = use_latest(model, report);
    let root = root.clone();
    (*use_memo((), move |_| {
        Callback::from(move |()| {
            let (model, report) = latest.borrow().clone();
            download(&model, &report, &root)
        })
    }))
    .clone()
}

/// The model and report of the latest render, for callbacks that are made once.
#[hook]
pub fn use_latest(
    model: &UseReducerHandle<Model>,
    report: &Rc<Scored>,
) -> Rc<RefCell<(UseReducerHandle<Model>, Rc<Scored>)>> {
    let latest = use_mut_ref(|| (model.clone(), report.clone()));
    *latest.borrow_mut() = (model.clone(), report.clone());
    latest
}

fn download(model: &UseReducerHandle<Model>, report: &Report, root: &NodeRef) {
    let file = model.results_file(platform::now_seconds(), report);
    let name = Words::of(&model.assessment.language).fill("format.file_name", &[("date", &platform::local_day())]);
    let Some(root) = root.cast::<web_sys::Element>() else { return };
    model.dispatch(Msg::Notify(match platform::download(&name, &file.to_json(), &root) {
        Ok(()) => Notice::Downloaded { file: name },
        Err(_) => Notice::DownloadFailed,
    }));
}
