//! The results file: what "download as JSON" writes and what import reads.
//! `format` defines the file (version 2) and writes it, `import` reads and
//! migrates every version this program knows, `messages` says what went wrong
//! in the user's language.

mod format;
mod import;
mod messages;

pub use format::*;
pub use import::{import, import_json, import_solo, parse, parse_without_report, Imported, Solo};
pub use messages::{Expected, ImportError, ImportWarning};
