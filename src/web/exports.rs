//! The Export menu's engine, loaded on demand. The document writers are not
//! in the main module: the first time the user asks for an export, this adds
//! `<script type="module" src="exports-<hash>.js" integrity="sha384-...">` to
//! the page (allowed by `script-src 'self'`, and the same in a shadow-root
//! embed); that module fetches its WebAssembly from the same folder with
//! Subresource Integrity and publishes `globalThis.cloudtriageExports`, whose
//! `start()` promises `{ build(resultsJson, format, language) }`. Nothing is
//! requested before the click, and nothing but the widget's folder. A failed
//! attempt is retried on the next click (a script that failed to load is
//! asked for again under `?attempt=N`, since browsers remember the failure).

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
    /// How many times the script failed to load.
    static FAILED_LOADS: RefCell<u32> = const { RefCell::new(0) };
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

/// Adds the module's script to the page once and waits until it has run.
async fn load_script() -> Result<(), ExportFailure> {
    let present = js_sys::Reflect::get(&global(), &GLOBAL.into()).is_ok_and(|g| !g.is_undefined());
    if present {
        return Ok(());
    }
    let source = SOURCE.with(|s| s.borrow().clone()).ok_or(ExportFailure::Unavailable)?;
    let attempt = FAILED_LOADS.with(|n| *n.borrow());
    let url = if attempt == 0 { source.url.clone() } else { format!("{}?attempt={attempt}", source.url) };
    let document = gloo::utils::document();
    let element = document.create_element("script").map_err(|_| ExportFailure::Unavailable)?;
    let _ = element.set_attribute("type", "module");
    if !source.integrity.is_empty() {
        let _ = element.set_attribute("integrity", &source.integrity);
    }
    let _ = element.set_attribute("src", &url);
    let loaded = js_sys::Promise::new(&mut |resolve, reject| {
        let _ = element.add_event_listener_with_callback("load", &resolve);
        let _ = element.add_event_listener_with_callback("error", &reject);
    });
    let head = document.head().ok_or(ExportFailure::Unavailable)?;
    head.append_child(&element).map_err(|_| ExportFailure::Unavailable)?;
    let ran = JsFuture::from(loaded).await.is_ok()
        && js_sys::Reflect::get(&global(), &GLOBAL.into()).is_ok_and(|g| !g.is_undefined());
    if !ran {
        element.remove();
        FAILED_LOADS.with(|n| *n.borrow_mut() += 1);
        return Err(ExportFailure::Unavailable);
    }
    Ok(())
}

/// The module's API, loading it on first use.
async fn module() -> Result<JsValue, ExportFailure> {
    load_script().await?;
    let exports = js_sys::Reflect::get(&global(), &GLOBAL.into()).map_err(|_| ExportFailure::Unavailable)?;
    let start: js_sys::Function = js_sys::Reflect::get(&exports, &"start".into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or(ExportFailure::Unavailable)?;
    let promise: js_sys::Promise =
        start.call0(&exports).ok().and_then(|p| p.dyn_into().ok()).ok_or(ExportFailure::Unavailable)?;
    JsFuture::from(promise).await.map_err(|e| {
        web_sys::console::error_2(&"cloudtriage: the export module could not start".into(), &e);
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

/// The procurement pack's page for a results file in a language, as the module's JSON text.
#[cfg_attr(not(feature = "full"), allow(dead_code))]
pub async fn procurement_page(results_json: &str, language: &str) -> Result<String, ExportFailure> {
    let api = module().await?;
    let function: js_sys::Function = js_sys::Reflect::get(&api, &"procurementPage".into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or(ExportFailure::Unavailable)?;
    let result = function
        .call2(&JsValue::NULL, &results_json.into(), &language.into())
        .map_err(|e| ExportFailure::Refused(e.as_string().unwrap_or_default()))?;
    result.as_string().ok_or(ExportFailure::Unavailable)
}
