//! Any bytes as a results file: import must return a value or an error, never
//! panic, and an accepted file must survive writing and reading again. The
//! first module's reader (`import_solo`) must agree: the same file or error for
//! one person's file, a team's file left to `import`.
#![no_main]

use cloudtriage::core::results::{import, import_solo, is_teamwork, ResultsFile, Solo};
use cloudtriage::core::Catalog;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let catalog = Catalog::embedded();
    let whole = import(catalog, data);
    match (&whole, import_solo(catalog, data)) {
        (Ok(whole), Ok(Solo::Imported(solo))) => assert!(*solo == *whole && !is_teamwork(&whole.team, &whole.answers)),
        (Ok(whole), Ok(Solo::Team)) => assert!(is_teamwork(&whole.team, &whole.answers)),
        (Err(whole), Err(solo)) => assert_eq!(solo, *whole),
        (Err(_), Ok(Solo::Team)) => {}
        (whole, solo) => panic!("import gave {whole:?}, import_solo {solo:?}"),
    }
    if let Ok(imported) = whole {
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
