//! The questionnaire and its languages. The structure is compiled into the
//! program; a language's words are compiled in too (command-line tool, host
//! tests) or given at run time in three parts (the widget loads the interface
//! words of the language it shows with the page, the questionnaire's texts
//! with the first domain's questions only when the user leaves the welcome
//! page, and the other domains' questions after them: the first load stays
//! small, and so do the bytes to the first questions).

use std::sync::OnceLock;

use super::i18n::{Language, Part};
use super::model::{ContentError, Questionnaire};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/languages.rs"));
    /// The questionnaire's structure as JSON.
    pub static STRUCTURE: &str = include_str!(concat!(env!("OUT_DIR"), "/structure.json"));
}

/// The language used when nothing else is asked for or available.
pub const FALLBACK_LANGUAGE: &str = "en";

struct Entry {
    code: &'static str,
    name: &'static str,
    json: Option<&'static str>,
    /// The interface words alone, as given at run time before the texts.
    interface: OnceLock<Language>,
    /// The interface words and the questionnaire's texts, before the questions of the domains that come
    /// apart ([`Language::later`]).
    texts: OnceLock<Language>,
    /// Every word: interface and questionnaire texts.
    complete: OnceLock<Language>,
}

/// A questionnaire with its languages; each language is parsed when first used.
pub struct Catalog {
    /// The structure shared by every language.
    pub questionnaire: Questionnaire,
    languages: Vec<Entry>,
}

impl Catalog {
    /// The catalogue built into this program. Content is checked by the test suite, so a failure here is a build defect.
    pub fn embedded() -> &'static Catalog {
        static CATALOG: OnceLock<Catalog> = OnceLock::new();
        CATALOG.get_or_init(|| {
            Catalog::new(embedded::STRUCTURE, embedded::LANGUAGES)
                .unwrap_or_else(|e| panic!("the embedded content is checked by the test suite: {e}"))
        })
    }

    /// The built-in structure and languages with no words at hand, as the widget starts: every word must be given.
    pub fn unloaded() -> Result<Catalog, ContentError> {
        let languages: Vec<_> = embedded::LANGUAGES.iter().map(|&(code, name, _)| (code, name, None)).collect();
        Catalog::new(embedded::STRUCTURE, &languages)
    }

    /// A catalogue from the structure's JSON and `(code, own name, JSON when compiled in)`, the fallback language first.
    pub fn new(
        structure: &str,
        languages: &[(&'static str, &'static str, Option<&'static str>)],
    ) -> Result<Catalog, ContentError> {
        let questionnaire = Questionnaire::from_json(structure)?;
        if languages.is_empty() {
            return Err(ContentError::Invalid("no language".into()));
        }
        let languages = languages
            .iter()
            .map(|&(code, name, json)| Entry {
                code,
                name,
                json,
                interface: OnceLock::new(),
                texts: OnceLock::new(),
                complete: OnceLock::new(),
            })
            .collect();
        Ok(Catalog { questionnaire, languages })
    }

    /// The codes of every language, the fallback first.
    pub fn codes(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.languages.iter().map(|e| e.code)
    }

    /// Every language as (code, own name), for the language switcher; no words need loading.
    pub fn names(&self) -> impl Iterator<Item = (&'static str, &'static str)> + '_ {
        self.languages.iter().map(|e| (e.code, e.name))
    }

    /// Whether a language exists.
    pub fn has_language(&self, code: &str) -> bool {
        self.entry(code).is_some()
    }

    fn entry(&self, code: &str) -> Option<&Entry> {
        self.languages.iter().find(|e| e.code == code)
    }

    /// Whether a language's interface words can be used now without loading them.
    pub fn is_available(&self, code: &str) -> bool {
        self.entry(code).is_some_and(|e| e.interface.get().is_some() || e.complete.get().is_some() || e.json.is_some())
    }

    /// Whether a language's questionnaire texts (the first domains' questions with them) can be used now
    /// without loading them.
    pub fn has_texts(&self, code: &str) -> bool {
        self.entry(code).is_some_and(|e| e.texts.get().is_some() || e.complete.get().is_some() || e.json.is_some())
    }

    /// Whether every word of a language, every domain's questions too, can be used now without loading them.
    pub fn has_questions(&self, code: &str) -> bool {
        self.entry(code).is_some_and(|e| e.complete.get().is_some() || e.json.is_some())
    }

    /// Whether a part of a language's words, with every part before it, can be used now without
    /// loading them.
    pub fn has_part(&self, code: &str, part: Part) -> bool {
        match part {
            Part::Interface => self.is_available(code),
            Part::Texts => self.has_texts(code),
            Part::Questions => self.has_questions(code),
        }
    }

    /// The words of the language with the most of them at hand: every word, else the texts, else the
    /// interface words.
    fn at_hand(entry: &Entry) -> Option<&Language> {
        entry.complete.get().or_else(|| entry.texts.get()).or_else(|| entry.interface.get())
    }

    /// Gives a language's words at run time (as loaded by the widget): all of them, or the
    /// interface words alone (no domain texts). Checked like compiled-in words.
    pub fn provide(&self, code: &str, json: &str) -> Result<&Language, ContentError> {
        let entry = self.entry(code).ok_or_else(|| ContentError::Invalid(format!("no language {code}")))?;
        if let Some(words) = Self::at_hand(entry) {
            return Ok(words);
        }
        let mut language = Language::from_json(json)?;
        if language.code != code {
            return Err(ContentError::Invalid(format!("the words for {code} are marked {}", language.code)));
        }
        if language.has_texts() {
            self.fill_gaps(&mut language);
            Ok(entry.complete.get_or_init(|| language))
        } else {
            // Only the interface is filled: the texts come later, with their own gaps filled then.
            let fallback = &self.languages[0];
            if language.code != fallback.code {
                if let Ok(words) = self.try_language(fallback.code) {
                    language.fill_interface_gaps_from(words);
                }
            }
            Ok(entry.interface.get_or_init(|| language))
        }
    }

    /// Gives a language's questionnaire texts at run time, after its interface words
    /// (`{"code": .., "domains": {..}, "later": [..]}`, as loaded by the widget). Checked like compiled-in
    /// words. The domains `later` names have no questions' words yet: [`Catalog::provide_questions`].
    pub fn provide_texts(&self, code: &str, json: &str) -> Result<&Language, ContentError> {
        let entry = self.entry(code).ok_or_else(|| ContentError::Invalid(format!("no language {code}")))?;
        if let Some(words) = entry.complete.get().or_else(|| entry.texts.get()) {
            return Ok(words);
        }
        let interface = match entry.interface.get() {
            Some(words) => words,
            None => self.try_language(code)?,
        };
        let mut language = interface.with_texts(json)?;
        self.fill_gaps(&mut language);
        if language.later().is_empty() {
            Ok(entry.complete.get_or_init(|| language))
        } else {
            Ok(entry.texts.get_or_init(|| language))
        }
    }

    /// Gives the questions of the domains a language's texts left for later, after those texts
    /// (`{"code": .., "domains": {"<id>": {"questions": {..}}}}`, as loaded by the widget). Checked like
    /// compiled-in words.
    pub fn provide_questions(&self, code: &str, json: &str) -> Result<&Language, ContentError> {
        let entry = self.entry(code).ok_or_else(|| ContentError::Invalid(format!("no language {code}")))?;
        if let Some(words) = entry.complete.get() {
            return Ok(words);
        }
        let texts =
            entry.texts.get().ok_or_else(|| ContentError::Invalid(format!("the texts for {code} are not loaded")))?;
        let mut language = texts.with_questions(json)?;
        self.fill_gaps(&mut language);
        Ok(entry.complete.get_or_init(|| language))
    }

    /// Fills gaps from the fallback language when its words are at hand.
    fn fill_gaps(&self, language: &mut Language) {
        let fallback = &self.languages[0];
        if language.code != fallback.code {
            if let Ok(words) = self.try_language(fallback.code) {
                language.fill_gaps_from(words);
            }
        }
    }

    /// A language's words (every word if at hand, else the texts, else the interface words), parsing compiled-in words on first use.
    pub fn try_language(&self, code: &str) -> Result<&Language, ContentError> {
        let entry = self.entry(code).ok_or_else(|| ContentError::Invalid(format!("no language {code}")))?;
        if let Some(words) = Self::at_hand(entry) {
            return Ok(words);
        }
        let json = entry.json.ok_or_else(|| ContentError::Invalid(format!("the words for {code} are not loaded")))?;
        let mut language = Language::from_json(json)?;
        self.fill_gaps(&mut language);
        Ok(entry.complete.get_or_init(|| language))
    }

    /// A language exactly as written, without the gaps filled from the fallback (for completeness checks).
    pub fn language_as_written(&self, code: &str) -> Result<Language, ContentError> {
        let entry = self.entry(code).ok_or_else(|| ContentError::Invalid(format!("no language {code}")))?;
        let json =
            entry.json.ok_or_else(|| ContentError::Invalid(format!("the words for {code} are not compiled in")))?;
        Language::from_json(json)
    }

    /// A language's words: the one asked for if available, else the first available one.
    /// The widget makes sure a language is available before it renders.
    pub fn language(&self, code: &str) -> &Language {
        self.try_language(code)
            .ok()
            .or_else(|| self.languages.iter().find_map(|e| self.try_language(e.code).ok()))
            .expect("a language is available before anything is shown")
    }

    /// The first supported language among preferences such as `de-CH`, `fr`, else the fallback.
    pub fn negotiate<'a>(&self, preferences: impl IntoIterator<Item = &'a str>) -> &'static str {
        preferences
            .into_iter()
            .find_map(|p| {
                let primary = p.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
                self.codes().find(|c| *c == primary)
            })
            .unwrap_or(self.languages[0].code)
    }
}
