//! The pure core: everything a plain `cargo test` can check.

pub mod agency;
pub mod aggregate;
pub mod answer;
pub mod assessment;
pub mod benchmark;
pub mod catalog;
pub mod changes;
pub mod compare;
pub mod content_check;
pub mod context;
pub mod crosswalk;
pub mod embed;
pub mod evidence;
pub mod i18n;
pub mod json;
pub mod markup;
pub mod merge;
pub mod model;
pub mod order;
pub mod procurement;
pub mod profile;
pub mod read;
pub mod reference;
pub mod results;
pub mod score;
pub mod sha256;
pub mod team;
pub mod time;
pub mod view;

pub use answer::{AnswerValue, Level};
pub use assessment::{Assessment, Page};
pub use catalog::Catalog;
pub use context::Context;
pub use i18n::Language;
pub use model::Questionnaire;
pub use score::Report;
