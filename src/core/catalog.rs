//! The questionnaire and languages compiled into the program from `content/`.

use std::sync::OnceLock;

use super::i18n::Language;
use super::model::{ContentError, Questionnaire};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/languages.rs"));
    /// The questionnaire's structure as JSON.
    pub static STRUCTURE: &str = include_str!(concat!(env!("OUT_DIR"), "/structure.json"));
}

/// The language used when nothing else is asked for or available.
pub const FALLBACK_LANGUAGE: &str = "en";

/// A questionnaire with its languages; each language is parsed when first used.
pub struct Catalog {
    /// The structure shared by every language.
    pub questionnaire: Questionnaire,
    languages: Vec<(&'static str, &'static str, OnceLock<Language>)>,
}

impl Catalog {
    /// The catalogue built into this program. Content is checked by the test suite, so a failure here is a build defect.
    pub fn embedded() -> &'static Catalog {
        static CATALOG: OnceLock<Catalog> = OnceLock::new();
        CATALOG.get_or_init(|| {
            Catalog::new(embedded::STRUCTURE, embedded::LANGUAGES)
                .expect("the embedded content is checked by the test suite")
        })
    }

    /// A catalogue from JSON texts: the structure and `(code, language)` pairs, the fallback language first.
    pub fn new(structure: &str, languages: &[(&'static str, &'static str)]) -> Result<Catalog, ContentError> {
        let questionnaire = Questionnaire::from_json(structure)?;
        if languages.is_empty() {
            return Err(ContentError::Invalid("no language".into()));
        }
        let languages = languages.iter().map(|&(code, json)| (code, json, OnceLock::new())).collect();
        Ok(Catalog { questionnaire, languages })
    }

    /// The codes of every language, the fallback first.
    pub fn codes(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.languages.iter().map(|(code, _, _)| *code)
    }

    /// Whether a language is available.
    pub fn has_language(&self, code: &str) -> bool {
        self.languages.iter().any(|(c, _, _)| *c == code)
    }

    /// Parses a language's words, reporting a content defect instead of hiding it.
    pub fn try_language(&self, code: &str) -> Result<&Language, ContentError> {
        let (_, json, cell) = self
            .languages
            .iter()
            .find(|(c, _, _)| *c == code)
            .ok_or_else(|| ContentError::Invalid(format!("no language {code}")))?;
        if let Some(language) = cell.get() {
            return Ok(language);
        }
        let mut language = Language::from_json(json)?;
        if code != self.languages[0].0 {
            language.fill_gaps_from(self.try_language(self.languages[0].0)?);
        }
        Ok(cell.get_or_init(|| language))
    }

    /// A language's words; the fallback language for an unknown code.
    pub fn language(&self, code: &str) -> &Language {
        let code = if self.has_language(code) { code } else { self.languages[0].0 };
        self.try_language(code).expect("the embedded content is checked by the test suite")
    }

    /// The first supported language among preferences such as `de-CH`, `fr`, else the fallback.
    pub fn negotiate<'a>(&self, preferences: impl IntoIterator<Item = &'a str>) -> &'static str {
        preferences
            .into_iter()
            .find_map(|p| {
                let primary = p.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
                self.codes().find(|c| *c == primary)
            })
            .unwrap_or(self.languages[0].0)
    }
}
