//! Loading a language's words. The widget carries the questionnaire's
//! structure; the words of the language it shows come from `lang/` next to
//! the loader, fetched from the same origin with Subresource Integrity. This
//! is the only request the widget makes, and it carries nothing of the user's.

use std::cell::RefCell;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::notice::Notice;
use super::state::{Dispatch, Msg};
use crate::core::assessment::Event;
use crate::core::json::Json;
use crate::core::Catalog;

/// Where one language's words are and their digest.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Source {
    code: String,
    url: String,
    integrity: String,
}

thread_local! {
    static SOURCES: RefCell<Vec<Source>> = const { RefCell::new(Vec::new()) };
}

/// Records the language files the loader announced: `{"de": {"url": "...", "integrity": "sha384-..."}}`.
pub fn announce(manifest: &str) {
    let Ok(json) = Json::parse(manifest) else { return };
    let sources: Vec<Source> = json
        .as_object()
        .unwrap_or_default()
        .iter()
        .filter_map(|(code, entry)| {
            Some(Source {
                code: code.clone(),
                url: entry.get("url")?.as_str()?.to_owned(),
                integrity: entry.get("integrity")?.as_str().unwrap_or_default().to_owned(),
            })
        })
        .collect();
    SOURCES.with(|s| *s.borrow_mut() = sources);
}

async fn fetch_text(source: &Source) -> Result<String, wasm_bindgen::JsValue> {
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

/// Makes a language's words available, loading them if needed. `false` if they cannot be had.
pub async fn ensure(code: &str) -> bool {
    let catalog = Catalog::embedded();
    if catalog.is_available(code) {
        return true;
    }
    let Some(source) = SOURCES.with(|s| s.borrow().iter().find(|s| s.code == code).cloned()) else { return false };
    match fetch_text(&source).await {
        Ok(text) => match catalog.provide(code, &text) {
            Ok(_) => true,
            Err(e) => {
                web_sys::console::error_1(&format!("cloudtriage: the words for {code} are damaged: {e}").into());
                false
            }
        },
        Err(e) => {
            web_sys::console::error_2(&format!("cloudtriage: the words for {code} could not be loaded").into(), &e);
            false
        }
    }
}

/// Switches the widget to a language once its words are available (loading them first if
/// needed); the answers stay as they are. Words that cannot be had leave the language as it was, with a notice.
pub fn switch(code: String, dispatch: Dispatch) {
    wasm_bindgen_futures::spawn_local(async move {
        if ensure(&code).await {
            dispatch.dispatch(Msg::Core(Event::SetLanguage(code)));
        } else {
            dispatch.dispatch(Msg::Notify(Notice::LanguageUnavailable));
        }
    });
}
