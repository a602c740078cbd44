//! Helpers shared by the host test files (`mod support;`); not part of the program.

use cloudtriage::core::answer::{AnswerValue, Level};
use cloudtriage::core::assessment::{Assessment, Event, Page};
use cloudtriage::core::context::{Context, Deployment, OrgSize, ServiceModel, Stage, UseCase};
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

/// Every combination of context values, for rules that must hold in all of them.
#[allow(dead_code)]
pub fn every_context() -> Vec<Context> {
    let mut all = Vec::new();
    for mask in 1u8..(1 << UseCase::ALL.len()) {
        let use_cases: Vec<UseCase> =
            UseCase::ALL.iter().enumerate().filter(|(i, _)| mask & (1 << i) != 0).map(|(_, u)| *u).collect();
        for &service_model in ServiceModel::ALL {
            for &deployment in Deployment::ALL {
                for &stage in Stage::ALL {
                    for &org_size in OrgSize::ALL {
                        all.push(Context { use_cases: use_cases.clone(), service_model, deployment, stage, org_size });
                    }
                }
            }
        }
    }
    all
}
