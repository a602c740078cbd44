//! A strict reading of JSON for files people bring: every key kept in order,
//! a key given twice refused, nesting bounded, errors with line and column.

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

/// A JSON value as written in the file.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// A whole number that fits in 64 bits.
    Integer(i128),
    /// Any other number.
    Float(f64),
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
    /// A syntax error at a position (1-based).
    Syntax { line: usize, column: usize },
    /// Nested deeper than any results file needs.
    TooDeep,
    /// An object names the same key twice.
    DuplicateKey { key: String, line: usize },
}

const DUPLICATE: &str = "\u{0}duplicate\u{0}";

impl Json {
    /// Parses a whole text as one JSON value.
    pub fn parse(text: &str) -> Result<Json, JsonError> {
        serde_json::from_str(text).map_err(|e| {
            let message = e.to_string();
            if let Some(rest) = message.strip_prefix(DUPLICATE) {
                let key = rest.split(DUPLICATE).next().unwrap_or_default().to_owned();
                JsonError::DuplicateKey {
                    key,
                    line: e.line(),
                }
            } else if message.starts_with("recursion limit exceeded") {
                JsonError::TooDeep
            } else if e.is_eof() {
                JsonError::Truncated
            } else {
                JsonError::Syntax {
                    line: e.line(),
                    column: e.column(),
                }
            }
        })
    }

    /// The name of this value's kind, for messages ("text", "number", ...), as an i18n key suffix.
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "boolean",
            Json::Integer(_) | Json::Float(_) => "number",
            Json::String(_) => "text",
            Json::Array(_) => "list",
            Json::Object(_) => "object",
        }
    }

    /// A member of an object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// A short rendering of the value for messages, at most about 40 characters.
    pub fn brief(&self) -> String {
        let text = match self {
            Json::Null => "null".to_owned(),
            Json::Bool(b) => b.to_string(),
            Json::Integer(i) => i.to_string(),
            Json::Float(f) => f.to_string(),
            Json::String(s) => format!("\"{s}\""),
            Json::Array(_) => "[…]".to_owned(),
            Json::Object(_) => "{…}".to_owned(),
        };
        if text.chars().count() > 40 {
            text.chars().take(39).chain(['…']).collect()
        } else {
            text
        }
    }
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Json, D::Error> {
        deserializer.deserialize_any(JsonVisitor)
    }
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Json, E> {
        Ok(Json::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Json, E> {
        Ok(Json::Integer(v.into()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Json, E> {
        Ok(Json::Integer(v.into()))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Json, E> {
        Ok(Json::Float(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Json, E> {
        Ok(Json::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Json, E> {
        Ok(Json::String(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let mut members: Vec<(String, Json)> = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            if members.iter().any(|(k, _)| *k == key) {
                return Err(de::Error::custom(format_args!(
                    "{DUPLICATE}{key}{DUPLICATE}"
                )));
            }
            let value = map.next_value()?;
            members.push((key, value));
        }
        Ok(Json::Object(members))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_numbers_apart_by_kind() {
        let j = Json::parse(r#"{"a": 2, "b": 2.5, "c": -1, "d": 2.0}"#).unwrap();
        assert_eq!(j.get("a"), Some(&Json::Integer(2)));
        assert_eq!(j.get("b"), Some(&Json::Float(2.5)));
        assert_eq!(j.get("c"), Some(&Json::Integer(-1)));
        assert_eq!(j.get("d"), Some(&Json::Float(2.0)));
    }

    #[test]
    fn refuses_a_key_given_twice_and_names_it() {
        let e = Json::parse("{\"answers\": {\"GOV-01\": 1,\n \"GOV-01\": 2}}").unwrap_err();
        assert_eq!(
            e,
            JsonError::DuplicateKey {
                key: "GOV-01".into(),
                line: 2
            }
        );
    }

    #[test]
    fn tells_truncated_from_malformed_and_too_deep() {
        assert_eq!(Json::parse("{\"a\": [1, 2"), Err(JsonError::Truncated));
        assert_eq!(
            Json::parse("{\"a\" 1}"),
            Err(JsonError::Syntax { line: 1, column: 6 })
        );
        assert_eq!(Json::parse(&"[".repeat(10_000)), Err(JsonError::TooDeep));
        assert!(matches!(Json::parse("{} x"), Err(JsonError::Syntax { .. })));
    }

    #[test]
    fn briefs_long_values() {
        let long = Json::String("x".repeat(100));
        assert_eq!(long.brief().chars().count(), 40);
    }
}
