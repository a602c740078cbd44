//! The report of a team assessment: the scores of [`score`] plus what only a
//! team or an evidence register adds: open disagreements, disagreements wide
//! enough to be a finding of their own, and answers claimed without evidence.
//! docs/METHODOLOGY.md states each rule.

use super::answer::AnswerValue;
use super::assessment::{Assessment, Problem};
use super::context::Context;
use super::json::{object, Json};
use super::model::Questionnaire;
use super::results::{Answers, Conflict, ContextClaim, Evidence, Respondent, Response, Team};
use super::score::{score, Report};

/// Disagreements spanning at least this many levels are listed in the action plan.
pub const FINDING_SPAN: u8 = 2;
/// Answers at this level or above are expected to have evidence.
pub const EVIDENCE_LEVEL: u8 = 3;

/// An open disagreement wide enough to be a finding: "agree on the state of X".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Agreement {
    pub question: String,
    pub domain: String,
    /// The lowest and highest level given ("don't know" counts as 0).
    pub lowest: u8,
    pub highest: u8,
    /// Who answered, in label order.
    pub respondents: Vec<String>,
}

/// The report with the team's and the evidence register's findings.
#[derive(Clone, Debug, PartialEq)]
pub struct TeamReport {
    /// The scores; an open disagreement counts at its least assured answer.
    pub report: Report,
    /// Applicable questions whose disagreement nobody has settled, in questionnaire order.
    pub open_conflicts: Vec<String>,
    /// Settled disagreements.
    pub resolved_conflicts: usize,
    /// Open disagreements spanning two levels or more, in questionnaire order.
    pub agreements: Vec<Agreement>,
    /// Applicable questions answered at level 3 or 4 with no evidence recorded.
    pub without_evidence: Vec<String>,
    /// Applicable questions with evidence recorded, in questionnaire order.
    pub with_evidence: Vec<String>,
}

/// The levels an open disagreement's answers span, if any answer has a level.
pub fn span(conflict: &Conflict) -> Option<(u8, u8)> {
    let levels = conflict.answers.iter().filter_map(|a| a.value.scored_level());
    let lowest = levels.clone().min()?;
    Some((lowest, levels.max()?))
}

/// Scores an assessment's answers and adds the team's and the evidence's findings.
/// Callers that only need the scores keep calling [`score`]: the numbers are the same.
pub fn score_assessment(q: &Questionnaire, ctx: &Context, answers: &Answers) -> TeamReport {
    let report = score(q, ctx, &answers.values);
    let mut out = TeamReport {
        report,
        open_conflicts: Vec::new(),
        resolved_conflicts: 0,
        agreements: Vec::new(),
        without_evidence: Vec::new(),
        with_evidence: Vec::new(),
    };
    for domain in &q.domains {
        for question in q.applicable(domain, ctx) {
            let id = &question.id;
            if let Some(c) = answers.conflicts.get(id) {
                if c.is_open() {
                    out.open_conflicts.push(id.clone());
                    if let Some((lowest, highest)) = span(c).filter(|(l, h)| h - l >= FINDING_SPAN) {
                        out.agreements.push(Agreement {
                            question: id.clone(),
                            domain: domain.id.clone(),
                            lowest,
                            highest,
                            respondents: c.answers.iter().map(|a| a.respondent.clone()).collect(),
                        });
                    }
                } else {
                    out.resolved_conflicts += 1;
                }
            }
            let has_evidence = answers.evidence.get(id).is_some_and(|e| !e.is_empty());
            if has_evidence {
                out.with_evidence.push(id.clone());
            }
            let claimed = matches!(answers.values.get(id), Some(AnswerValue::Level(l)) if l.get() >= EVIDENCE_LEVEL);
            if claimed && !has_evidence {
                out.without_evidence.push(id.clone());
            }
        }
    }
    out
}

impl TeamReport {
    /// The team's findings as JSON, printed by `cloudtriage score --json` beside the report.
    pub fn team_json(&self, answers: &Answers) -> Json {
        let ids = |list: &[String]| Json::Array(list.iter().map(Json::str).collect());
        let conflicts = self
            .open_conflicts
            .iter()
            .filter_map(|id| Some((id, answers.conflicts.get(id)?)))
            .map(|(id, c)| {
                let list = c.answers.iter().map(crate::core::results::ConflictAnswer::to_json).collect();
                object([("question", Json::str(id)), ("answers", Json::Array(list))])
            })
            .collect();
        let agreements = self
            .agreements
            .iter()
            .map(|a| {
                object([
                    ("question", Json::str(&a.question)),
                    ("domain", Json::str(&a.domain)),
                    ("lowest", Json::int(a.lowest)),
                    ("highest", Json::int(a.highest)),
                    ("respondents", ids(&a.respondents)),
                ])
            })
            .collect();
        let evidence = self
            .with_evidence
            .iter()
            .map(|id| {
                let list = answers.evidence.get(id).into_iter().flatten().map(|e| {
                    let mut m = vec![("title".to_owned(), Json::str(&e.title))];
                    let mut add = |k: &str, v: &Option<String>| {
                        if let Some(v) = v {
                            m.push((k.to_owned(), Json::str(v)));
                        }
                    };
                    add("location", &e.location);
                    add("owner", &e.owner);
                    add("review_by", &e.review_by);
                    if let Some(f) = &e.file {
                        m.push((
                            "file".to_owned(),
                            object([("name", Json::str(&f.name)), ("sha256", Json::str(&f.sha256))]),
                        ));
                    }
                    Json::Object(m)
                });
                object([("question", Json::str(id)), ("evidence", Json::Array(list.collect()))])
            })
            .collect();
        object([
            ("open_conflicts", Json::int(self.open_conflicts.len() as i64)),
            ("resolved_conflicts", Json::int(self.resolved_conflicts as i64)),
            ("conflicts", Json::Array(conflicts)),
            ("agreements", Json::Array(agreements)),
            ("without_evidence", ids(&self.without_evidence)),
            ("evidence", Json::Array(evidence)),
        ])
    }
}

/// The team of a file prepared for one respondent: their label and assigned
/// domains. Without a label but with domains, the label is the domain ids
/// ("governance, risk"), so the file can still be merged; with neither, the
/// file names nobody and merging will ask for a label. Unknown domain ids are
/// returned as the error.
pub fn respondent_team(q: &Questionnaire, label: Option<&str>, domains: &[String]) -> Result<Team, String> {
    if let Some(unknown) = domains.iter().find(|d| !q.domains.iter().any(|x| &x.id == *d)) {
        return Err(unknown.clone());
    }
    let domains: Vec<String> = q.domains.iter().filter(|d| domains.contains(&d.id)).map(|d| d.id.clone()).collect();
    let label = label.and_then(super::assessment::clean_label).or_else(|| {
        (!domains.is_empty()).then(|| super::assessment::clean_label(&domains.join(", ")).unwrap_or_default())
    });
    Ok(match label {
        Some(label) => Team {
            respondent: Some(label.clone()),
            respondents: vec![Respondent { label, domains }],
            context_conflicts: Vec::new(),
        },
        None => Team::default(),
    })
}

/// What a question card shows about respondents and evidence.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QuestionTeamView {
    /// The one respondent who answered, when one did.
    pub respondent: Option<String>,
    /// Several respondents' answers and notes: agreeing, or notes beside a disagreement.
    pub responses: Vec<Response>,
    /// Different answers, with any settlement.
    pub conflict: Option<Conflict>,
    pub evidence: Vec<Evidence>,
    /// Several respondents answered and the user, without a role label, tried to change it.
    pub needs_label: bool,
    /// This copy's respondent, proposed as who settles a disagreement.
    pub me: Option<String>,
}

/// The team part of one question's card.
pub fn question_team(a: &Assessment, id: &str) -> QuestionTeamView {
    let answers = &a.answers;
    let several = answers.conflicts.contains_key(id) || answers.responses.contains_key(id);
    QuestionTeamView {
        respondent: answers.respondents.get(id).cloned(),
        responses: answers.responses.get(id).cloned().unwrap_or_default(),
        conflict: answers.conflicts.get(id).cloned(),
        evidence: answers.evidence.get(id).cloned().unwrap_or_default(),
        needs_label: several && a.team.respondent.is_none() && a.problem == Some(Problem::NeedRespondent),
        me: a.team.respondent.clone(),
    }
}

/// The team page: the user's role, who takes part, contexts that differ.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TeamView {
    /// This copy's respondent label.
    pub me: Option<String>,
    /// Everyone taking part and their assigned domains.
    pub respondents: Vec<Respondent>,
    /// Every domain id, in questionnaire order, to assign.
    pub domains: Vec<String>,
    /// Respondents' contexts where they differ.
    pub context_conflicts: Vec<ContextClaim>,
}

/// The team page of an assessment.
pub fn team_view(q: &Questionnaire, a: &Assessment) -> TeamView {
    TeamView {
        me: a.team.respondent.clone(),
        respondents: a.team.respondents.clone(),
        domains: q.domains.iter().map(|d| d.id.clone()).collect(),
        context_conflicts: a.team.context_conflicts.clone(),
    }
}

/// The team's findings as the results page shows them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TeamResultsView {
    /// Open disagreements with every answer and note, in questionnaire order.
    pub open: Vec<(String, Conflict)>,
    pub resolved: usize,
    /// Open disagreements of two levels or more: the first actions.
    pub agreements: Vec<Agreement>,
    /// Level 3 or 4 answers without evidence.
    pub without_evidence: Vec<String>,
    /// The evidence register, question by question.
    pub evidence: Vec<(String, Vec<Evidence>)>,
    /// Respondents' contexts where they differ.
    pub context_conflicts: Vec<ContextClaim>,
    /// Everyone taking part.
    pub respondents: Vec<Respondent>,
}

/// The team part of the results page.
pub fn team_results(q: &Questionnaire, a: &Assessment) -> TeamResultsView {
    let t = score_assessment(q, &a.context, &a.answers);
    TeamResultsView {
        open: t
            .open_conflicts
            .iter()
            .filter_map(|id| Some((id.clone(), a.answers.conflicts.get(id)?.clone())))
            .collect(),
        resolved: t.resolved_conflicts,
        agreements: t.agreements,
        without_evidence: t.without_evidence,
        evidence: t.with_evidence.iter().map(|id| (id.clone(), a.answers.evidence[id].clone())).collect(),
        context_conflicts: a.team.context_conflicts.clone(),
        respondents: a.team.respondents.clone(),
    }
}
