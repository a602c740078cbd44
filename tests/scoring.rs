#![cfg(not(target_arch = "wasm32"))]
//! The scoring rules of docs/METHODOLOGY.md, checked on a miniature
//! questionnaire (tests/fixtures/mini.json) and, as properties, on every
//! combination of answers.

use std::collections::BTreeMap;

use cloudtriage::core::context::{Context, ServiceModel, UseCase};
use cloudtriage::core::model::{Index, Party, Questionnaire};
use cloudtriage::core::score::{score, Standing};
use cloudtriage::core::{AnswerValue, Level};
use proptest::prelude::*;

fn mini() -> Questionnaire {
    Questionnaire::from_json(include_str!("fixtures/mini.json")).expect("the fixture is valid")
}

fn ctx(use_cases: &[UseCase], model: ServiceModel) -> Context {
    let mut c = Context { service_model: model, ..Context::default() };
    for u in use_cases {
        c.set_use_case(*u, true);
    }
    c
}

fn answers(pairs: &[(&str, AnswerValue)]) -> BTreeMap<String, AnswerValue> {
    pairs.iter().map(|(id, v)| (id.to_string(), *v)).collect()
}

fn lvl(n: u8) -> AnswerValue {
    AnswerValue::Level(Level::new(n).unwrap())
}

#[test]
fn everything_at_level_4_scores_100_on_both_indices() {
    let q = mini();
    let c = ctx(&[UseCase::Ehr, UseCase::MedicalDevices], ServiceModel::Saas);
    let a = answers(&[("A-01", lvl(4)), ("A-02", lvl(4)), ("A-03", lvl(4)), ("B-01", lvl(4)), ("B-02", lvl(4))]);
    let r = score(&q, &c, &a);
    assert_eq!(r.cloud_readiness.score, Some(100));
    assert_eq!(r.data_protection.score, Some(100));
    assert_eq!(r.cloud_readiness.band.as_deref(), Some("high"));
    assert!(r.actions.is_empty());
}

#[test]
fn everything_at_level_0_scores_0() {
    let q = mini();
    let c = ctx(&[UseCase::Ehr], ServiceModel::Iaas);
    let a = answers(&[("A-01", lvl(0)), ("A-02", lvl(0)), ("B-01", lvl(0)), ("B-02", lvl(0))]);
    let r = score(&q, &c, &a);
    assert_eq!(r.cloud_readiness.score, Some(0));
    assert_eq!(r.data_protection.score, Some(0));
    assert_eq!(r.cloud_readiness.band.as_deref(), Some("low"));
}

#[test]
fn not_applicable_is_left_out_of_every_denominator() {
    let q = mini();
    let c = ctx(&[UseCase::Administrative], ServiceModel::Saas);
    let with_na = score(
        &q,
        &c,
        &answers(&[("A-01", lvl(4)), ("A-02", AnswerValue::NotApplicable), ("B-01", lvl(4)), ("B-02", lvl(4))]),
    );
    assert_eq!(with_na.cloud_readiness.score, Some(100));
    assert_eq!(with_na.domain("alpha").unwrap().level, 400);
}

#[test]
fn a_domain_with_nothing_applicable_is_excluded_not_scored_0() {
    let q = mini();
    let c = ctx(&[UseCase::Administrative], ServiceModel::Saas);
    // beta: B-01 is not NA-able, so make beta empty by answering NA only where allowed and checking alpha instead.
    let r = score(&q, &c, &answers(&[("A-01", lvl(2)), ("A-02", AnswerValue::NotApplicable)]));
    assert!(r.domain("alpha").is_some());
    let fixture = include_str!("fixtures/mini.json").replace("\"A-01\", \"weight\": 3, \"indices\": [\"cloud_readiness\", \"data_protection\"], \"critical\": true,", "\"A-01\", \"weight\": 3, \"indices\": [\"cloud_readiness\", \"data_protection\"], \"critical\": true, \"not_applicable\": true,");
    let q = Questionnaire::from_json(&fixture).unwrap();
    let r = score(
        &q,
        &c,
        &answers(&[
            ("A-01", AnswerValue::NotApplicable),
            ("A-02", AnswerValue::NotApplicable),
            ("B-01", lvl(3)),
            ("B-02", lvl(3)),
        ]),
    );
    assert!(r.domain("alpha").is_none(), "alpha has only N/A answers and must not appear");
    assert_eq!(r.domains.len(), 1);
    assert_eq!(r.cloud_readiness.score, Some(75));
}

#[test]
fn questions_that_do_not_apply_are_not_asked_or_scored() {
    let q = mini();
    let without = score(&q, &ctx(&[UseCase::Ehr], ServiceModel::Saas), &BTreeMap::new());
    assert!(!without.unanswered.contains(&"A-03".to_string()));
    let with = score(&q, &ctx(&[UseCase::MedicalDevices], ServiceModel::Saas), &BTreeMap::new());
    assert!(with.unanswered.contains(&"A-03".to_string()));
    assert_eq!(with.completeness.applicable, 5);
    assert_eq!(without.completeness.applicable, 4);
}

#[test]
fn dont_know_scores_0_and_lowers_confidence_not_completeness() {
    let q = mini();
    let c = ctx(&[UseCase::Administrative], ServiceModel::Saas);
    let known = score(&q, &c, &answers(&[("A-01", lvl(3)), ("A-02", lvl(0)), ("B-01", lvl(3)), ("B-02", lvl(3))]));
    let unknown = score(
        &q,
        &c,
        &answers(&[("A-01", lvl(3)), ("A-02", AnswerValue::Unknown), ("B-01", lvl(3)), ("B-02", lvl(3))]),
    );
    assert_eq!(known.cloud_readiness.score, unknown.cloud_readiness.score);
    assert_eq!(known.completeness.percent, 100);
    assert_eq!(unknown.completeness.percent, 100);
    assert_eq!(known.completeness.confidence, 100);
    assert_eq!(unknown.completeness.confidence, 75);
}

#[test]
fn a_critical_question_below_level_2_caps_its_indices_in_the_lowest_band_and_says_so() {
    let q = mini();
    let c = ctx(&[UseCase::Administrative], ServiceModel::Saas);
    let r = score(&q, &c, &answers(&[("A-01", lvl(1)), ("A-02", lvl(4)), ("B-01", lvl(4)), ("B-02", lvl(4))]));
    // Uncapped: cloud (3·1 + 1·4 + 2·4) / (4·6) = 15/24 = 62.5 → 63.
    assert_eq!(r.cloud_readiness.uncapped, Some(63));
    assert_eq!(r.cloud_readiness.score, Some(39));
    assert_eq!(r.cloud_readiness.band.as_deref(), Some("low"));
    assert_eq!(r.cloud_readiness.capped_by.len(), 1);
    assert_eq!(r.cloud_readiness.capped_by[0].question, "A-01");
    assert_eq!(r.cloud_readiness.capped_by[0].standing, Standing::Level(1));
    // At level 2 the cap lifts.
    let r = score(&q, &c, &answers(&[("A-01", lvl(2)), ("A-02", lvl(4)), ("B-01", lvl(4)), ("B-02", lvl(4))]));
    assert!(r.cloud_readiness.capped_by.is_empty());
    assert_eq!(r.cloud_readiness.score, r.cloud_readiness.uncapped);
}

#[test]
fn an_unanswered_or_unknown_critical_question_also_caps() {
    let q = mini();
    let c = ctx(&[UseCase::Administrative], ServiceModel::Saas);
    let r = score(&q, &c, &answers(&[("A-02", lvl(4)), ("B-01", lvl(4)), ("B-02", lvl(4))]));
    assert_eq!(r.data_protection.capped_by[0].standing, Standing::Unanswered);
    let r = score(&q, &c, &answers(&[("A-01", AnswerValue::Unknown), ("B-01", lvl(4))]));
    assert_eq!(r.data_protection.capped_by[0].standing, Standing::Unknown);
}

#[test]
fn targets_follow_the_context() {
    let q = mini();
    let b01 = q.question("B-01").unwrap();
    assert_eq!(q.target(b01, &ctx(&[UseCase::Ehr], ServiceModel::Saas)), 4);
    assert_eq!(q.target(b01, &ctx(&[UseCase::Administrative], ServiceModel::Saas)), 3);
    assert_eq!(q.target(q.question("B-02").unwrap(), &ctx(&[UseCase::Ehr], ServiceModel::Saas)), 2);
}

#[test]
fn the_action_plan_puts_critical_gaps_first_then_the_largest_weighted_gap() {
    let q = mini();
    let c = ctx(&[UseCase::Ehr], ServiceModel::Paas);
    let r = score(
        &q,
        &c,
        &answers(&[("A-01", lvl(2)), ("A-02", lvl(0)), ("B-01", lvl(1)), ("B-02", AnswerValue::Unknown)]),
    );
    let order: Vec<(&str, u32)> = r.actions.iter().map(|a| (a.question.as_str(), a.priority)).collect();
    // A-01 critical: (3-2)·3 = 3. B-01: (4-1)·2 = 6. A-02: (3-0)·1 = 3. B-02: (2-0)·1 = 2.
    assert_eq!(order, vec![("A-01", 3), ("B-01", 6), ("A-02", 3), ("B-02", 2)]);
    assert_eq!(r.actions.iter().map(|a| a.rank).collect::<Vec<_>>(), vec![1, 2, 3, 4]);
    let b01 = &r.actions[1];
    assert_eq!((b01.target, b01.next_level), (4, 2));
    assert_eq!(b01.responsibility, Some(Party::Shared));
    assert_eq!(r.actions[3].standing, Standing::Unknown);
}

#[test]
fn responsibility_is_open_while_the_service_model_is_undecided() {
    let q = mini();
    let r = score(&q, &ctx(&[UseCase::Ehr], ServiceModel::Undecided), &answers(&[("A-01", lvl(0))]));
    assert_eq!(r.actions[0].responsibility, None);
}

#[test]
fn unanswered_questions_are_listed_not_planned() {
    let q = mini();
    let r = score(&q, &ctx(&[UseCase::Ehr], ServiceModel::Saas), &answers(&[("A-01", lvl(4))]));
    assert_eq!(r.unanswered, vec!["A-02", "B-01", "B-02"]);
    assert!(r.actions.iter().all(|a| a.question == "A-01" || a.standing != Standing::Unanswered));
    assert_eq!(r.completeness.percent, 25);
}

#[test]
fn the_worked_example_of_the_methodology_holds() {
    // docs/METHODOLOGY.md, "Worked example".
    let q = mini();
    let c = ctx(&[UseCase::Ehr, UseCase::MedicalDevices], ServiceModel::Saas);
    let a = answers(&[
        ("A-01", lvl(3)),
        ("A-02", AnswerValue::NotApplicable),
        ("A-03", lvl(1)),
        ("B-01", lvl(2)),
        ("B-02", AnswerValue::Unknown),
    ]);
    let r = score(&q, &c, &a);
    assert_eq!(r.domain("alpha").unwrap().level, 220);
    assert_eq!(r.domain("alpha").unwrap().percent, 55);
    assert_eq!(r.domain("beta").unwrap().level, 133);
    assert_eq!(r.domain("beta").unwrap().percent, 33);
    assert_eq!(r.cloud_readiness.score, Some(65));
    assert_eq!(r.cloud_readiness.band.as_deref(), Some("substantial"));
    assert_eq!(r.data_protection.score, Some(47));
    assert_eq!(r.data_protection.band.as_deref(), Some("partial"));
    assert_eq!((r.completeness.percent, r.completeness.confidence), (100, 80));
    let plan: Vec<(&str, u32)> = r.actions.iter().map(|a| (a.question.as_str(), a.priority)).collect();
    assert_eq!(plan, vec![("A-03", 4), ("B-01", 4), ("B-02", 2)]);
}

fn any_answer() -> impl Strategy<Value = Option<AnswerValue>> {
    prop_oneof![
        Just(None),
        Just(Some(AnswerValue::NotApplicable)),
        Just(Some(AnswerValue::Unknown)),
        (0u8..=4).prop_map(|l| Some(lvl(l))),
    ]
}

fn any_context() -> impl Strategy<Value = Context> {
    (1usize..16, 0usize..4).prop_map(|(mask, model)| {
        let uses: Vec<UseCase> =
            UseCase::ALL.iter().enumerate().filter(|(i, _)| mask & (1 << i) != 0).map(|(_, u)| *u).collect();
        ctx(&uses, ServiceModel::ALL[model])
    })
}

const IDS: [&str; 5] = ["A-01", "A-02", "A-03", "B-01", "B-02"];

proptest! {
    #[test]
    fn scores_stay_within_0_and_100_and_bands_match(c in any_context(), picks in proptest::collection::vec(any_answer(), 5)) {
        let q = mini();
        let a: BTreeMap<String, AnswerValue> = IDS.iter().zip(&picks).filter_map(|(id, v)| v.map(|v| (id.to_string(), v))).collect();
        let r = score(&q, &c, &a);
        for index in Index::ALL {
            let ir = r.of_index(index);
            if let (Some(s), Some(u)) = (ir.score, ir.uncapped) {
                prop_assert!(s <= 100 && s <= u);
                prop_assert_eq!(ir.band.as_deref(), Some(q.band(s).id.as_str()));
                if !ir.capped_by.is_empty() { prop_assert!(s <= 39); }
            }
        }
        for d in &r.domains {
            prop_assert!(d.level <= 400);
        }
        prop_assert!(r.completeness.confidence <= r.completeness.percent);
    }

    #[test]
    fn the_same_answers_always_give_the_same_report(c in any_context(), picks in proptest::collection::vec(any_answer(), 5)) {
        let q = mini();
        let a: BTreeMap<String, AnswerValue> = IDS.iter().zip(&picks).filter_map(|(id, v)| v.map(|v| (id.to_string(), v))).collect();
        prop_assert_eq!(score(&q, &c, &a), score(&q, &c, &a.clone()));
    }

    #[test]
    fn raising_one_answer_never_lowers_an_index(c in any_context(), picks in proptest::collection::vec(0u8..4, 5), which in 0usize..5) {
        let q = mini();
        let base: BTreeMap<String, AnswerValue> = IDS.iter().zip(&picks).map(|(id, l)| (id.to_string(), lvl(*l))).collect();
        let mut raised = base.clone();
        raised.insert(IDS[which].to_string(), lvl(picks[which] + 1));
        let (before, after) = (score(&q, &c, &base), score(&q, &c, &raised));
        for index in Index::ALL {
            prop_assert!(after.of_index(index).score >= before.of_index(index).score);
        }
    }

    #[test]
    fn all_4_is_100_and_all_0_is_0_in_every_context(c in any_context()) {
        let q = mini();
        let all = |l: u8| IDS.iter().map(|id| (id.to_string(), lvl(l))).collect::<BTreeMap<_, _>>();
        let top = score(&q, &c, &all(4));
        let bottom = score(&q, &c, &all(0));
        for index in Index::ALL {
            prop_assert_eq!(top.of_index(index).score, Some(100));
            prop_assert_eq!(bottom.of_index(index).score, Some(0));
        }
    }
}

#[test]
fn a_comparison_shows_which_indices_and_domains_improved_or_worsened() {
    use cloudtriage::core::compare::{compare, Trend};
    let q = mini();
    let c = ctx(&[UseCase::Ehr], ServiceModel::Saas);
    let before = score(&q, &c, &answers(&[("A-01", lvl(1)), ("A-02", lvl(2)), ("B-01", lvl(3)), ("B-02", lvl(3))]));
    let after = score(&q, &c, &answers(&[("A-01", lvl(3)), ("A-02", lvl(2)), ("B-01", lvl(1)), ("B-02", lvl(3))]));
    let cmp = compare(&q, &before, &after);
    let alpha = cmp.domains.iter().find(|d| d.domain == "alpha").unwrap();
    let beta = cmp.domains.iter().find(|d| d.domain == "beta").unwrap();
    assert_eq!((alpha.before, alpha.after, alpha.trend), (Some(125), Some(275), Trend::Improved));
    assert_eq!(beta.trend, Trend::Worsened);
    let cloud = &cmp.indices[0];
    assert_eq!(cloud.trend, Trend::Improved, "the cap on A-01 lifted: {cloud:?}");
    let same = compare(&q, &after, &after);
    assert!(same.indices.iter().all(|d| d.trend == Trend::Unchanged && d.delta == Some(0)));
}
