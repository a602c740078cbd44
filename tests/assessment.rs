#![cfg(not(target_arch = "wasm32"))]
//! The assessment state machine: navigation, completion and validation,
//! on the miniature questionnaire of tests/fixtures/mini.json.

use cloudtriage::core::assessment::{Assessment, Event, Page, Problem};
use cloudtriage::core::context::{ServiceModel, UseCase};
use cloudtriage::core::model::Questionnaire;
use cloudtriage::core::{AnswerValue, Level};

fn mini() -> Questionnaire {
    Questionnaire::from_json(include_str!("fixtures/mini.json")).unwrap()
}

fn level(n: u8) -> Option<AnswerValue> {
    Some(AnswerValue::Level(Level::new(n).unwrap()))
}

fn answer(a: &mut Assessment, q: &Questionnaire, id: &str, value: Option<AnswerValue>) {
    a.apply(q, Event::Answer { question: id.into(), value });
}

fn started(q: &Questionnaire, use_cases: &[UseCase]) -> Assessment {
    let mut a = Assessment::new("en");
    a.apply(q, Event::Go(Page::Context));
    for u in use_cases {
        a.apply(q, Event::SetUseCase(*u, true));
    }
    a
}

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

#[test]
fn compare_needs_an_earlier_file_and_closing_it_returns_to_the_results() {
    let q = mini();
    let mut a = started(&q, &[UseCase::Ehr]);
    a.apply(&q, Event::Go(Page::Compare));
    assert_eq!(a.page, Page::Context, "no comparison without an earlier file");
    a.apply(&q, Event::ClearBaseline);
    assert!(a.baseline.is_none());
}
