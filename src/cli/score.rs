//! `cloudtriage score FILE --profile P.json --benchmark B.json`: the report
//! against an agency's target profile, the gap to it per domain, and where
//! the file's scores stand in the benchmark group matching its context. The
//! figures are the core's, the same the widget shows.

use std::fmt::Write as _;

use super::commands::{language, read_results, report_text};
use super::{Outcome, Read, INVALID, OK};
use crate::core::benchmark::{group_words, Benchmark, Measure, Placement, Positions};
use crate::core::i18n::Language;
use crate::core::json::Json;
use crate::core::profile::{domain_gaps, gaps_json, Profile};
use crate::core::score::score;
use crate::core::Catalog;

/// What `score` is asked for beyond the plain report.
pub struct Against<'a> {
    pub profile: Option<&'a str>,
    pub benchmark: Option<&'a str>,
}

fn refused(message: String) -> Outcome {
    Outcome { code: INVALID, stdout: String::new(), stderr: message + "\n" }
}

pub(super) fn run(
    catalog: &Catalog,
    path: &str,
    json: bool,
    lang: Option<&str>,
    against: Against<'_>,
    read: Read,
) -> Result<Outcome, String> {
    let imported = match read_results(catalog, path, read) {
        Ok(i) => i,
        Err(message) => return Ok(refused(message)),
    };
    let lang = language(catalog, lang.or(Some(imported.language.as_str())).filter(|c| catalog.has_language(c)))?;
    let q = &catalog.questionnaire;
    let profile = match against.profile {
        Some(p) => {
            let bytes = match read(p) {
                Ok(b) => b,
                Err(e) => return Ok(refused(format!("{p}: cannot be read: {e}"))),
            };
            match Profile::parse(q, &bytes) {
                Ok(profile) => Some(profile),
                Err(e) => return Ok(refused(format!("{p}: {}", e.message(lang)))),
            }
        }
        None => None,
    };
    let benchmark = match against.benchmark {
        Some(b) => {
            let bytes = match read(b) {
                Ok(bytes) => bytes,
                Err(e) => return Ok(refused(format!("{b}: cannot be read: {e}"))),
            };
            match Benchmark::parse(q, &bytes) {
                Ok(benchmark) => Some(benchmark),
                Err(e) => return Ok(refused(format!("{b}: {}", e.message(lang)))),
            }
        }
        None => None,
    };
    let report = match &profile {
        Some(p) => p.score(q, &imported.context, &imported.answers.values),
        None => score(q, &imported.context, &imported.answers.values),
    };
    // Positions use the scores, which no target changes.
    let positions = benchmark.as_ref().map(|b| b.place(q, &imported.context, &report));
    let stderr: String = imported.warnings.iter().map(|w| format!("{path}: warning: {}\n", w.message(lang))).collect();
    let stdout = if json {
        let Json::Object(mut members) = report.to_json() else { unreachable!("a report is an object") };
        if let Some(p) = &profile {
            members.push(("profile".to_owned(), profile_json(p, &report)));
        }
        if let Some(positions) = &positions {
            members.push(("benchmark".to_owned(), positions.to_json()));
        }
        Json::Object(members).pretty() + "\n"
    } else {
        let mut text = report_text(lang, &report);
        if let Some(p) = &profile {
            text.push_str(&profile_text(lang, p, &report));
        }
        if let Some(positions) = &positions {
            text.push_str(&positions_text(lang, positions));
        }
        text
    };
    Ok(Outcome { code: OK, stdout, stderr })
}

fn profile_json(p: &Profile, report: &crate::core::score::Report) -> Json {
    crate::core::json::object([
        ("name", Json::str(&p.name)),
        ("issuer", Json::str(&p.issuer)),
        ("date", Json::str(&p.date)),
        ("version", Json::str(&p.version)),
        ("sha256", Json::str(&p.sha256)),
        ("domains", gaps_json(&domain_gaps(report))),
    ])
}

fn level(lang: &Language, hundredths: u16) -> String {
    lang.decimal(f64::from(hundredths) / 100.0, 2)
}

fn profile_text(lang: &Language, p: &Profile, report: &crate::core::score::Report) -> String {
    let mut out = String::new();
    let date = lang.date(&format!("{}T00:00:00Z", p.date));
    let _ = writeln!(out, "\n{}", lang.t("agency.profile_title"));
    let _ = writeln!(
        out,
        "  {}",
        lang.fill(
            "agency.profile_issued",
            &[("name", &p.name), ("issuer", &p.issuer), ("date", &date), ("version", &p.version)]
        )
    );
    let _ = writeln!(out, "\n{}", lang.t("agency.gap_title"));
    for g in domain_gaps(report) {
        let gap = if g.gap == 0 { lang.t("agency.gap_met").to_owned() } else { level(lang, g.gap) };
        let _ = writeln!(
            out,
            "  {}{} {}, {} {}, {} {}",
            lang.label(lang.domain_title(&g.domain)),
            lang.t("agency.gap_level"),
            level(lang, g.level),
            lang.t("agency.gap_expected"),
            level(lang, g.expected),
            lang.t("agency.gap_gap"),
            gap
        );
    }
    out
}

/// A value of a measure in words: points for an index, a level for a domain.
pub fn value_text(lang: &Language, measure: &Measure, hundredths: i64) -> String {
    match measure {
        Measure::Index(_) => lang.decimal(hundredths as f64 / 100.0, if hundredths % 100 == 0 { 0 } else { 2 }),
        Measure::Domain(_) => lang.decimal(hundredths as f64 / 100.0, 2),
    }
}

fn positions_text(lang: &Language, positions: &Positions) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "\n{}", lang.t("agency.benchmark_title"));
    let min = positions.min_group.to_string();
    match &positions.placement {
        Placement::Matched(key) => {
            let _ = writeln!(
                out,
                "  {}",
                lang.fill(
                    "agency.benchmark_lead",
                    &[
                        ("month", &positions.month),
                        ("count", &positions.n.to_string()),
                        ("group", &group_words(lang, key))
                    ]
                )
            );
        }
        Placement::Overall { wanted } => {
            let _ = writeln!(
                out,
                "  {}",
                lang.fill("agency.benchmark_suppressed", &[("group", &group_words(lang, wanted)), ("min", &min)])
            );
        }
        Placement::Missing { wanted } => {
            let _ = writeln!(
                out,
                "  {}",
                lang.fill("agency.benchmark_missing", &[("group", &group_words(lang, wanted)), ("min", &min)])
            );
            return out;
        }
    }
    for p in &positions.positions {
        let name = match &p.measure {
            Measure::Index(i) => lang.t(&format!("indices.{}", i.as_str())).to_owned(),
            Measure::Domain(d) => lang.domain_title(d).to_owned(),
        };
        let text = match (p.value, &p.distribution, p.rank) {
            (None, _, _) => lang.t("agency.benchmark_not_applicable").to_owned(),
            (Some(_), None, _) => lang.t("agency.benchmark_not_published").to_owned(),
            (Some(v), Some(d), Some(rank)) => format!(
                "{} {}, {} {}, {}",
                lang.t("agency.benchmark_you"),
                value_text(lang, &p.measure, v),
                lang.t("agency.benchmark_median"),
                value_text(lang, &p.measure, d.figures[3]),
                lang.fill("agency.benchmark_rank_value", &[("rank", &rank.to_string())])
            ),
            (Some(_), Some(_), None) => String::new(),
        };
        let _ = writeln!(out, "  {}{text}", lang.label(&name));
    }
    out
}
