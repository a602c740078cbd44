//! The welcome screen as static HTML, rendered at build time on the host with
//! Yew's server-side renderer from the same components and words as the
//! widget (`scripts/postbuild.py` runs `src/bin/prerender.rs` on the pages of
//! ours). It goes into the page's mount element as a declarative shadow root,
//! with the widget's stylesheet, so the first paint waits for no script: the
//! module replaces it in one step once it has rendered (`take_over` in
//! `web/mod.rs`). Under the strict CSP it carries no script and no style
//! attribute, and no copy of the words but the rendered text itself; its
//! controls are disabled, and a reader without JavaScript is told, in the
//! page's language, that the assessment needs it. The loader enables the Start
//! button alone (`web/loader.js`), which it can answer before the module runs.

/// Marks the prerendered content, which the widget replaces when it starts.
pub const MARK: &str = "data-prerendered";

/// Marks the prerendered content whose Start button the reader clicked before the module ran
/// (`web/loader.js`): the widget then opens on the context page.
pub const STARTED: &str = "data-started";

#[cfg(not(target_arch = "wasm32"))]
pub use host::*;

#[cfg(not(target_arch = "wasm32"))]
mod host {
    use std::fmt;

    use yew::prelude::*;

    use super::MARK;
    use crate::core::assessment::Assessment;
    use crate::core::embed::EmbedConfig;
    use crate::core::{view, Catalog};
    use crate::web::app::{frame, preset_events};
    use crate::web::components::{Header, Notices, Toolbar, WelcomePage};
    use crate::web::lang::Words;
    use crate::web::state::Model;

    /// Why a page could not be prerendered.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum PrerenderError {
        /// The page has no element marked `data-cloudtriage`.
        NoMountElement,
        /// The mount element's end tag is missing.
        UnclosedMountElement(String),
        /// The mount element already holds a prerendered screen.
        AlreadyPrerendered,
        /// The renderer's runtime could not start.
        Runtime(String),
    }

    impl fmt::Display for PrerenderError {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            match self {
                PrerenderError::NoMountElement => write!(f, "the page has no element marked data-cloudtriage"),
                PrerenderError::UnclosedMountElement(tag) => write!(f, "the mount element <{tag}> is not closed"),
                PrerenderError::AlreadyPrerendered => write!(f, "the mount element already holds a prerendered screen"),
                PrerenderError::Runtime(e) => write!(f, "the renderer could not start: {e}"),
            }
        }
    }

    impl std::error::Error for PrerenderError {}

    /// The widget's stylesheet as the page refers to it.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct Stylesheet {
        /// Relative to the page.
        pub href: String,
        /// Subresource Integrity digest (`sha384-...`); empty for none.
        pub integrity: String,
    }

    /// What the prerendered screen shows: the mount element's configuration and the language.
    #[derive(Properties, Clone, PartialEq)]
    pub struct PrerenderProps {
        pub config: EmbedConfig,
        pub language: AttrValue,
    }

    /// The widget's first screen for a fresh visitor: header, no notices, the welcome page and
    /// the toolbar, in the frame the widget uses, plus the line for readers without JavaScript.
    #[function_component]
    pub fn Prerendered(props: &PrerenderProps) -> Html {
        let model = use_reducer_eq(|| {
            let q = &Catalog::embedded().questionnaire;
            let mut assessment = Assessment::new(&props.language);
            for event in preset_events(&props.config.preset) {
                assessment.apply(q, event);
            }
            Model::new(assessment, false)
        });
        let catalog = Catalog::embedded();
        let a = &model.assessment;
        let dispatch = model.dispatcher();
        let lang = Words::of(&a.language);
        let top = html! {
            <>
                <Header lang={lang} dispatch={dispatch.clone()} languages={view::languages(catalog, &lang.code)} />
                <Notices lang={lang} dispatch={dispatch.clone()} notices={model.notices.clone()} />
                <noscript>
                    <div class="ct-notice ct-notice-warning">
                        <p class="ct-notice-text">{ lang.t("welcome.needs_javascript") }</p>
                    </div>
                </noscript>
            </>
        };
        let page = html! { <WelcomePage lang={lang} dispatch={dispatch.clone()} view={view::welcome(&catalog.questionnaire, a)} /> };
        let toolbar = html! {
            <Toolbar
                lang={lang}
                dispatch={dispatch.clone()}
                view={view::toolbar(a, model.remember, model.confirm_erase, props.config.storage_allowed)}
                dragging={false}
                download={Callback::noop()}
                export={Callback::noop()}
                exporting={false}
            />
        };
        frame(&props.config, &a.language, NodeRef::default(), top, None, page, toolbar)
    }

    /// The welcome screen for a mount element's configuration in a language, as HTML, its controls disabled.
    pub fn welcome_screen(config: &EmbedConfig, language: &str) -> Result<String, PrerenderError> {
        let props = PrerenderProps { config: config.clone(), language: AttrValue::from(language.to_owned()) };
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .map_err(|e| PrerenderError::Runtime(e.to_string()))?;
        let render = yew::LocalServerRenderer::<Prerendered>::with_props(props).hydratable(false).render();
        let html = runtime.block_on(tokio::task::LocalSet::new().run_until(render));
        Ok(disable_controls(&html))
    }

    /// Every button, select and input disabled: before the module runs none of them would do anything.
    /// The hidden file pickers are left out: nothing could open them, and they take no room.
    fn disable_controls(html: &str) -> String {
        let mut out = String::with_capacity(html.len() + 512);
        let mut rest = html;
        while let Some(i) = rest.find("<input ") {
            let end = rest[i..].find('>').map_or(rest.len(), |e| i + e + 1);
            out.push_str(&rest[..i]);
            if !rest[i..end].contains("type=\"file\"") {
                out.push_str(&rest[i..end]);
            }
            rest = &rest[end..];
        }
        out.push_str(rest);
        for tag in ["button", "select", "input"] {
            out = out.replace(&format!("<{tag} "), &format!("<{tag} disabled "));
        }
        out
    }

    /// One start tag in a page: where it starts and ends, its name and attributes (values decoded).
    #[derive(Debug, Clone)]
    struct StartTag {
        start: usize,
        end: usize,
        name: String,
        attributes: Vec<(String, String)>,
    }

    impl StartTag {
        fn get(&self, name: &str) -> Option<&str> {
            self.attributes.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
        }
    }

    fn decode(value: &str) -> String {
        value
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&")
    }

    fn escape(value: &str) -> String {
        value.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
    }

    /// Reads the start tag at `start` (just after its `<`), or None if it is not one.
    fn start_tag_at(html: &str, start: usize) -> Option<StartTag> {
        let bytes = html.as_bytes();
        let mut i = start + 1;
        let name_start = i;
        while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'-') {
            i += 1;
        }
        if i == name_start || !bytes[name_start].is_ascii_alphabetic() {
            return None;
        }
        let name = html[name_start..i].to_ascii_lowercase();
        let mut attributes = Vec::new();
        loop {
            while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
                i += 1;
            }
            if i >= bytes.len() {
                return None;
            }
            if bytes[i] == b'>' {
                return Some(StartTag { start, end: i + 1, name, attributes });
            }
            let attr_start = i;
            while i < bytes.len() && !bytes[i].is_ascii_whitespace() && !b"=>/".contains(&bytes[i]) {
                i += 1;
            }
            let attr = html[attr_start..i].to_ascii_lowercase();
            let mut value = String::new();
            if i < bytes.len() && bytes[i] == b'=' {
                i += 1;
                if i < bytes.len() && (bytes[i] == b'"' || bytes[i] == b'\'') {
                    let quote = bytes[i];
                    let value_start = i + 1;
                    i = value_start;
                    while i < bytes.len() && bytes[i] != quote {
                        i += 1;
                    }
                    value = decode(&html[value_start..i.min(bytes.len())]);
                    i += 1;
                } else {
                    let value_start = i;
                    while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != b'>' {
                        i += 1;
                    }
                    value = decode(&html[value_start..i]);
                }
            }
            attributes.push((attr, value));
        }
    }

    /// The start tags of a page in order, skipping comments, end tags and the text of scripts and styles.
    fn start_tags(html: &str) -> Vec<StartTag> {
        let mut tags = Vec::new();
        let mut at = 0;
        while let Some(offset) = html[at..].find('<') {
            let start = at + offset;
            if html[start..].starts_with("<!--") {
                at = html[start..].find("-->").map_or(html.len(), |e| start + e + 3);
                continue;
            }
            match start_tag_at(html, start) {
                Some(tag) => {
                    at = tag.end;
                    if tag.name == "script" || tag.name == "style" {
                        let close = format!("</{}", tag.name);
                        at = html[at..].to_ascii_lowercase().find(&close).map_or(html.len(), |e| at + e);
                    }
                    tags.push(tag);
                }
                None => at = start + 1,
            }
        }
        tags
    }

    /// Where the element that starts with `open` ends: the start of its matching end tag.
    fn end_of(html: &str, open: &StartTag, tags: &[StartTag]) -> Option<usize> {
        let lower = html.to_ascii_lowercase();
        let close = format!("</{}", open.name);
        let mut depth = 0usize;
        let mut at = open.end;
        loop {
            let next_close = at + lower[at..].find(&close)?;
            let nested = tags.iter().filter(|t| t.name == open.name && t.start >= at && t.start < next_close).count();
            depth += nested;
            if depth == 0 {
                return Some(next_close);
            }
            depth -= 1;
            at = next_close + close.len();
        }
    }

    /// The language a page names for its widget: the mount element's `data-lang`, else `<html lang>`, else English.
    pub fn page_language(html: &str) -> Result<&'static str, PrerenderError> {
        let tags = start_tags(html);
        let mount = tags.iter().find(|t| t.get("data-cloudtriage").is_some()).ok_or(PrerenderError::NoMountElement)?;
        let page = tags.iter().find(|t| t.name == "html").and_then(|t| t.get("lang"));
        Ok(Catalog::embedded().negotiate(mount.get("data-lang").into_iter().chain(page)))
    }

    /// The page with its first mount element holding the prerendered welcome screen (in a
    /// declarative shadow root, with the widget's stylesheet), in place of what it held.
    pub fn page(html: &str, stylesheet: &Stylesheet) -> Result<String, PrerenderError> {
        let tags = start_tags(html);
        let mount = tags.iter().find(|t| t.get("data-cloudtriage").is_some()).ok_or(PrerenderError::NoMountElement)?;
        let end = end_of(html, mount, &tags).ok_or_else(|| PrerenderError::UnclosedMountElement(mount.name.clone()))?;
        if html[mount.end..end].contains(MARK) {
            return Err(PrerenderError::AlreadyPrerendered);
        }
        let pairs: Vec<(&str, &str)> = mount.attributes.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
        let (config, _) = EmbedConfig::from_pairs(pairs);
        let language = page_language(html)?;
        let screen = welcome_screen(&config, language)?;
        let integrity = match stylesheet.integrity.as_str() {
            "" => String::new(),
            digest => format!(" integrity=\"{}\"", escape(digest)),
        };
        let content = format!(
            "<template shadowrootmode=\"open\"><link rel=\"stylesheet\" href=\"{}\"{integrity}><div class=\"ct-mount\" {MARK}=\"\">{screen}</div></template>",
            escape(&stylesheet.href),
        );
        Ok(format!("{}{content}{}", &html[..mount.end], &html[end..]))
    }
}
