//! Messages shown at the top of the widget, kept as data so that they are
//! rendered in whatever language the user reads when they look.

use crate::core::i18n::Language;
use crate::core::results::{ImportError, ImportWarning};

/// How a notice is announced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    /// Something went wrong; announced assertively (`role="alert"`).
    Error,
    /// Worth knowing; announced politely.
    Warning,
    /// A confirmation; announced politely.
    Success,
}

/// What a notice says.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    ImportFailed(ImportError),
    ImportWarning(ImportWarning),
    Imported {
        answered: usize,
    },
    Compared {
        created: String,
    },
    Downloaded {
        file: String,
    },
    DownloadFailed,
    ReadFailed,
    StorageUnavailable,
    StorageFull,
    StoredCorrupt(ImportError),
    Erased,
    /// The words of the language chosen could not be loaded.
    LanguageUnavailable,
    /// An export was downloaded.
    Exported {
        file: String,
    },
    /// The export module could not be loaded.
    ExportUnavailable,
    /// The export module refused; the reason is already in the user's language.
    ExportFailed {
        reason: String,
    },
}

impl Notice {
    /// How the notice is announced and styled.
    pub fn severity(&self) -> Severity {
        match self {
            Notice::ImportFailed(_)
            | Notice::DownloadFailed
            | Notice::ReadFailed
            | Notice::LanguageUnavailable
            | Notice::ExportUnavailable
            | Notice::ExportFailed { .. } => Severity::Error,
            Notice::StorageUnavailable | Notice::StorageFull | Notice::StoredCorrupt(_) | Notice::ImportWarning(_) => {
                Severity::Warning
            }
            Notice::Imported { .. }
            | Notice::Compared { .. }
            | Notice::Downloaded { .. }
            | Notice::Erased
            | Notice::Exported { .. } => Severity::Success,
        }
    }

    /// The text in a language.
    pub fn text(&self, lang: &Language) -> String {
        match self {
            Notice::ImportFailed(e) => lang.fill("notices.import_failed", &[("reason", &e.message(lang))]),
            Notice::ImportWarning(w) => w.message(lang),
            Notice::Imported { answered } => lang.fill("toolbar.imported", &[("answered", &answered.to_string())]),
            Notice::Compared { created } => lang.fill("toolbar.compared", &[("date", &lang.date(created))]),
            Notice::Downloaded { file } => lang.fill("toolbar.downloaded", &[("file", file)]),
            Notice::DownloadFailed => lang.t("notices.download_failed").to_owned(),
            Notice::ReadFailed => lang.t("notices.read_failed").to_owned(),
            Notice::StorageUnavailable => lang.t("notices.storage_unavailable").to_owned(),
            Notice::StorageFull => lang.t("notices.storage_full").to_owned(),
            Notice::StoredCorrupt(e) => lang.fill("notices.stored_corrupt", &[("reason", &e.message(lang))]),
            Notice::Erased => lang.t("toolbar.erased").to_owned(),
            Notice::LanguageUnavailable => lang.t("notices.language_unavailable").to_owned(),
            Notice::Exported { file } => lang.fill("export.done", &[("file", file)]),
            Notice::ExportUnavailable => lang.t("export.load_failed").to_owned(),
            Notice::ExportFailed { reason } => lang.fill("export.failed", &[("reason", reason)]),
        }
    }
}
