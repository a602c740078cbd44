//! The sector report `cloudtriage aggregate --report` writes for the agency:
//! the published groups, a distribution chart (inline SVG) per index and
//! domain with a row per group, and the most common gaps. It shows only what
//! the benchmark itself publishes, so it may be shared like the benchmark.

use std::fmt::Write as _;

use crate::core::benchmark::{group_words, measures, Benchmark, Distribution, GroupKey, Measure};
use crate::core::i18n::Language;
use crate::core::Catalog;

const LABEL_WIDTH: i64 = 200;
const PLOT_WIDTH: i64 = 400;
const ROW: i64 = 24;

fn measure_title(lang: &Language, m: &Measure) -> String {
    match m {
        Measure::Index(i) => lang.t(&format!("indices.{}", i.as_str())).to_owned(),
        Measure::Domain(d) => lang.domain_title(d).to_owned(),
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('\u{22}', "&quot;")
        .replace('\'', "&#39;")
}

/// The x coordinate of a value (hundredths) on a scale.
fn x(value: i64, scale: i64) -> i64 {
    LABEL_WIDTH + value * PLOT_WIDTH / scale
}

/// One chart: a row per group with whiskers (min to max), ticks at p10 and p90, a box from p25 to p75 and the median.
fn chart(lang: &Language, title: &str, scale: i64, rows: &[(String, &Distribution)]) -> String {
    let height = ROW * rows.len() as i64 + 20;
    let width = LABEL_WIDTH + PLOT_WIDTH + 10;
    let mut svg = format!(
        "<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' viewBox='0 0 {width} {height}' role='img' aria-label='{}'>\n",
        escape(title)
    );
    for (i, (label, d)) in rows.iter().enumerate() {
        let y = i as i64 * ROW + 12;
        let f = d.figures;
        let _ = writeln!(
            svg,
            "<text x='0' y='{}' font-size='12' font-family='sans-serif'>{} (n={})</text>",
            y + 4,
            escape(label),
            d.n
        );
        let _ = writeln!(
            svg,
            "<line x1='{}' x2='{}' y1='{y}' y2='{y}' stroke='#555' stroke-width='1'/>",
            x(f[0], scale),
            x(f[6], scale)
        );
        for v in [f[1], f[5]] {
            let _ = writeln!(
                svg,
                "<line x1='{0}' x2='{0}' y1='{1}' y2='{2}' stroke='#555' stroke-width='1'/>",
                x(v, scale),
                y - 4,
                y + 4
            );
        }
        let _ = writeln!(
            svg,
            "<rect x='{}' y='{}' width='{}' height='12' fill='#9ec5e8' stroke='#0b5cad' stroke-width='1'/>",
            x(f[2], scale),
            y - 6,
            (x(f[4], scale) - x(f[2], scale)).max(1)
        );
        let _ = writeln!(
            svg,
            "<line x1='{0}' x2='{0}' y1='{1}' y2='{2}' stroke='#0b5cad' stroke-width='3'/>",
            x(f[3], scale),
            y - 7,
            y + 7
        );
    }
    let axis_y = height - 4;
    for step in 0..=4 {
        let value = scale * step / 4;
        let label = if scale == 400 { lang.decimal(value as f64 / 100.0, 0) } else { (value / 100).to_string() };
        let _ = writeln!(
            svg,
            "<text x='{}' y='{axis_y}' font-size='10' font-family='sans-serif' text-anchor='middle'>{label}</text>",
            x(value, scale)
        );
    }
    svg.push_str("</svg>\n");
    svg
}

fn figure(lang: &Language, value: i64, scale: i64) -> String {
    if scale == 400 {
        lang.decimal(value as f64 / 100.0, 2)
    } else {
        lang.decimal(value as f64 / 100.0, if value % 100 == 0 { 0 } else { 2 })
    }
}

/// The report as Markdown.
pub fn markdown(
    catalog: &Catalog,
    lang: &Language,
    benchmark: &Benchmark,
    suppressed: &[GroupKey],
    gaps: &[(String, u32)],
) -> String {
    let q = &catalog.questionnaire;
    let mut out = String::new();
    let overall = benchmark.group(&GroupKey::Overall);
    let total = overall.map_or_else(|| lang.t("agency.benchmark_not_published").to_owned(), |g| g.n.to_string());
    let min = benchmark.min_group.to_string();
    let _ = writeln!(out, "# {}\n", lang.t("agency.report_title"));
    let _ = writeln!(
        out,
        "{}\n",
        lang.fill("agency.report_lead", &[("count", &total), ("month", &benchmark.month), ("min", &min)])
    );
    let _ = writeln!(out, "| {} | {} |\n| --- | ---: |", lang.t("agency.report_group"), lang.t("agency.report_count"));
    for g in &benchmark.groups {
        let _ = writeln!(out, "| {} | {} |", group_words(lang, &g.key), g.n);
    }
    if !suppressed.is_empty() {
        let names: Vec<String> = suppressed.iter().map(|k| group_words(lang, k)).collect();
        let _ = writeln!(
            out,
            "\n{}",
            lang.fill("agency.report_suppressed", &[("min", &min), ("groups", &names.join(", "))])
        );
    }
    let _ =
        writeln!(out, "\n## {}\n\n{}\n", lang.t("agency.report_distributions"), lang.t("agency.benchmark_strip_hint"));
    for m in measures(q) {
        let rows: Vec<(String, &Distribution)> =
            benchmark.groups.iter().filter_map(|g| Some((group_words(lang, &g.key), g.figures.get(&m)?))).collect();
        if rows.is_empty() {
            continue;
        }
        let title = measure_title(lang, &m);
        let _ = writeln!(out, "### {title}\n");
        out.push_str(&chart(lang, &title, m.scale(), &rows));
        let _ = writeln!(
            out,
            "\n| {} | n | {} | p10 | {} | {} | {} | p90 | {} |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
            lang.t("agency.report_group"),
            lang.t("agency.benchmark_min"),
            lang.t("agency.benchmark_p25"),
            lang.t("agency.benchmark_median"),
            lang.t("agency.benchmark_p75"),
            lang.t("agency.benchmark_max"),
        );
        for (label, d) in &rows {
            let cells: Vec<String> = d.figures.iter().map(|v| figure(lang, *v, m.scale())).collect();
            let _ = writeln!(out, "| {label} | {} | {} |", d.n, cells.join(" | "));
        }
        out.push('\n');
    }
    let _ = writeln!(out, "## {}\n", lang.t("agency.report_gaps"));
    match overall {
        Some(g) if !gaps.is_empty() => {
            let _ = writeln!(out, "{}\n", lang.t("agency.report_gaps_lead"));
            let _ = writeln!(
                out,
                "| {} | | {} |\n| --- | --- | ---: |",
                lang.t("agency.report_question"),
                lang.t("agency.report_share")
            );
            for (id, count) in gaps {
                let share =
                    lang.percent(((u64::from(*count) * 100 + u64::from(g.n) / 2) / u64::from(g.n)).min(100) as u8);
                let _ = writeln!(out, "| {id} | {} | {count} ({share}) |", escape(lang.prompt(id)));
            }
        }
        _ => {
            let _ = writeln!(out, "{}", lang.fill("agency.report_no_gaps", &[("min", &min)]));
        }
    }
    out
}
