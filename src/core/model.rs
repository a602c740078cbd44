//! The questionnaire's structure: domains, questions, weights, applicability,
//! targets, responsibility and references. Words live in [`crate::core::i18n`].

use super::context::{Context, Deployment, OrgSize, ServiceModel, Stage, UseCase};
use super::json::Json;
use super::read::ContentNode;
use super::reference::Reference;

/// Which score a question feeds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), serde(rename_all = "snake_case"))]
pub enum Index {
    /// Whether the organisation can adopt and run cloud services safely.
    CloudReadiness,
    /// How well personal and health data are protected.
    DataProtection,
}

impl Index {
    /// Both indices, in report order.
    pub const ALL: [Index; 2] = [Index::CloudReadiness, Index::DataProtection];

    /// The identifier used in files and content.
    pub fn as_str(self) -> &'static str {
        match self {
            Index::CloudReadiness => "cloud_readiness",
            Index::DataProtection => "data_protection",
        }
    }

    /// Reads an identifier.
    pub fn parse(text: &str) -> Option<Index> {
        Index::ALL.into_iter().find(|i| i.as_str() == text)
    }
}

/// Who carries a measure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), serde(rename_all = "snake_case"))]
pub enum Party {
    /// The hospital or agency using the cloud service.
    Customer,
    /// The cloud service provider.
    Provider,
    /// Both, each for their part.
    Shared,
}

impl Party {
    /// The identifier used in files and content.
    pub fn as_str(self) -> &'static str {
        match self {
            Party::Customer => "customer",
            Party::Provider => "provider",
            Party::Shared => "shared",
        }
    }

    /// Reads an identifier.
    pub fn parse(text: &str) -> Option<Party> {
        [Party::Customer, Party::Provider, Party::Shared].into_iter().find(|p| p.as_str() == text)
    }
}

/// Who carries a measure under each service model.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Responsibility {
    pub iaas: Party,
    pub paas: Party,
    pub saas: Party,
}

impl Responsibility {
    /// The responsible party for a service model; `None` while the model is undecided.
    pub fn for_model(&self, model: ServiceModel) -> Option<Party> {
        match model {
            ServiceModel::Iaas => Some(self.iaas),
            ServiceModel::Paas => Some(self.paas),
            ServiceModel::Saas => Some(self.saas),
            ServiceModel::Undecided => None,
        }
    }
}

/// A condition on the context. Every list present must match; a list matches
/// when the context's value is in it (any of, for use cases). An undecided
/// service model or deployment matches every list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Condition {
    pub use_cases: Option<Vec<UseCase>>,
    pub service_models: Option<Vec<ServiceModel>>,
    pub deployments: Option<Vec<Deployment>>,
    pub stages: Option<Vec<Stage>>,
    pub org_sizes: Option<Vec<OrgSize>>,
}

impl Condition {
    /// Whether the context satisfies this condition.
    pub fn matches(&self, ctx: &Context) -> bool {
        let use_cases = self.use_cases.as_ref().is_none_or(|l| ctx.use_cases.iter().any(|u| l.contains(u)));
        let model = self
            .service_models
            .as_ref()
            .is_none_or(|l| ctx.service_model == ServiceModel::Undecided || l.contains(&ctx.service_model));
        let deployment = self
            .deployments
            .as_ref()
            .is_none_or(|l| ctx.deployment == Deployment::Undecided || l.contains(&ctx.deployment));
        let stage = self.stages.as_ref().is_none_or(|l| l.contains(&ctx.stage));
        let size = self.org_sizes.as_ref().is_none_or(|l| l.contains(&ctx.org_size));
        use_cases && model && deployment && stage && size
    }
}

/// A target level that holds in some contexts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TargetRule {
    pub level: u8,
    pub when: Condition,
}

/// One question: a practice assessed on the 0-4 maturity scale.
#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    /// Stable identifier, the same in every language (e.g. `INC-01`).
    pub id: String,
    /// Importance from 1 (useful) to 3 (essential).
    pub weight: u8,
    /// The indices this question feeds.
    pub indices: Vec<Index>,
    /// Whether an answer below the critical level caps the indices it feeds.
    pub critical: bool,
    /// Whether "not applicable" may be answered.
    pub not_applicable: bool,
    /// The target level when no rule in `target_when` matches.
    pub target: Option<u8>,
    /// Who carries the measure under each service model.
    pub responsibility: Responsibility,
    /// Sources: ENISA, GDPR, NIS2, MDR, ISO/IEC 27001 and schemes.
    pub references: Vec<Reference>,
    /// When the question is asked at all.
    pub applies: Condition,
    /// Context-dependent targets, tried in order.
    pub target_when: Vec<TargetRule>,
}

impl Question {
    /// Whether the question is asked in this context.
    pub fn applies_to(&self, ctx: &Context) -> bool {
        self.applies.matches(ctx)
    }

    /// Whether the question feeds an index.
    pub fn feeds(&self, index: Index) -> bool {
        self.indices.contains(&index)
    }
}

/// A group of questions about one subject, with a maturity level of its own.
#[derive(Clone, Debug, PartialEq)]
pub struct Domain {
    pub id: String,
    pub questions: Vec<Question>,
}

/// The constants scoring uses; docs/METHODOLOGY.md explains each.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScoringRules {
    /// Target level when a question names none.
    pub default_target: u8,
    /// A critical question below this level caps its indices.
    pub critical_min_level: u8,
    /// The highest score an index may have while capped.
    pub critical_cap: u8,
}

/// A band of index scores with its own name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Band {
    pub id: String,
    /// The lowest score in the band.
    pub min: u8,
}

/// The whole questionnaire's structure.
#[derive(Clone, Debug, PartialEq)]
pub struct Questionnaire {
    pub id: String,
    pub version: String,
    /// The day (`YYYY-MM-DD`) the content was last checked against the law, shown as "law as of".
    pub law_as_of: String,
    pub domains: Vec<Domain>,
    pub scoring: ScoringRules,
    pub bands: Vec<Band>,
}

/// Why the questionnaire's structure cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ContentError {
    /// The embedded data is not of the expected shape.
    Malformed(String),
    /// The data has the right shape but breaks a rule.
    Invalid(String),
}

impl std::fmt::Display for ContentError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ContentError::Malformed(m) => write!(f, "the questionnaire content is malformed: {m}"),
            ContentError::Invalid(m) => write!(f, "the questionnaire content breaks a rule: {m}"),
        }
    }
}

impl std::error::Error for ContentError {}

impl Questionnaire {
    /// Parses and checks the structure from JSON (as produced by the build from `content/`).
    pub fn from_json(text: &str) -> Result<Questionnaire, ContentError> {
        let json = Json::parse(text).map_err(|e| ContentError::Malformed(format!("not JSON: {e}")))?;
        let q = read_questionnaire(&ContentNode::root(&json))?;
        q.check()?;
        Ok(q)
    }

    /// The rules scoring relies on; content breaking them is refused.
    fn check(&self) -> Result<(), ContentError> {
        let bad = |m: String| Err(ContentError::Invalid(m));
        let mut ids = std::collections::HashSet::new();
        if self.domains.is_empty() {
            return bad("no domains".into());
        }
        for d in &self.domains {
            if d.questions.is_empty() {
                return bad(format!("domain {} has no questions", d.id));
            }
            if !ids.insert(d.id.clone()) {
                return bad(format!("id {} is used twice", d.id));
            }
            for q in &d.questions {
                if !ids.insert(q.id.clone()) {
                    return bad(format!("id {} is used twice", q.id));
                }
                if !(1..=3).contains(&q.weight) {
                    return bad(format!("{}: weight {} is outside 1 to 3", q.id, q.weight));
                }
                if q.indices.is_empty() {
                    return bad(format!("{}: feeds no index", q.id));
                }
                let targets = q.target.iter().copied().chain(q.target_when.iter().map(|r| r.level));
                for t in targets {
                    if !(1..=4).contains(&t) {
                        return bad(format!("{}: target {t} is outside 1 to 4", q.id));
                    }
                }
            }
        }
        if !super::time::is_rfc3339(&format!("{}T00:00:00Z", self.law_as_of)) || self.law_as_of.len() != 10 {
            return bad(format!("law_as_of \"{}\" is not a date such as 2026-12-01", self.law_as_of));
        }
        let s = &self.scoring;
        if !(1..=4).contains(&s.default_target) || !(1..=4).contains(&s.critical_min_level) {
            return bad("scoring levels must be within 1 to 4".into());
        }
        if self.bands.first().map(|b| b.min) != Some(0) {
            return bad("the first band must start at 0".into());
        }
        if self.bands.windows(2).any(|w| w[0].min >= w[1].min) || self.bands.iter().any(|b| b.min > 100) {
            return bad("bands must rise strictly within 0 to 100".into());
        }
        if self.bands.get(1).is_some_and(|b| s.critical_cap >= b.min) {
            return bad("the critical cap must lie inside the lowest band".into());
        }
        Ok(())
    }

    /// "Law as of <date>" in a language: the day the content was last checked against the law.
    pub fn law_as_of_label(&self, lang: &super::i18n::Language) -> String {
        let date = lang.date(&format!("{}T00:00:00Z", self.law_as_of));
        lang.fill("results.law_as_of", &[("date", &date)])
    }

    /// Every question in questionnaire order, with its domain.
    pub fn questions(&self) -> impl Iterator<Item = (&Domain, &Question)> {
        self.domains.iter().flat_map(|d| d.questions.iter().map(move |q| (d, q)))
    }

    /// A question by id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions().map(|(_, q)| q).find(|q| q.id == id)
    }

    /// A domain by id.
    pub fn domain(&self, id: &str) -> Option<&Domain> {
        self.domains.iter().find(|d| d.id == id)
    }

    /// The domain a question belongs to.
    pub fn domain_of(&self, question_id: &str) -> Option<&Domain> {
        self.questions().find(|(_, q)| q.id == question_id).map(|(d, _)| d)
    }

    /// The target level of a question in a context: the first matching rule, else its own target, else the default.
    pub fn target(&self, question: &Question, ctx: &Context) -> u8 {
        question
            .target_when
            .iter()
            .find(|r| r.when.matches(ctx))
            .map(|r| r.level)
            .or(question.target)
            .unwrap_or(self.scoring.default_target)
    }

    /// The questions of a domain that apply in a context.
    pub fn applicable<'a>(&'a self, domain: &'a Domain, ctx: &'a Context) -> impl Iterator<Item = &'a Question> + 'a {
        domain.questions.iter().filter(move |q| q.applies_to(ctx))
    }

    /// The domains with at least one applicable question, in order.
    pub fn applicable_domains<'a>(&'a self, ctx: &'a Context) -> impl Iterator<Item = &'a Domain> + 'a {
        self.domains.iter().filter(move |d| d.questions.iter().any(|q| q.applies_to(ctx)))
    }

    /// The band a score falls in.
    pub fn band(&self, score: u8) -> &Band {
        self.bands.iter().rev().find(|b| b.min <= score).unwrap_or(&self.bands[0])
    }
}

/// The condition lists, shared by `applies` and `target_when`.
const CONDITION_FIELDS: [&str; 5] = ["use_cases", "service_models", "deployments", "stages", "org_sizes"];

fn read_list<T>(
    at: &ContentNode<'_>,
    key: &str,
    what: &str,
    parse: fn(&str) -> Option<T>,
) -> Result<Option<Vec<T>>, ContentError> {
    at.field(key).map(|list| list.list(|item| item.choice(what, parse))).transpose()
}

fn read_condition(at: &ContentNode<'_>) -> Result<Condition, ContentError> {
    Ok(Condition {
        use_cases: read_list(at, "use_cases", "a use case", UseCase::parse)?,
        service_models: read_list(at, "service_models", "a service model", ServiceModel::parse)?,
        deployments: read_list(at, "deployments", "a deployment", Deployment::parse)?,
        stages: read_list(at, "stages", "a stage", Stage::parse)?,
        org_sizes: read_list(at, "org_sizes", "an organisation size", OrgSize::parse)?,
    })
}

fn read_question(at: &ContentNode<'_>) -> Result<Question, ContentError> {
    at.object(&[
        "id",
        "weight",
        "indices",
        "critical",
        "not_applicable",
        "target",
        "responsibility",
        "references",
        "applies",
        "target_when",
    ])?;
    let optional_flag = |key: &str| at.field(key).map(|f| f.flag()).transpose().map(Option::unwrap_or_default);
    let responsibility = at.required("responsibility")?;
    responsibility.object(&["iaas", "paas", "saas"])?;
    let party = |key: &str| responsibility.required(key)?.choice("customer, provider or shared", Party::parse);
    let applies = match at.field("applies") {
        Some(a) => {
            a.object(&CONDITION_FIELDS)?;
            read_condition(&a)?
        }
        None => Condition::default(),
    };
    let target_when = match at.field("target_when") {
        Some(rules) => rules.list(|rule| {
            let mut allowed = CONDITION_FIELDS.to_vec();
            allowed.push("level");
            rule.object(&allowed)?;
            Ok(TargetRule { level: rule.required("level")?.small_number()?, when: read_condition(rule)? })
        })?,
        None => Vec::new(),
    };
    Ok(Question {
        id: at.required("id")?.text()?,
        weight: at.required("weight")?.small_number()?,
        indices: at.required("indices")?.list(|i| i.choice("an index", Index::parse))?,
        critical: optional_flag("critical")?,
        not_applicable: optional_flag("not_applicable")?,
        target: at.field("target").map(|t| t.small_number()).transpose()?,
        responsibility: Responsibility { iaas: party("iaas")?, paas: party("paas")?, saas: party("saas")? },
        references: at.required("references")?.list(|r| {
            let text = r.text()?;
            Reference::parse(&text).map_err(|e| ContentError::Malformed(format!("{}: {e}", r.path)))
        })?,
        applies,
        target_when,
    })
}

fn read_questionnaire(at: &ContentNode<'_>) -> Result<Questionnaire, ContentError> {
    at.object(&["id", "version", "law_as_of", "domains", "scoring", "bands"])?;
    let scoring = at.required("scoring")?;
    scoring.object(&["default_target", "critical_min_level", "critical_cap"])?;
    Ok(Questionnaire {
        id: at.required("id")?.text()?,
        version: at.required("version")?.text()?,
        law_as_of: at.required("law_as_of")?.text()?,
        domains: at.required("domains")?.list(|d| {
            d.object(&["id", "question"])?;
            Ok(Domain { id: d.required("id")?.text()?, questions: d.required("question")?.list(read_question)? })
        })?,
        scoring: ScoringRules {
            default_target: scoring.required("default_target")?.small_number()?,
            critical_min_level: scoring.required("critical_min_level")?.small_number()?,
            critical_cap: scoring.required("critical_cap")?.small_number()?,
        },
        bands: at.required("bands")?.list(|b| {
            b.object(&["id", "min"])?;
            Ok(Band { id: b.required("id")?.text()?, min: b.required("min")?.small_number()? })
        })?,
    })
}
