//! Messages shown at the top of the widget, kept as data so that they are
//! rendered in whatever language the user reads when they look.

use crate::core::i18n::Language;
#[cfg(feature = "full")]
use crate::core::merge::{MergeError, MergeSummary};
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

/// What a notice says. (The team's and the agency's come from the whole widget only, feature `full`.)
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(not(feature = "full"), allow(dead_code))]
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
    /// Files were merged into the assessment.
    #[cfg(feature = "full")]
    Merged(MergeSummary),
    /// The chosen files could not be merged; nothing changed.
    #[cfg(feature = "full")]
    MergeFailed(MergeError),
    /// A respondent's file was offered for download.
    #[cfg(feature = "full")]
    RespondentFile {
        file: String,
    },
    /// The evidence file could not be read or hashed.
    #[cfg(feature = "full")]
    HashFailed,
    /// The whole widget (the team's screens) could not be loaded.
    UpgradeFailed,
    /// A target profile or benchmark the page named is not used.
    #[cfg(feature = "full")]
    Agency(crate::web::agency::AgencyProblem),
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
            | Notice::ExportFailed { .. }
            | Notice::UpgradeFailed => Severity::Error,
            #[cfg(feature = "full")]
            Notice::MergeFailed(_) | Notice::HashFailed | Notice::Agency(_) => Severity::Error,
            Notice::StorageUnavailable | Notice::StorageFull | Notice::StoredCorrupt(_) | Notice::ImportWarning(_) => {
                Severity::Warning
            }
            Notice::Imported { .. }
            | Notice::Compared { .. }
            | Notice::Downloaded { .. }
            | Notice::Erased
            | Notice::Exported { .. } => Severity::Success,
            #[cfg(feature = "full")]
            Notice::RespondentFile { .. } => Severity::Success,
            // Open disagreements are worth a look before anything else.
            #[cfg(feature = "full")]
            Notice::Merged(s) if s.open_conflicts > 0 || s.context_differs => Severity::Warning,
            #[cfg(feature = "full")]
            Notice::Merged(_) => Severity::Success,
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
            Notice::Exported { file } => lang.fill("export_menu.done", &[("file", file)]),
            Notice::ExportUnavailable => lang.t("export_menu.load_failed").to_owned(),
            Notice::ExportFailed { reason } => lang.fill("export_menu.failed", &[("reason", reason)]),
            #[cfg(feature = "full")]
            Notice::Merged(s) => {
                let n = |v: usize| v.to_string();
                let mut text = lang.fill(
                    "team.merge_summary",
                    &[
                        ("files", &n(s.files)),
                        ("respondents", &n(s.respondents)),
                        ("answered", &n(s.answered)),
                        ("agreed", &n(s.agreed)),
                        ("open", &n(s.open_conflicts)),
                        ("resolved", &n(s.resolved_conflicts)),
                    ],
                );
                if s.context_differs {
                    text = format!("{text} {}", lang.t("team.context_differs"));
                }
                text
            }
            #[cfg(feature = "full")]
            Notice::MergeFailed(e) => lang.fill("team.merge_failed", &[("reason", &e.message(lang))]),
            #[cfg(feature = "full")]
            Notice::RespondentFile { file } => lang.fill("team.respondent_downloaded", &[("file", file)]),
            #[cfg(feature = "full")]
            Notice::HashFailed => lang.t("evidence.error_hash").to_owned(),
            Notice::UpgradeFailed => lang.t("notices.team_unavailable").to_owned(),
            #[cfg(feature = "full")]
            Notice::Agency(problem) => problem.text(lang),
        }
    }
}
