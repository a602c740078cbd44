//! The browser shell. `mount_all` starts a widget in every element marked
//! `data-cloudtriage`: each gets its own shadow root (so host styles and
//! widget styles stay apart), its own stylesheet link and its own state.

mod agency;
mod app;
mod components;
mod exports;
mod files;
mod hooks;
mod lang;
mod languages;
mod notice;
pub(crate) mod platform;
mod state;

use wasm_bindgen::prelude::*;

pub use app::{App, AppProps};

use crate::core::embed::EmbedConfig;

/// Marks an element the widget has already started in.
const MOUNTED: &str = "data-cloudtriage-mounted";

/// Reads the configuration of a mount element: its `data-*` attributes and,
/// when it has `data-url-config` (the standalone page), the URL parameters.
fn config_of(element: &web_sys::Element) -> EmbedConfig {
    let attributes = element.attributes();
    let mut pairs: Vec<(String, String)> =
        (0..attributes.length()).filter_map(|i| attributes.item(i)).map(|a| (a.name(), a.value())).collect();
    if element.has_attribute("data-url-config") {
        pairs.extend(platform::url_parameters());
    }
    let (config, warnings) = EmbedConfig::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    for w in warnings {
        web_sys::console::warn_1(&w.to_string().into());
    }
    config
}

/// The language to start in: the host's choice if it exists, else the browser's preferences, else English.
fn starting_language(config: &EmbedConfig) -> &'static str {
    let catalog = crate::core::Catalog::embedded();
    let preferences = platform::preferred_languages();
    let configured = config.language.iter().map(String::as_str);
    catalog.negotiate(configured.chain(preferences.iter().map(String::as_str)))
}

/// Settles once a stylesheet link has loaded (`true`) or was refused (`false`:
/// missing, or failing its integrity check). Listens from before the link is
/// connected, so that neither event can be missed.
fn stylesheet_outcome(link: &web_sys::HtmlLinkElement) -> (js_sys::Promise, Vec<gloo::events::EventListener>) {
    let mut listeners = Vec::with_capacity(2);
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        for (event, loaded) in [("load", true), ("error", false)] {
            let resolve = resolve.clone();
            listeners.push(gloo::events::EventListener::once(link, event, move |_| {
                let _ = resolve.call1(&JsValue::NULL, &JsValue::from_bool(loaded));
            }));
        }
    });
    (promise, listeners)
}

/// Tells the loader that this widget cannot start (it listens in the capture
/// phase); it replaces the widget with its message in the widget's language.
fn report_failure(host: &web_sys::Element) {
    if let Ok(event) = web_sys::Event::new("cloudtriage:failed") {
        let _ = host.dispatch_event(&event);
    }
}

fn mount(element: &web_sys::Element, position: u32, css_href: &str, css_integrity: &str) -> Result<(), JsValue> {
    let mut config = config_of(element);
    if !element.has_attribute("data-instance") && position > 0 {
        config.instance = format!("{}-{position}", config.instance);
    }
    if let (Some(accent), Some(host)) = (&config.accent, element.dyn_ref::<web_sys::HtmlElement>()) {
        // CSSOM, not a style attribute: allowed under a CSP without 'unsafe-inline'.
        host.style().set_property("--ct-accent", accent)?;
    }
    let document = gloo::utils::document();
    let shadow = element.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))?;
    let link: web_sys::HtmlLinkElement = document.create_element("link")?.dyn_into()?;
    link.set_rel("stylesheet");
    link.set_href(css_href);
    if !css_integrity.is_empty() {
        link.set_attribute("integrity", css_integrity)?;
    }
    let (styled, listeners) = stylesheet_outcome(&link);
    shadow.append_child(&link)?;
    let root = document.create_element("div")?;
    root.set_class_name("ct-mount");
    shadow.append_child(&root)?;
    element.set_attribute(MOUNTED, "")?;
    let host = element.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let wanted = starting_language(&config);
        let fallback = crate::core::catalog::FALLBACK_LANGUAGE;
        let language = if languages::ensure(wanted).await {
            wanted
        } else if wanted != fallback && languages::ensure(fallback).await {
            fallback
        } else {
            report_failure(&host);
            return;
        };
        // Rendered only once its styles are in place; a refused stylesheet stops the widget like a refused module.
        let loaded = wasm_bindgen_futures::JsFuture::from(styled).await.is_ok_and(|v| v.is_truthy());
        drop(listeners);
        if !loaded {
            report_failure(&host);
            return;
        }
        let props = AppProps { config, host, language: language.into(), language_refused: language != wanted };
        yew::Renderer::<App>::with_root_and_props(root, props).render();
    });
    Ok(())
}

/// Starts the widget in every element marked `data-cloudtriage` that does not
/// have it yet. Called by the loader; hosts that add mount elements later may
/// call it again.
/// `languages` lists the language files: `{"de": {"url": "...", "integrity": "sha384-...", "texts": "...", "textsIntegrity": "sha384-..."}}`;
/// `exports` names the on-demand export module: `{"url": "...", "integrity": "sha384-..."}` (empty: none);
/// `words` may carry the words of language `code`, already loaded by the loader (checked like any other).
#[wasm_bindgen]
pub fn mount_all(
    css_href: String,
    css_integrity: String,
    languages: String,
    exports: String,
    code: String,
    words: String,
) {
    languages::announce(&languages);
    exports::announce(&exports);
    agency::set_folder(&css_href);
    if !code.is_empty() && !words.is_empty() {
        let _ = crate::core::Catalog::embedded().provide(&code, &words);
    }
    let document = gloo::utils::document();
    let Ok(nodes) = document.query_selector_all("[data-cloudtriage]") else { return };
    for i in 0..nodes.length() {
        let Some(element) = nodes.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else { continue };
        if element.has_attribute(MOUNTED) {
            continue;
        }
        if let Err(e) = mount(&element, i, &css_href, &css_integrity) {
            web_sys::console::error_2(&"cloudtriage: could not start in this element".into(), &e);
        }
    }
}

/// Bytes of WebAssembly memory the widgets use, for the benchmarks (`make bench`).
#[wasm_bindgen]
pub fn memory_bytes() -> f64 {
    (core::arch::wasm32::memory_size(0) * 65536) as f64
}
