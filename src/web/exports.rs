//! The Export menu's engine, loaded on demand. The document writers are not
//! in the main module: the first time the user asks for an export, this adds
//! `<script type="module" src="exports-<hash>.js" integrity="sha384-...">` to
//! the page (allowed by `script-src 'self'`, and the same in a shadow-root
//! embed); that module fetches its WebAssembly from the same folder with
//! Subresource Integrity and publishes `globalThis.cloudtriageExports`, a
//! promise of `{ build(resultsJson, format, language) }`. Nothing is requested
//! before the click, and nothing but the widget's folder.

use std::cell::RefCell;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::core::json::Json;

/// The global the export module publishes its promise under.
const GLOBAL: &str = "cloudtriageExports";

/// Where the export module is and its digest, as announced by the loader.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Source {
    url: String,
    integrity: String,
}

thread_local! {
    static SOURCE: RefCell<Option<Source>> = const { RefCell::new(None) };
}

/// Records the export module the loader announced: `{"url": "...", "integrity": "sha384-..."}` (empty: none).
pub fn announce(manifest: &str) {
    let Ok(json) = Json::parse(manifest) else { return };
    let url = json.get("url").and_then(Json::as_str).unwrap_or_default().to_owned();
    let integrity = json.get("integrity").and_then(Json::as_str).unwrap_or_default().to_owned();
    if !url.is_empty() {
        SOURCE.with(|s| *s.borrow_mut() = Some(Source { url, integrity }));
    }
}

/// Why an export did not arrive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExportFailure {
    /// The module could not be loaded (offline, blocked, or its integrity check failed).
    Unavailable,
    /// The module refused: the reason, already in the user's language.
    Refused(String),
}

/// A finished export.
pub struct Built {
    pub file_name: String,
    pub mime: String,
    pub bytes: Vec<u8>,
}

fn global() -> js_sys::Object {
    js_sys::global()
}

/// Forgets a failed load so that the next click tries again.
fn forget(script: Option<&web_sys::Element>) {
    let _ = js_sys::Reflect::delete_property(&global(), &GLOBAL.into());
    if let Some(s) = script {
        s.remove();
    }
}

/// Loads the module once: appends its script and waits for it to run.
async fn module() -> Result<JsValue, ExportFailure> {
    let existing = js_sys::Reflect::get(&global(), &GLOBAL.into()).unwrap_or(JsValue::UNDEFINED);
    let mut script = None;
    if existing.is_undefined() {
        let source = SOURCE.with(|s| s.borrow().clone()).ok_or(ExportFailure::Unavailable)?;
        let document = gloo::utils::document();
        let element = document.create_element("script").map_err(|_| ExportFailure::Unavailable)?;
        let _ = element.set_attribute("type", "module");
        if !source.integrity.is_empty() {
            let _ = element.set_attribute("integrity", &source.integrity);
        }
        let _ = element.set_attribute("src", &source.url);
        let loaded = js_sys::Promise::new(&mut |resolve, reject| {
            let _ = element.add_event_listener_with_callback("load", &resolve);
            let _ = element.add_event_listener_with_callback("error", &reject);
        });
        let head = document.head().ok_or(ExportFailure::Unavailable)?;
        head.append_child(&element).map_err(|_| ExportFailure::Unavailable)?;
        if JsFuture::from(loaded).await.is_err() {
            forget(Some(&element));
            return Err(ExportFailure::Unavailable);
        }
        script = Some(element);
    }
    let promise = js_sys::Reflect::get(&global(), &GLOBAL.into()).unwrap_or(JsValue::UNDEFINED);
    let Ok(promise) = promise.dyn_into::<js_sys::Promise>() else {
        forget(script.as_ref());
        return Err(ExportFailure::Unavailable);
    };
    JsFuture::from(promise).await.map_err(|e| {
        web_sys::console::error_2(&"cloudtriage: the export module could not start".into(), &e);
        forget(script.as_ref());
        ExportFailure::Unavailable
    })
}

/// Builds an export of a results file in a format (`xlsx`, `csv`, `docx`, `md`) and language.
pub async fn build(results_json: &str, format: &str, language: &str) -> Result<Built, ExportFailure> {
    let api = module().await?;
    let function: js_sys::Function = js_sys::Reflect::get(&api, &"build".into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or(ExportFailure::Unavailable)?;
    let result = function
        .call3(&JsValue::NULL, &results_json.into(), &format.into(), &language.into())
        .map_err(|e| ExportFailure::Refused(e.as_string().unwrap_or_default()))?;
    let field = |name: &str| js_sys::Reflect::get(&result, &name.into()).unwrap_or(JsValue::UNDEFINED);
    let bytes = field("bytes").dyn_into::<js_sys::Uint8Array>().map_err(|_| ExportFailure::Unavailable)?;
    Ok(Built {
        file_name: field("fileName").as_string().unwrap_or_default(),
        mime: field("mime").as_string().unwrap_or_default(),
        bytes: bytes.to_vec(),
    })
}
