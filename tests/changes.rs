#![cfg(not(target_arch = "wasm32"))]
//! The change list in content/changes.toml against the built-in questionnaire,
//! and the notices a results file of version 1.0.0 (tests/fixtures/reference-answers.json,
//! written by version 1.0.0 of the program) gets when it is opened.

use cloudtriage::core::map::Map;

use cloudtriage::core::changes::{Changes, Notice};
use cloudtriage::core::{AnswerValue, Catalog};

fn catalog() -> &'static Catalog {
    Catalog::embedded()
}

/// The questionnaire version and answered ids of the 1.0.0 fixture, read without the importer.
fn version_1_file() -> (String, Map<String, AnswerValue>) {
    let text = std::fs::read_to_string("tests/fixtures/reference-answers.json").unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let version = json["questionnaire"]["version"].as_str().unwrap().to_owned();
    let answers = json["answers"].as_object().unwrap().keys().map(|id| (id.clone(), AnswerValue::Unknown)).collect();
    (version, answers)
}

#[test]
fn the_change_list_leads_to_the_current_version_and_accounts_for_every_question() {
    let changes = Changes::embedded();
    let q = &catalog().questionnaire;
    assert_eq!(changes.current, q.version);
    assert_eq!(q.version, "2.0.0");
    assert_eq!(q.law_as_of, "2026-12-01");
    let since = changes.since("1.0.0").expect("1.0.0 is listed");
    assert_eq!(since.questions.len(), 80, "version 1.0.0 had 80 questions");
    assert_eq!(since.added.len() + since.questions.len() - since.removed.len(), q.questions().count());
}

#[test]
fn the_version_1_file_only_answers_questions_the_list_says_version_1_had() {
    let (version, answers) = version_1_file();
    assert_eq!(version, "1.0.0");
    let since = Changes::embedded().since(&version).unwrap();
    let unknown: Vec<_> = answers.keys().filter(|id| !since.questions.contains(*id)).collect();
    assert!(unknown.is_empty(), "the 1.0.0 file answers questions the list does not know: {unknown:?}");
}

#[test]
fn a_version_1_file_opens_with_a_notice_per_question() {
    let (version, answers) = version_1_file();
    let q = &catalog().questionnaire;
    let notices = Changes::embedded().notices(q, &version, &answers).unwrap();
    let of = |kind: fn(&Notice) -> bool| -> Vec<&str> {
        notices.iter().filter(|n| kind(&n.notice)).map(|n| n.question.as_str()).collect()
    };
    assert_eq!(of(|n| *n == Notice::Review), ["ASR-02", "EXT-01", "EXT-04", "INC-04"]);
    assert_eq!(
        of(|n| matches!(n, Notice::Added { split_from: None })),
        ["REQ-05", "VUL-05", "AIS-01", "AIS-02", "AIS-03", "AIS-04", "AIS-05"]
    );
    assert!(of(|n| matches!(n, Notice::Removed | Notice::Split { .. })).is_empty());
    assert_eq!(of(|n| *n == Notice::Kept).len(), answers.len() - 4);
    let en = catalog().language("en");
    let review = notices.iter().find(|n| n.question == "INC-04").unwrap();
    assert_eq!(
        review.notice.message(en, &review.question, &version, &q.version),
        "INC-04 has changed since version 1.0.0: your answer is kept, but please review it."
    );
    let added = notices.iter().find(|n| n.question == "AIS-01").unwrap();
    assert_eq!(
        added.notice.message(catalog().language("de"), &added.question, &version, &q.version),
        "AIS-01 ist neu in Version 2.0.0: noch nicht beantwortet."
    );
}

#[test]
fn every_notice_has_words_in_every_language() {
    let q = &catalog().questionnaire;
    let notices = [
        Notice::Kept,
        Notice::Review,
        Notice::Split { into: vec!["B-01".into(), "B-02".into()] },
        Notice::Added { split_from: None },
        Notice::Added { split_from: Some("A-01".into()) },
        Notice::Removed,
    ];
    for code in catalog().codes() {
        let lang = catalog().language_as_written(code).unwrap();
        let mut seen = std::collections::BTreeSet::new();
        for n in &notices {
            let text = n.message(&lang, "A-01", "1.0.0", "2.0.0");
            assert!(text.contains("A-01") && !text.contains('{'), "{code}: {n:?} gives {text:?}");
            assert!(seen.insert(text.clone()), "{code}: {n:?} repeats another notice");
        }
        let split = Notice::Split { into: vec!["B-01".into(), "B-02".into()] }.message(&lang, "A-01", "1.0.0", "2.0.0");
        assert!(split.contains("B-01, B-02"), "{code}: {split}");
        let law = q.law_as_of_label(&lang);
        assert!(law.contains("2026") && !law.contains("2026-12-01") && !law.contains('{'), "{code}: {law}");
    }
}

#[test]
fn law_as_of_is_shown_in_each_language_s_date_format() {
    let q = &catalog().questionnaire;
    assert_eq!(q.law_as_of_label(catalog().language("en")), "Law as of 1 December 2026");
    assert_eq!(q.law_as_of_label(catalog().language("de")), "Rechtsstand: 1. Dezember 2026");
    assert_eq!(q.law_as_of_label(catalog().language("fr")), "Droit à jour au 1\u{a0}décembre\u{a0}2026");
}

#[test]
fn law_as_of_must_be_a_real_day() {
    use cloudtriage::core::model::Questionnaire;
    let mini = include_str!("fixtures/mini.json");
    assert_eq!(Questionnaire::from_json(mini).unwrap().law_as_of, "2026-11-01");
    for bad in ["2026-02-30", "2026-12-1", "1 December 2026", "2026-12-01T00:00:00Z"] {
        let text = mini.replace(r#""law_as_of": "2026-11-01""#, &format!(r#""law_as_of": "{bad}""#));
        let e = Questionnaire::from_json(&text).unwrap_err().to_string();
        assert!(e.contains("law_as_of") && e.contains(bad), "{bad}: {e}");
    }
    let without = mini.replace(r#""law_as_of": "2026-11-01","#, "");
    assert!(Questionnaire::from_json(&without).unwrap_err().to_string().contains("law_as_of"));
}

#[test]
fn importing_a_version_1_file_tells_the_user_per_question_and_keeps_every_answer() {
    use cloudtriage::core::results::{import, ImportWarning};
    let bytes = std::fs::read("tests/fixtures/reference-answers.json").unwrap();
    let imported = import(catalog(), &bytes).unwrap();
    let en = catalog().language("en");
    let notices: Vec<String> = imported
        .warnings
        .iter()
        .filter(|w| matches!(w, ImportWarning::QuestionChanged { .. }))
        .map(|w| w.message(en))
        .collect();
    // Written from content/changes.toml and ui.toml by hand: four to review, seven new.
    assert_eq!(
        notices,
        [
            "ASR-02 has changed since version 1.0.0: your answer is kept, but please review it.",
            "EXT-01 has changed since version 1.0.0: your answer is kept, but please review it.",
            "EXT-04 has changed since version 1.0.0: your answer is kept, but please review it.",
            "INC-04 has changed since version 1.0.0: your answer is kept, but please review it.",
            "REQ-05 is new in version 2.0.0: not yet answered.",
            "VUL-05 is new in version 2.0.0: not yet answered.",
            "AIS-01 is new in version 2.0.0: not yet answered.",
            "AIS-02 is new in version 2.0.0: not yet answered.",
            "AIS-03 is new in version 2.0.0: not yet answered.",
            "AIS-04 is new in version 2.0.0: not yet answered.",
            "AIS-05 is new in version 2.0.0: not yet answered.",
        ]
    );
    // Changed questions keep their answers; nothing the 1.0.0 file answered is lost.
    let json: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    let answered = json["answers"].as_object().unwrap().values().filter(|e| !e["value"].is_null()).count();
    assert_eq!(imported.answers.values.len(), answered);
    let de = catalog().language("de");
    let german: Vec<String> = imported
        .warnings
        .iter()
        .filter(|w| matches!(w, ImportWarning::QuestionChanged { .. }))
        .map(|w| w.message(de))
        .collect();
    assert_eq!(german.len(), notices.len());
    for (de_text, en_text) in german.iter().zip(&notices) {
        let id = &en_text[..6];
        assert!(de_text.contains(id) && de_text != en_text, "the German notice for {id} is its own: {de_text}");
    }
}

#[test]
fn the_command_line_gives_the_same_notices_for_a_version_1_file() {
    let args: Vec<String> =
        ["validate", "tests/fixtures/reference-answers.json"].iter().map(|s| s.to_string()).collect();
    let out = cloudtriage::cli::run(&args, 0, &|path| std::fs::read(path));
    assert_eq!(out.code, cloudtriage::cli::OK, "{}", out.stderr);
    for line in [
        "warning: EXT-01 has changed since version 1.0.0: your answer is kept, but please review it.",
        "warning: AIS-05 is new in version 2.0.0: not yet answered.",
        "warning: The file was made with questionnaire version 1.0.0; this is version 2.0.0.",
    ] {
        assert!(out.stderr.contains(line), "missing {line:?} in:\n{}", out.stderr);
    }
}
