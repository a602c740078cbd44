#![cfg(not(target_arch = "wasm32"))]
//! `cloudtriage merge`, `template --respondent --domains` and the team part of
//! `score`, run in-process on files written to a temporary folder.

use cloudtriage::cli::{run, Outcome, INVALID, OK, USAGE};

const NOW: i64 = 1_795_879_756;

fn cli(args: &[&str]) -> Outcome {
    let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    run(&args, NOW, &|path| std::fs::read(path))
}

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).expect("the output is JSON")
}

fn folder(name: &str) -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("cloudtriage-merge-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A respondent's file from `template`, with some answers filled in.
fn respondent(dir: &std::path::Path, label: &str, answers: &[(&str, u8, Option<&str>)]) -> String {
    let out = cli(&["template", "--use-case", "ehr", "--respondent", label, "--domains", "governance,risk"]);
    assert_eq!(out.code, OK, "{}", out.stderr);
    let mut file = json(&out.stdout);
    for (id, value, note) in answers {
        let mut entry = serde_json::json!({ "value": value, "respondent": label });
        if let Some(n) = note {
            entry["note"] = serde_json::json!(n);
        }
        file["answers"][*id] = entry;
    }
    let path = dir.join(format!("{label}.json"));
    std::fs::write(&path, serde_json::to_string_pretty(&file).unwrap()).unwrap();
    path.display().to_string()
}

#[test]
fn a_respondent_template_names_the_respondent_and_their_domains() {
    let out = cli(&["template", "--use-case", "ehr", "--respondent", "DPO", "--domains", "risk,governance"]);
    assert_eq!(out.code, OK);
    let file = json(&out.stdout);
    assert_eq!(file["respondent"], "DPO");
    assert_eq!(file["respondents"], serde_json::json!([{ "label": "DPO", "domains": ["governance", "risk"] }]));
    let bad = cli(&["template", "--domains", "governance,astrology"]);
    assert_eq!(bad.code, USAGE);
    assert!(bad.stderr.contains("astrology") && bad.stderr.contains("governance"), "{}", bad.stderr);
}

#[test]
fn merge_json_lists_each_conflict_with_every_answer_and_writes_a_valid_file() {
    let dir = folder("json");
    let a = respondent(&dir, "CISO", &[("GOV-01", 1, Some("Only the EHR contract")), ("GOV-02", 3, None)]);
    let b = respondent(&dir, "DPO", &[("GOV-01", 3, Some("All contracts")), ("GOV-02", 3, None), ("RSK-01", 2, None)]);
    let out_path = dir.join("merged.json").display().to_string();
    let out = cli(&["merge", &a, &b, "--out", &out_path, "--json"]);
    assert_eq!(out.code, OK, "{}", out.stderr);
    let summary = json(&out.stdout);
    assert_eq!(
        summary["conflicts"],
        serde_json::json!([{
            "question": "GOV-01",
            "answers": [
                { "respondent": "CISO", "value": 1, "note": "Only the EHR contract" },
                { "respondent": "DPO", "value": 3, "note": "All contracts" }
            ],
            "open": true
        }])
    );
    assert_eq!(summary["open_conflicts"], 1);
    assert_eq!(summary["agreed"], 1);
    assert_eq!(summary["answered"], 3);
    assert_eq!(summary["respondents"], serde_json::json!(["CISO", "DPO"]));

    let validated = cli(&["validate", &out_path]);
    assert_eq!(validated.code, OK, "{}", validated.stderr);
    let scored = json(&cli(&["score", &out_path, "--json"]).stdout);
    assert_eq!(scored["team"]["open_conflicts"], 1);
    assert_eq!(scored["team"]["conflicts"][0]["question"], "GOV-01");
    assert_eq!(scored["team"]["agreements"][0]["lowest"], 1);
    assert_eq!(scored["team"]["agreements"][0]["highest"], 3);
    assert_eq!(scored["team"]["without_evidence"], serde_json::json!(["GOV-02"]));
    // The open disagreement counts at level 1 in the action plan's standing.
    let gov01 = scored["actions"].as_array().unwrap().iter().find(|a| a["question"] == "GOV-01").unwrap();
    assert_eq!(gov01["level"], 1);

    let text = cli(&["score", &out_path]).stdout;
    assert!(text.contains("Open disagreements: 1"), "{text}");
    assert!(text.contains("Agree on the state of GOV-01"), "{text}");
    assert!(text.contains("Claimed without evidence") && text.contains("GOV-02"), "{text}");
}

#[test]
fn merge_prints_a_summary_and_without_out_writes_the_file_to_standard_output() {
    let dir = folder("text");
    let a = respondent(&dir, "CISO", &[("GOV-01", 2, None)]);
    let b = respondent(&dir, "DPO", &[("GOV-01", 2, None)]);
    let out_path = dir.join("m.json").display().to_string();
    let summary = cli(&["merge", &a, &b, "--out", &out_path, "--lang", "de"]);
    assert_eq!(summary.code, OK);
    assert!(summary.stdout.starts_with("2 Dateien von 2 befragten Rollen zusammengeführt"), "{}", summary.stdout);
    let to_stdout = cli(&["merge", &a, &b]);
    assert_eq!(to_stdout.code, OK);
    assert_eq!(json(&to_stdout.stdout)["answers"]["GOV-01"]["value"], 2);
    assert_eq!(json(&to_stdout.stdout), json(&std::fs::read_to_string(&out_path).unwrap()));
    assert!(to_stdout.stderr.contains("Merged 2 files"));
}

#[test]
fn merge_refuses_unlabelled_files_until_labelled_and_names_the_file() {
    let v1 = "tests/fixtures/reference-answers.json";
    let refused = cli(&["merge", v1]);
    assert_eq!(refused.code, INVALID);
    assert!(refused.stderr.contains(v1) && refused.stderr.contains("role label"), "{}", refused.stderr);
    assert!(refused.stdout.is_empty());
    let label = format!("{v1}=Coordinator");
    let ok = cli(&["merge", v1, "--label", &label, "--json"]);
    assert_eq!(ok.code, OK, "{}", ok.stderr);
    assert_eq!(json(&ok.stdout)["respondents"], serde_json::json!(["Coordinator"]));
    let wrong = cli(&["merge", v1, "--label", "other.json=X"]);
    assert_eq!(wrong.code, USAGE);
    let unreadable = cli(&["merge", "tests/bad-inputs/17-level-5.json"]);
    assert_eq!(unreadable.code, INVALID);
    assert!(unreadable.stderr.starts_with("tests/bad-inputs/17-level-5.json: "), "{}", unreadable.stderr);
}

#[test]
fn score_shows_the_evidence_register_with_the_file_hash() {
    let path = "tests/bad-inputs/49-team-file-with-open-conflict.json";
    let text = cli(&["score", path]).stdout;
    let hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    let line = text.lines().find(|l| l.contains("DMS-4711")).unwrap_or_else(|| panic!("{text}"));
    assert!(line.trim_start().starts_with("GOV-02: ") && line.contains(hash), "{line}");
    let scored = json(&cli(&["score", path, "--json"]).stdout);
    assert_eq!(scored["team"]["evidence"][0]["question"], "GOV-02");
    assert_eq!(scored["team"]["evidence"][0]["evidence"][0]["file"]["sha256"], hash);
    assert_eq!(scored["team"]["open_conflicts"], 1);
}
