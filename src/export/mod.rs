//! Exports: an assessment as documents other tools open, behind the cargo
//! feature `exports` (the command-line tool and the widget's on-demand export
//! module turn it on; the widget's main module never carries it).
//!
//! Each export is built in two steps: a builder turns the assessment into one
//! of two neutral shapes ([`document::Document`] for reports,
//! [`document::Workbook`] for tables), and a writer turns the shape into
//! bytes (`docx`, `markdown`, `xlsx`, `csv`). A new document, such as a
//! procurement pack, needs only a builder; it gets every writer.

pub mod csv;
pub mod document;
pub mod docx;
pub mod markdown;
pub mod procurement;
pub mod remediation;
pub mod xlsx;

use crate::core::catalog::Catalog;
use crate::core::i18n::Language;
use crate::core::results::{self, ImportError};

/// A file format an export can be written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// An Excel workbook: action plan, answers and summary sheets.
    Xlsx,
    /// The action plan as comma-separated values.
    Csv,
    /// The report as an editable Word document.
    Docx,
    /// The report as Markdown text.
    Markdown,
}

impl Format {
    /// Every format, in the order menus offer them.
    pub const ALL: [Format; 4] = [Format::Xlsx, Format::Csv, Format::Docx, Format::Markdown];

    /// The identifier on the command line and in the widget: `xlsx`, `csv`, `docx`, `md`.
    pub fn as_str(self) -> &'static str {
        self.extension()
    }

    /// Reads an identifier (case-insensitive).
    pub fn parse(text: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.as_str().eq_ignore_ascii_case(text.trim()))
    }

    /// The file name extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Xlsx => "xlsx",
            Format::Csv => "csv",
            Format::Docx => "docx",
            Format::Markdown => "md",
        }
    }

    /// The media type, for the browser's download.
    pub fn mime(self) -> &'static str {
        match self {
            Format::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Format::Csv => "text/csv;charset=utf-8",
            Format::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Format::Markdown => "text/markdown;charset=utf-8",
        }
    }

    /// The message for a format that does not exist, in a language.
    pub fn unknown_message(lang: &Language, found: &str) -> String {
        ExportError::UnknownFormat(found.to_owned()).message(lang)
    }
}

/// One export ready to be saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Export {
    /// A file name in the export's language, with the assessment's date.
    pub file_name: String,
    /// The media type.
    pub mime: &'static str,
    /// The file's bytes.
    pub bytes: Vec<u8>,
}

/// Why an export could not be made. Nothing the user had is touched by a failed export.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExportError {
    /// The results file cannot be read.
    Import(ImportError),
    /// The format asked for does not exist.
    UnknownFormat(String),
    /// The language asked for does not exist.
    UnknownLanguage(String),
    /// The writer failed (a limit of the file format was reached).
    Write { format: Format, detail: String },
}

impl ExportError {
    /// The message in a language.
    pub fn message(&self, lang: &Language) -> String {
        match self {
            ExportError::Import(e) => e.message(lang),
            ExportError::UnknownFormat(found) => {
                let allowed = Format::ALL.map(Format::as_str).join(", ");
                lang.fill("export.unknown_format", &[("found", found), ("allowed", &allowed)])
            }
            ExportError::UnknownLanguage(found) => {
                let allowed = Catalog::embedded().codes().collect::<Vec<_>>().join(", ");
                lang.fill("export.unknown_language", &[("found", found), ("allowed", &allowed)])
            }
            ExportError::Write { format, detail } => {
                lang.fill("export.write_failed", &[("format", &format.as_str().to_uppercase()), ("detail", detail)])
            }
        }
    }
}

/// The language of an export: the one asked for, else the file's, else the fallback.
fn language<'a>(catalog: &'a Catalog, asked: Option<&str>, file: &str) -> Result<&'a Language, ExportError> {
    match asked {
        Some(code) if !catalog.has_language(code) => Err(ExportError::UnknownLanguage(code.to_owned())),
        Some(code) => Ok(catalog.language(code)),
        None => Ok(catalog.language(if catalog.has_language(file) {
            file
        } else {
            crate::core::catalog::FALLBACK_LANGUAGE
        })),
    }
}

/// Writes a workbook or a document in a format. CSV takes the workbook's first sheet's first table.
pub fn write(
    format: Format,
    book: impl FnOnce() -> document::Workbook,
    doc: impl FnOnce() -> document::Document,
    created: &str,
) -> Result<Vec<u8>, ExportError> {
    let failed = |detail: String| ExportError::Write { format, detail };
    match format {
        Format::Xlsx => xlsx::write(&book()).map_err(|e| failed(e.to_string())),
        Format::Csv => {
            let book = book();
            let table = book.sheets.first().and_then(|s| s.tables.first()).ok_or_else(|| failed("no table".into()))?;
            Ok(csv::write(table))
        }
        Format::Docx => docx::write(&doc(), created).map_err(failed),
        Format::Markdown => Ok(markdown::write(&doc()).into_bytes()),
    }
}

/// The remediation export of a results file (its bytes) in a format and a
/// language (`None`: the file's own). The report is recomputed from the answers.
pub fn export_results(
    catalog: &Catalog,
    bytes: &[u8],
    format: Format,
    lang: Option<&str>,
) -> Result<Export, ExportError> {
    let imported = results::import(catalog, bytes).map_err(ExportError::Import)?;
    let words = language(catalog, lang, &imported.language)?;
    let assessment = remediation::Assessment::new(catalog, words, imported);
    let created = assessment.imported.created.clone();
    let bytes = write(format, || remediation::workbook(&assessment), || remediation::report(&assessment), &created)?;
    let name_key = match format {
        Format::Xlsx | Format::Csv => "export.file_plan",
        Format::Docx | Format::Markdown => "export.file_report",
    };
    let stem = words.fill(name_key, &[("date", &assessment.day())]);
    Ok(Export { file_name: format!("{stem}.{}", format.extension()), mime: format.mime(), bytes })
}
