//! Host time to merge 50 complete assessments (every question answered by 50
//! respondents, with notes and disagreements): prints one line
//! (`cargo run --release --example merge_time`). The goal is under 50 ms.

use std::hint::black_box;
use std::time::Instant;

use cloudtriage::core::assessment::{Assessment, Event};
use cloudtriage::core::context::UseCase;
use cloudtriage::core::merge::{merge, MergeInput};
use cloudtriage::core::results::{import, ResultsFile};
use cloudtriage::core::{AnswerValue, Catalog, Level};

fn main() {
    let catalog = Catalog::embedded();
    let q = &catalog.questionnaire;
    let inputs: Vec<MergeInput> = (0..50)
        .map(|r| {
            let mut a = Assessment::new("en");
            for u in UseCase::ALL {
                a.apply(q, Event::SetUseCase(*u, true));
            }
            a.apply(q, Event::SetRespondent(format!("Respondent {r:02}")));
            for (i, (_, question)) in q.questions().enumerate() {
                // Most agree; every seventh respondent sees things one level lower.
                let level = ((i % 5) as u8).saturating_sub(u8::from(r % 7 == 0));
                let value = AnswerValue::Level(Level::new(level).unwrap());
                a.apply(q, Event::Answer { question: question.id.clone(), value: Some(value) });
                a.apply(
                    q,
                    Event::Note { question: question.id.clone(), text: format!("note of {r} on {}", question.id) },
                );
            }
            let text = ResultsFile::new(catalog, "en", "2026-12-01T08:00:00Z".into(), &a.context, &a.answers)
                .with_team(&a.team)
                .to_json();
            MergeInput::new(&format!("respondent-{r:02}.json"), import(catalog, text.as_bytes()).unwrap())
        })
        .collect();
    black_box(merge(catalog, &inputs).unwrap());
    let mut runs: Vec<f64> = (0..11)
        .map(|_| {
            let start = Instant::now();
            black_box(merge(catalog, &inputs).unwrap());
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    runs.sort_by(f64::total_cmp);
    let merged = merge(catalog, &inputs).unwrap();
    println!(
        "merge of 50 complete assessments ({} questions, {} disagreements): median {:.2} ms (goal < 50 ms)",
        merged.answers.values.len(),
        merged.answers.conflicts.len(),
        runs[runs.len() / 2]
    );
}
