//! cloudtriage: a private self-assessment of cloud readiness and
//! data-protection maturity for hospitals and health agencies.
//!
//! [`core`] is plain Rust with no web dependency: the questionnaire, the
//! context, answers, scoring, the action plan, the results file and the
//! assessment state machine. The browser shell in `web` (wasm only) renders
//! it with Yew; the `cloudtriage` command-line tool prints it.

pub mod core;

// Every WebAssembly module of the widget (the first one, the whole widget and
// the export module) allocates with talc rather than the standard library's
// dlmalloc: docs/PERFORMANCE.md has the measurement.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(all(not(target_arch = "wasm32"), feature = "cli"))]
pub mod cli;

#[cfg(feature = "exports")]
pub mod export;

// The export module (feature `export-module`) is a wasm build of its own and
// must not carry the browser shell. On the host the shell exists only for the
// build's prerender of the welcome screen (feature `ssr`).
#[cfg(any(
    all(target_arch = "wasm32", not(feature = "export-module")),
    all(not(target_arch = "wasm32"), feature = "ssr")
))]
pub mod web;
