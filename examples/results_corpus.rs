//! Writes N valid, varied results files into a folder, for the aggregation
//! benchmark (`bench/aggregate.sh`): `cargo run --release --example
//! results_corpus -- DIR N`. Contexts and answers come from a fixed
//! generator, so every run writes the same files.

use cloudtriage::core::answer::{AnswerValue, Level};
use cloudtriage::core::context::{Context, OrgSize, ServiceModel, Stage, UseCase};
use cloudtriage::core::results::{Answers, ResultsFile};
use cloudtriage::core::Catalog;

struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(dir), Some(n)) = (args.first(), args.get(1).and_then(|n| n.parse::<u64>().ok())) else {
        eprintln!("usage: results_corpus DIR N");
        std::process::exit(2);
    };
    std::fs::create_dir_all(dir).expect("the folder can be made");
    let catalog = Catalog::embedded();
    let mut r = Lcg(2026);
    for i in 0..n {
        let mut ctx = Context {
            service_model: ServiceModel::ALL[r.next(4) as usize],
            stage: Stage::ALL[r.next(3) as usize],
            org_size: OrgSize::ALL[r.next(3) as usize],
            ..Context::default()
        };
        ctx.set_use_case(UseCase::ALL[r.next(4) as usize], true);
        let mut answers = Answers::default();
        for (_, q) in catalog.questionnaire.questions().filter(|(_, q)| q.applies_to(&ctx)) {
            let value = match r.next(12) {
                0 => AnswerValue::Unknown,
                _ => AnswerValue::Level(Level::new(r.next(5) as u8).expect("0 to 4")),
            };
            answers.values.insert(q.id.clone(), value);
        }
        let created = cloudtriage::core::time::rfc3339(1_780_000_000 + i as i64 * 97);
        let file = ResultsFile::new(catalog, "en", created, &ctx, &answers);
        // A folder per thousand files, as an agency's archive might be.
        let sub = format!("{dir}/{:03}", i / 1000);
        std::fs::create_dir_all(&sub).expect("the folder can be made");
        std::fs::write(format!("{sub}/{i:06}.json"), file.to_json()).expect("the file can be written");
    }
}
