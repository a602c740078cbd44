//! The language a component renders in, compared by identity so that Yew's
//! prop comparison stays cheap.

use crate::core::i18n::Language;
use crate::core::Catalog;

/// The words a component renders: a shared reference to one language of the embedded catalogue.
#[derive(Clone, Copy, Debug)]
pub struct Words(pub &'static Language);

impl PartialEq for Words {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl std::ops::Deref for Words {
    type Target = Language;
    fn deref(&self) -> &Language {
        self.0
    }
}

impl Words {
    /// The catalogue's language for a code, the fallback for an unknown one.
    pub fn of(code: &str) -> Words {
        Words(Catalog::embedded().language(code))
    }
}
