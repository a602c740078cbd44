//! A button that opens the file picker for a results file.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::web::files::{self, Purpose};
use crate::web::state::Dispatch;

#[derive(Properties, PartialEq)]
pub struct FileButtonProps {
    pub label: AttrValue,
    pub purpose: Purpose,
    pub dispatch: Dispatch,
    #[prop_or_default]
    pub class: Classes,
}

#[function_component]
pub fn FileButton(props: &FileButtonProps) -> Html {
    let input = use_node_ref();
    let onclick = {
        let input = input.clone();
        Callback::from(move |_| {
            if let Some(input) = input.cast::<HtmlInputElement>() {
                // Choosing the same file twice must still fire `change`.
                input.set_value("");
                input.click();
            }
        })
    };
    let onchange = {
        let (dispatch, purpose) = (props.dispatch.clone(), props.purpose);
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            if let Some(file) = files::first(input.files()) {
                files::read(file, purpose, dispatch.clone());
            }
        })
    };
    let testid = match props.purpose {
        Purpose::Resume => "import-input",
        Purpose::Compare => "compare-input",
    };
    html! {
        <>
            <button type="button" class={classes!("ct-button", props.class.clone())} {onclick}>{ props.label.clone() }</button>
            <input
                ref={input}
                type="file"
                accept=".json,application/json"
                class="ct-visually-hidden"
                tabindex="-1"
                aria-hidden="true"
                data-testid={testid}
                {onchange}
            />
        </>
    }
}
