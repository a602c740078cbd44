//! The procurement pack's content: which questions a supplier can close, in
//! which ENISA procurement phase, with what evidence (`content/procurement.toml`),
//! and its words per language (`content/lang/<code>/procurement.toml`).
//! The build reads both with these readers, so defects stop the build.

use crate::core::map::Map;

use crate::core::json::Json;
use crate::core::model::{ContentError, Questionnaire};
use crate::core::read::ContentNode;
use crate::core::reference::Reference;

/// ENISA's procurement phases for hospitals (2020): when the hospital acts on a requirement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Phase {
    /// Risk assessment, early requirements, supplier eligibility, the request for proposals.
    Plan,
    /// Choosing the supplier and signing: certification, contract terms.
    Source,
    /// Running the contract: tests, reviews, deletion at the end.
    Manage,
}

impl Phase {
    /// Every phase, in procurement order.
    pub const ALL: [Phase; 3] = [Phase::Plan, Phase::Source, Phase::Manage];

    /// The identifier used in content.
    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Plan => "plan",
            Phase::Source => "source",
            Phase::Manage => "manage",
        }
    }

    /// Reads an identifier.
    pub fn parse(text: &str) -> Option<Phase> {
        Phase::ALL.into_iter().find(|p| p.as_str() == text)
    }
}

/// The document a contract clause belongs in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ContractPart {
    /// The data-processing agreement under GDPR Art. 28.
    Dpa,
    /// The cloud service contract (switching terms, incident cooperation).
    Contract,
}

impl ContractPart {
    /// Both parts, in the order the checklist shows them.
    pub const ALL: [ContractPart; 2] = [ContractPart::Dpa, ContractPart::Contract];

    /// The identifier used in content.
    pub fn as_str(self) -> &'static str {
        match self {
            ContractPart::Dpa => "dpa",
            ContractPart::Contract => "contract",
        }
    }

    /// Reads an identifier.
    pub fn parse(text: &str) -> Option<ContractPart> {
        ContractPart::ALL.into_iter().find(|p| p.as_str() == text)
    }
}

/// A tender requirement that closes the gap of one question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequirementSpec {
    /// The question whose gap it closes; also the requirement's id.
    pub question: String,
    /// When the hospital acts on it.
    pub phase: Phase,
    /// Evidence ids to ask the supplier for.
    pub evidence: Vec<String>,
    /// Only when the provider carries the measure (alone or shared) under the service model.
    pub provider_run: bool,
    /// Rules the requirement rests on beyond its question's references (e.g. the Data Act point it enforces).
    pub references: Vec<Reference>,
}

/// A clause a contract must contain, and the questions whose answers show it is there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClauseSpec {
    /// Stable id, e.g. `gdpr-28-3-a`.
    pub id: String,
    /// The document it belongs in.
    pub part: ContractPart,
    /// Questions that show it covered when each applicable one reaches its target.
    pub questions: Vec<String>,
    /// Its legal basis as structured citations (`GDPR:28(3)(a)`, `DATAACT:25(2)(d)`), cited in each language.
    pub references: Vec<Reference>,
}

/// The structure of the procurement pack.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProcurementContent {
    /// A requirement is "must" when its question is critical or its target is at least this.
    pub must_min_target: u8,
    /// Every evidence id, in the order they are offered.
    pub evidence: Vec<String>,
    /// The requirements, in content order.
    pub requirements: Vec<RequirementSpec>,
    /// The contract clauses, in content order.
    pub clauses: Vec<ClauseSpec>,
}

fn parse_json(text: &str) -> Result<Json, ContentError> {
    Json::parse(text).map_err(|e| ContentError::Malformed(format!("not JSON: {e}")))
}

fn texts(at: &ContentNode<'_>) -> Result<Vec<String>, ContentError> {
    at.list(|item| item.text())
}

/// A list of citations, each refused with its place unless the reference scheme knows it.
fn references(at: &ContentNode<'_>) -> Result<Vec<Reference>, ContentError> {
    at.list(|r| {
        let text = r.text()?;
        Reference::parse(&text).map_err(|e| ContentError::Malformed(format!("{}: {e}", r.path)))
    })
}

impl ProcurementContent {
    /// Reads the structure (JSON made by the build from `content/procurement.toml`).
    pub fn from_json(text: &str) -> Result<ProcurementContent, ContentError> {
        let json = parse_json(text)?;
        let at = ContentNode::root(&json);
        at.object(&["rules", "evidence", "requirement", "clause"])?;
        let rules = at.required("rules")?;
        rules.object(&["must_min_target"])?;
        let requirements = at.required("requirement")?.list(|r| {
            r.object(&["question", "phase", "evidence", "provider_run", "references"])?;
            Ok(RequirementSpec {
                question: r.required("question")?.text()?,
                phase: r.required("phase")?.choice("plan, source or manage", Phase::parse)?,
                evidence: texts(&r.required("evidence")?)?,
                provider_run: r.field("provider_run").map(|f| f.flag()).transpose()?.unwrap_or(false),
                references: r.field("references").map(|f| references(&f)).transpose()?.unwrap_or_default(),
            })
        })?;
        let clauses = at.required("clause")?.list(|c| {
            c.object(&["id", "part", "questions", "references"])?;
            Ok(ClauseSpec {
                id: c.required("id")?.text()?,
                part: c.required("part")?.choice("dpa or contract", ContractPart::parse)?,
                questions: texts(&c.required("questions")?)?,
                references: references(&c.required("references")?)?,
            })
        })?;
        Ok(ProcurementContent {
            must_min_target: rules.required("must_min_target")?.small_number()?,
            evidence: texts(&at.required("evidence")?)?,
            requirements,
            clauses,
        })
    }

    /// The rules the pack relies on: every id it names exists, nothing is named twice.
    pub fn check(&self, q: &Questionnaire) -> Result<(), ContentError> {
        let bad = |m: String| Err(ContentError::Invalid(format!("in content/procurement.toml: {m}")));
        if !(1..=4).contains(&self.must_min_target) {
            return bad(format!("must_min_target {} is outside 1 to 4", self.must_min_target));
        }
        let mut seen = crate::core::map::Set::new();
        for e in &self.evidence {
            if !seen.insert(e.as_str()) {
                return bad(format!("evidence {e} is listed twice"));
            }
        }
        let mut questions = crate::core::map::Set::new();
        for r in &self.requirements {
            if q.question(&r.question).is_none() {
                return bad(format!("requirement for {}: no such question", r.question));
            }
            if !questions.insert(r.question.as_str()) {
                return bad(format!("requirement for {} is written twice", r.question));
            }
            if r.evidence.is_empty() {
                return bad(format!("requirement for {} asks for no evidence", r.question));
            }
            if let Some(e) = r.evidence.iter().find(|e| !self.evidence.contains(e)) {
                return bad(format!("requirement for {}: evidence {e} is not in the evidence list", r.question));
            }
        }
        let mut ids = crate::core::map::Set::new();
        for c in &self.clauses {
            if !ids.insert(c.id.as_str()) {
                return bad(format!("clause {} is written twice", c.id));
            }
            if c.questions.is_empty() {
                return bad(format!("clause {} is shown by no question", c.id));
            }
            if let Some(id) = c.questions.iter().find(|id| q.question(id).is_none()) {
                return bad(format!("clause {}: no such question {id}", c.id));
            }
            if c.references.is_empty() {
                return bad(format!("clause {} cites no legal basis", c.id));
            }
        }
        Ok(())
    }
}

/// The words of one tender requirement.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RequirementWords {
    /// The tender clause: "The supplier shall ...".
    pub clause: String,
    /// Why the hospital needs it.
    pub rationale: String,
    /// The question to send to candidate providers.
    pub question: String,
}

/// The words of one contract clause.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClauseWords {
    /// A short name.
    pub title: String,
    /// What the contract must say (its legal basis is the clause's references, cited per language).
    pub text: String,
}

/// Every label the pack's documents and page use (`[labels]` of the words file).
pub const LABELS: &[&str] = &[
    "title",
    "intro",
    "disclaimer",
    "context",
    "requirements",
    "requirements_none",
    "questionnaire",
    "questionnaire_intro",
    "checklist",
    "checklist_intro",
    "part_dpa",
    "part_contract",
    "must",
    "should",
    "must_hint",
    "covered",
    "missing",
    "phase",
    "rationale",
    "evidence",
    "rule",
    "basis",
    "shown_by",
    "standing",
    "summary",
    "file_name",
];

/// The procurement pack's words in one language.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProcurementWords {
    /// Interface labels by key (see [`LABELS`]).
    pub labels: Map<String, String>,
    /// Phase names by phase id.
    pub phases: Map<String, String>,
    /// Evidence names by evidence id.
    pub evidence: Map<String, String>,
    /// Requirement words by question id.
    pub requirements: Map<String, RequirementWords>,
    /// Clause words by clause id.
    pub clauses: Map<String, ClauseWords>,
}

fn text_map(at: Option<ContentNode<'_>>) -> Result<Map<String, String>, ContentError> {
    let mut map = Map::new();
    if let Some(at) = at {
        for (key, value) in members(&at)? {
            map.insert(key, value.text()?);
        }
    }
    Ok(map)
}

fn wrong(at: &ContentNode<'_>) -> ContentError {
    ContentError::Malformed(format!("{}: expected a table", at.path))
}

fn members<'a>(at: &ContentNode<'a>) -> Result<Vec<(String, ContentNode<'a>)>, ContentError> {
    let object = at.value.as_object().ok_or_else(|| wrong(at))?;
    object.iter().map(|(k, _)| Ok((k.clone(), at.required(k)?))).collect()
}

impl ProcurementWords {
    /// Reads a language's words (JSON made by the build from `content/lang/<code>/procurement.toml`).
    pub fn from_json(text: &str) -> Result<ProcurementWords, ContentError> {
        let json = parse_json(text)?;
        let at = ContentNode::root(&json);
        at.object(&["labels", "phases", "evidence", "requirements", "clauses"])?;
        let mut requirements = Map::new();
        if let Some(list) = at.field("requirements") {
            for (id, r) in members(&list)? {
                r.object(&["clause", "rationale", "question"])?;
                let words = RequirementWords {
                    clause: r.required("clause")?.text()?,
                    rationale: r.required("rationale")?.text()?,
                    question: r.required("question")?.text()?,
                };
                requirements.insert(id, words);
            }
        }
        let mut clauses = Map::new();
        if let Some(list) = at.field("clauses") {
            for (id, c) in members(&list)? {
                c.object(&["title", "text"])?;
                let words = ClauseWords { title: c.required("title")?.text()?, text: c.required("text")?.text()? };
                clauses.insert(id, words);
            }
        }
        Ok(ProcurementWords {
            labels: text_map(at.field("labels"))?,
            phases: text_map(at.field("phases"))?,
            evidence: text_map(at.field("evidence"))?,
            requirements,
            clauses,
        })
    }

    /// A label; empty when missing (the content checks keep every language whole).
    pub fn label(&self, key: &str) -> &str {
        self.labels.get(key).map(String::as_str).unwrap_or("")
    }

    /// A label with `{name}` placeholders filled in.
    pub fn fill(&self, key: &str, params: &[(&str, &str)]) -> String {
        crate::core::i18n::fill(self.label(key), params)
    }

    /// A phase's name.
    pub fn phase(&self, phase: Phase) -> &str {
        self.phases.get(phase.as_str()).map(String::as_str).unwrap_or("")
    }

    /// An evidence item's name.
    pub fn evidence_name(&self, id: &str) -> &str {
        self.evidence.get(id).map(String::as_str).unwrap_or("")
    }
}

/// Every word the content needs that a language lacks, and every word it has that nothing uses,
/// each as `content/lang/<code>/procurement.toml: key`.
pub fn word_problems(content: &ProcurementContent, words: &ProcurementWords, code: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let file = format!("content/lang/{code}/procurement.toml");
    let mut lack = |key: String| problems.push(format!("{file}: missing {key}"));
    let blank = |s: &str| s.trim().is_empty();
    for key in LABELS {
        if words.labels.get(*key).is_none_or(|s| blank(s)) {
            lack(format!("labels.{key}"));
        }
    }
    for phase in Phase::ALL {
        if blank(words.phase(phase)) {
            lack(format!("phases.{}", phase.as_str()));
        }
    }
    for id in &content.evidence {
        if blank(words.evidence_name(id)) {
            lack(format!("evidence.{id}"));
        }
    }
    for r in &content.requirements {
        let w = words.requirements.get(&r.question).cloned().unwrap_or_default();
        for (name, value) in [("clause", &w.clause), ("rationale", &w.rationale), ("question", &w.question)] {
            if blank(value) {
                lack(format!("requirements.{}.{name}", r.question));
            }
        }
    }
    for c in &content.clauses {
        let w = words.clauses.get(&c.id).cloned().unwrap_or_default();
        for (name, value) in [("title", &w.title), ("text", &w.text)] {
            if blank(value) {
                lack(format!("clauses.{}.{name}", c.id));
            }
        }
    }
    let mut extra = |key: String| problems.push(format!("{file}: {key} is used by nothing"));
    for key in words.labels.keys().filter(|k| !LABELS.contains(&k.as_str())) {
        extra(format!("labels.{key}"));
    }
    for key in words.phases.keys().filter(|k| Phase::parse(k).is_none()) {
        extra(format!("phases.{key}"));
    }
    for key in words.evidence.keys().filter(|k| !content.evidence.contains(k)) {
        extra(format!("evidence.{key}"));
    }
    for key in words.requirements.keys().filter(|k| !content.requirements.iter().any(|r| &r.question == *k)) {
        extra(format!("requirements.{key}"));
    }
    for key in words.clauses.keys().filter(|k| !content.clauses.iter().any(|c| &c.id == *k)) {
        extra(format!("clauses.{key}"));
    }
    problems
}

/// Reads and checks the structure and one language's words as the build does; on failure, the message to stop with.
pub fn check(q: &Questionnaire, structure_json: &str, code: &str, words_json: &str) -> Result<(), String> {
    let content =
        ProcurementContent::from_json(structure_json).map_err(|e| format!("in content/procurement.toml: {e}"))?;
    content.check(q).map_err(|e| e.to_string())?;
    let words =
        ProcurementWords::from_json(words_json).map_err(|e| format!("in content/lang/{code}/procurement.toml: {e}"))?;
    let problems = word_problems(&content, &words, code);
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("the procurement pack's words are incomplete:\n  {}", problems.join("\n  ")))
    }
}
