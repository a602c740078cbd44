//! The procurement pack as a [`Document`]: the tender requirements by phase,
//! the supplier questionnaire and the contract checklist, in the words of the
//! core's view model, so the DOCX, the Markdown and the widget's page agree.

use super::document::{Block, Document, Run, Table, Workbook};
use super::{language, write, Export, ExportError, Format};
use crate::core::catalog::Catalog;
use crate::core::procurement::{self, view};
use crate::core::results;

/// The pack laid out as headings, paragraphs, lists and tables.
pub fn document(v: &view::PackView, language: &str) -> Document {
    // A bold label before its text, as the language writes one.
    let label = |key: &str| v.labelled(v.label(key), "");
    let mut blocks = vec![
        Block::heading(1, v.label("title")),
        Block::text(v.label("intro")),
        Block::text(v.context.clone()),
        Block::text(v.summary.clone()),
        Block::Paragraph(vec![Run { text: v.label("disclaimer").to_owned(), bold: true }]),
        Block::heading(2, v.label("requirements")),
    ];
    if v.phases.is_empty() {
        blocks.push(Block::text(v.label("requirements_none")));
    } else {
        blocks.push(Block::text(v.must_hint.clone()));
    }
    for phase in &v.phases {
        blocks.push(Block::heading(3, v.labelled(v.label("phase"), &phase.title)));
        for r in &phase.requirements {
            blocks.push(Block::Paragraph(vec![
                Run { text: v.labelled(&format!("{} ({})", r.id, r.strength), ""), bold: true },
                Run { text: r.clause.clone(), bold: false },
            ]));
            blocks.push(Block::labelled(label("rationale"), r.rationale.clone()));
            blocks.push(Block::labelled(label("evidence"), v.list(&r.evidence)));
            blocks.push(Block::labelled(label("rule"), v.cited(&r.rules)));
            blocks.push(Block::text(r.standing.clone()));
        }
    }
    if !v.questions.is_empty() {
        blocks.push(Block::heading(2, v.label("questionnaire")));
        blocks.push(Block::text(v.label("questionnaire_intro")));
        let rows = v.questions.iter().map(|q| vec![q.id.clone(), q.question.clone(), v.list(&q.evidence)]).collect();
        let header = vec!["#".to_owned(), v.label("questionnaire").to_owned(), v.label("evidence").to_owned()];
        blocks.push(Block::Table(Table { header, rows }));
    }
    blocks.push(Block::heading(2, v.label("checklist")));
    blocks.push(Block::text(v.label("checklist_intro")));
    for part in &v.parts {
        blocks.push(Block::heading(3, part.title.clone()));
        let state = format!("{} / {}", v.label("covered"), v.label("missing"));
        let header =
            vec![v.label("checklist").to_owned(), v.label("basis").to_owned(), v.label("shown_by").to_owned(), state];
        let rows = part
            .clauses
            .iter()
            .map(|c| vec![v.labelled(&c.title, &c.text), v.cited(&c.basis), c.shown_by.join(", "), c.state.clone()])
            .collect();
        blocks.push(Block::Table(Table { header, rows }));
    }
    Document { title: v.label("title").to_owned(), language: language.to_owned(), blocks }
}

/// The pack's view of a results file (its bytes) in a language (`None`: the file's own).
/// Computed from the answers, never from stored scores.
pub fn pack_view(catalog: &Catalog, bytes: &[u8], lang: Option<&str>) -> Result<(view::PackView, String), ExportError> {
    let imported = results::import(catalog, bytes).map_err(ExportError::Import)?;
    let lang = language(catalog, lang, &imported.language)?;
    let words = procurement::embedded_words(&lang.code)
        .or_else(|| procurement::embedded_words(crate::core::catalog::FALLBACK_LANGUAGE))
        .and_then(Result::ok)
        .ok_or_else(|| ExportError::UnknownLanguage(lang.code.clone()))?;
    let pack =
        procurement::pack(&catalog.questionnaire, procurement::embedded(), &imported.context, &imported.answers.values);
    Ok((view::view(&pack, &imported.context, lang, &words), imported.created))
}

/// The widget's procurement page for a results file, as the JSON of its elements
/// ([`procurement::page`]): the export module hands it over, so the main module
/// carries neither the pack's content nor its layout.
pub fn pack_page_json(catalog: &Catalog, bytes: &[u8], lang: Option<&str>) -> Result<String, ExportError> {
    Ok(procurement::page::page_json(&pack_view(catalog, bytes, lang)?.0))
}

/// The procurement pack of a results file (its bytes) as DOCX or Markdown, in a
/// language (`None`: the file's own). Computed from the answers, never from stored scores.
pub fn export_pack(catalog: &Catalog, bytes: &[u8], format: Format, lang: Option<&str>) -> Result<Export, ExportError> {
    if !matches!(format, Format::Docx | Format::Markdown) {
        return Err(ExportError::UnknownFormat(format.as_str().to_owned()));
    }
    let (v, created) = pack_view(catalog, bytes, lang)?;
    let doc = document(&v, &v.language);
    let bytes = write(
        format,
        // Only DOCX and Markdown reach here; they are written from the document.
        || Workbook { title: doc.title.clone(), created: created.clone(), sheets: Vec::new() },
        || doc.clone(),
        &created,
    )?;
    let day: String = created.chars().take(10).collect();
    let stem = crate::core::i18n::fill(v.label("file_name"), &[("date", &day)]);
    Ok(Export { file_name: format!("{stem}.{}", format.extension()), mime: format.mime(), bytes })
}
