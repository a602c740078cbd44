#![cfg(not(target_arch = "wasm32"))]
//! The procurement pack's page data and its citations: the export module's
//! JSON view of a results file (read here with serde_json, an independent
//! reader, and with the core's own reader the widget uses), and the Data Act
//! cited as structured references wherever the pack speaks of switching and
//! exit. Expectations are written by hand from content/procurement.toml, the
//! fixture and ../shared/domain/REFERENCE.md section 5.

use std::collections::BTreeMap;

use cloudtriage::core::procurement::{self, view::PackView};
use cloudtriage::core::reference::Source;
use cloudtriage::core::results::import;
use cloudtriage::core::Catalog;
use cloudtriage::export::procurement::{pack_view, pack_view_json};
use cloudtriage::export::ExportError;
use serde_json::Value;

const FIXTURE: &str = "tests/fixtures/procurement-ehr-saas-planning.json";

fn fixture() -> Vec<u8> {
    std::fs::read(FIXTURE).unwrap()
}

fn json_view(lang: &str) -> Value {
    let text = pack_view_json(Catalog::embedded(), &fixture(), Some(lang)).expect("the fixture gives a pack");
    serde_json::from_str(&text).expect("the view is JSON")
}

fn requirement<'a>(v: &'a Value, id: &str) -> &'a Value {
    v["phases"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["requirements"].as_array().unwrap())
        .find(|r| r["id"] == id)
        .unwrap_or_else(|| panic!("{id} is a requirement"))
}

fn clause<'a>(v: &'a Value, id: &str) -> &'a Value {
    v["parts"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["clauses"].as_array().unwrap())
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("{id} is a clause"))
}

fn ids(citations: &Value) -> Vec<&str> {
    citations.as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap()).collect()
}

#[test]
fn the_json_view_groups_must_and_should_requirements_by_phase() {
    let v = json_view("en");
    assert_eq!(v["language"], "en");
    let phases: Vec<&str> = v["phases"].as_array().unwrap().iter().map(|p| p["id"].as_str().unwrap()).collect();
    assert_eq!(phases, vec!["plan", "source", "manage"]);
    let in_phase = |phase: &str| -> Vec<&str> {
        let p = v["phases"].as_array().unwrap().iter().find(|p| p["id"] == phase).unwrap();
        p["requirements"].as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap()).collect()
    };
    // The fixture's weak answers, by the phase content/procurement.toml gives them.
    assert_eq!(in_phase("plan"), vec!["LOC-01"]);
    assert_eq!(in_phase("source"), vec!["SUP-02", "SUP-03", "SUP-04", "EXT-02", "INC-02", "CRY-01"]);
    assert_eq!(in_phase("manage"), vec!["ASR-03"]);
    let sup02 = requirement(&v, "SUP-02");
    assert_eq!(sup02["must"], true);
    assert_eq!(sup02["strength"], "Must");
    assert!(sup02["clause"].as_str().unwrap().starts_with("The supplier shall sign, before any processing"));
    assert_eq!(sup02["evidence"][0], "The supplier's draft data-processing agreement");
    assert_eq!(sup02["standing"], "Your answer: level 1; target level 2.");
    let asr03 = requirement(&v, "ASR-03");
    assert_eq!((asr03["must"].as_bool(), asr03["strength"].as_str()), (Some(false), Some("Should")));
    let questions: Vec<&str> = v["questions"].as_array().unwrap().iter().map(|q| q["id"].as_str().unwrap()).collect();
    assert_eq!(questions, vec!["LOC-01", "SUP-02", "SUP-03", "SUP-04", "EXT-02", "INC-02", "CRY-01", "ASR-03"]);
    assert_eq!(v["labels"]["title"], "Procurement pack");
    assert_eq!(v["summary"], "6 must and 2 should requirements; 6 of 18 contract clauses covered.");
}

#[test]
fn the_json_view_marks_each_clause_covered_or_missing_in_the_language() {
    let v = json_view("de");
    assert_eq!(v["language"], "de");
    let parts: Vec<&str> = v["parts"].as_array().unwrap().iter().map(|p| p["id"].as_str().unwrap()).collect();
    assert_eq!(parts, vec!["dpa", "contract"]);
    // Strong answers: audits (SUP-05 at 3 of 2) and switching on request (EXT-01, EXT-04 at target).
    for (id, covered, state) in [
        ("gdpr-28-3-h", true, "Abgedeckt"),
        ("dataact-notice", true, "Abgedeckt"),
        ("gdpr-28-3-a", false, "Fehlt"),
        ("dataact-retrieval", false, "Fehlt"),
    ] {
        let c = clause(&v, id);
        assert_eq!((c["covered"].as_bool(), c["state"].as_str()), (Some(covered), Some(state)), "{id}");
    }
    assert_eq!(clause(&v, "dataact-retrieval")["shown_by"], serde_json::json!(["EXT-02", "EXT-03"]));
    assert_eq!(clause(&v, "gdpr-28-3-a")["title"], "Dokumentierte Weisungen");
    assert_eq!(requirement(&v, "SUP-02")["strength"], "Muss");
}

#[test]
fn the_widget_reads_back_exactly_the_view_the_documents_are_written_from() {
    for lang in ["en", "de", "fr"] {
        let (direct, _) = pack_view(Catalog::embedded(), &fixture(), Some(lang)).unwrap();
        let text = pack_view_json(Catalog::embedded(), &fixture(), Some(lang)).unwrap();
        assert_eq!(PackView::from_json(&text).unwrap(), direct, "{lang}");
    }
}

#[test]
fn the_widget_refuses_a_view_that_is_not_one() {
    let text = pack_view_json(Catalog::embedded(), &fixture(), Some("en")).unwrap();
    let cases = [
        (text.replacen("\"must\":true", "\"must\":\"yes\"", 1), "expected true or false"),
        (text.replacen("\"summary\":", "\"résumé\":", 1), "unknown field \"résumé\""),
        (text.replacen("\"labels\":{", "\"labels\":{\"stray\":\"x\",", 1), "unknown field \"stray\""),
        (text[..text.len() / 2].to_owned(), "not JSON"),
    ];
    for (bad, message) in cases {
        let err = PackView::from_json(&bad).unwrap_err().to_string();
        assert!(err.contains(message), "{message}: {err}");
    }
}

#[test]
fn the_json_view_of_a_bad_file_or_language_is_refused_with_a_reason() {
    let catalog = Catalog::embedded();
    assert!(matches!(pack_view_json(catalog, b"{", Some("en")), Err(ExportError::Import(_))));
    assert_eq!(
        pack_view_json(catalog, &fixture(), Some("xx")),
        Err(ExportError::UnknownLanguage("xx".into())),
        "a language that does not exist is named"
    );
    // Without a language, the file's own (the fixture is in English).
    let v: Value = serde_json::from_str(&pack_view_json(catalog, &fixture(), None).unwrap()).unwrap();
    assert_eq!(v["language"], "en");
}

/// The requirements about switching and exit, by question: the exit and portability domains.
const SWITCHING_REQUIREMENTS: &[&str] = &["EXT-01", "EXT-02", "EXT-03", "EXT-04", "POR-01", "POR-02"];

#[test]
fn switching_and_exit_requirements_cite_the_data_act_as_references() {
    let q = &Catalog::embedded().questionnaire;
    let ctx = import(Catalog::embedded(), &fixture()).unwrap().context;
    // With nothing answered every requirement of the content is in the pack.
    let pack = procurement::pack(q, procurement::embedded(), &ctx, &BTreeMap::new());
    for id in SWITCHING_REQUIREMENTS {
        let r = pack.requirement(id).unwrap_or_else(|| panic!("{id} is a requirement"));
        let data_act: Vec<String> =
            r.references.iter().filter(|r| r.source == Source::DataAct).map(|r| r.to_string()).collect();
        assert!(!data_act.is_empty(), "{id} cites the Data Act");
    }
    let cites =
        |id: &str| -> Vec<String> { pack.requirement(id).unwrap().references.iter().map(|r| r.to_string()).collect() };
    // Return and deletion at the end: the retrieval period and full erasure, Art. 25(2)(g) and (h).
    assert!(cites("EXT-02").ends_with(&["DATAACT:25(2)(g)".to_owned(), "DATAACT:25(2)(h)".to_owned()]));
    // Proof of deletion: full erasure, Art. 25(2)(h), beyond the question's own GDPR and ISO references.
    assert!(cites("EXT-03").contains(&"DATAACT:25(2)(h)".to_owned()));
    // The transition period and its extension: Art. 25(2)(a) and 25(4), each cited once.
    let ext04 = cites("EXT-04");
    assert!(ext04.contains(&"DATAACT:25(4)".to_owned()) && ext04.contains(&"DATAACT:25(2)(a)".to_owned()));
    assert_eq!(ext04.iter().filter(|c| *c == "DATAACT:25(2)").count(), 1);
}

#[test]
fn the_switching_clauses_rest_on_the_data_act_articles_that_say_so() {
    let v = json_view("en");
    // From REFERENCE.md section 5: notice of at most 2 months and switching on request (Art. 25), the
    // transition period and its extension (Art. 25(4)), the exportable data (Art. 25, 26), retrieval
    // and erasure (Art. 25), charges (Art. 29), jurisdiction and governmental access (Art. 28).
    let expected: &[(&str, &[&str])] = &[
        ("dataact-notice", &["DATAACT:25(2)(a)", "DATAACT:25(2)(d)"]),
        ("dataact-transition", &["DATAACT:25(2)(a)", "DATAACT:25(4)"]),
        ("dataact-exportable-data", &["DATAACT:25(2)(e)", "DATAACT:26"]),
        ("dataact-retrieval", &["DATAACT:25(2)(g)", "DATAACT:25(2)(h)"]),
        ("dataact-charges", &["DATAACT:29", "DATAACT:25(2)(i)"]),
        ("dataact-jurisdiction", &["DATAACT:28(1)(a)", "DATAACT:28(1)(b)"]),
    ];
    for (id, refs) in expected {
        assert_eq!(ids(&clause(&v, id)["basis"]), refs.to_vec(), "{id}");
    }
    // Every clause of the cloud contract about switching cites the Data Act, and only it.
    let contract = v["parts"].as_array().unwrap().iter().find(|p| p["id"] == "contract").unwrap();
    for c in
        contract["clauses"].as_array().unwrap().iter().filter(|c| c["id"].as_str().unwrap().starts_with("dataact-"))
    {
        assert!(ids(&c["basis"]).iter().all(|r| r.starts_with("DATAACT:")), "{}", c["id"]);
    }
    // Cited in each language with its official name.
    let label =
        |lang: &str| json_view(lang)["parts"][1]["clauses"][0]["basis"][1]["label"].as_str().unwrap().to_owned();
    assert_eq!(label("en"), "Data Act Art. 25(2)(d)");
    assert_eq!(label("de"), "Datenverordnung Art. 25 Abs. 2 Buchst. d");
    assert!(label("fr").starts_with("Règlement sur les données, art. 25, § 2, point d"), "{}", label("fr"));
}

#[test]
fn no_language_writes_a_clause_basis_as_free_text() {
    for lang in ["en", "de", "fr"] {
        let path = format!("content/lang/{lang}/procurement.toml");
        let words: toml::Table = toml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for (id, c) in words["clauses"].as_table().unwrap() {
            assert!(
                c.get("basis").is_none(),
                "{path}: clauses.{id}.basis is free text; cite it in content/procurement.toml"
            );
        }
    }
    // And the structure gives every clause its references.
    let structure: toml::Table = toml::from_str(&std::fs::read_to_string("content/procurement.toml").unwrap()).unwrap();
    for c in structure["clause"].as_array().unwrap() {
        assert!(!c["references"].as_array().unwrap().is_empty(), "{}", c["id"]);
    }
}
