#![cfg(not(target_arch = "wasm32"))]
//! Every seed of the fuzz corpora (including inputs that once crashed a fuzz
//! target) goes through the same code as the targets, on every `cargo test`,
//! and must have the outcome fuzz/corpus/expected.toml documents for it.

use std::collections::BTreeSet;

use cloudtriage::core::i18n::Language;
use cloudtriage::core::model::Questionnaire;
use cloudtriage::core::results::{import, ResultsFile};
use cloudtriage::core::Catalog;

fn expected() -> toml::Table {
    toml::from_str(&std::fs::read_to_string("fuzz/corpus/expected.toml").unwrap()).unwrap()
}

/// The committed seeds of a target. Inputs libFuzzer adds itself (named by their
/// SHA-1, ignored by git) are left out: they have no documented outcome.
fn seeds(target: &str) -> Vec<(String, Vec<u8>)> {
    let mut all: Vec<(String, Vec<u8>)> = std::fs::read_dir(format!("fuzz/corpus/{target}"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            !(name.len() == 40 && name.chars().all(|c| c.is_ascii_hexdigit()))
        })
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap()))
        .collect();
    all.sort();
    all
}

/// The variant's name of an error or warning, from its `Debug` form (`BadLevel { .. }` → `BadLevel`).
fn variant(debug: String) -> String {
    debug.split([' ', '{', '(']).next().unwrap().to_owned()
}

/// Every seed has an entry and every entry a seed.
fn entries<'a>(table: &'a toml::Table, target: &str, seeds: &[(String, Vec<u8>)]) -> &'a toml::Table {
    let entries = table[target].as_table().unwrap();
    let named: BTreeSet<&str> = seeds.iter().map(|(n, _)| n.as_str()).collect();
    let listed: BTreeSet<&str> = entries.keys().map(String::as_str).collect();
    let without_entry: Vec<_> = named.difference(&listed).collect();
    assert!(without_entry.is_empty(), "seeds without an entry in fuzz/corpus/expected.toml: {without_entry:?}");
    let without_seed: Vec<_> = listed.difference(&named).collect();
    assert!(without_seed.is_empty(), "entries in fuzz/corpus/expected.toml without a seed: {without_seed:?}");
    entries
}

#[test]
fn every_import_seed_has_its_documented_outcome_and_round_trips_when_accepted() {
    let catalog = Catalog::embedded();
    let all = seeds("import_results");
    assert!(all.len() >= 30);
    let table = expected();
    let entries = entries(&table, "import_results", &all);
    let mut wrong = Vec::new();
    for (name, bytes) in &all {
        let rule = entries[name].as_table().unwrap();
        match (import(catalog, bytes), rule.get("refused"), rule.get("accepted")) {
            (Err(error), Some(refused), None) => {
                let found = variant(format!("{error:?}"));
                if found != refused.as_str().unwrap() {
                    wrong.push(format!("{name}: refused with {found} ({error}), documented {refused}"));
                }
            }
            (Ok(imported), None, Some(accepted)) => {
                let warnings: Vec<String> = imported.warnings.iter().map(|w| variant(format!("{w:?}"))).collect();
                let documented: Vec<&str> = accepted.as_array().unwrap().iter().map(|w| w.as_str().unwrap()).collect();
                if warnings != documented {
                    wrong.push(format!("{name}: accepted with warnings {warnings:?}, documented {documented:?}"));
                }
                let file =
                    ResultsFile::new(catalog, "en", imported.created.clone(), &imported.context, &imported.answers);
                let again = import(catalog, file.to_json().as_bytes()).unwrap_or_else(|e| panic!("{name}: {e}"));
                assert_eq!(again.answers, imported.answers, "{name}");
                assert!(again.warnings.is_empty(), "{name}: a file cloudtriage wrote has no warnings");
            }
            (Ok(_), _, _) => wrong.push(format!("{name}: accepted, documented {rule}")),
            (Err(error), _, _) => wrong.push(format!("{name}: refused with {error:?}, documented {rule}")),
        }
    }
    assert!(wrong.is_empty(), "outcomes that differ from fuzz/corpus/expected.toml:\n{}", wrong.join("\n"));
}

#[test]
fn every_content_seed_has_its_documented_outcome() {
    let all = seeds("content");
    assert!(all.len() >= 2);
    let table = expected();
    let entries = entries(&table, "content", &all);
    let outcome = |result: Result<(), String>| result.map_or_else(|e| e, |()| "accepted".to_owned());
    for (name, bytes) in &all {
        let rule = entries[name].as_table().unwrap();
        let text = std::str::from_utf8(bytes).unwrap_or_else(|_| panic!("{name}: content seeds are UTF-8"));
        let language = outcome(Language::from_json(text).map(|_| ()).map_err(|e| variant(format!("{e:?}"))));
        let structure = outcome(Questionnaire::from_json(text).map(|_| ()).map_err(|e| variant(format!("{e:?}"))));
        assert_eq!(language, rule["language"].as_str().unwrap(), "{name} as a language");
        assert_eq!(structure, rule["structure"].as_str().unwrap(), "{name} as the structure");
    }
}
