#![cfg(not(target_arch = "wasm32"))]
//! The bad-input corpus (tests/bad-inputs/): every file gets the message
//! expected.toml names, and a file that is refused changes nothing.

use cloudtriage::core::answer::{AnswerValue, Level};
use cloudtriage::core::assessment::{Assessment, Event};
use cloudtriage::core::context::UseCase;
use cloudtriage::core::results::{import, ImportError, MAX_FILE_BYTES};
use cloudtriage::core::Catalog;

fn expected() -> toml::Table {
    toml::from_str(&std::fs::read_to_string("tests/bad-inputs/expected.toml").unwrap()).unwrap()
}

/// An assessment with answers worth protecting.
fn in_progress() -> Assessment {
    let catalog = Catalog::embedded();
    let q = &catalog.questionnaire;
    let mut a = Assessment::new("en");
    a.apply(q, Event::SetUseCase(UseCase::Ehr, true));
    for (i, (_, question)) in q.questions().take(10).enumerate() {
        let value = AnswerValue::Level(Level::new((i % 5) as u8).unwrap());
        a.apply(q, Event::Answer { question: question.id.clone(), value: Some(value) });
    }
    a.apply(q, Event::Note { question: "GOV-01".into(), text: "Board minutes, March".into() });
    a
}

#[test]
fn the_corpus_has_at_least_thirty_files_each_with_its_expected_message() {
    let expected = expected();
    let mut files: Vec<String> = std::fs::read_dir("tests/bad-inputs")
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "make.py" && n != "expected.toml")
        .collect();
    files.sort();
    assert!(files.len() >= 30, "{} files", files.len());
    let english = Catalog::embedded().language("en");
    for name in files {
        let rule = expected
            .get(&name)
            .and_then(|v| v.as_table())
            .unwrap_or_else(|| panic!("{name} has no entry in expected.toml"));
        let bytes = std::fs::read(format!("tests/bad-inputs/{name}")).unwrap();
        let mut assessment = in_progress();
        let before = assessment.clone();
        match (assessment.try_restore(Catalog::embedded(), &bytes), rule.get("error")) {
            (Err(error), Some(message)) => {
                assert_eq!(error.message(english), message.as_str().unwrap(), "{name}");
                assert_eq!(assessment, before, "{name}: a refused file must change nothing");
            }
            (Ok(warnings), None) => {
                let accepted = rule["accepted"].as_integer().unwrap() as usize;
                assert_eq!(assessment.answers.values.len(), accepted, "{name}");
                let shown: Vec<String> = warnings.iter().map(|w| w.message(english)).collect();
                let wanted: Vec<String> = rule
                    .get("warnings")
                    .and_then(|w| w.as_array())
                    .map(|w| w.iter().map(|s| s.as_str().unwrap().to_owned()).collect())
                    .unwrap_or_default();
                assert_eq!(shown, wanted, "{name}");
            }
            (outcome, _) => panic!("{name}: unexpected outcome {outcome:?}"),
        }
    }
}

#[test]
fn a_20_megabyte_file_is_refused_before_it_is_read() {
    let mut bytes = br#"{"format": "cloudtriage-results", "padding": ""#.to_vec();
    bytes.resize(20 * 1024 * 1024, b'x');
    bytes.extend_from_slice(b"\"}");
    let error = import(Catalog::embedded(), &bytes).unwrap_err();
    assert_eq!(error, ImportError::TooLarge { bytes: bytes.len() });
    assert_eq!(
        error.to_string(),
        "The file is 20.0\u{a0}MB; a results file is at most 1\u{a0}MB. Choose a cloudtriage results file."
    );
}

#[test]
fn the_size_limit_is_one_megabyte_and_a_file_of_exactly_that_size_is_read() {
    // docs/RESULTS-FORMAT.md: "a file over 1 MB" is refused.
    assert_eq!(MAX_FILE_BYTES, 1024 * 1024);
    let mut bytes = std::fs::read("tests/bad-inputs/37-utf8-with-bom.json").unwrap();
    // Trailing white space is allowed after a JSON value, so the padded file stays valid.
    bytes.resize(MAX_FILE_BYTES, b' ');
    let imported = import(Catalog::embedded(), &bytes).expect("a file of exactly 1 MB is read");
    assert_eq!(imported.answers.values.len(), 3);
    bytes.push(b' ');
    assert_eq!(import(Catalog::embedded(), &bytes), Err(ImportError::TooLarge { bytes: MAX_FILE_BYTES + 1 }));
}

#[test]
fn html_in_a_note_is_kept_as_plain_text() {
    let bytes = std::fs::read("tests/bad-inputs/38-html-and-script-in-note.json").unwrap();
    let imported = import(Catalog::embedded(), &bytes).unwrap();
    assert_eq!(imported.answers.notes["GOV-01"], "<script>alert('x')</script><img src=x onerror=alert(1)> <b>bold</b>");
}

#[test]
fn messages_exist_in_every_language() {
    let catalog = Catalog::embedded();
    let bytes = std::fs::read("tests/bad-inputs/17-level-5.json").unwrap();
    let error = import(catalog, &bytes).unwrap_err();
    for code in catalog.codes() {
        let message = error.message(catalog.language(code));
        assert!(message.contains("answers.GOV-01.value") && message.contains('5'), "{code}: {message}");
    }
}

#[test]
fn braces_in_a_files_values_are_shown_as_written_not_filled_in() {
    let catalog = Catalog::embedded();
    let text = std::fs::read_to_string("tests/bad-inputs/28-note-too-long.json").unwrap();
    assert!(text.contains("\"GOV-01\""));
    // A question id that looks like a placeholder of the message it ends up in.
    let text = text.replacen("\"GOV-01\"", "\"{limit}\"", 1);
    let error = import(catalog, text.as_bytes()).unwrap_err();
    assert!(matches!(&error, ImportError::NoteTooLong { path, .. } if path == "answers.{limit}.note"), "{error:?}");
    for code in catalog.codes() {
        let message = error.message(catalog.language(code));
        assert!(message.contains("answers.{limit}.note"), "{code}: {message}");
        assert!(message.contains("4000"), "{code}: {message}");
    }
    let length = match &error {
        ImportError::NoteTooLong { length, .. } => *length,
        _ => unreachable!(),
    };
    assert_eq!(
        error.message(catalog.language("en")),
        format!("\"answers.{{limit}}.note\" is {length} characters long; a note is at most 4000 characters.")
    );
}
