#![cfg(not(target_arch = "wasm32"))]
//! `Assessment::apply_solo`, which the widget's first module uses: the same as
//! `apply` for one person's events, while the team's events change nothing,
//! and a team's assessment takes no answer or note from it. On the miniature
//! questionnaire of tests/fixtures/mini.json.

mod support;

use cloudtriage::core::assessment::{Event, Page};
use cloudtriage::core::context::{OrgSize, ServiceModel, Stage, UseCase};
use cloudtriage::core::results::Evidence;
use cloudtriage::core::AnswerValue;
use proptest::prelude::*;
use support::{level, mini, started};

const QUESTIONS: &[&str] = &["A-01", "A-02", "A-03", "B-01", "B-02", "Z-99"];

fn value() -> impl Strategy<Value = Option<AnswerValue>> {
    prop_oneof![Just(None), Just(Some(AnswerValue::NotApplicable)), (0u8..=4).prop_map(level),]
}

/// One person's events, as the first module sends them.
fn solo_event() -> impl Strategy<Value = Event> {
    prop_oneof![
        (proptest::sample::select(QUESTIONS), value())
            .prop_map(|(q, value)| Event::Answer { question: q.into(), value }),
        (proptest::sample::select(QUESTIONS), "[ a-z\n]{0,6}")
            .prop_map(|(q, text)| Event::Note { question: q.into(), text }),
        (proptest::sample::select(UseCase::ALL), any::<bool>()).prop_map(|(u, on)| Event::SetUseCase(u, on)),
        proptest::sample::select(ServiceModel::ALL).prop_map(Event::SetServiceModel),
        proptest::sample::select(Stage::ALL).prop_map(Event::SetStage),
        proptest::sample::select(OrgSize::ALL).prop_map(Event::SetOrgSize),
        Just(Event::Next),
        Just(Event::Previous),
        Just(Event::Resume),
        Just(Event::Go(Page::Results)),
        Just(Event::Go(Page::Domain("beta".into()))),
        Just(Event::Erase),
    ]
}

fn evidence() -> Evidence {
    Evidence { title: "Backup policy".into(), location: None, owner: None, review_by: None, file: None }
}

proptest! {
    #[test]
    fn one_persons_events_do_the_same_either_way(events in proptest::collection::vec(solo_event(), 0..40)) {
        let q = mini();
        let mut team = started(&q, &[UseCase::Ehr]);
        let mut solo = team.clone();
        for event in events {
            team.apply(&q, event.clone());
            solo.apply_solo(&q, event);
            prop_assert_eq!(&solo, &team);
        }
    }
}

#[test]
fn the_teams_events_change_nothing_in_one_persons_copy() {
    let q = mini();
    let mut a = started(&q, &[UseCase::Ehr]);
    support::answer(&mut a, &q, "A-01", level(3));
    let before = a.clone();
    let events = [
        Event::SetRespondent("DPO".into()),
        Event::Assign { label: "CISO".into(), domains: vec!["alpha".into()] },
        Event::AddEvidence { question: "A-01".into(), evidence: evidence() },
        Event::RemoveEvidence { question: "A-01".into(), index: 0 },
        Event::Resolve { question: "A-01".into(), by: "DPO".into(), chosen: None, value: AnswerValue::NotApplicable },
        Event::Reopen { question: "A-01".into() },
        Event::KeepContext,
    ];
    for event in events {
        let mut full = a.clone();
        full.apply(&q, event.clone());
        a.apply_solo(&q, event.clone());
        assert_eq!(a, before, "{event:?}");
        // The same event does something where the team's rules apply, so the check above can fail.
        if !matches!(
            event,
            Event::RemoveEvidence { .. } | Event::Resolve { .. } | Event::Reopen { .. } | Event::KeepContext
        ) {
            assert_ne!(full, before, "{event:?} in the whole widget");
        }
    }
}

#[test]
fn a_teams_assessment_takes_no_answer_or_note_from_one_persons_copy() {
    let q = mini();
    let mut a = started(&q, &[UseCase::Ehr]);
    a.apply(&q, Event::SetRespondent("DPO".into()));
    support::answer(&mut a, &q, "A-01", level(2));
    assert!(a.is_teamwork());
    let before = a.clone();
    a.apply_solo(&q, Event::Answer { question: "A-01".into(), value: level(4) });
    a.apply_solo(&q, Event::Note { question: "A-01".into(), text: "signed".into() });
    assert_eq!(a.answers, before.answers, "nothing recorded without the respondent's label");
    // One person's copy still moves between pages.
    a.apply_solo(&q, Event::Go(Page::Results));
    assert_eq!(a.page, Page::Results);
}
