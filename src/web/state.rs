//! The shell's state: the core's [`Assessment`] plus what only the page
//! needs (notices, the storage switch, pending confirmations). `reduce` is
//! pure; effects live in the hooks (`web/hooks/`).

use std::rc::Rc;

use yew::{Reducible, UseReducerDispatcher};

use super::files::Purpose;
use super::notice::Notice;
use super::upgrade::Action;
use crate::core::assessment::{Assessment, Event, Page};
use crate::core::crosswalk::Framework;
#[cfg(feature = "full")]
use crate::core::merge::{merge, MergeInput, MergeSummary};
use crate::core::results::{self, ImportError, Imported, ResultsFile};
use crate::core::score::Report;
use crate::core::Catalog;

/// What components send messages through; stable across renders.
pub type Dispatch = UseReducerDispatcher<Model>;

/// The report of one state of the context and answers, scored the first time
/// something reads it (`Deref`): the results page, the stored copy, a download
/// or an export. Answering on a domain page, which shows no score, does not
/// score at all. Two are equal when they are the same one: a new one is made
/// only when what it scores changes (`hooks::use_scored`).
pub struct Scored(std::cell::LazyCell<Report, Box<dyn FnOnce() -> Report>>);

impl Scored {
    pub fn new(score: impl FnOnce() -> Report + 'static) -> Scored {
        Scored(std::cell::LazyCell::new(Box::new(score)))
    }
}

impl std::ops::Deref for Scored {
    type Target = Report;
    fn deref(&self) -> &Report {
        &self.0
    }
}

impl PartialEq for Scored {
    fn eq(&self, other: &Scored) -> bool {
        std::ptr::eq(self, other)
    }
}

/// The views of the results page, shown as tabs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResultsTab {
    /// Indices, domains, action plan.
    Overview,
    /// The crosswalk of one framework.
    ByFramework,
}

/// Everything the widget shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    pub assessment: Assessment,
    /// Notices with their ids, newest last.
    pub notices: Vec<(u32, Notice)>,
    next_notice: u32,
    /// Whether answers are kept in this browser's storage.
    pub remember: bool,
    /// Whether the erase confirmation is open.
    pub confirm_erase: bool,
    /// Set when the user asked to print; the app prints after the results render.
    pub print_requested: bool,
    /// Counts page changes, so focus moves to the new page's heading.
    pub page_turns: u32,
    /// A question to bring into view after the next page change, instead of the heading.
    pub focus_question: Option<String>,
    /// Files chosen for merging, in the order chosen (the merge does not depend on it).
    pub merge_files: Vec<MergeFile>,
    /// The tab shown on the results page (printing prints the tab shown).
    pub results_tab: ResultsTab,
    /// The framework the "By framework" tab shows; kept while the user moves between pages.
    pub framework: Framework,
    /// The whole widget has been asked for (`web::upgrade`): what for, and a
    /// file to open there. Only the first module sets it.
    pub upgrading: Option<Upgrade>,
}

/// A request for the whole widget, numbered so that asking again after a failure is a change.
#[derive(Clone, Debug, PartialEq)]
pub struct Upgrade {
    pub action: Action,
    /// For [`Action::Import`] and [`Action::Compare`]: the text of the file.
    pub file: Option<String>,
    pub attempt: u32,
}

/// A file chosen for merging: its name, what import read or why it cannot,
/// and the label typed for a file that names no respondent.
#[derive(Clone, Debug, PartialEq)]
pub struct MergeFile {
    pub name: String,
    pub imported: Result<Box<Imported>, ImportError>,
    pub label: String,
}

impl MergeFile {
    /// Whether the file names a respondent of its own or answers only with labels.
    #[cfg_attr(not(feature = "full"), allow(dead_code))]
    pub fn needs_label(&self) -> bool {
        self.imported.as_ref().is_ok_and(|i| {
            i.team.respondent.is_none()
                && i.answers.values.keys().chain(i.answers.notes.keys()).any(|id| {
                    !i.answers.respondents.contains_key(id)
                        && !i.answers.conflicts.contains_key(id)
                        && !i.answers.responses.contains_key(id)
                })
        })
    }
}

/// What can happen to the model. (Merging is the whole widget's only, feature `full`.)
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(not(feature = "full"), allow(dead_code))]
pub enum Msg {
    /// A change to the assessment itself.
    Core(Event),
    Notify(Notice),
    Dismiss(u32),
    SetRemember(bool),
    AskErase,
    CancelErase,
    /// Erase confirmed: answers, notes, comparison and stored copy.
    Erase,
    /// The bytes of a file the user picked or dropped, to import for a purpose.
    Read(Purpose, Vec<u8>),
    /// A results file was imported for resuming.
    Imported(Result<Box<Imported>, ImportError>),
    /// A results file was imported for comparison.
    Baseline(Result<Box<Imported>, ImportError>),
    Print,
    PrintDone,
    /// Open the domain page of a question and bring the question into view.
    ShowQuestion(String),
    /// A file chosen for merging was read.
    MergeRead {
        name: String,
        bytes: Vec<u8>,
    },
    /// Take a chosen file off the merge list.
    MergeDrop(usize),
    /// The respondent label for a file on the merge list that names none.
    MergeLabel(usize, String),
    /// Merge the files on the list into the assessment, replacing it.
    MergeRun,
    /// Switch the results page to a tab.
    ShowResultsTab(ResultsTab),
    /// Choose the framework of the "By framework" tab.
    ChooseFramework(Framework),
    /// Ask for the whole widget (the first module has no screen for this).
    #[cfg_attr(feature = "full", allow(dead_code))]
    Upgrade(Action),
    /// The whole widget could not be loaded: say so, keep everything.
    UpgradeFailed,
}

/// Reads a results file: in the first module as one person's copy
/// ([`results::import_solo`]), which leaves a team's file unread for the whole
/// widget (`None`; src/web/upgrade.rs); in the whole widget, every file.
pub fn read(bytes: &[u8]) -> Option<Result<Box<Imported>, ImportError>> {
    let catalog = Catalog::embedded();
    if cfg!(feature = "full") {
        return Some(results::import(catalog, bytes).map(Box::new));
    }
    match results::import_solo(catalog, bytes) {
        Ok(results::Solo::Imported(imported)) => Some(Ok(imported)),
        Ok(results::Solo::Team) => None,
        Err(e) => Some(Err(e)),
    }
}

/// Applies an event to an assessment: in the first module as one person's copy
/// ([`Assessment::apply_solo`]), which leaves the team's rules to the whole
/// widget (src/web/upgrade.rs).
pub fn apply(assessment: &mut Assessment, event: Event) {
    let q = &Catalog::embedded().questionnaire;
    if cfg!(feature = "full") {
        assessment.apply(q, event);
    } else {
        assessment.apply_solo(q, event);
    }
}

impl Model {
    /// A model around an assessment.
    pub fn new(assessment: Assessment, remember: bool) -> Model {
        Model {
            assessment,
            notices: Vec::new(),
            next_notice: 1,
            remember,
            confirm_erase: false,
            print_requested: false,
            page_turns: 0,
            focus_question: None,
            merge_files: Vec::new(),
            results_tab: ResultsTab::Overview,
            framework: Framework::Nis2,
            upgrading: None,
        }
    }

    /// Adds a notice unless the same one is already shown.
    pub fn notify(&mut self, notice: Notice) {
        if self.notices.iter().any(|(_, n)| *n == notice) {
            return;
        }
        self.notices.push((self.next_notice, notice));
        self.next_notice += 1;
    }

    /// The results file of the current answers, written at `now` (seconds since 1970 UTC),
    /// with the report already computed for them.
    pub fn results_file(&self, now: i64, report: &Report) -> ResultsFile {
        let a = &self.assessment;
        let created = crate::core::time::rfc3339(now);
        let file =
            ResultsFile::with_report(Catalog::embedded(), &a.language, created, &a.context, &a.answers, report.clone())
                .with_team(&a.team);
        crate::web::agency::record_profile(file)
    }

    fn apply(&mut self, event: Event) {
        let before = self.assessment.page.clone();
        self.focus_question = None;
        apply(&mut self.assessment, event);
        if self.assessment.page != before {
            self.page_turns += 1;
        }
    }

    /// Applies a message; the old model is kept for comparison by Yew.
    pub fn update(&mut self, msg: Msg) {
        match msg {
            // The first module has no team page, procurement page or framework table: it asks for the whole widget.
            Msg::Core(Event::Go(Page::Team)) if !cfg!(feature = "full") => self.upgrade(Action::Team, None),
            Msg::Core(Event::Go(Page::Procurement)) if !cfg!(feature = "full") => {
                self.upgrade(Action::Procurement, None)
            }
            Msg::ShowResultsTab(ResultsTab::ByFramework) if !cfg!(feature = "full") => {
                self.upgrade(Action::Frameworks, None)
            }
            Msg::Core(action) => self.apply(action),
            Msg::Notify(n) => self.notify(n),
            Msg::Dismiss(id) => self.notices.retain(|(i, _)| *i != id),
            Msg::SetRemember(on) => self.remember = on,
            Msg::AskErase => self.confirm_erase = true,
            Msg::CancelErase => self.confirm_erase = false,
            Msg::Erase => {
                self.apply(Event::Erase);
                self.remember = false;
                self.confirm_erase = false;
                self.notices.clear();
                self.notify(Notice::Erased);
            }
            Msg::Read(purpose, bytes) => {
                let result = read(&bytes);
                // A team's file opens in the whole widget, and a comparison is shown there: it imports them itself.
                let handed = match (purpose, &result) {
                    (Purpose::Resume, None) => Some(Action::Import),
                    (Purpose::Compare, None | Some(Ok(_))) => Some(Action::Compare),
                    _ => None,
                };
                if let Some(action) = handed.filter(|_| !cfg!(feature = "full")) {
                    self.upgrade(action, Some(String::from_utf8_lossy(&bytes).into_owned()));
                    return;
                }
                // Only the first module leaves a file unread, and it has handed it over above.
                let Some(result) = result else { return };
                self.update(match purpose {
                    Purpose::Resume => Msg::Imported(result),
                    Purpose::Compare => Msg::Baseline(result),
                });
            }
            Msg::Imported(Ok(imported)) => {
                let answered = imported.answers.values.len();
                let warnings = imported.warnings.clone();
                self.notices.retain(|(_, n)| !matches!(n, Notice::ImportFailed(_)));
                self.apply(Event::Restore(imported));
                self.notify(Notice::Imported { answered });
                warnings.into_iter().for_each(|w| self.notify(Notice::ImportWarning(w)));
            }
            Msg::Baseline(Ok(imported)) => {
                let created = imported.created.clone();
                self.notices.retain(|(_, n)| !matches!(n, Notice::ImportFailed(_)));
                self.apply(Event::SetBaseline(imported));
                self.notify(Notice::Compared { created });
            }
            Msg::Imported(Err(e)) | Msg::Baseline(Err(e)) => self.notify(Notice::ImportFailed(e)),
            Msg::Print => {
                // The procurement pack prints itself; every other page prints the results.
                if self.assessment.page != Page::Procurement {
                    self.apply(Event::Go(Page::Results));
                }
                self.print_requested = matches!(self.assessment.page, Page::Results | Page::Procurement);
            }
            Msg::PrintDone => self.print_requested = false,
            #[cfg(feature = "full")]
            Msg::MergeRead { name, bytes } => {
                let imported = results::import(Catalog::embedded(), &bytes).map(Box::new);
                self.merge_files.push(MergeFile { name, imported, label: String::new() });
            }
            // Merging is the team page's, which only the whole widget has.
            #[cfg(not(feature = "full"))]
            Msg::MergeRead { .. } => {}
            Msg::MergeDrop(index) => {
                if index < self.merge_files.len() {
                    self.merge_files.remove(index);
                }
            }
            Msg::MergeLabel(index, label) => {
                if let Some(file) = self.merge_files.get_mut(index) {
                    file.label = label;
                }
            }
            #[cfg(feature = "full")]
            Msg::MergeRun => {
                let inputs: Vec<MergeInput> = self
                    .merge_files
                    .iter()
                    .filter_map(|f| {
                        let imported = f.imported.as_ref().ok()?;
                        let label = crate::core::assessment::clean_label(&f.label);
                        Some(MergeInput { name: f.name.clone(), imported: (**imported).clone(), label })
                    })
                    .collect();
                match merge(Catalog::embedded(), &inputs) {
                    Ok(merged) => {
                        let summary = MergeSummary::of(inputs.len(), &merged);
                        self.merge_files.clear();
                        self.notices.retain(|(_, n)| !matches!(n, Notice::MergeFailed(_)));
                        self.apply(Event::Restore(Box::new(merged)));
                        self.apply(Event::Go(Page::Results));
                        self.notify(Notice::Merged(summary));
                    }
                    Err(e) => self.notify(Notice::MergeFailed(e)),
                }
            }
            // Merging is the team page's, which only the whole widget has.
            #[cfg(not(feature = "full"))]
            Msg::MergeRun => {}
            Msg::ShowQuestion(id) => {
                let q = &Catalog::embedded().questionnaire;
                if let Some(domain) = q.domain_of(&id) {
                    self.apply(Event::Go(Page::Domain(domain.id.clone())));
                    self.page_turns += 1;
                    self.focus_question = Some(id);
                }
            }
            Msg::ShowResultsTab(tab) => self.results_tab = tab,
            Msg::ChooseFramework(framework) => self.framework = framework,
            Msg::Upgrade(action) => self.upgrade(action, None),
            Msg::UpgradeFailed => {
                self.upgrading = None;
                self.notify(Notice::UpgradeFailed);
            }
        }
    }

    fn upgrade(&mut self, action: Action, file: Option<String>) {
        let attempt = self.upgrading.as_ref().map_or(0, |u| u.attempt + 1);
        self.notices.retain(|(_, n)| *n != Notice::UpgradeFailed);
        self.upgrading = Some(Upgrade { action, file, attempt });
    }
}

impl Reducible for Model {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let mut next = (*self).clone();
        next.update(msg);
        Rc::new(next)
    }
}
