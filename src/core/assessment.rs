//! The assessment as a state machine: the user's events applied by a pure
//! function, and the view models the interface renders.

use std::rc::Rc;

use super::answer::AnswerValue;
use super::context::{Context, Deployment, OrgSize, ServiceModel, Stage, UseCase};
use super::model::{Domain, Questionnaire};
use super::results::{Answers, Imported, Team, MAX_NOTE_CHARS};
use super::score::{score, Report};

/// Where the user is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Page {
    Welcome,
    Context,
    /// A domain page, by domain id.
    Domain(String),
    Results,
    /// Comparison with an earlier results file.
    Compare,
}

/// Something the interface should tell the user about their last action.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The context step needs at least one use case before the questions can start.
    ChooseUseCase,
}

/// An earlier assessment to compare against.
#[derive(Clone, Debug, PartialEq)]
pub struct Baseline {
    pub created: String,
    pub context: Context,
    pub answers: Answers,
    /// Its report, computed once when it is set: the answers do not change, every render reuses it.
    pub report: Rc<Report>,
}

/// Answered and applicable questions of one domain. A question counts as answered
/// with a level, "don't know", or "not applicable" where the question allows it.
pub fn domain_progress(q: &Questionnaire, domain: &Domain, ctx: &Context, answers: &Answers) -> (usize, usize) {
    q.applicable(domain, ctx).fold((0, 0), |(answered, applicable), item| {
        let done = match answers.values.get(&item.id) {
            Some(AnswerValue::NotApplicable) => item.not_applicable,
            Some(_) => true,
            None => false,
        };
        (answered + usize::from(done), applicable + 1)
    })
}

/// Everything the user has said, and where they are.
#[derive(Clone, Debug, PartialEq)]
pub struct Assessment {
    pub context: Context,
    pub answers: Answers,
    pub page: Page,
    /// The language the user reads; answers do not depend on it.
    pub language: String,
    pub problem: Option<Problem>,
    pub baseline: Option<Baseline>,
    /// The respondents of a team assessment; empty when one person answers.
    pub team: Team,
}

/// What the user can do.
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    SetUseCase(UseCase, bool),
    SetServiceModel(ServiceModel),
    SetDeployment(Deployment),
    SetStage(Stage),
    SetOrgSize(OrgSize),
    /// Answer a question; `None` clears the answer.
    Answer {
        question: String,
        value: Option<AnswerValue>,
    },
    /// Write the private note of a question.
    Note {
        question: String,
        text: String,
    },
    Go(Page),
    /// Go where the user left off: the first domain with an open question, else the results.
    Resume,
    Next,
    Previous,
    SetLanguage(String),
    /// Replace everything with an imported file (the language stays the user's).
    Restore(Box<Imported>),
    /// Compare the current answers with an imported earlier file.
    SetBaseline(Box<Imported>),
    ClearBaseline,
    /// Forget every answer and start again.
    Erase,
}

/// One entry of the domain navigation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NavItem {
    pub domain: String,
    pub applicable: usize,
    pub answered: usize,
    pub current: bool,
}

impl NavItem {
    /// Whether every applicable question of the domain is answered.
    pub fn complete(&self) -> bool {
        self.answered == self.applicable
    }
}

impl Assessment {
    /// A fresh assessment on the welcome page.
    pub fn new(language: &str) -> Assessment {
        Assessment {
            context: Context::default(),
            answers: Answers::default(),
            page: Page::Welcome,
            language: language.to_owned(),
            problem: None,
            baseline: None,
            team: Team::default(),
        }
    }

    /// Imports a results file and, only if it is valid, replaces the answers with it.
    /// A file that cannot be imported leaves the assessment exactly as it was.
    pub fn try_restore(
        &mut self,
        catalog: &super::catalog::Catalog,
        bytes: &[u8],
    ) -> Result<Vec<super::results::ImportWarning>, super::results::ImportError> {
        let imported = super::results::import(catalog, bytes)?;
        let warnings = imported.warnings.clone();
        self.apply(&catalog.questionnaire, Event::Restore(Box::new(imported)));
        Ok(warnings)
    }

    /// Whether the user has given anything worth keeping.
    pub fn has_answers(&self) -> bool {
        !self.answers.values.is_empty() || !self.answers.notes.is_empty()
    }

    /// Applies an event. Events that make no sense in the current state (an unknown
    /// question, "not applicable" where it is not allowed) change nothing.
    pub fn apply(&mut self, q: &Questionnaire, event: Event) {
        self.problem = None;
        match event {
            Event::SetUseCase(u, on) => self.context.set_use_case(u, on),
            Event::SetServiceModel(m) => self.context.service_model = m,
            Event::SetDeployment(d) => self.context.deployment = d,
            Event::SetStage(s) => self.context.stage = s,
            Event::SetOrgSize(s) => self.context.org_size = s,
            Event::Answer { question, value } => {
                let Some(item) = q.question(&question) else {
                    return;
                };
                match value {
                    Some(AnswerValue::NotApplicable) if !item.not_applicable => {}
                    Some(v) => {
                        self.answers.values.insert(question, v);
                    }
                    None => {
                        self.answers.values.remove(&question);
                    }
                }
            }
            Event::Note { question, text } => {
                if q.question(&question).is_none() {
                    return;
                }
                let text: String =
                    text.chars().filter(|c| !c.is_control() || matches!(c, '\n' | '\t')).take(MAX_NOTE_CHARS).collect();
                if text.trim().is_empty() {
                    self.answers.notes.remove(&question);
                } else {
                    self.answers.notes.insert(question, text);
                }
            }
            Event::Go(page) => self.go(q, page),
            Event::Resume => {
                let page = self.resume_page(q);
                self.go(q, page);
            }
            Event::Next => {
                if let Some(page) = self.neighbour(q, 1) {
                    self.go(q, page);
                }
            }
            Event::Previous => {
                if let Some(page) = self.neighbour(q, -1) {
                    self.go(q, page);
                }
            }
            Event::SetLanguage(code) => self.language = code,
            Event::Restore(imported) => {
                let language = std::mem::take(&mut self.language);
                let baseline = self.baseline.take();
                *self = Assessment {
                    context: imported.context,
                    answers: imported.answers,
                    team: imported.team,
                    language,
                    baseline,
                    ..Assessment::new("")
                };
                self.page = self.resume_page(q);
            }
            Event::SetBaseline(imported) => {
                let report = Rc::new(score(q, &imported.context, &imported.answers.values));
                self.baseline = Some(Baseline {
                    created: imported.created,
                    context: imported.context,
                    answers: imported.answers,
                    report,
                });
                self.page = Page::Compare;
            }
            Event::ClearBaseline => {
                self.baseline = None;
                if self.page == Page::Compare {
                    self.page = Page::Results;
                }
            }
            Event::Erase => *self = Assessment::new(&self.language),
        }
    }

    /// Moves to a page if it can be shown; questions need a complete context first.
    fn go(&mut self, q: &Questionnaire, page: Page) {
        let needs_context = matches!(page, Page::Domain(_) | Page::Results | Page::Compare);
        if needs_context && !self.context.is_complete() {
            self.problem = Some(Problem::ChooseUseCase);
            self.page = Page::Context;
            return;
        }
        match &page {
            Page::Domain(id) if !q.applicable_domains(&self.context).any(|d| &d.id == id) => {}
            Page::Compare if self.baseline.is_none() => {}
            _ => self.page = page,
        }
    }

    /// The pages in order: welcome, context, each applicable domain, results.
    pub fn pages(&self, q: &Questionnaire) -> Vec<Page> {
        let mut pages = vec![Page::Welcome, Page::Context];
        pages.extend(q.applicable_domains(&self.context).map(|d| Page::Domain(d.id.clone())));
        pages.push(Page::Results);
        pages
    }

    /// The page `step` places away from the current one in [`Self::pages`].
    pub fn neighbour(&self, q: &Questionnaire, step: isize) -> Option<Page> {
        let pages = self.pages(q);
        let current = match &self.page {
            Page::Compare => pages.len() - 1,
            page => pages.iter().position(|p| p == page)?,
        };
        let target = current.checked_add_signed(step)?;
        pages.get(target).cloned()
    }

    /// The first domain with an unanswered question, else the results.
    pub fn resume_page(&self, q: &Questionnaire) -> Page {
        if !self.context.is_complete() {
            return Page::Context;
        }
        self.navigation(q).into_iter().find(|n| !n.complete()).map_or(Page::Results, |n| Page::Domain(n.domain))
    }

    /// The domain navigation: every applicable domain with its completion.
    pub fn navigation(&self, q: &Questionnaire) -> Vec<NavItem> {
        q.applicable_domains(&self.context)
            .map(|d| {
                let (answered, applicable) = domain_progress(q, d, &self.context, &self.answers);
                NavItem { domain: d.id.clone(), applicable, answered, current: self.page == Page::Domain(d.id.clone()) }
            })
            .collect()
    }

    /// Answered and applicable questions over the whole assessment.
    pub fn progress(&self, q: &Questionnaire) -> (usize, usize) {
        self.navigation(q).iter().fold((0, 0), |(a, n), item| (a + item.answered, n + item.applicable))
    }
}
