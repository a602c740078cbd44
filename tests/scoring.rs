#![cfg(not(target_arch = "wasm32"))]
//! The scoring rules of docs/METHODOLOGY.md, checked on a miniature
//! questionnaire (tests/fixtures/mini.json) and, as properties, on every
//! combination of answers.

use cloudtriage::core::map::Map;

use cloudtriage::core::context::{Context, ServiceModel, UseCase};
use cloudtriage::core::model::{Index, Party, Questionnaire, ScoringRules};
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

fn answers(pairs: &[(&str, AnswerValue)]) -> Map<String, AnswerValue> {
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
    let without = score(&q, &ctx(&[UseCase::Ehr], ServiceModel::Saas), &Map::new());
    assert!(!without.unanswered.contains(&"A-03".to_string()));
    let with = score(&q, &ctx(&[UseCase::MedicalDevices], ServiceModel::Saas), &Map::new());
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
    assert_eq!(r.cloud_readiness.score, Some(q.scoring.critical_cap));
    assert!(
        q.scoring.critical_cap < 63,
        "the fixture's cap must be below the uncapped score for this test to mean anything"
    );
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

/// What docs/METHODOLOGY.md says the mini questionnaire scores, worked out
/// here from its rules and the fixture's table (not from the scoring code).
struct Expected {
    /// Per index (cloud readiness, data protection): score, uncapped score, capping questions.
    indices: [(Option<u8>, Option<u8>, Vec<&'static str>); 2],
    /// Applicable, answered, known.
    counts: (usize, usize, usize),
}

/// The bands of tests/fixtures/mini.json: low from 0, partial from 40, substantial from 65, high from 85.
fn band_of(score: u8) -> &'static str {
    match score {
        0..=39 => "low",
        40..=64 => "partial",
        65..=84 => "substantial",
        _ => "high",
    }
}

/// `rules` are the fixture's scoring constants, read from the questionnaire.
fn by_the_rules(rules: &ScoringRules, c: &Context, picks: &[Option<AnswerValue>]) -> Expected {
    // id, weight, feeds cloud readiness, feeds data protection, critical, "not applicable" allowed, applies.
    let table = [
        ("A-01", 3u64, true, true, true, false, true),
        ("A-02", 1, true, false, false, true, true),
        ("A-03", 2, false, true, false, false, c.has_use_case(UseCase::MedicalDevices)),
        ("B-01", 2, true, true, false, false, true),
        ("B-02", 1, false, true, false, true, true),
    ];
    let mut counts = (0, 0, 0);
    let mut sums = [(0u64, 0u64, Vec::new()), (0, 0, Vec::new())];
    for ((id, weight, cloud, data, critical, na_allowed, applies), pick) in table.into_iter().zip(picks) {
        if !applies {
            continue;
        }
        counts.0 += 1;
        // "Not applicable" where the question does not allow it is treated as unanswered.
        let pick = match pick {
            Some(AnswerValue::NotApplicable) if !na_allowed => None,
            other => *other,
        };
        let level = match pick {
            Some(AnswerValue::NotApplicable) => {
                counts.1 += 1;
                counts.2 += 1;
                continue;
            }
            Some(AnswerValue::Level(l)) => {
                counts.1 += 1;
                counts.2 += 1;
                u64::from(l.get())
            }
            Some(AnswerValue::Unknown) => {
                counts.1 += 1;
                0
            }
            None => 0,
        };
        for (feeds, sum) in [cloud, data].into_iter().zip(sums.iter_mut()) {
            if feeds {
                sum.0 += weight * level;
                sum.1 += weight * 4;
                if critical && level < u64::from(rules.critical_min_level) {
                    sum.2.push(id);
                }
            }
        }
    }
    let indices = sums.map(|(got, best, capped)| {
        // The whole percentage p nearest to 100·got/best, halves rounded up: p − ½ ≤ 100·got/best < p + ½.
        let uncapped = (best > 0).then(|| (0u8..=100).find(|p| 200 * got < (2 * u64::from(*p) + 1) * best).unwrap());
        let score = uncapped.map(|u| if capped.is_empty() { u } else { u.min(rules.critical_cap) });
        (score, uncapped, capped)
    });
    Expected { indices, counts }
}

proptest! {
    #[test]
    fn scores_stay_within_0_and_100_and_bands_match(c in any_context(), picks in proptest::collection::vec(any_answer(), 5)) {
        let q = mini();
        let a: Map<String, AnswerValue> = IDS.iter().zip(&picks).filter_map(|(id, v)| v.map(|v| (id.to_string(), v))).collect();
        let r = score(&q, &c, &a);
        for index in Index::ALL {
            let ir = r.of_index(index);
            if let (Some(s), Some(u)) = (ir.score, ir.uncapped) {
                prop_assert!(s <= 100 && s <= u);
                prop_assert_eq!(ir.band.as_deref(), Some(q.band(s).id.as_str()));
                if !ir.capped_by.is_empty() { prop_assert!(s <= q.scoring.critical_cap); }
            }
        }
        for d in &r.domains {
            prop_assert!(d.level <= 400);
        }
        prop_assert!(r.completeness.confidence <= r.completeness.percent);
    }

    #[test]
    fn indices_and_completeness_match_a_separate_reading_of_the_methodology(c in any_context(), picks in proptest::collection::vec(any_answer(), 5)) {
        let q = mini();
        let a: Map<String, AnswerValue> = IDS.iter().zip(&picks).filter_map(|(id, v)| v.map(|v| (id.to_string(), v))).collect();
        let r = score(&q, &c, &a);
        let expected = by_the_rules(&q.scoring, &c, &picks);
        for (index, (score, uncapped, capped)) in Index::ALL.into_iter().zip(expected.indices) {
            let ir = r.of_index(index);
            prop_assert_eq!(ir.uncapped, uncapped, "{:?}", index);
            prop_assert_eq!(ir.score, score, "{:?}", index);
            prop_assert_eq!(ir.capped_by.iter().map(|cap| cap.question.as_str()).collect::<Vec<_>>(), capped, "{:?}", index);
            prop_assert_eq!(ir.band.as_deref(), score.map(band_of), "{:?}", index);
        }
        let done = &r.completeness;
        prop_assert_eq!((done.applicable, done.answered, done.known), expected.counts);
    }

    #[test]
    fn answers_to_unknown_or_inapplicable_questions_change_nothing(c in any_context(), picks in proptest::collection::vec(any_answer(), 5), extra in 0u8..=4) {
        let q = mini();
        let a: Map<String, AnswerValue> = IDS.iter().zip(&picks).filter_map(|(id, v)| v.map(|v| (id.to_string(), v))).collect();
        let mut noisy = a.clone();
        noisy.insert("Z-99".into(), lvl(extra));
        if !c.has_use_case(UseCase::MedicalDevices) {
            // A-03 does not apply without medical devices: an answer to it must not count.
            noisy.insert("A-03".into(), lvl(extra));
        }
        prop_assert_ne!(&noisy, &a);
        prop_assert_eq!(score(&q, &c, &noisy), score(&q, &c, &a));
    }

    #[test]
    fn raising_one_answer_never_lowers_an_index(c in any_context(), picks in proptest::collection::vec(0u8..4, 5), which in 0usize..5) {
        let q = mini();
        let base: Map<String, AnswerValue> = IDS.iter().zip(&picks).map(|(id, l)| (id.to_string(), lvl(*l))).collect();
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
        let all = |l: u8| IDS.iter().map(|id| (id.to_string(), lvl(l))).collect::<Map<_, _>>();
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
    let cap = q.scoring.critical_cap;
    let alpha = cmp.domains.iter().find(|d| d.domain == "alpha").unwrap();
    let beta = cmp.domains.iter().find(|d| d.domain == "beta").unwrap();
    // alpha: (3·1 + 1·2)/4 = 1.25 before, (3·3 + 1·2)/4 = 2.75 after.
    assert_eq!(
        (alpha.before, alpha.after, alpha.delta, alpha.trend),
        (Some(125), Some(275), Some(150), Trend::Improved)
    );
    // beta: (2·3 + 1·3)/3 = 3.00 before, (2·1 + 1·3)/3 = 5/3 = 1.67 after.
    assert_eq!((beta.before, beta.after, beta.delta, beta.trend), (Some(300), Some(167), Some(-133), Trend::Worsened));
    // Cloud readiness (A-01 w3, A-02 w1, B-01 w2): before 11/24 = 45.8 → 46, capped by A-01 at level 1 (the cap is 39);
    // after 13/24 = 54.2 → 54, the cap lifted.
    let cloud = &cmp.indices[0];
    assert_eq!(
        (cloud.before, cloud.after, cloud.delta, cloud.trend),
        (Some(cap), Some(54), Some(54 - i32::from(cap)), Trend::Improved)
    );
    // Data protection (A-01 w3, B-01 w2, B-02 w1): before 12/24 = 50, capped; after 14/24 = 58.3 → 58.
    let data = &cmp.indices[1];
    assert_eq!(
        (data.before, data.after, data.delta, data.trend),
        (Some(cap), Some(58), Some(58 - i32::from(cap)), Trend::Improved)
    );
}

#[test]
fn a_comparison_of_different_answers_with_equal_figures_is_unchanged() {
    use cloudtriage::core::compare::{compare, Trend};
    let q = mini();
    let c = ctx(&[UseCase::Ehr], ServiceModel::Saas);
    // "Don't know" counts as level 0, so these two assessments differ but score alike.
    let zero = score(&q, &c, &answers(&[("A-01", lvl(3)), ("A-02", lvl(2)), ("B-01", lvl(1)), ("B-02", lvl(0))]));
    let unknown = score(
        &q,
        &c,
        &answers(&[("A-01", lvl(3)), ("A-02", lvl(2)), ("B-01", lvl(1)), ("B-02", AnswerValue::Unknown)]),
    );
    assert_ne!(zero.completeness, unknown.completeness, "the two assessments must differ");
    let cmp = compare(&q, &zero, &unknown);
    let indices: Vec<_> = cmp.indices.iter().map(|d| (d.before, d.after, d.delta, d.trend)).collect();
    // Cloud readiness 13/24 = 54; data protection (3·3 + 2·1 + 1·0)/24 = 11/24 = 45.8 → 46.
    assert_eq!(
        indices,
        vec![(Some(54), Some(54), Some(0), Trend::Unchanged), (Some(46), Some(46), Some(0), Trend::Unchanged)]
    );
    assert!(cmp.domains.iter().all(|d| d.delta == Some(0) && d.trend == Trend::Unchanged), "{:?}", cmp.domains);
    assert_eq!(cmp.domains.len(), 2);
}
