//! Automatic iframe height: a widget shown in a frame tells the parent page
//! how tall it is (`cloudtriage:height` messages, see docs/EMBEDDING.md).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::core::embed::EmbedConfig;
use crate::web::platform;

/// A ResizeObserver, the callback it calls and a listener for the page's
/// `load` (late stylesheets move the widget without resizing it); all live as long as the widget.
type HeightWatch = (web_sys::ResizeObserver, Closure<dyn FnMut()>, Option<gloo::events::EventListener>);

/// Posts the height the page needs to show the mount element (its bottom edge
/// in the document) to the parent frame, now and whenever it changes.
fn watch_height(element: web_sys::Element, config: &EmbedConfig) -> Option<HeightWatch> {
    let target = config.parent_origin.clone().unwrap_or_else(platform::own_origin);
    let instance = config.instance.clone();
    let measured = element.clone();
    let callback = Closure::<dyn FnMut()>::new(move || {
        let scrolled = web_sys::window().and_then(|w| w.scroll_y().ok()).unwrap_or(0.0);
        platform::post_height(measured.get_bounding_client_rect().bottom() + scrolled, &instance, &target);
    });
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    let options = web_sys::ResizeObserverOptions::new();
    options.set_box(web_sys::ResizeObserverBoxOptions::BorderBox);
    observer.observe_with_options(&element, &options);
    let post = callback.as_ref().unchecked_ref::<js_sys::Function>().clone();
    let loaded = web_sys::window().map(|w| {
        gloo::events::EventListener::once(&w, "load", move |_| {
            let _ = post.call0(&wasm_bindgen::JsValue::NULL);
        })
    });
    Some((observer, callback, loaded))
}

/// When the host asked for it (`resize_parent`), watches the mount element
/// `host` for as long as the widget lives and posts its height to the parent
/// frame (to `parent_origin`, else the page's own origin).
#[hook]
pub fn use_frame_height(host: &web_sys::Element, config: &EmbedConfig) {
    let (host, config) = (host.clone(), config.clone());
    use_effect_with((), move |_| {
        let watch = Some(host).filter(|_| config.resize_parent).and_then(|e| watch_height(e, &config));
        move || {
            if let Some((observer, ..)) = watch {
                observer.disconnect();
            }
        }
    });
}
