#![cfg(not(target_arch = "wasm32"))]
//! Every seed of the fuzz corpora (including inputs that once crashed a fuzz
//! target) goes through the same code as the targets, on every `cargo test`.

use cloudtriage::core::i18n::Language;
use cloudtriage::core::model::Questionnaire;
use cloudtriage::core::results::{import, ResultsFile};
use cloudtriage::core::Catalog;

fn seeds(target: &str) -> Vec<(String, Vec<u8>)> {
    std::fs::read_dir(format!("fuzz/corpus/{target}"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| (p.display().to_string(), std::fs::read(&p).unwrap()))
        .collect()
}

#[test]
fn every_import_seed_is_handled_and_round_trips_when_accepted() {
    let catalog = Catalog::embedded();
    let all = seeds("import_results");
    assert!(all.len() >= 30);
    for (name, bytes) in all {
        if let Ok(imported) = import(catalog, &bytes) {
            let file = ResultsFile::new(catalog, "en", imported.created.clone(), &imported.context, &imported.answers);
            let again = import(catalog, file.to_json().as_bytes()).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(again.answers, imported.answers, "{name}");
        }
    }
}

#[test]
fn every_content_seed_is_handled() {
    let all = seeds("content");
    assert!(all.len() >= 2);
    for (_, bytes) in all {
        if let Ok(text) = std::str::from_utf8(&bytes) {
            let _ = Language::from_json(text);
            let _ = Questionnaire::from_json(text);
        }
    }
}
