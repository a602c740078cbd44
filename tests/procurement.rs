#![cfg(not(target_arch = "wasm32"))]
//! The procurement pack: which gaps become tender requirements, must or should,
//! and which contract clauses the answers show covered. Expectations are
//! written by hand from content/procurement.toml and content/domains/.

use cloudtriage::core::map::Map;

use cloudtriage::core::answer::{AnswerValue, Level};
use cloudtriage::core::context::{Context, ServiceModel, Stage, UseCase};
use cloudtriage::core::procurement::{self, content, view, ClauseState, Phase, ProcurementContent, Strength};
use cloudtriage::core::results::import;
use cloudtriage::core::score::Standing;
use cloudtriage::core::Catalog;

const FIXTURE: &str = "tests/fixtures/procurement-ehr-saas-planning.json";

fn fixture() -> (Context, Map<String, AnswerValue>) {
    let imported = import(Catalog::embedded(), &std::fs::read(FIXTURE).unwrap()).expect("the fixture is valid");
    (imported.context, imported.answers.values)
}

fn the_pack() -> procurement::ProcurementPack {
    let (ctx, answers) = fixture();
    procurement::pack(&Catalog::embedded().questionnaire, procurement::embedded(), &ctx, &answers)
}

#[test]
fn the_fixture_is_a_planning_stage_ehr_saas_context() {
    let (ctx, answers) = fixture();
    assert_eq!(ctx.use_cases, vec![UseCase::Ehr]);
    assert_eq!(ctx.service_model, ServiceModel::Saas);
    assert_eq!(ctx.stage, Stage::Planning);
    assert_eq!(answers.get("SUP-02"), Some(&AnswerValue::Level(Level::new(1).unwrap())));
    assert_eq!(answers.get("EXT-02"), Some(&AnswerValue::Unknown));
}

#[test]
fn weak_supplier_answers_become_requirements_by_phase_in_content_order() {
    // Every other question is answered at level 4; these are the ones below target.
    let pack = the_pack();
    let ids: Vec<(&str, Phase)> = pack.requirements.iter().map(|r| (r.question.as_str(), r.phase)).collect();
    assert_eq!(
        ids,
        vec![
            ("LOC-01", Phase::Plan),
            ("SUP-02", Phase::Source),
            ("SUP-03", Phase::Source),
            ("SUP-04", Phase::Source),
            ("EXT-02", Phase::Source),
            ("INC-02", Phase::Source),
            ("CRY-01", Phase::Source),
            ("ASR-03", Phase::Manage),
        ]
    );
}

#[test]
fn critical_questions_and_targets_of_three_or_more_are_must_the_rest_should() {
    let pack = the_pack();
    let strength = |id: &str| pack.requirement(id).unwrap_or_else(|| panic!("{id} has a requirement")).strength;
    // Critical: SUP-02, EXT-02, INC-02, LOC-01, CRY-01 (SUP-02 and EXT-02 have target 2 while planning).
    for id in ["SUP-02", "EXT-02", "INC-02", "LOC-01", "CRY-01"] {
        assert_eq!(strength(id), Strength::Must, "{id} is critical");
    }
    // SUP-03 is not critical but keeps the default target 3 while planning.
    assert_eq!(strength("SUP-03"), Strength::Must);
    // SUP-04 and ASR-03 are not critical and have target 2 while planning.
    assert_eq!(strength("SUP-04"), Strength::Should);
    assert_eq!(strength("ASR-03"), Strength::Should);
    assert_eq!((pack.count(Strength::Must), pack.count(Strength::Should)), (6, 2));
}

#[test]
fn a_requirement_carries_its_answer_target_evidence_and_rules() {
    let pack = the_pack();
    let sup02 = pack.requirement("SUP-02").unwrap();
    assert_eq!(sup02.standing, Standing::Level(1));
    assert_eq!(sup02.target, 2);
    assert_eq!(sup02.domain, "suppliers");
    assert_eq!(sup02.evidence, vec!["dpa_draft".to_owned()]);
    let rules: Vec<String> = sup02.references.iter().map(|r| r.to_string()).collect();
    assert_eq!(rules, vec!["GDPR:28(3)", "ISO27001:A.5.20", "ISO27001:A.5.34"]);
    let ext02 = pack.requirement("EXT-02").unwrap();
    assert_eq!(ext02.standing, Standing::Unknown);
}

#[test]
fn strong_answers_give_no_requirement_and_cover_their_clauses() {
    let pack = the_pack();
    // At or above their planning-stage targets: SUP-05 (3 of 2), EXT-01 (3 of 2), EXT-04 (2 of 2), POR-02 (2 of 2), CRY-02 (4 of 3).
    for id in ["SUP-05", "EXT-01", "EXT-04", "POR-02", "CRY-02"] {
        assert!(pack.requirement(id).is_none(), "{id} meets its target");
    }
    let covered: Vec<&str> =
        pack.checklist.iter().filter(|c| c.state == ClauseState::Covered).map(|c| c.clause.as_str()).collect();
    assert_eq!(
        covered,
        vec![
            "gdpr-28-3-h",
            "dataact-notice",
            "dataact-transition",
            "dataact-exportable-data",
            "dataact-charges",
            "dataact-jurisdiction"
        ]
    );
}

#[test]
fn a_clause_is_missing_when_any_question_showing_it_falls_short() {
    let pack = the_pack();
    let state = |id: &str| pack.clause(id).unwrap_or_else(|| panic!("{id} is in the checklist")).state;
    for id in ["gdpr-28-3-a", "gdpr-28-3-b", "gdpr-28-3-e", "gdpr-28-3-g", "gdpr-28-2-4", "gdpr-33-2"] {
        assert_eq!(state(id), ClauseState::Missing, "{id}");
    }
    // Security (Art. 28(3)(c)): CRY-02 is at 4, but SUP-02 and CRY-01 are not.
    assert_eq!(state("gdpr-28-3-c"), ClauseState::Missing);
    // Transfers: LOC-02 at 4 but LOC-01 at 1.
    assert_eq!(state("gdpr-chapter-5"), ClauseState::Missing);
    // Retrieval: EXT-03 at 4 but EXT-02 "don't know".
    assert_eq!(state("dataact-retrieval"), ClauseState::Missing);
    assert_eq!(state("nis2-incident-cooperation"), ClauseState::Missing);
    assert_eq!(pack.checklist.len(), 18);
    assert_eq!(pack.covered(), 6);
    assert_eq!(pack.clause("gdpr-28-3-c").unwrap().questions, vec!["SUP-02", "CRY-01", "CRY-02"]);
}

#[test]
fn raising_the_weak_answers_to_target_closes_every_gap() {
    let (ctx, mut answers) = fixture();
    for id in ["LOC-01", "SUP-02", "SUP-03", "SUP-04", "EXT-02", "INC-02", "CRY-01", "ASR-03"] {
        answers.insert(id.to_owned(), AnswerValue::Level(Level::new(3).unwrap()));
    }
    let pack = procurement::pack(&Catalog::embedded().questionnaire, procurement::embedded(), &ctx, &answers);
    assert!(pack.requirements.is_empty(), "{:?}", pack.requirements);
    assert_eq!(pack.covered(), 18);
}

#[test]
fn unanswered_questions_are_gaps_and_leave_clauses_missing() {
    let (ctx, _) = fixture();
    let pack = procurement::pack(&Catalog::embedded().questionnaire, procurement::embedded(), &ctx, &Map::new());
    assert!(pack.requirements.iter().all(|r| r.standing == Standing::Unanswered));
    assert_eq!(pack.covered(), 0);
    // Every requirement of the content applies in an EHR SaaS context (none is customer-run there).
    assert_eq!(pack.requirements.len(), procurement::embedded().requirements.len());
}

#[test]
fn provider_run_requirements_are_left_out_where_the_customer_carries_the_measure() {
    let (mut ctx, answers) = fixture();
    let mut answers = answers;
    answers.insert("IAM-01".into(), AnswerValue::Level(Level::new(1).unwrap()));
    let q = &Catalog::embedded().questionnaire;
    // IAM-01 is shared under SaaS: the supplier must enforce MFA.
    assert!(procurement::pack(q, procurement::embedded(), &ctx, &answers).requirement("IAM-01").is_some());
    // Under IaaS the customer carries it alone: no tender requirement.
    ctx.service_model = ServiceModel::Iaas;
    assert!(procurement::pack(q, procurement::embedded(), &ctx, &answers).requirement("IAM-01").is_none());
    // While the model is undecided the supplier may carry it: the requirement stays.
    ctx.service_model = ServiceModel::Undecided;
    assert!(procurement::pack(q, procurement::embedded(), &ctx, &answers).requirement("IAM-01").is_some());
}

#[test]
fn not_applicable_answers_leave_the_question_out() {
    let (ctx, mut answers) = fixture();
    // LOC-02 allows "not applicable"; the transfers clause then rests on LOC-01 alone.
    answers.insert("LOC-02".into(), AnswerValue::NotApplicable);
    answers.insert("LOC-01".into(), AnswerValue::Level(Level::new(3).unwrap()));
    let pack = procurement::pack(&Catalog::embedded().questionnaire, procurement::embedded(), &ctx, &answers);
    let transfers = pack.clause("gdpr-chapter-5").unwrap();
    assert_eq!(transfers.questions, vec!["LOC-01"]);
    assert_eq!(transfers.state, ClauseState::Covered);
}

#[test]
fn the_view_says_must_and_covered_in_each_language() {
    let (ctx, _) = fixture();
    let pack = the_pack();
    let catalog = Catalog::embedded();
    let expected = [
        ("en", "Must", "Should", "Covered", "Missing", "The supplier shall sign"),
        ("de", "Muss", "Soll", "Abgedeckt", "Fehlt", "Der Anbieter muss vor jeder Verarbeitung"),
        ("fr", "Obligatoire", "Recommandée", "Couverte", "Manquante", "Le fournisseur doit signer"),
    ];
    for (code, must, should, covered, missing, sup02) in expected {
        let words = procurement::embedded_words(code).unwrap().unwrap();
        let v = view::view(&pack, &ctx, catalog.language(code), &words);
        let source = v.phases.iter().find(|p| p.id == "source").unwrap();
        let req = source.requirements.iter().find(|r| r.id == "SUP-02").unwrap();
        assert_eq!(req.strength, must, "{code}");
        assert!(req.clause.starts_with(sup02), "{code}: {}", req.clause);
        let asr03 = v.phases.iter().flat_map(|p| &p.requirements).find(|r| r.id == "ASR-03").unwrap();
        assert_eq!(asr03.strength, should, "{code}");
        let dpa = &v.parts[0];
        assert_eq!(dpa.id, "dpa");
        let h = dpa.clauses.iter().find(|c| c.id == "gdpr-28-3-h").unwrap();
        assert_eq!((h.covered, h.state.as_str()), (true, covered), "{code}");
        let a = dpa.clauses.iter().find(|c| c.id == "gdpr-28-3-a").unwrap();
        assert_eq!((a.covered, a.state.as_str()), (false, missing), "{code}");
        assert_eq!(v.questions.len(), 8);
    }
}

#[test]
fn the_view_cites_rules_and_states_the_answer_in_the_language() {
    let (ctx, _) = fixture();
    let pack = the_pack();
    let words = procurement::embedded_words("de").unwrap().unwrap();
    let v = view::view(&pack, &ctx, Catalog::embedded().language("de"), &words);
    let sup02 = v.phases.iter().flat_map(|p| &p.requirements).find(|r| r.id == "SUP-02").unwrap();
    assert_eq!(sup02.rules[0].label, "DSGVO Art. 28 Abs. 3");
    assert_eq!(sup02.rules[0].id, "GDPR:28(3)");
    assert_eq!(sup02.standing, "Ihre Antwort: Stufe 1; Zielstufe 2.");
    assert_eq!(sup02.evidence, vec!["Entwurf des Auftragsverarbeitungsvertrags des Anbieters"]);
    assert_eq!(
        v.context,
        "Kontext: Elektronische Patientenakten; Servicemodell Software als Dienst (SaaS); Phase Planung."
    );
    assert_eq!(v.summary, "6 Muss- und 2 Soll-Anforderungen; 6 von 18 Vertragsklauseln abgedeckt.");
    // Phases without requirements are left out; the fixture has one of each.
    let phases: Vec<&str> = v.phases.iter().map(|p| p.title.as_str()).collect();
    assert_eq!(phases, vec!["Planen", "Beschaffen", "Steuern"]);
}

/// The pack's TOML, read with the `toml` crate rather than the core's reader.
fn toml_file(path: &str) -> toml::Table {
    toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn every_question_the_pack_names_exists_in_the_questionnaire() {
    let q = &Catalog::embedded().questionnaire;
    let structure = toml_file("content/procurement.toml");
    let requirement_ids = structure["requirement"].as_array().unwrap().iter().map(|r| r["question"].as_str().unwrap());
    let clause_ids = structure["clause"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["questions"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()));
    for id in requirement_ids.chain(clause_ids) {
        assert!(q.question(id).is_some(), "content/procurement.toml names {id}, which no domain asks");
    }
}

#[test]
fn the_pack_words_are_complete_in_every_language() {
    let content = procurement::embedded();
    let codes: Vec<&str> = Catalog::embedded().codes().collect();
    let with_words: Vec<&str> = procurement::embedded_codes().collect();
    assert_eq!(with_words, codes, "every language has content/lang/<code>/procurement.toml");
    for code in codes {
        let words = procurement::embedded_words(code).unwrap().unwrap();
        let problems = content::word_problems(content, &words, code);
        assert!(problems.is_empty(), "{problems:#?}");
    }
}

/// How a tender clause may open in each language: an obligation ("shall", "muss", "doit") or
/// a prohibition ("darf nur", "ne peut que") of the supplier, sometimes after a time phrase.
const OBLIGATIONS: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            "The supplier shall ",
            "At the end of the service the supplier shall ",
            "After notice or termination the supplier shall ",
        ],
    ),
    (
        "de",
        &[
            "Der Anbieter muss ",
            "Der Anbieter darf ",
            "Am Ende des Dienstes muss der Anbieter ",
            "Nach Kündigung oder Vertragsende muss der Anbieter ",
        ],
    ),
    (
        "fr",
        &[
            "Le fournisseur doit ",
            "Le fournisseur ne peut ",
            "À la fin du service, le fournisseur doit ",
            "Après préavis ou résiliation, le fournisseur doit ",
        ],
    ),
];

#[test]
fn every_tender_clause_is_written_as_an_obligation_of_the_supplier() {
    for (code, openings) in OBLIGATIONS {
        let words = toml_file(&format!("content/lang/{code}/procurement.toml"));
        for (id, r) in words["requirements"].as_table().unwrap() {
            let clause = r["clause"].as_str().unwrap();
            assert!(openings.iter().any(|o| clause.starts_with(o)), "{code} {id}: {clause}");
        }
    }
}

#[test]
fn the_reader_refuses_content_that_names_what_does_not_exist() {
    let q = &Catalog::embedded().questionnaire;
    let good = r#"{"evidence":["a"],"rules":{"must_min_target":3},
        "requirement":[{"question":"SUP-02","phase":"source","evidence":["a"]}],
        "clause":[{"id":"c","part":"dpa","questions":["SUP-02"],"references":["GDPR:28(3)(a)"]}]}"#;
    ProcurementContent::from_json(good).unwrap().check(q).unwrap();
    let cases = [
        (
            good.replace("\"question\":\"SUP-02\"", "\"question\":\"SUP-99\""),
            "requirement for SUP-99: no such question",
        ),
        (good.replace("\"evidence\":[\"a\"]}", "\"evidence\":[\"b\"]}"), "evidence b is not in the evidence list"),
        (good.replace("\"questions\":[\"SUP-02\"]", "\"questions\":[\"XYZ-01\"]"), "clause c: no such question XYZ-01"),
        (good.replace("\"questions\":[\"SUP-02\"]", "\"questions\":[]"), "clause c is shown by no question"),
        (good.replace("\"must_min_target\":3", "\"must_min_target\":5"), "must_min_target 5 is outside 1 to 4"),
        (good.replace("\"references\":[\"GDPR:28(3)(a)\"]", "\"references\":[]"), "clause c cites no legal basis"),
    ];
    for (text, message) in cases {
        let err = ProcurementContent::from_json(&text).unwrap().check(q).unwrap_err().to_string();
        assert!(err.contains(message), "{err}");
    }
    // A citation the reference scheme does not know (the Data Act's Art. 25 has no paragraph 5) stops the reader.
    let bad_reference = good.replace("GDPR:28(3)(a)", "DATAACT:25(5)");
    let err = ProcurementContent::from_json(&bad_reference).unwrap_err().to_string();
    assert!(err.contains("clause[0].references[0]") && err.contains("DATAACT:25(5)"), "{err}");
    let free_text = good.replace("GDPR:28(3)(a)", "Data Act Art. 25");
    assert!(ProcurementContent::from_json(&free_text).is_err(), "a citation in free text is refused");
    let bad_phase = good.replace("\"phase\":\"source\"", "\"phase\":\"award\"");
    let err = ProcurementContent::from_json(&bad_phase).unwrap_err().to_string();
    assert!(err.contains("\"award\" is not plan, source or manage"), "{err}");
}

#[test]
fn a_language_lacking_a_word_or_carrying_an_unused_one_is_named() {
    let content = procurement::embedded();
    let mut words = procurement::embedded_words("fr").unwrap().unwrap();
    words.requirements.remove("SUP-02");
    words.evidence.insert("fax".into(), "Télécopie".into());
    let problems = content::word_problems(content, &words, "fr");
    assert!(problems.contains(&"content/lang/fr/procurement.toml: missing requirements.SUP-02.clause".to_owned()));
    assert!(problems.contains(&"content/lang/fr/procurement.toml: evidence.fax is used by nothing".to_owned()));
}
