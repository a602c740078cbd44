//! What the remediation exports say: the ranked action plan, every answer
//! with its note, evidence and respondent, and the summary, in the words of
//! one language. Both shapes ([`Workbook`] and [`Document`]) are built from
//! the same rows, so the spreadsheet, the CSV, the report and the screen agree.

use super::document::{Block, Cell, Column, Document, Sheet, SheetTable, Table, Workbook};
use crate::core::answer::AnswerValue;
use crate::core::catalog::Catalog;
use crate::core::context::Context;
use crate::core::i18n::Language;
use crate::core::model::Index;
use crate::core::results::{Conflict, Evidence, Imported};
use crate::core::score::{score, PlanItem, Report, Standing};

/// An assessment ready to be exported: the imported file, its report recomputed, and the words to use.
pub struct Assessment<'a> {
    /// The questionnaire and every language.
    pub catalog: &'a Catalog,
    /// The words of the export's language.
    pub lang: &'a Language,
    /// The results file as imported.
    pub imported: Imported,
    /// The report, recomputed from the answers (never read from the file).
    pub report: Report,
}

impl<'a> Assessment<'a> {
    /// Scores an imported file for export in a language.
    pub fn new(catalog: &'a Catalog, lang: &'a Language, imported: Imported) -> Assessment<'a> {
        let report = score(&catalog.questionnaire, &imported.context, &imported.answers.values);
        Assessment { catalog, lang, imported, report }
    }

    fn t(&self, key: &str) -> String {
        self.lang.t(key).to_owned()
    }

    /// The day the assessment was made, in words (e.g. "28. November 2026").
    pub fn date(&self) -> String {
        self.lang.date(&self.imported.created)
    }

    /// The day the assessment was made, `YYYY-MM-DD`, for file names.
    pub fn day(&self) -> String {
        crate::core::time::day_of(&self.imported.created).unwrap_or("undated").to_owned()
    }
}

/// Where a question stands, in words ("level 2", "don't know").
pub fn standing_text(lang: &Language, standing: Standing) -> String {
    match standing {
        Standing::Level(l) => lang.fill("results.standing_level", &[("level", &l.to_string())]),
        Standing::Unknown => lang.t("results.standing_unknown").to_owned(),
        Standing::Unanswered => lang.t("results.standing_unanswered").to_owned(),
    }
}

/// An answer in words: "2 Defined", "Don't know", "Not applicable".
pub fn answer_text(lang: &Language, value: Option<AnswerValue>) -> String {
    match value {
        Some(AnswerValue::Level(l)) => format!("{} {}", l.get(), lang.t(LEVEL_KEYS[usize::from(l.get())])),
        Some(AnswerValue::Unknown) => lang.t("answer.unknown").to_owned(),
        Some(AnswerValue::NotApplicable) => lang.t("answer.not_applicable").to_owned(),
        None => lang.t("results.standing_unanswered").to_owned(),
    }
}

const LEVEL_KEYS: [&str; 5] = ["levels.0", "levels.1", "levels.2", "levels.3", "levels.4"];

fn yes_no(lang: &Language, value: bool) -> String {
    lang.t(if value { "catalogue.yes" } else { "catalogue.no" }).to_owned()
}

/// The party carrying an action, in words.
pub fn responsibility_text(lang: &Language, item: &PlanItem) -> String {
    let party = item.responsibility.map_or("undecided", |p| p.as_str());
    lang.t(&format!("parties.{party}")).to_owned()
}

/// The references of an action as labels, in a list as the language writes one.
pub fn references_text(lang: &Language, item: &PlanItem) -> String {
    lang.list(&item.references.iter().map(|r| r.label(lang)).collect::<Vec<_>>())
}

/// The context in one line: use cases · service model · deployment · stage · size.
pub fn context_text(lang: &Language, c: &Context) -> String {
    let uses: Vec<&str> = c.use_cases.iter().map(|u| lang.t(&format!("context.use_case.{}", u.as_str()))).collect();
    [
        uses.join(", "),
        lang.t(&format!("context.service_models.{}", c.service_model.as_str())).to_owned(),
        lang.t(&format!("context.deployments.{}", c.deployment.as_str())).to_owned(),
        lang.t(&format!("context.stages.{}", c.stage.as_str())).to_owned(),
        lang.t(&format!("context.org_sizes.{}", c.org_size.as_str())).to_owned(),
    ]
    .join(" · ")
}

/// The statuses an action can have, in the language (the spreadsheet's drop-down list).
pub fn statuses(lang: &Language) -> Vec<String> {
    ["export.status_open", "export.status_in_progress", "export.status_done", "export.status_accepted"]
        .iter()
        .map(|k| lang.t(k).to_owned())
        .collect()
}

/// The action plan's columns, in order.
pub fn action_columns(lang: &Language) -> Vec<Column> {
    let c = |key: &str, width: u16| Column::new(lang.t(key), width);
    let mut status = c("export.status", 18);
    status.choices = statuses(lang);
    vec![
        c("export.rank", 8),
        c("export.question_id", 12),
        c("export.domain", 30),
        c("export.question", 60),
        c("export.critical", 10),
        c("export.current", 16),
        c("export.target", 10),
        c("export.next_step", 60),
        c("export.recommendation", 60),
        c("export.responsibility", 22),
        c("export.references", 50),
        c("export.owner", 20),
        c("export.due", 14),
        status,
    ]
}

/// One action as a row of the action plan, in the order of [`action_columns`].
pub fn action_row(lang: &Language, item: &PlanItem) -> Vec<Cell> {
    let text = lang.question(&item.question);
    vec![
        Cell::Number(item.rank as f64),
        Cell::Text(item.question.clone()),
        Cell::Text(lang.domain_title(&item.domain).to_owned()),
        Cell::Text(text.map(|t| t.prompt.clone()).unwrap_or_default()),
        Cell::Text(yes_no(lang, item.critical)),
        Cell::Text(standing_text(lang, item.standing)),
        Cell::Number(f64::from(item.target)),
        Cell::Text(lang.level_descriptor(&item.question, item.next_level).to_owned()),
        Cell::Text(text.map(|t| t.recommendation.clone()).unwrap_or_default()),
        Cell::Text(responsibility_text(lang, item)),
        Cell::Text(references_text(lang, item)),
        Cell::Empty,
        Cell::Empty,
        Cell::Empty,
    ]
}

/// The action plan as one table.
pub fn action_table(a: &Assessment) -> SheetTable {
    SheetTable {
        title: None,
        columns: action_columns(a.lang),
        rows: a.report.actions.iter().map(|item| action_row(a.lang, item)).collect(),
    }
}

/// A piece of evidence in one line: title · location · owner · review date · file.
pub fn evidence_text(lang: &Language, e: &Evidence) -> String {
    let mut parts = vec![e.title.clone()];
    parts.extend(e.location.clone());
    parts.extend(e.owner.as_ref().map(|o| lang.fill("export.evidence_owner", &[("owner", o)])));
    parts.extend(e.review_by.as_ref().map(|d| lang.fill("export.evidence_review", &[("date", &lang.date(d))])));
    parts.extend(e.file.as_ref().map(|f| lang.fill("export.evidence_file", &[("name", &f.name), ("hash", &f.sha256)])));
    parts.join(" · ")
}

/// A disagreement in one line: every respondent's answer, and who settled it.
pub fn conflict_text(lang: &Language, c: &Conflict) -> String {
    let answers: Vec<String> =
        c.answers.iter().map(|a| lang.label(&a.respondent) + &answer_text(lang, Some(a.value))).collect();
    let answers = lang.list(&answers);
    match &c.resolution {
        None => lang.fill("export.conflict_open", &[("answers", &answers)]),
        Some(r) => lang.fill("export.conflict_resolved", &[("answers", &answers), ("by", &r.by)]),
    }
}

/// Every question that applies or has something recorded, in questionnaire order, as rows.
pub fn answers_table(a: &Assessment) -> SheetTable {
    let lang = a.lang;
    let answers = &a.imported.answers;
    let ctx = &a.imported.context;
    let columns = vec![
        Column::new(lang.t("export.question_id"), 12),
        Column::new(lang.t("export.domain"), 30),
        Column::new(lang.t("export.question"), 60),
        Column::new(lang.t("export.answer"), 24),
        Column::new(lang.t("export.note"), 60),
        Column::new(lang.t("export.respondent"), 20),
        Column::new(lang.t("export.evidence"), 60),
        Column::new(lang.t("export.disagreement"), 50),
    ];
    let rows = a
        .catalog
        .questionnaire
        .questions()
        .filter(|(_, q)| q.applies_to(ctx) || answers.entry(&q.id).is_some())
        .map(|(d, q)| {
            let evidence: Vec<String> =
                answers.evidence.get(&q.id).into_iter().flatten().map(|e| evidence_text(lang, e)).collect();
            vec![
                Cell::Text(q.id.clone()),
                Cell::Text(lang.domain_title(&d.id).to_owned()),
                Cell::Text(lang.prompt(&q.id).to_owned()),
                Cell::Text(answer_text(lang, answers.values.get(&q.id).copied())),
                Cell::Text(answers.notes.get(&q.id).cloned().unwrap_or_default()),
                Cell::Text(answers.respondents.get(&q.id).cloned().unwrap_or_default()),
                Cell::Text(evidence.join("\n")),
                Cell::Text(answers.conflicts.get(&q.id).map(|c| conflict_text(lang, c)).unwrap_or_default()),
            ]
        })
        .collect();
    SheetTable { title: None, columns, rows }
}

/// The assessment's facts as label/value pairs: date, context, questionnaire, language, team.
pub fn facts(a: &Assessment) -> Vec<(String, String)> {
    let lang = a.lang;
    let mut facts = vec![
        (a.t("export.created"), a.date()),
        (a.t("nav.context"), context_text(lang, &a.imported.context)),
        (a.t("export.questionnaire_version"), a.imported.questionnaire_version.clone()),
        (a.t("language.switch"), lang.name().to_owned()),
    ];
    let team: Vec<&str> = a.imported.team.respondents.iter().map(|r| r.label.as_str()).collect();
    if !team.is_empty() {
        facts.push((a.t("export.respondents"), team.join(", ")));
    }
    if let Some(p) = &a.imported.profile {
        facts.push((a.t("export.profile"), format!("{} ({}, {})", p.name, p.issuer, p.version)));
    }
    facts
}

/// Both indices as rows: index, score, band, score without the cap and, with
/// `caps`, the questions that cap it (the report lists those below the table).
pub fn index_table(a: &Assessment, caps: bool) -> Table {
    let lang = a.lang;
    let rows = Index::ALL
        .iter()
        .map(|&index| {
            let r = a.report.of_index(index);
            let name = lang.t(&format!("indices.{}", index.as_str())).to_owned();
            let band = r.band.as_ref().map(|b| lang.t(&format!("bands.{}.{b}", index.as_str())).to_owned());
            let mut row = vec![
                name,
                r.score.map_or_else(|| a.t("results.no_score"), |s| format!("{s}/100")),
                band.unwrap_or_default(),
                if r.capped_by.is_empty() {
                    String::new()
                } else {
                    r.uncapped.map(|u| u.to_string()).unwrap_or_default()
                },
            ];
            if caps {
                row.push(cap_lines(a, index).join("\n"));
            }
            row
        })
        .collect();
    let mut header = vec![a.t("export.index"), a.t("export.score"), a.t("export.band"), a.t("export.uncapped")];
    if caps {
        header.push(a.t("export.capped_by"));
    }
    Table { header, rows }
}

/// The questions that cap an index, one line each: id, practice, where it stands.
fn cap_lines(a: &Assessment, index: Index) -> Vec<String> {
    let lang = a.lang;
    a.report
        .of_index(index)
        .capped_by
        .iter()
        .map(|c| format!("{} {} ({})", c.question, lang.prompt(&c.question), standing_text(lang, c.standing)))
        .collect()
}

/// The domain table: level, percent, target, questions at target and answered.
pub fn domain_table(a: &Assessment) -> Table {
    let lang = a.lang;
    let rows = a
        .report
        .domains
        .iter()
        .map(|d| {
            vec![
                lang.domain_title(&d.id).to_owned(),
                lang.hundredths(i64::from(d.level), 2),
                lang.percent(d.percent),
                lang.hundredths(i64::from(d.target), 2),
                format!("{}/{}", d.at_target, d.applicable),
                format!("{}/{}", d.answered, d.applicable),
            ]
        })
        .collect();
    Table {
        header: vec![
            a.t("results.table_domain"),
            a.t("results.table_level"),
            a.t("results.table_percent"),
            a.t("export.domain_target"),
            a.t("results.table_at_target"),
            a.t("results.table_answered"),
        ],
        rows,
    }
}

/// Completeness and confidence, in words.
pub fn completeness(a: &Assessment) -> [(String, String); 2] {
    let (lang, c) = (a.lang, &a.report.completeness);
    [
        (
            a.t("results.completeness"),
            lang.fill(
                "results.completeness_value",
                &[
                    ("answered", &c.answered.to_string()),
                    ("count", &c.applicable.to_string()),
                    ("percent", &lang.percent(c.percent)),
                ],
            ),
        ),
        (a.t("results.confidence"), lang.fill("results.confidence_value", &[("percent", &lang.percent(c.confidence))])),
    ]
}

fn text_table(title: Option<String>, table: Table, widths: &[u16]) -> SheetTable {
    SheetTable {
        title,
        columns: table
            .header
            .into_iter()
            .zip(widths.iter().chain(std::iter::repeat(&40)))
            .map(|(t, w)| Column::new(t, *w))
            .collect(),
        rows: table.rows.into_iter().map(|r| r.into_iter().map(Cell::Text).collect()).collect(),
    }
}

/// The workbook: action plan, answers, summary.
pub fn workbook(a: &Assessment) -> Workbook {
    let pairs = |rows: Vec<(String, String)>| -> Vec<Vec<Cell>> {
        rows.into_iter().map(|(k, v)| vec![Cell::Text(k), Cell::Text(v)]).collect()
    };
    let mut facts = facts(a);
    facts.extend(completeness(a));
    let summary = vec![
        SheetTable {
            title: None,
            columns: vec![Column::new(a.t("export.item"), 30), Column::new(a.t("export.value"), 80)],
            rows: pairs(facts),
        },
        text_table(Some(a.t("export.indices_title")), index_table(a, true), &[30, 12, 24, 12, 80]),
        text_table(Some(a.t("results.chart_title")), domain_table(a), &[30, 12, 10, 12, 10, 10]),
    ];
    Workbook {
        title: a.t("export.title"),
        created: a.imported.created.clone(),
        sheets: vec![
            Sheet { name: sheet_name(&a.t("export.sheet_plan")), tables: vec![action_table(a)] },
            Sheet { name: sheet_name(&a.t("export.sheet_answers")), tables: vec![answers_table(a)] },
            Sheet { name: sheet_name(&a.t("export.sheet_summary")), tables: summary },
        ],
    }
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(name: &str) -> String {
    name.chars().filter(|c| !"[]:*?/\\".contains(*c)).take(31).collect()
}

/// The report: the print's content, for DOCX and Markdown.
pub fn report(a: &Assessment) -> Document {
    let lang = a.lang;
    let mut blocks = vec![Block::heading(1, a.t("export.title"))];
    for (label, value) in facts(a) {
        blocks.push(Block::labelled(lang.label(&label), value));
    }
    blocks.push(Block::heading(2, a.t("export.indices_title")));
    blocks.push(Block::Table(index_table(a, false)));
    for index in Index::ALL {
        let r = a.report.of_index(index);
        if !r.capped_by.is_empty() {
            let name = lang.t(&format!("indices.{}", index.as_str()));
            let text = lang.fill(
                "results.capped",
                &[("count", &r.capped_by.len().to_string()), ("uncapped", &r.uncapped.unwrap_or(0).to_string())],
            );
            blocks.push(Block::labelled(lang.label(name), text));
            blocks.push(Block::List(cap_lines(a, index)));
        }
    }
    for (label, value) in completeness(a) {
        blocks.push(Block::labelled(lang.label(&label), value));
    }
    if a.report.completeness.answered < a.report.completeness.applicable {
        blocks.push(Block::text(a.t("results.incomplete_note")));
    }
    blocks.push(Block::heading(2, a.t("results.chart_title")));
    blocks.push(Block::text(a.t("export.chart_lead")));
    let mut chart = Table {
        header: vec![a.t("results.table_domain"), a.t("export.chart"), a.t("results.table_level")],
        rows: Vec::new(),
    };
    for d in &a.report.domains {
        chart.rows.push(vec![
            lang.domain_title(&d.id).to_owned(),
            format!("{} {}", bar(d.percent), lang.percent(d.percent)),
            lang.hundredths(i64::from(d.level), 1),
        ]);
    }
    blocks.push(Block::Table(chart));
    blocks.push(Block::Table(domain_table(a)));

    blocks.push(Block::heading(2, a.t("results.actions_title")));
    blocks.push(Block::text(a.t("results.actions_lead")));
    if a.report.actions.is_empty() {
        blocks.push(Block::text(a.t("results.actions_none")));
    }
    for item in &a.report.actions {
        let mut title = format!("{}. {} · {}", item.rank, item.question, lang.prompt(&item.question));
        if item.critical {
            title.push_str(&format!(" ({})", lang.t("answer.critical")));
        }
        blocks.push(Block::heading(3, title));
        let text = lang.question(&item.question);
        blocks.push(Block::labelled(lang.label(lang.t("export.domain")), lang.domain_title(&item.domain)));
        blocks.push(Block::labelled(
            lang.label(lang.t("results.table_level")),
            format!(
                "{} → {}",
                standing_text(lang, item.standing),
                lang.fill("results.action_target", &[("level", &item.target.to_string())])
            ),
        ));
        let next = lang.fill("results.action_next", &[("level", &item.next_level.to_string())]);
        let mut step = lang.level_descriptor(&item.question, item.next_level).to_owned();
        if item.standing == Standing::Unknown {
            step = format!("{} {step}", lang.t("results.action_unknown_first"));
        }
        blocks.push(Block::labelled(lang.label(&next), step));
        blocks.push(Block::labelled(
            lang.label(lang.t("results.action_recommendation")),
            text.map(|t| t.recommendation.clone()).unwrap_or_default(),
        ));
        blocks.push(Block::labelled(
            lang.label(lang.t("results.action_responsibility")),
            responsibility_text(lang, item),
        ));
        blocks.push(Block::labelled(lang.label(lang.t("results.action_references")), references_text(lang, item)));
    }
    if !a.report.unanswered.is_empty() {
        blocks.push(Block::heading(2, a.t("results.unanswered_title")));
        blocks.push(Block::text(a.t("results.unanswered_lead")));
        blocks.push(Block::List(a.report.unanswered.iter().map(|id| format!("{id} {}", lang.prompt(id))).collect()));
    }
    blocks.push(Block::heading(2, a.t("export.methodology_title")));
    for key in ["export.methodology_1", "export.methodology_2", "export.methodology_3", "export.methodology_4"] {
        blocks.push(Block::text(a.t(key)));
    }
    blocks.push(Block::text(lang.fill("print.generated", &[("date", &a.date())])));
    Document { title: a.t("export.title"), language: lang.code.clone(), blocks }
}

/// A percentage as a bar of ten blocks, for the chart drawn as a table.
fn bar(percent: u8) -> String {
    let full = (usize::from(percent) + 5) / 10;
    format!("{}{}", "█".repeat(full.min(10)), "░".repeat(10 - full.min(10)))
}
