#![cfg(not(target_arch = "wasm32"))]
//! `results::import_solo`, the reader of the widget's first module: a
//! one-person file reads exactly as with `import` (same answers, same warnings,
//! same errors), and a file that records a team's work is left to `import`
//! (`Solo::Team`), never read differently.

use cloudtriage::core::results::{import, import_solo, is_teamwork, ResultsFile, Solo};
use cloudtriage::core::Catalog;

/// Every results file kept in the repository: fixtures, the bad-input corpus,
/// the import fuzz corpus and the end-to-end tests' files.
fn every_file() -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for dir in ["tests/fixtures", "tests/bad-inputs", "fuzz/corpus/import_results", "tests/e2e/fixtures"] {
        let Ok(entries) = std::fs::read_dir(dir) else { continue };
        let mut paths: Vec<_> = entries.map(|e| e.unwrap().path()).filter(|p| p.is_file()).collect();
        paths.sort();
        for path in paths {
            out.push((path.display().to_string(), std::fs::read(&path).unwrap()));
        }
    }
    out
}

/// Whether the text names a team's field at all (then the whole reader reads it).
fn names_a_team_field(bytes: &[u8]) -> bool {
    let text = String::from_utf8_lossy(bytes);
    ["\"respondent\"", "\"respondents\"", "\"context_conflicts\"", "\"evidence\"", "\"conflict\"", "\"responses\""]
        .iter()
        .any(|k| text.contains(k))
}

#[test]
fn every_file_in_the_repository_reads_the_same_or_is_left_to_the_whole_reader() {
    let catalog = Catalog::embedded();
    let (mut plain, mut team, mut refused) = (0, 0, 0);
    for (name, bytes) in every_file() {
        match (import(catalog, &bytes), import_solo(catalog, &bytes)) {
            (Ok(whole), Ok(Solo::Imported(solo))) => {
                assert!(
                    !is_teamwork(&whole.team, &whole.answers),
                    "{name}: a team's file was read by one person's reader"
                );
                assert_eq!(*solo, whole, "{name}");
                plain += 1;
            }
            (Ok(whole), Ok(Solo::Team)) => {
                assert!(is_teamwork(&whole.team, &whole.answers), "{name}: one person's file was left unread");
                team += 1;
            }
            (Err(whole), Err(solo)) => {
                assert_eq!(solo, whole, "{name}");
                refused += 1;
            }
            (Err(whole), Ok(Solo::Team)) => {
                assert!(names_a_team_field(&bytes), "{name}: refused ({whole}) but left to the whole reader");
                team += 1;
            }
            (whole, solo) => panic!("{name}: the whole reader gave {whole:?}, one person's {solo:?}"),
        }
    }
    // Enough of each kind that the checks above mean something.
    assert!(plain >= 10 && team >= 3 && refused >= 30, "{plain} plain, {team} team, {refused} refused");
}

#[test]
fn a_file_written_for_one_person_reads_the_same_and_a_teams_file_is_left_whole() {
    let catalog = Catalog::embedded();
    let bytes = std::fs::read("tests/fixtures/reference-answers.json").unwrap();
    let whole = import(catalog, &bytes).unwrap();
    let written = ResultsFile::new(catalog, "en", whole.created.clone(), &whole.context, &whole.answers).to_json();
    assert_eq!(
        import_solo(catalog, written.as_bytes()).unwrap(),
        Solo::Imported(Box::new(import(catalog, written.as_bytes()).unwrap()))
    );

    // Empty lists of a team's fields name nobody: one person's file still.
    let empty = written.replacen("\"answers\"", "\"respondents\": [], \"context_conflicts\": [], \"answers\"", 1);
    assert_ne!(empty, written);
    let whole = import(catalog, empty.as_bytes()).unwrap();
    assert!(!is_teamwork(&whole.team, &whole.answers));
    assert_eq!(import_solo(catalog, empty.as_bytes()).unwrap(), Solo::Imported(Box::new(whole)));

    // A respondent's label makes it a team's.
    let labelled = written.replacen("\"answers\"", "\"respondent\": \"DPO\", \"answers\"", 1);
    let whole = import(catalog, labelled.as_bytes()).unwrap();
    assert!(is_teamwork(&whole.team, &whole.answers));
    assert_eq!(import_solo(catalog, labelled.as_bytes()).unwrap(), Solo::Team);
}
