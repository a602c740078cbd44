//! Exporting the current answers (XLSX, CSV, DOCX, Markdown) through the
//! export module, which `web::exports` loads on the first request.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::score::Report;
use crate::web::exports::{self, ExportFailure};
use crate::web::notice::Notice;
use crate::web::platform;
use crate::web::state::{Model, Msg};

/// A callback that exports the current answers in a format (`xlsx`, `csv`,
/// `docx`, `md`) and offers the file as a download through a link inside
/// `root`, and whether an export is under way. The outcome is a notice; a
/// failure changes nothing else.
#[hook]
pub fn use_export(
    model: &UseReducerHandle<Model>,
    report: &Rc<Report>,
    root: &NodeRef,
) -> (Callback<&'static str>, bool) {
    let busy = use_state_eq(|| false);
    let (model, report, root) = (model.clone(), report.clone(), root.clone());
    let state = busy.clone();
    let callback = Callback::from(move |format: &'static str| {
        let json = model.results_file(platform::now_seconds(), &report).to_json();
        let language = model.assessment.language.clone();
        let (model, root, state) = (model.clone(), root.clone(), state.clone());
        state.set(true);
        wasm_bindgen_futures::spawn_local(async move {
            let notice = match exports::build(&json, format, &language).await {
                Ok(built) => match root.cast::<web_sys::Element>() {
                    Some(root) => match platform::download_bytes(&built.file_name, &built.bytes, &built.mime, &root) {
                        Ok(()) => Notice::Exported { file: built.file_name },
                        Err(_) => Notice::DownloadFailed,
                    },
                    None => Notice::DownloadFailed,
                },
                Err(ExportFailure::Unavailable) => Notice::ExportUnavailable,
                Err(ExportFailure::Refused(reason)) => Notice::ExportFailed { reason },
            };
            state.set(false);
            model.dispatch(Msg::Notify(notice));
        });
    });
    (callback, *busy)
}
