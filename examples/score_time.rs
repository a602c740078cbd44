//! Host time to score a full assessment (every applicable question answered,
//! all use cases, undecided model): prints one line for `make bench`
//! (`cargo run --release --example score_time`).

use cloudtriage::core::map::Map;
use std::hint::black_box;
use std::time::Instant;

use cloudtriage::core::context::{Context, UseCase};
use cloudtriage::core::score::score;
use cloudtriage::core::{AnswerValue, Catalog, Level};

fn main() {
    let catalog = Catalog::embedded();
    let q = &catalog.questionnaire;
    let mut ctx = Context::default();
    for u in UseCase::ALL {
        ctx.set_use_case(*u, true);
    }
    let answers: Map<String, AnswerValue> = q
        .questions()
        .enumerate()
        .map(|(i, (_, question))| (question.id.clone(), AnswerValue::Level(Level::new((i % 5) as u8).unwrap())))
        .collect();
    // Warm up, then time batches and report the median batch.
    for _ in 0..1_000 {
        black_box(score(q, &ctx, &answers));
    }
    let batch = 1_000;
    let mut per_run: Vec<f64> = (0..21)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..batch {
                black_box(score(black_box(q), black_box(&ctx), black_box(&answers)));
            }
            start.elapsed().as_secs_f64() * 1e6 / batch as f64
        })
        .collect();
    per_run.sort_by(|a, b| a.total_cmp(b));
    println!(
        "Host time to score a full assessment ({} questions, {} domains): median {:.1} µs, fastest {:.1} µs (21 batches of {batch})",
        answers.len(),
        q.domains.len(),
        per_run[10],
        per_run[0]
    );
}
