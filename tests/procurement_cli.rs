#![cfg(not(target_arch = "wasm32"))]
//! `cloudtriage procurement`: the pack written as Markdown and DOCX. The DOCX is
//! opened with python-docx (Debian's python3-docx), an independent reader.

use std::cell::RefCell;
use std::process::Command;

use cloudtriage::cli::{run_with, Outcome, INVALID, OK, USAGE};

const FIXTURE: &str = "tests/fixtures/procurement-ehr-saas-planning.json";

/// Runs the command in-process and keeps what it would have written.
fn procurement(args: &[&str]) -> (Outcome, Vec<u8>) {
    let written = RefCell::new(Vec::new());
    let args: Vec<String> = ["procurement"].iter().chain(args).map(|s| s.to_string()).collect();
    let outcome = run_with(&args, 0, &|path| std::fs::read(path), &|_, bytes| {
        *written.borrow_mut() = bytes.to_vec();
        Ok(())
    });
    (outcome, written.into_inner())
}

#[test]
fn the_markdown_pack_has_must_clauses_for_the_weak_points_and_covered_strong_ones() {
    let (outcome, bytes) = procurement(&[FIXTURE, "--format", "md", "--lang", "en", "--out", "pack.md"]);
    assert_eq!(outcome.code, OK, "{}", outcome.stderr);
    let md = String::from_utf8(bytes).unwrap();
    assert!(md.starts_with("# Procurement pack\n"));
    assert!(
        md.contains("**SUP-02 (Must):** The supplier shall sign, before any processing, a data-processing agreement")
    );
    assert!(md.contains("**CRY-01 (Must):** The supplier shall encrypt the customer's health data at rest"));
    assert!(md.contains("**ASR-03 (Should):** The supplier shall have the service penetration tested"));
    // A strong answer gives no requirement: SUP-05 (audits) is at level 3 of 2.
    assert!(!md.contains("**SUP-05 ("));
    let row = |title: &str| {
        md.lines().find(|l| l.starts_with(&format!("| {title}: "))).unwrap_or_else(|| panic!("{title}")).to_owned()
    };
    assert!(row("Information and audits").ends_with("| SUP-05 | Covered |"), "{}", row("Information and audits"));
    assert!(row("Documented instructions").ends_with("| SUP-02 | Missing |"));
    assert!(row("Retrieval period and erasure").ends_with("| EXT-02, EXT-03 | Missing |"));
    assert!(md.contains("## Supplier questionnaire"));
}

#[test]
fn the_pack_is_written_in_the_language_asked_for() {
    let (outcome, bytes) = procurement(&[FIXTURE, "--format", "md", "--lang", "fr", "--out", "dossier.md"]);
    assert_eq!(outcome.code, OK, "{}", outcome.stderr);
    let md = String::from_utf8(bytes).unwrap();
    assert!(md.starts_with("# Dossier d'achat\n"));
    assert!(
        md.contains("**SUP-02 (Obligatoire)\u{a0}:** Le fournisseur doit signer"),
        "a no-break space before the colon"
    );
    assert!(md.contains("| Manquante |"));
}

const CHECK_DOCX: &str = r#"
import sys, docx
d = docx.Document(sys.argv[1])
for p in d.paragraphs:
    print("P", p.style.name, p.text, sep="\t")
for t in d.tables:
    for r in t.rows:
        print("R", *[c.text for c in r.cells], sep="\t")
"#;

#[test]
fn the_docx_pack_opens_in_python_docx_with_headings_must_clauses_and_the_checklist() {
    let path =
        std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cloudtriage-pack-{}.docx", std::process::id()));
    let (outcome, bytes) = procurement(&[FIXTURE, "--format", "docx", "--lang", "de", "--out", "x.docx"]);
    assert_eq!(outcome.code, OK, "{}", outcome.stderr);
    std::fs::write(&path, bytes).unwrap();
    let out = Command::new("/usr/bin/python3").arg("-c").arg(CHECK_DOCX).arg(&path).output().expect("python3 runs");
    std::fs::remove_file(&path).unwrap();
    assert!(out.status.success(), "python-docx cannot open the pack: {}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    let has = |want: &[&str]| {
        lines.iter().any(|l| l.len() >= want.len() && l.iter().zip(want).all(|(a, b)| a.starts_with(b)))
    };
    assert!(has(&["P", "Heading 1", "Beschaffungspaket"]));
    assert!(has(&["P", "Heading 2", "Ausschreibungsanforderungen"]));
    assert!(has(&["P", "Heading 3", "Phase: Beschaffen"]));
    assert!(has(&[
        "P",
        "Normal",
        "SUP-02 (Muss): Der Anbieter muss vor jeder Verarbeitung einen Auftragsverarbeitungsvertrag"
    ]));
    assert!(has(&["P", "Normal", "EXT-02 (Muss): Am Ende des Dienstes muss der Anbieter"]));
    assert!(has(&["R", "Informationen und Überprüfungen:", "DSGVO Art. 28 Abs. 3 lit. h", "SUP-05", "Abgedeckt"]));
    assert!(has(&["R", "Dokumentierte Weisungen:", "DSGVO Art. 28 Abs. 3 lit. a", "SUP-02", "Fehlt"]));
    assert!(has(&["R", "Wechsel auf Verlangen:", "Datenverordnung", "EXT-01, EXT-04", "Abgedeckt"]));
}

#[test]
fn other_formats_and_bad_files_are_refused_with_a_message() {
    let (outcome, _) = procurement(&[FIXTURE, "--format", "xlsx", "--out", "x.xlsx"]);
    assert_eq!(outcome.code, USAGE);
    assert!(outcome.stderr.contains("[possible values: docx, md]"), "{}", outcome.stderr);
    let (outcome, written) = procurement(&["tests/bad-inputs/04-truncated.json", "--format", "md", "--out", "x.md"]);
    assert_eq!(outcome.code, INVALID);
    assert!(outcome.stderr.starts_with("tests/bad-inputs/04-truncated.json: "), "{}", outcome.stderr);
    assert!(written.is_empty(), "nothing is written for a bad file");
    let (outcome, _) = procurement(&[FIXTURE, "--format", "md", "--lang", "xx", "--out", "x.md"]);
    assert_eq!(outcome.code, USAGE);
}

#[test]
fn the_command_has_its_own_help_naming_both_formats() {
    let (outcome, written) = procurement(&["--help"]);
    assert_eq!(outcome.code, OK);
    assert!(outcome.stdout.contains("[possible values: docx, md]"), "{}", outcome.stdout);
    assert!(outcome.stdout.contains("--out <OUT>"), "{}", outcome.stdout);
    assert!(written.is_empty());
}
