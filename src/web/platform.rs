//! The browser APIs the widget uses, each wrapped so that a failure becomes a
//! value the interface can explain, never an exception.

use wasm_bindgen::{JsCast, JsValue};

/// Why the browser's storage could not be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// Storage is switched off, blocked, or throws on access.
    Unavailable,
    /// The quota is exceeded.
    Full,
}

/// One widget instance's slot in `localStorage`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Store {
    key: String,
}

fn local_storage() -> Result<web_sys::Storage, StoreError> {
    let window = web_sys::window().ok_or(StoreError::Unavailable)?;
    window.local_storage().ok().flatten().ok_or(StoreError::Unavailable)
}

impl Store {
    /// The slot for an instance name.
    pub fn new(instance: &str) -> Store {
        Store { key: format!("cloudtriage:v1:{instance}") }
    }

    /// The stored text, if any.
    pub fn load(&self) -> Result<Option<String>, StoreError> {
        local_storage()?.get_item(&self.key).map_err(|_| StoreError::Unavailable)
    }

    /// Stores a text, telling a full quota from an unavailable storage.
    pub fn save(&self, text: &str) -> Result<(), StoreError> {
        local_storage()?.set_item(&self.key, text).map_err(|e| {
            let name = e.dyn_ref::<web_sys::DomException>().map(|d| d.name()).unwrap_or_default();
            if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
                StoreError::Full
            } else {
                StoreError::Unavailable
            }
        })
    }

    /// Removes the stored text; nothing to do when storage is unavailable.
    pub fn remove(&self) {
        if let Ok(storage) = local_storage() {
            let _ = storage.remove_item(&self.key);
        }
    }
}

/// Offers a text as a file download. Fails when the browser blocks it.
pub fn download(file_name: &str, text: &str, root: &web_sys::Element) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    download_blob(file_name, &blob, root)
}

/// Offers bytes (an export) as a file download. Fails when the browser blocks it.
pub fn download_bytes(file_name: &str, bytes: &[u8], mime: &str, root: &web_sys::Element) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    download_blob(file_name, &blob, root)
}

fn download_blob(file_name: &str, blob: &web_sys::Blob, root: &web_sys::Element) -> Result<(), JsValue> {
    let url = web_sys::Url::create_object_url_with_blob(blob)?;
    let document = gloo::utils::document();
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    link.set_href(&url);
    link.set_download(file_name);
    link.set_hidden(true);
    root.append_child(&link)?;
    link.click();
    root.remove_child(&link)?;
    // Revoke after the click has been handled.
    gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// Opens the browser's print dialog.
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// The user's preferred languages, most preferred first.
pub fn preferred_languages() -> Vec<String> {
    let Some(window) = web_sys::window() else { return Vec::new() };
    let navigator = window.navigator();
    let mut list: Vec<String> = navigator.languages().iter().filter_map(|v| v.as_string()).collect();
    if let Some(l) = navigator.language() {
        list.push(l);
    }
    list
}

/// Now, in seconds since 1970 UTC.
pub fn now_seconds() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}

/// Today's date in the user's time zone, as `YYYY-MM-DD`, for file names.
pub fn local_day() -> String {
    let d = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", d.get_full_year(), d.get_month() + 1, d.get_date())
}

/// The query parameters of the page, as name/value pairs.
pub fn url_parameters() -> Vec<(String, String)> {
    let Some(window) = web_sys::window() else { return Vec::new() };
    let Ok(search) = window.location().search() else { return Vec::new() };
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else { return Vec::new() };
    let mut pairs = Vec::new();
    let entries = js_sys::try_iter(&params).ok().flatten();
    for entry in entries.into_iter().flatten().flatten() {
        let pair = js_sys::Array::from(&entry);
        if let (Some(k), Some(v)) = (pair.get(0).as_string(), pair.get(1).as_string()) {
            pairs.push((k, v));
        }
    }
    pairs
}

/// Posts the widget's height to the parent frame, so a host can size an iframe.
pub fn post_height(height: f64, instance: &str, target_origin: &str) {
    let Some(window) = web_sys::window() else { return };
    let Ok(Some(parent)) = window.parent() else { return };
    if parent == window {
        return;
    }
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &"cloudtriage:height".into());
    let _ = js_sys::Reflect::set(&message, &"height".into(), &JsValue::from_f64(height.ceil()));
    let _ = js_sys::Reflect::set(&message, &"instance".into(), &instance.into());
    let _ = parent.post_message(&message, target_origin);
}

/// The page's own origin, the default recipient of height messages.
pub fn own_origin() -> String {
    web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default()
}
