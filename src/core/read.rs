//! Reading the compiled questionnaire content (JSON made by the build from
//! `content/`) into the core's types, naming the place of any defect.

use super::json::Json;
use super::model::ContentError;

/// A content value and where it sits in the content, so that every message names its place.
#[derive(Clone)]
pub struct ContentNode<'a> {
    pub value: &'a Json,
    pub path: String,
}

impl<'a> ContentNode<'a> {
    /// The root of a document.
    pub fn root(value: &'a Json) -> ContentNode<'a> {
        ContentNode { value, path: String::new() }
    }

    fn wrong(&self, expected: &str) -> ContentError {
        ContentError::Malformed(format!("{}: expected {expected}, found {}", self.path, self.value.brief()))
    }

    /// Checks that the value is an object whose keys are all in `allowed`.
    pub fn object(&self, allowed: &[&str]) -> Result<&'a [(String, Json)], ContentError> {
        let members = self.value.as_object().ok_or_else(|| self.wrong("an object"))?;
        if let Some((key, _)) = members.iter().find(|(k, _)| !allowed.contains(&k.as_str())) {
            return Err(ContentError::Malformed(format!("{}: unknown field \"{key}\"", self.path)));
        }
        Ok(members)
    }

    /// A member, if present.
    pub fn field(&self, key: &str) -> Option<ContentNode<'a>> {
        let value = self.value.get(key)?;
        Some(ContentNode { value, path: join(&self.path, key) })
    }

    /// A member that must be present.
    pub fn required(&self, key: &str) -> Result<ContentNode<'a>, ContentError> {
        self.field(key).ok_or_else(|| ContentError::Malformed(format!("{}: missing field \"{key}\"", self.path)))
    }

    /// A text.
    pub fn text(&self) -> Result<String, ContentError> {
        self.value.as_str().map(str::to_owned).ok_or_else(|| self.wrong("text"))
    }

    /// A whole number from 0 to 255.
    pub fn small_number(&self) -> Result<u8, ContentError> {
        self.value
            .as_integer()
            .and_then(|i| u8::try_from(i).ok())
            .ok_or_else(|| self.wrong("a whole number from 0 to 255"))
    }

    /// true or false.
    pub fn flag(&self) -> Result<bool, ContentError> {
        match self.value {
            Json::Bool(b) => Ok(*b),
            _ => Err(self.wrong("true or false")),
        }
    }

    /// Each item of a list, read by `item`.
    pub fn list<T>(&self, item: impl Fn(&ContentNode<'a>) -> Result<T, ContentError>) -> Result<Vec<T>, ContentError> {
        let items = self.value.as_array().ok_or_else(|| self.wrong("a list"))?;
        items.iter().enumerate().map(|(i, value)| item(&ContentNode { value, path: self.item_path(i) })).collect()
    }

    /// `path[i]`: out of line, so that each kind of list does not compile its own formatting.
    #[inline(never)]
    fn item_path(&self, i: usize) -> String {
        format!("{}[{i}]", self.path)
    }

    /// A text that `parse` accepts.
    pub fn choice<T>(&self, what: &str, parse: impl Fn(&str) -> Option<T>) -> Result<T, ContentError> {
        let text = self.text()?;
        parse(&text).ok_or_else(|| self.not_a(&text, what))
    }

    #[inline(never)]
    fn not_a(&self, text: &str, what: &str) -> ContentError {
        ContentError::Malformed(format!("{}: \"{text}\" is not {what}", self.path))
    }
}

/// `a.b` from `a` and `b`, or `b` at the top: the path of a field in messages.
pub fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}
