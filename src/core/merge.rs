//! Merging the results files of a team into one, with files alone.
//!
//! Every answer belongs to a respondent (a role label). Merging collects, per
//! question, each respondent's answer and note; answers that agree stay one
//! answer, answers that differ become a disagreement that keeps every answer,
//! its respondent and note. The rules are set operations, so merging is
//! order-independent, idempotent and associative; docs/METHODOLOGY.md states
//! them and tests/merge.rs proves them with property tests.

use crate::core::map::{Map, Set};

use super::answer::AnswerValue;
use super::catalog::Catalog;
use super::context::{Context, Deployment, ServiceModel};
use super::i18n::Language;
use super::model::Questionnaire;
use super::results::{
    Answers, Conflict, ConflictAnswer, ContextClaim, Evidence, Imported, ProfileRef, Resolution, Respondent, Response,
    ResultsFile, Team, FORMAT_VERSION, MAX_EVIDENCE_PER_QUESTION, MAX_RESPONDENTS,
};

/// One file to merge: what import read, the name to mention in messages, and
/// a respondent label given for a file that carries none.
#[derive(Clone, Debug, PartialEq)]
pub struct MergeInput {
    /// The file's name, for messages.
    pub name: String,
    pub imported: Imported,
    /// Used when the file names no respondent of its own.
    pub label: Option<String>,
}

impl MergeInput {
    /// A file to merge under its own respondent label.
    pub fn new(name: &str, imported: Imported) -> MergeInput {
        MergeInput { name: name.to_owned(), imported, label: None }
    }
}

/// Why files cannot be merged. Nothing is merged then; the files are unchanged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MergeError {
    /// No file was given.
    NothingToMerge,
    /// A file has answers or notes but no respondent they could belong to.
    Unlabelled { file: String },
    /// One respondent answered a question differently in two files.
    SameRespondentDiffers { respondent: String, question: String },
    /// The same disagreement was settled differently in two files.
    ResolvedDifferently { question: String },
    /// Together the files hold more evidence for one question than a file may.
    TooMuchEvidence { question: String },
    /// Together the files name more respondents than a file may.
    TooManyRespondents { count: usize },
}

impl MergeError {
    /// The message in a language, saying what to do.
    pub fn message(&self, lang: &Language) -> String {
        match self {
            MergeError::NothingToMerge => lang.t("merge_errors.nothing").to_owned(),
            MergeError::Unlabelled { file } => lang.fill("merge_errors.unlabelled", &[("file", file)]),
            MergeError::SameRespondentDiffers { respondent, question } => {
                lang.fill("merge_errors.same_respondent", &[("respondent", respondent), ("question", question)])
            }
            MergeError::ResolvedDifferently { question } => {
                lang.fill("merge_errors.resolved_differently", &[("question", question)])
            }
            MergeError::TooMuchEvidence { question } => lang.fill(
                "merge_errors.too_much_evidence",
                &[("question", question), ("limit", &MAX_EVIDENCE_PER_QUESTION.to_string())],
            ),
            MergeError::TooManyRespondents { count } => lang.fill(
                "merge_errors.too_many_respondents",
                &[("count", &count.to_string()), ("limit", &MAX_RESPONDENTS.to_string())],
            ),
        }
    }
}

impl std::fmt::Display for MergeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Catalog::embedded().language("en")))
    }
}

impl std::error::Error for MergeError {}

/// Every respondent's answer and note on one question (empty for a one-person answer).
pub fn records(answers: &Answers, id: &str) -> Vec<Response> {
    let mut out: Vec<Response> = match answers.conflicts.get(id) {
        Some(c) => c
            .answers
            .iter()
            .map(|a| Response { respondent: a.respondent.clone(), value: Some(a.value), note: a.note.clone() })
            .collect(),
        None => Vec::new(),
    };
    out.extend(answers.responses.get(id).into_iter().flatten().cloned());
    if out.is_empty() {
        if let Some(label) = answers.respondents.get(id) {
            out.push(Response {
                respondent: label.clone(),
                value: answers.values.get(id).copied(),
                note: answers.notes.get(id).cloned(),
            });
        }
    }
    crate::core::order::sort(&mut out);
    out
}

/// Writes one question's respondents' answers in the one form files use: a
/// single respondent as `respondent`, several who agree as `responses`, several
/// who differ as a `conflict` (with a settlement kept only if it still fits).
/// Evidence is left as it is.
pub fn store(answers: &mut Answers, id: &str, mut records: Vec<Response>, resolution: Option<Resolution>) {
    answers.values.remove(id);
    answers.notes.remove(id);
    answers.respondents.remove(id);
    answers.conflicts.remove(id);
    answers.responses.remove(id);
    for r in &mut records {
        r.note = r.note.take().filter(|n| !n.trim().is_empty());
    }
    records.retain(|r| r.value.is_some() || r.note.is_some());
    crate::core::order::sort(&mut records);
    let distinct: Set<AnswerValue> = crate::core::order::set(records.iter().filter_map(|r| r.value));
    match (records.len(), distinct.len()) {
        (0, _) => {}
        (1, _) => {
            let r = records.pop().expect("one record");
            if let Some(v) = r.value {
                answers.values.insert(id.to_owned(), v);
            }
            if let Some(n) = r.note {
                answers.notes.insert(id.to_owned(), n);
            }
            answers.respondents.insert(id.to_owned(), r.respondent);
        }
        (_, 0 | 1) => {
            if let Some(v) = distinct.into_iter().next() {
                answers.values.insert(id.to_owned(), v);
            }
            answers.responses.insert(id.to_owned(), records);
        }
        _ => {
            let (given, notes_only): (Vec<Response>, Vec<Response>) =
                records.into_iter().partition(|r| r.value.is_some());
            let answers_given: Vec<ConflictAnswer> = given
                .into_iter()
                .map(|r| ConflictAnswer {
                    respondent: r.respondent,
                    value: r.value.expect("partitioned"),
                    note: r.note,
                })
                .collect();
            // A settlement that chose a respondent stands only while that respondent still gives that answer.
            let resolution = resolution.filter(|res| match &res.chosen {
                Some(label) => answers_given.iter().any(|a| &a.respondent == label && a.value == res.value),
                None => true,
            });
            let conflict = Conflict { answers: answers_given, resolution };
            let value = conflict.resolution.as_ref().map_or_else(|| conflict.scored_value(), |r| r.value);
            answers.values.insert(id.to_owned(), value);
            answers.conflicts.insert(id.to_owned(), conflict);
            if !notes_only.is_empty() {
                answers.responses.insert(id.to_owned(), notes_only);
            }
        }
    }
}

/// The respondent labels a file mentions anywhere.
fn labels(imported: &Imported) -> Set<String> {
    let a = &imported.answers;
    let mut out: Set<String> = imported.team.respondents.iter().map(|r| r.label.clone()).collect();
    out.extend(imported.team.respondent.clone());
    out.extend(a.respondents.values().cloned());
    out.extend(a.conflicts.values().flat_map(|c| c.answers.iter().map(|x| x.respondent.clone())));
    out.extend(a.responses.values().flat_map(|l| l.iter().map(|x| x.respondent.clone())));
    out
}

/// Domain ids without repeats, in questionnaire order.
fn canonical_domains(q: &Questionnaire, domains: &[String]) -> Vec<String> {
    q.domains.iter().filter(|d| domains.contains(&d.id)).map(|d| d.id.clone()).collect()
}

/// Two assignments of one respondent together: "all domains" (empty) wins, else both lists.
fn join_domains(q: &Questionnaire, a: &[String], b: &[String]) -> Vec<String> {
    if a.is_empty() || b.is_empty() {
        return Vec::new();
    }
    let both: Vec<String> = a.iter().chain(b).cloned().collect();
    canonical_domains(q, &both)
}

/// The context the merged file carries while respondents' contexts differ: the
/// widest and most demanding of them, so no respondent's questions drop out.
pub fn widest_context(contexts: &[&Context]) -> Context {
    let mut out = contexts.first().map(|c| (*c).clone()).unwrap_or_default();
    for c in contexts.iter().skip(1) {
        for u in &c.use_cases {
            out.set_use_case(*u, true);
        }
        if out.service_model != c.service_model {
            out.service_model = ServiceModel::Undecided;
        }
        if out.deployment != c.deployment {
            out.deployment = Deployment::Undecided;
        }
        out.stage = out.stage.max(c.stage);
        out.org_size = out.org_size.max(c.org_size);
    }
    out
}

/// One value if every file has the same, else none.
fn common<T: PartialEq + Clone>(values: impl IntoIterator<Item = T>) -> Option<T> {
    let mut values = values.into_iter();
    let first = values.next()?;
    values.all(|v| v == first).then_some(first)
}

/// A file made ready to merge: every answer attributed, the respondent listed,
/// assignments and evidence in their canonical order.
fn normalise(q: &Questionnaire, input: &MergeInput) -> Result<Imported, MergeError> {
    let mut file = input.imported.clone();
    if file.team.respondent.is_none() {
        file.team.respondent = input.label.clone().map(|l| l.trim().to_owned()).filter(|l| !l.is_empty());
    }
    let unattributed: Vec<String> = file
        .answers
        .values
        .keys()
        .chain(file.answers.notes.keys())
        .filter(|id| {
            !file.answers.respondents.contains_key(*id)
                && !file.answers.conflicts.contains_key(*id)
                && !file.answers.responses.contains_key(*id)
        })
        .cloned()
        .collect();
    if !unattributed.is_empty() {
        let Some(label) = file.team.respondent.clone() else {
            return Err(MergeError::Unlabelled { file: input.name.clone() });
        };
        for id in unattributed {
            file.answers.respondents.insert(id, label.clone());
        }
    }
    if let Some(label) = &file.team.respondent {
        if !file.team.respondents.iter().any(|r| &r.label == label) {
            file.team.respondents.push(Respondent { label: label.clone(), domains: Vec::new() });
        }
    }
    for r in &mut file.team.respondents {
        r.domains = canonical_domains(q, &r.domains);
    }
    crate::core::order::sort(&mut file.team.respondents);
    for list in file.answers.evidence.values_mut() {
        crate::core::order::sort(list);
        list.dedup();
    }
    Ok(file)
}

/// The contexts a file's respondents described: its recorded differences, else
/// its context for each respondent it mentions.
fn claims(file: &Imported) -> Vec<ContextClaim> {
    if !file.team.context_conflicts.is_empty() {
        return file.team.context_conflicts.clone();
    }
    labels(file).into_iter().map(|respondent| ContextClaim { respondent, context: file.context.clone() }).collect()
}

/// Merges results files into one. Fails, changing nothing, when a file has
/// answers nobody is named for or when the files contradict themselves (see
/// [`MergeError`]); disagreements between respondents are kept, not refused.
pub fn merge(catalog: &Catalog, inputs: &[MergeInput]) -> Result<Imported, MergeError> {
    let q = &catalog.questionnaire;
    if inputs.is_empty() {
        return Err(MergeError::NothingToMerge);
    }
    let files: Vec<Imported> = inputs.iter().map(|i| normalise(q, i)).collect::<Result<_, _>>()?;

    // Team: everyone taking part, with every domain any file assigned them.
    let mut respondents: Map<String, Vec<String>> = Map::new();
    for r in files.iter().flat_map(|f| &f.team.respondents) {
        let joined = match respondents.get(&r.label) {
            Some(d) => join_domains(q, d, &r.domains),
            None => r.domains.clone(),
        };
        respondents.insert(r.label.clone(), joined);
    }
    if respondents.len() > MAX_RESPONDENTS {
        return Err(MergeError::TooManyRespondents { count: respondents.len() });
    }

    // Context: one if everyone described the same, else every claim, shown.
    let mut all_claims: Vec<ContextClaim> = Vec::new();
    for claim in files.iter().flat_map(claims) {
        if !all_claims.contains(&claim) {
            all_claims.push(claim);
        }
    }
    crate::core::order::sort_by(&mut all_claims, |a, b| {
        a.respondent.cmp(&b.respondent).then_with(|| context_key(&a.context).cmp(&context_key(&b.context)))
    });
    let claimed: Vec<&Context> = if all_claims.is_empty() {
        files.iter().map(|f| &f.context).collect()
    } else {
        all_claims.iter().map(|c| &c.context).collect()
    };
    let mut contexts: Vec<&Context> = Vec::new();
    for c in claimed {
        if !contexts.contains(&c) {
            contexts.push(c);
        }
    }
    crate::core::order::sort_by_key(&mut contexts, |c| context_key(c));
    let context = widest_context(&contexts);
    let context_conflicts = if contexts.len() > 1 { all_claims } else { Vec::new() };

    // Answers, question by question.
    let mut answers = Answers::default();
    let ids: Set<String> = files.iter().flat_map(|f| f.answers.ids().into_iter().cloned()).collect();
    for id in &ids {
        let mut merged: Map<String, Response> = Map::new();
        for r in files.iter().flat_map(|f| records(&f.answers, id)) {
            match merged.get_mut(&r.respondent) {
                None => {
                    merged.insert(r.respondent.clone(), r);
                }
                Some(seen) => {
                    let differs = |a: bool, b: bool, same: bool| a && b && !same;
                    if differs(seen.value.is_some(), r.value.is_some(), seen.value == r.value)
                        || differs(seen.note.is_some(), r.note.is_some(), seen.note == r.note)
                    {
                        return Err(MergeError::SameRespondentDiffers {
                            respondent: r.respondent,
                            question: id.clone(),
                        });
                    }
                    seen.value = seen.value.or(r.value);
                    seen.note = seen.note.take().or(r.note);
                }
            }
        }
        let records: Vec<Response> = merged.into_values().collect();
        let given: Vec<(&str, AnswerValue)> =
            records.iter().filter_map(|r| Some((r.respondent.as_str(), r.value?))).collect();
        // A settlement survives when the answers it settled are exactly the answers now.
        let mut settlements: Vec<&Resolution> = Vec::new();
        for f in &files {
            let Some(c) = f.answers.conflicts.get(id) else { continue };
            let Some(res) = &c.resolution else { continue };
            let settled: Vec<(&str, AnswerValue)> =
                c.answers.iter().map(|a| (a.respondent.as_str(), a.value)).collect();
            if settled == given && !settlements.contains(&res) {
                settlements.push(res);
            }
        }
        if settlements.len() > 1 {
            return Err(MergeError::ResolvedDifferently { question: id.clone() });
        }
        store(&mut answers, id, records, settlements.pop().cloned());

        let mut evidence: Vec<Evidence> =
            files.iter().flat_map(|f| f.answers.evidence.get(id).into_iter().flatten().cloned()).collect();
        crate::core::order::sort(&mut evidence);
        evidence.dedup();
        if evidence.len() > MAX_EVIDENCE_PER_QUESTION {
            return Err(MergeError::TooMuchEvidence { question: id.clone() });
        }
        if !evidence.is_empty() {
            answers.evidence.insert(id.clone(), evidence);
        }
    }

    let team = Team {
        respondent: common(files.iter().map(|f| f.team.respondent.clone())).flatten(),
        respondents: respondents.into_iter().map(|(label, domains)| Respondent { label, domains }).collect(),
        context_conflicts,
    };
    Ok(Imported {
        language: files.iter().map(|f| f.language.clone()).min().expect("at least one file"),
        created: files.iter().map(|f| f.created.clone()).max().expect("at least one file"),
        questionnaire_version: q.version.clone(),
        context,
        answers,
        team,
        profile: common(files.iter().map(|f| f.profile.clone())).flatten(),
        format_version: FORMAT_VERSION,
        warnings: Vec::new(),
    })
}

/// A total order on contexts, so that merged lists do not depend on file order.
fn context_key(
    c: &Context,
) -> (Vec<super::context::UseCase>, ServiceModel, Deployment, super::context::Stage, super::context::OrgSize) {
    (c.use_cases.clone(), c.service_model, c.deployment, c.stage, c.org_size)
}

/// The results file of an assessment as imported or merged.
pub fn file_of(catalog: &Catalog, imported: &Imported) -> ResultsFile {
    let profile: Option<ProfileRef> = imported.profile.clone();
    let file =
        ResultsFile::new(catalog, &imported.language, imported.created.clone(), &imported.context, &imported.answers)
            .with_team(&imported.team);
    let report = file.report.clone();
    file.with_profile(profile, report)
}

/// Counts for the summary a merge prints and shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergeSummary {
    pub files: usize,
    pub respondents: usize,
    /// Questions with an answer.
    pub answered: usize,
    /// Questions several respondents answered alike.
    pub agreed: usize,
    pub open_conflicts: usize,
    pub resolved_conflicts: usize,
    /// Whether respondents described the context differently.
    pub context_differs: bool,
}

impl MergeSummary {
    /// The summary of a merged assessment made from `files` files.
    pub fn of(files: usize, merged: &Imported) -> MergeSummary {
        let a = &merged.answers;
        MergeSummary {
            files,
            respondents: merged.team.respondents.len(),
            answered: a.values.len(),
            agreed: a.responses.iter().filter(|(id, l)| !a.conflicts.contains_key(*id) && l.len() > 1).count(),
            open_conflicts: a.open_conflicts().count(),
            resolved_conflicts: a.conflicts.values().filter(|c| !c.is_open()).count(),
            context_differs: !merged.team.context_conflicts.is_empty(),
        }
    }
}
