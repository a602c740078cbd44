//! The `cloudtriage` command-line tool: the widget's core, in a terminal.
//! `run` takes the arguments and the current time and returns what to print,
//! so every command is tested without a process.

use std::fmt::Write as _;

use crate::core::context::{Context, Deployment, OrgSize, ServiceModel, Stage, UseCase};
use crate::core::i18n::Language;
use crate::core::model::Index;
use crate::core::results::{self, ResultsFile};
use crate::core::score::{score, Report, Standing};
use crate::core::{markdown, Catalog};

/// What a command printed and how it ended.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Exit code for success.
pub const OK: i32 = 0;
/// Exit code when a file is invalid or cannot be read.
pub const INVALID: i32 = 1;
/// Exit code when the command line itself is wrong.
pub const USAGE: i32 = 2;

/// The help text.
pub const HELP: &str = "\
cloudtriage: cloud readiness and data-protection self-assessment for health services

Usage:
  cloudtriage questionnaire [--lang LANG] [--json]
      Print the questionnaire as Markdown, or as JSON with --json.
  cloudtriage template [--use-case CASE]... [--service-model MODEL] [--deployment DEPLOYMENT]
                       [--stage STAGE] [--org-size SIZE] [--lang LANG]
      Print a results file with every applicable question unanswered.
      Without --use-case, every use case is included.
  cloudtriage score FILE [--json] [--lang LANG]
      Recalculate the scores and action plan of a results file and print them.
  cloudtriage validate FILE...
      Check results files; exit 0 only when every file is valid, each problem on stderr.
  cloudtriage crosswalk --framework FRAMEWORK [FILE] [--json] [--lang LANG]
      Print the articles or controls of a framework that the questionnaire covers,
      the questions covering each and, with FILE, the maturity and gaps of each.
  cloudtriage schema
      Print the JSON Schema of the results file.
  cloudtriage --help | --version

Values:
  CASE        ehr, remote_care, medical_devices, administrative
  MODEL       iaas, paas, saas, undecided
  DEPLOYMENT  public, private, hybrid, community, government, undecided
  STAGE       planning, procuring, operating
  SIZE        small, medium, large
  LANG        a language code such as en, de, fr
  FRAMEWORK   nis2, gdpr, iso27001, mdr, dataact, aiact

Exit codes: 0 success, 1 a file is invalid or unreadable, 2 the command line is wrong.
";

fn usage(message: String) -> Outcome {
    Outcome {
        code: USAGE,
        stdout: String::new(),
        stderr: format!("cloudtriage: {message}\nRun `cloudtriage --help` for usage.\n"),
    }
}

fn ok(stdout: String) -> Outcome {
    Outcome { code: OK, stdout, stderr: String::new() }
}

/// Parsed options: flags with values, switches, and plain arguments.
struct Options {
    values: Vec<(String, String)>,
    switches: Vec<String>,
    plain: Vec<String>,
}

impl Options {
    fn parse(args: &[String], with_value: &[&str], switches: &[&str]) -> Result<Options, String> {
        let mut o = Options { values: Vec::new(), switches: Vec::new(), plain: Vec::new() };
        let mut it = args.iter();
        while let Some(arg) = it.next() {
            let (name, inline) = match arg.split_once('=') {
                Some((n, v)) if n.starts_with("--") => (n, Some(v.to_owned())),
                _ => (arg.as_str(), None),
            };
            if with_value.contains(&name) {
                let value = inline.or_else(|| it.next().cloned()).ok_or_else(|| format!("{name} needs a value"))?;
                o.values.push((name.to_owned(), value));
            } else if switches.contains(&name) && inline.is_none() {
                o.switches.push(name.to_owned());
            } else if arg.starts_with("--") {
                return Err(format!("unknown option {arg}"));
            } else {
                o.plain.push(arg.clone());
            }
        }
        Ok(o)
    }
    fn value(&self, name: &str) -> Option<&str> {
        self.values.iter().rev().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
    fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.values.iter().filter(move |(n, _)| n == name).map(|(_, v)| v.as_str())
    }
    fn has(&self, name: &str) -> bool {
        self.switches.iter().any(|s| s == name)
    }
}

fn language<'a>(catalog: &'a Catalog, code: Option<&str>) -> Result<&'a Language, String> {
    match code {
        None => Ok(catalog.language("en")),
        Some(c) if catalog.has_language(c) => Ok(catalog.language(c)),
        Some(c) => Err(format!("no language {c:?}; available: {}", catalog.codes().collect::<Vec<_>>().join(", "))),
    }
}

/// Runs a command. `now` is seconds since 1970 UTC, for files the command writes.
pub fn run(args: &[String], now: i64, read: &dyn Fn(&str) -> std::io::Result<Vec<u8>>) -> Outcome {
    let catalog = Catalog::embedded();
    let Some((command, rest)) = args.split_first() else {
        return usage("no command given".into());
    };
    let result = match command.as_str() {
        "--help" | "-h" | "help" => return ok(HELP.into()),
        "--version" | "-V" => return ok(format!("cloudtriage {}\n", env!("CARGO_PKG_VERSION"))),
        "questionnaire" => questionnaire(catalog, rest),
        "template" => template(catalog, rest, now),
        "score" => score_file(catalog, rest, read),
        "validate" => return validate(catalog, rest, read),
        "crosswalk" => crosswalk(catalog, rest, read),
        "schema" if rest.is_empty() => Ok(ok(schema())),
        "schema" => Err(format!("schema takes no arguments, got {}", rest.join(" "))),
        other => Err(format!("unknown command {other:?}")),
    };
    result.unwrap_or_else(usage)
}

/// The JSON Schema of the results file.
pub fn schema() -> String {
    let schema = schemars::schema_for!(ResultsFile);
    serde_json::to_string_pretty(&schema).expect("schemas serialise") + "\n"
}

fn questionnaire(catalog: &Catalog, args: &[String]) -> Result<Outcome, String> {
    let o = Options::parse(args, &["--lang"], &["--json"])?;
    if let Some(extra) = o.plain.first() {
        return Err(format!("unexpected argument {extra:?}"));
    }
    let lang = language(catalog, o.value("--lang"))?;
    let q = &catalog.questionnaire;
    if !o.has("--json") {
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
                        "indices": item.indices,
                        "target": item.target.unwrap_or(q.scoring.default_target),
                        "applies": markdown::describe(lang, &item.applies),
                        "responsibility": {
                            "iaas": item.responsibility.iaas,
                            "paas": item.responsibility.paas,
                            "saas": item.responsibility.saas,
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

fn template(catalog: &Catalog, args: &[String], now: i64) -> Result<Outcome, String> {
    let o = Options::parse(
        args,
        &["--use-case", "--service-model", "--deployment", "--stage", "--org-size", "--lang"],
        &[],
    )?;
    if let Some(extra) = o.plain.first() {
        return Err(format!("unexpected argument {extra:?}"));
    }
    let lang = language(catalog, o.value("--lang"))?;
    fn pick<T>(
        o: &Options,
        name: &str,
        parse: fn(&str) -> Option<T>,
        allowed: String,
        default: T,
    ) -> Result<T, String> {
        match o.value(name) {
            None => Ok(default),
            Some(v) => parse(v).ok_or_else(|| format!("{name} {v:?} is not one of: {allowed}")),
        }
    }
    let mut context = Context::default();
    for v in o.all("--use-case") {
        let u = UseCase::parse(v).ok_or_else(|| format!("--use-case {v:?} is not one of: {}", UseCase::allowed()))?;
        context.set_use_case(u, true);
    }
    if context.use_cases.is_empty() {
        context.use_cases = UseCase::ALL.to_vec();
    }
    context.service_model =
        pick(&o, "--service-model", ServiceModel::parse, ServiceModel::allowed(), ServiceModel::Undecided)?;
    context.deployment = pick(&o, "--deployment", Deployment::parse, Deployment::allowed(), Deployment::Undecided)?;
    context.stage = pick(&o, "--stage", Stage::parse, Stage::allowed(), Stage::Planning)?;
    context.org_size = pick(&o, "--org-size", OrgSize::parse, OrgSize::allowed(), OrgSize::Medium)?;
    let file = ResultsFile::template(catalog, &lang.code, crate::core::time::rfc3339(now), &context);
    Ok(ok(file.to_json() + "\n"))
}

fn read_results(
    catalog: &Catalog,
    path: &str,
    read: &dyn Fn(&str) -> std::io::Result<Vec<u8>>,
) -> Result<results::Imported, String> {
    let bytes = read(path).map_err(|e| format!("{path}: cannot be read: {e}"))?;
    results::import(catalog, &bytes).map_err(|e| format!("{path}: {e}"))
}

fn score_file(
    catalog: &Catalog,
    args: &[String],
    read: &dyn Fn(&str) -> std::io::Result<Vec<u8>>,
) -> Result<Outcome, String> {
    let o = Options::parse(args, &["--lang"], &["--json"])?;
    let [path] = o.plain.as_slice() else {
        return Err("score takes exactly one FILE".into());
    };
    let imported = match read_results(catalog, path, read) {
        Ok(i) => i,
        Err(message) => return Ok(Outcome { code: INVALID, stdout: String::new(), stderr: message + "\n" }),
    };
    let lang =
        language(catalog, o.value("--lang").or(Some(imported.language.as_str())).filter(|c| catalog.has_language(c)))?;
    let report = score(&catalog.questionnaire, &imported.context, &imported.answers.values);
    let stderr: String = imported.warnings.iter().map(|w| format!("{path}: warning: {}\n", w.message(lang))).collect();
    let stdout = if o.has("--json") { report.to_json().pretty() + "\n" } else { report_text(lang, &report) };
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
                let _ = writeln!(out, "{name}: {s}/100, {band}");
            }
            _ => {
                let _ = writeln!(out, "{name}: {}", lang.t("results.no_score"));
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
        "{}: {}",
        lang.t("results.completeness"),
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
        "{}: {}",
        lang.t("results.confidence"),
        lang.fill("results.confidence_value", &[("percent", &lang.percent(c.confidence))])
    );
    let _ = writeln!(out, "\n{}", lang.t("results.chart_title"));
    let width = report.domains.iter().map(|d| lang.domain_title(&d.id).chars().count()).max().unwrap_or(0);
    for d in &report.domains {
        let title = lang.domain_title(&d.id);
        let pad = width - title.chars().count();
        let _ =
            writeln!(out, "  {title}{}  {}  {}", " ".repeat(pad), lang.decimal(d.level, 2), lang.percent(d.percent));
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
        let _ =
            writeln!(out, "     {}: {next}", lang.fill("results.action_next", &[("level", &a.next_level.to_string())]));
        let party = a.responsibility.map_or("undecided", |p| p.as_str());
        let _ =
            writeln!(out, "     {}: {}", lang.t("results.action_responsibility"), lang.t(&format!("parties.{party}")));
        let refs: Vec<String> = a.references.iter().map(|r| r.label(lang)).collect();
        let _ = writeln!(out, "     {}: {}", lang.t("results.action_references"), refs.join("; "));
    }
    if !report.unanswered.is_empty() {
        let _ = writeln!(out, "\n{}: {}", lang.t("results.unanswered_title"), report.unanswered.join(", "));
    }
    out
}

/// `crosswalk --framework F [FILE] [--json] [--lang LANG]`: the framework view, with a results file's maturity.
fn crosswalk(
    catalog: &Catalog,
    args: &[String],
    read: &dyn Fn(&str) -> std::io::Result<Vec<u8>>,
) -> Result<Outcome, String> {
    use crate::core::crosswalk::{self, Assessed, Framework};
    let o = Options::parse(args, &["--framework", "--lang"], &["--json"])?;
    let framework = match o.value("--framework") {
        None => return Err(format!("crosswalk needs --framework, one of: {}", Framework::allowed())),
        Some(v) => {
            Framework::parse(v).ok_or_else(|| format!("--framework {v:?} is not one of: {}", Framework::allowed()))?
        }
    };
    let path = match o.plain.as_slice() {
        [] => None,
        [path] => Some(path),
        [_, extra, ..] => return Err(format!("crosswalk takes at most one FILE, got also {extra:?}")),
    };
    let q = &catalog.questionnaire;
    let imported = match path.map(|p| read_results(catalog, p, read)).transpose() {
        Ok(i) => i,
        Err(message) => return Ok(Outcome { code: INVALID, stdout: String::new(), stderr: message + "\n" }),
    };
    let file_language = imported.as_ref().map(|i| i.language.as_str()).filter(|c| catalog.has_language(c));
    let lang = language(catalog, o.value("--lang").or(file_language))?;
    let report = imported.as_ref().map(|i| score(q, &i.context, &i.answers.values));
    let assessed = imported.as_ref().zip(report.as_ref()).map(|(i, report)| Assessed {
        context: &i.context,
        answers: &i.answers.values,
        report,
    });
    let view = crosswalk::view(q, lang, framework, assessed);
    let stderr: String = match (path, &imported) {
        (Some(path), Some(i)) => i.warnings.iter().map(|w| format!("{path}: warning: {}\n", w.message(lang))).collect(),
        _ => String::new(),
    };
    let stdout = if o.has("--json") { view.to_json(q).pretty() + "\n" } else { view.to_markdown(lang) };
    Ok(Outcome { code: OK, stdout, stderr })
}

fn validate(catalog: &Catalog, args: &[String], read: &dyn Fn(&str) -> std::io::Result<Vec<u8>>) -> Outcome {
    if args.is_empty() {
        return usage("validate needs at least one FILE".into());
    }
    if let Some(option) = args.iter().find(|a| a.starts_with("--")) {
        return usage(format!("unknown option {option}"));
    }
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
