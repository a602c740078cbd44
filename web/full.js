
// ---- cloudtriage: the whole widget ---------------------------------------
// Appended to the whole widget's wasm-bindgen glue by scripts/postbuild.py,
// which fills in the hashed WebAssembly file and its digest. The loader adds
// this module's script (with its own integrity) only when a widget asks for
// the team's screens or an agency's profile (src/web/upgrade.rs); the
// WebAssembly comes from the same folder, checked the same way. It publishes
// { start() }, whose promise resolves to { upgrade(cssHref, cssIntegrity,
// languages, exports, element, handover, done) }; a failed start (a broken
// download) may be tried again.

const CLOUDTRIAGE_FULL_WASM = { file: "__FULL_WASM_FILE__", integrity: "__FULL_WASM_INTEGRITY__" };

let cloudtriageFullReady = null;

globalThis.cloudtriageFull = {
  start() {
    if (!cloudtriageFullReady) {
      const wasm = fetch(new URL(CLOUDTRIAGE_FULL_WASM.file, import.meta.url), {
        integrity: CLOUDTRIAGE_FULL_WASM.integrity,
        credentials: "same-origin",
      });
      cloudtriageFullReady = __wbg_init({ module_or_path: wasm }).then(() => ({ upgrade }));
      cloudtriageFullReady.catch(() => { cloudtriageFullReady = null; });
    }
    return cloudtriageFullReady;
  },
};
