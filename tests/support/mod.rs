//! Helpers shared by the host test files (`mod support;`); not part of the program.

use cloudtriage::core::answer::{AnswerValue, Level};
use cloudtriage::core::assessment::{Assessment, Event, Page};
use cloudtriage::core::context::UseCase;
use cloudtriage::core::model::Questionnaire;

/// The miniature questionnaire of tests/fixtures/mini.json, whose figures can be worked out by hand.
#[allow(dead_code)]
pub fn mini() -> Questionnaire {
    Questionnaire::from_json(include_str!("../fixtures/mini.json")).unwrap()
}

/// An answer at level `n`.
#[allow(dead_code)]
pub fn level(n: u8) -> Option<AnswerValue> {
    Some(AnswerValue::Level(Level::new(n).unwrap()))
}

/// Answers (or, with `None`, clears) question `id`.
#[allow(dead_code)]
pub fn answer(a: &mut Assessment, q: &Questionnaire, id: &str, value: Option<AnswerValue>) {
    a.apply(q, Event::Answer { question: id.into(), value });
}

/// An assessment past the context step with these use cases.
#[allow(dead_code)]
pub fn started(q: &Questionnaire, use_cases: &[UseCase]) -> Assessment {
    let mut a = Assessment::new("en");
    a.apply(q, Event::Go(Page::Context));
    for u in use_cases {
        a.apply(q, Event::SetUseCase(*u, true));
    }
    a
}
