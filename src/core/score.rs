//! Scoring: from a context and answers to indices, domain levels, caps and a
//! ranked action plan. Pure and deterministic: integer arithmetic wherever a
//! result is reported, so the browser and the host agree to the last digit.
//! docs/METHODOLOGY.md explains every rule with a worked example.

use crate::core::map::Map;

use super::answer::AnswerValue;
use super::context::Context;
use super::json::{object, Json};
use super::model::{Index, Party, Question, Questionnaire};
use super::reference::Reference;

/// How a question stands in the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), serde(rename_all = "snake_case", tag = "state", content = "level"))]
pub enum Standing {
    /// Answered with a level.
    Level(u8),
    /// Answered "don't know" (scored as 0).
    Unknown,
    /// Not answered yet (scored as 0).
    Unanswered,
}

impl Standing {
    fn of(answer: Option<AnswerValue>) -> Option<Standing> {
        match answer {
            Some(AnswerValue::Level(l)) => Some(Standing::Level(l.get())),
            Some(AnswerValue::Unknown) => Some(Standing::Unknown),
            Some(AnswerValue::NotApplicable) => None,
            None => Some(Standing::Unanswered),
        }
    }

    /// The level this standing counts as.
    pub fn level(self) -> u8 {
        match self {
            Standing::Level(l) => l,
            Standing::Unknown | Standing::Unanswered => 0,
        }
    }
}

/// A critical question that holds an index down.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Cap {
    /// The question's id.
    pub question: String,
    /// Where it stands: below the critical level, unknown or unanswered.
    #[cfg_attr(not(target_arch = "wasm32"), serde(flatten))]
    pub standing: Standing,
}

/// One index: a score from 0 to 100 and its band.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct IndexReport {
    /// The score after any cap; absent when no question feeding the index applies.
    pub score: Option<u8>,
    /// The score the answers would give without the cap.
    pub uncapped: Option<u8>,
    /// The band's id (see the questionnaire's bands).
    pub band: Option<String>,
    /// The critical questions that capped the score, in questionnaire order.
    pub capped_by: Vec<Cap>,
}

/// The maturity of one domain.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct DomainReport {
    pub id: String,
    /// Weighted mean level in hundredths, from 0 (0.00) to 400 (4.00).
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(with = "f64", description = "Weighted mean level from 0.00 to 4.00, to two decimals.")
    )]
    pub level: u16,
    /// The level as a percentage of 4.
    pub percent: u8,
    /// Weighted mean target level of the scored questions, in hundredths.
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(with = "f64", description = "Weighted mean target level of the scored questions, to two decimals.")
    )]
    pub target: u16,
    /// Applicable questions in the domain.
    pub applicable: usize,
    /// Of those, how many have an answer (a level, not applicable or don't know).
    pub answered: usize,
    /// Of those scored, how many reach their target.
    pub at_target: usize,
}

impl DomainReport {
    /// The target as a percentage of the highest level, for bars drawn against 100.
    pub fn target_percent(&self) -> u8 {
        percent(u64::from(self.target), 400)
    }
}

/// How much of the assessment is answered, and how much of it is known.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Completeness {
    /// Questions that apply in this context.
    pub applicable: usize,
    /// Questions answered in any way.
    pub answered: usize,
    /// Answered with a level or "not applicable" (not "don't know").
    pub known: usize,
    /// `answered` as a percentage of `applicable`.
    pub percent: u8,
    /// `known` as a percentage of `applicable`: how far the scores rest on knowledge.
    pub confidence: u8,
}

/// One gap to close, ranked in the action plan.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct PlanItem {
    /// 1 for the first thing to do.
    pub rank: usize,
    pub question: String,
    pub domain: String,
    pub critical: bool,
    #[cfg_attr(not(target_arch = "wasm32"), serde(flatten))]
    pub standing: Standing,
    pub target: u8,
    /// The level to reach next (its descriptor is the concrete next step).
    pub next_level: u8,
    pub weight: u8,
    /// (target - level) x weight: the order within critical and non-critical gaps.
    pub priority: u32,
    /// Who carries it under the chosen service model; absent while undecided.
    pub responsibility: Option<Party>,
    pub references: Vec<Reference>,
}

/// Everything the answers say: computed, never read from a file.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Report {
    pub cloud_readiness: IndexReport,
    pub data_protection: IndexReport,
    pub domains: Vec<DomainReport>,
    pub completeness: Completeness,
    pub actions: Vec<PlanItem>,
    /// Applicable questions not answered yet, in questionnaire order.
    pub unanswered: Vec<String>,
}

impl Report {
    /// The report of one index.
    pub fn of_index(&self, index: Index) -> &IndexReport {
        match index {
            Index::CloudReadiness => &self.cloud_readiness,
            Index::DataProtection => &self.data_protection,
        }
    }

    /// The report of one domain.
    pub fn domain(&self, id: &str) -> Option<&DomainReport> {
        self.domains.iter().find(|d| d.id == id)
    }
}

/// `numerator / denominator` as a whole percentage, rounded half up.
fn percent(numerator: u64, denominator: u64) -> u8 {
    if denominator == 0 {
        return 0;
    }
    ((200 * numerator + denominator) / (2 * denominator)).min(100) as u8
}

/// Weighted sums of levels: Σ weight × level and Σ weight.
#[derive(Default)]
struct Sum {
    weighted_levels: u64,
    weights: u64,
}

impl Sum {
    fn add(&mut self, weight: u8, level: u8) {
        self.weighted_levels += u64::from(weight) * u64::from(level);
        self.weights += u64::from(weight);
    }
    /// Σ w·l / Σ w in hundredths, rounded half up (only called when something was added).
    fn mean_level(&self) -> u16 {
        ((200 * self.weighted_levels + self.weights) / (2 * self.weights)) as u16
    }
    /// Σ w·l / Σ w·4 as a percentage, or `None` when nothing was added.
    fn percent(&self) -> Option<u8> {
        (self.weights > 0).then(|| percent(self.weighted_levels, 4 * self.weights))
    }
}

/// Scores answers in a context. Answers to questions that do not apply, or unknown ids, are ignored.
pub fn score(q: &Questionnaire, ctx: &Context, answers: &Map<String, AnswerValue>) -> Report {
    score_with_targets(q, ctx, answers, &|question, _| q.target(question, ctx))
}

/// Scores answers against other targets (a target profile's): `target` gives
/// each applicable question's expected level (1 to 4) from the question and its domain's id.
pub fn score_with_targets(
    q: &Questionnaire,
    ctx: &Context,
    answers: &Map<String, AnswerValue>,
    target: &dyn Fn(&Question, &str) -> u8,
) -> Report {
    let mut sums: Map<Index, Sum> = Map::new();
    let mut caps: Map<Index, Vec<Cap>> = Map::new();
    let mut domains = Vec::new();
    let mut gaps: Vec<(PlanItem, usize)> = Vec::new();
    let mut unanswered = Vec::new();
    let (mut applicable, mut answered, mut known) = (0, 0, 0);

    for domain in &q.domains {
        let mut sum = Sum::default();
        let mut targets = Sum::default();
        let (mut d_applicable, mut d_answered, mut at_target) = (0, 0, 0);
        for question in q.applicable(domain, ctx) {
            let answer = effective_answer(question, answers.get(&question.id).copied());
            d_applicable += 1;
            match answer {
                None => unanswered.push(question.id.clone()),
                Some(AnswerValue::Unknown) => d_answered += 1,
                Some(_) => {
                    d_answered += 1;
                    known += 1;
                }
            }
            let Some(standing) = Standing::of(answer) else {
                continue;
            };
            let level = standing.level();
            sum.add(question.weight, level);
            for &index in &question.indices {
                sums.entry(index).or_default().add(question.weight, level);
                if question.critical && level < q.scoring.critical_min_level {
                    caps.entry(index).or_default().push(Cap { question: question.id.clone(), standing });
                }
            }
            let target = target(question, &domain.id);
            targets.add(question.weight, target);
            if level >= target {
                at_target += 1;
            } else if standing != Standing::Unanswered {
                gaps.push((gap(question, &domain.id, standing, target, ctx), gaps.len()));
            }
        }
        applicable += d_applicable;
        answered += d_answered;
        // A domain whose applicable questions are all "not applicable" is excluded, not scored 0.
        if sum.weights > 0 {
            domains.push(DomainReport {
                id: domain.id.clone(),
                level: sum.mean_level(),
                percent: sum.percent().unwrap_or(0),
                target: targets.mean_level(),
                applicable: d_applicable,
                answered: d_answered,
                at_target,
            });
        }
    }

    // Critical gaps first, then the largest weighted gap, then questionnaire order.
    crate::core::order::sort_by(&mut gaps, |(a, ia), (b, ib)| {
        b.critical.cmp(&a.critical).then(b.priority.cmp(&a.priority)).then(ia.cmp(ib))
    });
    let actions = gaps
        .into_iter()
        .enumerate()
        .map(|(i, (mut a, _))| {
            a.rank = i + 1;
            a
        })
        .collect();

    let mut index_report = |index: Index| {
        let uncapped = sums.get(&index).and_then(Sum::percent);
        let capped_by = caps.remove(&index).unwrap_or_default();
        let score = uncapped.map(|s| if capped_by.is_empty() { s } else { s.min(q.scoring.critical_cap) });
        IndexReport { score, uncapped, band: score.map(|s| q.band(s).id.clone()), capped_by }
    };
    Report {
        cloud_readiness: index_report(Index::CloudReadiness),
        data_protection: index_report(Index::DataProtection),
        domains,
        completeness: Completeness {
            applicable,
            answered,
            known,
            percent: percent(answered as u64, applicable as u64),
            confidence: percent(known as u64, applicable as u64),
        },
        actions,
        unanswered,
    }
}

/// "Not applicable" counts only where the question allows it; elsewhere the question is treated as unanswered.
fn effective_answer(question: &Question, answer: Option<AnswerValue>) -> Option<AnswerValue> {
    match answer {
        Some(AnswerValue::NotApplicable) if !question.not_applicable => None,
        other => other,
    }
}

fn gap(question: &Question, domain: &str, standing: Standing, target: u8, ctx: &Context) -> PlanItem {
    let level = standing.level();
    PlanItem {
        rank: 0,
        question: question.id.clone(),
        domain: domain.to_owned(),
        critical: question.critical,
        standing,
        target,
        next_level: level + 1,
        weight: question.weight,
        priority: u32::from(target - level) * u32::from(question.weight),
        responsibility: question.responsibility.for_model(ctx.service_model),
        references: question.references.clone(),
    }
}

fn opt(value: Option<u8>) -> Json {
    value.map_or(Json::Null, Json::int)
}

impl Standing {
    /// The members a standing adds to its object: `state` and, for a level, `level`.
    fn members(self) -> Vec<(String, Json)> {
        let state = |s: &str| ("state".to_owned(), Json::str(s));
        match self {
            Standing::Level(l) => vec![state("level"), ("level".to_owned(), Json::int(l))],
            Standing::Unknown => vec![state("unknown")],
            Standing::Unanswered => vec![state("unanswered")],
        }
    }
}

impl IndexReport {
    fn to_json(&self) -> Json {
        let caps = self
            .capped_by
            .iter()
            .map(|c| {
                let mut members = vec![("question".to_owned(), Json::str(&c.question))];
                members.extend(c.standing.members());
                Json::Object(members)
            })
            .collect();
        object([
            ("score", opt(self.score)),
            ("uncapped", opt(self.uncapped)),
            ("band", self.band.as_ref().map_or(Json::Null, Json::str)),
            ("capped_by", Json::Array(caps)),
        ])
    }
}

impl PlanItem {
    fn to_json(&self) -> Json {
        let mut members = vec![
            ("rank".to_owned(), Json::int(self.rank as i64)),
            ("question".to_owned(), Json::str(&self.question)),
            ("domain".to_owned(), Json::str(&self.domain)),
            ("critical".to_owned(), Json::Bool(self.critical)),
        ];
        members.extend(self.standing.members());
        members.extend([
            ("target".to_owned(), Json::int(self.target)),
            ("next_level".to_owned(), Json::int(self.next_level)),
            ("weight".to_owned(), Json::int(self.weight)),
            ("priority".to_owned(), Json::int(self.priority)),
            ("responsibility".to_owned(), self.responsibility.map_or(Json::Null, |p| Json::str(p.as_str()))),
            ("references".to_owned(), Json::Array(self.references.iter().map(|r| Json::str(r.to_string())).collect())),
        ]);
        Json::Object(members)
    }
}

impl Report {
    /// The report as written in results files and printed by `cloudtriage score --json`.
    pub fn to_json(&self) -> Json {
        let hundredths = |v: u16| Json::hundredths(i64::from(v));
        let domains = self
            .domains
            .iter()
            .map(|d| {
                object([
                    ("id", Json::str(&d.id)),
                    ("level", hundredths(d.level)),
                    ("percent", Json::int(d.percent)),
                    ("target", hundredths(d.target)),
                    ("applicable", Json::int(d.applicable as i64)),
                    ("answered", Json::int(d.answered as i64)),
                    ("at_target", Json::int(d.at_target as i64)),
                ])
            })
            .collect();
        let c = &self.completeness;
        object([
            ("cloud_readiness", self.cloud_readiness.to_json()),
            ("data_protection", self.data_protection.to_json()),
            ("domains", Json::Array(domains)),
            (
                "completeness",
                object([
                    ("applicable", Json::int(c.applicable as i64)),
                    ("answered", Json::int(c.answered as i64)),
                    ("known", Json::int(c.known as i64)),
                    ("percent", Json::int(c.percent)),
                    ("confidence", Json::int(c.confidence)),
                ]),
            ),
            ("actions", Json::Array(self.actions.iter().map(PlanItem::to_json).collect())),
            ("unanswered", Json::Array(self.unanswered.iter().map(Json::str).collect())),
        ])
    }
}

/// Where a question stands for scoring: `None` when it is out of every calculation ("not applicable" where allowed).
/// Views that regroup questions (the crosswalk) use it so that they count answers exactly as the report does.
pub fn standing_of(question: &Question, answers: &Map<String, AnswerValue>) -> Option<Standing> {
    Standing::of(effective_answer(question, answers.get(&question.id).copied()))
}
