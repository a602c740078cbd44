//! The commands that read and print the questionnaire and results files.

use std::fmt::Write as _;

use super::{markdown, Outcome, Read, TemplateArgs, INVALID, OK};
use crate::core::answer::AnswerValue;
use crate::core::context::{Context, Deployment, OrgSize, ServiceModel, Stage, UseCase};
use crate::core::i18n::Language;
use crate::core::model::{Condition, Index, Question};
use crate::core::results::Answers;
use crate::core::results::{self, ResultsFile};
use crate::core::score::{Report, Standing};
use crate::core::team::{score_assessment, TeamReport};
use crate::core::Catalog;

/// Success with what to print.
pub(super) fn ok(stdout: String) -> Outcome {
    Outcome { code: OK, stdout, stderr: String::new() }
}

/// The words of a language asked for on the command line (English when none is).
pub(super) fn language<'a>(catalog: &'a Catalog, code: Option<&str>) -> Result<&'a Language, String> {
    match code {
        None => Ok(catalog.language("en")),
        Some(c) if catalog.has_language(c) => Ok(catalog.language(c)),
        Some(c) => Err(format!("no language {c:?}; available: {}", catalog.codes().collect::<Vec<_>>().join(", "))),
    }
}

/// The JSON Schema of the results file.
pub fn schema() -> String {
    let schema = schemars::schema_for!(ResultsFile);
    serde_json::to_string_pretty(&schema).expect("schemas serialise") + "\n"
}

pub(super) fn questionnaire(catalog: &Catalog, lang: Option<&str>, json: bool) -> Result<Outcome, String> {
    let lang = language(catalog, lang)?;
    let q = &catalog.questionnaire;
    if !json {
        return Ok(ok(markdown::questionnaire(q, lang)));
    }
    let domains: Vec<serde_json::Value> = q
        .domains
        .iter()
        .map(|d| {
            let text = lang.domain(&d.id);
            let questions: Vec<serde_json::Value> = d
                .questions
                .iter()
                .map(|item| {
                    let t = lang.question(&item.id).cloned().unwrap_or_default();
                    serde_json::json!({
                        "id": item.id,
                        "prompt": t.prompt,
                        "help": t.help,
                        "levels": t.levels,
                        "recommendation": t.recommendation,
                        "weight": item.weight,
                        "critical": item.critical,
                        "not_applicable": item.not_applicable,
                        "indices": item.indices.iter().map(|i| i.as_str()).collect::<Vec<_>>(),
                        "target": target_rules(lang, item, q.scoring.default_target),
                        "applies": markdown::describe(lang, &item.applies),
                        "responsibility": {
                            "iaas": item.responsibility.iaas.as_str(),
                            "paas": item.responsibility.paas.as_str(),
                            "saas": item.responsibility.saas.as_str(),
                        },
                        "references": item.references.iter().map(|r| serde_json::json!({
                            "id": r.to_string(), "label": r.label(lang),
                        })).collect::<Vec<_>>(),
                    })
                })
                .collect();
            serde_json::json!({
                "id": d.id,
                "title": text.map(|t| t.title.clone()).unwrap_or_default(),
                "summary": text.map(|t| t.summary.clone()).unwrap_or_default(),
                "questions": questions,
            })
        })
        .collect();
    let level_names: Vec<&str> =
        (0..=4).map(|l| lang.t(["levels.0", "levels.1", "levels.2", "levels.3", "levels.4"][l])).collect();
    let catalogue = serde_json::json!({
        "id": q.id,
        "version": q.version,
        "language": lang.code,
        "title": lang.t("app.questionnaire_title"),
        "level_names": level_names,
        "domains": domains,
    });
    Ok(ok(serde_json::to_string_pretty(&catalogue).expect("JSON values serialise") + "\n"))
}

/// A condition's lists by their content names, only those it has (`{"use_cases": ["ehr"]}`).
fn condition_json(c: &Condition) -> serde_json::Value {
    fn ids<T: Copy>(list: &Option<Vec<T>>, id: fn(T) -> &'static str) -> Option<Vec<&'static str>> {
        list.as_ref().map(|l| l.iter().map(|v| id(*v)).collect())
    }
    let lists = [
        ("use_cases", ids(&c.use_cases, UseCase::as_str)),
        ("service_models", ids(&c.service_models, ServiceModel::as_str)),
        ("deployments", ids(&c.deployments, Deployment::as_str)),
        ("stages", ids(&c.stages, Stage::as_str)),
        ("org_sizes", ids(&c.org_sizes, OrgSize::as_str)),
    ];
    lists.into_iter().filter_map(|(key, list)| list.map(|l| (key.to_owned(), serde_json::json!(l)))).collect()
}

/// A question's target levels: the context decides, so print the rules, not one number.
/// The first rule whose condition matches gives the target; otherwise `default` does.
fn target_rules(lang: &Language, item: &Question, default_target: u8) -> serde_json::Value {
    let when: Vec<serde_json::Value> = item
        .target_when
        .iter()
        .map(|rule| {
            serde_json::json!({
                "level": rule.level,
                "condition": condition_json(&rule.when),
                "text": markdown::describe(lang, &rule.when),
            })
        })
        .collect();
    serde_json::json!({ "default": item.target.unwrap_or(default_target), "when": when })
}

pub(super) fn template(catalog: &Catalog, args: &TemplateArgs, now: i64) -> Result<Outcome, String> {
    let lang = language(catalog, args.lang.as_deref())?;
    let mut context = Context {
        service_model: args.service_model,
        deployment: args.deployment,
        stage: args.stage,
        org_size: args.org_size,
        ..Context::default()
    };
    for u in &args.use_cases {
        context.set_use_case(*u, true);
    }
    if context.use_cases.is_empty() {
        context.use_cases = UseCase::ALL.to_vec();
    }
    let q = &catalog.questionnaire;
    let team = crate::core::team::respondent_team(q, args.respondent.as_deref(), &args.domains).map_err(|d| {
        let ids: Vec<&str> = q.domains.iter().map(|d| d.id.as_str()).collect();
        format!("--domains: no domain {d:?}; available: {}", ids.join(", "))
    })?;
    let file = ResultsFile::template(catalog, &lang.code, crate::core::time::rfc3339(now), &context).with_team(&team);
    Ok(ok(file.to_json() + "\n"))
}

/// Reads and imports a results file; the message names the file.
pub(super) fn read_results(catalog: &Catalog, path: &str, read: Read) -> Result<results::Imported, String> {
    let bytes = read(path).map_err(|e| format!("{path}: cannot be read: {e}"))?;
    results::import(catalog, &bytes).map_err(|e| format!("{path}: {e}"))
}

pub(super) fn score_file(
    catalog: &Catalog,
    path: &str,
    json: bool,
    lang: Option<&str>,
    read: Read,
) -> Result<Outcome, String> {
    let imported = match read_results(catalog, path, read) {
        Ok(i) => i,
        Err(message) => return Ok(Outcome { code: INVALID, stdout: String::new(), stderr: message + "\n" }),
    };
    let lang = language(catalog, lang.or(Some(imported.language.as_str())).filter(|c| catalog.has_language(c)))?;
    let team = score_assessment(&catalog.questionnaire, &imported.context, &imported.answers);
    let report = &team.report;
    let stderr: String = imported.warnings.iter().map(|w| format!("{path}: warning: {}\n", w.message(lang))).collect();
    let stdout = if json {
        // The report as files carry it, with the team's and the evidence's findings beside it.
        let mut value = report.to_json();
        if let crate::core::json::Json::Object(members) = &mut value {
            members.push(("team".to_owned(), team.team_json(&imported.answers)));
        }
        value.pretty() + "\n"
    } else {
        report_text(lang, report) + &team_text(lang, &team, &imported.answers)
    };
    Ok(Outcome { code: OK, stdout, stderr })
}

/// A report as plain text for a terminal.
pub fn report_text(lang: &Language, report: &Report) -> String {
    let mut out = String::new();
    let standing = |s: Standing| match s {
        Standing::Level(l) => lang.fill("results.standing_level", &[("level", &l.to_string())]),
        Standing::Unknown => lang.t("results.standing_unknown").to_owned(),
        Standing::Unanswered => lang.t("results.standing_unanswered").to_owned(),
    };
    for index in Index::ALL {
        let r = report.of_index(index);
        let name = lang.t(&format!("indices.{}", index.as_str()));
        match (r.score, &r.band) {
            (Some(s), Some(band)) => {
                let band = lang.t(&format!("bands.{}.{band}", index.as_str()));
                let _ = writeln!(out, "{}{s}/100, {band}", lang.label(name));
            }
            _ => {
                let _ = writeln!(out, "{}{}", lang.label(name), lang.t("results.no_score"));
            }
        }
        if !r.capped_by.is_empty() {
            let uncapped = r.uncapped.unwrap_or(0).to_string();
            let _ = writeln!(
                out,
                "  {}",
                lang.fill("results.capped", &[("count", &r.capped_by.len().to_string()), ("uncapped", &uncapped)])
            );
            for cap in &r.capped_by {
                let _ =
                    writeln!(out, "  - {} {} ({})", cap.question, lang.prompt(&cap.question), standing(cap.standing));
            }
        }
    }
    let c = &report.completeness;
    let _ = writeln!(
        out,
        "{}{}",
        lang.label(lang.t("results.completeness")),
        lang.fill(
            "results.completeness_value",
            &[
                ("answered", &c.answered.to_string()),
                ("count", &c.applicable.to_string()),
                ("percent", &lang.percent(c.percent))
            ]
        )
    );
    let _ = writeln!(
        out,
        "{}{}",
        lang.label(lang.t("results.confidence")),
        lang.fill("results.confidence_value", &[("percent", &lang.percent(c.confidence))])
    );
    let _ = writeln!(out, "\n{}", lang.t("results.chart_title"));
    let width = report.domains.iter().map(|d| lang.domain_title(&d.id).chars().count()).max().unwrap_or(0);
    for d in &report.domains {
        let title = lang.domain_title(&d.id);
        let pad = width - title.chars().count();
        let _ = writeln!(
            out,
            "  {title}{}  {}  {}",
            " ".repeat(pad),
            lang.hundredths(i64::from(d.level), 2),
            lang.percent(d.percent)
        );
    }
    let _ = writeln!(out, "\n{}", lang.t("results.actions_title"));
    if report.actions.is_empty() {
        let _ = writeln!(out, "  {}", lang.t("results.actions_none"));
    }
    for a in &report.actions {
        let critical = if a.critical { format!(" [{}]", lang.t("answer.critical")) } else { String::new() };
        let _ = writeln!(out, "{:>3}. {}{critical} {}", a.rank, a.question, lang.prompt(&a.question));
        let _ = writeln!(
            out,
            "     {}; {}",
            lang.fill("results.action_current", &[("standing", &standing(a.standing))]),
            lang.fill("results.action_target", &[("level", &a.target.to_string())])
        );
        let next = lang.level_descriptor(&a.question, a.next_level);
        let _ = writeln!(
            out,
            "     {}{next}",
            lang.label(&lang.fill("results.action_next", &[("level", &a.next_level.to_string())]))
        );
        let party = a.responsibility.map_or("undecided", |p| p.as_str());
        let _ = writeln!(
            out,
            "     {}{}",
            lang.label(lang.t("results.action_responsibility")),
            lang.t(&format!("parties.{party}"))
        );
        let refs: Vec<String> = a.references.iter().map(|r| r.label(lang)).collect();
        let _ = writeln!(out, "     {}{}", lang.label(lang.t("results.action_references")), lang.list(&refs));
    }
    if !report.unanswered.is_empty() {
        let _ = writeln!(out, "\n{}{}", lang.label(lang.t("results.unanswered_title")), report.unanswered.join(", "));
    }
    out
}

/// An answer as words: "level 2", "don't know", "not applicable".
pub(super) fn value_text(lang: &Language, value: AnswerValue) -> String {
    match value {
        AnswerValue::Level(l) => lang.fill("results.standing_level", &[("level", &l.get().to_string())]),
        AnswerValue::Unknown => lang.t("results.standing_unknown").to_owned(),
        AnswerValue::NotApplicable => lang.t("answer.not_applicable").to_owned(),
    }
}

/// The team's and the evidence register's findings, after the report.
pub fn team_text(lang: &Language, team: &TeamReport, answers: &Answers) -> String {
    let mut out = String::new();
    if !team.open_conflicts.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            lang.fill("team.open_conflicts", &[("count", &team.open_conflicts.len().to_string())])
        );
        for id in &team.open_conflicts {
            let Some(c) = answers.conflicts.get(id) else { continue };
            let said: Vec<String> =
                c.answers.iter().map(|a| lang.label(&a.respondent) + &value_text(lang, a.value)).collect();
            let _ = writeln!(out, "  {id} {}{}", lang.label(lang.prompt(id)), lang.list(&said));
            for a in c.answers.iter().filter(|a| a.note.is_some()) {
                let _ = writeln!(out, "    {}{}", lang.label(&a.respondent), a.note.as_deref().unwrap_or_default());
            }
        }
    }
    for a in &team.agreements {
        let _ = writeln!(
            out,
            "  {}",
            lang.fill(
                "team.agree",
                &[
                    ("question", &format!("{} {}", a.question, lang.prompt(&a.question))),
                    ("lowest", &a.lowest.to_string()),
                    ("highest", &a.highest.to_string()),
                    ("respondents", &a.respondents.join(", ")),
                ],
            )
        );
    }
    if !team.with_evidence.is_empty() {
        let _ = writeln!(out, "\n{}", lang.t("evidence.title"));
        for id in &team.with_evidence {
            for e in answers.evidence.get(id).into_iter().flatten() {
                let mut parts: Vec<String> = [&e.location, &e.owner].into_iter().flatten().cloned().collect();
                if let Some(d) = &e.review_by {
                    parts.push(lang.fill("evidence.review_by", &[("date", d)]));
                }
                if let Some(f) = &e.file {
                    parts.push(format!("{} SHA-256 {}", f.name, f.sha256));
                }
                let details = if parts.is_empty() { String::new() } else { format!(" ({})", lang.list(&parts)) };
                let _ = writeln!(out, "  {}{}{details}", lang.label(id), e.title);
            }
        }
    }
    if !team.without_evidence.is_empty() {
        let _ =
            writeln!(out, "\n{}", lang.fill("team.without_evidence", &[("ids", &team.without_evidence.join(", "))]));
    }
    out
}

pub(super) fn validate(catalog: &Catalog, args: &[String], read: Read) -> Outcome {
    let lang = catalog.language("en");
    let mut outcome = Outcome::default();
    for path in args {
        match read_results(catalog, path, read) {
            Ok(imported) => {
                let answered = imported.answers.values.len();
                let _ = writeln!(outcome.stdout, "{path}: valid, {answered} answered");
                for w in &imported.warnings {
                    let _ = writeln!(outcome.stderr, "{path}: warning: {}", w.message(lang));
                }
            }
            Err(message) => {
                outcome.code = INVALID;
                let _ = writeln!(outcome.stderr, "{message}");
            }
        }
    }
    outcome
}
