//! Target profiles: the levels an agency expects, per domain and per
//! question, optionally different by context (organisation size, use case,
//! service model, stage, deployment). Applying one replaces the built-in
//! targets, so the action plan ranks by the agency's expectations.
//! docs/AGENCY.md documents the file; `cloudtriage profile --schema` prints its schema.

use crate::core::map::Map;

use super::agency::{self, AgencyFileError, Field, Kind};
use super::answer::AnswerValue;
use super::context::{Context, Deployment, OrgSize, ServiceModel, Stage, UseCase};
use super::json::{object, Json};
use super::model::{Condition, Question, Questionnaire};
use super::results::ProfileRef;
use super::score::{score_with_targets, Report};

/// The value of a profile's `format` field.
pub const PROFILE_FORMAT: &str = "cloudtriage-profile";
/// The profile format version this program writes and the newest it reads.
pub const PROFILE_FORMAT_VERSION: u32 = 1;
/// The most variants a profile may have.
pub const MAX_VARIANTS: usize = 200;

/// Expected levels (1 to 4) by domain id and by question id.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Expectations {
    pub domains: Map<String, u8>,
    pub questions: Map<String, u8>,
}

/// Expectations that hold only in the contexts a condition matches.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Variant {
    pub when: Condition,
    pub expect: Expectations,
}

/// A target profile as published by an agency.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Profile {
    pub name: String,
    pub issuer: String,
    /// The day it was issued, `YYYY-MM-DD`.
    pub date: String,
    pub version: String,
    /// The SHA-256 of the file's bytes, recorded in results files.
    pub sha256: String,
    /// Expectations in every context.
    pub base: Expectations,
    /// Expectations for some contexts, tried in order before the base.
    pub variants: Vec<Variant>,
}

/// One domain measured against the profile, in hundredths of a level.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DomainGap {
    pub domain: String,
    /// The domain's level (weighted mean, 0 to 400).
    pub level: u16,
    /// The level the profile expects (weighted mean of the expected levels of its scored questions).
    pub expected: u16,
    /// How far the level falls short: `expected - level`, or 0 when the domain meets the profile.
    pub gap: u16,
    /// Questions that reach the profile's level, and how many apply (as in the results table).
    pub at_target: usize,
    pub applicable: usize,
}

impl Expectations {
    fn lookup(&self, question: &Question, domain: &str) -> Option<u8> {
        self.questions.get(&question.id).or_else(|| self.domains.get(domain)).copied()
    }

    /// The members; `domains` always at the top (it is required there), only when not empty in a variant.
    fn to_json(&self, top: bool) -> Vec<(String, Json)> {
        let map = |m: &Map<String, u8>| Json::Object(m.iter().map(|(k, v)| (k.clone(), Json::int(*v))).collect());
        let mut members = Vec::new();
        if top || !self.domains.is_empty() {
            members.push(("domains".to_owned(), map(&self.domains)));
        }
        if !self.questions.is_empty() {
            members.push(("questions".to_owned(), map(&self.questions)));
        }
        members
    }
}

impl Profile {
    /// Reads a profile from a file's bytes, checking every field against the questionnaire.
    pub fn parse(q: &Questionnaire, bytes: &[u8]) -> Result<Profile, AgencyFileError> {
        let json = agency::parse(bytes)?;
        agency::head(&json, PROFILE_FORMAT, PROFILE_FORMAT_VERSION, &q.id)?;
        let root = Field::root(&json);
        root.object(&[
            "format",
            "format_version",
            "questionnaire",
            "name",
            "issuer",
            "date",
            "version",
            "domains",
            "questions",
            "variants",
        ])?;
        let date = root.req("date")?;
        let day = date.text()?;
        if !super::time::is_date(day) {
            return Err(AgencyFileError::BadDay { path: "date".into(), found: date.value.brief() });
        }
        let variants = match root.opt("variants") {
            Some(list) => list
                .list(MAX_VARIANTS)?
                .iter()
                .enumerate()
                .map(|(i, v)| read_variant(q, &list.child(&i.to_string(), v)))
                .collect::<Result<_, _>>()?,
            None => Vec::new(),
        };
        Ok(Profile {
            name: root.req("name")?.label()?,
            issuer: root.req("issuer")?.label()?,
            date: day.to_owned(),
            version: root.req("version")?.label()?,
            sha256: super::sha256::hex(bytes),
            base: read_expectations(q, &root)?,
            variants,
        })
    }

    /// The level this profile expects of a question in a context; the built-in target where it says nothing.
    /// Matching variants are tried in file order, then the base; in each, the question's own entry before its domain's.
    pub fn target(&self, q: &Questionnaire, question: &Question, domain: &str, ctx: &Context) -> u8 {
        self.variants
            .iter()
            .filter(|v| v.when.matches(ctx))
            .map(|v| &v.expect)
            .chain(std::iter::once(&self.base))
            .find_map(|e| e.lookup(question, domain))
            .unwrap_or_else(|| q.target(question, ctx))
    }

    /// Scores answers against this profile's targets.
    pub fn score(&self, q: &Questionnaire, ctx: &Context, answers: &Map<String, AnswerValue>) -> Report {
        score_with_targets(q, ctx, answers, &|question, domain| self.target(q, question, domain, ctx))
    }

    /// What a results file records about the profile applied.
    pub fn reference(&self) -> ProfileRef {
        ProfileRef {
            name: self.name.clone(),
            issuer: self.issuer.clone(),
            version: self.version.clone(),
            sha256: self.sha256.clone(),
        }
    }

    /// A profile that reproduces the built-in targets exactly: per domain its most common
    /// base target, per question any other base target, and one variant per context rule.
    pub fn template(q: &Questionnaire, name: &str, issuer: &str, date: &str) -> Profile {
        let mut base = Expectations::default();
        let mut variants = Vec::new();
        for domain in &q.domains {
            let own = |question: &Question| question.target.unwrap_or(q.scoring.default_target);
            let mut counts = [0usize; 5];
            for question in &domain.questions {
                counts[usize::from(own(question))] += 1;
            }
            // The most common level; the lower one on a tie.
            let common = (1..=4u8).rev().max_by_key(|l| counts[usize::from(*l)]).unwrap_or(q.scoring.default_target);
            base.domains.insert(domain.id.clone(), common);
            for question in &domain.questions {
                if own(question) != common {
                    base.questions.insert(question.id.clone(), own(question));
                }
                for rule in &question.target_when {
                    let mut expect = Expectations::default();
                    expect.questions.insert(question.id.clone(), rule.level);
                    variants.push(Variant { when: rule.when.clone(), expect });
                }
            }
        }
        Profile {
            name: name.to_owned(),
            issuer: issuer.to_owned(),
            date: date.to_owned(),
            version: "1".to_owned(),
            sha256: String::new(),
            base,
            variants,
        }
    }

    /// The profile as a file (its hash is that of the text written).
    pub fn to_json(&self, q: &Questionnaire) -> Json {
        let mut members = vec![
            ("format".to_owned(), Json::str(PROFILE_FORMAT)),
            ("format_version".to_owned(), Json::int(PROFILE_FORMAT_VERSION)),
            ("questionnaire".to_owned(), Json::str(&q.id)),
            ("name".to_owned(), Json::str(&self.name)),
            ("issuer".to_owned(), Json::str(&self.issuer)),
            ("date".to_owned(), Json::str(&self.date)),
            ("version".to_owned(), Json::str(&self.version)),
        ];
        members.extend(self.base.to_json(true));
        if !self.variants.is_empty() {
            let list = self
                .variants
                .iter()
                .map(|v| {
                    let mut m = vec![("when".to_owned(), condition_json(&v.when))];
                    m.extend(v.expect.to_json(false));
                    Json::Object(m)
                })
                .collect();
            members.push(("variants".to_owned(), Json::Array(list)));
        }
        Json::Object(members)
    }
}

/// Each domain of a report measured against the profile the report was scored with.
pub fn domain_gaps(report: &Report) -> Vec<DomainGap> {
    report
        .domains
        .iter()
        .map(|d| {
            let (level, expected) = (d.level, d.target);
            DomainGap {
                domain: d.id.clone(),
                level,
                expected,
                gap: expected.saturating_sub(level),
                at_target: d.at_target,
                applicable: d.applicable,
            }
        })
        .collect()
}

/// The JSON of domain gaps, as `cloudtriage score --profile --json` prints them.
pub fn gaps_json(gaps: &[DomainGap]) -> Json {
    Json::Array(
        gaps.iter()
            .map(|g| {
                object([
                    ("id", Json::str(&g.domain)),
                    ("level", Json::hundredths(i64::from(g.level))),
                    ("expected", Json::hundredths(i64::from(g.expected))),
                    ("gap", Json::hundredths(i64::from(g.gap))),
                    ("at_target", Json::int(g.at_target as i64)),
                ])
            })
            .collect(),
    )
}

fn condition_json(c: &Condition) -> Json {
    fn list<T: Copy>(key: &str, items: &Option<Vec<T>>, id: fn(T) -> &'static str) -> Option<(String, Json)> {
        items.as_ref().map(|l| (key.to_owned(), Json::Array(l.iter().map(|v| Json::str(id(*v))).collect())))
    }
    Json::Object(
        [
            list("use_cases", &c.use_cases, UseCase::as_str),
            list("service_models", &c.service_models, ServiceModel::as_str),
            list("deployments", &c.deployments, Deployment::as_str),
            list("stages", &c.stages, Stage::as_str),
            list("org_sizes", &c.org_sizes, OrgSize::as_str),
        ]
        .into_iter()
        .flatten()
        .collect(),
    )
}

fn level(field: &Field<'_>) -> Result<u8, AgencyFileError> {
    match field.value.as_integer() {
        Some(l @ 1..=4) => Ok(l as u8),
        _ if matches!(field.value, Json::Number(_)) => {
            Err(AgencyFileError::BadTarget { path: field.path().to_owned(), found: field.value.brief() })
        }
        _ => Err(field.wrong(Kind::WholeNumber)),
    }
}

fn read_expectations(q: &Questionnaire, at: &Field<'_>) -> Result<Expectations, AgencyFileError> {
    let mut expect = Expectations::default();
    if let Some(domains) = at.opt("domains") {
        for (id, value) in domains.members()? {
            let field = domains.child(id, value);
            if q.domain(id).is_none() {
                return Err(AgencyFileError::UnknownDomain {
                    path: field.path().to_owned(),
                    found: Json::str(id).brief(),
                });
            }
            expect.domains.insert(id.clone(), level(&field)?);
        }
    }
    if let Some(questions) = at.opt("questions") {
        for (id, value) in questions.members()? {
            let field = questions.child(id, value);
            if q.question(id).is_none() {
                return Err(AgencyFileError::UnknownQuestion {
                    path: field.path().to_owned(),
                    found: Json::str(id).brief(),
                });
            }
            expect.questions.insert(id.clone(), level(&field)?);
        }
    }
    Ok(expect)
}

fn choices<T>(
    when: &Field<'_>,
    key: &str,
    parse: fn(&str) -> Option<T>,
    allowed: fn() -> String,
) -> Result<Option<Vec<T>>, AgencyFileError> {
    let Some(list) = when.opt(key) else { return Ok(None) };
    let items = list.list(16)?;
    if items.is_empty() {
        return Err(AgencyFileError::EmptyList { path: list.path().to_owned() });
    }
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let field = list.child(&i.to_string(), item);
        let text = field.text()?;
        let value = parse(text).ok_or_else(|| AgencyFileError::BadChoice {
            path: field.path().to_owned(),
            found: item.brief(),
            allowed: allowed(),
        })?;
        out.push(value);
    }
    Ok(Some(out))
}

fn read_variant(q: &Questionnaire, at: &Field<'_>) -> Result<Variant, AgencyFileError> {
    at.object(&["when", "domains", "questions"])?;
    let when = at.req("when")?;
    when.object(&["use_cases", "service_models", "deployments", "stages", "org_sizes"])?;
    let condition = Condition {
        use_cases: choices(&when, "use_cases", UseCase::parse, UseCase::allowed)?,
        service_models: choices(&when, "service_models", ServiceModel::parse, ServiceModel::allowed)?,
        deployments: choices(&when, "deployments", Deployment::parse, Deployment::allowed)?,
        stages: choices(&when, "stages", Stage::parse, Stage::allowed)?,
        org_sizes: choices(&when, "org_sizes", OrgSize::parse, OrgSize::allowed)?,
    };
    Ok(Variant { when: condition, expect: read_expectations(q, at)? })
}
