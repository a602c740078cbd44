//! The browser shell: mounts the Yew app into every `data-cloudtriage` element.

use wasm_bindgen::prelude::*;
use yew::prelude::*;

#[function_component]
fn App() -> Html {
    html! { <p>{ "cloudtriage" }</p> }
}

/// Mounts the widget into every element marked `data-cloudtriage` that is not mounted yet.
#[wasm_bindgen]
pub fn mount_all(css_href: String, css_integrity: String) {
    let _ = (css_href, css_integrity);
    let document = gloo::utils::document();
    let Ok(nodes) = document.query_selector_all("[data-cloudtriage]") else {
        return;
    };
    for i in 0..nodes.length() {
        let Some(element) = nodes
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        yew::Renderer::<App>::with_root(element).render();
    }
}
