//! The Export menu: a disclosure button next to download and print, with one
//! button per format. The export module is loaded on the first click only
//! (see `web::exports`); a failure leaves the answers as they are and says
//! why in the user's language. Escape closes the menu and returns focus to
//! its button.

use yew::prelude::*;

use crate::web::app::results_file;
use crate::web::exports::{self, ExportFailure};
use crate::web::lang::Lang;
use crate::web::notice::Notice;
use crate::web::platform;
use crate::web::state::{Dispatch, Model, Msg};

/// The formats offered, with the key of their label (the export module knows the same ids);
/// the last two are the procurement pack built from the gaps.
const FORMATS: [(&str, &str); 6] = [
    ("xlsx", "export.xlsx"),
    ("csv", "export.csv"),
    ("docx", "export.docx"),
    ("md", "export.md"),
    ("procurement-docx", "export.procurement_docx"),
    ("procurement-md", "export.procurement_md"),
];

#[derive(Properties, PartialEq)]
pub struct ExportMenuProps {
    pub lang: Lang,
    pub dispatch: Dispatch,
    pub model: UseReducerHandle<Model>,
    /// Where the download link is attached (inside the widget's shadow root).
    pub root: NodeRef,
}

#[function_component]
pub fn ExportMenu(props: &ExportMenuProps) -> Html {
    let lang = props.lang;
    let open = use_state_eq(|| false);
    let busy = use_state_eq(|| false);
    let toggle_ref = use_node_ref();

    let toggle = {
        let open = open.clone();
        Callback::from(move |_| open.set(!*open))
    };
    let keydown = {
        let (open, toggle_ref) = (open.clone(), toggle_ref.clone());
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" && *open {
                e.prevent_default();
                open.set(false);
                if let Some(button) = toggle_ref.cast::<web_sys::HtmlElement>() {
                    let _ = button.focus();
                }
            }
        })
    };
    let choose = |format: &'static str| {
        let (handle, dispatch, root, open, busy) =
            (props.model.clone(), props.dispatch.clone(), props.root.clone(), open.clone(), busy.clone());
        let toggle_ref = toggle_ref.clone();
        Callback::from(move |_| {
            let json = results_file(&handle).to_json();
            let language = handle.assessment.language.clone();
            let (dispatch, root, open, busy, toggle_ref) =
                (dispatch.clone(), root.clone(), open.clone(), busy.clone(), toggle_ref.clone());
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let notice = match exports::build(&json, format, &language).await {
                    Ok(built) => match root.cast::<web_sys::Element>() {
                        Some(root) => {
                            match platform::download_bytes(&built.file_name, &built.bytes, &built.mime, &root) {
                                Ok(()) => Notice::Exported { file: built.file_name },
                                Err(_) => Notice::DownloadFailed,
                            }
                        }
                        None => Notice::DownloadFailed,
                    },
                    Err(ExportFailure::Unavailable) => Notice::ExportUnavailable,
                    Err(ExportFailure::Refused(reason)) => Notice::ExportFailed { reason },
                };
                busy.set(false);
                open.set(false);
                if let Some(button) = toggle_ref.cast::<web_sys::HtmlElement>() {
                    let _ = button.focus();
                }
                dispatch.dispatch(Msg::Notify(notice));
            });
        })
    };

    html! {
        <div class="ct-export" onkeydown={keydown}>
            <button type="button" class="ct-button" ref={toggle_ref.clone()} onclick={toggle}
                aria-expanded={open.to_string()} aria-controls="ct-export-menu">
                { lang.t("export.menu") }<span class="ct-export-caret" aria-hidden="true">{ "▾" }</span>
            </button>
            if *open {
                <div id="ct-export-menu" class="ct-export-menu">
                    <p class="ct-hint">{ lang.t("export.menu_hint") }</p>
                    <ul class="ct-export-list">
                        { for FORMATS.iter().map(|&(format, key)| html! {
                            <li>
                                <button type="button" class="ct-link-button ct-export-item" disabled={*busy}
                                    data-format={format} onclick={choose(format)}>
                                    { lang.t(key) }
                                </button>
                            </li>
                        }) }
                    </ul>
                    <p class="ct-hint" role="status">{ if *busy { lang.t("export.working") } else { "" } }</p>
                </div>
            }
        </div>
    }
}
