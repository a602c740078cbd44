
// ---- cloudtriage export module -----------------------------------------
// Appended to the export module's wasm-bindgen glue by scripts/postbuild.py,
// which fills in the hashed WebAssembly file and its digest. The widget adds
// this module's script (with its own integrity) only when the user asks for
// an export; the WebAssembly comes from the same folder, checked the same way.
// It publishes { start() }, whose promise resolves to { build(resultsJson,
// format, language) } (which returns { fileName, mime, bytes } or throws the
// reason as text) and { procurementPage(resultsJson, language) } (the JSON
// text of the procurement pack's page, for the widget to render); a failed start
// (a broken download) may be tried again.

const CLOUDTRIAGE_EXPORTS_WASM = { file: "__EXPORTS_WASM_FILE__", integrity: "__EXPORTS_WASM_INTEGRITY__" };

let cloudtriageExportsReady = null;

globalThis.cloudtriageExports = {
  start() {
    if (!cloudtriageExportsReady) {
      const wasm = fetch(new URL(CLOUDTRIAGE_EXPORTS_WASM.file, import.meta.url), {
        integrity: CLOUDTRIAGE_EXPORTS_WASM.integrity,
        credentials: "same-origin",
      });
      cloudtriageExportsReady = __wbg_init({ module_or_path: wasm }).then(() => ({ build, procurementPage: procurement_page }));
      cloudtriageExportsReady.catch(() => { cloudtriageExportsReady = null; });
    }
    return cloudtriageExportsReady;
  },
};
