//! Any text as questionnaire content (structure or a language's words): the
//! content parser must accept it or explain why, never panic; accepted
//! structure must score any answers without panicking.
#![no_main]

use std::collections::BTreeMap;

use cloudtriage::core::context::Context;
use cloudtriage::core::i18n::Language;
use cloudtriage::core::model::Questionnaire;
use cloudtriage::core::score::score;
use cloudtriage::core::{AnswerValue, Level};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(language) = Language::from_json(text) {
        let _ = language.date("2026-11-28T15:29:16Z");
        let _ = language.decimal(2.345, 2);
    }
    if let Ok(q) = Questionnaire::from_json(text) {
        for (i, ctx) in contexts().into_iter().step_by(97).enumerate() {
            let answers: BTreeMap<String, AnswerValue> = q
                .questions()
                .enumerate()
                .map(|(n, (_, question))| {
                    (question.id.clone(), AnswerValue::Level(Level::new(((n + i) % 5) as u8).unwrap()))
                })
                .collect();
            let report = score(&q, &ctx, &answers);
            let _ = report.to_json().compact();
        }
    }
});

/// Every combination of context values (the fuzz target samples them).
fn contexts() -> Vec<Context> {
    use cloudtriage::core::context::{Deployment, OrgSize, ServiceModel, Stage, UseCase};
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
