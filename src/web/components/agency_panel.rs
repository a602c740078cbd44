//! The agency's view on the results: the target profile applied (name,
//! issuer, date) with the gap to it per domain, and where this assessment
//! stands in the benchmark: a strip per index and domain (lowest to highest,
//! the middle half, the median and a marker for this assessment) and the
//! same figures in a table for screen readers. Everything is computed by the
//! core; this only renders it.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::benchmark::{group_words, Measure, Placement, Position, Positions};
use crate::core::profile::{DomainGap, Profile};
use crate::web::lang::Words;

#[derive(Properties, PartialEq)]
pub struct AgencyPanelProps {
    pub lang: Words,
    /// The profile applied and each domain's gap to it.
    #[prop_or_default]
    pub profile: Option<(Rc<Profile>, Rc<Vec<DomainGap>>)>,
    /// Where this assessment stands in the benchmark.
    #[prop_or_default]
    pub positions: Option<Rc<Positions>>,
}

fn measure_name(lang: &Words, m: &Measure) -> String {
    match m {
        Measure::Index(i) => lang.t(&format!("indices.{}", i.as_str())).to_owned(),
        Measure::Domain(d) => lang.domain_title(d).to_owned(),
    }
}

fn value_text(lang: &Words, m: &Measure, hundredths: i64) -> String {
    match m {
        Measure::Index(_) => lang.decimal(hundredths as f64 / 100.0, if hundredths % 100 == 0 { 0 } else { 1 }),
        Measure::Domain(_) => lang.decimal(hundredths as f64 / 100.0, 1),
    }
}

fn level(lang: &Words, hundredths: u16) -> String {
    lang.decimal(f64::from(hundredths) / 100.0, 2)
}

fn profile_section(lang: Words, profile: &Profile, gaps: &[DomainGap]) -> Html {
    let date = lang.date(&format!("{}T00:00:00Z", profile.date));
    let issued = lang.fill(
        "agency.profile_issued",
        &[("name", &profile.name), ("issuer", &profile.issuer), ("date", &date), ("version", &profile.version)],
    );
    html! {
        <section class="ct-agency-profile" aria-labelledby="ct-profile-title" data-profile-sha256={profile.sha256.clone()}>
            <h2 id="ct-profile-title" class="ct-subtitle">{ lang.t("agency.profile_title") }</h2>
            <p class="ct-profile-issued">{ issued }</p>
            <p class="ct-muted">{ lang.t("agency.profile_lead") }</p>
            <div class="ct-table-wrap">
                <table class="ct-table ct-gap-table">
                    <caption>{ lang.t("agency.gap_title") }</caption>
                    <thead><tr>
                        <th scope="col">{ lang.t("results.table_domain") }</th>
                        <th scope="col" class="ct-num">{ lang.t("agency.gap_level") }</th>
                        <th scope="col" class="ct-num">{ lang.t("agency.gap_expected") }</th>
                        <th scope="col" class="ct-num">{ lang.t("agency.gap_gap") }</th>
                        <th scope="col" class="ct-num">{ lang.t("results.table_at_target") }</th>
                    </tr></thead>
                    <tbody>
                        { for gaps.iter().map(|g| html! {
                            <tr data-domain={g.domain.clone()} data-gap={g.gap.to_string()}>
                                <th scope="row">{ lang.domain_title(&g.domain) }</th>
                                <td class="ct-num">{ level(&lang, g.level) }</td>
                                <td class="ct-num">{ level(&lang, g.expected) }</td>
                                <td class={classes!("ct-num", (g.gap > 0).then_some("ct-gap-open"))}>
                                    { if g.gap == 0 { lang.t("agency.gap_met").to_owned() } else { level(&lang, g.gap) } }
                                </td>
                                <td class="ct-num">{ format!("{}/{}", g.at_target, g.applicable) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// A position on the strip's 0-100 axis, to two decimals, written without a float formatter
/// (it would add kilobytes to the widget).
fn axis(v: i64, scale: i64) -> String {
    let hundredths = (v.clamp(0, scale) * 10_000 + scale / 2) / scale;
    format!("{}.{:02}", hundredths / 100, hundredths % 100)
}

/// One strip on a 0-100 axis: whiskers from lowest to highest, the middle half, the median, this assessment.
fn strip(p: &Position) -> Html {
    let (Some(d), Some(value)) = (&p.distribution, p.value) else { return Html::default() };
    let scale = p.measure.scale();
    let x = |v: i64| axis(v, scale);
    let [min, p25, median, p75, max] = d.quartiles();
    // At least half a unit wide, so a middle half of one value still shows.
    let width = axis((p75 - p25).max(scale / 200), scale);
    html! {
        <svg class="ct-strip" viewBox="-3 0 106 12" aria-hidden="true" focusable="false" preserveAspectRatio="none">
            <line class="ct-strip-range" x1={x(min)} x2={x(max)} y1="6" y2="6" stroke-width="1" />
            <rect class="ct-strip-box" x={x(p25)} y="2" width={width} height="8" />
            <line class="ct-strip-median" x1={x(median)} x2={x(median)} y1="1" y2="11" stroke-width="1.5" />
            <circle class="ct-strip-you" cx={x(value)} cy="6" r="2.5" />
        </svg>
    }
}

fn benchmark_section(lang: Words, positions: &Positions) -> Html {
    let min = positions.min_group.to_string();
    let (lead, kind) = match &positions.placement {
        Placement::Matched(key) => (
            lang.fill(
                "agency.benchmark_lead",
                &[
                    ("month", &positions.month),
                    ("count", &positions.n.to_string()),
                    ("group", &group_words(&lang, key)),
                ],
            ),
            "matched",
        ),
        Placement::Overall { wanted } => (
            lang.fill("agency.benchmark_suppressed", &[("group", &group_words(&lang, wanted)), ("min", &min)]),
            "overall",
        ),
        Placement::Missing { wanted } => {
            (lang.fill("agency.benchmark_missing", &[("group", &group_words(&lang, wanted)), ("min", &min)]), "missing")
        }
    };
    let overall_lead = matches!(positions.placement, Placement::Overall { .. }).then(|| {
        lang.fill(
            "agency.benchmark_lead",
            &[
                ("month", &positions.month),
                ("count", &positions.n.to_string()),
                ("group", lang.t("agency.benchmark_overall")),
            ],
        )
    });
    let row = |p: &Position| {
        let name = measure_name(&lang, &p.measure);
        let cell = |v: i64| html! { <td class="ct-num">{ value_text(&lang, &p.measure, v) }</td> };
        let figures = match (&p.distribution, p.value) {
            (Some(d), Some(_)) => {
                let [min, p25, median, p75, max] = d.quartiles();
                html! { <>{ cell(min) }{ cell(p25) }{ cell(median) }{ cell(p75) }{ cell(max) }</> }
            }
            _ => html! { <td colspan="5" class="ct-muted">{
                if p.value.is_none() { lang.t("agency.benchmark_not_applicable") } else { lang.t("agency.benchmark_not_published") }
            }</td> },
        };
        // The column says "percentile rank"; the cell only the number, so the table fits narrow screens.
        let rank = p.rank.map(|r| r.to_string());
        html! {
            <tr data-measure={p.measure.id().to_owned()} data-rank={p.rank.map(|r| r.to_string())}>
                <th scope="row">{ name }</th>
                <td class="ct-num">{ p.value.map(|v| value_text(&lang, &p.measure, v)).unwrap_or_default() }</td>
                <td class="ct-strip-cell" aria-hidden="true">{ strip(p) }</td>
                { figures }
                <td class="ct-num">{ rank.unwrap_or_default() }</td>
            </tr>
        }
    };
    html! {
        <section class="ct-agency-benchmark" aria-labelledby="ct-benchmark-title" data-placement={kind}>
            <h2 id="ct-benchmark-title" class="ct-subtitle">{ lang.t("agency.benchmark_title") }</h2>
            <p class={classes!("ct-benchmark-lead", (kind != "matched").then_some("ct-benchmark-notice"))} role={(kind != "matched").then_some("note")}>{ lead }</p>
            if let Some(text) = overall_lead {
                <p class="ct-benchmark-lead">{ text }</p>
            }
            if kind != "missing" {
                <p class="ct-muted">{ lang.t("agency.benchmark_strip_hint") }</p>
                <div class="ct-table-wrap">
                    <table class="ct-table ct-benchmark-table">
                        <caption class="ct-visually-hidden">{ lang.t("agency.benchmark_title") }</caption>
                        <thead><tr>
                            <th scope="col">{ lang.t("agency.benchmark_measure") }</th>
                            <th scope="col" class="ct-num">{ lang.t("agency.benchmark_you") }</th>
                            <td aria-hidden="true"></td>
                            <th scope="col" class="ct-num">{ lang.t("agency.benchmark_min") }</th>
                            <th scope="col" class="ct-num">{ lang.t("agency.benchmark_p25") }</th>
                            <th scope="col" class="ct-num">{ lang.t("agency.benchmark_median") }</th>
                            <th scope="col" class="ct-num">{ lang.t("agency.benchmark_p75") }</th>
                            <th scope="col" class="ct-num">{ lang.t("agency.benchmark_max") }</th>
                            <th scope="col" class="ct-num">{ lang.t("agency.benchmark_rank") }</th>
                        </tr></thead>
                        <tbody>{ for positions.positions.iter().filter(|p| p.value.is_some()).map(row) }</tbody>
                    </table>
                </div>
            }
        </section>
    }
}

#[function_component]
pub fn AgencyPanel(props: &AgencyPanelProps) -> Html {
    let lang = props.lang;
    html! {
        <>
            if let Some((profile, gaps)) = &props.profile {
                { profile_section(lang, profile, gaps) }
            }
            if let Some(positions) = &props.positions {
                { benchmark_section(lang, positions) }
            }
        </>
    }
}
