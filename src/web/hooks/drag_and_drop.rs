//! Dropping a results file anywhere on the widget opens it, like "Open a file".

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::web::files::{self, Purpose};
use crate::web::state::Dispatch;

/// Listens for files dragged over and dropped on `root` for as long as the
/// widget lives; a dropped file is read and imported to resume from it.
/// Returns whether a file is being dragged over the widget, to show the drop zone.
#[hook]
pub fn use_drag_and_drop(root: &NodeRef, dispatch: &Dispatch) -> bool {
    let dragging = use_state_eq(|| false);
    {
        let (root, dispatch, dragging) = (root.clone(), dispatch.clone(), dragging.clone());
        use_effect_with((), move |_| {
            let mut listeners = Vec::new();
            if let Some(element) = root.cast::<web_sys::Element>() {
                // Without preventing the default, the browser would open the file itself.
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
                    // Leaving for a child element of the widget is not leaving the widget.
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
                        files::read(file, Purpose::Resume, dispatch.clone());
                    }
                }));
            }
            move || drop(listeners)
        });
    }
    *dragging
}
