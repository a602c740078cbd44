#![cfg(not(target_arch = "wasm32"))]
//! The agency kit: target profiles, aggregation into anonymous benchmarks,
//! and where one assessment stands. Percentiles and suppression are checked
//! against plain reference computations on random inputs.

use cloudtriage::core::map::Map;
use std::path::Path;

use cloudtriage::cli::{run, Outcome, INVALID, OK};
use cloudtriage::core::aggregate::{Aggregator, Histogram, Submission};
use cloudtriage::core::answer::{AnswerValue, Level};
use cloudtriage::core::benchmark::{measures, Benchmark, GroupBy, GroupKey, Placement, POINTS};
use cloudtriage::core::context::{Context, OrgSize, ServiceModel, Stage, UseCase};
use cloudtriage::core::profile::{domain_gaps, Profile};
use cloudtriage::core::results::{import, Answers, ResultsFile};
use cloudtriage::core::score::score;
use cloudtriage::core::Catalog;
use proptest::prelude::*;

const NOW: i64 = 1_796_083_200; // 2026-12-01T00:00:00Z

fn catalog() -> &'static Catalog {
    Catalog::embedded()
}

fn cli(args: &[&str]) -> Outcome {
    let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    run(&args, NOW, &|path| std::fs::read(path))
}

/// A small deterministic generator, so files differ without a random source.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

fn context_of(seed: u64) -> Context {
    let mut r = Lcg(seed);
    let mut ctx = Context {
        service_model: ServiceModel::ALL[r.next(4) as usize],
        stage: Stage::ALL[r.next(3) as usize],
        org_size: OrgSize::ALL[r.next(3) as usize],
        ..Context::default()
    };
    ctx.set_use_case(UseCase::ALL[r.next(4) as usize], true);
    if r.next(2) == 0 {
        ctx.set_use_case(UseCase::ALL[r.next(4) as usize], true);
    }
    ctx
}

/// A results file with answers drawn from `seed`, as the widget writes it.
fn results_text(seed: u64, ctx: &Context) -> String {
    let mut r = Lcg(seed ^ 0x9e37_79b9);
    let mut answers = Answers::default();
    for (_, q) in catalog().questionnaire.questions() {
        let value = match r.next(10) {
            0 => AnswerValue::Unknown,
            1 if q.not_applicable => AnswerValue::NotApplicable,
            _ => AnswerValue::Level(Level::new(r.next(5) as u8).unwrap()),
        };
        answers.values.insert(q.id.clone(), value);
    }
    let created = cloudtriage::core::time::rfc3339(NOW - seed as i64 * 60);
    ResultsFile::new(catalog(), "en", created, ctx, &answers).to_json()
}

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("cloudtriage-agency-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).expect("JSON")
}

// ---- percentiles -------------------------------------------------------------------------------

/// The textbook computation: sort, h = (n-1)p/100, interpolate between x[⌊h⌋] and x[⌊h⌋+1].
fn reference_percentile(values: &[i64], p: u8) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort();
    let h = (sorted.len() - 1) as f64 * f64::from(p) / 100.0;
    let lo = h.floor() as usize;
    let hi = (lo + 1).min(sorted.len() - 1);
    sorted[lo] as f64 + (h - lo as f64) * (sorted[hi] - sorted[lo]) as f64
}

proptest! {
    #[test]
    fn percentiles_match_the_reference_computation_to_the_hundredth(
        values in prop::collection::vec(0i64..=400, 1..300),
        extra in 0u8..=100,
    ) {
        let mut h = Histogram::new(400, 1);
        values.iter().for_each(|v| h.add(*v));
        for p in POINTS.into_iter().chain([extra]) {
            let ours = h.percentile(p).unwrap() as f64;
            let reference = reference_percentile(&values, p);
            prop_assert!((ours - reference).abs() <= 0.5 + 1e-9, "p{p}: {ours} vs {reference} for {values:?}");
        }
    }

    #[test]
    fn index_percentiles_on_the_points_grid_match_too(points in prop::collection::vec(0i64..=100, 1..200)) {
        let values: Vec<i64> = points.iter().map(|p| p * 100).collect();
        let mut h = Histogram::new(10_000, 100);
        values.iter().for_each(|v| h.add(*v));
        let d = h.distribution().unwrap();
        for (figure, p) in d.figures.iter().zip(POINTS) {
            prop_assert!((*figure as f64 - reference_percentile(&values, p)).abs() <= 0.5 + 1e-9);
        }
        prop_assert_eq!(d.figures[0], *values.iter().min().unwrap());
        prop_assert_eq!(d.figures[6], *values.iter().max().unwrap());
    }

    #[test]
    fn no_published_group_or_figure_rests_on_fewer_than_k_organisations(
        contexts in prop::collection::vec(0u64..10_000, 0..60),
        k in 1u32..9,
        dimension in 0usize..5,
    ) {
        let q = &catalog().questionnaire;
        let by = GroupBy::ALL.get(dimension).copied();
        let mut aggregator = Aggregator::new(q, by);
        let mut members: Map<GroupKey, u32> = Map::new();
        for (i, seed) in contexts.iter().enumerate() {
            let ctx = context_of(*seed);
            let mut r = Lcg(*seed);
            // A domain that applies to few organisations: only every third one has a value for it.
            let values = measures(q).iter().enumerate()
                .map(|(m, _)| (m % 3 != 2 || i % 3 == 0).then(|| r.next(401) as i64))
                .collect();
            let mut key = [0u8; 32];
            key[..8].copy_from_slice(&(i as u64).to_le_bytes());
            aggregator.add(&Submission { key, context: ctx.clone(), values, gaps: vec![] });
            *members.entry(GroupKey::Overall).or_default() += 1;
            if let Some(by) = by {
                for v in by.values(&ctx) {
                    *members.entry(GroupKey::By(by, v)).or_default() += 1;
                }
            }
        }
        let (benchmark, suppressed) = aggregator.finish("2026-12", k);
        for g in &benchmark.groups {
            prop_assert!(g.n >= k, "{} has {} < {k}", g.key.label(), g.n);
            prop_assert_eq!(g.n, members[&g.key]);
            for d in g.figures.values() {
                prop_assert!(d.n >= k);
            }
        }
        // Every group is either published whole or left out whole.
        for (key, n) in &members {
            let published = benchmark.group(key).is_some();
            prop_assert_eq!(published, *n >= k, "{}", key.label());
            prop_assert_eq!(suppressed.contains(key), *n < k);
        }
        // And the file says the same after writing and reading it.
        let text = benchmark.to_json(q).pretty();
        prop_assert_eq!(Benchmark::parse(q, text.as_bytes()).unwrap(), benchmark);
    }

    #[test]
    fn percentile_ranks_rise_with_the_value(values in prop::collection::vec(0i64..=400, 5..100), a in 0i64..=400, b in 0i64..=400) {
        let mut h = Histogram::new(400, 1);
        values.iter().for_each(|v| h.add(*v));
        let d = h.distribution().unwrap();
        let (low, high) = (a.min(b), a.max(b));
        prop_assert!(d.rank(low) <= d.rank(high));
        prop_assert_eq!(d.rank(d.figures[0] - 1), 0);
        prop_assert_eq!(d.rank(d.figures[6] + 1), 100);
    }
}

// ---- aggregate on files ------------------------------------------------------------------------

fn aggregate(dir: &Path, extra: &[&str]) -> (Outcome, serde_json::Value) {
    let out = dir.join("benchmark.out.json");
    let mut args = vec!["aggregate", dir.to_str().unwrap(), "--out", out.to_str().unwrap()];
    args.extend(extra);
    let outcome = cli(&args);
    let benchmark = std::fs::read_to_string(&out).map(|t| json(&t)).unwrap_or(serde_json::Value::Null);
    let _ = std::fs::remove_file(&out);
    (outcome, benchmark)
}

#[test]
fn re_scoring_ignores_a_tampered_stored_report() {
    let (honest, tampered) = (temp_dir("honest"), temp_dir("tampered"));
    for i in 0..6u64 {
        let text = results_text(i, &context_of(i));
        write(&honest, &format!("{i}.json"), &text);
        let mut value = json(&text);
        value["report"]["cloud_readiness"]["score"] = serde_json::json!(100);
        value["report"]["domains"][0]["level"] = serde_json::json!(4.0);
        let changed = serde_json::to_string_pretty(&value).unwrap();
        assert_ne!(changed, text);
        write(&tampered, &format!("{i}.json"), &changed);
    }
    let (a, honest_benchmark) = aggregate(&honest, &[]);
    let (b, tampered_benchmark) = aggregate(&tampered, &[]);
    assert_eq!((a.code, b.code), (OK, OK), "{}{}", a.stderr, b.stderr);
    assert_eq!(honest_benchmark, tampered_benchmark);
    // The maximum is the best honest score, not the forged 100.
    let best = (0..6u64)
        .map(|i| {
            let imported = import(catalog(), results_text(i, &context_of(i)).as_bytes()).unwrap();
            score(&catalog().questionnaire, &imported.context, &imported.answers.values).cloud_readiness.score.unwrap()
        })
        .max()
        .unwrap();
    assert_eq!(
        tampered_benchmark["groups"][0]["indices"]["cloud_readiness"]["max"],
        serde_json::json!(f64::from(best))
    );
}

#[test]
fn the_same_submission_twice_counts_once_however_it_is_saved() {
    let dir = temp_dir("duplicates");
    for i in 0..5u64 {
        write(&dir, &format!("{i}.json"), &results_text(i, &context_of(i)));
    }
    // The same file again, compact, under another name, with a note added and a forged report.
    let mut again = json(&results_text(3, &context_of(3)));
    again["answers"]["GOV-01"]["note"] = serde_json::json!("sent twice by mistake");
    again["report"]["data_protection"]["score"] = serde_json::json!(1);
    write(&dir, "copy-of-3.json", &serde_json::to_string(&again).unwrap());
    let (outcome, benchmark) = aggregate(&dir, &[]);
    assert_eq!(outcome.code, OK, "{}", outcome.stderr);
    assert!(
        outcome.stdout.contains("6 files read: 5 organisations counted, 1 duplicates counted once"),
        "{}",
        outcome.stdout
    );
    assert_eq!(benchmark["groups"][0]["n"], 5);
}

#[test]
fn bad_files_are_reported_by_name_with_their_message_and_skipped() {
    let dir = temp_dir("bad");
    for i in 0..5u64 {
        write(&dir, &format!("good-{i}.json"), &results_text(i, &context_of(i)));
    }
    write(&dir, "empty.json", "");
    write(&dir, "truncated.json", &results_text(9, &context_of(9))[..300]);
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    write(
        &dir.join("sub"),
        "level-7.json",
        &results_text(8, &context_of(8)).replacen("\"value\": ", "\"value\": 7, \"x\": ", 1),
    );
    write(&dir, "notes.txt", "not a results file, and not named .json: never read");
    let (outcome, benchmark) = aggregate(&dir, &[]);
    assert_eq!(outcome.code, OK);
    let path = |name: &str| dir.join(name).display().to_string();
    assert!(outcome.stderr.contains(&format!("{}: The file is empty.", path("empty.json"))), "{}", outcome.stderr);
    assert!(outcome.stderr.contains(&format!("{}: The file ends too early", path("truncated.json"))));
    assert!(outcome.stderr.contains(&format!("{}: ", dir.join("sub").join("level-7.json").display())));
    assert!(!outcome.stderr.contains("notes.txt"));
    assert_eq!(outcome.stderr.lines().count(), 3, "{}", outcome.stderr);
    assert!(outcome.stdout.contains("8 files read: 5 organisations counted, 0 duplicates counted once, 3 refused"));
    assert_eq!(benchmark["groups"][0]["n"], 5);
}

#[test]
fn groups_below_the_minimum_are_left_out_entirely_and_the_benchmark_names_nobody() {
    let dir = temp_dir("groups");
    let mut sizes = Map::new();
    for i in 0..14u64 {
        let mut ctx = context_of(i);
        ctx.org_size = if i < 11 { OrgSize::Large } else { OrgSize::Small };
        *sizes.entry(ctx.org_size.as_str()).or_insert(0) += 1;
        write(&dir, &format!("hospital-st-mary-{i}.json"), &results_text(i, &ctx));
    }
    let report = dir.join("report.out.md");
    let (outcome, benchmark) = aggregate(&dir, &["--by", "org_size", "--report", report.to_str().unwrap()]);
    assert_eq!(outcome.code, OK, "{}", outcome.stderr);
    let groups: Vec<(String, u64)> = benchmark["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            (format!("{}={}", g["by"].as_str().unwrap(), g["value"].as_str().unwrap_or("")), g["n"].as_u64().unwrap())
        })
        .collect();
    assert_eq!(groups, vec![("overall=".to_owned(), 14), ("org_size=large".to_owned(), 11)]);
    // Nothing but figures: no names, answers, notes, days or file names.
    let text = benchmark.to_string();
    for leak in ["hospital", "st-mary", "GOV-01", "answers", "note", "2026-12-01", "created", "respondent"] {
        assert!(!text.contains(leak), "the benchmark contains {leak}");
    }
    assert_eq!(benchmark["month"], "2026-12");
    let md = std::fs::read_to_string(&report).unwrap();
    assert!(md.contains("<svg") && md.contains("Most common gaps") && md.contains("organisation size: Small"));
    assert!(!md.contains("hospital-st-mary"));
}

#[test]
fn aggregate_says_what_it_needs_and_refuses_an_empty_run() {
    let dir = temp_dir("empty");
    let (outcome, _) = aggregate(&dir, &[]);
    assert_eq!(outcome.code, INVALID);
    assert!(outcome.stderr.contains("no results files were found"));
    let out = cli(&["aggregate", "x"]);
    assert!(out.stderr.contains("--out"), "{}", out.stderr);
    let out = cli(&["aggregate", "x", "--out", "y", "--by", "region"]);
    assert!(out.stderr.contains("region"), "{}", out.stderr);
}

// ---- profiles ----------------------------------------------------------------------------------

fn template() -> Profile {
    let out = cli(&["profile", "--template", "--name", "National baseline", "--issuer", "Health Agency"]);
    assert_eq!(out.code, OK, "{}", out.stderr);
    Profile::parse(&catalog().questionnaire, out.stdout.as_bytes()).expect("the template reads back")
}

#[test]
fn the_template_profile_reproduces_the_built_in_targets_in_every_context() {
    let q = &catalog().questionnaire;
    let profile = template();
    assert_eq!(
        (profile.name.as_str(), profile.issuer.as_str(), profile.date.as_str()),
        ("National baseline", "Health Agency", "2026-12-01")
    );
    let mut checked = 0;
    for ctx in Context::every() {
        for domain in &q.domains {
            for question in &domain.questions {
                assert_eq!(
                    profile.target(q, question, &domain.id, &ctx),
                    q.target(question, &ctx),
                    "{} in {ctx:?}",
                    question.id
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 10_000);
    // So its report is the built-in one.
    let imported = import(catalog(), results_text(5, &context_of(5)).as_bytes()).unwrap();
    let (ctx, values) = (&imported.context, &imported.answers.values);
    assert_eq!(profile.score(q, ctx, values), score(q, ctx, values));
}

#[test]
fn a_profile_overrides_targets_by_question_then_domain_and_context_variants_come_first() {
    let q = &catalog().questionnaire;
    let governance = q.domain("governance").unwrap();
    let (first, second) = (&governance.questions[0], &governance.questions[1]);
    let text = format!(
        r#"{{"format": "cloudtriage-profile", "format_version": 1, "questionnaire": "{}", "name": "Strict", "issuer": "Agency",
            "date": "2026-12-01", "version": "2027.1", "domains": {{"governance": 4}}, "questions": {{"{}": 2}},
            "variants": [{{"when": {{"org_sizes": ["small"]}}, "domains": {{"governance": 1}}}}]}}"#,
        q.id, first.id
    );
    let profile = Profile::parse(q, text.as_bytes()).unwrap();
    let large = Context { org_size: OrgSize::Large, use_cases: vec![UseCase::Ehr], ..Context::default() };
    let small = Context { org_size: OrgSize::Small, ..large.clone() };
    assert_eq!(profile.target(q, first, "governance", &large), 2);
    assert_eq!(profile.target(q, second, "governance", &large), 4);
    assert_eq!(profile.target(q, first, "governance", &small), 1);
    let identity = &q.domain("identity").unwrap().questions[0];
    assert_eq!(profile.target(q, identity, "identity", &large), q.target(identity, &large));

    // Every governance question at level 3: the plan now holds the ones the profile wants at 4.
    let values: Map<String, AnswerValue> =
        governance.questions.iter().map(|qu| (qu.id.clone(), AnswerValue::Level(Level::new(3).unwrap()))).collect();
    let report = profile.score(q, &large, &values);
    let mut planned: Vec<&str> = report.actions.iter().map(|a| a.question.as_str()).collect();
    planned.sort();
    let wanted: Vec<&str> =
        governance.questions.iter().skip(1).filter(|qu| qu.applies_to(&large)).map(|qu| qu.id.as_str()).collect();
    assert_eq!(planned, wanted);
    assert!(report.actions.iter().all(|a| a.target == 4));
    let gap = domain_gaps(&report).into_iter().find(|g| g.domain == "governance").unwrap();
    assert_eq!(gap.level, 300);
    assert!(gap.expected > 300 && gap.expected < 400, "{gap:?}");
    assert_eq!(gap.gap, gap.expected - 300);
}

#[test]
fn the_profile_hash_is_the_sha256_of_the_file_as_sha256sum_computes_it() {
    let dir = temp_dir("hash");
    let out = cli(&["profile", "--template"]);
    let path = dir.join("profile.json");
    std::fs::write(&path, &out.stdout).unwrap();
    let profile = Profile::parse(&catalog().questionnaire, out.stdout.as_bytes()).unwrap();
    let sum = std::process::Command::new("sha256sum").arg(&path).output().expect("sha256sum is installed");
    let expected = String::from_utf8(sum.stdout).unwrap();
    assert_eq!(profile.sha256, expected.split_whitespace().next().unwrap());
    // And a results file scored against it records it.
    let file = ResultsFile::new(catalog(), "en", "2026-12-01T10:00:00Z".into(), &context_of(1), &Answers::default())
        .with_profile(Some(profile.reference()), score(&catalog().questionnaire, &context_of(1), &Map::new()));
    let imported = import(catalog(), file.to_json().as_bytes()).unwrap();
    assert_eq!(imported.profile.unwrap().sha256, profile.sha256);
}

#[test]
fn every_bad_profile_and_benchmark_is_refused_with_its_message_in_every_language() {
    let expected: toml::Table =
        toml::from_str(&std::fs::read_to_string("tests/agency-bad-inputs/expected.toml").unwrap()).unwrap();
    let mut names: Vec<String> = std::fs::read_dir("tests/agency-bad-inputs")
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    assert!(names.len() >= 20);
    assert_eq!(names.len(), expected.len(), "every file has an expected message and every message a file");
    let q = &catalog().questionnaire;
    for name in names {
        let bytes = std::fs::read(format!("tests/agency-bad-inputs/{name}")).unwrap();
        let error = if name.starts_with("profile") {
            Profile::parse(q, &bytes).expect_err(&name)
        } else {
            Benchmark::parse(q, &bytes).expect_err(&name)
        };
        let wanted = expected[&name]["error"].as_str().unwrap();
        assert_eq!(error.message(catalog().language("en")), wanted, "{name}");
        let (de, fr) = (error.message(catalog().language("de")), error.message(catalog().language("fr")));
        assert!(!de.is_empty() && !fr.is_empty() && de != wanted && fr != wanted && de != fr, "{name}: {de} / {fr}");
        assert!(!de.contains('{') && !fr.contains('{'), "{name}: unfilled placeholder");
    }
}

// ---- score --profile --benchmark ---------------------------------------------------------------

#[test]
fn score_with_a_profile_and_a_benchmark_prints_the_gaps_and_positions_the_core_computes() {
    let dir = temp_dir("score");
    for i in 0..12u64 {
        let mut ctx = context_of(i);
        ctx.org_size = OrgSize::Large;
        write(&dir, &format!("{i}.json"), &results_text(i, &ctx));
    }
    let bench_path = dir.join("benchmark.json");
    let out = cli(&["aggregate", dir.to_str().unwrap(), "--out", bench_path.to_str().unwrap(), "--by", "org_size"]);
    assert_eq!(out.code, OK, "{}", out.stderr);
    let profile_path = dir.join("profile.json");
    std::fs::write(&profile_path, cli(&["profile", "--template"]).stdout).unwrap();
    let file = dir.join("3.json");
    let args = [
        "score",
        file.to_str().unwrap(),
        "--profile",
        profile_path.to_str().unwrap(),
        "--benchmark",
        bench_path.to_str().unwrap(),
        "--json",
    ];
    let out = cli(&args);
    assert_eq!(out.code, OK, "{}", out.stderr);
    let printed = json(&out.stdout);

    let q = &catalog().questionnaire;
    let imported = import(catalog(), &std::fs::read(&file).unwrap()).unwrap();
    let report = score(q, &imported.context, &imported.answers.values);
    let benchmark = Benchmark::parse(q, &std::fs::read(&bench_path).unwrap()).unwrap();
    let placed = benchmark.place(q, &imported.context, &report);
    assert_eq!(placed.placement, Placement::Matched(GroupKey::By(GroupBy::OrgSize, "large")));
    assert_eq!(printed["benchmark"]["group"], "org_size=large");
    assert_eq!(printed["benchmark"]["n"], 12);
    let ranks: Vec<Option<u64>> =
        printed["benchmark"]["positions"].as_array().unwrap().iter().map(|p| p["rank"].as_u64()).collect();
    assert_eq!(ranks, placed.positions.iter().map(|p| p.rank.map(u64::from)).collect::<Vec<_>>());
    assert!(ranks.iter().flatten().count() >= 10);
    let gaps = printed["profile"]["domains"].as_array().unwrap();
    assert_eq!(gaps.len(), report.domains.len());
    for (g, d) in gaps.iter().zip(&report.domains) {
        assert_eq!(g["id"], d.id.as_str());
        let expected_gap = f64::from(d.target.saturating_sub(d.level)) / 100.0;
        assert!((g["gap"].as_f64().unwrap() - expected_gap).abs() < 1e-9, "{}", d.id);
    }
    assert_eq!(printed["profile"]["name"], "Built-in targets");

    // Text, in German, names the profile and the percentile ranks.
    let mut text_args = args.to_vec();
    text_args.pop();
    text_args.extend(["--lang", "de"]);
    let text = cli(&text_args).stdout;
    assert!(text.contains("Zielprofil") && text.contains("Perzentil"), "{text}");
}

#[test]
fn score_refuses_a_bad_profile_by_name_with_its_message() {
    let dir = temp_dir("score-bad");
    write(&dir, "a.json", &results_text(1, &context_of(1)));
    let file = dir.join("a.json");
    let out = cli(&["score", file.to_str().unwrap(), "--profile", "tests/agency-bad-inputs/profile-03-level-5.json"]);
    assert_eq!(out.code, INVALID);
    assert_eq!(
        out.stderr,
        "tests/agency-bad-inputs/profile-03-level-5.json: \"domains.governance\" is 5; an expected level is a whole number from 1 to 4.\n"
    );
}

// ---- schemas -----------------------------------------------------------------------------------

#[test]
fn the_committed_schemas_are_the_ones_the_types_generate() {
    let profile = std::fs::read_to_string("docs/profile.schema.json").unwrap_or_default();
    assert_eq!(profile, cli(&["profile", "--schema"]).stdout, "docs/profile.schema.json is stale: run `make docs`");
    let benchmark = std::fs::read_to_string("docs/benchmark.schema.json").unwrap_or_default();
    assert_eq!(
        benchmark,
        cli(&["aggregate", "--schema"]).stdout,
        "docs/benchmark.schema.json is stale: run `make docs`"
    );
}

fn validator(schema: &str) -> jsonschema::Validator {
    jsonschema::validator_for(&json(schema)).expect("the schema is valid")
}

#[test]
fn written_profiles_and_benchmarks_conform_to_their_published_schemas() {
    let profiles = validator(&cli(&["profile", "--schema"]).stdout);
    let template = json(&cli(&["profile", "--template"]).stdout);
    let errors: Vec<String> = profiles.iter_errors(&template).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // The schema is strict like the reader: a misspelt field breaks it.
    let mut misspelt = template.clone();
    misspelt["targets"] = serde_json::json!({});
    assert!(!profiles.is_valid(&misspelt));
    let mut level_five = template;
    level_five["domains"]["governance"] = serde_json::json!(5);
    assert!(!profiles.is_valid(&level_five));

    let dir = temp_dir("schema");
    for i in 0..7u64 {
        write(&dir, &format!("{i}.json"), &results_text(i, &context_of(i)));
    }
    let (outcome, benchmark) = aggregate(&dir, &["--by", "use_case", "--min-group", "2"]);
    assert_eq!(outcome.code, OK);
    assert!(benchmark["groups"].as_array().unwrap().len() >= 2);
    let benchmarks = validator(&cli(&["aggregate", "--schema"]).stdout);
    let errors: Vec<String> = benchmarks.iter_errors(&benchmark).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let mut leaky = benchmark.clone();
    leaky["groups"][0]["hospital"] = serde_json::json!("St. Mary");
    assert!(!benchmarks.is_valid(&leaky));
}

#[test]
fn a_suppressed_group_falls_back_to_the_overall_figures_and_says_so() {
    let q = &catalog().questionnaire;
    let mut aggregator = Aggregator::new(q, Some(GroupBy::OrgSize));
    for i in 0..8u64 {
        let mut ctx = context_of(i);
        // Seven large organisations and one small one: the small group is left out.
        ctx.org_size = if i == 0 { OrgSize::Small } else { OrgSize::Large };
        let imported = import(catalog(), results_text(i, &ctx).as_bytes()).unwrap();
        aggregator.add(&cloudtriage::core::aggregate::submission(q, &imported));
    }
    let (benchmark, suppressed) = aggregator.finish("2026-12", 5);
    assert_eq!(suppressed, vec![GroupKey::By(GroupBy::OrgSize, "small")]);
    let small = Context { org_size: OrgSize::Small, ..context_of(0) };
    let report = score(q, &small, &Map::new());
    let placed = benchmark.place(q, &small, &report);
    assert_eq!(placed.placement, Placement::Overall { wanted: GroupKey::By(GroupBy::OrgSize, "small") });
    assert_eq!(placed.n, 8);
    let words =
        cloudtriage::core::benchmark::group_words(catalog().language("de"), &GroupKey::By(GroupBy::OrgSize, "small"));
    assert!(words.starts_with("Größe der Einrichtung: "), "{words}");

    // With nothing published at all, the widget has nothing to show and says that instead.
    let (empty, _) = aggregator.finish("2026-12", 50);
    let placed = empty.place(q, &small, &report);
    assert!(matches!(placed.placement, Placement::Missing { .. }));
    assert!(placed.positions.iter().all(|p| p.rank.is_none() && p.distribution.is_none()));
}
