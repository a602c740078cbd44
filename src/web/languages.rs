//! Loading a language's words. The widget carries the questionnaire's
//! structure; the words of the language it shows come from `lang/` next to
//! the loader, fetched from the same origin with Subresource Integrity, in two
//! parts: the interface words with the page, the questionnaire's texts when the
//! user first leaves the welcome page (the welcome screen needs none of them).
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

/// Where one language's two parts are.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Source {
    code: String,
    interface: File,
    texts: File,
}

thread_local! {
    static SOURCES: RefCell<Vec<Source>> = const { RefCell::new(Vec::new()) };
    /// The text of each part taken in (language, texts part or not, text): the whole widget,
    /// taking over, is handed them instead of fetching them again (`web::upgrade`).
    static TAKEN: RefCell<Vec<(String, bool, String)>> = const { RefCell::new(Vec::new()) };
}

/// Records a part of a language's words that was checked and taken in.
pub fn taken(code: &str, texts: bool, text: &str) {
    TAKEN.with(|t| {
        let mut taken = t.borrow_mut();
        taken.retain(|(c, x, _)| !(c == code && *x == texts));
        taken.push((code.to_owned(), texts, text.to_owned()));
    })
}

/// The interface words and the questionnaire's texts of a language as taken in (empty: not yet).
pub fn taken_text(code: &str) -> (String, String) {
    TAKEN.with(|t| {
        let part =
            |texts: bool| t.borrow().iter().find(|(c, x, _)| c == code && *x == texts).map(|(_, _, text)| text.clone());
        (part(false).unwrap_or_default(), part(true).unwrap_or_default())
    })
}

/// Records the language files the loader announced:
/// `{"de": {"url": "...", "integrity": "sha384-...", "texts": "...", "textsIntegrity": "sha384-..."}}`.
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

/// Makes a language's interface words available, loading them if needed. `false` if they cannot be had.
pub async fn ensure(code: &str) -> bool {
    let catalog = Catalog::embedded();
    if catalog.is_available(code) {
        return true;
    }
    let Some(source) = source(code) else { return false };
    load(code, &source.interface, |text| {
        catalog.provide(code, text)?;
        taken(code, false, text);
        Ok(())
    })
    .await
}

/// Makes a language's questionnaire texts available (and its interface words), loading
/// what is missing. `false` if they cannot be had.
pub async fn ensure_texts(code: &str) -> bool {
    let catalog = Catalog::embedded();
    if catalog.has_texts(code) {
        return true;
    }
    if !ensure(code).await {
        return false;
    }
    let Some(source) = source(code) else { return false };
    load(code, &source.texts, |text| provide_texts(code, text)).await
}

fn provide_texts(code: &str, text: &str) -> Result<(), crate::core::model::ContentError> {
    Catalog::embedded().provide_texts(code, text)?;
    taken(code, true, text);
    Ok(())
}

/// Takes in a language's questionnaire texts that the loader fetched (with their integrity checked),
/// checked as if fetched here; damaged ones are left out (the page then loads them itself).
pub fn take_texts(code: &str, text: &str) {
    taken_in(code, provide_texts(code, text));
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

async fn load(
    code: &str,
    file: &File,
    provide: impl FnOnce(&str) -> Result<(), crate::core::model::ContentError>,
) -> bool {
    match fetch_text(file).await {
        Ok(text) => taken_in(code, provide(&text)),
        Err(e) => {
            web_sys::console::error_2(&format!("cloudtriage: the words for {code} could not be loaded").into(), &e);
            false
        }
    }
}

/// Switches the widget to a language once its words are available (loading them first if
/// needed, with the questionnaire's texts when `with_texts`); the answers stay as they are.
/// Words that cannot be had leave the language as it was, with a notice.
pub fn switch(code: String, with_texts: bool, dispatch: Dispatch) {
    wasm_bindgen_futures::spawn_local(async move {
        let loaded = if with_texts { ensure_texts(&code).await } else { ensure(&code).await };
        if loaded {
            dispatch.dispatch(Msg::Core(Event::SetLanguage(code)));
        } else {
            dispatch.dispatch(Msg::Notify(Notice::LanguageUnavailable));
        }
    });
}
