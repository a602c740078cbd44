//! Aggregation: many results files into one anonymous benchmark. Each file
//! is re-scored from its answers (the report inside is never trusted) and
//! reduced to a [`Submission`]: its duplicate key, context and one value per
//! measure. Values go into histograms, so memory does not grow with the
//! number of files; percentiles are exact (linear interpolation between
//! order statistics). Groups smaller than the minimum are left out entirely.

use crate::core::map::Map;
use std::collections::{HashMap, HashSet};

use super::benchmark::{measures, Benchmark, Distribution, Group, GroupBy, GroupKey, Measure, POINTS};
use super::context::Context;
use super::json::{object, Json};
use super::model::Questionnaire;
use super::results::Imported;
use super::score::{score, Report};

/// What aggregation keeps of one results file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Submission {
    /// SHA-256 of the canonical creation time, context and answers: equal for the same file however it is saved.
    pub key: [u8; 32],
    pub context: Context,
    /// Per measure (see [`measures`]) the value in hundredths, `None` where it does not apply.
    pub values: Vec<Option<i64>>,
    /// The questions with a gap to the built-in target (positions in questionnaire order).
    pub gaps: Vec<u16>,
}

/// The canonical text a submission's key is the SHA-256 of: creation time, context and answer values,
/// compact JSON with sorted question ids. Notes, evidence, respondents, formatting and the stored report do not count.
pub fn canonical(imported: &Imported) -> String {
    let answers = imported.answers.values.iter().map(|(id, v)| (id.clone(), v.to_json())).collect();
    object([
        ("created", Json::str(&imported.created)),
        ("context", imported.context.to_json()),
        ("answers", Json::Object(answers)),
    ])
    .compact()
}

/// Reduces an imported file to a submission, scoring its answers afresh.
pub fn submission(q: &Questionnaire, imported: &Imported) -> Submission {
    let report = score(q, &imported.context, &imported.answers.values);
    from_report(q, canonical(imported).as_bytes(), &imported.context, &report)
}

/// A submission from a context and a freshly computed report; `canonical` is what identifies duplicates.
pub fn from_report(q: &Questionnaire, canonical: &[u8], context: &Context, report: &Report) -> Submission {
    let positions: HashMap<&str, u16> =
        q.questions().enumerate().map(|(i, (_, qu))| (qu.id.as_str(), i as u16)).collect();
    Submission {
        key: super::sha256::digest(canonical),
        context: context.clone(),
        values: measures(q).iter().map(|m| m.value(report)).collect(),
        gaps: report.actions.iter().filter_map(|a| positions.get(a.question.as_str()).copied()).collect(),
    }
}

/// Counts of values on a fixed grid (every hundredth of a level, every point of an index).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Histogram {
    step: i64,
    counts: Vec<u32>,
    n: u32,
}

impl Histogram {
    /// An empty histogram for values 0..=scale in multiples of `step` (hundredths).
    pub fn new(scale: i64, step: i64) -> Histogram {
        Histogram { step, counts: vec![0; (scale / step + 1) as usize], n: 0 }
    }

    /// Counts a value (clamped to the grid).
    pub fn add(&mut self, value: i64) {
        let bucket = (value / self.step).clamp(0, self.counts.len() as i64 - 1) as usize;
        self.counts[bucket] += 1;
        self.n += 1;
    }

    /// How many values were counted.
    pub fn len(&self) -> u32 {
        self.n
    }

    /// Whether nothing was counted.
    pub fn is_empty(&self) -> bool {
        self.n == 0
    }

    /// Adds another histogram of the same grid.
    pub fn merge(&mut self, other: &Histogram) {
        for (a, b) in self.counts.iter_mut().zip(&other.counts) {
            *a += b;
        }
        self.n += other.n;
    }

    /// The `k`-th smallest value (0-based).
    fn nth(&self, k: u32) -> i64 {
        let mut seen = 0u32;
        for (bucket, &c) in self.counts.iter().enumerate() {
            seen += c;
            if seen > k {
                return bucket as i64 * self.step;
            }
        }
        (self.counts.len() as i64 - 1) * self.step
    }

    /// The `p`-th percentile (0 to 100) by linear interpolation between order statistics
    /// (the method of Excel's PERCENTILE.INC and NumPy's default): rank h = (n-1)·p/100,
    /// x⌊h⌋ + (h-⌊h⌋)·(x⌊h⌋+1 - x⌊h⌋), rounded half up to hundredths. `None` when empty.
    pub fn percentile(&self, p: u8) -> Option<i64> {
        if self.n == 0 {
            return None;
        }
        let h = u64::from(self.n - 1) * u64::from(p);
        let (lo, frac) = ((h / 100) as u32, (h % 100) as i64);
        let low = self.nth(lo);
        let high = if frac > 0 { self.nth(lo + 1) } else { low };
        Some(low + (frac * (high - low) + 50) / 100)
    }

    /// The seven published figures.
    pub fn distribution(&self) -> Option<Distribution> {
        let mut figures = [0i64; 7];
        for (slot, p) in figures.iter_mut().zip(POINTS) {
            *slot = self.percentile(p)?;
        }
        Some(Distribution { n: self.n, figures })
    }
}

/// The running tally of one group.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Tally {
    n: u32,
    histograms: Vec<Histogram>,
}

/// How many files were read, kept and set aside.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Distinct submissions counted.
    pub organisations: u32,
    /// Submissions already counted (the same file again).
    pub duplicates: u32,
}

/// Tallies submissions group by group.
#[derive(Clone, Debug)]
pub struct Aggregator {
    measures: Vec<Measure>,
    by: Option<GroupBy>,
    groups: Map<GroupKey, Tally>,
    gap_counts: Vec<u32>,
    seen: HashSet<[u8; 32]>,
    /// What was counted so far.
    pub counts: Counts,
}

impl Aggregator {
    /// An empty tally of the overall group and, with `by`, the groups of one dimension.
    pub fn new(q: &Questionnaire, by: Option<GroupBy>) -> Aggregator {
        Aggregator {
            measures: measures(q),
            by,
            groups: Map::new(),
            gap_counts: vec![0; q.questions().count()],
            seen: HashSet::new(),
            counts: Counts::default(),
        }
    }

    fn tally(&mut self, key: GroupKey) -> &mut Tally {
        let measures = &self.measures;
        self.groups.entry(key).or_insert_with(|| Tally {
            n: 0,
            histograms: measures
                .iter()
                .map(|m| match m {
                    Measure::Index(_) => Histogram::new(m.scale(), 100),
                    Measure::Domain(_) => Histogram::new(m.scale(), 1),
                })
                .collect(),
        })
    }

    /// Counts a submission; `false` (and nothing counted) if the same submission was counted before.
    pub fn add(&mut self, s: &Submission) -> bool {
        if !self.seen.insert(s.key) {
            self.counts.duplicates += 1;
            return false;
        }
        self.counts.organisations += 1;
        let mut keys = vec![GroupKey::Overall];
        if let Some(by) = self.by {
            keys.extend(by.values(&s.context).into_iter().map(|v| GroupKey::By(by, v)));
        }
        for key in keys {
            let tally = self.tally(key);
            tally.n += 1;
            for (h, v) in tally.histograms.iter_mut().zip(&s.values) {
                if let Some(v) = v {
                    h.add(*v);
                }
            }
        }
        for &g in &s.gaps {
            if let Some(c) = self.gap_counts.get_mut(usize::from(g)) {
                *c += 1;
            }
        }
        true
    }

    /// The benchmark of groups with at least `min_group` organisations, and the keys of those left out.
    /// Within a published group, a measure that applied to fewer than `min_group` is left out too.
    pub fn finish(&self, month: &str, min_group: u32) -> (Benchmark, Vec<GroupKey>) {
        let min_group = min_group.max(1);
        let mut groups = Vec::new();
        let mut suppressed = Vec::new();
        for (key, tally) in &self.groups {
            if tally.n < min_group {
                suppressed.push(key.clone());
                continue;
            }
            let figures = self
                .measures
                .iter()
                .zip(&tally.histograms)
                .filter(|(_, h)| h.len() >= min_group)
                .filter_map(|(m, h)| Some((m.clone(), h.distribution()?)))
                .collect();
            groups.push(Group { key: key.clone(), n: tally.n, figures });
        }
        (Benchmark { month: month.to_owned(), min_group, groups }, suppressed)
    }

    /// The questions most often below their built-in target, with the number of organisations;
    /// empty unless at least `min_group` organisations were counted (the same rule as the groups).
    pub fn common_gaps(&self, q: &Questionnaire, min_group: u32, limit: usize) -> Vec<(String, u32)> {
        if self.counts.organisations < min_group.max(1) {
            return Vec::new();
        }
        let mut gaps: Vec<(String, u32)> = q
            .questions()
            .zip(&self.gap_counts)
            .filter(|(_, c)| **c > 0)
            .map(|((_, question), c)| (question.id.clone(), *c))
            .collect();
        // Most common first; questionnaire order among equals (the sort is stable).
        crate::core::order::sort_by_key(&mut gaps, |g| std::cmp::Reverse(g.1));
        gaps.truncate(limit);
        gaps
    }
}
