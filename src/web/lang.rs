//! The language a component renders in, compared by identity so that Yew's
//! prop comparison stays cheap.

use crate::core::i18n::Language;
use crate::core::Catalog;

/// A language of the embedded catalogue.
#[derive(Clone, Copy, Debug)]
pub struct Lang(pub &'static Language);

impl PartialEq for Lang {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl std::ops::Deref for Lang {
    type Target = Language;
    fn deref(&self) -> &Language {
        self.0
    }
}

impl Lang {
    /// The catalogue's language for a code, the fallback for an unknown one.
    pub fn of(code: &str) -> Lang {
        Lang(Catalog::embedded().language(code))
    }
}
