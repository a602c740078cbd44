//! The browser shell. `mount_all` starts a widget in every element marked
//! `data-cloudtriage`: each gets its own shadow root (so host styles and
//! widget styles stay apart), its own stylesheet link and its own state.
//! On the host (feature `ssr`) the shell is compiled only for the build's
//! prerender of the welcome screen (`prerender`), which renders and starts nothing.

// On the host most of the shell is the browser's alone: only the prerender's render path is used.
#![cfg_attr(not(target_arch = "wasm32"), allow(dead_code, unused_imports))]

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
pub mod prerender;
mod state;
pub mod upgrade;
// The browser's entry points (mount_all, memory_bytes); the host compiles the
// shell only for the build's prerender, which starts nothing.
#[cfg(target_arch = "wasm32")]
mod start;

pub use app::{App, AppProps};
