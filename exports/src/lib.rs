//! cloudtriage's export module. The widget's main module carries no document
//! writer; when the user asks for an export, it loads this module (built by
//! scripts/postbuild.py as `exports-<hash>.js` and `exports-<hash>_bg.wasm`,
//! both checked with Subresource Integrity) and calls [`build`], or
//! [`procurement_page`] for the widget's procurement page.

use cloudtriage::core::Catalog;
use cloudtriage::export::procurement::{export_pack, pack_page_json};
use cloudtriage::export::{export_results, ExportError, Format};
use wasm_bindgen::prelude::*;

/// Builds one export of a results file (its JSON text) in a format (`xlsx`,
/// `csv`, `docx`, `md`, or the procurement pack as `procurement-docx`,
/// `procurement-md`) and a language (empty: the file's own). Returns
/// `{fileName, mime, bytes}`; throws the reason as text, in that language.
#[wasm_bindgen]
pub fn build(results_json: &str, format: &str, language: &str) -> Result<JsValue, JsValue> {
    let catalog = Catalog::embedded();
    let words = catalog.language(if catalog.has_language(language) { language } else { "en" });
    let fail = |e: ExportError| JsValue::from_str(&e.message(words));
    let (pack, id) = match format.strip_prefix("procurement-") {
        Some(id) => (true, id),
        None => (false, format),
    };
    let format = Format::parse(id).ok_or_else(|| fail(ExportError::UnknownFormat(format.to_owned())))?;
    let lang = catalog.has_language(language).then_some(language);
    let export = if pack {
        export_pack(catalog, results_json.as_bytes(), format, lang)
    } else {
        export_results(catalog, results_json.as_bytes(), format, lang)
    }
    .map_err(fail)?;
    let out = js_sys::Object::new();
    js_sys::Reflect::set(&out, &"fileName".into(), &export.file_name.into())?;
    js_sys::Reflect::set(&out, &"mime".into(), &export.mime.into())?;
    js_sys::Reflect::set(&out, &"bytes".into(), &js_sys::Uint8Array::from(export.bytes.as_slice()).into())?;
    Ok(out.into())
}

/// The procurement pack of a results file (its JSON text) in a language (empty:
/// the file's own), as the widget's page: the page's elements as plain data (`core::procurement::page`) that the widget renders,
/// texts as text. Throws the reason as text, in that language.
#[wasm_bindgen]
pub fn procurement_page(results_json: &str, language: &str) -> Result<String, JsValue> {
    let catalog = Catalog::embedded();
    let words = catalog.language(if catalog.has_language(language) { language } else { "en" });
    let lang = catalog.has_language(language).then_some(language);
    pack_page_json(catalog, results_json.as_bytes(), lang).map_err(|e| JsValue::from_str(&e.message(words)))
}
