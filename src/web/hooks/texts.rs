//! The questionnaire's texts: the welcome page needs none of them, so the
//! widget loads them (from `lang/` beside the loader, with integrity) only when
//! a page that shows them is first opened: start, resume, an imported file or a
//! restored state. Until then the page shows a short loading state; if they
//! cannot be had, a message and a way to try again, with the answers untouched.

use yew::prelude::*;

use crate::core::Catalog;
use crate::web::languages;

/// Where the texts of the language shown stand.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Texts {
    /// At hand: the page can render.
    Ready,
    /// Being loaded.
    Loading,
    /// Refused or unreachable; `retry` loads them again.
    Failed,
}

/// Loads the texts of language `code` when `needed`; returns where they stand and a callback to try again.
#[hook]
pub fn use_texts(code: &str, needed: bool) -> (Texts, Callback<()>) {
    // The outcome of the last attempt, with its language, so that an old failure never marks a new language.
    let outcome = use_state(|| (String::new(), Texts::Loading));
    let attempt = use_state(|| 0u32);
    {
        let outcome = outcome.clone();
        use_effect_with((code.to_owned(), needed, *attempt), move |(code, needed, _)| {
            if *needed && !Catalog::embedded().has_texts(code) {
                let code = code.clone();
                outcome.set((code.clone(), Texts::Loading));
                wasm_bindgen_futures::spawn_local(async move {
                    let loaded = languages::ensure_texts(&code).await;
                    outcome.set((code, if loaded { Texts::Ready } else { Texts::Failed }));
                });
            }
        });
    }
    let retry = {
        let attempt = attempt.clone();
        Callback::from(move |()| attempt.set(*attempt + 1))
    };
    let status = if !needed || Catalog::embedded().has_texts(code) {
        Texts::Ready
    } else if outcome.0 == code && outcome.1 == Texts::Failed {
        Texts::Failed
    } else {
        Texts::Loading
    };
    (status, retry)
}
