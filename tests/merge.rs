#![cfg(not(target_arch = "wasm32"))]
//! Merging team results files (src/core/merge.rs): the rules of
//! docs/METHODOLOGY.md one by one, then order-independence, idempotence and
//! associativity as property tests over generated files, and every file of
//! tests/ that imports.

use std::collections::BTreeSet;

use cloudtriage::core::answer::{AnswerValue, Level};
use cloudtriage::core::assessment::{Assessment, Event, Page, Problem};
use cloudtriage::core::context::{Context, OrgSize, ServiceModel, Stage, UseCase};
use cloudtriage::core::merge::{file_of, merge, records, MergeError, MergeInput};
use cloudtriage::core::results::{import, Answers, Evidence, Imported, ResultsFile, Team};
use cloudtriage::core::team::{respondent_team, score_assessment};
use cloudtriage::core::Catalog;
use proptest::prelude::*;

fn lvl(n: u8) -> AnswerValue {
    AnswerValue::Level(Level::new(n).unwrap())
}

fn catalog() -> &'static Catalog {
    Catalog::embedded()
}

fn ctx(use_cases: &[UseCase]) -> Context {
    let mut c = Context::default();
    for u in use_cases {
        c.set_use_case(*u, true);
    }
    c
}

/// A respondent's file as the widget writes it: made through the assessment's
/// events (so answers carry the label), written and read back as a real file.
fn respondent_file(label: &str, context: &Context, answers: &[(&str, AnswerValue, Option<&str>)]) -> Imported {
    let q = &catalog().questionnaire;
    let mut a = Assessment::new("en");
    a.context = context.clone();
    a.apply(q, Event::SetRespondent(label.into()));
    for (id, value, note) in answers {
        a.apply(q, Event::Answer { question: (*id).into(), value: Some(*value) });
        if let Some(n) = note {
            a.apply(q, Event::Note { question: (*id).into(), text: (*n).into() });
        }
    }
    reread(&a.context, &a.answers, &a.team)
}

fn reread(context: &Context, answers: &Answers, team: &Team) -> Imported {
    let text =
        ResultsFile::new(catalog(), "en", "2026-12-01T08:00:00Z".into(), context, answers).with_team(team).to_json();
    import(catalog(), text.as_bytes()).expect("a written file reads back")
}

fn inputs(files: &[&Imported]) -> Vec<MergeInput> {
    files.iter().enumerate().map(|(i, f)| MergeInput::new(&format!("file-{i}.json"), (*f).clone())).collect()
}

fn merged(files: &[&Imported]) -> Imported {
    merge(catalog(), &inputs(files)).expect("the files merge")
}

/// A merge outcome as the file it writes, or the error: what the properties compare.
fn written(files: &[&Imported]) -> Result<String, MergeError> {
    merge(catalog(), &inputs(files)).map(|m| file_of(catalog(), &m).to_json())
}

fn text(imported: &Imported) -> String {
    file_of(catalog(), imported).to_json()
}

#[test]
fn answers_to_different_questions_combine() {
    let c = ctx(&[UseCase::Ehr]);
    let a = respondent_file("CISO", &c, &[("IAM-01", lvl(3), None)]);
    let b = respondent_file("DPO", &c, &[("GOV-01", lvl(2), Some("Board minutes"))]);
    let m = merged(&[&a, &b]);
    assert_eq!(m.answers.values["IAM-01"], lvl(3));
    assert_eq!(m.answers.values["GOV-01"], lvl(2));
    assert_eq!(m.answers.respondents["IAM-01"], "CISO");
    assert_eq!(m.answers.respondents["GOV-01"], "DPO");
    assert_eq!(m.answers.notes["GOV-01"], "Board minutes");
    assert!(m.answers.conflicts.is_empty());
    let labels: Vec<&str> = m.team.respondents.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(labels, ["CISO", "DPO"]);
    assert_eq!(m.team.respondent, None, "a merged file belongs to no single respondent");
}

#[test]
fn the_same_answer_from_several_is_no_conflict_and_keeps_every_note() {
    let c = ctx(&[UseCase::Ehr]);
    let a = respondent_file("CISO", &c, &[("GOV-01", lvl(3), Some("Policy v2"))]);
    let b = respondent_file("DPO", &c, &[("GOV-01", lvl(3), Some("Signed in May"))]);
    let m = merged(&[&a, &b]);
    assert!(m.answers.conflicts.is_empty());
    assert_eq!(m.answers.values["GOV-01"], lvl(3));
    let r = records(&m.answers, "GOV-01");
    let said: Vec<(&str, Option<AnswerValue>, Option<&str>)> =
        r.iter().map(|r| (r.respondent.as_str(), r.value, r.note.as_deref())).collect();
    assert_eq!(said, [("CISO", Some(lvl(3)), Some("Policy v2")), ("DPO", Some(lvl(3)), Some("Signed in May"))]);
    // And it survives the file.
    let again = import(catalog(), text(&m).as_bytes()).unwrap();
    assert_eq!(records(&again.answers, "GOV-01"), r);
}

#[test]
fn different_answers_are_a_conflict_keeping_every_answer_respondent_and_note() {
    let c = ctx(&[UseCase::Ehr]);
    let a = respondent_file("CISO", &c, &[("GOV-01", lvl(1), Some("Only the EHR contract"))]);
    let b = respondent_file("DPO", &c, &[("GOV-01", lvl(3), Some("All contracts"))]);
    let m = merged(&[&a, &b]);
    let conflict = &m.answers.conflicts["GOV-01"];
    assert!(conflict.is_open());
    let said: Vec<(&str, AnswerValue, Option<&str>)> =
        conflict.answers.iter().map(|a| (a.respondent.as_str(), a.value, a.note.as_deref())).collect();
    assert_eq!(said, [("CISO", lvl(1), Some("Only the EHR contract")), ("DPO", lvl(3), Some("All contracts"))]);
    // Scored by the least assurance until settled.
    assert_eq!(m.answers.values["GOV-01"], lvl(1));
    let report = score_assessment(&catalog().questionnaire, &m.context, &m.answers);
    assert_eq!(report.open_conflicts, ["GOV-01"]);
    assert_eq!(report.agreements.len(), 1, "a disagreement of two levels is a finding");
    assert_eq!((report.agreements[0].lowest, report.agreements[0].highest), (1, 3));
    assert_eq!(report.agreements[0].respondents, ["CISO", "DPO"]);
}

#[test]
fn a_disagreement_of_one_level_is_open_but_not_a_finding_of_its_own() {
    let c = ctx(&[UseCase::Ehr]);
    let a = respondent_file("CISO", &c, &[("GOV-01", lvl(2), None)]);
    let b = respondent_file("DPO", &c, &[("GOV-01", lvl(3), None)]);
    let report = score_assessment(&catalog().questionnaire, &c, &merged(&[&a, &b]).answers);
    assert_eq!(report.open_conflicts.len(), 1);
    assert!(report.agreements.is_empty());
}

#[test]
fn a_note_without_an_answer_is_kept_with_its_respondent() {
    let c = ctx(&[UseCase::Ehr]);
    let q = &catalog().questionnaire;
    let mut a = Assessment::new("en");
    a.context = c.clone();
    a.apply(q, Event::SetRespondent("Procurement".into()));
    a.apply(q, Event::Note { question: "GOV-01".into(), text: "Ask legal".into() });
    let a = reread(&a.context, &a.answers, &a.team);
    let b = respondent_file("CISO", &c, &[("GOV-01", lvl(1), None)]);
    let d = respondent_file("DPO", &c, &[("GOV-01", lvl(3), None)]);
    let m = merged(&[&a, &b, &d]);
    let r = records(&m.answers, "GOV-01");
    assert!(r
        .iter()
        .any(|r| r.respondent == "Procurement" && r.note.as_deref() == Some("Ask legal") && r.value.is_none()));
    assert_eq!(m.answers.conflicts["GOV-01"].answers.len(), 2);
    let again = import(catalog(), text(&m).as_bytes()).unwrap();
    assert_eq!(records(&again.answers, "GOV-01"), r);
}

#[test]
fn differing_contexts_are_shown_and_the_merged_file_carries_the_widest() {
    let mut c1 = ctx(&[UseCase::Ehr]);
    c1.service_model = ServiceModel::Saas;
    c1.stage = Stage::Planning;
    let mut c2 = ctx(&[UseCase::MedicalDevices]);
    c2.service_model = ServiceModel::Iaas;
    c2.stage = Stage::Operating;
    c2.org_size = OrgSize::Large;
    let a = respondent_file("CISO", &c1, &[("GOV-01", lvl(2), None)]);
    let b = respondent_file("DPO", &c2, &[("GOV-02", lvl(2), None)]);
    let m = merged(&[&a, &b]);
    let claims: Vec<(&str, &Context)> =
        m.team.context_conflicts.iter().map(|c| (c.respondent.as_str(), &c.context)).collect();
    assert_eq!(claims, [("CISO", &c1), ("DPO", &c2)]);
    assert_eq!(m.context.use_cases, [UseCase::Ehr, UseCase::MedicalDevices]);
    assert_eq!(m.context.service_model, ServiceModel::Undecided);
    assert_eq!(m.context.stage, Stage::Operating);
    assert_eq!(m.context.org_size, OrgSize::Large);
    // The same context everywhere is no difference.
    let d = respondent_file("DPO", &c1, &[("GOV-02", lvl(2), None)]);
    assert!(merged(&[&a, &d]).team.context_conflicts.is_empty());
    // Setting the context settles it.
    let mut settled = Assessment::new("en");
    settled.apply(&catalog().questionnaire, Event::Restore(Box::new(m)));
    settled.apply(&catalog().questionnaire, Event::KeepContext);
    assert!(settled.team.context_conflicts.is_empty());
}

/// A merged CISO/DPO file with the disagreement on GOV-01 settled by the coordinator.
fn settled() -> (Imported, Imported, Imported) {
    let c = ctx(&[UseCase::Ehr]);
    let a = respondent_file("CISO", &c, &[("GOV-01", lvl(1), None)]);
    let b = respondent_file("DPO", &c, &[("GOV-01", lvl(3), None)]);
    let q = &catalog().questionnaire;
    let mut coordinator = Assessment::new("en");
    coordinator.apply(q, Event::Restore(Box::new(merged(&[&a, &b]))));
    coordinator.apply(
        q,
        Event::Resolve {
            question: "GOV-01".into(),
            by: "Coordinator".into(),
            chosen: Some("DPO".into()),
            value: lvl(3),
        },
    );
    (reread(&coordinator.context, &coordinator.answers, &coordinator.team), a, b)
}

#[test]
fn a_settlement_survives_a_re_merge_when_the_answers_are_unchanged() {
    let (resolved, a, b) = settled();
    let res = resolved.answers.conflicts["GOV-01"].resolution.clone().unwrap();
    assert_eq!((res.by.as_str(), res.chosen.as_deref(), res.value), ("Coordinator", Some("DPO"), lvl(3)));
    assert_eq!(resolved.answers.values["GOV-01"], lvl(3));
    let again = merged(&[&resolved, &a, &b]);
    assert_eq!(again.answers.conflicts["GOV-01"].resolution, Some(res));
    assert_eq!(again.answers.values["GOV-01"], lvl(3));
    let report = score_assessment(&catalog().questionnaire, &again.context, &again.answers);
    assert!(report.open_conflicts.is_empty());
    assert_eq!(report.resolved_conflicts, 1);
}

#[test]
fn a_settlement_is_reopened_when_someone_else_joins_the_disagreement() {
    let (resolved, _, _) = settled();
    let c = ctx(&[UseCase::Ehr]);
    let third = respondent_file("Procurement", &c, &[("GOV-01", lvl(0), None)]);
    let m = merged(&[&resolved, &third]);
    let conflict = &m.answers.conflicts["GOV-01"];
    assert!(conflict.is_open());
    assert_eq!(conflict.answers.len(), 3);
    assert_eq!(m.answers.values["GOV-01"], lvl(0));
}

#[test]
fn the_same_respondent_answering_differently_in_two_files_is_refused() {
    let c = ctx(&[UseCase::Ehr]);
    let a = respondent_file("CISO", &c, &[("GOV-01", lvl(1), None)]);
    let b = respondent_file("CISO", &c, &[("GOV-01", lvl(2), None)]);
    let e = merge(catalog(), &inputs(&[&a, &b])).unwrap_err();
    assert_eq!(e, MergeError::SameRespondentDiffers { respondent: "CISO".into(), question: "GOV-01".into() });
    for code in ["en", "de", "fr"] {
        let message = e.message(catalog().language(code));
        assert!(message.contains("CISO") && message.contains("GOV-01"), "{code}: {message}");
    }
}

#[test]
fn evidence_from_every_file_is_kept_once() {
    let c = ctx(&[UseCase::Ehr]);
    let q = &catalog().questionnaire;
    let policy =
        Evidence { title: "Policy".into(), location: Some("DMS-1".into()), owner: None, review_by: None, file: None };
    let minutes =
        Evidence { title: "Minutes".into(), location: None, owner: Some("DPO".into()), review_by: None, file: None };
    let mut files = Vec::new();
    for (label, list) in [("CISO", vec![policy.clone()]), ("DPO", vec![policy.clone(), minutes.clone()])] {
        let mut a = Assessment::new("en");
        a.context = c.clone();
        a.apply(q, Event::SetRespondent(label.into()));
        a.apply(q, Event::Answer { question: "GOV-01".into(), value: Some(lvl(3)) });
        for e in list {
            a.apply(q, Event::AddEvidence { question: "GOV-01".into(), evidence: e });
        }
        files.push(reread(&a.context, &a.answers, &a.team));
    }
    let m = merged(&[&files[0], &files[1]]);
    assert_eq!(m.answers.evidence["GOV-01"], [minutes, policy]);
}

#[test]
fn a_file_whose_answers_name_nobody_is_refused_until_it_is_given_a_label() {
    let bytes = include_bytes!("fixtures/reference-answers.json");
    let v1 = import(catalog(), bytes).unwrap();
    let refused = merge(catalog(), &[MergeInput::new("reference-answers.json", v1.clone())]).unwrap_err();
    assert_eq!(refused, MergeError::Unlabelled { file: "reference-answers.json".into() });
    for code in ["en", "de", "fr"] {
        assert!(refused.message(catalog().language(code)).contains("reference-answers.json"));
    }
    let labelled = MergeInput { label: Some("CISO".into()), ..MergeInput::new("reference-answers.json", v1.clone()) };
    let m = merge(catalog(), &[labelled]).unwrap();
    // Nothing lost: every answer and note of the version 1 file, now attributed.
    assert_eq!(m.answers.values, v1.answers.values);
    assert_eq!(m.answers.notes, v1.answers.notes);
    assert!(m.answers.values.keys().all(|id| m.answers.respondents[id] == "CISO"));
    assert_eq!(m.team.respondent.as_deref(), Some("CISO"));
}

/// Every file in tests/ that imports: the version 1 fixtures and the accepted bad inputs.
fn every_importable_test_file() -> Vec<(String, Imported)> {
    let mut out = Vec::new();
    for dir in ["tests/fixtures", "tests/bad-inputs"] {
        let mut paths: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
        paths.sort();
        for path in paths {
            let Ok(imported) = import(catalog(), &std::fs::read(&path).unwrap()) else { continue };
            out.push((path.display().to_string(), imported));
        }
    }
    out
}

#[test]
fn every_importable_file_in_tests_merges_with_itself_to_its_own_merge() {
    let files = every_importable_test_file();
    let v1 = files.iter().filter(|(_, f)| f.format_version == 1).count();
    assert!(files.len() >= 5 && v1 >= 2, "{} files, {v1} of version 1", files.len());
    for (name, file) in &files {
        let input = MergeInput { label: Some("Respondent".into()), ..MergeInput::new(name, file.clone()) };
        let once = merge(catalog(), std::slice::from_ref(&input)).unwrap();
        let twice = merge(catalog(), &[input.clone(), input]).unwrap();
        assert_eq!(text(&once), text(&twice), "{name}");
        let again = merge(catalog(), &[MergeInput::new(name, once.clone())]).unwrap();
        assert_eq!(text(&again), text(&once), "{name}");
        // Every answer given in the file is in the merge.
        assert_eq!(once.answers.values, file.answers.values, "{name}");
        // The merged file is a valid file.
        import(catalog(), text(&once).as_bytes()).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}

#[test]
fn answering_as_a_respondent_records_the_label_and_several_need_a_label_to_change() {
    let q = &catalog().questionnaire;
    let c = ctx(&[UseCase::Ehr]);
    let a = respondent_file("CISO", &c, &[("GOV-01", lvl(1), None)]);
    assert_eq!(a.answers.respondents["GOV-01"], "CISO");
    let b = respondent_file("DPO", &c, &[("GOV-01", lvl(3), None)]);
    let mut coordinator = Assessment::new("en");
    coordinator.apply(q, Event::Restore(Box::new(merged(&[&a, &b]))));
    let before = coordinator.answers.clone();
    coordinator.apply(q, Event::Answer { question: "GOV-01".into(), value: Some(lvl(4)) });
    assert_eq!(coordinator.answers, before, "nothing changes without a label");
    assert_eq!(coordinator.problem, Some(Problem::NeedRespondent));
    coordinator.apply(q, Event::SetRespondent("  Coordinator \n".into()));
    assert_eq!(coordinator.team.respondent.as_deref(), Some("Coordinator"));
    coordinator.apply(q, Event::Answer { question: "GOV-01".into(), value: Some(lvl(4)) });
    assert_eq!(coordinator.answers.conflicts["GOV-01"].answers.len(), 3);
    // Settling with an answer nobody gave is allowed; choosing a respondent must match their answer.
    coordinator.apply(
        q,
        Event::Resolve {
            question: "GOV-01".into(),
            by: "Coordinator".into(),
            chosen: Some("DPO".into()),
            value: lvl(1),
        },
    );
    assert!(coordinator.answers.conflicts["GOV-01"].is_open());
    coordinator.apply(q, Event::Resolve { question: "GOV-01".into(), by: "Board".into(), chosen: None, value: lvl(2) });
    assert_eq!(coordinator.answers.values["GOV-01"], lvl(2));
    assert_eq!(coordinator.answers.conflicts["GOV-01"].resolution.as_ref().unwrap().by, "Board");
    coordinator.apply(q, Event::Reopen { question: "GOV-01".into() });
    assert_eq!(coordinator.answers.values["GOV-01"], lvl(1));
}

#[test]
fn a_respondent_meets_their_domains_first_and_can_still_see_the_rest() {
    let q = &catalog().questionnaire;
    let mut a = Assessment::new("en");
    a.apply(q, Event::SetUseCase(UseCase::Ehr, true));
    let all: BTreeSet<String> = a.navigation(q).into_iter().map(|n| n.domain).collect();
    a.team = respondent_team(q, Some("DPO"), &["risk".into(), "governance".into()]).unwrap();
    let order: Vec<String> = a.navigation(q).into_iter().map(|n| n.domain).collect();
    assert_eq!(order[..2], ["governance".to_owned(), "risk".to_owned()]);
    assert_eq!(order.iter().cloned().collect::<BTreeSet<_>>(), all);
    a.apply(q, Event::Resume);
    assert_eq!(a.page, Page::Domain("governance".into()));
    assert_eq!(respondent_team(q, None, &["nowhere".into()]), Err("nowhere".into()));
    let unnamed = respondent_team(q, None, &["risk".into(), "governance".into()]).unwrap();
    assert_eq!(unnamed.respondent.as_deref(), Some("governance, risk"));
    assert!(respondent_team(q, None, &[]).unwrap().is_empty());
}

// ---- Properties over generated files ----

const QUESTIONS: &[&str] = &["GOV-01", "GOV-02", "RSK-01", "IAM-01", "CRY-01"];
const LABELS: &[&str] = &["CISO", "DPO", "Procurement"];
const NOTES: &[&str] = &["see policy", "only the EHR", "ask legal"];

fn value_strategy() -> impl Strategy<Value = AnswerValue> {
    prop_oneof![(0u8..=4).prop_map(lvl), Just(AnswerValue::Unknown)]
}

prop_compose! {
    fn file_strategy(label: &'static str)(
        answers in proptest::collection::btree_map(
            proptest::sample::select(QUESTIONS),
            (proptest::option::weighted(0.8, value_strategy()), proptest::option::of(proptest::sample::select(NOTES))),
            0..5,
        ),
        medical in any::<bool>(),
        evidence in proptest::option::of(proptest::sample::select(QUESTIONS)),
    ) -> Imported {
        let c = if medical { ctx(&[UseCase::Ehr, UseCase::MedicalDevices]) } else { ctx(&[UseCase::Ehr]) };
        let q = &catalog().questionnaire;
        let mut a = Assessment::new("en");
        a.context = c;
        a.apply(q, Event::SetRespondent(label.into()));
        for (id, (value, note)) in answers {
            if let Some(v) = value {
                a.apply(q, Event::Answer { question: id.into(), value: Some(v) });
            }
            if let Some(n) = note {
                a.apply(q, Event::Note { question: id.into(), text: n.into() });
            }
        }
        if let Some(id) = evidence {
            let e = Evidence { title: format!("{label} evidence"), location: None, owner: None, review_by: None, file: None };
            a.apply(q, Event::AddEvidence { question: id.into(), evidence: e });
        }
        reread(&a.context, &a.answers, &a.team)
    }
}

/// Three files of three respondents.
fn team_strategy() -> impl Strategy<Value = (Imported, Imported, Imported)> {
    (file_strategy(LABELS[0]), file_strategy(LABELS[1]), file_strategy(LABELS[2]))
}

/// Two files that may share a respondent (and so may be refused).
fn clashing_strategy() -> impl Strategy<Value = (Imported, Imported)> {
    (file_strategy(LABELS[0]), prop_oneof![file_strategy(LABELS[0]), file_strategy(LABELS[1])])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn merging_is_order_independent((a, b, c) in team_strategy()) {
        prop_assert_eq!(written(&[&a, &b]), written(&[&b, &a]));
        prop_assert_eq!(written(&[&a, &b, &c]), written(&[&c, &a, &b]));
    }

    #[test]
    fn merging_is_order_independent_even_when_it_refuses((a, b) in clashing_strategy()) {
        prop_assert_eq!(written(&[&a, &b]), written(&[&b, &a]));
    }

    #[test]
    fn merging_a_file_with_itself_changes_nothing((a, _, _) in team_strategy()) {
        prop_assert_eq!(written(&[&a, &a]).unwrap(), text(&a));
        prop_assert_eq!(written(&[&a]).unwrap(), text(&a));
    }

    #[test]
    fn merging_is_associative((a, b, c) in team_strategy()) {
        let ab = merged(&[&a, &b]);
        let bc = merged(&[&b, &c]);
        let left = written(&[&ab, &c]).unwrap();
        prop_assert_eq!(&left, &written(&[&a, &bc]).unwrap());
        prop_assert_eq!(&left, &written(&[&a, &b, &c]).unwrap());
    }

    #[test]
    fn no_answer_or_note_is_dropped_and_each_stays_with_its_respondent((a, b, c) in team_strategy()) {
        let m = merged(&[&a, &b, &c]);
        for file in [&a, &b, &c] {
            for id in file.answers.ids() {
                for given in records(&file.answers, id) {
                    let kept = records(&m.answers, id);
                    prop_assert!(kept.contains(&given), "{id}: {given:?} not in {kept:?}");
                }
            }
        }
        // The merged file reads back as it was written.
        let again = import(catalog(), text(&m).as_bytes()).unwrap();
        prop_assert_eq!(text(&again), text(&m));
    }

    #[test]
    fn an_open_disagreement_is_scored_at_its_least_assured_answer((a, b, c) in team_strategy()) {
        let m = merged(&[&a, &b, &c]);
        for (id, conflict) in m.answers.open_conflicts() {
            let lowest = conflict.answers.iter().map(|x| x.value.scored_level().unwrap()).min().unwrap();
            prop_assert_eq!(m.answers.values[id].scored_level(), Some(lowest));
        }
    }
}
