//! The assessment as a state machine: the user's events applied by a pure
//! function, and the view models the interface renders.

use std::rc::Rc;

use super::answer::AnswerValue;
use super::context::{Context, Deployment, OrgSize, ServiceModel, Stage, UseCase};
use super::merge::{records, store};
use super::model::{Domain, Questionnaire};
use super::results::{Answers, Evidence, Imported, Resolution, Response, Team, MAX_LABEL_CHARS, MAX_NOTE_CHARS};
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
    /// Team assessment: the user's role, files for respondents, merging files.
    Team,
    /// The procurement pack of the assessment, opened from the results.
    Procurement,
}

/// Something the interface should tell the user about their last action.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The context step needs at least one use case before the questions can start.
    ChooseUseCase,
    /// Several respondents answered this question: changing it needs the user's role label.
    NeedRespondent,
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
    /// Settle a disagreement: take one respondent's answer (`chosen`) or enter
    /// another (`chosen` is `None`); `by` records who settled it.
    Resolve {
        question: String,
        by: String,
        chosen: Option<String>,
        value: AnswerValue,
    },
    /// Open a settled disagreement again.
    Reopen {
        question: String,
    },
    /// Add a checked entry to a question's evidence register.
    AddEvidence {
        question: String,
        evidence: Evidence,
    },
    /// Remove the entry at `index` of a question's evidence register.
    RemoveEvidence {
        question: String,
        index: usize,
    },
    /// The role label of whoever answers in this copy; empty for none. Answers
    /// given from now on carry it.
    SetRespondent(String),
    /// The domains assigned to a respondent (empty: all of them).
    Assign {
        label: String,
        domains: Vec<String>,
    },
    /// Accept the current context where respondents described it differently.
    KeepContext,
}

/// How an answer or note change went in a team assessment.
enum Attributed {
    /// Nobody's label is involved: change the plain answer.
    Plain,
    /// Recorded as the user's respondent's answer.
    Done,
    /// Several respondents answered and the user has no label: nothing changed.
    Refused,
}

/// A label as typed: trimmed, one line, no control characters, at most 80 characters.
pub fn clean_label(text: &str) -> Option<String> {
    let text: String = text.chars().filter(|c| !c.is_control()).collect();
    let text: String = text.trim().chars().take(MAX_LABEL_CHARS).collect();
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
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

    /// Whether the assessment is a team's or has evidence: respondents, who
    /// answered what, disagreements or evidence entries. The widget then needs
    /// its team screens, which it loads on demand.
    pub fn is_teamwork(&self) -> bool {
        super::results::is_teamwork(&self.team, &self.answers)
    }

    /// Applies an event. Events that make no sense in the current state (an unknown
    /// question, "not applicable" where it is not allowed) change nothing.
    pub fn apply(&mut self, q: &Questionnaire, event: Event) {
        self.apply_as::<true>(q, event);
    }

    /// Applies an event to one person's copy, as the widget's first module does
    /// (src/web/upgrade.rs): the same as [`Self::apply`] for every event of one
    /// person, while the team's events (settling, evidence, respondents,
    /// assignments) change nothing, and neither does any answer or note while the
    /// assessment is a team's ([`Self::is_teamwork`]). The first module hands such
    /// an assessment to the whole widget, so it never holds one; this way it also
    /// carries none of the team's rules.
    pub fn apply_solo(&mut self, q: &Questionnaire, event: Event) {
        self.apply_as::<false>(q, event);
    }

    fn apply_as<const TEAM: bool>(&mut self, q: &Questionnaire, event: Event) {
        self.problem = None;
        match event {
            // Changing the context settles any difference between respondents' contexts.
            Event::SetUseCase(u, on) => {
                self.context.set_use_case(u, on);
                self.team.context_conflicts.clear();
            }
            Event::SetServiceModel(m) => {
                self.context.service_model = m;
                self.team.context_conflicts.clear();
            }
            Event::SetDeployment(d) => {
                self.context.deployment = d;
                self.team.context_conflicts.clear();
            }
            Event::SetStage(s) => {
                self.context.stage = s;
                self.team.context_conflicts.clear();
            }
            Event::SetOrgSize(s) => {
                self.context.org_size = s;
                self.team.context_conflicts.clear();
            }
            Event::Answer { question, value } => {
                let Some(item) = q.question(&question) else {
                    return;
                };
                if value == Some(AnswerValue::NotApplicable) && !item.not_applicable {
                    return;
                }
                if !matches!(self.attribute::<TEAM>(&question, |r| r.value = value), Attributed::Plain) {
                    return;
                }
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
                let note = (!text.trim().is_empty()).then(|| text.clone());
                if !matches!(self.attribute::<TEAM>(&question, |r| r.note = note), Attributed::Plain) {
                    return;
                }
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
            Event::Resolve { question, by, chosen, value } if TEAM => {
                let Some(item) = q.question(&question) else { return };
                let Some(by) = clean_label(&by) else {
                    self.problem = Some(Problem::NeedRespondent);
                    return;
                };
                let Some(conflict) = self.answers.conflicts.get_mut(&question) else { return };
                let fits = match &chosen {
                    Some(label) => conflict.answers.iter().any(|a| &a.respondent == label && a.value == value),
                    None => value != AnswerValue::NotApplicable || item.not_applicable,
                };
                if fits {
                    conflict.resolution = Some(Resolution { by, chosen, value });
                    self.answers.values.insert(question, value);
                }
            }
            Event::Reopen { question } if TEAM => {
                if let Some(conflict) = self.answers.conflicts.get_mut(&question) {
                    conflict.resolution = None;
                    let value = conflict.scored_value();
                    self.answers.values.insert(question, value);
                }
            }
            Event::AddEvidence { question, evidence } if TEAM => {
                if q.question(&question).is_none() {
                    return;
                }
                let list = self.answers.evidence.entry(question).or_default();
                if list.len() < super::results::MAX_EVIDENCE_PER_QUESTION && !list.contains(&evidence) {
                    // Kept sorted, the order merging gives, so a merge of this file changes nothing.
                    let at = list.partition_point(|e| *e < evidence);
                    list.insert(at, evidence);
                }
            }
            Event::RemoveEvidence { question, index } if TEAM => {
                if let Some(list) = self.answers.evidence.get_mut(&question) {
                    if index < list.len() {
                        list.remove(index);
                    }
                    if list.is_empty() {
                        self.answers.evidence.remove(&question);
                    }
                }
            }
            Event::SetRespondent(label) if TEAM => {
                let old = std::mem::replace(&mut self.team.respondent, clean_label(&label));
                let Some(new) = self.team.respondent.clone() else { return };
                let list = &mut self.team.respondents;
                // A renamed respondent keeps their assignment; everyone who answers is listed.
                if !list.iter().any(|r| r.label == new) {
                    match list.iter_mut().find(|r| Some(&r.label) == old.as_ref()) {
                        Some(entry) => entry.label = new,
                        None => list.push(super::results::Respondent { label: new, domains: Vec::new() }),
                    }
                    crate::core::order::sort(list);
                }
            }
            Event::Assign { label, domains } if TEAM => {
                let Some(label) = clean_label(&label) else { return };
                let domains: Vec<String> =
                    q.domains.iter().filter(|d| domains.contains(&d.id)).map(|d| d.id.clone()).collect();
                self.team.respondents.retain(|r| r.label != label);
                self.team.respondents.push(super::results::Respondent { label, domains });
                crate::core::order::sort(&mut self.team.respondents);
            }
            Event::KeepContext if TEAM => self.team.context_conflicts.clear(),
            Event::Resolve { .. }
            | Event::Reopen { .. }
            | Event::AddEvidence { .. }
            | Event::RemoveEvidence { .. }
            | Event::SetRespondent(_)
            | Event::Assign { .. }
            | Event::KeepContext => {}
        }
    }

    /// Records a change to the user's own answer or note where respondents are
    /// named: as the answer of this copy's respondent, next to everyone else's.
    fn attribute<const TEAM: bool>(&mut self, id: &str, change: impl FnOnce(&mut Response)) -> Attributed {
        if !TEAM {
            return if self.is_teamwork() { Attributed::Refused } else { Attributed::Plain };
        }
        let mut list = records(&self.answers, id);
        let Some(me) = self.team.respondent.clone() else {
            if list.is_empty() {
                return Attributed::Plain;
            }
            self.problem = Some(Problem::NeedRespondent);
            return Attributed::Refused;
        };
        if list.is_empty() {
            // The user's own answer from before they gave a label becomes theirs.
            list.push(Response {
                respondent: me.clone(),
                value: self.answers.values.get(id).copied(),
                note: self.answers.notes.get(id).cloned(),
            });
        }
        let settled = |list: &[Response]| -> Vec<(String, Option<AnswerValue>)> {
            list.iter().map(|r| (r.respondent.clone(), r.value)).collect()
        };
        let before = settled(&list);
        match list.iter_mut().find(|r| r.respondent == me) {
            Some(mine) => change(mine),
            None => {
                let mut mine = Response { respondent: me, value: None, note: None };
                change(&mut mine);
                list.push(mine);
                crate::core::order::sort(&mut list);
            }
        }
        // A settlement stands only for the answers it settled.
        let resolution =
            self.answers.conflicts.get(id).and_then(|c| c.resolution.clone()).filter(|_| settled(&list) == before);
        store(&mut self.answers, id, list, resolution);
        Attributed::Done
    }

    /// Moves to a page if it can be shown; questions need a complete context first.
    fn go(&mut self, q: &Questionnaire, page: Page) {
        let needs_context = matches!(page, Page::Domain(_) | Page::Results | Page::Compare | Page::Procurement);
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
        pages.extend(self.domain_order(q).into_iter().map(|d| Page::Domain(d.id.clone())));
        pages.push(Page::Results);
        pages
    }

    /// The page `step` places away from the current one in [`Self::pages`].
    pub fn neighbour(&self, q: &Questionnaire, step: isize) -> Option<Page> {
        let pages = self.pages(q);
        let current = match &self.page {
            Page::Compare | Page::Team | Page::Procurement => pages.len() - 1,
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
        self.domain_order(q)
            .into_iter()
            .map(|d| {
                let (answered, applicable) = domain_progress(q, d, &self.context, &self.answers);
                NavItem { domain: d.id.clone(), applicable, answered, current: self.page == Page::Domain(d.id.clone()) }
            })
            .collect()
    }

    /// The applicable domains in the order the user meets them: the domains
    /// assigned to this copy's respondent first, then the rest, each in questionnaire order.
    pub fn domain_order<'a>(&'a self, q: &'a Questionnaire) -> Vec<&'a Domain> {
        let assigned = self.team.assigned_domains();
        let (mut mine, rest): (Vec<&Domain>, Vec<&Domain>) =
            q.applicable_domains(&self.context).partition(|d| assigned.contains(&d.id));
        mine.extend(rest);
        mine
    }

    /// Answered and applicable questions over the whole assessment.
    pub fn progress(&self, q: &Questionnaire) -> (usize, usize) {
        self.navigation(q).iter().fold((0, 0), |(a, n), item| (a + item.answered, n + item.applicable))
    }
}
