//! Benchmarks: the anonymous distribution of scores across many
//! organisations, as an agency publishes it, and where one assessment stands
//! in it. A benchmark holds, per group of at least `min_group` organisations,
//! the count and seven figures per index and domain, and the month it was
//! made: nothing about any single organisation. docs/AGENCY.md documents it.

use crate::core::map::Map;

use super::agency::{self, AgencyFileError, Field, Kind};
use super::context::{Context, OrgSize, ServiceModel, Stage, UseCase};
use super::json::{object, Json};
use super::model::{Index, Questionnaire};
use super::score::Report;

/// The value of a benchmark's `format` field.
pub const BENCHMARK_FORMAT: &str = "cloudtriage-benchmark";
/// The benchmark format version this program writes and the newest it reads.
pub const BENCHMARK_FORMAT_VERSION: u32 = 1;
/// The smallest group published unless the agency asks for more.
pub const DEFAULT_MIN_GROUP: u32 = 5;
/// The percentile points of a distribution, in the order they are written.
pub const POINTS: [u8; 7] = [0, 10, 25, 50, 75, 90, 100];
/// The names of the points in files.
pub const POINT_NAMES: [&str; 7] = ["min", "p10", "p25", "median", "p75", "p90", "max"];
/// The most groups a benchmark may hold.
pub const MAX_GROUPS: usize = 64;

/// What organisations are grouped by, besides the overall group.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum GroupBy {
    OrgSize,
    UseCase,
    ServiceModel,
    Stage,
}

impl GroupBy {
    /// Every dimension.
    pub const ALL: [GroupBy; 4] = [GroupBy::OrgSize, GroupBy::UseCase, GroupBy::ServiceModel, GroupBy::Stage];

    /// The identifier used in files and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            GroupBy::OrgSize => "org_size",
            GroupBy::UseCase => "use_case",
            GroupBy::ServiceModel => "service_model",
            GroupBy::Stage => "stage",
        }
    }

    /// Reads an identifier.
    pub fn parse(text: &str) -> Option<GroupBy> {
        GroupBy::ALL.into_iter().find(|g| g.as_str() == text)
    }

    /// The values of this dimension a context has (several use cases, one of everything else).
    pub fn values(self, ctx: &Context) -> Vec<&'static str> {
        match self {
            GroupBy::OrgSize => vec![ctx.org_size.as_str()],
            GroupBy::UseCase => ctx.use_cases.iter().map(|u| u.as_str()).collect(),
            GroupBy::ServiceModel => vec![ctx.service_model.as_str()],
            GroupBy::Stage => vec![ctx.stage.as_str()],
        }
    }

    /// Every value of this dimension.
    pub fn all_values(self) -> Vec<&'static str> {
        match self {
            GroupBy::OrgSize => OrgSize::ALL.iter().map(|v| v.as_str()).collect(),
            GroupBy::UseCase => UseCase::ALL.iter().map(|v| v.as_str()).collect(),
            GroupBy::ServiceModel => ServiceModel::ALL.iter().map(|v| v.as_str()).collect(),
            GroupBy::Stage => Stage::ALL.iter().map(|v| v.as_str()).collect(),
        }
    }
}

/// A group: every organisation, or those with one value of a dimension.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum GroupKey {
    Overall,
    By(GroupBy, &'static str),
}

impl GroupKey {
    /// `overall` or `org_size=large`, for reports and messages.
    pub fn label(&self) -> String {
        match self {
            GroupKey::Overall => "overall".to_owned(),
            GroupKey::By(by, value) => format!("{}={value}", by.as_str()),
        }
    }
}

/// What a figure measures: an index (0 to 100 points) or a domain (level 0 to 4).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Measure {
    Index(Index),
    Domain(String),
}

impl Measure {
    /// The largest value, in hundredths: 100 points or level 4.
    pub fn scale(&self) -> i64 {
        match self {
            Measure::Index(_) => 10_000,
            Measure::Domain(_) => 400,
        }
    }

    /// This measure's value in a report, in hundredths (points or levels); `None` when it does not apply.
    pub fn value(&self, report: &Report) -> Option<i64> {
        match self {
            Measure::Index(i) => report.of_index(*i).score.map(|s| i64::from(s) * 100),
            Measure::Domain(id) => report.domain(id).map(|d| i64::from(d.level)),
        }
    }
}

/// Seven figures of a distribution, in hundredths of the measure's unit, over `n` organisations.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Distribution {
    pub n: u32,
    /// min, p10, p25, median, p75, p90, max.
    pub figures: [i64; 7],
}

impl Distribution {
    /// The minimum, quartiles and maximum, for a strip chart.
    pub fn quartiles(&self) -> [i64; 5] {
        let f = &self.figures;
        [f[0], f[2], f[3], f[4], f[6]]
    }

    /// The percentile rank (0 to 100) of a value: linear interpolation between the seven
    /// published points; a value equal to a run of equal figures takes the middle of their ranks.
    pub fn rank(&self, value: i64) -> u8 {
        let f = &self.figures;
        if value < f[0] {
            return 0;
        }
        if value > f[6] {
            return 100;
        }
        let equal: Vec<usize> = (0..7).filter(|&i| f[i] == value).collect();
        let doubled = match (equal.first(), equal.last()) {
            (Some(&a), Some(&b)) => i64::from(POINTS[a]) + i64::from(POINTS[b]),
            _ => {
                let i = (0..6).find(|&i| f[i] < value && value < f[i + 1]).unwrap_or(0);
                let (p0, p1) = (i64::from(POINTS[i]), i64::from(POINTS[i + 1]));
                let span = f[i + 1] - f[i];
                // Twice the rank, to round half up in integers below.
                2 * p0 + (2 * (value - f[i]) * (p1 - p0) + span / 2) / span
            }
        };
        ((doubled + 1) / 2).clamp(0, 100) as u8
    }

    fn to_json(&self) -> Json {
        let mut members = vec![("n".to_owned(), Json::int(self.n))];
        for (name, value) in POINT_NAMES.iter().zip(self.figures) {
            members.push(((*name).to_owned(), Json::hundredths(value)));
        }
        Json::Object(members)
    }
}

/// The figures of one group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    pub key: GroupKey,
    /// Organisations in the group.
    pub n: u32,
    /// By measure; a measure that applied to fewer than `min_group` of them is left out.
    pub figures: Map<Measure, Distribution>,
}

/// A benchmark file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Benchmark {
    /// The month it was made, `YYYY-MM`.
    pub month: String,
    /// The smallest group it publishes.
    pub min_group: u32,
    /// The groups it publishes, the overall group first when it is large enough.
    pub groups: Vec<Group>,
}

/// Where one measure of an assessment falls in a group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Position {
    pub measure: Measure,
    /// The assessment's value in hundredths; `None` when the measure does not apply to it.
    pub value: Option<i64>,
    /// The group's distribution; `None` when it is not published for this measure.
    pub distribution: Option<Distribution>,
    /// The percentile rank, when both are known.
    pub rank: Option<u8>,
}

/// Why no group (or only the overall group) is shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Placement {
    /// The group matching the context.
    Matched(GroupKey),
    /// The group matching the context is suppressed or missing; the overall group stands in.
    Overall { wanted: GroupKey },
    /// Neither the matching group nor the overall group is published.
    Missing { wanted: GroupKey },
}

/// An assessment placed against a benchmark.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Positions {
    pub placement: Placement,
    /// Organisations in the group used (0 when none).
    pub n: u32,
    pub month: String,
    /// The benchmark's smallest published group, for messages.
    pub min_group: u32,
    pub positions: Vec<Position>,
}

/// The measures of a questionnaire: both indices, then every domain.
pub fn measures(q: &Questionnaire) -> Vec<Measure> {
    Index::ALL.into_iter().map(Measure::Index).chain(q.domains.iter().map(|d| Measure::Domain(d.id.clone()))).collect()
}

impl Benchmark {
    /// The group with a key.
    pub fn group(&self, key: &GroupKey) -> Option<&Group> {
        self.groups.iter().find(|g| &g.key == key)
    }

    /// The group a context belongs to: of the dimension the benchmark is grouped by, the
    /// context's value (for use cases, the first of the context's use cases with a group).
    pub fn wanted(&self, ctx: &Context) -> GroupKey {
        let dimension = self.groups.iter().find_map(|g| match g.key {
            GroupKey::By(by, _) => Some(by),
            GroupKey::Overall => None,
        });
        let Some(by) = dimension else { return GroupKey::Overall };
        let values = by.values(ctx);
        values
            .iter()
            .map(|v| GroupKey::By(by, v))
            .find(|k| self.group(k).is_some())
            .unwrap_or_else(|| GroupKey::By(by, values.first().copied().unwrap_or("")))
    }

    /// Places an assessment's report: its matching group, else the overall group, else nothing.
    pub fn place(&self, q: &Questionnaire, ctx: &Context, report: &Report) -> Positions {
        let wanted = self.wanted(ctx);
        let (placement, group) = match (self.group(&wanted), self.group(&GroupKey::Overall)) {
            (Some(g), _) => (Placement::Matched(wanted), Some(g)),
            (None, Some(g)) => (Placement::Overall { wanted }, Some(g)),
            (None, None) => (Placement::Missing { wanted }, None),
        };
        let positions = measures(q)
            .into_iter()
            .map(|measure| {
                let value = measure.value(report);
                let distribution = group.and_then(|g| g.figures.get(&measure)).cloned();
                let rank = match (&distribution, value) {
                    (Some(d), Some(v)) => Some(d.rank(v)),
                    _ => None,
                };
                Position { measure, value, distribution, rank }
            })
            .collect();
        Positions {
            placement,
            n: group.map_or(0, |g| g.n),
            month: self.month.clone(),
            min_group: self.min_group,
            positions,
        }
    }

    /// The benchmark as a file.
    pub fn to_json(&self, q: &Questionnaire) -> Json {
        let groups = self
            .groups
            .iter()
            .map(|g| {
                let mut members = match &g.key {
                    GroupKey::Overall => vec![("by".to_owned(), Json::str("overall"))],
                    GroupKey::By(by, value) => {
                        vec![("by".to_owned(), Json::str(by.as_str())), ("value".to_owned(), Json::str(*value))]
                    }
                };
                members.push(("n".to_owned(), Json::int(g.n)));
                let indices = g
                    .figures
                    .iter()
                    .filter_map(|(m, d)| match m {
                        Measure::Index(i) => Some((i.as_str().to_owned(), d.to_json())),
                        Measure::Domain(_) => None,
                    })
                    .collect();
                // Domains in questionnaire order.
                let domains = q
                    .domains
                    .iter()
                    .filter_map(|d| Some((d.id.clone(), g.figures.get(&Measure::Domain(d.id.clone()))?.to_json())))
                    .collect();
                members.push(("indices".to_owned(), Json::Object(indices)));
                members.push(("domains".to_owned(), Json::Object(domains)));
                Json::Object(members)
            })
            .collect();
        object([
            ("format", Json::str(BENCHMARK_FORMAT)),
            ("format_version", Json::int(BENCHMARK_FORMAT_VERSION)),
            ("questionnaire", Json::str(&q.id)),
            ("month", Json::str(&self.month)),
            ("min_group", Json::int(self.min_group)),
            ("percentiles", Json::str("linear")),
            ("groups", Json::Array(groups)),
        ])
    }

    /// Reads a benchmark from a file's bytes, checking every figure.
    pub fn parse(q: &Questionnaire, bytes: &[u8]) -> Result<Benchmark, AgencyFileError> {
        let json = agency::parse(bytes)?;
        agency::head(&json, BENCHMARK_FORMAT, BENCHMARK_FORMAT_VERSION, &q.id)?;
        let root = Field::root(&json);
        root.object(&["format", "format_version", "questionnaire", "month", "min_group", "percentiles", "groups"])?;
        let month = root.req("month")?;
        if !is_month(month.text()?) {
            return Err(AgencyFileError::BadMonth { path: "month".into(), found: month.value.brief() });
        }
        let min_group = count(&root.req("min_group")?)?;
        let method = root.req("percentiles")?;
        if method.text()? != "linear" {
            return Err(AgencyFileError::BadChoice {
                path: "percentiles".into(),
                found: method.value.brief(),
                allowed: "linear".into(),
            });
        }
        let list = root.req("groups")?;
        let mut groups: Vec<Group> = Vec::new();
        let mut dimension = None;
        for (i, item) in list.list(MAX_GROUPS)?.iter().enumerate() {
            let at = list.child(&i.to_string(), item);
            let group = read_group(q, &at, min_group)?;
            if let GroupKey::By(by, _) = group.key {
                // One dimension per benchmark: a hospital's group is then never ambiguous.
                if dimension.is_some_and(|d| d != by) {
                    return Err(AgencyFileError::BadChoice {
                        path: format!("{}.by", at.path()),
                        found: Json::str(by.as_str()).brief(),
                        allowed: format!("overall, {}", dimension.map_or("", GroupBy::as_str)),
                    });
                }
                dimension = Some(by);
            }
            if groups.iter().any(|g| g.key == group.key) {
                return Err(AgencyFileError::DuplicateGroup { path: at.path().to_owned() });
            }
            groups.push(group);
        }
        Ok(Benchmark { month: month.text()?.to_owned(), min_group, groups })
    }
}

impl Measure {
    /// The measure's id: the index's or the domain's.
    pub fn id(&self) -> &str {
        match self {
            Measure::Index(i) => i.as_str(),
            Measure::Domain(d) => d,
        }
    }
}

impl Placement {
    /// `matched`, `overall` or `missing`, and the group wanted.
    pub fn parts(&self) -> (&'static str, &GroupKey) {
        match self {
            Placement::Matched(k) => ("matched", k),
            Placement::Overall { wanted } => ("overall", wanted),
            Placement::Missing { wanted } => ("missing", wanted),
        }
    }
}

impl Positions {
    /// The positions as `cloudtriage score --benchmark --json` prints them.
    pub fn to_json(&self) -> Json {
        let (placement, wanted) = self.placement.parts();
        let positions = self
            .positions
            .iter()
            .map(|p| {
                let kind = match p.measure {
                    Measure::Index(_) => "index",
                    Measure::Domain(_) => "domain",
                };
                let mut members = vec![
                    ("id".to_owned(), Json::str(p.measure.id())),
                    ("kind".to_owned(), Json::str(kind)),
                    ("value".to_owned(), p.value.map_or(Json::Null, Json::hundredths)),
                    ("rank".to_owned(), p.rank.map_or(Json::Null, Json::int)),
                ];
                members.push((
                    "distribution".to_owned(),
                    p.distribution.as_ref().map_or(Json::Null, Distribution::to_json),
                ));
                Json::Object(members)
            })
            .collect();
        object([
            ("month", Json::str(&self.month)),
            ("placement", Json::str(placement)),
            ("group", Json::str(wanted.label())),
            ("n", Json::int(self.n)),
            ("min_group", Json::int(self.min_group)),
            ("positions", Json::Array(positions)),
        ])
    }
}

/// A group in words, e.g. "organisation size: Large (over 1,000 staff)".
pub fn group_words(lang: &super::i18n::Language, key: &GroupKey) -> String {
    let (template, value) = match key {
        GroupKey::Overall => return lang.t("agency.benchmark_overall").to_owned(),
        GroupKey::By(GroupBy::OrgSize, v) => ("agency.by_org_size", lang.t(&format!("context.org_sizes.{v}"))),
        GroupKey::By(GroupBy::UseCase, v) => ("agency.by_use_case", lang.t(&format!("context.use_case.{v}"))),
        GroupKey::By(GroupBy::ServiceModel, v) => {
            ("agency.by_service_model", lang.t(&format!("context.service_models.{v}")))
        }
        GroupKey::By(GroupBy::Stage, v) => ("agency.by_stage", lang.t(&format!("context.stages.{v}"))),
    };
    lang.fill(template, &[("value", value)])
}

/// Whether a text is a month `YYYY-MM`.
pub fn is_month(text: &str) -> bool {
    super::time::is_date(&format!("{text}-01")) && text.len() == 7
}

fn count(field: &Field<'_>) -> Result<u32, AgencyFileError> {
    match field.value.as_integer() {
        Some(n) if (1..=i64::from(u32::MAX)).contains(&n) => Ok(n as u32),
        _ if matches!(field.value, Json::Number(_)) => {
            Err(AgencyFileError::BadCount { path: field.path().to_owned(), found: field.value.brief() })
        }
        _ => Err(field.wrong(Kind::WholeNumber)),
    }
}

/// A number with at most two decimals, in hundredths.
fn parse_hundredths(text: &str) -> Option<i64> {
    let (whole, frac) = text.split_once('.').unwrap_or((text, ""));
    if whole.is_empty() || whole.len() > 6 || !whole.bytes().all(|b| b.is_ascii_digit()) || frac.len() > 2 {
        return None;
    }
    if !frac.bytes().all(|b| b.is_ascii_digit()) || (text.contains('.') && frac.is_empty()) {
        return None;
    }
    let frac_value: i64 = format!("{frac:0<2}").parse().ok()?;
    Some(whole.parse::<i64>().ok()? * 100 + frac_value)
}

fn read_distribution(at: &Field<'_>, scale: i64, min_group: u32) -> Result<Distribution, AgencyFileError> {
    let mut allowed = vec!["n"];
    allowed.extend(POINT_NAMES);
    at.object(&allowed)?;
    let n_field = at.req("n")?;
    let n = count(&n_field)?;
    if n < min_group {
        return Err(AgencyFileError::SmallGroup { path: n_field.path().to_owned(), count: n, min: min_group });
    }
    let mut figures = [0i64; 7];
    for (slot, name) in figures.iter_mut().zip(POINT_NAMES) {
        let field = at.req(name)?;
        let Json::Number(text) = field.value else { return Err(field.wrong(Kind::Number)) };
        *slot = parse_hundredths(text)
            .filter(|v| (0..=scale).contains(v))
            .ok_or_else(|| AgencyFileError::BadFigure { path: field.path().to_owned(), found: field.value.brief() })?;
    }
    if figures.windows(2).any(|w| w[0] > w[1]) {
        return Err(AgencyFileError::Unordered { path: at.path().to_owned() });
    }
    Ok(Distribution { n, figures })
}

fn read_group(q: &Questionnaire, at: &Field<'_>, min_group: u32) -> Result<Group, AgencyFileError> {
    at.object(&["by", "value", "n", "indices", "domains"])?;
    let by = at.req("by")?;
    let by_text = by.text()?;
    let key = if by_text == "overall" {
        if let Some(v) = at.opt("value") {
            return Err(AgencyFileError::UnknownField { path: v.path().to_owned() });
        }
        GroupKey::Overall
    } else {
        let dimension = GroupBy::parse(by_text).ok_or_else(|| AgencyFileError::BadChoice {
            path: by.path().to_owned(),
            found: by.value.brief(),
            allowed: "overall, org_size, use_case, service_model, stage".into(),
        })?;
        let value = at.req("value")?;
        let text = value.text()?;
        let known =
            dimension.all_values().into_iter().find(|v| *v == text).ok_or_else(|| AgencyFileError::BadChoice {
                path: value.path().to_owned(),
                found: value.value.brief(),
                allowed: dimension.all_values().join(", "),
            })?;
        GroupKey::By(dimension, known)
    };
    let n_field = at.req("n")?;
    let n = count(&n_field)?;
    if n < min_group {
        return Err(AgencyFileError::SmallGroup { path: n_field.path().to_owned(), count: n, min: min_group });
    }
    let mut figures = Map::new();
    let indices = at.req("indices")?;
    indices.object(&["cloud_readiness", "data_protection"])?;
    for index in Index::ALL {
        if let Some(d) = indices.opt(index.as_str()) {
            let measure = Measure::Index(index);
            figures.insert(measure.clone(), read_distribution(&d, measure.scale(), min_group)?);
        }
    }
    let domains = at.req("domains")?;
    for (id, value) in domains.members()? {
        let field = domains.child(id, value);
        if q.domain(id).is_none() {
            return Err(AgencyFileError::UnknownDomain { path: field.path().to_owned(), found: Json::str(id).brief() });
        }
        let measure = Measure::Domain(id.clone());
        figures.insert(measure.clone(), read_distribution(&field, measure.scale(), min_group)?);
    }
    Ok(Group { key, n, figures })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dist(figures: [i64; 7]) -> Distribution {
        Distribution { n: 10, figures }
    }

    #[test]
    fn ranks_interpolate_between_the_published_points() {
        let d = dist([0, 1000, 2500, 5000, 7500, 9000, 10000]);
        assert_eq!(d.rank(5000), 50);
        assert_eq!(d.rank(6250), 63);
        assert_eq!(d.rank(0), 0);
        assert_eq!(d.rank(10000), 100);
        let d = dist([1000, 2000, 2000, 2000, 3000, 4000, 5000]);
        assert_eq!(d.rank(500), 0);
        assert_eq!(d.rank(6000), 100);
        // Equal to p10, p25 and median: the middle of 10 and 50.
        assert_eq!(d.rank(2000), 30);
    }

    #[test]
    fn figures_read_with_at_most_two_decimals() {
        assert_eq!(parse_hundredths("72"), Some(7200));
        assert_eq!(parse_hundredths("2.5"), Some(250));
        assert_eq!(parse_hundredths("2.05"), Some(205));
        for bad in ["2.", ".5", "2.055", "-1", "1e2", ""] {
            assert_eq!(parse_hundredths(bad), None, "{bad}");
        }
    }
}
