#![cfg(not(target_arch = "wasm32"))]
//! Results format version 2: team fields, evidence and disagreements survive a
//! round trip, an open disagreement is scored by its lowest answer, and every
//! version 1 file still opens with nothing lost.

use cloudtriage::core::answer::{AnswerValue, Level};
use cloudtriage::core::results::{
    import, Conflict, ConflictAnswer, ImportError, ImportWarning, Resolution, ResultsFile, FORMAT_VERSION,
};
use cloudtriage::core::Catalog;

fn lvl(n: u8) -> AnswerValue {
    AnswerValue::Level(Level::new(n).unwrap())
}

fn team_file() -> &'static [u8] {
    include_bytes!("bad-inputs/49-team-file-with-open-conflict.json")
}

fn conflict(values: &[AnswerValue]) -> Conflict {
    let answers = values
        .iter()
        .enumerate()
        .map(|(i, v)| ConflictAnswer { respondent: format!("R{i}"), value: *v, note: None })
        .collect();
    Conflict { answers, resolution: None }
}

#[test]
fn this_program_writes_format_version_2() {
    assert_eq!(FORMAT_VERSION, 2);
    let catalog = Catalog::embedded();
    let imported = import(catalog, team_file()).unwrap();
    let file = ResultsFile::new(catalog, "en", imported.created.clone(), &imported.context, &imported.answers);
    let json: serde_json::Value = serde_json::from_str(&file.to_json()).unwrap();
    assert_eq!(json["format_version"], 2);
}

#[test]
fn an_open_disagreement_is_scored_by_its_lowest_answer_not_by_the_value_the_file_states() {
    let imported = import(Catalog::embedded(), team_file()).unwrap();
    // The file says 3; CISO answered 2 and DPO 3.
    assert_eq!(imported.answers.values["GOV-01"], lvl(2));
    let c = &imported.answers.conflicts["GOV-01"];
    assert!(c.is_open());
    assert_eq!(c.answers.len(), 2);
    assert_eq!(c.answers[0].note.as_deref(), Some("Only the EHR contract."));
}

#[test]
fn the_scoring_rule_of_an_open_disagreement_gives_the_least_assurance() {
    assert_eq!(conflict(&[lvl(3), lvl(1), lvl(4)]).scored_value(), lvl(1));
    assert_eq!(conflict(&[lvl(3), AnswerValue::Unknown]).scored_value(), AnswerValue::Unknown);
    assert_eq!(conflict(&[AnswerValue::NotApplicable, lvl(2)]).scored_value(), lvl(2));
    assert_eq!(
        conflict(&[AnswerValue::NotApplicable, AnswerValue::NotApplicable]).scored_value(),
        AnswerValue::NotApplicable
    );
}

#[test]
fn team_fields_evidence_and_disagreements_survive_a_round_trip() {
    let catalog = Catalog::embedded();
    let first = import(catalog, team_file()).unwrap();
    assert_eq!(first.team.respondent.as_deref(), Some("Coordinator"));
    assert_eq!(first.team.respondents.len(), 2);
    assert_eq!(first.answers.respondents["GOV-02"], "CISO");
    let evidence = &first.answers.evidence["GOV-02"][0];
    assert_eq!(evidence.location.as_deref(), Some("DMS-4711"));
    assert_eq!(evidence.review_by.as_deref(), Some("2027-03-31"));
    assert_eq!(
        evidence.file.as_ref().unwrap().sha256,
        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
    );

    let written = ResultsFile::new(catalog, "en", first.created.clone(), &first.context, &first.answers)
        .with_team(&first.team)
        .to_json();
    let second = import(catalog, written.as_bytes()).unwrap();
    assert_eq!(second.answers, first.answers);
    assert_eq!(second.team, first.team);
    assert!(second.warnings.is_empty(), "{:?}", second.warnings);
}

#[test]
fn a_resolved_disagreement_stands_at_the_chosen_answer() {
    let catalog = Catalog::embedded();
    let mut answers = import(catalog, team_file()).unwrap();
    let c = answers.answers.conflicts.get_mut("GOV-01").unwrap();
    c.resolution = Some(Resolution { by: "Coordinator".into(), chosen: Some("DPO".into()), value: lvl(3) });
    answers.answers.values.insert("GOV-01".into(), lvl(3));
    let written =
        ResultsFile::new(catalog, "en", answers.created.clone(), &answers.context, &answers.answers).to_json();
    let again = import(catalog, written.as_bytes()).unwrap();
    assert_eq!(again.answers.values["GOV-01"], lvl(3));
    assert!(!again.answers.conflicts["GOV-01"].is_open());

    // A value that contradicts the resolution is refused, not silently corrected.
    let tampered = written.replacen("\"value\": 3,\n      \"conflict\"", "\"value\": 1,\n      \"conflict\"", 1);
    assert_ne!(tampered, written, "the test must change the stored value");
    assert!(matches!(import(catalog, tampered.as_bytes()), Err(ImportError::ResolutionMismatch { .. })));
}

#[test]
fn every_version_1_fixture_opens_with_nothing_lost_and_says_so_once() {
    let catalog = Catalog::embedded();
    let bytes = include_bytes!("fixtures/reference-answers.json");
    let v1: serde_json::Value = serde_json::from_slice(bytes).unwrap();
    assert_eq!(v1["format_version"], 1, "the fixture is a version 1 file");
    let imported = import(catalog, bytes).unwrap();
    assert_eq!(imported.format_version, 1);
    let older: Vec<_> = imported.warnings.iter().filter(|w| matches!(w, ImportWarning::OlderFormat { .. })).collect();
    assert_eq!(older, [&ImportWarning::OlderFormat { found: 1 }]);
    // Every answer and note of the version 1 file is there.
    let given = v1["answers"].as_object().unwrap();
    for (id, entry) in given {
        if let Some(level) = entry["value"].as_u64() {
            assert_eq!(imported.answers.values[id], lvl(level as u8), "{id}");
        }
        if let Some(note) = entry.get("note").and_then(|n| n.as_str()) {
            assert_eq!(imported.answers.notes[id], note, "{id}");
        }
    }
    // Written again it is version 2, and reading that says nothing about formats.
    let again = ResultsFile::new(catalog, "en", imported.created.clone(), &imported.context, &imported.answers);
    let reread = import(catalog, again.to_json().as_bytes()).unwrap();
    assert_eq!(reread.answers, imported.answers);
    assert!(!reread.warnings.iter().any(|w| matches!(w, ImportWarning::OlderFormat { .. })));
}
