//! What import tells the user: why a file was refused, and what they should
//! know about a file that was accepted, in the user's language.

use super::format::{FORMAT_VERSION, MAX_FILE_BYTES, MAX_NOTE_CHARS};
use crate::core::catalog::Catalog;
use crate::core::i18n::Language;

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
    /// The file used an older format version; it was read into the current one with nothing lost.
    OlderFormat { found: u32 },
    /// A question changed, split or was added since the questionnaire version the file answers.
    QuestionChanged { question: String, notice: crate::core::changes::Notice, found: String, current: String },
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
    WrongFormat {
        found: String,
    },
    MissingField {
        path: String,
    },
    WrongType {
        path: String,
        expected: Expected,
        found: &'static str,
    },
    FutureVersion {
        found: String,
    },
    BadVersion {
        found: String,
    },
    OtherQuestionnaire {
        found: String,
    },
    BadDate {
        path: String,
        found: String,
    },
    BadChoice {
        path: String,
        found: String,
        allowed: String,
    },
    BadLevel {
        path: String,
        found: String,
    },
    NoUseCase,
    NoteTooLong {
        path: String,
        length: usize,
    },
    ControlCharacter {
        path: String,
        code: String,
    },
    /// A label or evidence text longer than its limit.
    TooLong {
        path: String,
        length: usize,
        limit: usize,
    },
    /// A label or title that is empty.
    EmptyText {
        path: String,
    },
    /// More entries than a list may hold.
    TooMany {
        path: String,
        count: usize,
        limit: usize,
    },
    /// A SHA-256 that is not 64 hexadecimal digits.
    BadHash {
        path: String,
        found: String,
    },
    /// A calendar date that is not `YYYY-MM-DD`.
    BadDay {
        path: String,
        found: String,
    },
    /// The same respondent twice in one list.
    DuplicateRespondent {
        path: String,
        label: String,
    },
    /// A conflict with fewer than two different answers.
    NotAConflict {
        path: String,
    },
    /// A resolution choosing a respondent whose answer is not among the conflict's answers.
    ResolutionNotAmongAnswers {
        path: String,
        found: String,
    },
    /// A resolved conflict whose answer differs from the resolution.
    ResolutionMismatch {
        path: String,
    },
    /// A disagreement recorded on a question this questionnaire does not have.
    ConflictOnUnknownQuestion {
        id: String,
    },
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
            TooLong { path, length, limit } => lang.fill(
                "errors.too_long",
                &[("path", path), ("length", &length.to_string()), ("limit", &limit.to_string())],
            ),
            EmptyText { path } => lang.fill("errors.empty_text", &[("path", path)]),
            TooMany { path, count, limit } => lang.fill(
                "errors.too_many",
                &[("path", path), ("count", &count.to_string()), ("limit", &limit.to_string())],
            ),
            BadHash { path, found } => lang.fill("errors.bad_hash", &[("path", path), ("found", found)]),
            BadDay { path, found } => lang.fill("errors.bad_day", &[("path", path), ("found", found)]),
            DuplicateRespondent { path, label } => {
                lang.fill("errors.duplicate_respondent", &[("path", path), ("label", label)])
            }
            NotAConflict { path } => lang.fill("errors.not_a_conflict", &[("path", path)]),
            ResolutionNotAmongAnswers { path, found } => {
                lang.fill("errors.resolution_not_among_answers", &[("path", path), ("found", found)])
            }
            ResolutionMismatch { path } => lang.fill("errors.resolution_mismatch", &[("path", path)]),
            ConflictOnUnknownQuestion { id } => lang.fill("errors.conflict_unknown_question", &[("id", id)]),
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
            ImportWarning::QuestionChanged { question, notice, found, current } => {
                notice.message(lang, question, found, current)
            }
            ImportWarning::OlderFormat { found } => lang.fill(
                "warnings.older_format",
                &[("found", &found.to_string()), ("current", &FORMAT_VERSION.to_string())],
            ),
        }
    }
}

/// A size such as "20.5 MB" or "1 MB" in the language's number format.
pub(super) fn size_text(lang: &Language, bytes: usize) -> String {
    let mb = bytes as f64 / (1024.0 * 1024.0);
    let places = if mb.fract() == 0.0 { 0 } else { 1 };
    lang.fill("format.megabytes", &[("value", &lang.decimal(mb, places))])
}
