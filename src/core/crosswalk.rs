//! The crosswalk: the questionnaire seen through one framework a hospital
//! reports against (NIS2, GDPR, ISO/IEC 27001, MDR, Data Act, AI Act).
//!
//! Nothing here is written by hand: the items and the questions covering them
//! come from the questions' references, so a new reference shows up in the
//! crosswalk by itself. How a reference maps to an item:
//!
//! - NIS2: the ten points of Art. 21(2) are items of their own (`21(2)(d)`);
//!   another paragraph of Art. 21 is an item (`21(3)`); any other article is
//!   one item whatever paragraph is cited (`23(4)(d)` → `23`).
//! - GDPR, Data Act, AI Act: the article (`28(3)(g)` → `28`); an annex is one
//!   item (`AnnexIII-5(d)` → `Annex III`).
//! - ISO/IEC 27001:2022: the Annex A control as cited (`A.5.23`).
//! - MDR: the Annex I section, without a lettered point (`AnnexI-23.4(ab)` → `23.4`).
//!
//! The maturity of an item is the weighted mean level of the covering
//! questions that apply in the context (as the domain level, in integer
//! hundredths); its gaps are the covering questions below their target: those
//! the action plan lists and those not answered yet.
//! docs/METHODOLOGY.md ("By framework") explains both.

use crate::core::map::Map;
use std::fmt::Write as _;

use super::answer::AnswerValue;
use super::context::Context;
use super::i18n::Language;
use super::json::{object, Json};
use super::model::Questionnaire;
use super::reference::{Reference, Source};
use super::score::{standing_of, Report, Standing};

/// A framework the crosswalk can show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Framework {
    /// Directive (EU) 2022/2555.
    Nis2,
    /// Regulation (EU) 2016/679.
    Gdpr,
    /// ISO/IEC 27001:2022 Annex A.
    Iso27001,
    /// Regulation (EU) 2017/745, Annex I.
    Mdr,
    /// Regulation (EU) 2023/2854.
    DataAct,
    /// Regulation (EU) 2024/1689.
    AiAct,
}

impl Framework {
    /// Every framework, in the order the chooser offers them.
    pub const ALL: [Framework; 6] =
        [Framework::Nis2, Framework::Gdpr, Framework::Iso27001, Framework::Mdr, Framework::DataAct, Framework::AiAct];

    /// The identifier used on the command line, in content and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Framework::Nis2 => "nis2",
            Framework::Gdpr => "gdpr",
            Framework::Iso27001 => "iso27001",
            Framework::Mdr => "mdr",
            Framework::DataAct => "dataact",
            Framework::AiAct => "aiact",
        }
    }

    /// Reads an identifier.
    pub fn parse(text: &str) -> Option<Framework> {
        Framework::ALL.into_iter().find(|f| f.as_str() == text)
    }

    /// The identifiers, for messages: "nis2, gdpr, ...".
    pub fn allowed() -> String {
        Framework::ALL.map(Framework::as_str).join(", ")
    }

    /// The source the framework's references come from.
    pub fn source(self) -> Source {
        match self {
            Framework::Nis2 => Source::Nis2,
            Framework::Gdpr => Source::Gdpr,
            Framework::Iso27001 => Source::Iso27001,
            Framework::Mdr => Source::Mdr,
            Framework::DataAct => Source::DataAct,
            Framework::AiAct => Source::AiAct,
        }
    }

    /// The item a reference counts for, or `None` when it cites another source.
    pub fn item(self, reference: &Reference) -> Option<String> {
        if reference.source != self.source() {
            return None;
        }
        let locator = reference.locator.as_str();
        match self {
            Framework::Iso27001 => Some(locator.to_owned()),
            Framework::Mdr => {
                let section = locator.strip_prefix("AnnexI-").unwrap_or(locator);
                Some(split_groups(section).0.to_owned())
            }
            Framework::Nis2 => {
                let (article, groups) = split_groups(locator);
                Some(match (article, groups.as_slice()) {
                    ("21", ["2", point, ..]) => format!("21(2)({point})"),
                    ("21", [paragraph, ..]) => format!("21({paragraph})"),
                    _ => article.to_owned(),
                })
            }
            Framework::Gdpr | Framework::DataAct | Framework::AiAct => Some(article_or_annex(locator)),
        }
    }
}

/// `21(2)(d)` → (`21`, [`2`, `d`]); text after the groups is ignored (the reference parser refuses it).
fn split_groups(locator: &str) -> (&str, Vec<&str>) {
    let (head, mut rest) = locator.split_at(locator.find('(').unwrap_or(locator.len()));
    let mut groups = Vec::new();
    while let Some((inner, after)) = rest.strip_prefix('(').and_then(|r| r.split_once(')')) {
        groups.push(inner);
        rest = after;
    }
    (head, groups)
}

/// `28(3)(g)` → `28`; `AnnexIII-5(d)` → `Annex III`.
fn article_or_annex(locator: &str) -> String {
    let head = split_groups(locator).0;
    match head.strip_prefix("Annex") {
        Some(annex) => {
            let number = annex.split(['-', '.']).next().unwrap_or(annex);
            format!("Annex {number}")
        }
        None => head.to_owned(),
    }
}

/// A part of an item id for ordering: numbers by value, before text.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
enum Part<'a> {
    Number(u32),
    Text(&'a str),
}

/// Orders `21(2)(a)` before `21(3)` before `23`, and `A.5.9` before `A.5.10`.
fn natural_key(id: &str) -> Vec<Part<'_>> {
    let mut parts = Vec::new();
    let mut rest = id;
    while let Some(first) = rest.chars().next() {
        let digit = first.is_ascii_digit();
        let end = rest.find(|c: char| c.is_ascii_digit() != digit).unwrap_or(rest.len());
        let (run, tail) = rest.split_at(end);
        parts.push(if digit { Part::Number(run.parse().unwrap_or(u32::MAX)) } else { Part::Text(run) });
        rest = tail;
    }
    parts
}

/// One item of a framework and the questions whose references cover it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The item's id in the framework: `21(2)(d)`, `28`, `A.5.23`, `17.2`.
    pub item: String,
    /// The covering questions' ids, in questionnaire order.
    pub questions: Vec<String>,
}

/// Every item of a framework that at least one question cites, in the framework's own order.
pub fn entries(q: &Questionnaire, framework: Framework) -> Vec<Entry> {
    let mut by_item: Map<String, Vec<String>> = Map::new();
    for (_, question) in q.questions() {
        for item in question.references.iter().filter_map(|r| framework.item(r)) {
            let questions = by_item.entry(item).or_default();
            // A question citing two paragraphs of one article covers it once.
            if questions.last() != Some(&question.id) {
                questions.push(question.id.clone());
            }
        }
    }
    let mut list: Vec<Entry> = by_item.into_iter().map(|(item, questions)| Entry { item, questions }).collect();
    crate::core::order::sort_by(&mut list, |a, b| natural_key(&a.item).cmp(&natural_key(&b.item)));
    list
}

/// How one covering question stands in an assessment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Coverage {
    /// The question is not asked in this context.
    NotAsked,
    /// Answered "not applicable" where allowed: out of the calculation.
    NotApplicable,
    /// Counted, with its standing and its target in this context.
    Scored { standing: Standing, target: u8 },
}

/// A covering question in an assessment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Covering {
    /// The question's id.
    pub question: String,
    /// Where it stands.
    pub coverage: Coverage,
    /// Whether it is below its target: listed in the action plan, or not answered yet.
    pub gap: bool,
}

/// The maturity of one item in an assessment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Maturity {
    /// Weighted mean level of the scored covering questions, in hundredths (0 to 400); `None` when none is scored.
    pub level: Option<u16>,
    /// Weighted mean target of the same questions, in hundredths.
    pub target: Option<u16>,
    /// Every covering question, in questionnaire order.
    pub questions: Vec<Covering>,
}

impl Maturity {
    /// The covering questions below their target, in questionnaire order.
    pub fn gaps(&self) -> impl Iterator<Item = &str> {
        self.questions.iter().filter(|c| c.gap).map(|c| c.question.as_str())
    }
}

/// Σ w·x / Σ w in hundredths, rounded half up, as the domain levels are.
fn mean_hundredths(sum: u64, weights: u64) -> Option<u16> {
    (weights > 0).then(|| ((200 * sum + weights) / (2 * weights)) as u16)
}

/// The maturity of an item from the context, the answers and the report scored from them.
pub fn maturity(
    q: &Questionnaire,
    entry: &Entry,
    ctx: &Context,
    answers: &Map<String, AnswerValue>,
    report: &Report,
) -> Maturity {
    let (mut levels, mut targets, mut weights) = (0u64, 0u64, 0u64);
    let mut questions = Vec::new();
    for question in entry.questions.iter().filter_map(|id| q.question(id)) {
        let coverage = if !question.applies_to(ctx) {
            Coverage::NotAsked
        } else {
            match standing_of(question, answers) {
                None => Coverage::NotApplicable,
                Some(standing) => Coverage::Scored { standing, target: q.target(question, ctx) },
            }
        };
        if let Coverage::Scored { standing, target } = coverage {
            let weight = u64::from(question.weight);
            levels += weight * u64::from(standing.level());
            targets += weight * u64::from(target);
            weights += weight;
        }
        // Below target: what the action plan lists, and what is not answered yet (it counts as level 0).
        let gap = report.actions.iter().any(|a| a.question == question.id) || report.unanswered.contains(&question.id);
        questions.push(Covering { question: question.id.clone(), coverage, gap });
    }
    Maturity { level: mean_hundredths(levels, weights), target: mean_hundredths(targets, weights), questions }
}

/// What the crosswalk is computed for: a context, its answers and the report scored from them.
#[derive(Clone, Copy)]
pub struct Assessed<'a> {
    pub context: &'a Context,
    pub answers: &'a Map<String, AnswerValue>,
    pub report: &'a Report,
}

/// A covering question as a table cell shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuestionCell {
    /// The question's id.
    pub id: String,
    /// Its prompt, for the link text.
    pub prompt: String,
    /// Whether it is asked in this context (only those can be opened); always true without an assessment.
    pub asked: bool,
    /// Where it stands, e.g. "level 2, target 3"; empty without an assessment.
    pub status: String,
    /// Whether it is a gap.
    pub gap: bool,
}

/// One row of the crosswalk table, every word in the user's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The item's id.
    pub id: String,
    /// The id as shown: the same, but an annex is named in the language ("Anhang III").
    pub label: String,
    /// The item's title.
    pub title: String,
    /// The covering questions.
    pub questions: Vec<QuestionCell>,
    /// The maturity, with an assessment.
    pub maturity: Option<Maturity>,
    /// The level as shown, e.g. "2.33".
    pub level: String,
    /// The target as shown.
    pub target: String,
    /// The gaps as shown: their ids, or a word for none.
    pub gaps: String,
}

/// The crosswalk of one framework as the widget's tab and the command-line tool show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct View {
    pub framework: Framework,
    /// The framework's full name.
    pub name: String,
    /// The heading of the item column ("Article", "Control", "Section").
    pub item_heading: String,
    /// The table's caption.
    pub caption: String,
    /// Whether the rows carry an assessment's maturity.
    pub assessed: bool,
    pub rows: Vec<Row>,
    /// The language of the words.
    pub language: String,
}

/// A level in hundredths with the language's decimal separator, or the words for "none".
fn hundredths_text(lang: &Language, value: Option<u16>) -> String {
    match value {
        Some(h) => lang.hundredths(i64::from(h), 2),
        None => lang.t("crosswalk.no_level").to_owned(),
    }
}

fn status_text(lang: &Language, coverage: Coverage) -> String {
    match coverage {
        Coverage::NotAsked => lang.t("crosswalk.not_asked").to_owned(),
        Coverage::NotApplicable => lang.t("crosswalk.not_applicable").to_owned(),
        Coverage::Scored { standing, target } => {
            let standing = match standing {
                Standing::Level(l) => lang.fill("results.standing_level", &[("level", &l.to_string())]),
                Standing::Unknown => lang.t("results.standing_unknown").to_owned(),
                Standing::Unanswered => lang.t("results.standing_unanswered").to_owned(),
            };
            lang.fill("crosswalk.standing", &[("standing", &standing), ("target", &target.to_string())])
        }
    }
}

/// The crosswalk of a framework in a language, with an assessment's maturity when one is given.
pub fn view(q: &Questionnaire, lang: &Language, framework: Framework, assessed: Option<Assessed<'_>>) -> View {
    let words = lang.framework(framework.as_str());
    let name = words.map(|w| w.name.clone()).unwrap_or_else(|| framework.as_str().to_owned());
    let rows = entries(q, framework)
        .into_iter()
        .map(|entry| {
            let maturity = assessed.map(|a| maturity(q, &entry, a.context, a.answers, a.report));
            let questions = entry
                .questions
                .iter()
                .enumerate()
                .map(|(i, id)| {
                    let covering = maturity.as_ref().and_then(|m| m.questions.get(i));
                    QuestionCell {
                        id: id.clone(),
                        prompt: lang.prompt(id).to_owned(),
                        asked: covering.is_none_or(|c| c.coverage != Coverage::NotAsked),
                        status: covering.map(|c| status_text(lang, c.coverage)).unwrap_or_default(),
                        gap: covering.is_some_and(|c| c.gap),
                    }
                })
                .collect();
            let (level, target, gaps) = match &maturity {
                Some(m) => {
                    let gaps: Vec<&str> = m.gaps().collect();
                    let gaps = if gaps.is_empty() { lang.t("crosswalk.no_gaps").to_owned() } else { gaps.join(", ") };
                    (hundredths_text(lang, m.level), hundredths_text(lang, m.target), gaps)
                }
                None => Default::default(),
            };
            let label = match entry.item.strip_prefix("Annex ") {
                Some(number) => lang.fill("crosswalk.annex", &[("number", number)]),
                None => entry.item.clone(),
            };
            Row {
                title: lang.framework_item(framework.as_str(), &entry.item).to_owned(),
                label,
                id: entry.item,
                questions,
                maturity,
                level,
                target,
                gaps,
            }
        })
        .collect();
    View {
        framework,
        caption: lang.fill("crosswalk.caption", &[("framework", &name)]),
        name,
        item_heading: words.map(|w| w.item.clone()).unwrap_or_default(),
        assessed: assessed.is_some(),
        rows,
        language: lang.code.clone(),
    }
}

impl Covering {
    fn to_json(&self) -> Json {
        let mut members = vec![("question".to_owned(), Json::str(&self.question))];
        match self.coverage {
            Coverage::NotAsked => members.push(("state".to_owned(), Json::str("not_asked"))),
            Coverage::NotApplicable => members.push(("state".to_owned(), Json::str("not_applicable"))),
            Coverage::Scored { standing, target } => {
                let state = match standing {
                    Standing::Level(_) => "level",
                    Standing::Unknown => "unknown",
                    Standing::Unanswered => "unanswered",
                };
                members.push(("state".to_owned(), Json::str(state)));
                if let Standing::Level(l) = standing {
                    members.push(("level".to_owned(), Json::int(l)));
                }
                members.push(("target".to_owned(), Json::int(target)));
            }
        }
        members.push(("gap".to_owned(), Json::Bool(self.gap)));
        Json::Object(members)
    }
}

impl View {
    /// The crosswalk as printed by `cloudtriage crosswalk --json`.
    pub fn to_json(&self, q: &Questionnaire) -> Json {
        let hundredths = |v: Option<u16>| v.map_or(Json::Null, |h| Json::hundredths(i64::from(h)));
        let entries = self
            .rows
            .iter()
            .map(|row| {
                let mut members = vec![
                    ("id".to_owned(), Json::str(&row.id)),
                    ("label".to_owned(), Json::str(&row.label)),
                    ("title".to_owned(), Json::str(&row.title)),
                    ("questions".to_owned(), Json::Array(row.questions.iter().map(|c| Json::str(&c.id)).collect())),
                ];
                if let Some(m) = &row.maturity {
                    members.extend([
                        ("level".to_owned(), hundredths(m.level)),
                        ("target".to_owned(), hundredths(m.target)),
                        ("gaps".to_owned(), Json::Array(m.gaps().map(Json::str).collect())),
                        ("standings".to_owned(), Json::Array(m.questions.iter().map(Covering::to_json).collect())),
                    ]);
                }
                Json::Object(members)
            })
            .collect();
        object([
            ("framework", Json::str(self.framework.as_str())),
            ("name", Json::str(&self.name)),
            ("language", Json::str(&self.language)),
            ("questionnaire", object([("id", Json::str(&q.id)), ("version", Json::str(&q.version))])),
            ("entries", Json::Array(entries)),
        ])
    }

    /// The crosswalk as a Markdown table, as printed by `cloudtriage crosswalk`.
    pub fn to_markdown(&self, lang: &Language) -> String {
        let cell = |text: &str| text.replace('|', "\\|").replace('\n', " ");
        let mut out = format!("# {}\n\n{}\n\n", self.name, lang.t("crosswalk.lead"));
        let mut headings =
            vec![self.item_heading.as_str(), lang.t("crosswalk.col_title"), lang.t("crosswalk.col_questions")];
        if self.assessed {
            headings.extend([
                lang.t("results.table_level"),
                lang.t("crosswalk.col_target"),
                lang.t("crosswalk.col_gaps"),
            ]);
        }
        let _ = writeln!(out, "| {} |", headings.join(" | "));
        let _ = writeln!(out, "|{}", " --- |".repeat(headings.len()));
        for row in &self.rows {
            let questions: Vec<String> = row
                .questions
                .iter()
                .map(|c| if c.status.is_empty() { c.id.clone() } else { format!("{} ({})", c.id, c.status) })
                .collect();
            let mut cells = vec![cell(&row.label), cell(&row.title), cell(&lang.list(&questions))];
            if self.assessed {
                cells.extend([cell(&row.level), cell(&row.target), cell(&row.gaps)]);
            }
            let _ = writeln!(out, "| {} |", cells.join(" | "));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(framework: Framework, text: &str) -> Option<String> {
        framework.item(&Reference::parse(text).unwrap())
    }

    #[test]
    fn references_map_to_the_items_the_methodology_names() {
        assert_eq!(item(Framework::Nis2, "NIS2:21(2)(d)").as_deref(), Some("21(2)(d)"));
        assert_eq!(item(Framework::Nis2, "NIS2:23").as_deref(), Some("23"));
        assert_eq!(item(Framework::Gdpr, "GDPR:28(3)(g)").as_deref(), Some("28"));
        assert_eq!(item(Framework::Gdpr, "GDPR:32(1)(a)").as_deref(), Some("32"));
        assert_eq!(item(Framework::Iso27001, "ISO27001:A.5.23").as_deref(), Some("A.5.23"));
        assert_eq!(item(Framework::Mdr, "MDR:AnnexI-17.4").as_deref(), Some("17.4"));
        assert_eq!(item(Framework::Gdpr, "NIS2:23"), None);
        assert_eq!(item(Framework::Nis2, "ENISA-CSHS:termination"), None);
    }

    #[test]
    fn locators_of_other_shapes_map_to_their_article_annex_or_section() {
        assert_eq!(split_groups("23(4)(d)"), ("23", vec!["4", "d"]));
        assert_eq!(split_groups("23.4(ab)"), ("23.4", vec!["ab"]));
        assert_eq!(article_or_annex("25(4)"), "25");
        assert_eq!(article_or_annex("AnnexIII-5(d)"), "Annex III");
        assert_eq!(article_or_annex("4"), "4");
    }

    #[test]
    fn items_sort_in_the_framework_order_not_alphabetically() {
        let mut ids = vec!["23", "21(3)", "21(2)(j)", "20", "21(2)(a)", "A.5.10", "A.5.9", "Annex III", "5"];
        ids.sort_by(|a, b| natural_key(a).cmp(&natural_key(b)));
        assert_eq!(ids, ["5", "20", "21(2)(a)", "21(2)(j)", "21(3)", "23", "A.5.9", "A.5.10", "Annex III"]);
    }

    #[test]
    fn means_round_half_up_to_hundredths() {
        assert_eq!(mean_hundredths(7, 3), Some(233));
        assert_eq!(mean_hundredths(5, 3), Some(167));
        assert_eq!(mean_hundredths(1, 8), Some(13)); // 0.125 rounds up
        assert_eq!(mean_hundredths(0, 0), None);
    }

    #[test]
    fn framework_ids_read_back() {
        for f in Framework::ALL {
            assert_eq!(Framework::parse(f.as_str()), Some(f));
        }
        assert_eq!(Framework::parse("NIS2"), None);
        assert_eq!(Framework::allowed(), "nis2, gdpr, iso27001, mdr, dataact, aiact");
    }
}
