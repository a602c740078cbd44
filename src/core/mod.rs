//! The pure core: everything a plain `cargo test` can check.

pub mod answer;
pub mod assessment;
pub mod catalog;
pub mod changes;
pub mod compare;
pub mod content_check;
pub mod context;
pub mod crosswalk;
pub mod embed;
pub mod i18n;
pub mod json;
pub mod model;
pub mod procurement;
pub mod read;
pub mod reference;
pub mod results;
pub mod score;
pub mod time;
pub mod view;

pub use answer::{AnswerValue, Level};
pub use assessment::{Assessment, Page};
pub use catalog::Catalog;
pub use context::Context;
pub use i18n::Language;
pub use model::Questionnaire;
pub use score::Report;
