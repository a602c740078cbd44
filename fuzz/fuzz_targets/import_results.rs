//! Any bytes as a results file: import must return a value or an error, never
//! panic, and an accepted file must survive writing and reading again.
#![no_main]

use cloudtriage::core::results::{import, ResultsFile};
use cloudtriage::core::Catalog;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let catalog = Catalog::embedded();
    if let Ok(imported) = import(catalog, data) {
        let file = ResultsFile::new(
            catalog,
            &imported.language,
            imported.created.clone(),
            &imported.context,
            &imported.answers,
        );
        let again = import(catalog, file.to_json().as_bytes()).expect("a file cloudtriage wrote imports");
        assert_eq!(again.answers, imported.answers);
        assert_eq!(again.context, imported.context);
        for warning in &imported.warnings {
            let _ = warning.message(catalog.language("en"));
        }
    }
});
