#![cfg(not(target_arch = "wasm32"))]
//! The view models: what each page of the widget shows, as the core computes
//! it. Most rules are checked on the miniature questionnaire of
//! tests/fixtures/mini.json, whose figures can be worked out by hand:
//!
//! | domain | question | weight | indices | notes |
//! | --- | --- | --- | --- | --- |
//! | alpha | A-01 | 3 | readiness, protection | critical |
//! | alpha | A-02 | 1 | readiness | "not applicable" allowed |
//! | alpha | A-03 | 2 | protection | medical devices only |
//! | beta | B-01 | 2 | readiness, protection | target 4 for health records |
//! | beta | B-02 | 1 | protection | target 2, "not applicable" allowed |
//!
//! Default target 3, critical below level 2 caps an index at 39.

mod support;

use std::rc::Rc;

use cloudtriage::core::answer::AnswerValue;
use cloudtriage::core::assessment::{Assessment, Event, Page};
use cloudtriage::core::compare::Trend;
use cloudtriage::core::context::{Context, Deployment, OrgSize, ServiceModel, Stage, UseCase};
use cloudtriage::core::model::{Index, Questionnaire};
use cloudtriage::core::results::{Answers, Imported, ResultsFile, Team, FORMAT_VERSION};
use cloudtriage::core::score::{score, Report, Standing};
use cloudtriage::core::view::{self, radar, Forward};
use cloudtriage::core::Catalog;
use support::{answer, level, mini, started};

fn report_of(q: &Questionnaire, a: &Assessment) -> Report {
    score(q, &a.context, &a.answers.values)
}

/// An imported earlier file with these answers, as the import would give it.
fn earlier(context: Context, values: &[(&str, Option<AnswerValue>)]) -> Box<Imported> {
    let mut answers = Answers::default();
    for (id, value) in values {
        answers.values.insert((*id).to_owned(), value.unwrap());
    }
    Box::new(Imported {
        language: "en".into(),
        created: "2025-11-03T09:30:00Z".into(),
        questionnaire_version: "1.0.0".into(),
        context,
        answers,
        team: Team::default(),
        profile: None,
        format_version: FORMAT_VERSION,
        warnings: Vec::new(),
    })
}

// The welcome page.

#[test]
fn the_welcome_page_counts_every_question_and_domain_whatever_the_context() {
    let q = mini();
    let fresh = view::welcome(&q, &Assessment::new("en"));
    assert_eq!((fresh.questions, fresh.domains), (5, 2));
    // A-03 does not apply to health records alone; the welcome still counts it.
    let ehr = view::welcome(&q, &started(&q, &[UseCase::Ehr]));
    assert_eq!((ehr.questions, ehr.domains), (5, 2));
}

#[test]
fn the_welcome_page_offers_resuming_once_there_is_an_answer_or_a_note() {
    let q = mini();
    let mut a = started(&q, &[UseCase::Ehr]);
    assert!(!view::welcome(&q, &a).can_resume);
    a.apply(&q, Event::Note { question: "B-02".into(), text: "ask the provider".into() });
    assert!(view::welcome(&q, &a).can_resume);
    a.apply(&q, Event::Note { question: "B-02".into(), text: "".into() });
    assert!(!view::welcome(&q, &a).can_resume);
    answer(&mut a, &q, "A-01", level(2));
    assert!(view::welcome(&q, &a).can_resume);
}

// The context page.

#[test]
fn the_context_page_lists_every_option_in_order_with_exactly_the_current_one_chosen() {
    let q = mini();
    let mut a = started(&q, &[UseCase::RemoteCare, UseCase::Ehr]);
    a.apply(&q, Event::SetServiceModel(ServiceModel::Paas));
    a.apply(&q, Event::SetStage(Stage::Operating));
    let v = view::context(&q, &a);
    let ids = |ids: Vec<&'static str>| ids;
    assert_eq!(ids(v.service_models.iter().map(|c| c.id).collect()), vec!["iaas", "paas", "saas", "undecided"]);
    let chosen =
        |list: Vec<(&'static str, bool)>| list.into_iter().filter(|(_, c)| *c).map(|(id, _)| id).collect::<Vec<_>>();
    assert_eq!(chosen(v.service_models.iter().map(|c| (c.id, c.chosen)).collect()), vec!["paas"]);
    assert_eq!(chosen(v.stages.iter().map(|c| (c.id, c.chosen)).collect()), vec!["operating"]);
    assert_eq!(chosen(v.org_sizes.iter().map(|c| (c.id, c.chosen)).collect()), vec!["medium"]);
    assert_eq!(chosen(v.deployments.iter().map(|c| (c.id, c.chosen)).collect()), vec!["undecided"]);
    assert_eq!(v.deployments.len(), Deployment::ALL.len());
    assert_eq!(v.org_sizes.iter().map(|c| c.value).collect::<Vec<_>>(), OrgSize::ALL);
    // Several use cases can be chosen at once.
    assert_eq!(v.use_cases.len(), UseCase::ALL.len());
    assert_eq!(chosen(v.use_cases.iter().map(|c| (c.id, c.chosen)).collect()), vec!["ehr", "remote_care"]);
}

#[test]
fn the_context_page_states_how_many_questions_apply_once_a_use_case_is_chosen() {
    let q = mini();
    let mut a = started(&q, &[]);
    assert_eq!(view::context(&q, &a).applicable, None);
    a.apply(&q, Event::SetUseCase(UseCase::Ehr, true));
    // A-03 concerns medical devices only.
    assert_eq!(view::context(&q, &a).applicable, Some(4));
    a.apply(&q, Event::SetUseCase(UseCase::MedicalDevices, true));
    assert_eq!(view::context(&q, &a).applicable, Some(5));
}

#[test]
fn the_context_page_asks_for_a_use_case_after_trying_to_go_on_without_one() {
    let q = mini();
    let mut a = started(&q, &[]);
    assert!(!view::context(&q, &a).needs_use_case);
    a.apply(&q, Event::Next);
    assert_eq!(a.page, Page::Context);
    assert!(view::context(&q, &a).needs_use_case);
    a.apply(&q, Event::SetUseCase(UseCase::Ehr, true));
    assert!(!view::context(&q, &a).needs_use_case);
}

// The domain pages.

#[test]
fn the_first_domain_page_is_one_of_n_goes_back_to_the_context_and_on_to_the_next_domain() {
    let q = mini();
    let a = started(&q, &[UseCase::Ehr]);
    let v = view::domain(&q, &a, "alpha").unwrap();
    assert_eq!((v.position, v.count), (1, 2));
    assert_eq!(v.previous, Page::Context);
    assert_eq!(v.forward, Forward::Next(Page::Domain("beta".into())));
}

#[test]
fn the_domain_page_of_the_last_applicable_domain_offers_to_results_instead_of_next() {
    let q = mini();
    let a = started(&q, &[UseCase::Ehr]);
    let v = view::domain(&q, &a, "beta").unwrap();
    assert_eq!((v.position, v.count), (2, 2));
    assert_eq!(v.previous, Page::Domain("alpha".into()));
    assert_eq!(v.forward, Forward::Results);
}

#[test]
fn the_domain_page_follows_the_state_machine_s_own_paging() {
    // Whatever the view offers as previous and forward is where Previous and Next lead.
    let catalog = Catalog::embedded();
    let q = &catalog.questionnaire;
    let mut a = started(q, &[UseCase::Administrative]);
    a.apply(q, Event::Next);
    let mut visited = 0;
    while let Page::Domain(id) = a.page.clone() {
        visited += 1;
        let v = view::domain(q, &a, &id).unwrap();
        let mut back = a.clone();
        back.apply(q, Event::Previous);
        assert_eq!(back.page, v.previous, "previous of {id}");
        a.apply(q, Event::Next);
        match &v.forward {
            Forward::Next(page) => assert_eq!(&a.page, page, "next of {id}"),
            Forward::Results => assert_eq!(a.page, Page::Results, "forward of {id}"),
        }
    }
    assert_eq!(a.page, Page::Results);
    assert!(visited > 2, "only {visited} domains apply to administrative systems");
}

#[test]
fn a_domain_that_does_not_apply_or_does_not_exist_has_no_page() {
    let q = mini();
    let a = started(&q, &[UseCase::Ehr]);
    assert_eq!(view::domain(&q, &a, "nowhere"), None);
    // Without a use case no domain applies yet.
    assert_eq!(view::domain(&q, &started(&q, &[]), "alpha"), None);
}

#[test]
fn the_domain_page_numbers_only_the_applicable_questions() {
    let q = mini();
    let a = started(&q, &[UseCase::Ehr]);
    let v = view::domain(&q, &a, "alpha").unwrap();
    let numbered: Vec<_> = v.questions.iter().map(|x| (x.id.as_str(), x.number, x.count)).collect();
    assert_eq!(numbered, vec![("A-01", 1, 2), ("A-02", 2, 2)]);
    let with_devices = started(&q, &[UseCase::Ehr, UseCase::MedicalDevices]);
    let v = view::domain(&q, &with_devices, "alpha").unwrap();
    let numbered: Vec<_> = v.questions.iter().map(|x| (x.id.as_str(), x.number, x.count)).collect();
    assert_eq!(numbered, vec![("A-01", 1, 3), ("A-02", 2, 3), ("A-03", 3, 3)]);
}

#[test]
fn each_question_carries_its_answer_note_flags_and_the_target_of_the_context() {
    let q = mini();
    let mut a = started(&q, &[UseCase::Ehr]);
    answer(&mut a, &q, "B-02", Some(AnswerValue::NotApplicable));
    a.apply(&q, Event::Note { question: "B-01".into(), text: "contract clause 7".into() });
    let v = view::domain(&q, &a, "beta").unwrap();
    let b01 = &v.questions[0];
    let b02 = &v.questions[1];
    // B-01 aims at 4 for health records; B-02 has its own target 2.
    assert_eq!(
        (b01.id.as_str(), b01.target, b01.answer, b01.note.as_deref()),
        ("B-01", 4, None, Some("contract clause 7"))
    );
    assert_eq!(
        (b02.id.as_str(), b02.target, b02.answer, b02.note.as_deref()),
        ("B-02", 2, Some(AnswerValue::NotApplicable), None)
    );
    assert!(!b01.not_applicable && b02.not_applicable);
    let alpha = view::domain(&q, &a, "alpha").unwrap();
    assert!(alpha.questions[0].critical && !alpha.questions[1].critical);
    // Without health records B-01 aims at the default target.
    let remote = started(&q, &[UseCase::RemoteCare]);
    assert_eq!(view::domain(&q, &remote, "beta").unwrap().questions[0].target, 3);
}

#[test]
fn the_domain_page_counts_its_answered_questions() {
    let q = mini();
    let mut a = started(&q, &[UseCase::Ehr]);
    assert_eq!(view::domain(&q, &a, "alpha").map(|v| (v.answered, v.applicable)), Some((0, 2)));
    answer(&mut a, &q, "A-01", Some(AnswerValue::Unknown));
    assert_eq!(view::domain(&q, &a, "alpha").map(|v| (v.answered, v.applicable)), Some((1, 2)));
    answer(&mut a, &q, "A-02", Some(AnswerValue::NotApplicable));
    assert_eq!(view::domain(&q, &a, "alpha").map(|v| (v.answered, v.applicable)), Some((2, 2)));
}

// The navigation.

#[test]
fn the_navigation_lists_no_domain_until_the_context_is_complete() {
    let q = mini();
    let v = view::navigation(&q, &started(&q, &[]));
    assert!(!v.context_complete);
    assert!(v.items.is_empty());
    assert_eq!((v.answered, v.applicable), (0, 0));
    assert_eq!(v.page, Page::Context);
}

#[test]
fn the_navigation_totals_are_the_sums_of_its_domains_and_it_marks_the_page_shown() {
    let q = mini();
    let mut a = started(&q, &[UseCase::MedicalDevices]);
    answer(&mut a, &q, "A-01", level(2));
    answer(&mut a, &q, "B-01", level(3));
    answer(&mut a, &q, "B-02", Some(AnswerValue::Unknown));
    a.apply(&q, Event::Go(Page::Domain("beta".into())));
    let v = view::navigation(&q, &a);
    assert!(v.context_complete);
    let rows: Vec<_> = v.items.iter().map(|i| (i.domain.as_str(), i.answered, i.applicable, i.current)).collect();
    assert_eq!(rows, vec![("alpha", 1, 3, false), ("beta", 2, 2, true)]);
    assert_eq!((v.answered, v.applicable), (3, 5));
    assert_eq!(v.page, Page::Domain("beta".into()));
}

// The results.

/// Health records; A-01 at 1 (critical, below 2), A-02 at 4, B-01 and B-02 at 4.
fn capped(q: &Questionnaire) -> Assessment {
    let mut a = started(q, &[UseCase::Ehr]);
    for (id, value) in [("A-01", level(1)), ("A-02", level(4)), ("B-01", level(4)), ("B-02", level(4))] {
        answer(&mut a, q, id, value);
    }
    a
}

#[test]
fn the_results_show_both_indices_in_order_with_score_band_and_the_cap_by_critical_questions() {
    let q = mini();
    let a = capped(&q);
    let v = view::results(&q, &a.context, &report_of(&q, &a));
    assert_eq!(
        v.indices.iter().map(|c| c.index).collect::<Vec<_>>(),
        vec![Index::CloudReadiness, Index::DataProtection]
    );
    // Readiness: (3×1 + 1×4 + 2×4) / (6×4) = 15/24 = 62.5 %, rounded half up to 63, capped at 39.
    let readiness = v.indices[0].score.as_ref().unwrap();
    assert_eq!((readiness.value, readiness.band.as_str()), (39, "low"));
    let cap = readiness.cap.as_ref().unwrap();
    assert_eq!(cap.uncapped, 63);
    assert_eq!(
        cap.questions.iter().map(|c| (c.question.as_str(), c.standing)).collect::<Vec<_>>(),
        vec![("A-01", Standing::Level(1))]
    );
    // Protection: (3×1 + 2×4 + 1×4) / (6×4) = 15/24: the same figures.
    let protection = v.indices[1].score.as_ref().unwrap();
    assert_eq!((protection.value, protection.cap.as_ref().map(|c| c.uncapped)), (39, Some(63)));
}

#[test]
fn an_index_without_a_cap_has_none_and_its_band_follows_the_score() {
    let q = mini();
    let mut a = capped(&q);
    answer(&mut a, &q, "A-01", level(4));
    let v = view::results(&q, &a.context, &report_of(&q, &a));
    for card in &v.indices {
        let s = card.score.as_ref().unwrap();
        assert_eq!((s.value, s.band.as_str(), s.cap.is_none()), (100, "high", true), "{:?}", card.index);
    }
}

#[test]
fn the_domain_rows_give_level_and_target_in_hundredths_and_the_target_s_place_on_the_bar() {
    let q = mini();
    let a = capped(&q);
    let v = view::results(&q, &a.context, &report_of(&q, &a));
    let rows: Vec<_> =
        v.domains.iter().map(|d| (d.number, d.id.as_str(), d.level, d.target, d.target_percent)).collect();
    assert_eq!(
        rows,
        vec![
            // alpha: (3×1 + 1×4) / 4 = 1.75; targets (3×3 + 1×3) / 4 = 3.00, 75 % of 4.
            (1, "alpha", 175, 300, 75),
            // beta: 4.00; targets (2×4 + 1×2) / 3 = 3.33, 83 % of 4 (83.25 rounded).
            (2, "beta", 400, 333, 83),
        ]
    );
    assert_eq!(v.domains[1].percent, 100);
}

#[test]
fn each_domain_row_points_to_its_first_unanswered_question() {
    let q = mini();
    let mut a = started(&q, &[UseCase::Ehr, UseCase::MedicalDevices]);
    answer(&mut a, &q, "A-01", level(2));
    answer(&mut a, &q, "B-01", level(2));
    answer(&mut a, &q, "B-02", level(2));
    let v = view::results(&q, &a.context, &report_of(&q, &a));
    let first: Vec<_> = v.domains.iter().map(|d| (d.id.as_str(), d.first_unanswered.as_deref())).collect();
    // A-02 comes before A-03; beta is complete.
    assert_eq!(first, vec![("alpha", Some("A-02")), ("beta", None)]);
    assert_eq!(v.unanswered, vec!["A-02".to_owned(), "A-03".to_owned()]);
    assert!(v.incomplete);
    assert_eq!((v.completeness.answered, v.completeness.applicable), (3, 5));
}

#[test]
fn a_complete_assessment_is_not_marked_incomplete() {
    let q = mini();
    let v = view::results(&q, &capped(&q).context, &report_of(&q, &capped(&q)));
    assert!(!v.incomplete);
    assert!(v.domains.iter().all(|d| d.first_unanswered.is_none()));
}

#[test]
fn the_plan_rows_name_who_carries_each_action_and_ask_to_find_out_a_don_t_know_first() {
    let q = mini();
    let mut a = started(&q, &[UseCase::Ehr]);
    answer(&mut a, &q, "A-01", Some(AnswerValue::Unknown));
    answer(&mut a, &q, "B-01", level(1));
    let undecided = view::results(&q, &a.context, &report_of(&q, &a));
    assert!(!undecided.plan.is_empty());
    // No service model yet: nobody is named.
    assert!(undecided.plan.iter().all(|r| r.party == "undecided"));
    let a01 = undecided.plan.iter().find(|r| r.item.question == "A-01").unwrap();
    let b01 = undecided.plan.iter().find(|r| r.item.question == "B-01").unwrap();
    assert!(a01.find_out_first && !b01.find_out_first);
    a.apply(&q, Event::SetServiceModel(ServiceModel::Saas));
    let saas = view::results(&q, &a.context, &report_of(&q, &a));
    let party = |id: &str| saas.plan.iter().find(|r| r.item.question == id).unwrap().party;
    // From the questionnaire: A-01 is shared under SaaS, B-01 the provider's.
    assert_eq!((party("A-01"), party("B-01")), ("shared", "provider"));
    // The rows keep the plan's ranking.
    assert_eq!(saas.plan.iter().map(|r| r.item.rank).collect::<Vec<_>>(), (1..=saas.plan.len()).collect::<Vec<_>>());
}

#[test]
fn the_results_hide_the_actions_beyond_the_first_ten_until_asked() {
    let catalog = Catalog::embedded();
    let q = &catalog.questionnaire;
    let mut a = started(q, &[UseCase::Ehr]);
    let ids: Vec<String> = q.questions().map(|(_, x)| x.id.clone()).collect();
    for id in &ids {
        answer(&mut a, q, id, Some(AnswerValue::Unknown));
    }
    let report = report_of(q, &a);
    assert!(report.actions.len() > view::PLAN_FIRST, "everything unknown: every applicable question is an action");
    let v = view::results(q, &a.context, &report);
    assert_eq!(v.plan.len(), report.actions.len());
    assert_eq!(v.plan_hidden, report.actions.len() - 10);
    let mini_q = mini();
    let few = view::results(&mini_q, &capped(&mini_q).context, &report_of(&mini_q, &capped(&mini_q)));
    assert!(few.plan.len() <= 10);
    assert_eq!(few.plan_hidden, 0);
}

#[test]
fn the_results_carry_the_context_they_were_computed_in() {
    let q = mini();
    let a = capped(&q);
    assert_eq!(view::results(&q, &a.context, &report_of(&q, &a)).context, a.context);
}

// The radar chart.

#[test]
fn a_radar_needs_three_domains() {
    let q = mini();
    let a = capped(&q);
    assert_eq!(view::results(&q, &a.context, &report_of(&q, &a)).radar, None);
}

#[test]
fn the_radar_has_an_axis_per_domain_starting_at_the_top_with_four_rings() {
    let catalog = Catalog::embedded();
    let q = &catalog.questionnaire;
    let a = started(q, &[UseCase::Ehr]);
    let v = view::results(q, &a.context, &report_of(q, &a));
    let chart = v.radar.unwrap();
    assert_eq!(chart.axes.len(), v.domains.len());
    assert_eq!(chart.axes.iter().map(|x| x.number).collect::<Vec<_>>(), (1..=v.domains.len()).collect::<Vec<_>>());
    // Centre (210, 210), radius 160: the first axis ends straight above the centre.
    assert_eq!((chart.centre.x.as_str(), chart.centre.y.as_str()), ("210.0", "210.0"));
    assert_eq!((chart.axes[0].end.x.as_str(), chart.axes[0].end.y.as_str()), ("210.0", "50.0"));
    assert_eq!(chart.axes[0].anchor, radar::Anchor::Middle);
    assert_eq!(chart.rings.len(), 4);
    assert!(chart.rings.iter().all(|r| r.split(' ').count() == v.domains.len()));
    // The outer ring's first corner is the first axis's end.
    assert!(chart.rings[3].starts_with("210.0,50.0 "));
    assert_eq!(chart.ticks.iter().map(|t| t.level).collect::<Vec<_>>(), vec![1, 2, 3, 4]);
    // Nothing answered: every dot sits at the centre.
    assert!(chart.axes.iter().all(|x| x.dot == chart.centre && x.level == 0));
}

#[test]
fn a_domain_at_the_top_level_has_its_dot_at_the_end_of_its_axis_and_halfway_at_level_two() {
    let catalog = Catalog::embedded();
    let q = &catalog.questionnaire;
    let mut a = started(q, &[UseCase::Ehr]);
    let first = q.applicable_domains(&a.context).next().unwrap();
    let ids: Vec<String> = q.applicable(first, &a.context).map(|x| x.id.clone()).collect();
    for id in &ids {
        answer(&mut a, q, id, level(4));
    }
    let chart = view::results(q, &a.context, &report_of(q, &a)).radar.unwrap();
    assert_eq!(chart.axes[0].level, 400);
    assert_eq!(chart.axes[0].dot, chart.axes[0].end);
    for id in &ids {
        answer(&mut a, q, id, level(2));
    }
    let chart = view::results(q, &a.context, &report_of(q, &a)).radar.unwrap();
    // 80 units above the centre: half the radius.
    assert_eq!((chart.axes[0].dot.x.as_str(), chart.axes[0].dot.y.as_str()), ("210.0", "130.0"));
    assert!(chart.levels.starts_with("210.0,130.0 "));
}

// The comparison.

#[test]
fn there_is_no_comparison_without_an_earlier_file() {
    let q = mini();
    let a = capped(&q);
    assert_eq!(view::comparison(&q, &a, &report_of(&q, &a)), None);
}

#[test]
fn the_comparison_s_deltas_are_current_minus_earlier_per_index_and_domain() {
    let q = mini();
    let mut a = capped(&q);
    let context = a.context.clone();
    // Earlier: everything at 2, nothing capped (2 is the critical minimum).
    let before = [("A-01", level(2)), ("A-02", level(2)), ("B-01", level(2)), ("B-02", level(2))];
    a.apply(&q, Event::SetBaseline(earlier(context, &before)));
    let v = view::comparison(&q, &a, &report_of(&q, &a)).unwrap();
    let indices: Vec<_> = v.indices.iter().map(|d| (d.index, d.before, d.after, d.delta, d.trend)).collect();
    // 50 before (every level 2 of 4); 39 now (capped).
    assert_eq!(
        indices,
        vec![
            (Index::CloudReadiness, Some(50), Some(39), Some(-11), Trend::Worsened),
            (Index::DataProtection, Some(50), Some(39), Some(-11), Trend::Worsened),
        ]
    );
    let domains: Vec<_> = v.domains.iter().map(|d| (d.domain.as_str(), d.before, d.after, d.delta, d.trend)).collect();
    assert_eq!(
        domains,
        vec![
            ("alpha", Some(200), Some(175), Some(-25), Trend::Worsened),
            ("beta", Some(200), Some(400), Some(200), Trend::Improved)
        ]
    );
    assert_eq!(v.created, "2025-11-03T09:30:00Z");
    assert!(!v.context_changed);
}

#[test]
fn the_comparison_says_when_the_earlier_file_had_another_context() {
    let q = mini();
    let mut a = capped(&q);
    let mut other = a.context.clone();
    other.set_use_case(UseCase::MedicalDevices, true);
    a.apply(&q, Event::SetBaseline(earlier(other, &[("A-01", level(3))])));
    assert!(view::comparison(&q, &a, &report_of(&q, &a)).unwrap().context_changed);
}

#[test]
fn the_earlier_report_is_computed_once_when_the_baseline_is_set() {
    let q = mini();
    let mut a = capped(&q);
    let earlier_context = a.context.clone();
    let before = [("A-01", level(2)), ("B-01", level(3))];
    a.apply(&q, Event::SetBaseline(earlier(earlier_context.clone(), &before)));
    let set = Rc::clone(&a.baseline.as_ref().unwrap().report);
    // It is the report of the earlier answers in the earlier context...
    let mut values = cloudtriage::core::map::Map::new();
    values.insert("A-01".to_owned(), level(2).unwrap());
    values.insert("B-01".to_owned(), level(3).unwrap());
    assert_eq!(*set, score(&q, &earlier_context, &values));
    // ...and later changes, copies and renders reuse it instead of scoring again.
    answer(&mut a, &q, "A-02", level(1));
    a.apply(&q, Event::SetLanguage("de".into()));
    let copy = a.clone();
    assert!(Rc::ptr_eq(&set, &copy.baseline.as_ref().unwrap().report));
}

// The language switcher and the toolbar.

#[test]
fn the_language_switcher_offers_every_language_with_the_shown_one_chosen() {
    let catalog = Catalog::embedded();
    let options = view::languages(catalog, "de");
    assert_eq!(options.iter().map(|o| o.code).collect::<Vec<_>>(), catalog.codes().collect::<Vec<_>>());
    assert_eq!(options.iter().filter(|o| o.chosen).map(|o| o.code).collect::<Vec<_>>(), vec!["de"]);
    assert_eq!(options.iter().find(|o| o.code == "de").map(|o| o.name), Some("Deutsch"));
}

#[test]
fn downloading_is_the_main_action_on_the_results_and_the_comparison_only() {
    let q = mini();
    let mut a = capped(&q);
    a.apply(&q, Event::Go(Page::Domain("alpha".into())));
    assert!(!view::toolbar(&a, false, false, true).download_primary);
    a.apply(&q, Event::Go(Page::Results));
    assert!(view::toolbar(&a, false, false, true).download_primary);
    a.apply(&q, Event::SetBaseline(earlier(a.context.clone(), &[])));
    assert_eq!(a.page, Page::Compare);
    assert!(view::toolbar(&a, false, false, true).download_primary);
}

#[test]
fn the_remember_switch_exists_only_where_the_host_allows_storage() {
    let a = Assessment::new("en");
    assert_eq!(view::toolbar(&a, true, false, true).remember, Some(true));
    assert_eq!(view::toolbar(&a, false, false, true).remember, Some(false));
    assert_eq!(view::toolbar(&a, true, false, false).remember, None);
    assert!(view::toolbar(&a, false, true, true).confirm_erase);
    assert!(!view::toolbar(&a, false, false, true).confirm_erase);
}

// Figures as text.

#[test]
fn changes_carry_their_sign_and_a_missing_figure_a_dash() {
    let catalog = Catalog::embedded();
    let (en, fr) = (catalog.language("en"), catalog.language("fr"));
    assert_eq!(view::points_change(Some(5)), "+5");
    assert_eq!(view::points_change(Some(-11)), "−11");
    assert_eq!(view::points_change(Some(0)), "±0");
    assert_eq!(view::points_change(None), "–");
    assert_eq!(view::level_change(en, Some(-125)), "−1.25");
    assert_eq!(view::level_change(fr, Some(200)), "+2,00");
    assert_eq!(view::level_change(en, Some(0)), "±0");
    assert_eq!(view::level_change(en, None), "–");
    assert_eq!(view::optional_level(en, Some(175)), "1.75");
    assert_eq!(view::optional_level(en, None), "–");
}

// One report per state, shared.

#[test]
fn a_results_file_written_with_the_shared_report_equals_one_that_scores_afresh() {
    let catalog = Catalog::embedded();
    let q = &catalog.questionnaire;
    let mut a = started(q, &[UseCase::Ehr]);
    let first = q.questions().next().unwrap().1.id.clone();
    answer(&mut a, q, &first, level(3));
    let created = "2026-12-01T08:00:00Z".to_owned();
    let report = report_of(q, &a);
    let shared = ResultsFile::with_report(catalog, "en", created.clone(), &a.context, &a.answers, report.clone());
    let fresh = ResultsFile::new(catalog, "en", created, &a.context, &a.answers);
    assert_eq!(shared, fresh);
    assert_eq!(shared.report, report);
}

#[test]
fn the_radar_s_cosine_and_sine_agree_with_the_standard_library_over_several_turns() {
    let mut worst: f64 = 0.0;
    for i in -4000..=8000 {
        let angle = f64::from(i) * 0.001 * std::f64::consts::PI;
        let (cos, sin) = radar::cos_sin(angle);
        worst = worst.max((cos - angle.cos()).abs()).max((sin - angle.sin()).abs());
    }
    assert!(worst < 1e-12, "largest difference {worst:e}");
    // Every axis of the real chart: a quarter turn apart at four domains, exactly.
    assert_eq!(radar::cos_sin(-std::f64::consts::FRAC_PI_2), (0.0, -1.0));
}
