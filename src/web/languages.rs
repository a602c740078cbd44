//! Loading a language's words. The widget carries the questionnaire's
//! structure; the words of the language it shows come from `lang/` next to
//! the loader, fetched from the same origin with Subresource Integrity, in three
//! parts: the interface words with the page, the questionnaire's texts when the
//! user first leaves the welcome page (the welcome screen needs none of them),
//! and the questions of the domains after the first once the first questions
//! are shown, or when a page needs them (`core::i18n::DOMAINS_WITH_THE_TEXTS`).
//! These are the only requests the widget makes, and they carry nothing of the user's.

use std::cell::RefCell;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::notice::Notice;
use super::state::{Dispatch, Msg};
use crate::core::assessment::Event;
use crate::core::json::Json;
use crate::core::Catalog;

/// Where one file of words is and its digest.
#[derive(Clone, Debug, PartialEq, Eq)]
struct File {
    url: String,
    integrity: String,
}

/// Where one language's three parts are.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Source {
    code: String,
    interface: File,
    texts: File,
    questions: File,
}

pub use crate::core::i18n::Part;

thread_local! {
    static SOURCES: RefCell<Vec<Source>> = const { RefCell::new(Vec::new()) };
    /// The text of each part taken in (language, part, text): the whole widget, taking over, is
    /// handed them instead of fetching them again (`web::upgrade`).
    static TAKEN: RefCell<Vec<(String, Part, String)>> = const { RefCell::new(Vec::new()) };
}

/// Records a part of a language's words that was checked and taken in.
pub fn taken(code: &str, part: Part, text: &str) {
    TAKEN.with(|t| {
        let mut taken = t.borrow_mut();
        taken.retain(|(c, p, _)| !(c == code && *p == part));
        taken.push((code.to_owned(), part, text.to_owned()));
    })
}

/// A part of a language's words as taken in (empty: not yet).
pub fn taken_text(code: &str, part: Part) -> String {
    TAKEN.with(|t| {
        t.borrow().iter().find(|(c, p, _)| c == code && *p == part).map(|(_, _, text)| text.clone()).unwrap_or_default()
    })
}

/// Records the language files the loader announced: `{"de": {"url": "...", "integrity": "sha384-...",
/// "texts": "...", "textsIntegrity": "sha384-...", "questions": "...", "questionsIntegrity": "sha384-..."}}`.
pub fn announce(manifest: &str) {
    let Ok(json) = Json::parse(manifest) else { return };
    let sources: Vec<Source> = json
        .as_object()
        .unwrap_or_default()
        .iter()
        .filter_map(|(code, entry)| {
            let file = |url: &str, integrity: &str| {
                Some(File {
                    url: entry.get(url)?.as_str()?.to_owned(),
                    integrity: entry.get(integrity).and_then(Json::as_str).unwrap_or_default().to_owned(),
                })
            };
            Some(Source {
                code: code.clone(),
                interface: file("url", "integrity")?,
                texts: file("texts", "textsIntegrity")?,
                questions: file("questions", "questionsIntegrity")?,
            })
        })
        .collect();
    SOURCES.with(|s| *s.borrow_mut() = sources);
}

async fn fetch_text(source: &File) -> Result<String, wasm_bindgen::JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let init = web_sys::RequestInit::new();
    init.set_credentials(web_sys::RequestCredentials::SameOrigin);
    if !source.integrity.is_empty() {
        init.set_integrity(&source.integrity);
    }
    let response: web_sys::Response =
        JsFuture::from(window.fetch_with_str_and_init(&source.url, &init)).await?.dyn_into()?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()).into());
    }
    JsFuture::from(response.text()?).await?.as_string().ok_or_else(|| "not text".into())
}

fn source(code: &str) -> Option<Source> {
    SOURCES.with(|s| s.borrow().iter().find(|s| s.code == code).cloned())
}

/// Makes the part `part` of a language's words available with every part before it (the interface
/// words, the questionnaire's texts, every domain's questions), loading what is missing in that order.
/// `false` if they cannot be had.
pub async fn ensure(code: &str, part: Part) -> bool {
    for before in [Part::Interface, Part::Texts, Part::Questions] {
        if before > part {
            break;
        }
        if !Catalog::embedded().has_part(code, before) && !load(code, before).await {
            return false;
        }
    }
    true
}

/// Checks a part of a language's words and takes it in (the words handed over by the loader or the first
/// module); `false` if they were refused, and then the widget loads them itself when it needs them.
pub fn offer(code: &str, part: Part, text: &str) -> bool {
    !text.is_empty() && provide(code, part, text).is_ok()
}

/// Checks a part of a language's words and takes it in.
fn provide(code: &str, part: Part, text: &str) -> Result<(), crate::core::model::ContentError> {
    let catalog = Catalog::embedded();
    match part {
        Part::Interface => catalog.provide(code, text)?,
        Part::Texts => catalog.provide_texts(code, text)?,
        Part::Questions => catalog.provide_questions(code, text)?,
    };
    taken(code, part, text);
    Ok(())
}

/// Takes in a language's questionnaire texts that the loader fetched (with their integrity checked),
/// checked as if fetched here; damaged ones are left out (the page then loads them itself).
pub fn take_texts(code: &str, text: &str) {
    taken_in(code, provide(code, Part::Texts, text));
}

/// Whether words were taken in; says so on the console when they were damaged.
fn taken_in(code: &str, outcome: Result<(), crate::core::model::ContentError>) -> bool {
    match outcome {
        Ok(()) => true,
        Err(e) => {
            web_sys::console::error_1(&format!("cloudtriage: the words for {code} are damaged: {e}").into());
            false
        }
    }
}

/// Loads a part of a language's words from its file and takes it in. `false` if it cannot be had.
async fn load(code: &str, part: Part) -> bool {
    let Some(source) = source(code) else { return false };
    let file = match part {
        Part::Interface => &source.interface,
        Part::Texts => &source.texts,
        Part::Questions => &source.questions,
    };
    match fetch_text(file).await {
        Ok(text) => taken_in(code, provide(code, part, &text)),
        Err(e) => {
            web_sys::console::error_2(&format!("cloudtriage: the words for {code} could not be loaded").into(), &e);
            false
        }
    }
}

/// Switches the widget to a language once its words are available (loading them first if
/// needed, up to the part `upto`); the answers stay as they are.
/// Words that cannot be had leave the language as it was, with a notice.
pub fn switch(code: String, upto: Part, dispatch: Dispatch) {
    wasm_bindgen_futures::spawn_local(async move {
        if ensure(&code, upto).await {
            dispatch.dispatch(Msg::Core(Event::SetLanguage(code)));
        } else {
            dispatch.dispatch(Msg::Notify(Notice::LanguageUnavailable));
        }
    });
}
