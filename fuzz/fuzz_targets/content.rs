//! Any text as questionnaire content (structure or a language's words): the
//! content parser must accept it or explain why, never panic; accepted
//! structure must score any answers without panicking.
#![no_main]

use cloudtriage::core::map::Map;

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
        for (i, ctx) in Context::every().into_iter().step_by(97).enumerate() {
            let answers: Map<String, AnswerValue> = q
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
