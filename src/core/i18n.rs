//! The words of one language: interface strings, the questionnaire's texts,
//! and how numbers and dates are written.

use crate::core::map::Map;

use super::json::Json;
use super::model::ContentError;
use super::read::ContentNode;

/// The words of one question.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QuestionText {
    /// The practice, as a statement.
    pub prompt: String,
    /// Why it matters for health data in the cloud.
    pub help: String,
    /// What levels 0 to 4 look like for this practice.
    pub levels: Vec<String>,
    /// How to close the gap.
    pub recommendation: String,
}

/// The words of one domain.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DomainText {
    pub title: String,
    pub summary: String,
    pub questions: Map<String, QuestionText>,
}

/// The words of one framework in the crosswalk: its name, what its items are called, and each item's title.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FrameworkText {
    /// The framework's full name, e.g. "NIS2 Directive (EU) 2022/2555".
    pub name: String,
    /// What one item is called, as a column heading: "Article", "Control", "Section".
    pub item: String,
    /// Item id (as the crosswalk writes it, e.g. `21(2)(d)`, `A.5.23`) to its title.
    pub items: Map<String, String>,
}

fn read_framework_text(at: &ContentNode<'_>) -> Result<FrameworkText, ContentError> {
    at.object(&["name", "item", "items"])?;
    let list = at.required("items")?;
    let members =
        list.value.as_object().ok_or_else(|| ContentError::Malformed(format!("{}: expected an object", list.path)))?;
    let mut items = Map::new();
    for (id, value) in members {
        // Item ids contain dots (`A.5.23`), so the path names them quoted.
        let title =
            value.as_str().ok_or_else(|| ContentError::Malformed(format!("{}[\"{id}\"]: expected text", list.path)))?;
        items.insert(id.clone(), title.to_owned());
    }
    Ok(FrameworkText { name: at.required("name")?.text()?, item: at.required("item")?.text()?, items })
}

fn read_domain_text(at: &ContentNode<'_>) -> Result<DomainText, ContentError> {
    at.object(&["title", "summary", "questions"])?;
    let questions = match at.field("questions") {
        Some(list) => read_questions(&list)?,
        None => Map::new(),
    };
    Ok(DomainText { title: at.required("title")?.text()?, summary: at.required("summary")?.text()?, questions })
}

/// The words of a domain's questions, by question id.
fn read_questions(list: &ContentNode<'_>) -> Result<Map<String, QuestionText>, ContentError> {
    let members =
        list.value.as_object().ok_or_else(|| ContentError::Malformed(format!("{}: expected an object", list.path)))?;
    let mut questions = Map::new();
    for (id, _) in members {
        let q = list.required(id)?;
        q.object(&["prompt", "help", "levels", "recommendation"])?;
        let text = QuestionText {
            prompt: q.required("prompt")?.text()?,
            help: q.required("help")?.text()?,
            levels: q.required("levels")?.list(|l| l.text())?,
            recommendation: q.required("recommendation")?.text()?,
        };
        questions.insert(id.clone(), text);
    }
    Ok(questions)
}

fn read_domains(at: &ContentNode<'_>) -> Result<Map<String, DomainText>, ContentError> {
    let mut domains = Map::new();
    for (id, _) in at.value.as_object().unwrap_or_default() {
        domains.insert(id.clone(), read_domain_text(&at.required(id)?)?);
    }
    Ok(domains)
}

/// The frameworks' words, when the language carries them.
fn read_frameworks(at: &ContentNode<'_>) -> Result<Map<String, FrameworkText>, ContentError> {
    let mut frameworks = Map::new();
    if let Some(list) = at.field("frameworks") {
        for (id, _) in list.value.as_object().unwrap_or_default() {
            frameworks.insert(id.clone(), read_framework_text(&list.required(id)?)?);
        }
    }
    Ok(frameworks)
}

/// The sections of the interface words that only pages past the welcome page show (the context page,
/// the questions, the results, the comparison, the citations, the team's page, the evidence register,
/// the procurement pack's page, the agency's panel on the results; `export` holds the words of the
/// export module's documents, which that module carries itself): the widget loads them with the questionnaire's texts, which every such
/// page waits for, not with the page, but for the words of [`WORDS_WITH_THE_PAGE`] (`build.rs` splits
/// each language so; `tests/language_parts.rs` checks that the screens shown before the texts use no
/// other word of theirs).
pub const SECTIONS_WITH_TEXTS: &[&str] = &[
    "agency",
    "answer",
    "bands",
    "catalogue",
    "compare",
    "context",
    "crosswalk",
    "domain",
    "evidence",
    "export",
    "indices",
    "levels",
    "merge_errors",
    "nav",
    "pack",
    "parties",
    "references",
    "results",
    "team",
];

/// The words of [`SECTIONS_WITH_TEXTS`] that stay with the page (a word, or a table of them): the
/// toolbar's buttons to the team's page and the procurement pack, and the whole widget's notices,
/// which the frame of any page shows (an agency's files are read, and their problems told, at start).
pub const WORDS_WITH_THE_PAGE: &[&str] = &[
    "agency.errors",
    "agency.invalid_benchmark",
    "agency.invalid_profile",
    "agency.refused_benchmark",
    "agency.refused_profile",
    "agency.unreachable_benchmark",
    "agency.unreachable_profile",
    "evidence.error_hash",
    "pack.open",
    "team.context_differs",
    "team.merge_failed",
    "team.merge_summary",
    "team.respondent_downloaded",
    "team.toolbar",
];

/// Whether an interface word of [`SECTIONS_WITH_TEXTS`] stays with the page ([`WORDS_WITH_THE_PAGE`]).
pub fn stays_with_the_page(key: &str) -> bool {
    WORDS_WITH_THE_PAGE.iter().any(|w| key == *w || key.strip_prefix(w).is_some_and(|rest| rest.starts_with('.')))
}

/// How many domains, the first in the questionnaire's order, carry their questions' words in the
/// questionnaire's texts (`lang/<code>.texts-<hash>.json`), which the first questions wait for; the
/// questions of every other domain come apart (`lang/<code>.questions-<hash>.json`), loaded once the
/// first questions are shown or when a page needs them. `build.rs` splits each language so.
pub const DOMAINS_WITH_THE_TEXTS: usize = 1;

/// A part of a language's words, in the order they load; each needs the ones before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Part {
    /// The interface words: the welcome page and the frame of every page.
    Interface,
    /// The questionnaire's texts, with the first [`DOMAINS_WITH_THE_TEXTS`] domains' questions.
    Texts,
    /// Every other domain's questions.
    Questions,
}

/// The part to load for a page that shows `need`, when `texts_here` says whether the questionnaire's
/// texts already are: the page's own part, or with `ahead` (once the first questions are shown) every
/// domain's questions, but never before the texts they need.
pub fn part_to_load(need: Part, ahead: bool, texts_here: bool) -> Part {
    match need {
        Part::Texts if ahead && texts_here => Part::Questions,
        need => need,
    }
}

/// One language's words.
#[derive(Clone, Debug, PartialEq)]
pub struct Language {
    /// ISO 639-1 code, e.g. `de`.
    pub code: String,
    strings: Map<String, String>,
    domains: Map<String, DomainText>,
    frameworks: Map<String, FrameworkText>,
    /// Each question's domain in `domains`, so that a question's words are found
    /// without looking through every domain.
    question_domains: Map<String, String>,
    /// The domains whose questions' words are still to come (the questions part); empty when every
    /// word given is here.
    later: Vec<String>,
}

/// Each question's domain.
fn question_domains(domains: &Map<String, DomainText>) -> Map<String, String> {
    let mut index = Map::new();
    for (domain, text) in domains {
        for question in text.questions.keys() {
            // The first domain that has it, as a search through the domains in order would find.
            index.entry(question.clone()).or_insert_with(|| domain.clone());
        }
    }
    index
}

impl Language {
    /// Parses a language as produced by the build from `content/lang/<code>/`.
    pub fn from_json(text: &str) -> Result<Language, ContentError> {
        let json = Json::parse(text).map_err(|e| ContentError::Malformed(format!("not JSON: {e}")))?;
        let at = ContentNode::root(&json);
        at.object(&["code", "ui", "domains", "frameworks"])?;
        let mut strings = Map::new();
        flatten("", at.required("ui")?.value, &mut strings);
        let domains = read_domains(&at.required("domains")?)?;
        let frameworks = read_frameworks(&at)?;
        let question_domains = question_domains(&domains);
        let code = at.required("code")?.text()?;
        Ok(Language { code, strings, domains, frameworks, question_domains, later: Vec::new() })
    }

    /// These interface words with the questionnaire's texts, given apart as
    /// `{"code": .., "domains": {..}, "frameworks": {..}, "ui": {..}}` (the widget loads them when they are
    /// first needed); `ui` holds the interface words of the sections [`SECTIONS_WITH_TEXTS`].
    pub fn with_texts(&self, text: &str) -> Result<Language, ContentError> {
        let json = Json::parse(text).map_err(|e| ContentError::Malformed(format!("not JSON: {e}")))?;
        let at = ContentNode::root(&json);
        at.object(&["code", "domains", "frameworks", "later", "ui"])?;
        let code = at.required("code")?.text()?;
        if code != self.code {
            return Err(ContentError::Invalid(format!("the texts for {} are marked {code}", self.code)));
        }
        let domains = read_domains(&at.required("domains")?)?;
        let later = match at.field("later") {
            Some(list) => list.list(|id| id.text())?,
            None => Vec::new(),
        };
        for id in &later {
            if domains.get(id).is_none_or(|d| !d.questions.is_empty()) {
                return Err(ContentError::Invalid(format!("later: {id} is not a domain whose questions are to come")));
            }
        }
        let frameworks = read_frameworks(&at)?;
        let question_domains = question_domains(&domains);
        let mut strings = self.strings.clone();
        if let Some(ui) = at.field("ui") {
            let sections = ui.object(SECTIONS_WITH_TEXTS)?;
            for (section, value) in sections {
                flatten(section, value, &mut strings);
            }
        }
        Ok(Language { code, strings, domains, frameworks, question_domains, later })
    }

    /// These words with the questions of the domains still to come, given apart as
    /// `{"code": .., "domains": {"<id>": {"questions": {..}}, ..}}` (the widget loads them once the
    /// first questions are shown, or when a page needs them): exactly the domains [`Language::later`] names.
    pub fn with_questions(&self, text: &str) -> Result<Language, ContentError> {
        let json = Json::parse(text).map_err(|e| ContentError::Malformed(format!("not JSON: {e}")))?;
        let at = ContentNode::root(&json);
        at.object(&["code", "domains"])?;
        let code = at.required("code")?.text()?;
        if code != self.code {
            return Err(ContentError::Invalid(format!("the questions for {} are marked {code}", self.code)));
        }
        let list = at.required("domains")?;
        let members = list
            .value
            .as_object()
            .ok_or_else(|| ContentError::Malformed(format!("{}: expected an object", list.path)))?;
        let mut language = self.clone();
        for (id, _) in members {
            let domain = list.required(id)?;
            domain.object(&["questions"])?;
            let questions = read_questions(&domain.required("questions")?)?;
            match language.domains.get_mut(id.as_str()) {
                Some(text) if self.later.contains(id) => text.questions = questions,
                _ => {
                    return Err(ContentError::Invalid(format!(
                        "{}: {id} is not a domain whose questions are to come",
                        list.path
                    )))
                }
            }
        }
        if let Some(missing) = self.later.iter().find(|id| !members.iter().any(|(m, _)| m == *id)) {
            return Err(ContentError::Invalid(format!("{}: the questions of {missing} are missing", list.path)));
        }
        language.later.clear();
        language.question_domains = question_domains(&language.domains);
        Ok(language)
    }

    /// Whether the questionnaire's texts are here (not only the interface words).
    pub fn has_texts(&self) -> bool {
        !self.domains.is_empty()
    }

    /// The domains whose questions' words are still to come (empty once every word is here).
    pub fn later(&self) -> &[String] {
        &self.later
    }

    /// Whether every word is here: the questionnaire's texts and every domain's questions.
    pub fn is_complete(&self) -> bool {
        self.has_texts() && self.later.is_empty()
    }

    /// How far this language's words go: the last [`Part`] here, with every one before it.
    pub fn part(&self) -> Part {
        if self.is_complete() {
            Part::Questions
        } else if self.has_texts() {
            Part::Texts
        } else {
            Part::Interface
        }
    }

    /// The language's own name, e.g. "Deutsch".
    pub fn name(&self) -> &str {
        self.t("language.name")
    }

    /// An interface string; empty when missing (the catalogue fills gaps from English,
    /// and the completeness tests keep English whole).
    pub fn t(&self, key: &str) -> &str {
        self.strings.get(key).map(String::as_str).unwrap_or("")
    }

    /// Whether an interface string exists.
    pub fn has(&self, key: &str) -> bool {
        self.strings.contains_key(key)
    }

    /// An interface string with `{name}` placeholders filled in.
    pub fn fill(&self, key: &str, params: &[(&str, &str)]) -> String {
        fill(self.t(key), params)
    }

    /// Every interface key, for completeness checks.
    pub fn keys(&self) -> impl Iterator<Item = (&String, &String)> {
        self.strings.iter()
    }

    /// The words of a domain.
    pub fn domain(&self, id: &str) -> Option<&DomainText> {
        self.domains.get(id)
    }

    /// The title of a domain.
    pub fn domain_title(&self, id: &str) -> &str {
        self.domains.get(id).map(|d| d.title.as_str()).unwrap_or("")
    }

    /// The words of a question.
    pub fn question(&self, id: &str) -> Option<&QuestionText> {
        self.domains.get(self.question_domains.get(id)?)?.questions.get(id)
    }

    /// The prompt of a question.
    pub fn prompt(&self, id: &str) -> &str {
        self.question(id).map(|q| q.prompt.as_str()).unwrap_or("")
    }

    /// The words of a framework of the crosswalk (`nis2`, `gdpr`, ...).
    pub fn framework(&self, id: &str) -> Option<&FrameworkText> {
        self.frameworks.get(id)
    }

    /// The title of one item of a framework; empty when missing (the content tests keep every title present).
    pub fn framework_item(&self, framework: &str, item: &str) -> &str {
        self.frameworks.get(framework).and_then(|f| f.items.get(item)).map(String::as_str).unwrap_or("")
    }

    /// Fills every interface string missing here from another language (not its texts).
    pub fn fill_interface_gaps_from(&mut self, other: &Language) {
        for (key, value) in &other.strings {
            self.strings.entry(key.clone()).or_insert_with(|| value.clone());
        }
    }

    /// Fills every string, domain and question missing here from another language.
    pub fn fill_gaps_from(&mut self, other: &Language) {
        self.fill_interface_gaps_from(other);
        for (id, domain) in &other.domains {
            let mine = self.domains.entry(id.clone()).or_insert_with(|| domain.clone());
            for (qid, question) in &domain.questions {
                mine.questions.entry(qid.clone()).or_insert_with(|| question.clone());
            }
        }
        for (id, framework) in &other.frameworks {
            let mine = self.frameworks.entry(id.clone()).or_insert_with(|| framework.clone());
            for (item, title) in &framework.items {
                mine.items.entry(item.clone()).or_insert_with(|| title.clone());
            }
        }
        self.question_domains = question_domains(&self.domains);
    }

    /// The descriptor of one level of a question.
    pub fn level_descriptor(&self, id: &str, level: u8) -> &str {
        self.question(id).and_then(|q| q.levels.get(usize::from(level))).map(String::as_str).unwrap_or("")
    }

    /// A number with the language's decimal separator, e.g. `2,5` in German.
    pub fn decimal(&self, value: f64, places: usize) -> String {
        // Integer arithmetic: formatting floats would add a float formatter to the widget.
        let scale = 10i64.pow(places as u32);
        let scaled = (value * scale as f64).round() as i64;
        let (sign, scaled) = if scaled < 0 { ("-", -scaled) } else { ("", scaled) };
        if places == 0 {
            return format!("{sign}{scaled}");
        }
        let separator = self.strings.get("format.decimal_separator").map_or(".", String::as_str);
        format!("{sign}{}{separator}{:0places$}", scaled / scale, scaled % scale)
    }

    /// A number given in hundredths, rounded half up to `places` (at most 2) decimals: `235` → `2,4` in German.
    pub fn hundredths(&self, value: i64, places: usize) -> String {
        let places = places.min(2);
        let divisor = 10i64.pow(2 - places as u32);
        let (sign, v) = if value < 0 { ("-", -value) } else { ("", value) };
        let scaled = (2 * v + divisor) / (2 * divisor);
        if places == 0 {
            return format!("{sign}{scaled}");
        }
        let scale = 10i64.pow(places as u32);
        let separator = self.strings.get("format.decimal_separator").map_or(".", String::as_str);
        format!("{sign}{}{separator}{:0places$}", scaled / scale, scaled % scale)
    }

    /// A whole percentage, e.g. `72 %` in French.
    pub fn percent(&self, value: u8) -> String {
        self.fill("format.percent", &[("value", &value.to_string())])
    }

    /// A label before its value, as the language writes it: `Completeness: ` in English,
    /// `Complétude : ` (a no-break space before the colon) in French.
    pub fn label(&self, label: &str) -> String {
        self.fill("format.label", &[("label", label)])
    }

    /// The items of a list in running text, as the language separates them: `GDPR art. 28; NIS2 art. 21`
    /// in English, a narrow no-break space before each semicolon in French.
    pub fn list<S: AsRef<str>>(&self, items: &[S]) -> String {
        items.iter().map(AsRef::as_ref).collect::<Vec<_>>().join(self.t("format.list_separator"))
    }

    /// What `label` puts after a label (the template with an empty label: `: ` in English),
    /// for a label written in an element of its own.
    pub fn colon(&self) -> String {
        self.label("")
    }

    /// A date from an RFC 3339 timestamp, e.g. "28 November 2026"; the timestamp itself if unreadable.
    pub fn date(&self, timestamp: &str) -> String {
        let Some((year, month, day)) = super::time::date_of(timestamp) else {
            return timestamp.to_owned();
        };
        let month_name = self.t(MONTH_KEYS[usize::from(month - 1)]);
        self.fill("format.date", &[("day", &day.to_string()), ("month", month_name), ("year", &year.to_string())])
    }
}

const MONTH_KEYS: [&str; 12] = [
    "format.months.0",
    "format.months.1",
    "format.months.2",
    "format.months.3",
    "format.months.4",
    "format.months.5",
    "format.months.6",
    "format.months.7",
    "format.months.8",
    "format.months.9",
    "format.months.10",
    "format.months.11",
];

/// Replaces each `{name}` in `template` by its value, in one pass over the template
/// only: values come from users' files (notes, question ids) and may contain braces
/// that must appear as written. A `{name}` without a value is kept as it is.
pub fn fill(template: &str, params: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after
            .find('}')
            .and_then(|close| params.iter().find(|(name, _)| *name == &after[..close]).map(|(_, v)| (close, v)));
        match value {
            Some((close, value)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Turns nested tables into dotted keys (`welcome.title`) and arrays into indexed keys (`format.months.0`).
fn flatten(prefix: &str, value: &Json, out: &mut Map<String, String>) {
    let key = |k: &str| if prefix.is_empty() { k.to_owned() } else { format!("{prefix}.{k}") };
    match value {
        Json::Object(map) => map.iter().for_each(|(k, v)| flatten(&key(k), v, out)),
        Json::Array(items) => items.iter().enumerate().for_each(|(i, v)| flatten(&key(&i.to_string()), v, out)),
        Json::String(s) => {
            out.insert(prefix.to_owned(), s.clone());
        }
        other => {
            out.insert(prefix.to_owned(), other.compact());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Language {
        Language::from_json(
            r#"{"code":"de","ui":{"language":{"name":"Deutsch"},"format":{"decimal_separator":",","percent":"{value} %",
            "date":"{day}. {month} {year}","months":["Januar","Februar","März","April","Mai","Juni","Juli","August",
            "September","Oktober","November","Dezember"]},"greet":"Hallo {name}"},"domains":{}}"#,
        )
        .unwrap()
    }

    fn with_domains(code: &str, domains: &str) -> Language {
        Language::from_json(&format!(r#"{{"code":"{code}","ui":{{"greet":"Hallo"}},"domains":{{{domains}}}}}"#))
            .unwrap()
    }

    fn domain(id: &str, questions: &[&str]) -> String {
        let questions: Vec<String> = questions
            .iter()
            .map(|q| {
                format!(
                    r#""{q}":{{"prompt":"{q} in {id}","help":"h","levels":["0","1","2","3","4"],"recommendation":"r"}}"#
                )
            })
            .collect();
        format!(r#""{id}":{{"title":"{id}","summary":"s","questions":{{{}}}}}"#, questions.join(","))
    }

    #[test]
    fn a_listed_word_or_table_stays_with_the_page() {
        assert!(stays_with_the_page("team.toolbar"));
        assert!(stays_with_the_page("agency.errors"));
        assert!(stays_with_the_page("agency.errors.too_large"));
        assert!(!stays_with_the_page("agency.errors_title"));
        assert!(!stays_with_the_page("team.toolbar_hint"));
        assert!(!stays_with_the_page("team.title"));
        assert!(!stays_with_the_page("agency"));
    }

    #[test]
    fn a_question_is_found_in_its_domain() {
        let de = with_domains("de", &[domain("gov", &["GOV-01", "GOV-02"]), domain("ops", &["OPS-01"])].join(","));
        assert_eq!(de.prompt("GOV-02"), "GOV-02 in gov");
        assert_eq!(de.prompt("OPS-01"), "OPS-01 in ops");
        assert_eq!(de.level_descriptor("OPS-01", 3), "3");
        assert!(de.question("NET-01").is_none());
        // A domain that only the other language has, and a question added to a domain both have.
        let mut partial = with_domains("de", &domain("gov", &["GOV-01"]));
        let en = with_domains("en", &[domain("gov", &["GOV-01", "GOV-02"]), domain("net", &["NET-01"])].join(","));
        assert!(partial.question("NET-01").is_none());
        partial.fill_gaps_from(&en);
        assert_eq!(partial.prompt("NET-01"), "NET-01 in net");
        assert_eq!(partial.prompt("GOV-02"), "GOV-02 in gov");
        // The texts loaded apart replace the domains, and the questions are found in them.
        let texts = format!(r#"{{"code":"de","domains":{{{}}}}}"#, domain("ops", &["OPS-07"]));
        let loaded = de.with_texts(&texts).unwrap();
        assert_eq!(loaded.prompt("OPS-07"), "OPS-07 in ops");
        assert!(loaded.question("GOV-01").is_none());
    }

    #[test]
    fn numbers_and_dates_follow_the_language() {
        let de = sample();
        assert_eq!(de.decimal(2.345, 1), "2,3");
        assert_eq!(de.hundredths(235, 1), "2,4");
        assert_eq!(de.hundredths(234, 1), "2,3");
        assert_eq!(de.hundredths(400, 2), "4,00");
        assert_eq!(de.hundredths(7, 2), "0,07");
        assert_eq!(de.hundredths(-150, 0), "-2");
        assert_eq!(de.percent(72), "72 %");
        assert_eq!(de.date("2026-11-28T15:29:16Z"), "28. November 2026");
        assert_eq!(de.date("not a date"), "not a date");
    }

    #[test]
    fn fill_expands_the_template_only_never_a_value() {
        let filled = fill(
            "{path} is {length} long (at most {limit})",
            &[("path", "answers.{limit}"), ("length", "{length}"), ("limit", "4000")],
        );
        assert_eq!(filled, "answers.{limit} is {length} long (at most 4000)");
        assert_eq!(fill("{a}{b}", &[("a", "{"), ("b", "b}")]), "{b}");
        assert_eq!(fill("{unknown} and {x}", &[("x", "1")]), "{unknown} and 1");
        assert_eq!(fill("{ {x} }", &[("x", "é")]), "{ é }");
        assert_eq!(fill("open { never closed", &[("never closed", "x")]), "open { never closed");
        assert_eq!(fill("{x}{x}", &[("x", "ü")]), "üü");
    }

    #[test]
    fn a_missing_string_is_empty_instead_of_failing() {
        let de = sample();
        assert_eq!(de.t("nowhere.to.be.found"), "");
        assert_eq!(de.fill("greet", &[("name", "Ada")]), "Hallo Ada");
        assert_eq!(de.name(), "Deutsch");
    }
}
