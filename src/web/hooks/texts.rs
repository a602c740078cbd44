//! The questionnaire's texts: the welcome page needs none of them, so the
//! widget loads them (from `lang/` beside the loader, with integrity) only when
//! a page that shows them is first opened: start, resume, an imported file or a
//! restored state. They carry the first domain's questions; the other domains'
//! questions load once the first domain's page is shown, while the user answers
//! there, or at once for a page that shows them. Until a page's words are in it shows a short
//! loading state; if they cannot be had, a message and a way to try again, with
//! the answers untouched.

use yew::prelude::*;

use crate::core::{i18n, Catalog};
use crate::web::languages::{self, Part};

/// Where the words of the page shown stand.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Texts {
    /// At hand: the page can render.
    Ready,
    /// Being loaded.
    Loading,
    /// Refused or unreachable; `retry` loads them again.
    Failed,
}

/// Whether the part `part` of language `code` is at hand.
fn at_hand(code: &str, part: Part) -> bool {
    Catalog::embedded().has_part(code, part)
}

/// Loads the words of language `code` that the page shown needs (`need`: the interface words alone, the
/// texts with the first domain's questions, or every domain's questions), and when `ahead` every domain's
/// questions next; returns where the page's words stand and a callback to try again.
#[hook]
pub fn use_texts(code: &str, need: Part, ahead: bool) -> (Texts, Callback<()>) {
    // The outcome of the last attempt, with its language and part, so that an old failure never marks
    // a new language, nor the page a failure of a part it does not show.
    let outcome = use_state(|| (String::new(), Part::Interface, Texts::Loading));
    let attempt = use_state(|| 0u32);
    let wanted = i18n::part_to_load(need, ahead, at_hand(code, Part::Texts));
    {
        let outcome = outcome.clone();
        use_effect_with((code.to_owned(), wanted, *attempt), move |(code, wanted, _)| {
            if !at_hand(code, *wanted) {
                let (code, wanted) = (code.clone(), *wanted);
                // Only a failure shown needs clearing (a retry); a load ahead renders nothing until it is in.
                if outcome.0 == code && outcome.1 == wanted && outcome.2 == Texts::Failed {
                    outcome.set((code.clone(), wanted, Texts::Loading));
                }
                wasm_bindgen_futures::spawn_local(async move {
                    let loaded = languages::ensure(&code, wanted).await;
                    outcome.set((code, wanted, if loaded { Texts::Ready } else { Texts::Failed }));
                });
            }
        });
    }
    let retry = {
        let attempt = attempt.clone();
        Callback::from(move |()| attempt.set(*attempt + 1))
    };
    let status = if at_hand(code, need) {
        Texts::Ready
    } else if outcome.0 == code && outcome.1 == wanted && outcome.2 == Texts::Failed {
        Texts::Failed
    } else {
        Texts::Loading
    };
    (status, retry)
}
