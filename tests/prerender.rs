//! The build's prerendered welcome screen (`cloudtriage::web::prerender`): made
//! from the words, in the language the page names, with no script, no style
//! attribute and no control that pretends to work. The words are read here
//! from content/lang/*/ui.toml with the `toml` crate, apart from the program's
//! own reader. Needs the `ssr` feature (`make host-tests` runs it).

use cloudtriage::web::prerender::{page, page_language, PrerenderError, Stylesheet};

const STYLESHEET: &str = "widget-0123456789abcdef.css";

fn stylesheet() -> Stylesheet {
    Stylesheet { href: STYLESHEET.into(), integrity: "sha384-test".into() }
}

fn standalone(html_lang: &str, data_lang: Option<&str>) -> String {
    let data_lang = data_lang.map(|l| format!(" data-lang=\"{l}\"")).unwrap_or_default();
    format!(
        "<!doctype html>\n<html lang=\"{html_lang}\">\n<head><title>t</title><script type=\"module\" src=\"cloudtriage.js\"></script></head>\n<body>\n  <main class=\"page\" data-cloudtriage data-url-config data-instance=\"standalone\"{data_lang}>\n    <noscript>old</noscript>\n  </main>\n</body>\n</html>\n"
    )
}

/// Every string value of a language's interface words file, with its key.
fn words(code: &str) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(format!("content/lang/{code}/ui.toml")).unwrap();
    let table: toml::Table = toml::from_str(&text).unwrap();
    let mut out = Vec::new();
    fn walk(prefix: &str, value: &toml::Value, out: &mut Vec<(String, String)>) {
        match value {
            toml::Value::String(s) => out.push((prefix.to_owned(), s.clone())),
            toml::Value::Table(t) => {
                for (k, v) in t {
                    let key = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
                    walk(&key, v, out);
                }
            }
            _ => {}
        }
    }
    for (k, v) in &table {
        walk(k, v, &mut out);
    }
    out
}

fn word(code: &str, key: &str) -> String {
    words(code).into_iter().find(|(k, _)| k == key).map(|(_, v)| v).unwrap_or_else(|| panic!("no {key} in {code}"))
}

fn decode(text: &str) -> String {
    text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
}

/// The prerendered screen: what the mount element's shadow root holds.
fn screen(html: &str) -> &str {
    let start = html.find("<template shadowrootmode=\"open\">").expect("a declarative shadow root");
    let end = html[start..].find("</template>").expect("the template is closed") + start;
    &html[start..end]
}

/// The text nodes of an HTML fragment, decoded and trimmed.
fn texts(fragment: &str) -> Vec<String> {
    fragment
        .split('<')
        .filter_map(|part| part.split_once('>').map(|(_, text)| decode(text.trim())))
        .filter(|t| !t.is_empty())
        .collect()
}

/// The text of the first element whose start tag begins with `open`.
fn element_text(fragment: &str, open: &str) -> String {
    let start = fragment.find(open).unwrap_or_else(|| panic!("no {open}"));
    let after = start + fragment[start..].find('>').unwrap() + 1;
    let end = after + fragment[after..].find('<').unwrap();
    decode(&fragment[after..end])
}

/// Whether `text` is `template` with every `{placeholder}` filled in by a number.
fn fills(template: &str, text: &str) -> bool {
    let mut rest = text;
    let mut parts = template.split('{');
    let first = parts.next().unwrap_or_default();
    let Some(after) = rest.strip_prefix(first) else { return false };
    rest = after;
    for part in parts {
        let Some((_, literal)) = part.split_once('}') else { return false };
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if digits == 0 {
            return false;
        }
        let Some(after) = rest[digits..].strip_prefix(literal) else { return false };
        rest = after;
    }
    rest.is_empty()
}

#[test]
fn the_standalone_page_gets_the_welcome_screen_in_english_from_the_words() {
    let html = page(&standalone("en", None), &stylesheet()).unwrap();
    let screen = screen(&html);
    assert_eq!(element_text(screen, "<h1"), word("en", "welcome.title"));
    assert_eq!(element_text(screen, "<h2 id=\"ct-privacy-title\""), word("en", "welcome.privacy_title"));
    for key in ["welcome.privacy_1", "welcome.privacy_2", "welcome.privacy_3", "welcome.needs_javascript"] {
        assert!(texts(screen).contains(&word("en", key)), "{key} is shown");
    }
    assert!(
        screen.contains(&format!("<link rel=\"stylesheet\" href=\"{STYLESHEET}\" integrity=\"sha384-test\">")),
        "the widget's stylesheet with its digest"
    );
    assert!(!html.contains("<noscript>old</noscript>"), "what the mount element held is replaced");
    assert!(
        html.contains("<main class=\"page\" data-cloudtriage data-url-config data-instance=\"standalone\"><template")
    );
}

#[test]
fn every_text_of_the_screen_is_one_of_the_words() {
    for code in ["en", "de", "fr"] {
        let html = page(&standalone(code, None), &stylesheet()).unwrap();
        let own = words(code);
        // The language switcher names every language in its own words.
        let names: Vec<String> = ["en", "de", "fr"].iter().map(|c| word(c, "language.name")).collect();
        let shown = texts(screen(&html));
        assert!(shown.len() > 15, "{code}: the screen shows its texts: {shown:?}");
        for text in shown {
            // A glyph without a letter (the export menu's ▾) is decoration, not a word.
            let decoration = !text.chars().any(char::is_alphanumeric);
            let known = own.iter().any(|(_, w)| *w == text || fills(w, &text)) || names.contains(&text) || decoration;
            assert!(known, "{code}: {text:?} is not one of the words");
        }
    }
}

#[test]
fn the_page_names_the_language() {
    assert_eq!(page_language(&standalone("de", None)), Ok("de"));
    assert_eq!(page_language(&standalone("en", Some("fr"))), Ok("fr"), "the mount element's own language first");
    assert_eq!(page_language(&standalone("de-AT", None)), Ok("de"));
    assert_eq!(page_language(&standalone("it", None)), Ok("en"), "English for a language there are no words for");
    let html = page(&standalone("de", None), &stylesheet()).unwrap();
    let screen = screen(&html);
    assert_eq!(element_text(screen, "<h1"), word("de", "welcome.title"));
    let root = screen.split("<div").find(|t| t.contains("class=\"ct ct-theme-auto\"")).expect("the widget's root");
    assert!(root.split('>').next().unwrap().contains(" lang=\"de\""), "the widget's root names the language: {root}");
    assert!(texts(screen).contains(&word("de", "welcome.privacy_1")));
}

#[test]
fn the_screen_has_no_script_no_style_attribute_and_only_disabled_controls() {
    let html = page(&standalone("en", None), &stylesheet()).unwrap();
    let screen = screen(&html);
    assert!(!screen.contains("<script"), "no script");
    assert!(!screen.contains("style="), "no style attribute");
    assert!(!screen.contains("<style"), "no style element");
    let controls: Vec<&str> = screen
        .split('<')
        .filter(|t| t.starts_with("button") || t.starts_with("select") || t.starts_with("input"))
        .collect();
    assert!(controls.len() >= 10, "the welcome page and the toolbar have their controls: {controls:?}");
    for control in controls {
        assert!(control.split('>').next().unwrap().contains(" disabled"), "{control:?} is disabled");
    }
    // Yew's hydration markers would be of no use to the widget, which replaces the screen.
    assert!(!screen.contains("<!--"), "no comments");
    // The hidden file pickers are left out: nothing could open them.
    assert!(!screen.contains("type=\"file\""), "no file input");
}

#[test]
fn a_page_without_a_mount_element_or_already_prerendered_is_refused() {
    let plain = "<!doctype html><html lang=\"en\"><body><main class=\"page\"></main></body></html>";
    assert_eq!(page(plain, &stylesheet()), Err(PrerenderError::NoMountElement));
    let unclosed = "<html><body><div data-cloudtriage><p>x</p></body></html>";
    assert_eq!(page(unclosed, &stylesheet()), Err(PrerenderError::UnclosedMountElement("div".into())));
    let once = page(&standalone("en", None), &stylesheet()).unwrap();
    assert_eq!(page(&once, &stylesheet()), Err(PrerenderError::AlreadyPrerendered));
}

#[test]
fn a_mount_element_with_nested_elements_of_its_kind_is_replaced_whole() {
    let html = "<html lang=\"fr\"><body><div class=\"host\"><div data-cloudtriage><div><p>a</p></div><div>b</div></div><p id=\"after\">after</p></div></body></html>";
    let out = page(html, &stylesheet()).unwrap();
    assert!(
        out.ends_with("</template></div><p id=\"after\">after</p></div></body></html>"),
        "{}",
        &out[out.len() - 120..]
    );
    assert!(!out.contains("<p>a</p>") && !out.contains("<div>b</div>"));
    assert_eq!(element_text(screen(&out), "<h1"), word("fr", "welcome.title"));
}
