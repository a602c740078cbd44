//! The results file: what "download as JSON" writes and what import reads.
//! docs/RESULTS-FORMAT.md documents it; docs/results.schema.json is generated
//! from these types. Import reads the file value by value so that every
//! problem names its field; the report inside a file is never trusted.

use std::collections::BTreeMap;

use super::answer::{AnswerValue, Level};
use super::catalog::Catalog;
use super::context::{Context, Deployment, OrgSize, ServiceModel, Stage, UseCase};
use super::i18n::Language;
use super::json::{object, Json, JsonError};
use super::score::{score, Report};

/// The value of the `format` field.
pub const FORMAT: &str = "cloudtriage-results";
/// The format version this program writes and the newest it reads.
pub const FORMAT_VERSION: u32 = 1;
/// The largest file import reads; a complete assessment with long notes is far smaller.
pub const MAX_FILE_BYTES: usize = 1024 * 1024;
/// The longest note, in characters.
pub const MAX_NOTE_CHARS: usize = 4000;

/// Which questionnaire a file answers, and in which language it was made.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize, schemars::JsonSchema))]
pub struct QuestionnaireRef {
    /// The questionnaire's id (`cloudtriage-health-cloud`).
    pub id: String,
    /// The questionnaire's version the answers were given to.
    pub version: String,
    /// The language the file was made in (ISO 639-1); answers do not depend on it.
    pub language: String,
}

/// One answer with its private note.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize, schemars::JsonSchema))]
pub struct AnswerEntry {
    /// The answer; null or absent while only a note is written.
    pub value: Option<AnswerValue>,
    /// A private note, plain text.
    #[cfg_attr(not(target_arch = "wasm32"), serde(skip_serializing_if = "Option::is_none"))]
    pub note: Option<String>,
}

/// A cloudtriage results file.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize, schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(title = "cloudtriage results file"))]
pub struct ResultsFile {
    /// Always "cloudtriage-results".
    #[cfg_attr(not(target_arch = "wasm32"), schemars(schema_with = "format_schema"))]
    pub format: &'static str,
    /// 1. A newer version is refused by older programs.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 1, max = 1)))]
    pub format_version: u32,
    pub questionnaire: QuestionnaireRef,
    /// When the file was written, RFC 3339.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(schema_with = "created_schema"))]
    pub created: String,
    pub context: Context,
    /// Question id to answer.
    pub answers: BTreeMap<String, AnswerEntry>,
    /// The scores at the time of writing, for reading; import recomputes them.
    pub report: Report,
}

#[cfg(not(target_arch = "wasm32"))]
fn format_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({ "type": "string", "const": FORMAT })
}

#[cfg(not(target_arch = "wasm32"))]
fn created_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({ "type": "string", "format": "date-time" })
}

/// Answers and notes as the assessment holds them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answers {
    pub values: BTreeMap<String, AnswerValue>,
    pub notes: BTreeMap<String, String>,
}

impl ResultsFile {
    /// A results file for the answers, with a freshly computed report.
    pub fn new(
        catalog: &Catalog,
        language: &str,
        created: String,
        context: &Context,
        answers: &Answers,
    ) -> ResultsFile {
        let report = score(&catalog.questionnaire, context, &answers.values);
        ResultsFile::with_report(catalog, language, created, context, answers, report)
    }

    /// A results file for the answers and their report, already computed by the caller
    /// (the widget scores once per change and shares the report with every writer).
    pub fn with_report(
        catalog: &Catalog,
        language: &str,
        created: String,
        context: &Context,
        answers: &Answers,
        report: Report,
    ) -> ResultsFile {
        let q = &catalog.questionnaire;
        let mut entries: BTreeMap<String, AnswerEntry> = BTreeMap::new();
        for (id, value) in &answers.values {
            entries.entry(id.clone()).or_insert(AnswerEntry { value: None, note: None }).value = Some(*value);
        }
        for (id, note) in answers.notes.iter().filter(|(_, n)| !n.trim().is_empty()) {
            entries.entry(id.clone()).or_insert(AnswerEntry { value: None, note: None }).note = Some(note.clone());
        }
        ResultsFile {
            format: FORMAT,
            format_version: FORMAT_VERSION,
            questionnaire: QuestionnaireRef {
                id: q.id.clone(),
                version: q.version.clone(),
                language: language.to_owned(),
            },
            created,
            context: context.clone(),
            answers: entries,
            report,
        }
    }

    /// A file listing every question that applies in the context, none answered.
    pub fn template(catalog: &Catalog, language: &str, created: String, context: &Context) -> ResultsFile {
        let mut file = ResultsFile::new(catalog, language, created, context, &Answers::default());
        for (_, question) in catalog.questionnaire.questions().filter(|(_, q)| q.applies_to(context)) {
            file.answers.insert(question.id.clone(), AnswerEntry { value: None, note: None });
        }
        file
    }

    /// The file as a JSON value.
    pub fn to_value(&self) -> Json {
        let answers = self
            .answers
            .iter()
            .map(|(id, entry)| {
                let mut members = vec![("value".to_owned(), entry.value.map_or(Json::Null, AnswerValue::to_json))];
                if let Some(note) = &entry.note {
                    members.push(("note".to_owned(), Json::str(note)));
                }
                (id.clone(), Json::Object(members))
            })
            .collect();
        let q = &self.questionnaire;
        object([
            ("format", Json::str(self.format)),
            ("format_version", Json::int(self.format_version)),
            (
                "questionnaire",
                object([
                    ("id", Json::str(&q.id)),
                    ("version", Json::str(&q.version)),
                    ("language", Json::str(&q.language)),
                ]),
            ),
            ("created", Json::str(&self.created)),
            ("context", self.context.to_json()),
            ("answers", Json::Object(answers)),
            ("report", self.report.to_json()),
        ])
    }

    /// The file as indented JSON text.
    pub fn to_json(&self) -> String {
        self.to_value().pretty()
    }
}

/// A file that passed import: everything needed to resume the assessment.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub language: String,
    pub created: String,
    pub questionnaire_version: String,
    pub context: Context,
    pub answers: Answers,
    /// Things the user should know; none of them stopped the import.
    pub warnings: Vec<ImportWarning>,
}

/// Something about an accepted file that the user should know.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportWarning {
    /// Answers to questions this questionnaire does not have were left out.
    UnknownQuestions { ids: Vec<String> },
    /// The file answers another version of the questionnaire.
    OtherQuestionnaireVersion { found: String, current: String },
    /// The file's language is not available here.
    UnknownLanguage { found: String },
    /// The report in the file did not match its answers; it was recomputed.
    ReportRecomputed,
    /// "Not applicable" was given where the question does not allow it; those answers were left out.
    NotApplicableDropped { ids: Vec<String> },
}

/// The kinds of JSON value, for messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    Object,
    Text,
    WholeNumber,
    List,
}

impl Expected {
    fn key(self) -> &'static str {
        match self {
            Expected::Object => "types.object",
            Expected::Text => "types.text",
            Expected::WholeNumber => "types.whole_number",
            Expected::List => "types.list",
        }
    }
}

/// Why a file cannot be imported. The current assessment is never touched by a failed import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    TooLarge { bytes: usize },
    Empty,
    Utf16,
    NotUtf8,
    NotJson { line: usize, column: usize },
    Truncated,
    TooDeep,
    DuplicateKey { key: String, line: usize },
    NotAnObject { found: &'static str },
    WrongFormat { found: String },
    MissingField { path: String },
    WrongType { path: String, expected: Expected, found: &'static str },
    FutureVersion { found: String },
    BadVersion { found: String },
    OtherQuestionnaire { found: String },
    BadDate { path: String, found: String },
    BadChoice { path: String, found: String, allowed: String },
    BadLevel { path: String, found: String },
    NoUseCase,
    NoteTooLong { path: String, length: usize },
    ControlCharacter { path: String, code: String },
}

impl ImportError {
    /// The message in a language, naming the field and what to do.
    pub fn message(&self, lang: &Language) -> String {
        use ImportError::*;
        let kind = |k: &str| lang.t(&format!("types.{k}")).to_owned();
        match self {
            TooLarge { bytes } => lang.fill(
                "errors.too_large",
                &[("size", &size_text(lang, *bytes)), ("limit", &size_text(lang, MAX_FILE_BYTES))],
            ),
            Empty => lang.t("errors.empty").to_owned(),
            Utf16 => lang.t("errors.utf16").to_owned(),
            NotUtf8 => lang.t("errors.not_utf8").to_owned(),
            NotJson { line, column } => {
                lang.fill("errors.not_json", &[("line", &line.to_string()), ("column", &column.to_string())])
            }
            Truncated => lang.t("errors.truncated").to_owned(),
            TooDeep => lang.t("errors.too_deep").to_owned(),
            DuplicateKey { key, line } => {
                lang.fill("errors.duplicate_key", &[("key", key), ("line", &line.to_string())])
            }
            NotAnObject { found } => lang.fill("errors.not_object", &[("found", &kind(found))]),
            WrongFormat { found } => lang.fill("errors.wrong_format", &[("found", found)]),
            MissingField { path } => lang.fill("errors.missing_field", &[("path", path)]),
            WrongType { path, expected, found } => lang.fill(
                "errors.wrong_type",
                &[("path", path), ("expected", lang.t(expected.key())), ("found", &kind(found))],
            ),
            FutureVersion { found } => {
                lang.fill("errors.future_version", &[("found", found), ("supported", &FORMAT_VERSION.to_string())])
            }
            BadVersion { found } => lang.fill("errors.bad_version", &[("found", found)]),
            OtherQuestionnaire { found } => lang.fill("errors.other_questionnaire", &[("found", found)]),
            BadDate { path, found } => lang.fill("errors.bad_date", &[("path", path), ("found", found)]),
            BadChoice { path, found, allowed } => {
                lang.fill("errors.bad_choice", &[("path", path), ("found", found), ("allowed", allowed)])
            }
            BadLevel { path, found } => lang.fill("errors.bad_level", &[("path", path), ("found", found)]),
            NoUseCase => lang.t("errors.no_use_case").to_owned(),
            NoteTooLong { path, length } => lang.fill(
                "errors.note_too_long",
                &[("path", path), ("length", &length.to_string()), ("limit", &MAX_NOTE_CHARS.to_string())],
            ),
            ControlCharacter { path, code } => lang.fill("errors.control_character", &[("path", path), ("code", code)]),
        }
    }
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Catalog::embedded().language("en")))
    }
}

impl std::error::Error for ImportError {}

impl ImportWarning {
    /// The message in a language.
    pub fn message(&self, lang: &Language) -> String {
        match self {
            ImportWarning::UnknownQuestions { ids } => {
                lang.fill("warnings.unknown_questions", &[("count", &ids.len().to_string()), ("ids", &ids.join(", "))])
            }
            ImportWarning::OtherQuestionnaireVersion { found, current } => {
                lang.fill("warnings.other_version", &[("found", found), ("current", current)])
            }
            ImportWarning::UnknownLanguage { found } => {
                lang.fill("warnings.unknown_language", &[("found", found), ("language", lang.name())])
            }
            ImportWarning::ReportRecomputed => lang.t("warnings.report_recomputed").to_owned(),
            ImportWarning::NotApplicableDropped { ids } => {
                lang.fill("warnings.na_dropped", &[("ids", &ids.join(", "))])
            }
        }
    }
}

/// A size such as "20.5 MB" or "1 MB" in the language's number format.
fn size_text(lang: &Language, bytes: usize) -> String {
    let mb = bytes as f64 / (1024.0 * 1024.0);
    let places = if mb.fract() == 0.0 { 0 } else { 1 };
    lang.fill("format.megabytes", &[("value", &lang.decimal(mb, places))])
}

/// Reads a results file. On success the answers are ready to replace the current ones; on failure nothing changes.
pub fn import(catalog: &Catalog, bytes: &[u8]) -> Result<Imported, ImportError> {
    let text = decode(bytes)?;
    let json = Json::parse(text).map_err(|e| match e {
        JsonError::Truncated => ImportError::Truncated,
        JsonError::Syntax { line, column } => ImportError::NotJson { line, column },
        JsonError::TooDeep => ImportError::TooDeep,
        JsonError::DuplicateKey { key, line } => ImportError::DuplicateKey { key, line },
    })?;
    Reader { catalog }.file(&json)
}

/// Checks size and encoding and returns the text without a UTF-8 byte-order mark.
fn decode(bytes: &[u8]) -> Result<&str, ImportError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge { bytes: bytes.len() });
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(ImportError::Utf16);
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    // UTF-16 without a byte-order mark: JSON text starts with an ASCII character, so one of the first two bytes is 0.
    if bytes.len() >= 2 && (bytes[0] == 0) != (bytes[1] == 0) {
        return Err(ImportError::Utf16);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| ImportError::NotUtf8)?;
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    Ok(text)
}

struct Reader<'a> {
    catalog: &'a Catalog,
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

impl Reader<'_> {
    fn field<'j>(&self, object: &'j Json, path: &str, key: &str) -> Result<&'j Json, ImportError> {
        object.get(key).ok_or_else(|| ImportError::MissingField { path: join(path, key) })
    }

    fn object<'j>(&self, value: &'j Json, path: &str) -> Result<&'j [(String, Json)], ImportError> {
        match value {
            Json::Object(members) => Ok(members),
            other => {
                Err(ImportError::WrongType { path: path.to_owned(), expected: Expected::Object, found: other.kind() })
            }
        }
    }

    fn text<'j>(&self, value: &'j Json, path: &str) -> Result<&'j str, ImportError> {
        match value {
            Json::String(s) => Ok(s),
            other => {
                Err(ImportError::WrongType { path: path.to_owned(), expected: Expected::Text, found: other.kind() })
            }
        }
    }

    fn text_field<'j>(&self, object: &'j Json, path: &str, key: &str) -> Result<&'j str, ImportError> {
        self.text(self.field(object, path, key)?, &join(path, key))
    }

    fn choice<T>(
        &self,
        object: &Json,
        key: &str,
        parse: fn(&str) -> Option<T>,
        allowed: String,
    ) -> Result<T, ImportError> {
        let path = join("context", key);
        let value = self.field(object, "context", key)?;
        let text = self.text(value, &path)?;
        parse(text).ok_or_else(|| ImportError::BadChoice { path, found: value.brief(), allowed })
    }

    fn file(&self, json: &Json) -> Result<Imported, ImportError> {
        if !matches!(json, Json::Object(_)) {
            return Err(ImportError::NotAnObject { found: json.kind() });
        }
        let format = self.field(json, "", "format")?;
        if format != &Json::String(FORMAT.into()) {
            return Err(ImportError::WrongFormat { found: format.brief() });
        }
        let version = self.field(json, "", "format_version")?;
        match (version, version.as_integer()) {
            (_, Some(v)) if v > i64::from(FORMAT_VERSION) => {
                return Err(ImportError::FutureVersion { found: version.brief() })
            }
            (_, Some(v)) if v == i64::from(FORMAT_VERSION) => {}
            (Json::Number(_), _) => return Err(ImportError::BadVersion { found: version.brief() }),
            (other, _) => {
                let path = "format_version".to_owned();
                return Err(ImportError::WrongType { path, expected: Expected::WholeNumber, found: other.kind() });
            }
        }

        let mut warnings = Vec::new();
        let questionnaire = self.field(json, "", "questionnaire")?;
        self.object(questionnaire, "questionnaire")?;
        let q = &self.catalog.questionnaire;
        let id = self.text_field(questionnaire, "questionnaire", "id")?;
        if id != q.id {
            return Err(ImportError::OtherQuestionnaire { found: Json::String(id.into()).brief() });
        }
        let version = self.text_field(questionnaire, "questionnaire", "version")?;
        if version != q.version {
            warnings
                .push(ImportWarning::OtherQuestionnaireVersion { found: version.into(), current: q.version.clone() });
        }
        let language = self.text_field(questionnaire, "questionnaire", "language")?;
        if !self.catalog.has_language(language) {
            warnings.push(ImportWarning::UnknownLanguage { found: language.into() });
        }

        let created = self.text_field(json, "", "created")?;
        if !super::time::is_rfc3339(created) {
            return Err(ImportError::BadDate { path: "created".into(), found: Json::String(created.into()).brief() });
        }

        let context = self.context(self.field(json, "", "context")?)?;
        let answers = self.answers(self.field(json, "", "answers")?, &mut warnings)?;

        if let Some(report) = json.get("report") {
            let recomputed = score(q, &context, &answers.values);
            if recomputed.to_json() != *report {
                warnings.push(ImportWarning::ReportRecomputed);
            }
        }

        Ok(Imported {
            language: language.to_owned(),
            created: created.to_owned(),
            questionnaire_version: version.to_owned(),
            context,
            answers,
            warnings,
        })
    }

    fn context(&self, value: &Json) -> Result<Context, ImportError> {
        self.object(value, "context")?;
        let list = self.field(value, "context", "use_cases")?;
        let Json::Array(items) = list else {
            let path = "context.use_cases".to_owned();
            return Err(ImportError::WrongType { path, expected: Expected::List, found: list.kind() });
        };
        let mut context = Context::default();
        for (i, item) in items.iter().enumerate() {
            let path = format!("context.use_cases.{i}");
            let text = self.text(item, &path)?;
            let use_case = UseCase::parse(text).ok_or_else(|| ImportError::BadChoice {
                path,
                found: item.brief(),
                allowed: UseCase::allowed(),
            })?;
            context.set_use_case(use_case, true);
        }
        if context.use_cases.is_empty() {
            return Err(ImportError::NoUseCase);
        }
        context.service_model = self.choice(value, "service_model", ServiceModel::parse, ServiceModel::allowed())?;
        context.deployment = self.choice(value, "deployment", Deployment::parse, Deployment::allowed())?;
        context.stage = self.choice(value, "stage", Stage::parse, Stage::allowed())?;
        context.org_size = self.choice(value, "org_size", OrgSize::parse, OrgSize::allowed())?;
        Ok(context)
    }

    fn answers(&self, value: &Json, warnings: &mut Vec<ImportWarning>) -> Result<Answers, ImportError> {
        let members = self.object(value, "answers")?;
        let q = &self.catalog.questionnaire;
        let mut answers = Answers::default();
        let (mut unknown, mut na_dropped) = (Vec::new(), Vec::new());
        for (id, entry) in members {
            let path = join("answers", id);
            self.object(entry, &path)?;
            let value = match entry.get("value") {
                None | Some(Json::Null) => None,
                Some(v) => Some(
                    answer_value(v)
                        .ok_or_else(|| ImportError::BadLevel { path: join(&path, "value"), found: v.brief() })?,
                ),
            };
            let note = match entry.get("note") {
                None | Some(Json::Null) => None,
                Some(n) => Some(self.note(n, &join(&path, "note"))?),
            };
            let Some(question) = q.question(id) else {
                unknown.push(id.clone());
                continue;
            };
            match value {
                Some(AnswerValue::NotApplicable) if !question.not_applicable => na_dropped.push(id.clone()),
                Some(v) => {
                    answers.values.insert(id.clone(), v);
                }
                None => {}
            }
            if let Some(note) = note.filter(|n| !n.trim().is_empty()) {
                answers.notes.insert(id.clone(), note);
            }
        }
        if !unknown.is_empty() {
            warnings.push(ImportWarning::UnknownQuestions { ids: unknown });
        }
        if !na_dropped.is_empty() {
            warnings.push(ImportWarning::NotApplicableDropped { ids: na_dropped });
        }
        Ok(answers)
    }

    fn note(&self, value: &Json, path: &str) -> Result<String, ImportError> {
        let text = self.text(value, path)?;
        let length = text.chars().count();
        if length > MAX_NOTE_CHARS {
            return Err(ImportError::NoteTooLong { path: path.to_owned(), length });
        }
        if let Some(c) = text.chars().find(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')) {
            return Err(ImportError::ControlCharacter {
                path: path.to_owned(),
                code: format!("U+{:04X}", u32::from(c)),
            });
        }
        Ok(text.to_owned())
    }
}

/// An answer as written in a file: 0-4, "na" or "unknown".
fn answer_value(value: &Json) -> Option<AnswerValue> {
    match value {
        Json::Number(_) => {
            value.as_integer().and_then(|i| u8::try_from(i).ok()).and_then(Level::new).map(AnswerValue::Level)
        }
        Json::String(s) if s == "na" => Some(AnswerValue::NotApplicable),
        Json::String(s) if s == "unknown" => Some(AnswerValue::Unknown),
        _ => None,
    }
}
