//! The actions available on every page: download, open, compare, print, export,
//! erase (with confirmation), and the "remember on this device" switch.
//! Files can also be dropped anywhere on the widget.

use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::export_menu::ExportMenu;
use super::file_button::FileButton;
use crate::core::assessment::Page;
use crate::web::app::results_file;
use crate::web::files::{self, Purpose};
use crate::web::lang::Lang;
use crate::web::notice::Notice;
use crate::web::platform;
use crate::web::state::{Dispatch, Model, Msg};

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub lang: Lang,
    pub dispatch: Dispatch,
    pub model: UseReducerHandle<Model>,
    pub storage_allowed: bool,
    pub root: NodeRef,
}

#[function_component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    let lang = props.lang;
    let model = &*props.model;
    let dragging = use_state_eq(|| false);

    let download = {
        let (handle, dispatch, root) = (props.model.clone(), props.dispatch.clone(), props.root.clone());
        Callback::from(move |_| {
            let file = results_file(&handle);
            let day = platform::local_day();
            let name = Lang::of(&handle.assessment.language).fill("format.file_name", &[("date", &day)]);
            let Some(root) = root.cast::<web_sys::Element>() else { return };
            dispatch.dispatch(Msg::Notify(match platform::download(&name, &file.to_json(), &root) {
                Ok(()) => Notice::Downloaded { file: name },
                Err(_) => Notice::DownloadFailed,
            }));
        })
    };
    let print = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Msg::Print))
    };
    let ask_erase = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Msg::AskErase))
    };
    let erase = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Msg::Erase))
    };
    let cancel = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Msg::CancelErase))
    };
    let remember = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            dispatch.dispatch(Msg::SetRemember(e.target_unchecked_into::<HtmlInputElement>().checked()))
        })
    };

    // Drag and drop of a results file onto the widget.
    {
        let (root, dispatch, dragging) = (props.root.clone(), props.dispatch.clone(), dragging.clone());
        use_effect_with((), move |_| {
            let mut listeners = Vec::new();
            if let Some(element) = root.cast::<web_sys::Element>() {
                let options = gloo::events::EventListenerOptions::enable_prevent_default();
                let d = dragging.clone();
                listeners.push(gloo::events::EventListener::new_with_options(
                    &element,
                    "dragover",
                    options,
                    move |e| {
                        e.prevent_default();
                        d.set(true);
                    },
                ));
                let d = dragging.clone();
                listeners.push(gloo::events::EventListener::new(&element, "dragleave", move |e| {
                    let inside = e.dyn_ref::<web_sys::DragEvent>().and_then(|e| e.related_target()).is_some();
                    if !inside {
                        d.set(false);
                    }
                }));
                listeners.push(gloo::events::EventListener::new_with_options(&element, "drop", options, move |e| {
                    e.prevent_default();
                    dragging.set(false);
                    let files =
                        e.dyn_ref::<web_sys::DragEvent>().and_then(|e| e.data_transfer()).and_then(|d| d.files());
                    if let Some(file) = files::first(files) {
                        files::import(file, Purpose::Resume, dispatch.clone());
                    }
                }));
            }
            move || drop(listeners)
        });
    }

    let on_results = matches!(model.assessment.page, Page::Results | Page::Compare);
    html! {
        <section class="ct-toolbar ct-no-print" aria-label={lang.t("toolbar.label").to_owned()}>
            if *dragging {
                <div class="ct-dropzone" aria-hidden="true"><p>{ lang.t("toolbar.drop") }</p></div>
            }
            <div class="ct-toolbar-buttons">
                <button type="button" class={classes!("ct-button", on_results.then_some("ct-button-primary"))} onclick={download}>
                    { lang.t("toolbar.download") }
                </button>
                <FileButton label={lang.t("toolbar.import").to_owned()} purpose={Purpose::Resume} dispatch={props.dispatch.clone()} />
                <FileButton label={lang.t("toolbar.compare").to_owned()} purpose={Purpose::Compare} dispatch={props.dispatch.clone()} />
                <button type="button" class="ct-button" onclick={print}>{ lang.t("toolbar.print") }</button>
                <ExportMenu lang={lang} dispatch={props.dispatch.clone()} model={props.model.clone()} root={props.root.clone()} />
                <button type="button" class="ct-button ct-button-danger" onclick={ask_erase} aria-expanded={model.confirm_erase.to_string()}>
                    { lang.t("toolbar.erase") }
                </button>
            </div>
            if model.confirm_erase {
                <div class="ct-confirm" role="alertdialog" aria-labelledby="ct-confirm-text">
                    <p id="ct-confirm-text">{ lang.t("toolbar.erase_confirm") }</p>
                    <div class="ct-actions-row">
                        <button type="button" class="ct-button ct-button-danger" onclick={erase}>{ lang.t("toolbar.erase_yes") }</button>
                        <button type="button" class="ct-button" onclick={cancel}>{ lang.t("toolbar.erase_no") }</button>
                    </div>
                </div>
            }
            if props.storage_allowed {
                <div class="ct-remember">
                    <label class="ct-switch">
                        <input type="checkbox" role="switch" checked={model.remember} onchange={remember} aria-describedby="ct-remember-hint" />
                        <span class="ct-switch-track" aria-hidden="true"><span class="ct-switch-thumb"></span></span>
                        <span>{ lang.t("toolbar.remember") }</span>
                    </label>
                    <p id="ct-remember-hint" class="ct-hint">
                        { lang.t(if model.remember { "toolbar.remember_on" } else { "toolbar.remember_hint" }) }
                    </p>
                </div>
            } else {
                <p class="ct-hint">{ lang.t("notices.storage_forbidden") }</p>
            }
        </section>
    }
}
