//! Downloading the results file, named in the user's language with today's date.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::score::Report;
use crate::web::lang::Words;
use crate::web::notice::Notice;
use crate::web::platform;
use crate::web::state::{Model, Msg};

/// A callback that offers the current answers, with their already computed
/// `report`, as a file download through a link inside `root`, and reports
/// the outcome as a notice (a blocked download says so).
#[hook]
pub fn use_download(model: &UseReducerHandle<Model>, report: &Rc<Report>, root: &NodeRef) -> Callback<()> {
    let (model, report, root) = (model.clone(), report.clone(), root.clone());
    Callback::from(move |()| {
        let file = model.results_file(platform::now_seconds(), &report);
        let name = Words::of(&model.assessment.language).fill("format.file_name", &[("date", &platform::local_day())]);
        let Some(root) = root.cast::<web_sys::Element>() else { return };
        model.dispatch(Msg::Notify(match platform::download(&name, &file.to_json(), &root) {
            Ok(()) => Notice::Downloaded { file: name },
            Err(_) => Notice::DownloadFailed,
        }));
    })
}
