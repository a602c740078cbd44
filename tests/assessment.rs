#![cfg(not(target_arch = "wasm32"))]
//! The assessment state machine: navigation, completion and validation,
//! on the miniature questionnaire of tests/fixtures/mini.json.

mod support;

use cloudtriage::core::assessment::{Assessment, Event, Page, Problem};
use cloudtriage::core::context::{ServiceModel, UseCase};
use cloudtriage::core::results::{import, ImportWarning, Imported};
use cloudtriage::core::{AnswerValue, Catalog};
use support::{answer, level, mini, started};

#[test]
fn a_new_assessment_starts_on_the_welcome_page_with_nothing_answered() {
    let a = Assessment::new("de");
    assert_eq!(a.page, Page::Welcome);
    assert_eq!(a.language, "de");
    assert!(!a.has_answers());
}

#[test]
fn the_questions_wait_for_a_use_case() {
    let q = mini();
    let mut a = Assessment::new("en");
    a.apply(&q, Event::Go(Page::Context));
    a.apply(&q, Event::Next);
    assert_eq!(a.page, Page::Context);
    assert_eq!(a.problem, Some(Problem::ChooseUseCase));
    a.apply(&q, Event::Go(Page::Results));
    assert_eq!(a.page, Page::Context);
    a.apply(&q, Event::SetUseCase(UseCase::Ehr, true));
    assert_eq!(a.problem, None, "any action clears the problem");
    a.apply(&q, Event::Next);
    assert_eq!(a.page, Page::Domain("alpha".into()));
}

#[test]
fn next_and_previous_walk_welcome_context_domains_results() {
    let q = mini();
    let mut a = started(&q, &[UseCase::Ehr]);
    let mut seen = vec![a.page.clone()];
    for _ in 0..5 {
        a.apply(&q, Event::Next);
        seen.push(a.page.clone());
    }
    assert_eq!(
        seen,
        vec![
            Page::Context,
            Page::Domain("alpha".into()),
            Page::Domain("beta".into()),
            Page::Results,
            Page::Results,
            Page::Results
        ]
    );
    a.apply(&q, Event::Previous);
    assert_eq!(a.page, Page::Domain("beta".into()));
}

#[test]
fn a_domain_that_does_not_apply_cannot_be_opened() {
    let q = mini();
    let mut a = started(&q, &[UseCase::Ehr]);
    a.apply(&q, Event::Go(Page::Domain("nowhere".into())));
    assert_eq!(a.page, Page::Context);
}

#[test]
fn the_navigation_counts_applicable_and_answered_questions_per_domain() {
    let q = mini();
    let mut a = started(&q, &[UseCase::MedicalDevices]);
    answer(&mut a, &q, "A-01", level(2));
    answer(&mut a, &q, "A-03", Some(AnswerValue::Unknown));
    let nav = a.navigation(&q);
    assert_eq!(nav.len(), 2);
    assert_eq!((nav[0].answered, nav[0].applicable), (2, 3));
    assert!(!nav[0].complete());
    assert_eq!(a.progress(&q), (2, 5));
    answer(&mut a, &q, "A-02", Some(AnswerValue::NotApplicable));
    assert!(a.navigation(&q)[0].complete());
}

#[test]
fn not_applicable_is_refused_where_the_question_does_not_allow_it() {
    let q = mini();
    let mut a = started(&q, &[UseCase::Ehr]);
    answer(&mut a, &q, "A-01", Some(AnswerValue::NotApplicable));
    assert!(!a.answers.values.contains_key("A-01"));
    answer(&mut a, &q, "A-02", Some(AnswerValue::NotApplicable));
    assert_eq!(a.answers.values.get("A-02"), Some(&AnswerValue::NotApplicable));
}

#[test]
fn answers_to_unknown_questions_change_nothing_and_clearing_removes_an_answer() {
    let q = mini();
    let mut a = started(&q, &[UseCase::Ehr]);
    let before = a.clone();
    answer(&mut a, &q, "Z-99", level(3));
    a.apply(&q, Event::Note { question: "Z-99".into(), text: "x".into() });
    assert_eq!(a, before);
    answer(&mut a, &q, "B-01", level(3));
    answer(&mut a, &q, "B-01", None);
    assert!(!a.answers.values.contains_key("B-01"));
}

#[test]
fn notes_are_kept_as_text_without_control_characters_and_empty_notes_vanish() {
    let q = mini();
    let mut a = started(&q, &[UseCase::Ehr]);
    a.apply(&q, Event::Note { question: "A-01".into(), text: "line one\nline\u{7} two".into() });
    assert_eq!(a.answers.notes["A-01"], "line one\nline two");
    a.apply(&q, Event::Note { question: "A-01".into(), text: "   ".into() });
    assert!(!a.answers.notes.contains_key("A-01"));
    a.apply(&q, Event::Note { question: "A-01".into(), text: "x".repeat(5000) });
    assert_eq!(a.answers.notes["A-01"].chars().count(), 4000);
}

#[test]
fn resuming_goes_to_the_first_open_domain_then_to_the_results() {
    let q = mini();
    let mut a = started(&q, &[UseCase::Ehr]);
    for id in ["A-01", "A-02"] {
        answer(&mut a, &q, id, level(1));
    }
    a.apply(&q, Event::Go(Page::Welcome));
    a.apply(&q, Event::Resume);
    assert_eq!(a.page, Page::Domain("beta".into()));
    for id in ["B-01", "B-02"] {
        answer(&mut a, &q, id, level(1));
    }
    a.apply(&q, Event::Resume);
    assert_eq!(a.page, Page::Results);
}

#[test]
fn changing_the_language_keeps_every_answer() {
    let q = mini();
    let mut a = started(&q, &[UseCase::Ehr]);
    answer(&mut a, &q, "A-01", level(4));
    a.apply(&q, Event::SetLanguage("fr".into()));
    assert_eq!(a.language, "fr");
    assert_eq!(a.answers.values.get("A-01"), level(4).as_ref());
}

#[test]
fn erase_forgets_everything_but_the_language() {
    let q = mini();
    let mut a = started(&q, &[UseCase::Ehr]);
    a.apply(&q, Event::SetServiceModel(ServiceModel::Iaas));
    answer(&mut a, &q, "A-01", level(4));
    a.apply(&q, Event::SetLanguage("de".into()));
    a.apply(&q, Event::Erase);
    assert_eq!(a, Assessment::new("de"));
}

/// tests/fixtures/reference-answers.json: a real results file for the embedded questionnaire.
fn reference_file() -> Vec<u8> {
    std::fs::read("tests/fixtures/reference-answers.json").unwrap()
}

fn imported(bytes: &[u8]) -> Box<Imported> {
    Box::new(import(Catalog::embedded(), bytes).expect("the file imports"))
}

/// An assessment of the embedded questionnaire with a few answers of its own, on the results page.
fn own_assessment() -> Assessment {
    let q = &Catalog::embedded().questionnaire;
    let mut a = Assessment::new("de");
    a.apply(q, Event::Go(Page::Context));
    a.apply(q, Event::SetUseCase(UseCase::Administrative, true));
    answer(&mut a, q, "GOV-01", level(4));
    answer(&mut a, q, "GOV-02", Some(AnswerValue::Unknown));
    a.apply(q, Event::Go(Page::Results));
    assert_eq!(a.page, Page::Results);
    a
}

#[test]
fn compare_needs_an_earlier_file_and_closing_it_returns_to_the_results() {
    let q = &Catalog::embedded().questionnaire;
    let mut a = own_assessment();
    a.apply(q, Event::Go(Page::Compare));
    assert_eq!(a.page, Page::Results, "no comparison without an earlier file");
    let own = a.answers.clone();
    let earlier = imported(&reference_file());
    a.apply(q, Event::SetBaseline(earlier.clone()));
    assert_eq!(a.page, Page::Compare);
    let baseline = a.baseline.as_ref().expect("the earlier file is the baseline");
    assert_eq!(baseline.created, "2026-11-28T17:46:45Z");
    assert_eq!(baseline.answers, earlier.answers);
    assert_eq!(baseline.context.use_cases, vec![UseCase::Ehr, UseCase::MedicalDevices]);
    assert_eq!(a.answers, own, "a baseline never replaces the user's answers");
    a.apply(q, Event::ClearBaseline);
    assert_eq!(a.page, Page::Results);
    assert!(a.baseline.is_none());
    assert_eq!(a.answers, own);
}

#[test]
fn clearing_the_baseline_elsewhere_stays_on_the_page() {
    let q = &Catalog::embedded().questionnaire;
    let mut a = own_assessment();
    a.apply(q, Event::SetBaseline(imported(&reference_file())));
    a.apply(q, Event::Go(Page::Domain("governance".into())));
    a.apply(q, Event::ClearBaseline);
    assert_eq!(a.page, Page::Domain("governance".into()));
    assert!(a.baseline.is_none());
    a.apply(q, Event::Go(Page::Compare));
    assert_eq!(a.page, Page::Domain("governance".into()), "no comparison once the baseline is cleared");
}

/// The warnings other than the per-question notices of a questionnaire change (tests/changes.rs checks those).
fn without_question_notices(warnings: Vec<ImportWarning>) -> Vec<ImportWarning> {
    let (notices, rest): (Vec<_>, Vec<_>) =
        warnings.into_iter().partition(|w| matches!(w, ImportWarning::QuestionChanged { .. }));
    assert!(!notices.is_empty(), "a 1.0.0 file gets notices for the questions added since");
    rest
}

#[test]
fn restoring_a_file_keeps_the_baseline_and_the_users_language() {
    let catalog = Catalog::embedded();
    let q = &catalog.questionnaire;
    let mut a = own_assessment();
    let earlier = imported(&reference_file());
    a.apply(q, Event::SetBaseline(earlier.clone()));
    let later = String::from_utf8(reference_file())
        .unwrap()
        .replacen("\"created\": \"2026-11-28T17:46:45Z\"", "\"created\": \"2026-12-01T08:00:00Z\"", 1)
        .replacen("\"ASR-01\": {\n      \"value\": 0", "\"ASR-01\": {\n      \"value\": 4", 1);
    let warnings = without_question_notices(a.try_restore(catalog, later.as_bytes()).expect("the later file imports"));
    // The fixture is a format 1 file of questionnaire 1.0.0, read into the current format and version.
    let older_version = ImportWarning::OtherQuestionnaireVersion { found: "1.0.0".into(), current: "2.0.0".into() };
    assert_eq!(warnings, vec![ImportWarning::OlderFormat { found: 1 }, older_version]);
    assert_eq!(a.answers.values.get("ASR-01"), level(4).as_ref(), "the restored answers replace the user's");
    assert_eq!(a.answers.values.get("ASR-02"), level(1).as_ref());
    assert_eq!(a.answers.values.get("GOV-02"), level(4).as_ref(), "the user's own \"don't know\" is replaced");
    let baseline = a.baseline.as_ref().expect("restoring keeps the baseline");
    assert_eq!(baseline.created, "2026-11-28T17:46:45Z");
    assert_eq!(baseline.answers.values.get("ASR-01"), level(0).as_ref());
    assert_eq!(a.language, "de");
    // The restored answers leave GOV-05 open: the assessment resumes in governance.
    assert_eq!(a.page, Page::Domain("governance".into()));
}

#[test]
fn a_file_in_an_unknown_language_imports_with_a_warning_in_the_users_language() {
    let catalog = Catalog::embedded();
    let mut a = own_assessment();
    let text = String::from_utf8(reference_file()).unwrap().replacen("\"language\": \"en\"", "\"language\": \"xx\"", 1);
    let warnings = without_question_notices(
        a.try_restore(catalog, text.as_bytes()).expect("an unknown language does not stop the import"),
    );
    let unknown = ImportWarning::UnknownLanguage { found: "xx".into() };
    let older_version = ImportWarning::OtherQuestionnaireVersion { found: "1.0.0".into(), current: "2.0.0".into() };
    assert_eq!(warnings, vec![ImportWarning::OlderFormat { found: 1 }, older_version, unknown.clone()]);
    assert_eq!(a.language, "de", "the user keeps reading their own language");
    assert_eq!(a.answers, imported(&reference_file()).answers);
    for code in catalog.codes() {
        let message = unknown.message(catalog.language(code));
        let own_name = catalog.language(code).name();
        assert!(message.contains("xx") && message.contains(own_name), "{code}: {message}");
    }
}

#[test]
fn resuming_without_a_use_case_goes_to_the_context_and_keeps_the_answers() {
    let q = mini();
    let mut a = started(&q, &[UseCase::Ehr]);
    answer(&mut a, &q, "A-01", level(3));
    a.apply(&q, Event::SetUseCase(UseCase::Ehr, false));
    a.apply(&q, Event::Go(Page::Welcome));
    a.apply(&q, Event::Resume);
    assert_eq!(a.page, Page::Context);
    assert_eq!(a.answers.values.get("A-01"), level(3).as_ref());
    let mut fresh = Assessment::new("en");
    fresh.apply(&q, Event::Resume);
    assert_eq!(fresh.page, Page::Context);
}

#[test]
fn an_assessment_is_teamwork_once_it_has_evidence_or_a_respondent_and_not_before() {
    let q = mini();
    let mut a = started(&q, &[UseCase::Ehr]);
    answer(&mut a, &q, "A-01", level(3));
    a.apply(&q, Event::Note { question: "A-01".into(), text: "in the ISMS".into() });
    assert!(!a.is_teamwork(), "one person's answers and notes need no team screens");
    let evidence = cloudtriage::core::results::Evidence {
        title: "Backup policy".into(),
        location: None,
        owner: None,
        review_by: None,
        file: None,
    };
    a.apply(&q, Event::AddEvidence { question: "A-01".into(), evidence });
    assert!(a.is_teamwork(), "an evidence entry");
    a.apply(&q, Event::RemoveEvidence { question: "A-01".into(), index: 0 });
    assert!(!a.is_teamwork(), "the entry removed again");
    a.apply(&q, Event::SetRespondent("DPO".into()));
    assert!(a.is_teamwork(), "a respondent label");
}
