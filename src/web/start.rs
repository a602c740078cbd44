//! Starting the widget in the page: one shadow root, stylesheet and state per
//! mount element, taking over from the prerendered welcome screen where the
//! page has one.

use wasm_bindgen::prelude::*;

use std::cell::RefCell;
use std::rc::Rc;

use super::upgrade::Handover;
use super::{agency, exports, languages, platform};
use super::{prerender, App, AppProps};
use crate::core::embed::EmbedConfig;

/// Marks an element the widget has already started in.
const MOUNTED: &str = "data-cloudtriage-mounted";

thread_local! {
    /// The widgets this module started, by mount element, so that one can be released.
    static STARTED: RefCell<Vec<(web_sys::Element, yew::AppHandle<App>)>> = const { RefCell::new(Vec::new()) };
}

/// Reads the configuration of a mount element: its `data-*` attributes and,
/// when it has `data-url-config` (the standalone page), the URL parameters.
fn config_of(element: &web_sys::Element) -> EmbedConfig {
    let attributes = element.attributes();
    let mut pairs: Vec<(String, String)> =
        (0..attributes.length()).filter_map(|i| attributes.item(i)).map(|a| (a.name(), a.value())).collect();
    if element.has_attribute("data-url-config") {
        pairs.extend(platform::url_parameters());
    }
    let (config, warnings) = EmbedConfig::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    for w in warnings {
        web_sys::console::warn_1(&w.to_string().into());
    }
    config
}

/// The language to start in: the host's choice if it exists, else the browser's preferences, else English.
fn starting_language(config: &EmbedConfig) -> &'static str {
    let catalog = crate::core::Catalog::embedded();
    let preferences = platform::preferred_languages();
    let configured = config.language.iter().map(String::as_str);
    catalog.negotiate(configured.chain(preferences.iter().map(String::as_str)))
}

/// Settles once a stylesheet link has loaded (`true`) or was refused (`false`:
/// missing, or failing its integrity check). Listens from before the link is
/// connected, so that neither event can be missed.
fn stylesheet_outcome(link: &web_sys::HtmlLinkElement) -> (js_sys::Promise, Vec<gloo::events::EventListener>) {
    let mut listeners = Vec::with_capacity(2);
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        for (event, loaded) in [("load", true), ("error", false)] {
            let resolve = resolve.clone();
            listeners.push(gloo::events::EventListener::once(link, event, move |_| {
                let _ = resolve.call1(&JsValue::NULL, &JsValue::from_bool(loaded));
            }));
        }
    });
    (promise, listeners)
}

/// Tells the loader that this widget cannot start (it listens in the capture
/// phase); it replaces the widget with its message in the widget's language.
fn report_failure(host: &web_sys::Element) {
    if let Ok(event) = web_sys::Event::new("cloudtriage:failed") {
        let _ = host.dispatch_event(&event);
    }
}

/// The welcome screen the build rendered into a mount element's declarative
/// shadow root (`src/web/prerender.rs`), and whether its stylesheet has loaded.
struct Prerendered {
    content: web_sys::Element,
    styled: bool,
}

impl Prerendered {
    /// Whether the reader clicked its Start button before the module ran (`web/loader.js`).
    fn started(&self) -> bool {
        self.content.has_attribute(prerender::STARTED)
    }
}

/// The questionnaire's texts the loader fetched when the reader clicked the prerendered Start
/// (`cloudtriageTexts` on the screen: `{ code, text }`, `text` a promise of the file's text, empty
/// when it was refused), taken in when they are of `language`; otherwise the page loads them itself.
async fn take_early_texts(content: &web_sys::Element, language: &str) {
    let field = |object: &JsValue, name: &str| js_sys::Reflect::get(object, &name.into()).ok();
    let Some(early) = field(content, "cloudtriageTexts").filter(JsValue::is_object) else { return };
    if field(&early, "code").and_then(|c| c.as_string()).as_deref() != Some(language) {
        return;
    }
    let Some(promise) = field(&early, "text").and_then(|p| p.dyn_into::<js_sys::Promise>().ok()) else { return };
    let text = wasm_bindgen_futures::JsFuture::from(promise).await.ok().and_then(|t| t.as_string());
    if let Some(text) = text.filter(|t| !t.is_empty()) {
        languages::take_texts(language, &text);
    }
}

/// Finds the prerendered welcome screen in a shadow root the page declared,
/// or (`live`) the first module's widget that the whole widget takes over from.
fn prerendered_in(shadow: &web_sys::ShadowRoot, live: bool) -> Option<Prerendered> {
    let selector = if live { ".ct-mount".to_owned() } else { format!(".ct-mount[{}]", prerender::MARK) };
    let content = shadow.query_selector(&selector).ok().flatten()?;
    let styled = shadow
        .query_selector("link[rel=stylesheet]")
        .ok()
        .flatten()
        .and_then(|l| l.dyn_into::<web_sys::HtmlLinkElement>().ok())
        .and_then(|l| l.sheet())
        .and_then(|s| s.dyn_into::<web_sys::CssStyleSheet>().ok())
        // A refused or missing stylesheet has no rules (or no sheet at all): the widget then checks its own link.
        .is_some_and(|s| s.css_rules().is_ok_and(|r| r.length() > 0));
    Some(Prerendered { content, styled })
}

/// Puts the rendered widget where the prerendered welcome screen was, in one
/// step (both are in place before the next frame: no flash, no shift, the
/// page's scroll position stays), and keeps the focus on the element of the
/// same id, should the reader have focused one; on the new page's heading when
/// the reader clicked the prerendered Start (`started`), as after any page turn.
/// The build's stylesheet link goes too when the widget brought its own.
fn take_over(shadow: &web_sys::ShadowRoot, prerendered: &web_sys::Element, root: &web_sys::Element, started: bool) {
    let focused = shadow.active_element().filter(|e| prerendered.contains(Some(e))).map(|e| e.id());
    let _ = prerendered.replace_with_with_node_1(root);
    if let Ok(links) = shadow.query_selector_all("link[rel=stylesheet]") {
        for i in 0..links.length().saturating_sub(1) {
            if let Some(link) = links.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                link.remove();
            }
        }
    }
    if started {
        let heading = root.query_selector("[data-page-heading]").ok().flatten();
        if let Some(element) = heading.and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = element.focus();
        }
    } else if let Some(id) = focused.filter(|id| !id.is_empty()) {
        let target = root.query_selector(&format!("[id='{id}']")).ok().flatten();
        if let Some(element) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
            // Where the reader had scrolled to stays: the element is where its twin was.
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = element.focus_with_options(&options);
        }
    }
}

/// Starts the widget in a mount element; `handover` and `done` when the whole
/// widget takes over from the first module's (`done` is called once it has).
fn mount(
    element: &web_sys::Element,
    position: u32,
    css_href: &str,
    css_integrity: &str,
    handover: Option<Handover>,
    done: Option<js_sys::Function>,
) -> Result<(), JsValue> {
    let mut config = config_of(element);
    if !element.has_attribute("data-instance") && position > 0 {
        config.instance = format!("{}-{position}", config.instance);
    }
    if let (Some(accent), Some(host)) = (&config.accent, element.dyn_ref::<web_sys::HtmlElement>()) {
        // CSSOM, not a style attribute: allowed under a CSP without 'unsafe-inline'.
        host.style().set_property("--ct-accent", accent)?;
    }
    // A page that names an agency's files, and a respondent's link, start the whole widget at once: it
    // takes over from the prerendered screen itself, with nothing of this module shown in between.
    if !cfg!(feature = "full") && handover.is_none() && config.needs_whole_widget() {
        element.set_attribute(MOUNTED, "")?;
        let start = Handover {
            action: super::upgrade::Action::Start,
            state: String::new(),
            file: String::new(),
            remember: false,
            language: String::new(),
        };
        super::upgrade::request(element, &start);
        return Ok(());
    }
    let document = gloo::utils::document();
    // A page of ours declares the shadow root with the prerendered welcome screen in it.
    let (shadow, prerendered) = match element.shadow_root() {
        Some(shadow) => {
            let prerendered = prerendered_in(&shadow, handover.is_some());
            (shadow, prerendered)
        }
        None => (element.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))?, None),
    };
    let (styled, listeners) = match &prerendered {
        Some(p) if p.styled => (js_sys::Promise::resolve(&JsValue::TRUE), Vec::new()),
        _ => {
            let link: web_sys::HtmlLinkElement = document.create_element("link")?.dyn_into()?;
            link.set_rel("stylesheet");
            link.set_href(css_href);
            if !css_integrity.is_empty() {
                link.set_attribute("integrity", css_integrity)?;
            }
            let outcome = stylesheet_outcome(&link);
            shadow.append_child(&link)?;
            outcome
        }
    };
    let root = document.create_element("div")?;
    root.set_class_name("ct-mount");
    // Without a prerendered screen, what the host put into the element (the loader's placeholder) shows
    // through a slot until the widget has rendered.
    let placeholder = match &prerendered {
        Some(_) => None,
        None => {
            let slot = document.create_element("slot")?;
            shadow.append_child(&slot)?;
            shadow.append_child(&root)?;
            Some(slot)
        }
    };
    element.set_attribute(MOUNTED, "")?;
    let host = element.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let wanted = match &handover {
            Some(h) if !h.language.is_empty() => crate::core::Catalog::embedded().negotiate([h.language.as_str()]),
            _ => starting_language(&config),
        };
        let fallback = crate::core::catalog::FALLBACK_LANGUAGE;
        let language = if languages::ensure(wanted, languages::Part::Interface).await {
            wanted
        } else if wanted != fallback && languages::ensure(fallback, languages::Part::Interface).await {
            fallback
        } else {
            report_failure(&host);
            return;
        };
        // Taking over from the first module, which shows a page with the questionnaire's texts: the same texts
        // first, so that the first render is that page (no loading line in between) and the focus can stay.
        // Should they fail, the widget says so itself and offers to try again.
        if handover.as_ref().is_some_and(|h| h.action != super::upgrade::Action::Start) {
            languages::ensure(language, languages::Part::Questions).await;
        }
        // The reader clicked the prerendered Start: the widget opens on the context page, with the texts the
        // loader fetched meanwhile (should they be missing, that page loads them itself, with its retry).
        let started = prerendered.as_ref().filter(|p| p.started());
        if let Some(p) = started {
            take_early_texts(&p.content, language).await;
        }
        let started = started.is_some();
        // Rendered only once its styles are in place; a refused stylesheet stops the widget like a refused module.
        let loaded = wasm_bindgen_futures::JsFuture::from(styled).await.is_ok_and(|v| v.is_truthy());
        drop(listeners);
        if !loaded {
            report_failure(&host);
            return;
        }
        let handover = handover.map(Rc::new);
        let props = AppProps {
            config,
            host: host.clone(),
            language: language.into(),
            language_refused: language != wanted,
            handover,
            started,
        };
        let app = yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
        STARTED.with(|s| s.borrow_mut().push((host, app)));
        // Yew renders in a microtask queued before this one: the swap comes right after, before any frame.
        wasm_bindgen_futures::spawn_local(async move {
            match (prerendered, placeholder) {
                (Some(p), _) => take_over(&shadow, &p.content, &root, started),
                (None, Some(slot)) => slot.remove(),
                (None, None) => {}
            }
            if let Some(done) = done {
                let _ = done.call0(&JsValue::NULL);
            }
        });
    });
    Ok(())
}

/// Starts the widget in every element marked `data-cloudtriage` that does not
/// have it yet. Called by the loader; hosts that add mount elements later may
/// call it again.
/// `languages` lists the language files: `{"de": {"url": "...", "integrity": "sha384-...", "texts": "...", "textsIntegrity": "sha384-...", "questions": "...", "questionsIntegrity": "sha384-..."}}`;
/// `exports` names the on-demand export module: `{"url": "...", "integrity": "sha384-..."}` (empty: none);
/// `words` may carry the words of language `code`, already loaded by the loader (checked like any other).
#[wasm_bindgen]
pub fn mount_all(
    css_href: String,
    css_integrity: String,
    languages: String,
    exports: String,
    code: String,
    words: String,
) {
    languages::announce(&languages);
    exports::announce(&exports);
    agency::set_folder(&css_href);
    if !code.is_empty() {
        languages::offer(&code, languages::Part::Interface, &words);
    }
    // The widgets start in a task of their own: reading the questionnaire and the words above and
    // the first render are each a long piece of work on a slow computer, and a page is not held up
    // by either for as long as by both (Lighthouse's total blocking time, docs/PERFORMANCE.md).
    gloo::timers::callback::Timeout::new(0, move || mount_each(&css_href, &css_integrity)).forget();
}

/// Starts the widget in every mount element of the page not started yet.
fn mount_each(css_href: &str, css_integrity: &str) {
    let document = gloo::utils::document();
    let Ok(nodes) = document.query_selector_all("[data-cloudtriage]") else { return };
    for i in 0..nodes.length() {
        let Some(element) = nodes.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else { continue };
        if element.has_attribute(MOUNTED) {
            continue;
        }
        if let Err(e) = mount(&element, i, css_href, css_integrity, None, None) {
            web_sys::console::error_2(&"cloudtriage: could not start in this element".into(), &e);
        }
    }
}

/// Stops the widget this module started in a mount element (the whole widget
/// has taken over there); called by the loader.
#[wasm_bindgen]
pub fn release(element: web_sys::Element) {
    let app = STARTED.with(|s| {
        let mut started = s.borrow_mut();
        let at = started.iter().position(|(e, _)| *e == element)?;
        Some(started.remove(at).1)
    });
    if let Some(app) = app {
        app.destroy();
    }
}

/// The whole widget taking over a mount element from the first module
/// (`web::upgrade`): the same files as [`mount_all`], the element, the
/// hand-over the first module sent (`{ action, state, file, remember, language, words, texts, questions }`)
/// and a function to call once the whole widget shows.
#[cfg(feature = "full")]
#[wasm_bindgen]
pub fn upgrade(
    css_href: String,
    css_integrity: String,
    languages: String,
    exports: String,
    element: web_sys::Element,
    detail: JsValue,
    done: js_sys::Function,
) -> Result<(), JsValue> {
    languages::announce(&languages);
    exports::announce(&exports);
    agency::set_folder(&css_href);
    let field = |name: &str| js_sys::Reflect::get(&detail, &name.into()).ok();
    let text = |name: &str| field(name).and_then(|v| v.as_string()).unwrap_or_default();
    let action = super::upgrade::Action::parse(&text("action")).ok_or_else(|| JsValue::from_str("no action"))?;
    let remember = field("remember").is_some_and(|v| v.is_truthy());
    let handover = Handover { action, state: text("state"), file: text("file"), remember, language: text("language") };
    // The words the first module checked and took in: not fetched again.
    use languages::Part;
    let code = &handover.language;
    let _ = languages::offer(code, Part::Interface, &text("words"))
        && languages::offer(code, Part::Texts, &text("texts"))
        && languages::offer(code, Part::Questions, &text("questions"));
    let document = gloo::utils::document();
    let position = document
        .query_selector_all("[data-cloudtriage]")
        .ok()
        .and_then(|nodes| {
            (0..nodes.length()).find(|&i| nodes.item(i).is_some_and(|n| n == *element.unchecked_ref::<web_sys::Node>()))
        })
        .unwrap_or(0);
    mount(&element, position, &css_href, &css_integrity, Some(handover), Some(done))
}

/// Bytes of WebAssembly memory the widgets use, for the benchmarks (`make bench`).
#[wasm_bindgen]
pub fn memory_bytes() -> f64 {
    (core::arch::wasm32::memory_size(0) * 65536) as f64
}
