//! Comparison of the current assessment with an earlier one.

use super::model::{Index, Questionnaire};
use super::score::Report;

/// Which way a figure moved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trend {
    Improved,
    Worsened,
    Unchanged,
    /// Only one of the two assessments has the figure (e.g. the context changed).
    NotComparable,
}

impl Trend {
    fn of(delta: Option<i32>) -> Trend {
        match delta {
            None => Trend::NotComparable,
            Some(d) if d > 0 => Trend::Improved,
            Some(d) if d < 0 => Trend::Worsened,
            Some(_) => Trend::Unchanged,
        }
    }

    /// The identifier used in class names and messages.
    pub fn as_str(self) -> &'static str {
        match self {
            Trend::Improved => "improved",
            Trend::Worsened => "worsened",
            Trend::Unchanged => "unchanged",
            Trend::NotComparable => "not_comparable",
        }
    }
}

/// An index before and after.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndexDelta {
    pub index: Index,
    pub before: Option<u8>,
    pub after: Option<u8>,
    /// After minus before, in points.
    pub delta: Option<i32>,
    pub trend: Trend,
}

/// A domain's maturity before and after, in hundredths of a level.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DomainDelta {
    pub domain: String,
    pub before: Option<i32>,
    pub after: Option<i32>,
    pub delta: Option<i32>,
    pub trend: Trend,
}

/// Every index and domain, before and after.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comparison {
    pub indices: Vec<IndexDelta>,
    pub domains: Vec<DomainDelta>,
}

/// Compares an earlier report with the current one, domains in questionnaire order.
pub fn compare(q: &Questionnaire, before: &Report, after: &Report) -> Comparison {
    let indices = Index::ALL
        .iter()
        .map(|&index| {
            let (b, a) = (before.of_index(index).score, after.of_index(index).score);
            let delta = b.zip(a).map(|(b, a)| i32::from(a) - i32::from(b));
            IndexDelta { index, before: b, after: a, delta, trend: Trend::of(delta) }
        })
        .collect();
    let domains = q
        .domains
        .iter()
        .filter_map(|d| {
            let b = before.domain(&d.id).map(|r| i32::from(r.level));
            let a = after.domain(&d.id).map(|r| i32::from(r.level));
            if a.is_none() && b.is_none() {
                return None;
            }
            let delta = b.zip(a).map(|(b, a)| a - b);
            Some(DomainDelta { domain: d.id.clone(), before: b, after: a, delta, trend: Trend::of(delta) })
        })
        .collect();
    Comparison { indices, domains }
}
