//! The actions available on every page: download, open, compare, print, export,
//! the procurement pack (from the results), erase (with confirmation), and the
//! "remember on this device" switch.
//! Files can also be dropped anywhere on the widget.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::export_menu::ExportMenu;
use super::file_button::FileButton;
use crate::core::view::ToolbarView;
use crate::web::files::Purpose;
use crate::web::lang::Words;
use crate::web::state::{Dispatch, Msg};

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub lang: Words,
    pub dispatch: Dispatch,
    pub view: ToolbarView,
    /// A file is being dragged over the widget: show where to drop it.
    pub dragging: bool,
    /// Download the results file (see `hooks::use_download`).
    pub download: Callback<()>,
    /// Export in a format (see `hooks::use_export`).
    pub export: Callback<&'static str>,
    /// An export is under way.
    pub exporting: bool,
}

#[function_component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    let lang = props.lang;
    let view = &props.view;
    let download = props.download.reform(|_: MouseEvent| ());
    let print = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Msg::Print))
    };
    let team = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| {
            dispatch.dispatch(Msg::Core(crate::core::assessment::Event::Go(crate::core::assessment::Page::Team)))
        })
    };
    let open_pack = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| {
            dispatch.dispatch(Msg::Core(crate::core::assessment::Event::Go(crate::core::assessment::Page::Procurement)))
        })
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
    let on_remember = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            dispatch.dispatch(Msg::SetRemember(e.target_unchecked_into::<HtmlInputElement>().checked()))
        })
    };

    html! {
        <section class="ct-toolbar ct-no-print" aria-label={lang.t("toolbar.label").to_owned()}>
            if props.dragging {
                <div class="ct-dropzone" aria-hidden="true"><p>{ lang.t("toolbar.drop") }</p></div>
            }
            <div class="ct-toolbar-buttons">
                <button type="button" class={classes!("ct-button", view.download_primary.then_some("ct-button-primary"))} onclick={download}>
                    { lang.t("toolbar.download") }
                </button>
                <FileButton label={lang.t("toolbar.import").to_owned()} purpose={Purpose::Resume} dispatch={props.dispatch.clone()} />
                <FileButton label={lang.t("toolbar.compare").to_owned()} purpose={Purpose::Compare} dispatch={props.dispatch.clone()} />
                <button type="button" class="ct-button" onclick={print}>{ lang.t("toolbar.print") }</button>
                <ExportMenu lang={lang} busy={props.exporting} export={props.export.clone()} />
                if view.procurement {
                    <button type="button" class="ct-button ct-open-pack" onclick={open_pack}>{ lang.t("pack.open") }</button>
                }
                <button type="button" class="ct-button" onclick={team}>{ lang.t("team.toolbar") }</button>
                <button type="button" class="ct-button ct-button-danger" onclick={ask_erase} aria-expanded={view.confirm_erase.to_string()}>
                    { lang.t("toolbar.erase") }
                </button>
            </div>
            if view.confirm_erase {
                <div class="ct-confirm" role="alertdialog" aria-labelledby="ct-confirm-text">
                    <p id="ct-confirm-text">{ lang.t("toolbar.erase_confirm") }</p>
                    <div class="ct-actions-row">
                        <button type="button" class="ct-button ct-button-danger" onclick={erase}>{ lang.t("toolbar.erase_yes") }</button>
                        <button type="button" class="ct-button" onclick={cancel}>{ lang.t("toolbar.erase_no") }</button>
                    </div>
                </div>
            }
            if let Some(remember) = view.remember {
                <div class="ct-remember">
                    <label class="ct-switch">
                        <input type="checkbox" role="switch" checked={remember} onchange={on_remember} aria-describedby="ct-remember-hint" />
                        <span class="ct-switch-track" aria-hidden="true"><span class="ct-switch-thumb"></span></span>
                        <span>{ lang.t("toolbar.remember") }</span>
                    </label>
                    <p id="ct-remember-hint" class="ct-hint">
                        { lang.t(if remember { "toolbar.remember_on" } else { "toolbar.remember_hint" }) }
                    </p>
                </div>
            } else {
                <p class="ct-hint">{ lang.t("notices.storage_forbidden") }</p>
            }
        </section>
    }
}
