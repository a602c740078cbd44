//! `cloudtriage crosswalk`: the questionnaire seen through one framework,
//! with a results file's maturity and gaps per article or control.

use super::commands::{language, read_results};
use super::{Outcome, Read, INVALID, OK};
use crate::core::crosswalk::{self, Assessed, Framework};
use crate::core::score::score;
use crate::core::Catalog;

/// The framework's items, the questions covering each and, with a file, each item's level and gaps.
pub(super) fn crosswalk(
    catalog: &Catalog,
    framework: Framework,
    file: Option<&str>,
    json: bool,
    lang: Option<&str>,
    read: Read,
) -> Result<Outcome, String> {
    let q = &catalog.questionnaire;
    let imported = match file.map(|path| read_results(catalog, path, read)).transpose() {
        Ok(i) => i,
        Err(message) => return Ok(Outcome { code: INVALID, stdout: String::new(), stderr: message + "\n" }),
    };
    // The file's language unless another is asked for, as `score` does.
    let file_language = imported.as_ref().map(|i| i.language.as_str()).filter(|c| catalog.has_language(c));
    let lang = language(catalog, lang.or(file_language))?;
    let report = imported.as_ref().map(|i| score(q, &i.context, &i.answers.values));
    let assessed = imported.as_ref().zip(report.as_ref()).map(|(i, report)| Assessed {
        context: &i.context,
        answers: &i.answers.values,
        report,
    });
    let view = crosswalk::view(q, lang, framework, assessed);
    let stderr: String = match (file, &imported) {
        (Some(path), Some(i)) => i.warnings.iter().map(|w| format!("{path}: warning: {}\n", w.message(lang))).collect(),
        _ => String::new(),
    };
    let stdout = if json { view.to_json(q).pretty() + "\n" } else { view.to_markdown(lang) };
    Ok(Outcome { code: OK, stdout, stderr })
}
