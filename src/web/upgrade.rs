//! The widget in two modules. The first (Trunk's build, on every page load)
//! has every screen one person needs to answer, score, compare, print, export
//! and keep their results. The team's screens (respondents, merging,
//! disagreements, the evidence register) and an agency's target profile are
//! in the whole widget only: the same crate with feature `full`, built by
//! `scripts/postbuild.py` from `full/` as `full-<hash>.js` and
//! `full-<hash>_bg.wasm`. The loader fetches it from the widget's folder, with
//! Subresource Integrity, only when the user asks for one of them (or when the
//! page, a respondent's link or the stored copy needs them at start).
//!
//! The first module hands over with an event on the mount element,
//! `cloudtriage:upgrade`, whose detail is the [`Handover`]: what the user asked
//! for and the assessment as a results file. The whole widget renders the same
//! assessment, swaps its page in for the first one's in one step and tells the
//! loader, which then releases the first module's widget. If the module cannot
//! be had, the loader answers `cloudtriage:upgrade-failed` on the element: the
//! first module says so and keeps everything.

use wasm_bindgen::JsValue;

/// The event that asks the loader for the whole widget.
pub const REQUEST: &str = "cloudtriage:upgrade";
/// The loader's answer when the whole widget could not be loaded.
pub const FAILED: &str = "cloudtriage:upgrade-failed";

/// What the user asked for that only the whole widget has.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Start as the page configured it (an agency's profile, a respondent's
    /// link, a stored team assessment): the whole widget starts from scratch.
    Start,
    /// Open the team page.
    Team,
    /// Open the evidence register of a question.
    Evidence(String),
    /// Open a results file with team records (the hand-over's `file`).
    Import,
    /// Compare with a results file (the hand-over's `file`).
    Compare,
    /// Open the procurement pack's page.
    Procurement,
    /// Show the results page's "By framework" tab.
    Frameworks,
}

impl Action {
    /// The action as the event's detail carries it.
    pub fn code(&self) -> String {
        match self {
            Action::Start => "start".into(),
            Action::Team => "team".into(),
            Action::Evidence(id) => format!("evidence:{id}"),
            Action::Import => "import".into(),
            Action::Compare => "compare".into(),
            Action::Procurement => "procurement".into(),
            Action::Frameworks => "frameworks".into(),
        }
    }

    /// Reads [`Action::code`] back.
    pub fn parse(code: &str) -> Option<Action> {
        match code {
            "start" => Some(Action::Start),
            "team" => Some(Action::Team),
            "import" => Some(Action::Import),
            "compare" => Some(Action::Compare),
            "procurement" => Some(Action::Procurement),
            "frameworks" => Some(Action::Frameworks),
            _ => code.strip_prefix("evidence:").filter(|id| !id.is_empty()).map(|id| Action::Evidence(id.into())),
        }
    }
}

/// Everything the whole widget needs to carry on where the first one was.
#[derive(Clone, Debug, PartialEq)]
pub struct Handover {
    pub action: Action,
    /// The assessment as a results file (empty for [`Action::Start`]).
    pub state: String,
    /// The text of the file the user opened or compares with ([`Action::Import`], [`Action::Compare`]; else empty).
    pub file: String,
    /// Whether "remember on this device" is on.
    pub remember: bool,
    /// The language shown.
    pub language: String,
}

impl Handover {
    /// The event's detail: `{ action, state, file, remember, language, words, texts, questions }` (the
    /// last three: the language's words as the first module took them in, so that the whole widget
    /// need not fetch them again).
    pub fn to_js(&self) -> JsValue {
        let detail = js_sys::Object::new();
        for (key, value) in [
            ("action", JsValue::from_str(&self.action.code())),
            ("state", JsValue::from_str(&self.state)),
            ("file", JsValue::from_str(&self.file)),
            ("remember", JsValue::from_bool(self.remember)),
            ("language", JsValue::from_str(&self.language)),
        ] {
            let _ = js_sys::Reflect::set(&detail, &key.into(), &value);
        }
        // The words of the language shown, as the first module checked and took them in.
        use super::languages::{taken_text, Part};
        let code = &self.language;
        for (key, part) in [("words", Part::Interface), ("texts", Part::Texts), ("questions", Part::Questions)] {
            let value = taken_text(code, part);
            let value = JsValue::from_str(&value);
            let _ = js_sys::Reflect::set(&detail, &key.into(), &value);
        }
        detail.into()
    }
}

/// Asks the loader for the whole widget in the mount element `host`.
pub fn request(host: &web_sys::Element, handover: &Handover) {
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&handover.to_js());
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(REQUEST, &init) {
        let _ = host.dispatch_event(&event);
    }
}
