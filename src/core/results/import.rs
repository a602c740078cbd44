//! Import: reads a results file value by value so that every problem names
//! its field. Version 1 files are migrated; the report inside a file is never
//! trusted. On failure nothing changes.

use crate::core::map::Set;

use super::format::*;
use super::messages::{Expected, ImportError, ImportWarning};
use crate::core::answer::{AnswerValue, Level};
use crate::core::catalog::Catalog;
use crate::core::context::{Context, Deployment, OrgSize, ServiceModel, Stage, UseCase};
use crate::core::json::{Json, JsonError};
use crate::core::read::join;
use crate::core::score::score;

/// A file that passed import: everything needed to resume the assessment.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub language: String,
    pub created: String,
    pub questionnaire_version: String,
    pub context: Context,
    pub answers: Answers,
    /// The respondents of a team assessment (empty for one person).
    pub team: Team,
    /// The target profile the file was scored against, as recorded (not re-applied).
    pub profile: Option<ProfileRef>,
    /// The format version the file was written in.
    pub format_version: u32,
    /// Things the user should know; none of them stopped the import.
    pub warnings: Vec<ImportWarning>,
}

/// Reads a results file. On success the answers are ready to replace the current ones; on failure nothing changes.
pub fn import(catalog: &Catalog, bytes: &[u8]) -> Result<Imported, ImportError> {
    import_json(catalog, &parse(bytes)?)
}

/// The JSON of a results file's bytes, after import's checks of size and encoding.
pub fn parse(bytes: &[u8]) -> Result<Json, ImportError> {
    parse_with(bytes, Json::parse)
}

/// As [`parse`], with the stored report checked but left out (aggregation never reads it).
pub fn parse_without_report(bytes: &[u8]) -> Result<Json, ImportError> {
    let mut json = parse_with(bytes, |text| Json::parse_without(text, "report"))?;
    if let Json::Object(members) = &mut json {
        members.retain(|(key, _)| key != "report");
    }
    Ok(json)
}

fn parse_with(bytes: &[u8], parse: impl Fn(&str) -> Result<Json, JsonError>) -> Result<Json, ImportError> {
    let text = decode(bytes)?;
    parse(text).map_err(|e| match e {
        JsonError::Truncated => ImportError::Truncated,
        JsonError::Syntax { line, column } => ImportError::NotJson { line, column },
        JsonError::TooDeep => ImportError::TooDeep,
        JsonError::DuplicateKey { key, line } => ImportError::DuplicateKey { key, line },
    })
}

/// Reads a results file already parsed (see [`parse`]), as [`import`] does.
pub fn import_json(catalog: &Catalog, json: &Json) -> Result<Imported, ImportError> {
    let read = Reader::<true> { catalog }.file(json)?;
    Ok(read.expect("the whole reader reads a team's file"))
}

/// What one person's copy makes of a results file ([`import_solo`]).
#[derive(Clone, Debug, PartialEq)]
pub enum Solo {
    /// One person's file, read exactly as [`import`] reads it.
    Imported(Box<Imported>),
    /// A file that records a team's work (respondents, who answered what,
    /// disagreements, evidence), left unread for a reader with the team's rules.
    Team,
}

/// Reads a results file as one person's copy does: the widget's first module,
/// which has no team screens and hands a team's file, unread, to the whole
/// widget (src/web/upgrade.rs). One person's file reads exactly as with
/// [`import`], with the same errors and warnings; a file that names a team is
/// [`Solo::Team`] as soon as that is seen, so its team fields are checked (and
/// any error in them reported) by [`import`] alone.
pub fn import_solo(catalog: &Catalog, bytes: &[u8]) -> Result<Solo, ImportError> {
    let read = Reader::<false> { catalog }.file(&parse(bytes)?)?;
    Ok(read.map_or(Solo::Team, |imported| Solo::Imported(Box::new(imported))))
}

/// Whether an object names something of a team's under one of `keys` (any value
/// but null) or `lists` (any value but null and an empty list), as the whole
/// reader would read it.
fn names_team(object: &Json, keys: &[&str], lists: &[&str]) -> bool {
    let given = |k: &str| object.get(k).filter(|v| **v != Json::Null);
    keys.iter().any(|k| given(k).is_some())
        || lists.iter().any(|k| given(k).is_some_and(|v| v.as_array().is_none_or(|items| !items.is_empty())))
}

/// Checks size and encoding and returns the text without a UTF-8 byte-order mark.
fn decode(bytes: &[u8]) -> Result<&str, ImportError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge { bytes: bytes.len() });
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(ImportError::Utf16);
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    // UTF-16 without a byte-order mark: JSON text starts with an ASCII character, so one of the first two bytes is 0.
    if bytes.len() >= 2 && (bytes[0] == 0) != (bytes[1] == 0) {
        return Err(ImportError::Utf16);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| ImportError::NotUtf8)?;
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    Ok(text)
}

/// Per-question notices for a file that answers an earlier questionnaire version listed in
/// content/changes.toml; answers to questions that were split are not carried over.
fn question_changes(
    q: &crate::core::model::Questionnaire,
    version: &str,
    answers: &mut Answers,
    warnings: &mut Vec<ImportWarning>,
) {
    use crate::core::changes::{Changes, Notice};
    let changes = Changes::embedded();
    if changes.current != q.version {
        return;
    }
    let Ok(notices) = changes.notices(q, version, &answers.values) else { return };
    for n in notices {
        match n.notice {
            // Unknown ids were already left out and listed; unchanged answers need no word.
            Notice::Kept | Notice::Removed => continue,
            Notice::Split { .. } => {
                answers.values.remove(&n.question);
            }
            Notice::Review | Notice::Added { .. } => {}
        }
        warnings.push(ImportWarning::QuestionChanged {
            question: n.question,
            notice: n.notice,
            found: version.to_owned(),
            current: q.version.clone(),
        });
    }
}

/// Reads a file value by value. `TEAM`: with the team's fields; without, a
/// file that has any stops the reading with `Ok(None)` ([`import_solo`]).
struct Reader<'a, const TEAM: bool> {
    catalog: &'a Catalog,
}

fn wrong(path: &str, expected: Expected, found: &Json) -> ImportError {
    ImportError::WrongType { path: path.to_owned(), expected, found: found.kind() }
}

impl<const TEAM: bool> Reader<'_, TEAM> {
    fn field<'j>(&self, object: &'j Json, path: &str, key: &str) -> Result<&'j Json, ImportError> {
        object.get(key).ok_or_else(|| ImportError::MissingField { path: join(path, key) })
    }

    /// A member that may be absent or null.
    fn optional<'j>(&self, object: &'j Json, key: &str) -> Option<&'j Json> {
        object.get(key).filter(|v| **v != Json::Null)
    }

    fn object<'j>(&self, value: &'j Json, path: &str) -> Result<&'j [(String, Json)], ImportError> {
        value.as_object().ok_or_else(|| wrong(path, Expected::Object, value))
    }

    fn list<'j>(&self, value: &'j Json, path: &str, limit: usize) -> Result<&'j [Json], ImportError> {
        let items = value.as_array().ok_or_else(|| wrong(path, Expected::List, value))?;
        if items.len() > limit {
            return Err(ImportError::TooMany { path: path.to_owned(), count: items.len(), limit });
        }
        Ok(items)
    }

    fn text<'j>(&self, value: &'j Json, path: &str) -> Result<&'j str, ImportError> {
        value.as_str().ok_or_else(|| wrong(path, Expected::Text, value))
    }

    fn text_field<'j>(&self, object: &'j Json, path: &str, key: &str) -> Result<&'j str, ImportError> {
        self.text(self.field(object, path, key)?, &join(path, key))
    }

    /// Free text of at most `limit` characters with no control characters.
    fn plain(&self, value: &Json, path: &str, limit: usize) -> Result<String, ImportError> {
        let text = self.text(value, path)?;
        let length = text.chars().count();
        if length > limit {
            return Err(if limit == MAX_NOTE_CHARS {
                ImportError::NoteTooLong { path: path.to_owned(), length }
            } else {
                ImportError::TooLong { path: path.to_owned(), length, limit }
            });
        }
        if let Some(c) = text.chars().find(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')) {
            let code = format!("U+{:04X}", u32::from(c));
            return Err(ImportError::ControlCharacter { path: path.to_owned(), code });
        }
        Ok(text.to_owned())
    }

    /// A short text that must not be empty: a label, a title.
    fn label(&self, value: &Json, path: &str, limit: usize) -> Result<String, ImportError> {
        let text = self.plain(value, path, limit)?;
        if text.trim().is_empty() || text.contains(['\n', '\r', '\t']) {
            return Err(ImportError::EmptyText { path: path.to_owned() });
        }
        Ok(text.trim().to_owned())
    }

    fn optional_text(&self, object: &Json, path: &str, key: &str, limit: usize) -> Result<Option<String>, ImportError> {
        self.optional(object, key).map(|v| self.plain(v, &join(path, key), limit)).transpose()
    }

    fn choice<T>(
        &self,
        object: &Json,
        path: &str,
        key: &str,
        parse: fn(&str) -> Option<T>,
        allowed: String,
    ) -> Result<T, ImportError> {
        let path = join(path, key);
        let value = object.get(key).ok_or_else(|| ImportError::MissingField { path: path.clone() })?;
        let text = self.text(value, &path)?;
        parse(text).ok_or_else(|| ImportError::BadChoice { path, found: value.brief(), allowed })
    }

    fn file(&self, json: &Json) -> Result<Option<Imported>, ImportError> {
        if !matches!(json, Json::Object(_)) {
            return Err(ImportError::NotAnObject { found: json.kind() });
        }
        let format = self.field(json, "", "format")?;
        if format != &Json::String(FORMAT.into()) {
            return Err(ImportError::WrongFormat { found: format.brief() });
        }
        let version = self.field(json, "", "format_version")?;
        let format_version = match (version, version.as_integer()) {
            (_, Some(v)) if v > i64::from(FORMAT_VERSION) => {
                return Err(ImportError::FutureVersion { found: version.brief() })
            }
            (_, Some(v)) if v >= i64::from(OLDEST_FORMAT_VERSION) => v as u32,
            (Json::Number(_), _) => return Err(ImportError::BadVersion { found: version.brief() }),
            (other, _) => return Err(wrong("format_version", Expected::WholeNumber, other)),
        };

        let mut warnings = Vec::new();
        if format_version < FORMAT_VERSION {
            warnings.push(ImportWarning::OlderFormat { found: format_version });
        }
        let questionnaire = self.field(json, "", "questionnaire")?;
        self.object(questionnaire, "questionnaire")?;
        let q = &self.catalog.questionnaire;
        let id = self.text_field(questionnaire, "questionnaire", "id")?;
        if id != q.id {
            return Err(ImportError::OtherQuestionnaire { found: Json::String(id.into()).brief() });
        }
        let version = self.text_field(questionnaire, "questionnaire", "version")?;
        if version != q.version {
            warnings
                .push(ImportWarning::OtherQuestionnaireVersion { found: version.into(), current: q.version.clone() });
        }
        let language = self.text_field(questionnaire, "questionnaire", "language")?;
        if !self.catalog.has_language(language) {
            warnings.push(ImportWarning::UnknownLanguage { found: language.into() });
        }

        let created = self.text_field(json, "", "created")?;
        if !crate::core::time::is_rfc3339(created) {
            return Err(ImportError::BadDate { path: "created".into(), found: Json::String(created.into()).brief() });
        }

        let context = self.context(self.field(json, "", "context")?, "context")?;
        let Some(team) = self.team(json)? else { return Ok(None) };
        let profile = self.optional(json, "profile").map(|p| self.profile(p)).transpose()?;
        let Some(mut answers) = self.answers(self.field(json, "", "answers")?, &mut warnings)? else {
            return Ok(None);
        };
        if version != q.version {
            question_changes(q, version, &mut answers, &mut warnings);
        }

        if let Some(report) = json.get("report") {
            let recomputed = score(q, &context, &answers.values);
            // A report made against a target profile differs from the built-in one by design.
            if profile.is_none() && recomputed.to_json() != *report {
                warnings.push(ImportWarning::ReportRecomputed);
            }
        }

        Ok(Some(Imported {
            language: language.to_owned(),
            created: created.to_owned(),
            questionnaire_version: version.to_owned(),
            context,
            answers,
            team,
            profile,
            format_version,
            warnings,
        }))
    }

    fn context(&self, value: &Json, path: &str) -> Result<Context, ImportError> {
        self.object(value, path)?;
        let list_path = join(path, "use_cases");
        let items = self.list(self.field(value, path, "use_cases")?, &list_path, usize::MAX)?;
        let mut context = Context::default();
        for (i, item) in items.iter().enumerate() {
            let path = format!("{list_path}.{i}");
            let text = self.text(item, &path)?;
            let use_case = UseCase::parse(text).ok_or_else(|| ImportError::BadChoice {
                path,
                found: item.brief(),
                allowed: UseCase::allowed(),
            })?;
            context.set_use_case(use_case, true);
        }
        if context.use_cases.is_empty() {
            return Err(ImportError::NoUseCase);
        }
        context.service_model =
            self.choice(value, path, "service_model", ServiceModel::parse, ServiceModel::allowed())?;
        context.deployment = self.choice(value, path, "deployment", Deployment::parse, Deployment::allowed())?;
        context.stage = self.choice(value, path, "stage", Stage::parse, Stage::allowed())?;
        context.org_size = self.choice(value, path, "org_size", OrgSize::parse, OrgSize::allowed())?;
        Ok(context)
    }

    /// The team's respondents; `None` for one person's reader when the file names any.
    fn team(&self, json: &Json) -> Result<Option<Team>, ImportError> {
        if !TEAM {
            let named = names_team(json, &["respondent"], &["respondents", "context_conflicts"]);
            return Ok((!named).then(Team::default));
        }
        let mut team = Team::default();
        if let Some(me) = self.optional(json, "respondent") {
            team.respondent = Some(self.label(me, "respondent", MAX_LABEL_CHARS)?);
        }
        if let Some(list) = self.optional(json, "respondents") {
            let domain_ids: Vec<&str> = self.catalog.questionnaire.domains.iter().map(|d| d.id.as_str()).collect();
            let mut seen = Set::new();
            for (i, item) in self.list(list, "respondents", MAX_RESPONDENTS)?.iter().enumerate() {
                let path = format!("respondents.{i}");
                self.object(item, &path)?;
                let label = self.label(self.field(item, &path, "label")?, &join(&path, "label"), MAX_LABEL_CHARS)?;
                if !seen.insert(label.clone()) {
                    return Err(ImportError::DuplicateRespondent { path: join(&path, "label"), label });
                }
                let mut domains = Vec::new();
                let domains_path = join(&path, "domains");
                if let Some(list) = self.optional(item, "domains") {
                    for (j, d) in self.list(list, &domains_path, domain_ids.len())?.iter().enumerate() {
                        let path = format!("{domains_path}.{j}");
                        let id = self.text(d, &path)?;
                        if !domain_ids.contains(&id) {
                            return Err(ImportError::BadChoice {
                                path,
                                found: d.brief(),
                                allowed: domain_ids.join(", "),
                            });
                        }
                        if !domains.iter().any(|x: &String| x == id) {
                            domains.push(id.to_owned());
                        }
                    }
                }
                team.respondents.push(Respondent { label, domains });
            }
            crate::core::order::sort(&mut team.respondents);
        }
        if let Some(list) = self.optional(json, "context_conflicts") {
            for (i, item) in self.list(list, "context_conflicts", MAX_RESPONDENTS)?.iter().enumerate() {
                let path = format!("context_conflicts.{i}");
                self.object(item, &path)?;
                let respondent =
                    self.label(self.field(item, &path, "respondent")?, &join(&path, "respondent"), MAX_LABEL_CHARS)?;
                let context = self.context(self.field(item, &path, "context")?, &join(&path, "context"))?;
                team.context_conflicts.push(ContextClaim { respondent, context });
            }
        }
        Ok(Some(team))
    }

    fn profile(&self, value: &Json) -> Result<ProfileRef, ImportError> {
        let path = "profile";
        self.object(value, path)?;
        let text = |key: &str| self.label(self.field(value, path, key)?, &join(path, key), MAX_EVIDENCE_TEXT_CHARS);
        Ok(ProfileRef {
            name: text("name")?,
            issuer: text("issuer")?,
            version: text("version")?,
            sha256: self.hash(self.field(value, path, "sha256")?, &join(path, "sha256"))?,
        })
    }

    fn hash(&self, value: &Json, path: &str) -> Result<String, ImportError> {
        let text = self.text(value, path)?;
        if text.len() != 64 || !text.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(ImportError::BadHash { path: path.to_owned(), found: value.brief() });
        }
        Ok(text.to_ascii_lowercase())
    }

    /// The answers; `None` for one person's reader when an answer names a team's records.
    fn answers(&self, value: &Json, warnings: &mut Vec<ImportWarning>) -> Result<Option<Answers>, ImportError> {
        let members = self.object(value, "answers")?;
        let q = &self.catalog.questionnaire;
        let mut answers = Answers::default();
        let (mut unknown, mut na_dropped) = (Vec::new(), Vec::new());
        for (id, entry) in members {
            let path = join("answers", id);
            self.object(entry, &path)?;
            if !TEAM && names_team(entry, &["respondent", "conflict"], &["evidence", "responses"]) {
                return Ok(None);
            }
            let value =
                self.optional(entry, "value").map(|v| self.answer_value(v, &join(&path, "value"))).transpose()?;
            let note = self.optional_text(entry, &path, "note", MAX_NOTE_CHARS)?;
            // One person's reader has returned already if any of these is given.
            let team = |key: &str| if TEAM { self.optional(entry, key) } else { None };
            let respondent =
                team("respondent").map(|v| self.label(v, &join(&path, "respondent"), MAX_LABEL_CHARS)).transpose()?;
            let evidence = match team("evidence") {
                Some(list) => self.evidence(list, &join(&path, "evidence"))?,
                None => Vec::new(),
            };
            let conflict = team("conflict").map(|c| self.conflict(c, &join(&path, "conflict"))).transpose()?;
            let responses = match team("responses") {
                Some(list) => self.responses(list, &path, conflict.as_ref(), respondent.is_some(), value)?,
                None => Vec::new(),
            };
            let Some(question) = q.question(id) else {
                if conflict.is_some() {
                    return Err(ImportError::ConflictOnUnknownQuestion { id: id.clone() });
                }
                unknown.push(id.clone());
                continue;
            };
            let value = match (value, &conflict) {
                (_, Some(c)) if c.is_open() => Some(c.scored_value()),
                (Some(v), Some(c)) => {
                    let resolved = c.resolution.as_ref().map(|r| r.value);
                    if resolved != Some(v) {
                        return Err(ImportError::ResolutionMismatch { path: join(&path, "value") });
                    }
                    Some(v)
                }
                (None, Some(c)) => c.resolution.as_ref().map(|r| r.value),
                (v, None) => v,
            };
            match value {
                Some(AnswerValue::NotApplicable) if !question.not_applicable => na_dropped.push(id.clone()),
                Some(v) => {
                    answers.values.insert(id.clone(), v);
                }
                None => {}
            }
            if let Some(note) = note.filter(|n| !n.trim().is_empty()) {
                answers.notes.insert(id.clone(), note);
            }
            if let Some(r) = respondent {
                answers.respondents.insert(id.clone(), r);
            }
            if !evidence.is_empty() {
                answers.evidence.insert(id.clone(), evidence);
            }
            if let Some(c) = conflict {
                answers.conflicts.insert(id.clone(), c);
            }
            if !responses.is_empty() {
                answers.responses.insert(id.clone(), responses);
            }
        }
        if !unknown.is_empty() {
            warnings.push(ImportWarning::UnknownQuestions { ids: unknown });
        }
        if !na_dropped.is_empty() {
            warnings.push(ImportWarning::NotApplicableDropped { ids: na_dropped });
        }
        Ok(Some(answers))
    }

    /// An answer as written in a file: 0-4, "na" or "unknown".
    fn answer_value(&self, value: &Json, path: &str) -> Result<AnswerValue, ImportError> {
        let parsed = match value {
            Json::Number(_) => {
                value.as_integer().and_then(|i| u8::try_from(i).ok()).and_then(Level::new).map(AnswerValue::Level)
            }
            Json::String(s) if s == "na" => Some(AnswerValue::NotApplicable),
            Json::String(s) if s == "unknown" => Some(AnswerValue::Unknown),
            _ => None,
        };
        parsed.ok_or_else(|| ImportError::BadLevel { path: path.to_owned(), found: value.brief() })
    }

    fn evidence(&self, list: &Json, path: &str) -> Result<Vec<Evidence>, ImportError> {
        let mut out = Vec::new();
        for (i, item) in self.list(list, path, MAX_EVIDENCE_PER_QUESTION)?.iter().enumerate() {
            let path = format!("{path}.{i}");
            self.object(item, &path)?;
            let title =
                self.label(self.field(item, &path, "title")?, &join(&path, "title"), MAX_EVIDENCE_TEXT_CHARS)?;
            let review_by = match self.optional(item, "review_by") {
                Some(v) => {
                    let p = join(&path, "review_by");
                    let text = self.text(v, &p)?;
                    if !crate::core::time::is_date(text) {
                        return Err(ImportError::BadDay { path: p, found: v.brief() });
                    }
                    Some(text.to_owned())
                }
                None => None,
            };
            let file = match self.optional(item, "file") {
                Some(f) => {
                    let p = join(&path, "file");
                    self.object(f, &p)?;
                    let name = self.label(self.field(f, &p, "name")?, &join(&p, "name"), MAX_EVIDENCE_TEXT_CHARS)?;
                    let sha256 = self.hash(self.field(f, &p, "sha256")?, &join(&p, "sha256"))?;
                    Some(EvidenceFile { name, sha256 })
                }
                None => None,
            };
            out.push(Evidence {
                title,
                location: self.optional_text(item, &path, "location", MAX_EVIDENCE_TEXT_CHARS)?,
                owner: self.optional_text(item, &path, "owner", MAX_LABEL_CHARS)?,
                review_by,
                file,
            });
        }
        Ok(out)
    }

    /// The answers and notes of several respondents; without a conflict they must agree with the entry's value.
    fn responses(
        &self,
        list: &Json,
        entry_path: &str,
        conflict: Option<&Conflict>,
        has_respondent: bool,
        entry_value: Option<AnswerValue>,
    ) -> Result<Vec<Response>, ImportError> {
        let path = join(entry_path, "responses");
        if has_respondent {
            return Err(ImportError::ResponsesWithRespondent { path });
        }
        let mut out: Vec<Response> = Vec::new();
        for (i, item) in self.list(list, &path, MAX_RESPONDENTS)?.iter().enumerate() {
            let item_path = format!("{path}.{i}");
            self.object(item, &item_path)?;
            let respondent = self.label(
                self.field(item, &item_path, "respondent")?,
                &join(&item_path, "respondent"),
                MAX_LABEL_CHARS,
            )?;
            let taken = out.iter().any(|r| r.respondent == respondent)
                || conflict.is_some_and(|c| c.answers.iter().any(|a| a.respondent == respondent));
            if taken {
                return Err(ImportError::DuplicateRespondent {
                    path: join(&item_path, "respondent"),
                    label: respondent,
                });
            }
            let value =
                self.optional(item, "value").map(|v| self.answer_value(v, &join(&item_path, "value"))).transpose()?;
            if conflict.is_some() && value.is_some() {
                // Answers with a value belong in the conflict's list, where they are scored.
                return Err(ImportError::ResponsesDisagree { path: item_path });
            }
            let note = self.optional_text(item, &item_path, "note", MAX_NOTE_CHARS)?;
            out.push(Response { respondent, value, note });
        }
        if conflict.is_none() {
            let distinct: Set<AnswerValue> = crate::core::order::set(out.iter().filter_map(|r| r.value));
            if distinct.len() > 1 || distinct.iter().next().is_some_and(|v| Some(*v) != entry_value) {
                return Err(ImportError::ResponsesDisagree { path });
            }
        }
        crate::core::order::sort(&mut out);
        Ok(out)
    }

    fn conflict(&self, value: &Json, path: &str) -> Result<Conflict, ImportError> {
        self.object(value, path)?;
        let answers_path = join(path, "answers");
        let mut answers = Vec::new();
        for (i, item) in
            self.list(self.field(value, path, "answers")?, &answers_path, MAX_RESPONDENTS)?.iter().enumerate()
        {
            let path = format!("{answers_path}.{i}");
            self.object(item, &path)?;
            let respondent =
                self.label(self.field(item, &path, "respondent")?, &join(&path, "respondent"), MAX_LABEL_CHARS)?;
            if answers.iter().any(|a: &ConflictAnswer| a.respondent == respondent) {
                return Err(ImportError::DuplicateRespondent { path: join(&path, "respondent"), label: respondent });
            }
            let value = self.answer_value(self.field(item, &path, "value")?, &join(&path, "value"))?;
            let note = self.optional_text(item, &path, "note", MAX_NOTE_CHARS)?;
            answers.push(ConflictAnswer { respondent, value, note });
        }
        crate::core::order::sort(&mut answers);
        let distinct: Set<AnswerValue> = crate::core::order::set(answers.iter().map(|a| a.value));
        if distinct.len() < 2 {
            return Err(ImportError::NotAConflict { path: path.to_owned() });
        }
        let resolution = match self.optional(value, "resolution") {
            Some(r) => {
                let rpath = join(path, "resolution");
                self.object(r, &rpath)?;
                let by = self.label(self.field(r, &rpath, "by")?, &join(&rpath, "by"), MAX_LABEL_CHARS)?;
                let value = self.answer_value(self.field(r, &rpath, "value")?, &join(&rpath, "value"))?;
                let chosen = match self.optional(r, "chosen") {
                    Some(c) => {
                        let cpath = join(&rpath, "chosen");
                        let label = self.label(c, &cpath, MAX_LABEL_CHARS)?;
                        let Some(answer) = answers.iter().find(|a| a.respondent == label) else {
                            return Err(ImportError::ResolutionNotAmongAnswers { path: cpath, found: c.brief() });
                        };
                        if answer.value != value {
                            return Err(ImportError::ResolutionMismatch { path: join(&rpath, "value") });
                        }
                        Some(label)
                    }
                    None => None,
                };
                Some(Resolution { by, chosen, value })
            }
            None => None,
        };
        Ok(Conflict { answers, resolution })
    }
}
