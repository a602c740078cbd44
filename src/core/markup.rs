//! HTML written as text, for the parts of a page that are only read (the
//! results' index cards, chart, domain table and action plan): the browser
//! parses such a block in one step, which is much faster than creating its
//! elements one by one. Tag and attribute names are the program's own
//! (`&'static str`); every attribute value and every text is escaped here, so
//! no word of a language file can become markup.

/// A block of HTML being written. Elements are closed in the order they were
/// opened; debug builds check it.
#[derive(Default)]
pub struct Markup {
    out: String,
    #[cfg(debug_assertions)]
    open: Vec<&'static str>,
}

/// Appends `text` to `out` with `&`, `<`, `>`, `"` and `'` as character references,
/// so that it reads as the same text in an element or in a quoted attribute value.
pub fn escape_into(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(at) = rest.find(['&', '<', '>', '"', '\'']) {
        out.push_str(&rest[..at]);
        out.push_str(match rest.as_bytes()[at] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => "&#39;",
        });
        rest = &rest[at + 1..];
    }
    out.push_str(rest);
}

impl Markup {
    pub fn new() -> Markup {
        Markup::default()
    }

    fn start(&mut self, tag: &'static str, attributes: &[(&'static str, &str)]) {
        self.out.push('<');
        self.out.push_str(tag);
        for (name, value) in attributes {
            self.out.push(' ');
            self.out.push_str(name);
            self.out.push_str("=\"");
            escape_into(&mut self.out, value);
            self.out.push('"');
        }
    }

    /// `<tag name="value" …>`, to be closed by [`Markup::close`].
    pub fn open(&mut self, tag: &'static str, attributes: &[(&'static str, &str)]) -> &mut Markup {
        self.start(tag, attributes);
        self.out.push('>');
        #[cfg(debug_assertions)]
        self.open.push(tag);
        self
    }

    /// `</tag>`: the element opened last.
    pub fn close(&mut self, tag: &'static str) -> &mut Markup {
        #[cfg(debug_assertions)]
        assert_eq!(self.open.pop(), Some(tag), "markup closed out of order");
        self.out.push_str("</");
        self.out.push_str(tag);
        self.out.push('>');
        self
    }

    /// An element with only text in it.
    pub fn element(&mut self, tag: &'static str, attributes: &[(&'static str, &str)], text: &str) -> &mut Markup {
        self.open(tag, attributes).text(text).close(tag)
    }

    /// An SVG element without content, `<tag … />` (inside `<svg>`, HTML reads it as closed).
    pub fn empty(&mut self, tag: &'static str, attributes: &[(&'static str, &str)]) -> &mut Markup {
        self.start(tag, attributes);
        self.out.push_str("/>");
        self
    }

    /// Text, escaped.
    pub fn text(&mut self, text: &str) -> &mut Markup {
        escape_into(&mut self.out, text);
        self
    }

    /// The HTML written; every element must be closed.
    pub fn finish(self) -> String {
        #[cfg(debug_assertions)]
        assert!(self.open.is_empty(), "markup left open: {}", self.open.join(", "));
        self.out
    }
}
