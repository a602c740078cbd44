//! The widget's effects, one documented hook each (as in yew's
//! `function_todomvc`): the app component composes them, the components
//! stay pure renderers of the core's view models.

mod download;
mod drag_and_drop;
mod export;
mod focus;
mod frame_height;
mod print;
mod procurement;
mod scored;
mod storage;
mod texts;
mod upgrade;

pub use download::use_download;
pub use drag_and_drop::use_drag_and_drop;
pub use export::use_export;
pub use focus::use_focus;
pub use frame_height::use_frame_height;
pub use print::use_print;
#[cfg(feature = "full")]
pub use procurement::use_procurement;
pub use procurement::Pack;
pub use scored::use_scored;
pub use storage::{restore, use_storage};
pub use texts::{use_texts, Texts};
pub use upgrade::{use_handover, use_upgrade};
