//! Exporting the current answers (XLSX, CSV, DOCX, Markdown) through the
//! export module, which `web::exports` loads on the first request.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::score::Report;
use crate::web::exports::{self, ExportFailure};
use crate::web::notice::Notice;
use crate::web::platform;
use crate::web::state::{Model, Msg, Scored};

/// A callback that exports the current answers in a format (`xlsx`, `csv`,
/// `docx`, `md`) and offers the file as a download through a link inside
/// `root`, and whether an export is under way. The outcome is a notice; a
/// failure changes nothing else.
#[hook]
pub fn use_export(
    model: &UseReducerHandle<Model>,
    report: &Rc<Scored>,
    root: &NodeRef,
) -> (Callback<&'static str>, bool) {
    let busy = use_state_eq(|| false);
    // Made once, like the download's (`use_latest`): it exports the state of the latest render.
    let latest = super::download::use_latest(model, report);
    let (root, state) = (root.clone(), busy.setter());
    let callback = (*use_memo((), move |_| {
        Callback::from(move |format: &'static str| {
            export(&latest.borrow().0, &latest.borrow().1, format, &root, &state)
        })
    }))
    .clone();
    (callback, *busy)
}

fn export(
    model: &UseReducerHandle<Model>,
    report: &Report,
    format: &'static str,
    root: &NodeRef,
    state: &UseStateSetter<bool>,
) {
    let json = model.results_file(platform::now_seconds(), report).to_json();
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
}
