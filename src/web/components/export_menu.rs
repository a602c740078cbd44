//! The Export menu: a disclosure button next to download and print, with one
//! button per format. It renders and reports the choice; `hooks::use_export`
//! does the work. Escape closes the menu and returns focus to its button, as
//! does the end of an export.

use yew::prelude::*;

use crate::web::lang::Words;

/// The formats offered, with the key of their label (the export module knows the same ids);
/// the last two are the procurement pack built from the gaps.
const FORMATS: [(&str, &str); 6] = [
    ("xlsx", "export_menu.xlsx"),
    ("csv", "export_menu.csv"),
    ("docx", "export_menu.docx"),
    ("md", "export_menu.md"),
    ("procurement-docx", "export_menu.procurement_docx"),
    ("procurement-md", "export_menu.procurement_md"),
];

#[derive(Properties, PartialEq)]
pub struct ExportMenuProps {
    pub lang: Words,
    /// An export is under way: the formats are disabled and a status says so.
    pub busy: bool,
    /// Export in a format (`xlsx`, `csv`, `docx`, `md`).
    pub export: Callback<&'static str>,
}

#[function_component]
pub fn ExportMenu(props: &ExportMenuProps) -> Html {
    let lang = props.lang;
    let open = use_state_eq(|| false);
    let toggle_ref = use_node_ref();
    let close = {
        let (open, toggle_ref) = (open.clone(), toggle_ref.clone());
        move || {
            open.set(false);
            if let Some(button) = toggle_ref.cast::<web_sys::HtmlElement>() {
                let _ = button.focus();
            }
        }
    };
    // The end of an export closes the menu.
    {
        let (close, was_busy) = (close.clone(), use_mut_ref(|| false));
        use_effect_with(props.busy, move |busy| {
            if *was_busy.borrow() && !*busy {
                close();
            }
            *was_busy.borrow_mut() = *busy;
        });
    }
    let toggle = {
        let open = open.clone();
        Callback::from(move |_| open.set(!*open))
    };
    let keydown = {
        let (open, close) = (open.clone(), close.clone());
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" && *open {
                e.prevent_default();
                close();
            }
        })
    };
    html! {
        <div class="ct-export" onkeydown={keydown}>
            <button type="button" class="ct-button" ref={toggle_ref.clone()} onclick={toggle}
                aria-expanded={open.to_string()} aria-controls="ct-export-menu">
                { lang.t("export_menu.menu") }<span class="ct-export-caret" aria-hidden="true">{ "▾" }</span>
            </button>
            if *open {
                <div id="ct-export-menu" class="ct-export-menu">
                    <p class="ct-hint">{ lang.t("export_menu.menu_hint") }</p>
                    <ul class="ct-export-list">
                        { for FORMATS.iter().map(|&(format, key)| html! {
                            <li>
                                <button type="button" class="ct-link-button ct-export-item" disabled={props.busy}
                                    data-format={format} onclick={props.export.reform(move |_: MouseEvent| format)}>
                                    { lang.t(key) }
                                </button>
                            </li>
                        }) }
                    </ul>
                    <p class="ct-hint" role="status">{ if props.busy { lang.t("export_menu.working") } else { "" } }</p>
                </div>
            }
        </div>
    }
}
