//! The procurement pack as every word it shows, in one language: what the
//! widget's page renders and what the Markdown and DOCX writers lay out, so
//! that all three say the same. The widget's main module carries none of it:
//! the on-demand export module lays this view out as plain data
//! ([`super::page`]) for the widget to render.

use crate::core::map::Map;

use super::{ClauseState, ContractPart, Phase, ProcurementPack, ProcurementWords, Strength};
use crate::core::context::Context;
use crate::core::i18n::Language;
use crate::core::reference::Reference;
use crate::core::score::Standing;

/// A rule cited: its id in the reference scheme (`DATAACT:25(2)(d)`) and its citation in the language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Citation {
    /// `SOURCE:locator`, as in content.
    pub id: String,
    /// As the language cites it, e.g. "Datenverordnung Art. 25 Abs. 2 Buchst. d".
    pub label: String,
}

impl Citation {
    /// A reference cited in a language.
    pub fn of(reference: &Reference, lang: &Language) -> Citation {
        Citation { id: reference.to_string(), label: reference.label(lang) }
    }
}

/// One tender requirement, ready to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequirementView {
    /// The question id, also the requirement's id.
    pub id: String,
    /// Whether it is a must.
    pub must: bool,
    /// "Must" or "Should".
    pub strength: String,
    /// The tender clause.
    pub clause: String,
    /// Why.
    pub rationale: String,
    /// The evidence to ask for, by name.
    pub evidence: Vec<String>,
    /// The rules behind it, cited in the language.
    pub rules: Vec<Citation>,
    /// The assessment's answer and target, as a sentence.
    pub standing: String,
}

/// The requirements of one procurement phase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhaseView {
    /// The phase's id (`plan`, `source`, `manage`).
    pub id: String,
    /// Its name.
    pub title: String,
    /// Its requirements; phases without any are left out of the view.
    pub requirements: Vec<RequirementView>,
}

/// One question for candidate providers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SupplierQuestionView {
    /// The requirement it belongs to.
    pub id: String,
    /// The question.
    pub question: String,
    /// The evidence to attach, by name.
    pub evidence: Vec<String>,
}

/// One contract clause, ready to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClauseView {
    /// The clause id.
    pub id: String,
    /// Whether the answers show it covered.
    pub covered: bool,
    /// "Covered" or "Missing".
    pub state: String,
    /// Its short name.
    pub title: String,
    /// What the contract must say.
    pub text: String,
    /// The legal basis, cited in the language.
    pub basis: Vec<Citation>,
    /// The questions that show it, by id.
    pub shown_by: Vec<String>,
}

/// The clauses of one contract document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartView {
    /// `dpa` or `contract`.
    pub id: String,
    /// The document's name.
    pub title: String,
    /// Its clauses.
    pub clauses: Vec<ClauseView>,
}

/// The whole pack in one language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PackView {
    /// The language's code.
    pub language: String,
    /// Every label the documents use, by key, in this language.
    pub labels: Map<String, String>,
    /// How the language writes a label before its value (its `format.label`).
    pub label_format: String,
    /// What the language puts between the items of a list in running text (its `format.list_separator`).
    pub list_separator: String,
    /// The context as a sentence.
    pub context: String,
    /// Counts of must and should requirements and covered clauses, as a sentence.
    pub summary: String,
    /// How must and should are decided, as a sentence.
    pub must_hint: String,
    /// Requirements by phase.
    pub phases: Vec<PhaseView>,
    /// The supplier questionnaire, in the order of the requirements.
    pub questions: Vec<SupplierQuestionView>,
    /// The contract checklist by document.
    pub parts: Vec<PartView>,
}

impl PackView {
    /// A label of the pack in this language.
    pub fn label(&self, key: &str) -> &str {
        self.labels.get(key).map(String::as_str).unwrap_or("")
    }

    /// A label and its value as the language writes them ("Phase: Plan"; French
    /// puts a no-break space before the colon).
    pub fn labelled(&self, label: &str, value: &str) -> String {
        crate::core::i18n::fill(&self.label_format, &[("label", label)]) + value
    }

    /// Items in running text, as the language separates them ("a; b"; French puts a narrow
    /// no-break space before the semicolon).
    pub fn list<S: AsRef<str>>(&self, items: &[S]) -> String {
        items.iter().map(AsRef::as_ref).collect::<Vec<_>>().join(&self.list_separator)
    }

    /// The citations' labels as a list, for a document cell.
    pub fn cited(&self, citations: &[Citation]) -> String {
        self.list(&citations.iter().map(|c| c.label.as_str()).collect::<Vec<_>>())
    }
}

/// The words of the pack, for a language and the assessment's context.
pub fn view(pack: &ProcurementPack, ctx: &Context, lang: &Language, words: &ProcurementWords) -> PackView {
    let standing = |s: Standing, target: u8| {
        let answer = match s {
            Standing::Level(l) => lang.fill("results.standing_level", &[("level", &l.to_string())]),
            Standing::Unknown => lang.t("results.standing_unknown").to_owned(),
            Standing::Unanswered => lang.t("results.standing_unanswered").to_owned(),
        };
        words.fill("standing", &[("standing", &answer), ("target", &target.to_string())])
    };
    let phases = Phase::ALL
        .into_iter()
        .map(|phase| PhaseView {
            id: phase.as_str().to_owned(),
            title: words.phase(phase).to_owned(),
            requirements: pack
                .in_phase(phase)
                .map(|r| {
                    let w = words.requirements.get(&r.question).cloned().unwrap_or_default();
                    let must = r.strength == Strength::Must;
                    RequirementView {
                        id: r.question.clone(),
                        must,
                        strength: words.label(if must { "must" } else { "should" }).to_owned(),
                        clause: w.clause,
                        rationale: w.rationale,
                        evidence: r.evidence.iter().map(|e| words.evidence_name(e).to_owned()).collect(),
                        rules: r.references.iter().map(|reference| Citation::of(reference, lang)).collect(),
                        standing: standing(r.standing, r.target),
                    }
                })
                .collect::<Vec<_>>(),
        })
        .filter(|p| !p.requirements.is_empty())
        .collect();
    let questions = pack
        .requirements
        .iter()
        .map(|r| SupplierQuestionView {
            id: r.question.clone(),
            question: words.requirements.get(&r.question).map(|w| w.question.clone()).unwrap_or_default(),
            evidence: r.evidence.iter().map(|e| words.evidence_name(e).to_owned()).collect(),
        })
        .collect();
    let parts = ContractPart::ALL
        .into_iter()
        .map(|part| PartView {
            id: part.as_str().to_owned(),
            title: words.label(&format!("part_{}", part.as_str())).to_owned(),
            clauses: pack
                .checklist
                .iter()
                .filter(|c| c.part == part)
                .map(|c| {
                    let w = words.clauses.get(&c.clause).cloned().unwrap_or_default();
                    let covered = c.state == ClauseState::Covered;
                    ClauseView {
                        id: c.clause.clone(),
                        covered,
                        state: words.label(if covered { "covered" } else { "missing" }).to_owned(),
                        title: w.title,
                        text: w.text,
                        basis: c.references.iter().map(|reference| Citation::of(reference, lang)).collect(),
                        shown_by: c.questions.clone(),
                    }
                })
                .collect(),
        })
        .collect();
    let use_cases: Vec<&str> =
        ctx.use_cases.iter().map(|u| lang.t(&format!("context.use_case.{}", u.as_str()))).collect();
    let context = words.fill(
        "context",
        &[
            ("use_cases", &use_cases.join(", ")),
            ("service_model", lang.t(&format!("context.service_models.{}", ctx.service_model.as_str()))),
            ("stage", lang.t(&format!("context.stages.{}", ctx.stage.as_str()))),
        ],
    );
    let summary = words.fill(
        "summary",
        &[
            ("must", &pack.count(Strength::Must).to_string()),
            ("should", &pack.count(Strength::Should).to_string()),
            ("covered", &pack.covered().to_string()),
            ("clauses", &pack.checklist.len().to_string()),
        ],
    );
    let must_hint = words.fill("must_hint", &[("level", &pack.must_min_target.to_string())]);
    PackView {
        language: lang.code.clone(),
        labels: words.labels.clone(),
        label_format: lang.t("format.label").to_owned(),
        list_separator: lang.t("format.list_separator").to_owned(),
        context,
        summary,
        must_hint,
        phases,
        questions,
        parts,
    }
}
