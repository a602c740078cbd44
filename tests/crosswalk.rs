#![cfg(not(target_arch = "wasm32"))]
//! The crosswalk ("By framework"): which articles and controls the
//! questionnaire covers, the questions covering each, and an assessment's
//! maturity per item, through `cloudtriage crosswalk` and the core's view.

use std::collections::{BTreeMap, BTreeSet};

use cloudtriage::cli::{run, Outcome, INVALID, OK, USAGE};
use cloudtriage::core::crosswalk::{self, Framework};
use cloudtriage::core::Catalog;

const FIXTURE: &str = "tests/fixtures/reference-answers.json";

fn cli(args: &[&str]) -> Outcome {
    let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    run(&args, 1_795_879_756, &|path| std::fs::read(path))
}

fn json_of(args: &[&str]) -> serde_json::Value {
    let out = cli(args);
    assert_eq!(out.code, OK, "{args:?}: {}", out.stderr);
    serde_json::from_str(&out.stdout).expect("the output is JSON")
}

fn entries(value: &serde_json::Value) -> &Vec<serde_json::Value> {
    value["entries"].as_array().expect("entries is a list")
}

fn catalog() -> &'static Catalog {
    Catalog::embedded()
}

#[test]
fn nis2_lists_all_ten_points_of_article_21_2_and_article_23_each_with_a_question() {
    let out = json_of(&["crosswalk", "--framework", "nis2", "--json"]);
    assert_eq!(out["framework"], "nis2");
    let by_id: BTreeMap<&str, &serde_json::Value> =
        entries(&out).iter().map(|e| (e["id"].as_str().unwrap(), e)).collect();
    for point in 'a'..='j' {
        let id = format!("21(2)({point})");
        let entry = by_id.get(id.as_str()).unwrap_or_else(|| panic!("NIS2 Art. {id} is not covered"));
        assert!(!entry["questions"].as_array().unwrap().is_empty(), "{id} lists no question");
        assert!(!entry["title"].as_str().unwrap().is_empty(), "{id} has no title");
    }
    assert!(by_id.contains_key("23"), "Art. 23 reporting is covered");
    // Without a file there is nothing to measure.
    assert!(entries(&out).iter().all(|e| e.get("level").is_none() && e.get("gaps").is_none()));
}

#[test]
fn every_framework_lists_items_with_titles_and_existing_questions() {
    let q = &catalog().questionnaire;
    for framework in Framework::ALL {
        let out = json_of(&["crosswalk", "--framework", framework.as_str(), "--json"]);
        let list = entries(&out);
        assert!(!list.is_empty(), "{}: no item is covered", framework.as_str());
        assert!(!out["name"].as_str().unwrap().is_empty());
        let mut seen = BTreeSet::new();
        for e in list {
            let id = e["id"].as_str().unwrap();
            assert!(seen.insert(id.to_owned()), "{}: {id} is listed twice", framework.as_str());
            assert!(!e["title"].as_str().unwrap().trim().is_empty(), "{}: {id} has no title", framework.as_str());
            let questions = e["questions"].as_array().unwrap();
            assert!(!questions.is_empty());
            for question in questions {
                assert!(q.question(question.as_str().unwrap()).is_some(), "{question} does not exist");
            }
        }
    }
}

/// The item a reference counts for, by the rules of docs/METHODOLOGY.md, written out here on its own.
fn expected_item(framework: &str, reference: &str) -> Option<String> {
    let (prefix, locator) = reference.split_once(':')?;
    let article = |l: &str| l.split('(').next().unwrap().to_owned();
    match (framework, prefix) {
        ("nis2", "NIS2") => Some(if locator.starts_with("21(2)(") {
            locator[..8].to_owned()
        } else if let Some(rest) = locator.strip_prefix("21(") {
            format!("21({}", &rest[..rest.find(')').unwrap() + 1])
        } else {
            article(locator)
        }),
        ("gdpr", "GDPR") | ("dataact", "DATAACT") | ("aiact", "AIACT") => Some(match locator.strip_prefix("Annex") {
            Some(annex) => format!("Annex {}", annex.split(['-', '.']).next().unwrap()),
            None => article(locator),
        }),
        ("iso27001", "ISO27001") => Some(locator.to_owned()),
        ("mdr", "MDR") => Some(article(locator.trim_start_matches("AnnexI-"))),
        _ => None,
    }
}

#[test]
fn each_item_lists_exactly_the_questions_whose_references_cite_it() {
    for framework in Framework::ALL.map(Framework::as_str) {
        let mut expected: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (_, question) in catalog().questionnaire.questions() {
            let items: BTreeSet<String> =
                question.references.iter().filter_map(|r| expected_item(framework, &r.to_string())).collect();
            for item in items {
                expected.entry(item).or_default().push(question.id.clone());
            }
        }
        let out = json_of(&["crosswalk", "--framework", framework, "--json"]);
        let actual: BTreeMap<String, Vec<String>> = entries(&out)
            .iter()
            .map(|e| {
                let questions = e["questions"].as_array().unwrap().iter().map(|q| q.as_str().unwrap().to_owned());
                (e["id"].as_str().unwrap().to_owned(), questions.collect())
            })
            .collect();
        assert_eq!(actual, expected, "{framework}");
    }
}

#[test]
fn items_come_in_the_order_of_the_framework() {
    let out = json_of(&["crosswalk", "--framework", "iso27001", "--json"]);
    let ids: Vec<&str> = entries(&out).iter().map(|e| e["id"].as_str().unwrap()).collect();
    let key = |id: &str| -> Vec<u32> { id[2..].split('.').map(|n| n.parse().unwrap()).collect() };
    assert!(ids.windows(2).all(|w| key(w[0]) < key(w[1])), "{ids:?}");
    let out = json_of(&["crosswalk", "--framework", "gdpr", "--json"]);
    let articles: Vec<u32> = entries(&out).iter().map(|e| e["id"].as_str().unwrap().parse().unwrap()).collect();
    assert!(articles.windows(2).all(|w| w[0] < w[1]), "{articles:?}");
}

/// An item's level and target in hundredths, and its gaps.
type Expected = (Option<i64>, Option<i64>, Vec<String>);

/// Level and target of each item of the reference fixture, computed here from the raw file:
/// Σ weight × level / Σ weight over the covering questions that apply and are not "not applicable",
/// rounded half up to hundredths; "don't know" and unanswered count as 0.
fn independent_levels(framework: &str) -> BTreeMap<String, Expected> {
    let q = &catalog().questionnaire;
    let raw: serde_json::Value = serde_json::from_slice(&std::fs::read(FIXTURE).unwrap()).unwrap();
    let context = cloudtriage::core::results::import(catalog(), &std::fs::read(FIXTURE).unwrap()).unwrap().context;
    let out = json_of(&["crosswalk", "--framework", framework, "--json"]);
    let mut result = BTreeMap::new();
    for e in entries(&out) {
        let (mut sum, mut targets, mut weights) = (0i64, 0i64, 0i64);
        let mut gaps = Vec::new();
        for id in e["questions"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()) {
            let question = q.question(id).unwrap();
            if !question.applies_to(&context) {
                continue;
            }
            let value = &raw["answers"][id]["value"];
            if value == "na" && question.not_applicable {
                continue;
            }
            let level = value.as_i64().unwrap_or(0);
            let target = i64::from(q.target(question, &context));
            let weight = i64::from(question.weight);
            sum += weight * level;
            targets += weight * target;
            weights += weight;
            if level < target {
                gaps.push(id.to_owned());
            }
        }
        let mean = |s: i64| (weights > 0).then(|| (200 * s + weights) / (2 * weights));
        result.insert(e["id"].as_str().unwrap().to_owned(), (mean(sum), mean(targets), gaps));
    }
    result
}

fn hundredths(v: &serde_json::Value) -> Option<i64> {
    v.as_f64().map(|f| (f * 100.0).round() as i64)
}

#[test]
fn levels_targets_and_gaps_of_a_results_file_match_an_independent_calculation() {
    for framework in Framework::ALL.map(Framework::as_str) {
        let expected = independent_levels(framework);
        let out = json_of(&["crosswalk", "--framework", framework, FIXTURE, "--json"]);
        for e in entries(&out) {
            let id = e["id"].as_str().unwrap();
            let (level, target, gaps) = &expected[id];
            assert_eq!(hundredths(&e["level"]), *level, "{framework} {id}: level");
            assert_eq!(hundredths(&e["target"]), *target, "{framework} {id}: target");
            let actual: Vec<&str> = e["gaps"].as_array().unwrap().iter().map(|g| g.as_str().unwrap()).collect();
            assert_eq!(actual, *gaps, "{framework} {id}: gaps");
        }
    }
}

#[test]
fn a_worked_example_from_the_reference_fixture() {
    // NIS2 Art. 21(2)(g): TRN-01 at level 1 and TRN-02 at level 0, both of weight 3, targets 3.
    let q = &catalog().questionnaire;
    assert_eq!((q.question("TRN-01").unwrap().weight, q.question("TRN-02").unwrap().weight), (3, 3));
    let out = json_of(&["crosswalk", "--framework", "nis2", FIXTURE, "--json"]);
    let g = entries(&out).iter().find(|e| e["id"] == "21(2)(g)").unwrap();
    assert_eq!(g["questions"], serde_json::json!(["TRN-01", "TRN-02"]));
    assert_eq!(g["level"], serde_json::json!(0.5));
    assert_eq!(g["target"], serde_json::json!(3.0));
    assert_eq!(g["gaps"], serde_json::json!(["TRN-01", "TRN-02"]));
    assert_eq!(
        g["standings"][0],
        serde_json::json!({"question": "TRN-01", "state": "level", "level": 1, "target": 3, "gap": true})
    );
}

#[test]
fn questions_not_asked_in_the_context_are_shown_but_not_counted() {
    // The fixture has no remote care: RMC questions are not asked.
    let out = json_of(&["crosswalk", "--framework", "nis2", FIXTURE, "--json"]);
    let j = entries(&out).iter().find(|e| e["id"] == "21(2)(j)").unwrap();
    let rmc: Vec<&serde_json::Value> = j["standings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["question"].as_str().unwrap().starts_with("RMC"))
        .collect();
    assert!(!rmc.is_empty());
    for s in rmc {
        assert_eq!(s["state"], "not_asked");
        assert_eq!(s["gap"], false);
    }
}

#[test]
fn the_markdown_table_has_the_framework_words_and_every_item() {
    let out = cli(&["crosswalk", "--framework", "gdpr", FIXTURE, "--lang", "de"]);
    assert_eq!(out.code, OK, "{}", out.stderr);
    assert!(out.stdout.starts_with("# Datenschutz-Grundverordnung"), "{}", &out.stdout[..80]);
    assert!(out.stdout.contains("| Artikel | Titel | Fragen | Stufe (0–4) | Zielstufe | Lücken |"));
    assert!(out.stdout.contains("| 28 | Auftragsverarbeiter |"));
    let rows = out
        .stdout
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| Artikel") && !l.starts_with("| ---"))
        .count();
    assert_eq!(rows, entries(&json_of(&["crosswalk", "--framework", "gdpr", "--json"])).len());
    // German decimals.
    assert!(out.stdout.contains(",00 |") || out.stdout.contains(",50 |"));
    // An annex is named in the language; its id stays the same.
    let ai = cli(&["crosswalk", "--framework", "aiact", "--lang", "de"]);
    assert!(ai.stdout.contains("\n| Anhang III | Hochrisiko-KI-Systeme"), "{}", ai.stdout);
    let ai = json_of(&["crosswalk", "--framework", "aiact", "--lang", "fr", "--json"]);
    let annex = entries(&ai).iter().find(|e| e["id"] == "Annex III").expect("AI Act Annex III is covered");
    assert_eq!(annex["label"], "Annexe III");
    let plain = cli(&["crosswalk", "--framework", "mdr"]);
    assert!(
        plain.stdout.contains("| Section | Title | Questions |\n| --- | --- | --- |\n| 17.2 |"),
        "{}",
        plain.stdout
    );
}

#[test]
fn the_file_language_is_used_unless_another_is_asked_for() {
    let dir =
        std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cloudtriage-crosswalk-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let text = std::fs::read_to_string(FIXTURE).unwrap().replace("\"language\": \"en\"", "\"language\": \"fr\"");
    let path = dir.join("fr.json");
    std::fs::write(&path, text).unwrap();
    let path = path.to_str().unwrap();
    let fr = json_of(&["crosswalk", "--framework", "gdpr", path, "--json"]);
    assert_eq!(fr["language"], "fr");
    assert_eq!(entries(&fr).iter().find(|e| e["id"] == "28").unwrap()["title"], "Sous-traitant");
    let en = json_of(&["crosswalk", "--framework", "gdpr", path, "--json", "--lang", "en"]);
    assert_eq!(entries(&en).iter().find(|e| e["id"] == "28").unwrap()["title"], "Processor");
}

#[test]
fn wrong_command_lines_exit_2_and_bad_files_exit_1() {
    for args in [
        &["crosswalk"][..],
        &["crosswalk", "--framework", "hipaa"],
        &["crosswalk", "--framework"],
        &["crosswalk", "--framework", "nis2", "a.json", "b.json"],
        &["crosswalk", "--framework", "nis2", "--lang", "xx"],
        &["crosswalk", "--framework", "nis2", "--verbose"],
    ] {
        let out = cli(args);
        assert_eq!(out.code, USAGE, "{args:?}");
        assert!(out.stderr.starts_with("cloudtriage: "), "{args:?}: {}", out.stderr);
        assert!(out.stdout.is_empty());
    }
    assert!(cli(&["crosswalk", "--framework", "hipaa"]).stderr.contains("nis2, gdpr, iso27001, mdr, dataact, aiact"));
    let missing = cli(&["crosswalk", "--framework", "nis2", "tests/fixtures/no-such-file.json"]);
    assert_eq!(missing.code, INVALID);
    assert!(missing.stderr.contains("cannot be read"));
    let bad = cli(&["crosswalk", "--framework", "nis2", "tests/bad-inputs/01-empty.json"]);
    assert_eq!(bad.code, INVALID, "{}", bad.stderr);
    assert!(bad.stdout.is_empty());
}

#[test]
fn every_item_has_a_title_in_every_language_and_no_title_is_left_over() {
    let q = &catalog().questionnaire;
    for code in catalog().codes() {
        let lang = catalog().language_as_written(code).unwrap();
        let english = catalog().language_as_written("en").unwrap();
        for framework in Framework::ALL {
            let id = framework.as_str();
            let words = lang.framework(id).unwrap_or_else(|| panic!("{code}: frameworks.toml has no [{id}]"));
            assert!(!words.name.trim().is_empty() && !words.item.trim().is_empty(), "{code}: {id} name or item");
            let items: BTreeSet<String> = crosswalk::entries(q, framework).into_iter().map(|e| e.item).collect();
            let missing: Vec<_> =
                items.iter().filter(|i| words.items.get(*i).is_none_or(|t| t.trim().is_empty())).collect();
            assert!(missing.is_empty(), "{code}: [{id}.items] lacks titles for {missing:?}");
            let stale: Vec<_> = words.items.keys().filter(|i| !items.contains(*i)).collect();
            assert!(stale.is_empty(), "{code}: [{id}.items] has titles for items no question cites: {stale:?}");
            if code != "en" {
                let english = english.framework(id).unwrap();
                assert_ne!(words.name, english.name, "{code}: {id} name is still in English");
                let same: Vec<_> = words.items.iter().filter(|(i, t)| english.items.get(*i) == Some(t)).collect();
                assert!(same.is_empty(), "{code}: {id} titles still in English: {same:?}");
            }
        }
    }
}

#[test]
fn the_binary_prints_the_crosswalk() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_cloudtriage"))
        .args(["crosswalk", "--framework", "iso27001", FIXTURE, "--json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(OK));
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(entries(&value).iter().any(|e| e["id"] == "A.5.23"));
}

#[test]
fn the_command_has_its_own_help_and_completes_the_frameworks() {
    let help = cli(&["crosswalk", "--help"]);
    assert_eq!(help.code, OK);
    for mention in ["--framework", "[FILE]", "--json", "--lang"] {
        assert!(help.stdout.contains(mention), "crosswalk --help lacks {mention}: {}", help.stdout);
    }
    let bash = cli(&["completions", "bash"]);
    assert!(bash.stdout.contains("crosswalk") && bash.stdout.contains("iso27001"), "bash completion");
}

#[test]
fn the_view_model_carries_every_word_and_number_the_tab_shows() {
    let q = &catalog().questionnaire;
    let imported = cloudtriage::core::results::import(catalog(), &std::fs::read(FIXTURE).unwrap()).unwrap();
    let report = cloudtriage::core::score::score(q, &imported.context, &imported.answers.values);
    let assessed =
        crosswalk::Assessed { context: &imported.context, answers: &imported.answers.values, report: &report };
    let de = crosswalk::view(q, catalog().language("de"), Framework::Nis2, Some(assessed));
    assert!(de.assessed);
    assert_eq!(de.item_heading, "Artikel");
    assert!(de.caption.starts_with("NIS-2-Richtlinie"), "{}", de.caption);
    let g = de.rows.iter().find(|r| r.id == "21(2)(g)").unwrap();
    assert_eq!((g.level.as_str(), g.target.as_str(), g.gaps.as_str()), ("0,50", "3,00", "TRN-01, TRN-02"));
    assert_eq!(g.questions[0].status, "Stufe 1, Ziel 3");
    assert!(g.questions.iter().all(|c| c.asked && c.gap && !c.prompt.is_empty()));
    // Not asked in this context: shown as text with its reason, never a gap.
    let j = de.rows.iter().find(|r| r.id == "21(2)(j)").unwrap();
    let rmc = j.questions.iter().find(|c| c.id == "RMC-01").unwrap();
    assert!(!rmc.asked && !rmc.gap);
    assert_eq!(rmc.status, "in diesem Kontext nicht gefragt");
    // An item whose questions all meet their target has no gaps, in words.
    let en = crosswalk::view(q, catalog().language("en"), Framework::Mdr, Some(assessed));
    let met = en.rows.iter().find(|r| r.id == "18.8").unwrap();
    assert_eq!((met.level.as_str(), met.gaps.as_str()), ("4.00", "none"));
    // Without an assessment: the items and questions only.
    let plain = crosswalk::view(q, catalog().language("en"), Framework::Nis2, None);
    assert!(!plain.assessed);
    assert!(plain.rows.iter().all(|r| r.maturity.is_none() && r.level.is_empty() && r.gaps.is_empty()));
    assert!(plain.rows.iter().flat_map(|r| &r.questions).all(|c| c.asked && c.status.is_empty() && !c.gap));
}
