//! Whether a language has every word the questionnaire needs. The build runs
//! it on the fallback language (a gap there would show an empty prompt), the
//! content tests on every language.

use super::i18n::Language;
use super::model::{ContentError, Questionnaire};

/// Reads the structure as the program will; on failure, a message naming the content file and the key.
pub fn check_structure(structure_json: &str, domain_ids: &[String]) -> Result<Questionnaire, String> {
    Questionnaire::from_json(structure_json).map_err(|e| located(&e, domain_ids, &question_ids(structure_json)))
}

/// The question ids of each domain in the structure, as far as they can be read.
fn question_ids(structure_json: &str) -> Vec<Vec<String>> {
    let Ok(json) = super::json::Json::parse(structure_json) else { return Vec::new() };
    let domains = json.get("domains").and_then(|d| d.as_array()).unwrap_or_default();
    domains
        .iter()
        .map(|d| {
            let questions = d.get("question").and_then(|q| q.as_array()).unwrap_or_default();
            questions.iter().filter_map(|q| q.get("id").and_then(|i| i.as_str()).map(str::to_owned)).collect()
        })
        .collect()
}

/// Reads a language's words as the program will; the fallback language must also have every word.
pub fn check_language(q: &Questionnaire, code: &str, words_json: &str, fallback: bool) -> Result<Language, String> {
    let words = Language::from_json(words_json).map_err(|e| format!("in content/lang/{code}/: {e}"))?;
    let missing = if fallback { missing_words(q, &words) } else { Vec::new() };
    if missing.is_empty() {
        return Ok(words);
    }
    let list: Vec<String> =
        missing.iter().map(|m| format!("  content/lang/{code}/domains/{}.toml: {}", m.domain, m.key)).collect();
    Err(format!("words missing in the fallback language:\n{}", list.join("\n")))
}

/// A reader's error with the content file it points into: by its path
/// (`domains[3].question[2].references[1]`) or by the question id it names.
fn located(error: &ContentError, domain_ids: &[String], questions: &[Vec<String>]) -> String {
    let message = error.to_string();
    let by_path = message
        .split("domains[")
        .nth(1)
        .and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|i| i.parse::<usize>().ok());
    let names =
        |id: &String| message.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-')).any(|word| word == id.as_str());
    let by_question = || questions.iter().position(|ids| ids.iter().any(names));
    let domain = by_path.or_else(by_question).and_then(|i| domain_ids.get(i));
    match domain {
        Some(id) => format!("in content/domains/{id}.toml: {message}"),
        None => format!("in content/questionnaire.toml: {message}"),
    }
}

/// A word a language lacks: the domain's words file and the key within it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MissingWord {
    /// The domain whose words file lacks it.
    pub domain: String,
    /// The key, e.g. `questions.EXT-01.levels` or `title`.
    pub key: String,
}

/// Every word the questionnaire needs that the language does not have, in questionnaire order.
pub fn missing_words(q: &Questionnaire, lang: &Language) -> Vec<MissingWord> {
    let mut missing = Vec::new();
    for domain in &q.domains {
        let mut lack = |key: String| missing.push(MissingWord { domain: domain.id.clone(), key });
        let Some(text) = lang.domain(&domain.id) else {
            lack("title".into());
            continue;
        };
        if text.title.trim().is_empty() {
            lack("title".into());
        }
        if text.summary.trim().is_empty() {
            lack("summary".into());
        }
        for question in &domain.questions {
            let Some(words) = text.questions.get(&question.id) else {
                lack(format!("questions.{}", question.id));
                continue;
            };
            let fields = [("prompt", &words.prompt), ("help", &words.help), ("recommendation", &words.recommendation)];
            for (name, value) in fields {
                if value.trim().is_empty() {
                    lack(format!("questions.{}.{name}", question.id));
                }
            }
            if words.levels.len() != 5 || words.levels.iter().any(|l| l.trim().is_empty()) {
                lack(format!("questions.{}.levels (five descriptors, levels 0 to 4)", question.id));
            }
        }
    }
    missing
}
