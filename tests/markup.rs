//! The HTML the results' read-only blocks are written in (`core::markup`): text
//! and attribute values can never become markup, and elements nest as written.

use cloudtriage::core::markup::{escape_into, Markup};
use proptest::prelude::*;

fn escape(text: &str) -> String {
    let mut out = String::new();
    escape_into(&mut out, text);
    out
}

/// Reads the five character references back, as a browser does (written here, independently).
fn unescape(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest.find(';').expect("a character reference ends with ';'");
        out.push(match &rest[..=end] {
            "&amp;" => '&',
            "&lt;" => '<',
            "&gt;" => '>',
            "&quot;" => '"',
            "&#39;" => '\'',
            other => panic!("unexpected reference {other}"),
        });
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

#[test]
fn the_five_special_characters_become_references() {
    assert_eq!(escape(r#"a<b & "c" 'd'>"#), "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;");
    assert_eq!(escape("Évaluation · l’hôpital"), "Évaluation · l’hôpital", "other characters stay as they are");
    assert_eq!(escape("&amp;"), "&amp;amp;", "a reference in the text is text");
    assert_eq!(escape(""), "");
}

#[test]
fn an_element_with_attributes_and_text() {
    let mut m = Markup::new();
    m.open("p", &[("class", "ct-muted"), ("data-show", r#"Q"1"#)]);
    m.element("span", &[], "<script>").text(" & more");
    m.close("p");
    assert_eq!(m.finish(), r#"<p class="ct-muted" data-show="Q&quot;1"><span>&lt;script&gt;</span> &amp; more</p>"#);
}

#[test]
fn svg_shapes_are_written_closed() {
    let mut m = Markup::new();
    m.open("svg", &[("viewBox", "0 0 10 10")]).empty("rect", &[("width", "50%")]).close("svg");
    assert_eq!(m.finish(), r#"<svg viewBox="0 0 10 10"><rect width="50%"/></svg>"#);
}

#[test]
#[should_panic(expected = "markup left open: ul, li")]
fn an_element_left_open_is_a_mistake() {
    let mut m = Markup::new();
    m.open("ul", &[]).open("li", &[]);
    let _ = m.finish();
}

#[test]
#[should_panic(expected = "markup closed out of order")]
fn an_element_closed_out_of_order_is_a_mistake() {
    let mut m = Markup::new();
    m.open("ul", &[]).open("li", &[]).close("ul");
}

proptest! {
    /// Whatever a language file holds, its escaped form has no tag, no quote that
    /// could end an attribute and no reference of its own, and reads back as written.
    #[test]
    fn escaped_text_reads_back_and_holds_no_markup(text in any::<String>()) {
        let escaped = escape(&text);
        prop_assert!(!escaped.contains(['<', '>', '"', '\'']));
        prop_assert_eq!(unescape(&escaped), text.clone());
        let mut m = Markup::new();
        m.element("td", &[("title", &text)], &text);
        let html = m.finish();
        let inner = html.strip_prefix("<td title=\"").unwrap().strip_suffix("</td>").unwrap();
        let (value, content) = inner.split_once("\">").unwrap();
        prop_assert_eq!(unescape(value), text.clone());
        prop_assert_eq!(unescape(content), text);
    }
}
