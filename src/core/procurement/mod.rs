//! The procurement pack: from the context and the answers, the tender
//! requirements, supplier questions and contract checklist that close the
//! gaps a cloud supplier can close. Pure; docs/PROCUREMENT.md gives the rules.

pub mod content;
pub mod page;
pub mod view;

use crate::core::map::Map;
use std::sync::OnceLock;

use super::answer::AnswerValue;
use super::context::Context;
use super::model::{Party, Questionnaire};
use super::reference::Reference;
use super::score::Standing;
pub use content::{ContractPart, Phase, ProcurementContent, ProcurementWords};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/procurement.rs"));
}

/// The pack's structure built into this program (checked by the build).
pub fn embedded() -> &'static ProcurementContent {
    static CONTENT: OnceLock<ProcurementContent> = OnceLock::new();
    CONTENT.get_or_init(|| {
        ProcurementContent::from_json(embedded::STRUCTURE).expect("the build checks content/procurement.toml")
    })
}

/// The codes of the languages whose pack words are compiled in (all on the host, none in the shipped widget).
pub fn embedded_codes() -> impl Iterator<Item = &'static str> {
    embedded::WORDS.iter().filter(|(_, json)| json.is_some()).map(|(code, _)| *code)
}

/// A language's pack words as written, when compiled in (command-line tool, host and component tests).
pub fn embedded_words(code: &str) -> Option<Result<ProcurementWords, super::model::ContentError>> {
    let (_, json) = embedded::WORDS.iter().find(|(c, _)| *c == code)?;
    json.map(ProcurementWords::from_json)
}

/// Whether a requirement is a condition of the award or a preference.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Strength {
    /// The question is critical, or its target is at least the content's `must_min_target`.
    Must,
    /// Any other gap.
    Should,
}

/// One tender requirement for a gap in this assessment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TenderRequirement {
    /// The question whose gap it closes (and the requirement's id).
    pub question: String,
    /// The question's domain.
    pub domain: String,
    /// When the hospital acts on it.
    pub phase: Phase,
    /// Must or should.
    pub strength: Strength,
    /// Where the answer stands.
    pub standing: Standing,
    /// The question's target in this context.
    pub target: u8,
    /// Evidence ids to ask for.
    pub evidence: Vec<String>,
    /// The rules and good practice behind it: the question's references, then the requirement's own.
    pub references: Vec<Reference>,
}

/// Whether the answers show a contract clause in place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClauseState {
    /// Every applicable question that shows it reaches its target.
    Covered,
    /// At least one does not (below target, don't know or not answered), or none applies.
    Missing,
}

/// One line of the contract checklist.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChecklistItem {
    /// The clause id.
    pub clause: String,
    /// The document it belongs in.
    pub part: ContractPart,
    /// Covered or missing.
    pub state: ClauseState,
    /// The applicable questions that show it, in content order.
    pub questions: Vec<String>,
    /// Its legal basis.
    pub references: Vec<Reference>,
}

/// The whole pack for one assessment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProcurementPack {
    /// Tender requirements for the gaps, by phase (plan, source, manage), in content order within a phase.
    pub requirements: Vec<TenderRequirement>,
    /// Every contract clause, in content order, covered or missing.
    pub checklist: Vec<ChecklistItem>,
    /// The target from which a requirement is a must (from the content), for the explanation.
    pub must_min_target: u8,
}

/// Where an applicable question's answer stands; `None` when the question does not apply or is not applicable.
fn standing(q: &Questionnaire, ctx: &Context, answers: &Map<String, AnswerValue>, id: &str) -> Option<Standing> {
    let question = q.question(id).filter(|item| item.applies_to(ctx))?;
    match answers.get(&question.id) {
        Some(AnswerValue::Level(l)) => Some(Standing::Level(l.get())),
        Some(AnswerValue::Unknown) => Some(Standing::Unknown),
        Some(AnswerValue::NotApplicable) if question.not_applicable => None,
        // "Not applicable" where the question does not allow it gives no assurance.
        Some(AnswerValue::NotApplicable) => Some(Standing::Unknown),
        None => Some(Standing::Unanswered),
    }
}

/// Whether an answer reaches its target: only a level does; don't know and unanswered never do.
fn reaches(standing: Standing, target: u8) -> bool {
    matches!(standing, Standing::Level(l) if l >= target)
}

/// Computes the pack: a requirement for every applicable question in the content that is below
/// its target, and each contract clause covered or missing.
pub fn pack(
    q: &Questionnaire,
    content: &ProcurementContent,
    ctx: &Context,
    answers: &Map<String, AnswerValue>,
) -> ProcurementPack {
    let mut requirements = Vec::new();
    for phase in Phase::ALL {
        for spec in content.requirements.iter().filter(|r| r.phase == phase) {
            let (Some(question), Some(domain)) = (q.question(&spec.question), q.domain_of(&spec.question)) else {
                continue;
            };
            // A measure the customer carries alone is no matter for the supplier.
            if spec.provider_run && question.responsibility.for_model(ctx.service_model) == Some(Party::Customer) {
                continue;
            }
            let Some(standing) = standing(q, ctx, answers, &spec.question) else { continue };
            let target = q.target(question, ctx);
            if reaches(standing, target) {
                continue;
            }
            let must = question.critical || target >= content.must_min_target;
            let mut references = question.references.clone();
            references.extend(spec.references.iter().filter(|r| !question.references.contains(r)).cloned());
            requirements.push(TenderRequirement {
                question: question.id.clone(),
                domain: domain.id.clone(),
                phase,
                strength: if must { Strength::Must } else { Strength::Should },
                standing,
                target,
                evidence: spec.evidence.clone(),
                references,
            });
        }
    }
    let checklist = content
        .clauses
        .iter()
        .map(|clause| {
            let shown: Vec<(String, bool)> = clause
                .questions
                .iter()
                .filter_map(|id| {
                    let s = standing(q, ctx, answers, id)?;
                    let target = q.target(q.question(id)?, ctx);
                    Some((id.clone(), reaches(s, target)))
                })
                .collect();
            let covered = !shown.is_empty() && shown.iter().all(|(_, ok)| *ok);
            ChecklistItem {
                clause: clause.id.clone(),
                part: clause.part,
                state: if covered { ClauseState::Covered } else { ClauseState::Missing },
                questions: shown.into_iter().map(|(id, _)| id).collect(),
                references: clause.references.clone(),
            }
        })
        .collect();
    ProcurementPack { requirements, checklist, must_min_target: content.must_min_target }
}

impl ProcurementPack {
    /// The requirements of one phase.
    pub fn in_phase(&self, phase: Phase) -> impl Iterator<Item = &TenderRequirement> {
        self.requirements.iter().filter(move |r| r.phase == phase)
    }

    /// A requirement by question id.
    pub fn requirement(&self, question: &str) -> Option<&TenderRequirement> {
        self.requirements.iter().find(|r| r.question == question)
    }

    /// A checklist line by clause id.
    pub fn clause(&self, id: &str) -> Option<&ChecklistItem> {
        self.checklist.iter().find(|c| c.clause == id)
    }

    /// How many requirements have a strength.
    pub fn count(&self, strength: Strength) -> usize {
        self.requirements.iter().filter(|r| r.strength == strength).count()
    }

    /// How many clauses are covered.
    pub fn covered(&self) -> usize {
        self.checklist.iter().filter(|c| c.state == ClauseState::Covered).count()
    }
}
