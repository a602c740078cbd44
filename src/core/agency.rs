//! What target profiles and benchmarks share: files an agency publishes next
//! to the widget, read strictly (every unknown field, out-of-range figure or
//! misplaced value refused with its path) and refused with a message in the
//! user's language. `profile` and `benchmark` define the two files.

use super::i18n::Language;
use super::json::{Json, JsonError};

/// The largest profile or benchmark read; a benchmark of every group is far smaller.
pub const MAX_AGENCY_FILE_BYTES: usize = 1024 * 1024;
/// The longest name, issuer or version, in characters.
pub const MAX_AGENCY_TEXT_CHARS: usize = 200;

/// The kinds of JSON value a field may need, for messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Object,
    Text,
    WholeNumber,
    Number,
    List,
}

impl Kind {
    fn key(self) -> &'static str {
        match self {
            Kind::Object => "types.object",
            Kind::Text => "types.text",
            Kind::WholeNumber => "types.whole_number",
            Kind::Number => "types.number",
            Kind::List => "types.list",
        }
    }
}

/// Why a target profile or a benchmark cannot be used. Nothing of the assessment changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AgencyFileError {
    TooLarge {
        bytes: usize,
    },
    Empty,
    Utf16,
    NotUtf8,
    NotJson {
        line: usize,
        column: usize,
    },
    Truncated,
    TooDeep,
    DuplicateKey {
        key: String,
        line: usize,
    },
    NotAnObject {
        found: &'static str,
    },
    /// `format` names another kind of file.
    WrongFormat {
        expected: &'static str,
        found: String,
    },
    FutureVersion {
        found: String,
        supported: u32,
    },
    BadVersion {
        found: String,
    },
    MissingField {
        path: String,
    },
    /// A field this format does not have (a misspelling, or something that must not be there).
    UnknownField {
        path: String,
    },
    WrongType {
        path: String,
        expected: Kind,
        found: &'static str,
    },
    OtherQuestionnaire {
        found: String,
    },
    EmptyText {
        path: String,
    },
    TooLong {
        path: String,
        length: usize,
        limit: usize,
    },
    ControlCharacter {
        path: String,
        code: String,
    },
    BadDay {
        path: String,
        found: String,
    },
    /// A month that is not `YYYY-MM`.
    BadMonth {
        path: String,
        found: String,
    },
    /// An expected level outside 1 to 4.
    BadTarget {
        path: String,
        found: String,
    },
    UnknownDomain {
        path: String,
        found: String,
    },
    UnknownQuestion {
        path: String,
        found: String,
    },
    BadChoice {
        path: String,
        found: String,
        allowed: String,
    },
    TooMany {
        path: String,
        count: usize,
        limit: usize,
    },
    /// A list that must name at least one value.
    EmptyList {
        path: String,
    },
    /// A count of organisations that is not a whole number of at least 1.
    BadCount {
        path: String,
        found: String,
    },
    /// A figure of a distribution outside its scale (0 to 100 for an index, 0 to 4 for a domain).
    BadFigure {
        path: String,
        found: String,
    },
    /// A distribution whose figures do not rise from minimum to maximum.
    Unordered {
        path: String,
    },
    /// The same group twice.
    DuplicateGroup {
        path: String,
    },
    /// A group smaller than the benchmark's own minimum: it should have been suppressed.
    SmallGroup {
        path: String,
        count: u32,
        min: u32,
    },
}

impl AgencyFileError {
    /// The message in a language, naming the field and what to do.
    pub fn message(&self, lang: &Language) -> String {
        use AgencyFileError::*;
        let kind = |k: &str| lang.t(&format!("types.{k}")).to_owned();
        let n = |v: usize| v.to_string();
        match self {
            TooLarge { bytes } => {
                lang.fill("agency.errors.too_large", &[("size", &n(*bytes)), ("limit", &n(MAX_AGENCY_FILE_BYTES))])
            }
            Empty => lang.t("errors.empty").to_owned(),
            Utf16 => lang.t("errors.utf16").to_owned(),
            NotUtf8 => lang.t("agency.errors.not_utf8").to_owned(),
            NotJson { line, column } => lang.fill("errors.not_json", &[("line", &n(*line)), ("column", &n(*column))]),
            Truncated => lang.t("errors.truncated").to_owned(),
            TooDeep => lang.t("agency.errors.too_deep").to_owned(),
            DuplicateKey { key, line } => lang.fill("errors.duplicate_key", &[("key", key), ("line", &n(*line))]),
            NotAnObject { found } => lang.fill("agency.errors.not_object", &[("found", &kind(found))]),
            WrongFormat { expected, found } => {
                lang.fill("agency.errors.wrong_format", &[("expected", expected), ("found", found)])
            }
            FutureVersion { found, supported } => {
                lang.fill("agency.errors.future_version", &[("found", found), ("supported", &supported.to_string())])
            }
            BadVersion { found } => lang.fill("errors.bad_version", &[("found", found)]),
            MissingField { path } => lang.fill("errors.missing_field", &[("path", path)]),
            UnknownField { path } => lang.fill("agency.errors.unknown_field", &[("path", path)]),
            WrongType { path, expected, found } => lang.fill(
                "errors.wrong_type",
                &[("path", path), ("expected", lang.t(expected.key())), ("found", &kind(found))],
            ),
            OtherQuestionnaire { found } => lang.fill("agency.errors.other_questionnaire", &[("found", found)]),
            EmptyText { path } => lang.fill("errors.empty_text", &[("path", path)]),
            TooLong { path, length, limit } => {
                lang.fill("errors.too_long", &[("path", path), ("length", &n(*length)), ("limit", &n(*limit))])
            }
            ControlCharacter { path, code } => lang.fill("errors.control_character", &[("path", path), ("code", code)]),
            BadDay { path, found } => lang.fill("errors.bad_day", &[("path", path), ("found", found)]),
            BadMonth { path, found } => lang.fill("agency.errors.bad_month", &[("path", path), ("found", found)]),
            BadTarget { path, found } => lang.fill("agency.errors.bad_target", &[("path", path), ("found", found)]),
            UnknownDomain { path, found } => {
                lang.fill("agency.errors.unknown_domain", &[("path", path), ("found", found)])
            }
            UnknownQuestion { path, found } => {
                lang.fill("agency.errors.unknown_question", &[("path", path), ("found", found)])
            }
            BadChoice { path, found, allowed } => {
                lang.fill("errors.bad_choice", &[("path", path), ("found", found), ("allowed", allowed)])
            }
            TooMany { path, count, limit } => {
                lang.fill("errors.too_many", &[("path", path), ("count", &n(*count)), ("limit", &n(*limit))])
            }
            EmptyList { path } => lang.fill("agency.errors.empty_list", &[("path", path)]),
            BadCount { path, found } => lang.fill("agency.errors.bad_count", &[("path", path), ("found", found)]),
            BadFigure { path, found } => lang.fill("agency.errors.bad_figure", &[("path", path), ("found", found)]),
            Unordered { path } => lang.fill("agency.errors.unordered", &[("path", path)]),
            DuplicateGroup { path } => lang.fill("agency.errors.duplicate_group", &[("path", path)]),
            SmallGroup { path, count, min } => lang.fill(
                "agency.errors.small_group",
                &[("path", path), ("count", &count.to_string()), ("min", &min.to_string())],
            ),
        }
    }
}

impl std::fmt::Display for AgencyFileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(super::Catalog::embedded().language("en")))
    }
}

impl std::error::Error for AgencyFileError {}

/// Decodes and parses a file's bytes as JSON, refusing anything that is not one UTF-8 JSON value.
pub fn parse(bytes: &[u8]) -> Result<Json, AgencyFileError> {
    if bytes.len() > MAX_AGENCY_FILE_BYTES {
        return Err(AgencyFileError::TooLarge { bytes: bytes.len() });
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(AgencyFileError::Utf16);
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    if bytes.len() >= 2 && (bytes[0] == 0) != (bytes[1] == 0) {
        return Err(AgencyFileError::Utf16);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| AgencyFileError::NotUtf8)?;
    if text.trim().is_empty() {
        return Err(AgencyFileError::Empty);
    }
    Json::parse(text).map_err(|e| match e {
        JsonError::Truncated => AgencyFileError::Truncated,
        JsonError::Syntax { line, column } => AgencyFileError::NotJson { line, column },
        JsonError::TooDeep => AgencyFileError::TooDeep,
        JsonError::DuplicateKey { key, line } => AgencyFileError::DuplicateKey { key, line },
    })
}

/// A value in a file and its path (`variants.0.domains.identity`), for messages.
#[derive(Clone)]
pub struct Field<'a> {
    pub value: &'a Json,
    path: String,
}

/// `path.key`, or `key` at the top.
pub fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

impl<'a> Field<'a> {
    /// The top of a file.
    pub fn root(value: &'a Json) -> Field<'a> {
        Field { value, path: String::new() }
    }

    /// A value at a path.
    pub fn at(value: &'a Json, path: impl Into<String>) -> Field<'a> {
        Field { value, path: path.into() }
    }

    /// A member that must be present.
    pub fn req(&self, key: &str) -> Result<Field<'a>, AgencyFileError> {
        let path = join(&self.path, key);
        let value = self.value.get(key).ok_or_else(|| AgencyFileError::MissingField { path: path.clone() })?;
        Ok(Field { value, path })
    }

    /// A member that may be absent (or null).
    pub fn opt(&self, key: &str) -> Option<Field<'a>> {
        let value = self.value.get(key).filter(|v| **v != Json::Null)?;
        Some(Field { value, path: join(&self.path, key) })
    }

    /// An item or member below this field.
    pub fn child(&self, key: &str, value: &'a Json) -> Field<'a> {
        Field { value, path: join(&self.path, key) }
    }

    /// The field's path.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// Refusal for a value of the wrong kind.
    pub fn wrong(&self, expected: Kind) -> AgencyFileError {
        AgencyFileError::WrongType { path: self.path.to_owned(), expected, found: self.value.kind() }
    }

    /// The members of an object whose keys are all in `allowed`.
    pub fn object(&self, allowed: &[&str]) -> Result<&'a [(String, Json)], AgencyFileError> {
        let members = self.value.as_object().ok_or_else(|| self.wrong(Kind::Object))?;
        if let Some((key, _)) = members.iter().find(|(k, _)| !allowed.contains(&k.as_str())) {
            return Err(AgencyFileError::UnknownField { path: join(&self.path, key) });
        }
        Ok(members)
    }

    /// The members of an object with any keys (ids of domains, questions).
    pub fn members(&self) -> Result<&'a [(String, Json)], AgencyFileError> {
        self.value.as_object().ok_or_else(|| self.wrong(Kind::Object))
    }

    /// The items of a list of at most `limit` entries.
    pub fn list(&self, limit: usize) -> Result<&'a [Json], AgencyFileError> {
        let items = self.value.as_array().ok_or_else(|| self.wrong(Kind::List))?;
        if items.len() > limit {
            return Err(AgencyFileError::TooMany { path: self.path.to_owned(), count: items.len(), limit });
        }
        Ok(items)
    }

    /// A text.
    pub fn text(&self) -> Result<&'a str, AgencyFileError> {
        self.value.as_str().ok_or_else(|| self.wrong(Kind::Text))
    }

    /// One line of text of at most [`MAX_AGENCY_TEXT_CHARS`] characters, trimmed.
    pub fn label(&self) -> Result<String, AgencyFileError> {
        let text = self.text()?;
        let length = text.chars().count();
        if length > MAX_AGENCY_TEXT_CHARS {
            return Err(AgencyFileError::TooLong { path: self.path.to_owned(), length, limit: MAX_AGENCY_TEXT_CHARS });
        }
        if let Some(c) = text.chars().find(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')) {
            let code = format!("U+{:04X}", u32::from(c));
            return Err(AgencyFileError::ControlCharacter { path: self.path.to_owned(), code });
        }
        if text.trim().is_empty() || text.contains(['\n', '\r', '\t']) {
            return Err(AgencyFileError::EmptyText { path: self.path.to_owned() });
        }
        Ok(text.trim().to_owned())
    }
}

/// Reads `format`, `format_version` and `questionnaire`, the head every agency file shares.
pub fn head(root: &Json, format: &'static str, supported: u32, questionnaire_id: &str) -> Result<(), AgencyFileError> {
    if !matches!(root, Json::Object(_)) {
        return Err(AgencyFileError::NotAnObject { found: root.kind() });
    }
    let req = |key: &str| root.get(key).ok_or_else(|| AgencyFileError::MissingField { path: key.to_owned() });
    let found = req("format")?;
    if found.as_str() != Some(format) {
        return Err(AgencyFileError::WrongFormat { expected: format, found: found.brief() });
    }
    let version = req("format_version")?;
    match version.as_integer() {
        Some(v) if v > i64::from(supported) => {
            return Err(AgencyFileError::FutureVersion { found: version.brief(), supported })
        }
        Some(v) if v >= 1 => {}
        _ if matches!(version, Json::Number(_)) => return Err(AgencyFileError::BadVersion { found: version.brief() }),
        _ => return Err(Field::at(version, "format_version").wrong(Kind::WholeNumber)),
    }
    let q = req("questionnaire")?;
    let id = Field::at(q, "questionnaire").text()?;
    if id != questionnaire_id {
        return Err(AgencyFileError::OtherQuestionnaire { found: q.brief() });
    }
    Ok(())
}

/// The address of a file named by the embedding page, if it lies in the widget's own folder.
/// `folder` is the folder's absolute address ending in `/`; `name` is relative to it (`profile.json`,
/// `agency/benchmark.json`) or absolute inside it. Anything else (another origin, a path above or
/// beside the folder, a query, an escape, a name that is not a `.json` file) gives `None`, so no
/// request is ever made for it.
pub fn in_folder(folder: &str, name: &str) -> Option<String> {
    let name = name.trim();
    if !folder.ends_with('/') || !(folder.starts_with("https://") || folder.starts_with("http://")) {
        return None;
    }
    let relative = match name.strip_prefix(folder) {
        Some(rest) => rest,
        None if name.contains(':') || name.starts_with('/') || name.starts_with('\\') => return None,
        None => name,
    };
    let relative = relative.strip_prefix("./").unwrap_or(relative);
    let segment_ok = |s: &str| {
        !s.is_empty() && s != "." && s != ".." && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b))
    };
    let ok = relative.len() <= 200 && relative.ends_with(".json") && relative.split('/').all(segment_ok);
    ok.then(|| format!("{folder}{relative}"))
}

#[cfg(test)]
mod tests {
    use super::in_folder;

    const FOLDER: &str = "https://intranet.example.org/tools/ct/";

    #[test]
    fn files_in_the_widget_folder_are_found_there() {
        assert_eq!(
            in_folder(FOLDER, "profile.json").as_deref(),
            Some("https://intranet.example.org/tools/ct/profile.json")
        );
        assert_eq!(
            in_folder(FOLDER, "./agency/benchmark-2026.json").as_deref(),
            Some("https://intranet.example.org/tools/ct/agency/benchmark-2026.json")
        );
        assert_eq!(
            in_folder(FOLDER, "https://intranet.example.org/tools/ct/profile.json").as_deref(),
            Some("https://intranet.example.org/tools/ct/profile.json")
        );
    }

    #[test]
    fn anything_outside_the_folder_is_refused() {
        for name in [
            "https://evil.example.com/profile.json",
            "//evil.example.com/profile.json",
            "http://intranet.example.org/tools/ct/profile.json",
            "https://intranet.example.org/tools/other/profile.json",
            "/tools/ct/profile.json",
            "../profile.json",
            "agency/../../profile.json",
            "%2e%2e/profile.json",
            "profile.json?x=1",
            "profile.json#top",
            "profile.txt",
            "javascript:alert(1)//.json",
            "data:application/json,{}.json",
            "a\\b.json",
            "",
            ".json/",
        ] {
            assert_eq!(in_folder(FOLDER, name), None, "{name}");
        }
        assert_eq!(in_folder("file:///tmp/", "profile.json"), None);
    }
}
