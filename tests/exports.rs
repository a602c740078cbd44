#![cfg(not(target_arch = "wasm32"))]
//! The exports built in-process and through `cloudtriage export`: the action
//! rows of the CSV against the report one for one, file names and formats,
//! and a clear message for every bad input. tests/exports/check.py opens the
//! files with independent readers (`make export-checks`).

use std::cell::RefCell;
use std::collections::BTreeMap;

use cloudtriage::cli::{run_with, Outcome, INVALID, OK, USAGE};
use cloudtriage::core::results;
use cloudtriage::core::score::Standing;
use cloudtriage::core::Catalog;
use cloudtriage::export::{export_results, ExportError, Format};

const GERMAN: &str = "tests/fixtures/exports-de.json";
const ENGLISH: &str = "tests/fixtures/reference-answers.json";

/// Runs the command line, capturing the files it writes.
fn cli(args: &[&str]) -> (Outcome, BTreeMap<String, Vec<u8>>) {
    let written = RefCell::new(BTreeMap::new());
    let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    let outcome = run_with(&args, 0, &|path| std::fs::read(path), &|path, bytes| {
        written.borrow_mut().insert(path.to_owned(), bytes.to_vec());
        Ok(())
    });
    (outcome, written.into_inner())
}

/// A small RFC 4180 reader, written for this test from the RFC, not from the writer.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = vec![];
    let (mut row, mut field, mut quoted, mut chars) = (vec![], String::new(), false, text.chars().peekable());
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') if chars.peek() == Some(&'\n') => {
                chars.next();
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(field.is_empty() && row.is_empty(), "the CSV does not end with CRLF");
    rows
}

#[test]
fn the_csv_holds_the_action_plan_row_for_row_in_german() {
    let catalog = Catalog::embedded();
    let bytes = std::fs::read(GERMAN).unwrap();
    let imported = results::import(catalog, &bytes).unwrap();
    let report = cloudtriage::core::score::score(&catalog.questionnaire, &imported.context, &imported.answers.values);
    let de = catalog.language("de");

    let (out, files) = cli(&["export", GERMAN, "--format", "csv", "--out", "plan.csv"]);
    assert_eq!(out.code, OK, "{}", out.stderr);
    let data = &files["plan.csv"];
    assert!(data.starts_with(&[0xEF, 0xBB, 0xBF]), "UTF-8 byte-order mark");
    let rows = parse_csv(std::str::from_utf8(&data[3..]).unwrap());
    assert_eq!(rows[0][0], "Rang");
    assert_eq!(rows[0][13], "Status");
    assert_eq!(rows.len() - 1, report.actions.len());
    assert!(report.actions.len() > 10, "the fixture has a real action plan");
    for (row, item) in rows[1..].iter().zip(&report.actions) {
        assert_eq!(row.len(), 14);
        assert_eq!(row[0], item.rank.to_string());
        assert_eq!(row[1], item.question);
        assert_eq!(row[2], de.domain_title(&item.domain));
        assert_eq!(row[3], de.prompt(&item.question));
        assert_eq!(row[4], if item.critical { "ja" } else { "nein" });
        let standing = match item.standing {
            Standing::Level(l) => format!("Stufe {l}"),
            Standing::Unknown => "weiß nicht".to_owned(),
            Standing::Unanswered => "nicht beantwortet".to_owned(),
        };
        assert_eq!(row[5], standing);
        assert_eq!(row[6], item.target.to_string());
        assert_eq!(row[7], de.level_descriptor(&item.question, item.next_level));
        assert_eq!(&row[11..], ["", "", ""]);
    }
    assert_eq!(rows[0][7], "Nächster Schritt", "umlauts survive");
    assert_eq!(rows[0][12], "Fällig am");
}

#[test]
fn every_format_is_written_with_a_name_in_the_files_language() {
    let catalog = Catalog::embedded();
    let bytes = std::fs::read(GERMAN).unwrap();
    let names: Vec<String> =
        Format::ALL.iter().map(|&f| export_results(catalog, &bytes, f, None).unwrap().file_name).collect();
    assert_eq!(
        names,
        [
            "cloudtriage-massnahmenplan-2026-11-28.xlsx",
            "cloudtriage-massnahmenplan-2026-11-28.csv",
            "cloudtriage-bericht-2026-11-28.docx",
            "cloudtriage-bericht-2026-11-28.md"
        ]
    );
    let fr = export_results(catalog, &bytes, Format::Docx, Some("fr")).unwrap();
    assert_eq!(fr.file_name, "cloudtriage-rapport-2026-11-28.docx");
    for format in [Format::Xlsx, Format::Docx] {
        let export = export_results(catalog, &bytes, format, None).unwrap();
        assert!(export.bytes.starts_with(b"PK\x03\x04"), "{format:?} is a zip package");
        // The file's dates come from the assessment: the same input gives the same file.
        assert_eq!(export.bytes, export_results(catalog, &bytes, format, None).unwrap().bytes, "{format:?}");
    }
}

#[test]
fn the_markdown_report_lists_every_action_in_order_with_the_methodology() {
    let catalog = Catalog::embedded();
    let bytes = std::fs::read(ENGLISH).unwrap();
    let imported = results::import(catalog, &bytes).unwrap();
    let report = cloudtriage::core::score::score(&catalog.questionnaire, &imported.context, &imported.answers.values);
    let (out, files) = cli(&["export", ENGLISH, "--format", "md", "--out", "r.md"]);
    assert_eq!(out.code, OK, "{}", out.stderr);
    let text = String::from_utf8(files["r.md"].clone()).unwrap();
    let heads: Vec<&str> = text.lines().filter(|l| l.starts_with("### ")).collect();
    assert_eq!(heads.len(), report.actions.len());
    for (head, item) in heads.iter().zip(&report.actions) {
        assert!(head.starts_with(&format!("### {}. {} · ", item.rank, item.question)), "{head}");
    }
    assert!(text.contains("\n## How the scores are calculated\n"));
    assert!(text.contains("\n## Maturity by domain\n"));
    assert!(out.stdout.starts_with("r.md: "));
}

#[test]
fn bad_inputs_get_a_clear_message_and_write_nothing() {
    let (out, files) = cli(&["export", GERMAN, "--format", "pdf", "--out", "x"]);
    assert_eq!(out.code, USAGE);
    assert!(out.stderr.contains("xlsx") && out.stderr.contains("md"), "{}", out.stderr);
    assert!(files.is_empty());

    let (out, files) = cli(&["export", GERMAN, "--format", "csv", "--lang", "xx", "--out", "x"]);
    assert_eq!(out.code, USAGE);
    assert!(out.stderr.contains("There is no language “xx”; choose one of: en, de, fr."), "{}", out.stderr);
    assert!(files.is_empty());

    let (out, files) = cli(&["export", "tests/bad-inputs/04-truncated.json", "--format", "xlsx", "--out", "x"]);
    assert_eq!(out.code, INVALID);
    assert!(out.stderr.starts_with("tests/bad-inputs/04-truncated.json: The file ends too early"), "{}", out.stderr);
    assert!(files.is_empty());

    let (out, _) = cli(&["export", "no/such/file.json", "--format", "xlsx", "--out", "x"]);
    assert_eq!(out.code, INVALID);
    assert!(out.stderr.contains("no/such/file.json: cannot be read"));

    let (out, _) = cli(&["export", GERMAN, "--format", "xlsx"]);
    assert_eq!(out.code, USAGE, "--out is required");

    let written = run_with(
        &["export", GERMAN, "--format", "md", "--out", "/nowhere/r.md"].map(String::from),
        0,
        &|p| std::fs::read(p),
        &|p, b| std::fs::write(p, b),
    );
    assert_eq!(written.code, INVALID);
    assert!(written.stderr.starts_with("/nowhere/r.md: cannot be written"), "{}", written.stderr);
}

#[test]
fn errors_speak_the_users_language() {
    let catalog = Catalog::embedded();
    let de = catalog.language("de");
    assert_eq!(
        ExportError::UnknownFormat("pdf".into()).message(de),
        "„pdf“ ist kein Exportformat; wählen Sie eines von: xlsx, csv, docx, md."
    );
    let fr = catalog.language("fr");
    let refused = export_results(catalog, b"{", Format::Csv, None).unwrap_err();
    assert!(refused.message(fr).starts_with("Le fichier se termine prématurément"), "{}", refused.message(fr));
}

#[test]
fn the_french_report_and_pack_write_labels_and_lists_as_french_does() {
    let catalog = Catalog::embedded();
    let bytes = std::fs::read(GERMAN).unwrap();
    let md = |export: cloudtriage::export::Export| String::from_utf8(export.bytes).unwrap();
    let report = md(export_results(catalog, &bytes, Format::Markdown, Some("fr")).unwrap());
    // A no-break space before each label's colon, a narrow one before each semicolon of a list.
    assert!(report.contains("**Domaine\u{a0}:** "), "the domain's label");
    assert!(report.contains("**Règles et bonnes pratiques\u{a0}:** "), "the references' label");
    let references: Vec<&str> =
        report.lines().filter_map(|l| l.strip_prefix("**Règles et bonnes pratiques\u{a0}:** ")).collect();
    assert!(references.iter().any(|r| r.contains("\u{202f}; ")), "some action cites more than one rule");
    assert!(
        references.iter().all(|r| !r.contains(" ; ") && !r.replace("\u{202f}; ", "").contains("; ")),
        "{references:?}"
    );
    let bold_labels = report.lines().filter(|l| l.starts_with("**") && l.contains(":**"));
    assert!(
        bold_labels.clone().count() > 20 && bold_labels.clone().all(|l| l.contains("\u{a0}:**")),
        "every bold label"
    );
    let pack =
        md(cloudtriage::export::procurement::export_pack(catalog, &bytes, Format::Markdown, Some("fr")).unwrap());
    assert!(pack.contains("**Pourquoi\u{a0}:** "), "the rationale's label");
    assert!(pack.contains("**Justificatifs à demander\u{a0}:** "), "the evidence's label");
    assert!(pack.lines().filter(|l| l.starts_with("**Justificatifs à demander")).any(|l| l.contains("\u{202f}; ")));
    // English keeps its own: no space before the colon, "; " between items.
    let en = md(export_results(catalog, &bytes, Format::Markdown, Some("en")).unwrap());
    assert!(en.contains("**Domain:** ") && !en.contains('\u{202f}'));
}
