//! JSON read and written by cloudtriage itself, for files people bring and
//! files it writes. Strict (RFC 8259), with every key kept in order, a key
//! given twice refused, nesting bounded and every error placed by line and
//! column. Numbers keep their text: cloudtriage only ever needs whole
//! numbers, and a level written as `2.5` must be reported as written.

use std::fmt::Write as _;

/// The deepest nesting accepted; a results file needs four levels.
pub const MAX_DEPTH: usize = 128;

/// A JSON value as written in the file.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// A number, as written (validated against the JSON grammar).
    Number(String),
    String(String),
    Array(Vec<Json>),
    /// Keys in file order; never two alike.
    Object(Vec<(String, Json)>),
}

/// Why a text is not acceptable JSON.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JsonError {
    /// The text ends before the JSON does.
    Truncated,
    /// A syntax error at a position (1-based line and column, in characters).
    Syntax { line: usize, column: usize },
    /// Nested deeper than [`MAX_DEPTH`].
    TooDeep,
    /// An object names the same key twice.
    DuplicateKey { key: String, line: usize },
}

/// For messages about the program's own content, which is JSON written by the
/// build; without `Debug`, so the widget carries no debug formatting.
impl std::fmt::Display for JsonError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            JsonError::Truncated => f.write_str("the text ends early"),
            JsonError::Syntax { line, column } => write!(f, "syntax error at line {line}, column {column}"),
            JsonError::TooDeep => f.write_str("nested too deep"),
            JsonError::DuplicateKey { key, line } => write!(f, "\"{key}\" given twice, line {line}"),
        }
    }
}

impl Json {
    /// Parses a whole text as one JSON value.
    pub fn parse(text: &str) -> Result<Json, JsonError> {
        let mut p = Parser { text: text.as_bytes(), pos: 0 };
        p.skip_space();
        let value = p.value(0, Build::All)?;
        p.skip_space();
        if p.pos < p.text.len() {
            return Err(p.syntax());
        }
        Ok(value)
    }

    /// Parses a whole text like [`Json::parse`], with every check, but keeps the value of the
    /// top-level member `key` as `Null` without building it: aggregation reads thousands of
    /// results files and never uses their stored report.
    pub fn parse_without(text: &str, key: &str) -> Result<Json, JsonError> {
        let mut p = Parser { text: text.as_bytes(), pos: 0 };
        p.skip_space();
        let value = p.value(0, Build::AllBut(key))?;
        p.skip_space();
        if p.pos < p.text.len() {
            return Err(p.syntax());
        }
        Ok(value)
    }

    /// A whole number, if the value is one that fits in 64 bits.
    pub fn as_integer(&self) -> Option<i64> {
        match self {
            Json::Number(text) if !text.contains(['.', 'e', 'E']) => text.parse().ok(),
            _ => None,
        }
    }

    /// The text, if the value is a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    /// The members, if the value is an object.
    pub fn as_object(&self) -> Option<&[(String, Json)]> {
        match self {
            Json::Object(m) => Some(m),
            _ => None,
        }
    }

    /// The items, if the value is an array.
    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Array(a) => Some(a),
            _ => None,
        }
    }

    /// A member of an object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        self.as_object()?.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// The kind of value, for messages: `null`, `boolean`, `number`, `text`, `list` or `object`.
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "boolean",
            Json::Number(_) => "number",
            Json::String(_) => "text",
            Json::Array(_) => "list",
            Json::Object(_) => "object",
        }
    }

    /// A short rendering of the value for messages, at most 40 characters.
    pub fn brief(&self) -> String {
        let text = match self {
            Json::Null => "null".to_owned(),
            Json::Bool(b) => b.to_string(),
            Json::Number(n) => n.clone(),
            Json::String(s) => {
                let shown: String = s.chars().map(|c| if c.is_control() { '\u{FFFD}' } else { c }).collect();
                format!("\"{shown}\"")
            }
            Json::Array(_) => "[…]".to_owned(),
            Json::Object(_) => "{…}".to_owned(),
        };
        if text.chars().count() > 40 {
            text.chars().take(39).chain(['…']).collect()
        } else {
            text
        }
    }

    /// A whole number.
    pub fn int(value: impl Into<i64>) -> Json {
        Json::Number(value.into().to_string())
    }

    /// A number from hundredths, written with two decimals at most (`235` → `2.35`, `200` → `2.0`).
    pub fn hundredths(value: i64) -> Json {
        let (sign, v) = if value < 0 { ("-", -value) } else { ("", value) };
        let (whole, frac) = (v / 100, v % 100);
        let text = match frac {
            0 => format!("{sign}{whole}.0"),
            f if f % 10 == 0 => format!("{sign}{whole}.{}", f / 10),
            f => format!("{sign}{whole}.{f:02}"),
        };
        Json::Number(text)
    }

    /// A string value.
    pub fn str(value: impl Into<String>) -> Json {
        Json::String(value.into())
    }

    /// The value as JSON text, indented by two spaces per level.
    pub fn pretty(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, Some(0));
        out
    }

    /// The value as compact JSON text.
    pub fn compact(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, None);
        out
    }

    fn write(&self, out: &mut String, indent: Option<usize>) {
        let newline = |out: &mut String, level: usize| {
            out.push('\n');
            out.extend(std::iter::repeat_n(' ', 2 * level));
        };
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Number(n) => out.push_str(n),
            Json::String(s) => write_string(out, s),
            Json::Array(items) if items.is_empty() => out.push_str("[]"),
            Json::Object(members) if members.is_empty() => out.push_str("{}"),
            Json::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    if let Some(level) = indent {
                        newline(out, level + 1);
                    }
                    item.write(out, indent.map(|l| l + 1));
                }
                if let Some(level) = indent {
                    newline(out, level);
                }
                out.push(']');
            }
            Json::Object(members) => {
                out.push('{');
                for (i, (key, value)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    if let Some(level) = indent {
                        newline(out, level + 1);
                    }
                    write_string(out, key);
                    out.push_str(if indent.is_some() { ": " } else { ":" });
                    value.write(out, indent.map(|l| l + 1));
                }
                if let Some(level) = indent {
                    newline(out, level);
                }
                out.push('}');
            }
        }
    }
}

fn write_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Builds an object from key/value pairs.
pub fn object<const N: usize>(members: [(&str, Json); N]) -> Json {
    // Only the move into a vector is compiled for each size; the rest once.
    object_of(Vec::from(members))
}

fn object_of(members: Vec<(&str, Json)>) -> Json {
    Json::Object(members.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
}

/// What the parser builds of the values it checks (it checks everything alike).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Build<'k> {
    /// Every value.
    All,
    /// Every value but that of this member of the object being read, kept as `Null`.
    AllBut(&'k str),
    /// Nothing: the value is only checked.
    Nothing,
}

struct Parser<'a> {
    text: &'a [u8],
    pos: usize,
}

impl Parser<'_> {
    /// Line and column (in characters) of the current position.
    fn place(&self) -> (usize, usize) {
        let before = &self.text[..self.pos.min(self.text.len())];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        // Count characters, not bytes: continuation bytes do not start a character.
        let column = before[start..].iter().filter(|&&b| b & 0xC0 != 0x80).count() + 1;
        (line, column)
    }

    fn syntax(&self) -> JsonError {
        if self.pos >= self.text.len() {
            return JsonError::Truncated;
        }
        let (line, column) = self.place();
        JsonError::Syntax { line, column }
    }

    fn peek(&self) -> Option<u8> {
        self.text.get(self.pos).copied()
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn expect(&mut self, byte: u8) -> Result<(), JsonError> {
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.syntax())
        }
    }

    fn literal(&mut self, word: &[u8], value: Json) -> Result<Json, JsonError> {
        for &b in word {
            self.expect(b)?;
        }
        Ok(value)
    }

    /// One value; `Null` for a value that is only checked (`Build::Nothing`).
    fn value(&mut self, depth: usize, build: Build<'_>) -> Result<Json, JsonError> {
        let value = self.any_value(depth, build)?;
        Ok(if build == Build::Nothing { Json::Null } else { value })
    }

    fn any_value(&mut self, depth: usize, build: Build<'_>) -> Result<Json, JsonError> {
        match self.peek() {
            None => Err(JsonError::Truncated),
            Some(b'{') => self.object(depth + 1, build),
            Some(b'[') => self.array(depth + 1, build),
            Some(b'"') if build == Build::Nothing => self.skip_string().map(|_| Json::Null),
            Some(b'"') => self.string().map(Json::String),
            Some(b't') => self.literal(b"true", Json::Bool(true)),
            Some(b'f') => self.literal(b"false", Json::Bool(false)),
            Some(b'n') => self.literal(b"null", Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.syntax()),
        }
    }

    /// An object; keys are always read, for the duplicate check, whatever `build` says of the values.
    fn object(&mut self, depth: usize, build: Build<'_>) -> Result<Json, JsonError> {
        if depth > MAX_DEPTH {
            return Err(JsonError::TooDeep);
        }
        self.pos += 1;
        let mut members: Vec<(String, Json)> = Vec::new();
        // A hash set: a file's object can have any number of keys, and a sorted
        // vector's insertion would make reading it quadratic in them.
        let mut seen = std::collections::HashSet::new();
        self.skip_space();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Json::Object(members));
        }
        loop {
            self.skip_space();
            if self.peek() != Some(b'"') {
                return Err(self.syntax());
            }
            let start = self.pos;
            let key = self.string()?;
            if !seen.insert(key.clone()) {
                // Placing costs a scan from the start, so it is done only for the error.
                self.pos = start;
                let line = self.place().0;
                return Err(JsonError::DuplicateKey { key, line });
            }
            self.skip_space();
            self.expect(b':')?;
            self.skip_space();
            let inner = match build {
                Build::AllBut(skipped) if skipped == key => Build::Nothing,
                Build::AllBut(_) => Build::All,
                other => other,
            };
            let value = self.value(depth, inner)?;
            if build != Build::Nothing {
                members.push((key, value));
            }
            self.skip_space();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Json::Object(members));
                }
                _ => return Err(self.syntax()),
            }
        }
    }

    fn array(&mut self, depth: usize, build: Build<'_>) -> Result<Json, JsonError> {
        if depth > MAX_DEPTH {
            return Err(JsonError::TooDeep);
        }
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_space();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Json::Array(items));
        }
        loop {
            self.skip_space();
            // Only the top-level object skips a member: an array's items are built or not as it is.
            let item = self.value(depth, if build == Build::Nothing { Build::Nothing } else { Build::All })?;
            if build != Build::Nothing {
                items.push(item);
            }
            self.skip_space();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Json::Array(items));
                }
                _ => return Err(self.syntax()),
            }
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
        self.pos - start
    }

    fn number(&mut self) -> Result<Json, JsonError> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(self.syntax()),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if self.digits() == 0 {
                return Err(self.syntax());
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return Err(self.syntax());
            }
        }
        // The bytes are ASCII digits and signs, so this cannot fail.
        let text = String::from_utf8_lossy(&self.text[start..self.pos]).into_owned();
        Ok(Json::Number(text))
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let mut value = 0;
        for _ in 0..4 {
            let digit = match self.peek() {
                Some(b @ b'0'..=b'9') => u32::from(b - b'0'),
                Some(b @ b'a'..=b'f') => u32::from(b - b'a' + 10),
                Some(b @ b'A'..=b'F') => u32::from(b - b'A' + 10),
                _ => return Err(self.syntax()),
            };
            value = value * 16 + digit;
            self.pos += 1;
        }
        Ok(value)
    }

    fn string(&mut self) -> Result<String, JsonError> {
        self.pos += 1;
        let mut out: Vec<u8> = Vec::new();
        loop {
            let Some(b) = self.peek() else { return Err(JsonError::Truncated) };
            match b {
                b'"' => {
                    self.pos += 1;
                    // The input was a &str and escapes produce valid UTF-8.
                    return String::from_utf8(out).map_err(|_| self.syntax());
                }
                b'\\' => {
                    self.pos += 1;
                    let Some(e) = self.peek() else { return Err(JsonError::Truncated) };
                    self.pos += 1;
                    let c = match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let first = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&first) {
                                // A high surrogate must be followed by a low one.
                                if self.peek() != Some(b'\\') || self.text.get(self.pos + 1) != Some(&b'u') {
                                    return Err(self.syntax());
                                }
                                self.pos += 2;
                                let second = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&second) {
                                    return Err(self.syntax());
                                }
                                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                            } else {
                                first
                            };
                            char::from_u32(code).ok_or_else(|| self.syntax())?
                        }
                        _ => {
                            self.pos -= 1;
                            return Err(self.syntax());
                        }
                    };
                    let mut buf = [0; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
                0x00..=0x1F => return Err(self.syntax()),
                _ => {
                    out.push(b);
                    self.pos += 1;
                }
            }
        }
    }
}

impl Parser<'_> {
    /// Checks a string as [`Parser::string`] does without building it.
    fn skip_string(&mut self) -> Result<(), JsonError> {
        let start = self.pos;
        self.pos += 1;
        loop {
            match self.peek() {
                None => return Err(JsonError::Truncated),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(());
                }
                // Escapes are rare: check the whole string the slow way.
                Some(b'\\') => {
                    self.pos = start;
                    return self.string().map(|_| ());
                }
                Some(0x00..=0x1F) => return Err(self.syntax()),
                Some(_) => self.pos += 1,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_numbers_as_written() {
        let j = Json::parse(r#"{"a": 2, "b": 2.5, "c": -1, "d": 2.0, "e": 1e3}"#).unwrap();
        assert_eq!(j.get("a").and_then(Json::as_integer), Some(2));
        assert_eq!(j.get("b"), Some(&Json::Number("2.5".into())));
        assert_eq!(j.get("c").and_then(Json::as_integer), Some(-1));
        assert_eq!(j.get("d").and_then(Json::as_integer), None);
        assert_eq!(j.get("e").and_then(Json::as_integer), None);
    }

    #[test]
    fn an_object_with_many_keys_parses_and_a_late_duplicate_is_found() {
        let mut text = format!("{{{}", (0..20_000).map(|i| format!("\"k{i}\": {i}")).collect::<Vec<_>>().join(",\n"));
        assert!(Json::parse(&format!("{text}}}")).is_ok());
        text.push_str(",\n\"k7\": 0}");
        assert_eq!(Json::parse(&text), Err(JsonError::DuplicateKey { key: "k7".into(), line: 20_001 }));
    }

    #[test]
    fn refuses_a_key_given_twice_and_names_it() {
        let e = Json::parse("{\"answers\": {\"GOV-01\": 1,\n \"GOV-01\": 2}}").unwrap_err();
        assert_eq!(e, JsonError::DuplicateKey { key: "GOV-01".into(), line: 2 });
    }

    #[test]
    fn tells_truncated_from_malformed_and_too_deep() {
        assert_eq!(Json::parse("{\"a\": [1, 2"), Err(JsonError::Truncated));
        assert_eq!(Json::parse("{\"a\" 1}"), Err(JsonError::Syntax { line: 1, column: 6 }));
        assert_eq!(Json::parse(&"[".repeat(10_000)), Err(JsonError::TooDeep));
        assert!(matches!(Json::parse("{} x"), Err(JsonError::Syntax { .. })));
        assert_eq!(Json::parse(""), Err(JsonError::Truncated));
        assert!(matches!(Json::parse("01"), Err(JsonError::Syntax { .. })));
        assert!(matches!(Json::parse("[1,]"), Err(JsonError::Syntax { .. })));
        assert!(matches!(Json::parse("\"a\u{1}\""), Err(JsonError::Syntax { .. })));
        assert!(matches!(Json::parse("tru"), Err(JsonError::Truncated)));
    }

    #[test]
    fn decodes_escapes_and_surrogate_pairs() {
        let j = Json::parse(r#""\u00e9\ud83d\ude00\n\"\\\/""#).unwrap();
        assert_eq!(j, Json::String("é😀\n\"\\/".into()));
        assert!(Json::parse(r#""\ud83d""#).is_err());
        assert!(Json::parse(r#""\x""#).is_err());
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        assert_eq!(Json::parse("[\"é\" 1]"), Err(JsonError::Syntax { line: 1, column: 6 }));
    }

    #[test]
    fn writes_what_it_reads() {
        let text = r#"{"a":[1,2.5,"x\"y\u0001"],"b":{},"c":[],"d":null,"e":true}"#;
        let j = Json::parse(text).unwrap();
        assert_eq!(j.compact(), text);
        assert_eq!(Json::parse(&j.pretty()).unwrap(), j);
        assert_eq!(Json::hundredths(235).compact(), "2.35");
        assert_eq!(Json::hundredths(200).compact(), "2.0");
        assert_eq!(Json::hundredths(130).compact(), "1.3");
        assert_eq!(Json::hundredths(7).compact(), "0.07");
    }

    #[test]
    fn briefs_long_values() {
        let long = Json::String("x".repeat(100));
        assert_eq!(long.brief().chars().count(), 40);
    }

    #[test]
    fn parsing_without_a_member_checks_it_as_strictly_as_parsing() {
        let good = r#"{"a": 1, "report": {"x": [1, "t\u00e9", {"y": null}], "z": true}, "b": "c"}"#;
        let kept = Json::parse(good).unwrap();
        let Json::Object(mut members) = kept else { panic!() };
        members[1].1 = Json::Null;
        assert_eq!(Json::parse_without(good, "report").unwrap(), Json::Object(members));
        for bad in [
            r#"{"a": 1, "report": {"x": 1, "x": 2}}"#,
            r#"{"a": 1, "report": [1, 2,]}"#,
            r#"{"a": 1, "report": "tab	here"}"#,
            r#"{"a": 1, "report": "\q"}"#,
            r#"{"a": 1, "report": {"x": 01}}"#,
            r#"{"a": 1, "report": {"x": [1, 2]"#,
            r#"{"a": 1, "a": 2}"#,
            r#"{"a": 1, "report": tru}"#,
        ] {
            assert_eq!(Json::parse_without(bad, "report"), Json::parse(bad).map(|_| Json::Null), "{bad}");
        }
        let deep = format!("{{\"report\": {}{}}}", "[".repeat(200), "]".repeat(200));
        assert_eq!(Json::parse_without(&deep, "report"), Err(JsonError::TooDeep));
    }
}
