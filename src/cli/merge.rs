//! `cloudtriage merge`: several respondents' results files into one, with
//! the core's rules (src/core/merge.rs); disagreements are kept and listed.

use std::fmt::Write as _;

use super::commands::{language, read_results};
use super::{Outcome, Read, INVALID, OK};
use crate::core::json::{object, Json};
use crate::core::merge::{file_of, merge, MergeInput, MergeSummary};
use crate::core::results::Imported;
use crate::core::Catalog;

/// What `cloudtriage merge` was asked to do.
#[derive(clap::Args, Debug)]
pub struct MergeArgs {
    /// Results files of the respondents (at least one).
    #[arg(required = true)]
    pub files: Vec<String>,
    /// Write the merged results file here (without it, it goes to standard output).
    #[arg(long)]
    pub out: Option<String>,
    /// Print the summary and the disagreements as JSON.
    #[arg(long)]
    pub json: bool,
    /// A respondent label for a file that names none, as FILE=LABEL (repeatable).
    #[arg(long = "label", value_name = "FILE=LABEL")]
    pub labels: Vec<String>,
    /// A language code such as en, de, fr, for the summary and messages.
    #[arg(long)]
    pub lang: Option<String>,
}

fn failed(message: String) -> Outcome {
    Outcome { code: INVALID, stdout: String::new(), stderr: message + "\n" }
}

/// The merge as JSON: the counts, every disagreement with each answer, and the contexts that differ.
fn summary_json(summary: &MergeSummary, merged: &Imported, out: Option<&str>) -> Json {
    let conflicts = merged
        .answers
        .conflicts
        .iter()
        .map(|(id, c)| {
            let answers = c.answers.iter().map(crate::core::results::ConflictAnswer::to_json).collect();
            let mut m = vec![
                ("question".to_owned(), Json::str(id)),
                ("answers".to_owned(), Json::Array(answers)),
                ("open".to_owned(), Json::Bool(c.is_open())),
            ];
            if let Some(r) = &c.resolution {
                m.push(("resolved_by".to_owned(), Json::str(&r.by)));
                m.push(("resolved_value".to_owned(), r.value.to_json()));
            }
            Json::Object(m)
        })
        .collect();
    let respondents = merged.team.respondents.iter().map(|r| Json::str(&r.label)).collect();
    let contexts = merged
        .team
        .context_conflicts
        .iter()
        .map(|c| object([("respondent", Json::str(&c.respondent)), ("context", c.context.to_json())]))
        .collect();
    let count = |n: usize| Json::int(n as i64);
    object([
        ("files", count(summary.files)),
        ("respondents", Json::Array(respondents)),
        ("answered", count(summary.answered)),
        ("agreed", count(summary.agreed)),
        ("open_conflicts", count(summary.open_conflicts)),
        ("resolved_conflicts", count(summary.resolved_conflicts)),
        ("conflicts", Json::Array(conflicts)),
        ("context_conflicts", Json::Array(contexts)),
        ("out", out.map_or(Json::Null, Json::str)),
    ])
}

/// Runs `cloudtriage merge`.
pub(super) fn run(catalog: &Catalog, args: &MergeArgs, read: Read) -> Result<Outcome, String> {
    let lang = language(catalog, args.lang.as_deref())?;
    let mut labels = Vec::new();
    for given in &args.labels {
        let (file, label) = given.rsplit_once('=').ok_or_else(|| format!("--label {given:?}: use FILE=LABEL"))?;
        if !args.files.iter().any(|f| f == file) {
            return Err(format!("--label {given:?}: {file:?} is not among the files to merge"));
        }
        labels.push((file, label));
    }
    let mut inputs = Vec::new();
    for path in &args.files {
        let imported = match read_results(catalog, path, read) {
            Ok(i) => i,
            Err(message) => return Ok(failed(message)),
        };
        let label = labels.iter().find(|(f, _)| f == path).map(|(_, l)| l.to_string());
        inputs.push(MergeInput { name: path.clone(), imported, label });
    }
    let merged = match merge(catalog, &inputs) {
        Ok(m) => m,
        Err(e) => return Ok(failed(format!("cloudtriage merge: {}", e.message(lang)))),
    };
    let text = file_of(catalog, &merged).to_json() + "\n";
    if let Some(out) = &args.out {
        if let Err(e) = std::fs::write(out, &text) {
            return Ok(failed(format!("{out}: cannot be written: {e}")));
        }
    }
    let summary = MergeSummary::of(inputs.len(), &merged);
    let mut report = String::new();
    let n = |v: usize| v.to_string();
    let _ = writeln!(
        report,
        "{}",
        lang.fill(
            "team.merge_summary",
            &[
                ("files", &n(summary.files)),
                ("respondents", &n(summary.respondents)),
                ("answered", &n(summary.answered)),
                ("agreed", &n(summary.agreed)),
                ("open", &n(summary.open_conflicts)),
                ("resolved", &n(summary.resolved_conflicts)),
            ],
        )
    );
    for (id, c) in merged.answers.open_conflicts() {
        let said: Vec<String> =
            c.answers.iter().map(|a| lang.label(&a.respondent) + &super::commands::value_text(lang, a.value)).collect();
        let _ = writeln!(report, "  {}{}", lang.label(id), lang.list(&said));
    }
    if summary.context_differs {
        let _ = writeln!(report, "{}", lang.t("team.context_differs"));
    }
    let (stdout, stderr) = match (args.json, &args.out) {
        (true, _) => (summary_json(&summary, &merged, args.out.as_deref()).pretty() + "\n", String::new()),
        (false, Some(_)) => (report, String::new()),
        (false, None) => (text, report),
    };
    Ok(Outcome { code: OK, stdout, stderr })
}
