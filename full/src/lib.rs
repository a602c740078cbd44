//! The whole cloudtriage widget: the library's browser shell with feature
//! `full` (the team's screens and an agency's target profile). The widget's
//! first module loads it on demand (`src/web/upgrade.rs`); scripts/postbuild.py
//! builds it as `full-<hash>.js` and `full-<hash>_bg.wasm`, both checked with
//! Subresource Integrity. Its entry points are the library's own
//! (`upgrade`, `mount_all`), linked in from there.

#[cfg(target_arch = "wasm32")]
pub use cloudtriage::web::upgrade::Handover;
