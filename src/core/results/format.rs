//! The results file as this program writes it (format version 2): the types,
//! their limits and the JSON writer. docs/RESULTS-FORMAT.md documents it and
//! docs/results.schema.json is generated from these types.

use crate::core::map::Map;

use crate::core::answer::AnswerValue;
use crate::core::catalog::Catalog;
use crate::core::context::Context;
use crate::core::json::{object, Json};
use crate::core::score::{score, Report};

/// The value of the `format` field.
pub const FORMAT: &str = "cloudtriage-results";
/// The format version this program writes and the newest it reads.
pub const FORMAT_VERSION: u32 = 2;
/// The oldest format version this program still opens (and migrates).
pub const OLDEST_FORMAT_VERSION: u32 = 1;
/// The largest file import reads; a complete team assessment with long notes is far smaller.
pub const MAX_FILE_BYTES: usize = 1024 * 1024;
/// The longest note, in characters.
pub const MAX_NOTE_CHARS: usize = 4000;
/// The longest respondent label ("DPO", "Clinical engineering"), in characters.
pub const MAX_LABEL_CHARS: usize = 80;
/// The longest evidence text (title, location, owner, file name), in characters.
pub const MAX_EVIDENCE_TEXT_CHARS: usize = 500;
/// The most evidence entries one question may have.
pub const MAX_EVIDENCE_PER_QUESTION: usize = 20;
/// The most respondents a file may name.
pub const MAX_RESPONDENTS: usize = 100;

/// Which questionnaire a file answers, and in which language it was made.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct QuestionnaireRef {
    /// The questionnaire's id (`cloudtriage-health-cloud`).
    pub id: String,
    /// The questionnaire's version the answers were given to.
    pub version: String,
    /// The language the file was made in (ISO 639-1); answers do not depend on it.
    pub language: String,
}

/// A local file behind a piece of evidence: its name and SHA-256, never its content.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct EvidenceFile {
    /// The file's name as the user's computer showed it.
    pub name: String,
    /// The SHA-256 of the file's bytes, 64 lower-case hexadecimal digits.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = r"^[0-9a-f]{64}$")))]
    pub sha256: String,
}

/// A document that supports an answer: what it is and where it is kept.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Evidence {
    /// The document's title.
    pub title: String,
    /// Where it is kept: a path, a document-system id (free text).
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Option::is_none"))]
    pub location: Option<String>,
    /// The role that owns the document.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Option::is_none"))]
    pub owner: Option<String>,
    /// The date by which it should be reviewed, `YYYY-MM-DD`.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Option::is_none"))]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(schema_with = "day_schema"))]
    pub review_by: Option<String>,
    /// A local file the user chose, identified by name and hash.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Option::is_none"))]
    pub file: Option<EvidenceFile>,
}

/// One respondent's answer to a question on which respondents disagree.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct ConflictAnswer {
    /// Who gave it.
    pub respondent: String,
    /// What they answered.
    pub value: AnswerValue,
    /// Their note, kept with their answer.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Option::is_none"))]
    pub note: Option<String>,
}

/// How a disagreement was settled.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Resolution {
    /// Who resolved it (a respondent label such as "Coordinator").
    pub by: String,
    /// The respondent whose answer was chosen; absent when another answer was entered.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Option::is_none"))]
    pub chosen: Option<String>,
    /// The answer that now stands.
    pub value: AnswerValue,
}

/// Respondents who gave different answers to one question.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Conflict {
    /// Every answer given, one per respondent, sorted by respondent.
    pub answers: Vec<ConflictAnswer>,
    /// The settlement, once someone has made it.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Option::is_none"))]
    pub resolution: Option<Resolution>,
}

impl Conflict {
    /// Whether the disagreement still needs someone to settle it.
    pub fn is_open(&self) -> bool {
        self.resolution.is_none()
    }

    /// The answer an open disagreement is scored by: the least assurance any
    /// respondent gave ("don't know" before the lowest level; "not applicable"
    /// only if everyone said so). docs/METHODOLOGY.md explains why.
    pub fn scored_value(&self) -> AnswerValue {
        let values = self.answers.iter().map(|a| a.value);
        if values.clone().any(|v| v == AnswerValue::Unknown) {
            return AnswerValue::Unknown;
        }
        values.filter(|v| *v != AnswerValue::NotApplicable).min().unwrap_or(AnswerValue::NotApplicable)
    }
}

/// One respondent's answer and note where several respondents answered one question.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Response {
    /// Who gave it.
    pub respondent: String,
    /// What they answered; absent when they only wrote a note.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Option::is_none"))]
    pub value: Option<AnswerValue>,
    /// Their note, kept with their name.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Option::is_none"))]
    pub note: Option<String>,
}

/// One answer with its private note, who gave it, its evidence and any disagreement.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct AnswerEntry {
    /// The answer; null or absent while only a note is written. With an open
    /// conflict, the answer it is scored by (see docs/METHODOLOGY.md).
    pub value: Option<AnswerValue>,
    /// A private note, plain text.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Option::is_none"))]
    pub note: Option<String>,
    /// The respondent who gave the answer.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Option::is_none"))]
    pub respondent: Option<String>,
    /// Documents supporting the answer.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Vec::is_empty"))]
    pub evidence: Vec<Evidence>,
    /// Different answers from several respondents.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Option::is_none"))]
    pub conflict: Option<Conflict>,
    /// Where several respondents answered alike or only wrote notes: each one's
    /// answer and note that `conflict.answers` does not already list.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Vec::is_empty"))]
    pub responses: Vec<Response>,
}

/// A respondent of a team assessment and the domains assigned to them.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Respondent {
    /// A role label such as "DPO"; never a person's name unless they choose so.
    pub label: String,
    /// The domains they were asked to answer; empty for all.
    pub domains: Vec<String>,
}

/// A respondent's context where respondents described the context differently.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct ContextClaim {
    pub respondent: String,
    pub context: Context,
}

/// Who answers a team assessment: the file's own respondent and everyone taking part.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Team {
    /// The respondent this copy belongs to; answers given in it carry this label.
    pub respondent: Option<String>,
    /// Everyone taking part and their assigned domains, sorted by label.
    pub respondents: Vec<Respondent>,
    /// Contexts that differ between respondents, until someone settles them.
    pub context_conflicts: Vec<ContextClaim>,
}

impl Team {
    /// The domains assigned to this copy's respondent (empty: all, or no team).
    pub fn assigned_domains(&self) -> &[String] {
        let Some(me) = &self.respondent else { return &[] };
        self.respondents.iter().find(|r| &r.label == me).map_or(&[], |r| r.domains.as_slice())
    }

    /// Whether this is a one-person assessment with nothing about a team.
    pub fn is_empty(&self) -> bool {
        self.respondent.is_none() && self.respondents.is_empty() && self.context_conflicts.is_empty()
    }
}

/// The target profile an agency published, as applied to a file.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct ProfileRef {
    pub name: String,
    pub issuer: String,
    pub version: String,
    /// The SHA-256 of the profile file's bytes.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = r"^[0-9a-f]{64}$")))]
    pub sha256: String,
}

/// A cloudtriage results file.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(title = "cloudtriage results file"))]
pub struct ResultsFile {
    /// Always "cloudtriage-results".
    #[cfg_attr(not(target_arch = "wasm32"), schemars(schema_with = "format_schema"))]
    pub format: &'static str,
    /// 2. Version 1 files are still read; a newer version is refused by older programs.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 1, max = 2)))]
    pub format_version: u32,
    pub questionnaire: QuestionnaireRef,
    /// When the file was written, RFC 3339.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(schema_with = "created_schema"))]
    pub created: String,
    pub context: Context,
    /// The respondent this copy belongs to (team assessments).
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Option::is_none"))]
    pub respondent: Option<String>,
    /// Everyone taking part and their assigned domains (team assessments).
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Vec::is_empty"))]
    pub respondents: Vec<Respondent>,
    /// Contexts that differ between respondents (merged team assessments).
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Vec::is_empty"))]
    pub context_conflicts: Vec<ContextClaim>,
    /// The target profile the report was computed with, if any.
    #[cfg_attr(not(target_arch = "wasm32"), serde(default, skip_serializing_if = "Option::is_none"))]
    pub profile: Option<ProfileRef>,
    /// Question id to answer.
    pub answers: Map<String, AnswerEntry>,
    /// The scores at the time of writing, for reading; import recomputes them.
    pub report: Report,
}

#[cfg(not(target_arch = "wasm32"))]
fn format_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({ "type": "string", "const": FORMAT })
}

#[cfg(not(target_arch = "wasm32"))]
fn created_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({ "type": "string", "format": "date-time" })
}

#[cfg(not(target_arch = "wasm32"))]
fn day_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({ "type": "string", "format": "date" })
}

/// Answers, notes, evidence and disagreements as the assessment holds them, by question id.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answers {
    pub values: Map<String, AnswerValue>,
    pub notes: Map<String, String>,
    /// Who gave each answer (team assessments).
    pub respondents: Map<String, String>,
    /// Documents supporting each answer.
    pub evidence: Map<String, Vec<Evidence>>,
    /// Disagreements between respondents, open or resolved.
    pub conflicts: Map<String, Conflict>,
    /// Answers and notes of several respondents who did not disagree (see [`Response`]).
    pub responses: Map<String, Vec<Response>>,
}

/// Whether an assessment (its team and answers, as held or as read from a file) is a team's or has
/// evidence: respondents, who answered what, disagreements or evidence entries. The widget then
/// needs its team screens, which it loads on demand.
pub fn is_teamwork(team: &Team, answers: &Answers) -> bool {
    !team.is_empty() || answers.has_team_records()
}

impl Answers {
    /// Whether anything beyond one person's answers and notes is recorded:
    /// who answered, evidence, disagreements or several people's responses.
    /// The widget's first module has no screens for these (see `docs/PERFORMANCE.md`).
    pub fn has_team_records(&self) -> bool {
        !(self.respondents.is_empty()
            && self.evidence.is_empty()
            && self.conflicts.is_empty()
            && self.responses.is_empty())
    }

    /// Every question id with something recorded about it.
    pub fn ids(&self) -> crate::core::map::Set<&String> {
        crate::core::order::set(
            self.values
                .keys()
                .chain(self.notes.keys())
                .chain(self.respondents.keys())
                .chain(self.evidence.keys())
                .chain(self.conflicts.keys())
                .chain(self.responses.keys()),
        )
    }

    /// The disagreements nobody has settled yet.
    pub fn open_conflicts(&self) -> impl Iterator<Item = (&String, &Conflict)> {
        self.conflicts.iter().filter(|(_, c)| c.is_open())
    }

    /// The file entry of one question, if anything is recorded about it.
    pub fn entry(&self, id: &str) -> Option<AnswerEntry> {
        let note = self.notes.get(id).filter(|n| !n.trim().is_empty()).cloned();
        let entry = AnswerEntry {
            value: self.values.get(id).copied(),
            note,
            respondent: self.respondents.get(id).cloned(),
            evidence: self.evidence.get(id).cloned().unwrap_or_default(),
            conflict: self.conflicts.get(id).cloned(),
            responses: self.responses.get(id).cloned().unwrap_or_default(),
        };
        let empty = entry.value.is_none()
            && entry.note.is_none()
            && entry.respondent.is_none()
            && entry.evidence.is_empty()
            && entry.conflict.is_none()
            && entry.responses.is_empty();
        (!empty).then_some(entry)
    }
}

impl ResultsFile {
    /// A results file for the answers, with a freshly computed report.
    pub fn new(
        catalog: &Catalog,
        language: &str,
        created: String,
        context: &Context,
        answers: &Answers,
    ) -> ResultsFile {
        let report = score(&catalog.questionnaire, context, &answers.values);
        ResultsFile::with_report(catalog, language, created, context, answers, report)
    }

    /// A results file for the answers and their report, already computed by the caller
    /// (the widget scores once per change and shares the report with every writer).
    pub fn with_report(
        catalog: &Catalog,
        language: &str,
        created: String,
        context: &Context,
        answers: &Answers,
        report: Report,
    ) -> ResultsFile {
        let q = &catalog.questionnaire;
        let entries =
            crate::core::order::map(answers.ids().into_iter().filter_map(|id| Some((id.clone(), answers.entry(id)?))));
        ResultsFile {
            format: FORMAT,
            format_version: FORMAT_VERSION,
            questionnaire: QuestionnaireRef {
                id: q.id.clone(),
                version: q.version.clone(),
                language: language.to_owned(),
            },
            created,
            context: context.clone(),
            respondent: None,
            respondents: Vec::new(),
            context_conflicts: Vec::new(),
            profile: None,
            answers: entries,
            report,
        }
    }

    /// The same file with the team's respondents recorded.
    pub fn with_team(mut self, team: &Team) -> ResultsFile {
        self.respondent = team.respondent.clone();
        self.respondents = team.respondents.clone();
        self.context_conflicts = team.context_conflicts.clone();
        self
    }

    /// The same file with the profile it was scored against, and that report.
    pub fn with_profile(mut self, profile: Option<ProfileRef>, report: Report) -> ResultsFile {
        self.profile = profile;
        self.report = report;
        self
    }

    /// A file listing every question that applies in the context, none answered.
    pub fn template(catalog: &Catalog, language: &str, created: String, context: &Context) -> ResultsFile {
        let mut file = ResultsFile::new(catalog, language, created, context, &Answers::default());
        for (_, question) in catalog.questionnaire.questions().filter(|(_, q)| q.applies_to(context)) {
            file.answers.insert(question.id.clone(), AnswerEntry::default());
        }
        file
    }

    /// The team recorded in the file.
    pub fn team(&self) -> Team {
        Team {
            respondent: self.respondent.clone(),
            respondents: self.respondents.clone(),
            context_conflicts: self.context_conflicts.clone(),
        }
    }

    /// The file as a JSON value.
    pub fn to_value(&self) -> Json {
        let answers = self.answers.iter().map(|(id, entry)| (id.clone(), entry.to_json())).collect();
        let q = &self.questionnaire;
        let mut members = vec![
            ("format".to_owned(), Json::str(self.format)),
            ("format_version".to_owned(), Json::int(self.format_version)),
            (
                "questionnaire".to_owned(),
                object([
                    ("id", Json::str(&q.id)),
                    ("version", Json::str(&q.version)),
                    ("language", Json::str(&q.language)),
                ]),
            ),
            ("created".to_owned(), Json::str(&self.created)),
            ("context".to_owned(), self.context.to_json()),
        ];
        if let Some(respondent) = &self.respondent {
            members.push(("respondent".to_owned(), Json::str(respondent)));
        }
        if !self.respondents.is_empty() {
            let list = self.respondents.iter().map(Respondent::to_json).collect();
            members.push(("respondents".to_owned(), Json::Array(list)));
        }
        if !self.context_conflicts.is_empty() {
            let list = self
                .context_conflicts
                .iter()
                .map(|c| object([("respondent", Json::str(&c.respondent)), ("context", c.context.to_json())]))
                .collect();
            members.push(("context_conflicts".to_owned(), Json::Array(list)));
        }
        if let Some(p) = &self.profile {
            members.push(("profile".to_owned(), p.to_json()));
        }
        members.push(("answers".to_owned(), Json::Object(answers)));
        members.push(("report".to_owned(), self.report.to_json()));
        Json::Object(members)
    }

    /// The file as indented JSON text.
    pub fn to_json(&self) -> String {
        self.to_value().pretty()
    }
}

fn optional(members: &mut Vec<(String, Json)>, key: &str, value: &Option<String>) {
    if let Some(v) = value {
        members.push((key.to_owned(), Json::str(v)));
    }
}

impl AnswerEntry {
    fn to_json(&self) -> Json {
        let mut members = vec![("value".to_owned(), self.value.map_or(Json::Null, AnswerValue::to_json))];
        optional(&mut members, "note", &self.note);
        optional(&mut members, "respondent", &self.respondent);
        if !self.evidence.is_empty() {
            members.push(("evidence".to_owned(), Json::Array(self.evidence.iter().map(Evidence::to_json).collect())));
        }
        if let Some(conflict) = &self.conflict {
            members.push(("conflict".to_owned(), conflict.to_json()));
        }
        if !self.responses.is_empty() {
            let list = self
                .responses
                .iter()
                .map(|r| {
                    let mut m = vec![("respondent".to_owned(), Json::str(&r.respondent))];
                    if let Some(v) = r.value {
                        m.push(("value".to_owned(), v.to_json()));
                    }
                    optional(&mut m, "note", &r.note);
                    Json::Object(m)
                })
                .collect();
            members.push(("responses".to_owned(), Json::Array(list)));
        }
        Json::Object(members)
    }
}

impl Evidence {
    fn to_json(&self) -> Json {
        let mut members = vec![("title".to_owned(), Json::str(&self.title))];
        optional(&mut members, "location", &self.location);
        optional(&mut members, "owner", &self.owner);
        optional(&mut members, "review_by", &self.review_by);
        if let Some(file) = &self.file {
            members.push((
                "file".to_owned(),
                object([("name", Json::str(&file.name)), ("sha256", Json::str(&file.sha256))]),
            ));
        }
        Json::Object(members)
    }
}

impl ConflictAnswer {
    /// One respondent's answer as files and `cloudtriage merge --json` write it.
    pub fn to_json(&self) -> Json {
        let mut members =
            vec![("respondent".to_owned(), Json::str(&self.respondent)), ("value".to_owned(), self.value.to_json())];
        optional(&mut members, "note", &self.note);
        Json::Object(members)
    }
}

impl Conflict {
    fn to_json(&self) -> Json {
        let answers = self.answers.iter().map(ConflictAnswer::to_json).collect();
        let mut members = vec![("answers".to_owned(), Json::Array(answers))];
        if let Some(r) = &self.resolution {
            let mut resolution = vec![("by".to_owned(), Json::str(&r.by))];
            optional(&mut resolution, "chosen", &r.chosen);
            resolution.push(("value".to_owned(), r.value.to_json()));
            members.push(("resolution".to_owned(), Json::Object(resolution)));
        }
        Json::Object(members)
    }
}

impl Respondent {
    fn to_json(&self) -> Json {
        object([
            ("label", Json::str(&self.label)),
            ("domains", Json::Array(self.domains.iter().map(Json::str).collect())),
        ])
    }
}

impl ProfileRef {
    fn to_json(&self) -> Json {
        object([
            ("name", Json::str(&self.name)),
            ("issuer", Json::str(&self.issuer)),
            ("version", Json::str(&self.version)),
            ("sha256", Json::str(&self.sha256)),
        ])
    }
}
