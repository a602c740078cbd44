//! The procurement pack as every word it shows, in one language: what the
//! widget's page renders and what the Markdown and DOCX writers lay out, so
//! that all three say the same. The widget's main module carries no pack
//! content: the on-demand export module computes this view and hands it over
//! as JSON ([`PackView::to_json`]), which the page reads back with
//! [`PackView::from_json`] and renders as plain text.

use std::collections::BTreeMap;

use super::{ClauseState, ContractPart, Phase, ProcurementPack, ProcurementWords, Strength};
use crate::core::context::Context;
use crate::core::i18n::Language;
use crate::core::json::{object, Json};
use crate::core::model::ContentError;
use crate::core::read::ContentNode;
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

/// The citations' labels joined for a document cell.
pub fn cited(citations: &[Citation]) -> String {
    citations.iter().map(|c| c.label.as_str()).collect::<Vec<_>>().join("; ")
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
    pub labels: BTreeMap<String, String>,
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
        context,
        summary,
        must_hint,
        phases,
        questions,
        parts,
    }
}

fn texts(list: &[String]) -> Json {
    Json::Array(list.iter().map(|t| Json::str(t.as_str())).collect())
}

fn citations(list: &[Citation]) -> Json {
    Json::Array(
        list.iter()
            .map(|c| object([("id", Json::str(c.id.as_str())), ("label", Json::str(c.label.as_str()))]))
            .collect(),
    )
}

fn read_texts(at: &ContentNode<'_>) -> Result<Vec<String>, ContentError> {
    at.list(|t| t.text())
}

fn read_citations(at: &ContentNode<'_>) -> Result<Vec<Citation>, ContentError> {
    at.list(|c| {
        c.object(&["id", "label"])?;
        Ok(Citation { id: c.required("id")?.text()?, label: c.required("label")?.text()? })
    })
}

impl PackView {
    /// The view as JSON: plain data (texts, lists and flags), what the export module hands the widget's page.
    pub fn to_json(&self) -> Json {
        let labels = Json::Object(self.labels.iter().map(|(k, v)| (k.clone(), Json::str(v.as_str()))).collect());
        let phases = self.phases.iter().map(|p| {
            let requirements = p.requirements.iter().map(|r| {
                object([
                    ("id", Json::str(r.id.as_str())),
                    ("must", Json::Bool(r.must)),
                    ("strength", Json::str(r.strength.as_str())),
                    ("clause", Json::str(r.clause.as_str())),
                    ("rationale", Json::str(r.rationale.as_str())),
                    ("evidence", texts(&r.evidence)),
                    ("rules", citations(&r.rules)),
                    ("standing", Json::str(r.standing.as_str())),
                ])
            });
            object([
                ("id", Json::str(p.id.as_str())),
                ("title", Json::str(p.title.as_str())),
                ("requirements", Json::Array(requirements.collect())),
            ])
        });
        let questions = self.questions.iter().map(|q| {
            object([
                ("id", Json::str(q.id.as_str())),
                ("question", Json::str(q.question.as_str())),
                ("evidence", texts(&q.evidence)),
            ])
        });
        let parts = self.parts.iter().map(|p| {
            let clauses = p.clauses.iter().map(|c| {
                object([
                    ("id", Json::str(c.id.as_str())),
                    ("covered", Json::Bool(c.covered)),
                    ("state", Json::str(c.state.as_str())),
                    ("title", Json::str(c.title.as_str())),
                    ("text", Json::str(c.text.as_str())),
                    ("basis", citations(&c.basis)),
                    ("shown_by", texts(&c.shown_by)),
                ])
            });
            object([
                ("id", Json::str(p.id.as_str())),
                ("title", Json::str(p.title.as_str())),
                ("clauses", Json::Array(clauses.collect())),
            ])
        });
        object([
            ("language", Json::str(self.language.as_str())),
            ("labels", labels),
            ("context", Json::str(self.context.as_str())),
            ("summary", Json::str(self.summary.as_str())),
            ("must_hint", Json::str(self.must_hint.as_str())),
            ("phases", Json::Array(phases.collect())),
            ("questions", Json::Array(questions.collect())),
            ("parts", Json::Array(parts.collect())),
        ])
    }

    /// Reads the view back from [`PackView::to_json`]'s text, refusing anything else with its place.
    pub fn from_json(text: &str) -> Result<PackView, ContentError> {
        let json = Json::parse(text).map_err(|e| ContentError::Malformed(format!("not JSON: {e:?}")))?;
        let at = ContentNode::root(&json);
        at.object(&["language", "labels", "context", "summary", "must_hint", "phases", "questions", "parts"])?;
        let labels_at = at.required("labels")?;
        let mut labels = BTreeMap::new();
        for (key, _) in labels_at.object(super::content::LABELS)? {
            labels.insert(key.clone(), labels_at.required(key)?.text()?);
        }
        let phases = at.required("phases")?.list(|p| {
            p.object(&["id", "title", "requirements"])?;
            Ok(PhaseView {
                id: p.required("id")?.text()?,
                title: p.required("title")?.text()?,
                requirements: p.required("requirements")?.list(|r| {
                    r.object(&["id", "must", "strength", "clause", "rationale", "evidence", "rules", "standing"])?;
                    Ok(RequirementView {
                        id: r.required("id")?.text()?,
                        must: r.required("must")?.flag()?,
                        strength: r.required("strength")?.text()?,
                        clause: r.required("clause")?.text()?,
                        rationale: r.required("rationale")?.text()?,
                        evidence: read_texts(&r.required("evidence")?)?,
                        rules: read_citations(&r.required("rules")?)?,
                        standing: r.required("standing")?.text()?,
                    })
                })?,
            })
        })?;
        let questions = at.required("questions")?.list(|q| {
            q.object(&["id", "question", "evidence"])?;
            Ok(SupplierQuestionView {
                id: q.required("id")?.text()?,
                question: q.required("question")?.text()?,
                evidence: read_texts(&q.required("evidence")?)?,
            })
        })?;
        let parts = at.required("parts")?.list(|p| {
            p.object(&["id", "title", "clauses"])?;
            Ok(PartView {
                id: p.required("id")?.text()?,
                title: p.required("title")?.text()?,
                clauses: p.required("clauses")?.list(|c| {
                    c.object(&["id", "covered", "state", "title", "text", "basis", "shown_by"])?;
                    Ok(ClauseView {
                        id: c.required("id")?.text()?,
                        covered: c.required("covered")?.flag()?,
                        state: c.required("state")?.text()?,
                        title: c.required("title")?.text()?,
                        text: c.required("text")?.text()?,
                        basis: read_citations(&c.required("basis")?)?,
                        shown_by: read_texts(&c.required("shown_by")?)?,
                    })
                })?,
            })
        })?;
        Ok(PackView {
            language: at.required("language")?.text()?,
            labels,
            context: at.required("context")?.text()?,
            summary: at.required("summary")?.text()?,
            must_hint: at.required("must_hint")?.text()?,
            phases,
            questions,
            parts,
        })
    }
}
