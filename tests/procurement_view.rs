#![cfg(not(target_arch = "wasm32"))]
//! The procurement pack's page and its citations: the export module's page of
//! a results file (elements as plain data, read here with serde_json, an
//! independent reader), and the Data Act cited as structured references
//! wherever the pack speaks of switching and exit. Expectations are written by hand from content/procurement.toml, the
//! fixture and ../shared/domain/REFERENCE.md section 5.

use cloudtriage::core::map::Map;

use cloudtriage::core::procurement::{self, page};
use cloudtriage::core::reference::Source;
use cloudtriage::core::results::import;
use cloudtriage::core::Catalog;
use cloudtriage::export::procurement::{pack_page_json, pack_view};
use cloudtriage::export::ExportError;
use serde_json::Value;

const FIXTURE: &str = "tests/fixtures/procurement-ehr-saas-planning.json";

fn fixture() -> Vec<u8> {
    std::fs::read(FIXTURE).unwrap()
}

/// The page the export module hands the widget, read with serde_json.
fn page_tree(lang: &str) -> Value {
    let text = pack_page_json(Catalog::embedded(), &fixture(), Some(lang)).expect("the fixture gives a pack");
    serde_json::from_str(&text).expect("the page is JSON")
}

/// Every element of the tree (`["tag", {attributes}, child...]`), in document order.
fn elements(node: &Value) -> Vec<&Value> {
    let mut out = Vec::new();
    fn walk<'a>(node: &'a Value, out: &mut Vec<&'a Value>) {
        if let Some(items) = node.as_array() {
            let children = if items.first().is_some_and(Value::is_string) {
                out.push(node);
                &items[2..]
            } else {
                &items[..]
            };
            children.iter().for_each(|c| walk(c, out));
        }
    }
    walk(node, &mut out);
    out
}

fn tag(el: &Value) -> &str {
    el[0].as_str().unwrap()
}

fn attr<'a>(el: &'a Value, name: &str) -> Option<&'a str> {
    el[1].get(name).and_then(Value::as_str)
}

/// The text of an element and its descendants, as a browser's textContent.
fn text(node: &Value) -> String {
    match node {
        Value::String(t) => t.clone(),
        Value::Array(items) if items.first().is_some_and(Value::is_string) => items[2..].iter().map(text).collect(),
        Value::Array(items) => items.iter().map(text).collect(),
        _ => String::new(),
    }
}

/// The elements with an attribute of a value.
fn with<'a>(tree: &'a Value, name: &str, value: &str) -> Vec<&'a Value> {
    elements(tree).into_iter().filter(|e| attr(e, name) == Some(value)).collect()
}

fn one<'a>(tree: &'a Value, name: &str, value: &str) -> &'a Value {
    let found = with(tree, name, value);
    assert_eq!(found.len(), 1, "one element with {name}={value}");
    found[0]
}

/// The first descendant with a class.
fn by_class<'a>(el: &'a Value, class: &str) -> &'a Value {
    elements(el)
        .into_iter()
        .find(|e| attr(e, "class").is_some_and(|c| c.split(' ').any(|c| c == class)))
        .unwrap_or_else(|| panic!("no .{class}"))
}

#[test]
fn the_page_groups_must_and_should_requirements_by_phase() {
    let tree = page_tree("en");
    let phases: Vec<&str> = elements(&tree).into_iter().filter_map(|e| attr(e, "data-phase")).collect();
    assert_eq!(phases, vec!["plan", "source", "manage"]);
    let in_phase = |phase: &str| -> Vec<String> {
        elements(one(&tree, "data-phase", phase))
            .into_iter()
            .filter_map(|e| attr(e, "data-requirement").map(str::to_owned))
            .collect()
    };
    // The fixture's weak answers, by the phase content/procurement.toml gives them.
    assert_eq!(in_phase("plan"), vec!["LOC-01"]);
    assert_eq!(in_phase("source"), vec!["SUP-02", "SUP-03", "SUP-04", "EXT-02", "INC-02", "CRY-01"]);
    assert_eq!(in_phase("manage"), vec!["ASR-03"]);
    let sup02 = one(&tree, "data-requirement", "SUP-02");
    assert_eq!((tag(sup02), attr(sup02, "data-strength")), ("li", Some("must")));
    assert_eq!(text(by_class(sup02, "ct-badge")), "Must");
    assert!(text(by_class(sup02, "ct-pack-clause")).starts_with("The supplier shall sign, before any processing"));
    assert!(text(by_class(sup02, "ct-pack-evidence")).contains("The supplier's draft data-processing agreement"));
    assert!(text(sup02).ends_with("Your answer: level 1; target level 2."));
    let asr03 = one(&tree, "data-requirement", "ASR-03");
    assert_eq!((attr(asr03, "data-strength"), text(by_class(asr03, "ct-badge")).as_str()), (Some("should"), "Should"));
    let questions: Vec<&str> = elements(&tree).into_iter().filter_map(|e| attr(e, "data-question")).collect();
    assert_eq!(questions, vec!["LOC-01", "SUP-02", "SUP-03", "SUP-04", "EXT-02", "INC-02", "CRY-01", "ASR-03"]);
    let headings: Vec<String> = elements(&tree).into_iter().filter(|e| tag(e) == "h2").map(text).collect();
    assert_eq!(headings, vec!["Tender requirements", "Supplier questionnaire", "Contract checklist"]);
    assert!(text(&tree).contains("6 must and 2 should requirements; 6 of 18 contract clauses covered."));
}

#[test]
fn the_page_marks_each_clause_covered_or_missing_in_the_language() {
    let tree = page_tree("de");
    let parts: Vec<&str> = elements(&tree).into_iter().filter_map(|e| attr(e, "data-part")).collect();
    assert_eq!(parts, vec!["dpa", "contract"]);
    // Strong answers: audits (SUP-05 at 3 of 2) and switching on request (EXT-01, EXT-04 at target).
    for (id, state, shown) in [
        ("gdpr-28-3-h", "covered", "✓ Abgedeckt"),
        ("dataact-notice", "covered", "✓ Abgedeckt"),
        ("gdpr-28-3-a", "missing", "✗ Fehlt"),
        ("dataact-retrieval", "missing", "✗ Fehlt"),
    ] {
        let row = one(&tree, "data-clause", id);
        assert_eq!(
            (attr(row, "data-state"), text(by_class(row, "ct-pack-state"))),
            (Some(state), shown.to_owned()),
            "{id}"
        );
    }
    let retrieval = one(&tree, "data-clause", "dataact-retrieval");
    assert_eq!(text(&retrieval[4]), "EXT-02, EXT-03", "the third cell names the questions that show it");
    assert_eq!(
        text(by_class(one(&tree, "data-clause", "gdpr-28-3-a"), "ct-pack-clause-title")),
        "Dokumentierte Weisungen"
    );
    assert_eq!(text(by_class(one(&tree, "data-requirement", "SUP-02"), "ct-badge")), "Muss");
}

#[test]
fn the_page_says_what_the_documents_say() {
    for lang in ["en", "de", "fr"] {
        let (v, _) = pack_view(Catalog::embedded(), &fixture(), Some(lang)).unwrap();
        let tree = page_tree(lang);
        for r in v.phases.iter().flat_map(|p| &p.requirements) {
            let li = one(&tree, "data-requirement", &r.id);
            assert_eq!(text(by_class(li, "ct-pack-clause")), r.clause, "{lang} {}", r.id);
            assert_eq!(text(by_class(li, "ct-badge")), r.strength, "{lang} {}", r.id);
        }
        for c in v.parts.iter().flat_map(|p| &p.clauses) {
            let row = one(&tree, "data-clause", &c.id);
            assert_eq!(text(by_class(row, "ct-pack-clause-text")), c.text, "{lang} {}", c.id);
            let cited: Vec<&str> = elements(row).into_iter().filter_map(|e| attr(e, "data-reference")).collect();
            assert_eq!(cited, c.basis.iter().map(|b| b.id.as_str()).collect::<Vec<_>>(), "{lang} {}", c.id);
        }
    }
}

#[test]
fn the_page_uses_only_elements_and_attributes_the_widget_builds_and_its_labels_resolve() {
    for lang in ["en", "de", "fr"] {
        let tree = page_tree(lang);
        let all = elements(&tree);
        assert!(all.len() > 100, "{lang}: the page has its elements");
        let mut ids = std::collections::BTreeSet::new();
        for e in &all {
            assert!(page::TAGS.contains(&tag(e)), "{lang}: <{}>", tag(e));
            for (name, value) in e[1].as_object().unwrap() {
                assert!(page::ATTRIBUTES.contains(&name.as_str()), "{lang}: {name} on <{}>", tag(e));
                assert!(value.is_string(), "{lang}: {name} is text");
            }
            if let Some(id) = attr(e, "id") {
                assert!(ids.insert(id.to_owned()), "{lang}: id {id} is given twice");
            }
        }
        for e in &all {
            if let Some(label) = attr(e, "aria-labelledby") {
                assert!(ids.contains(label), "{lang}: aria-labelledby {label} names no heading");
            }
        }
        // Tables a screen reader can follow: a caption and column headers for each.
        for table in all.iter().filter(|e| tag(e) == "table") {
            let inner = elements(table);
            assert!(inner.iter().any(|e| tag(e) == "caption"));
            assert!(inner.iter().any(|e| tag(e) == "th" && attr(e, "scope") == Some("col")));
        }
    }
}

#[test]
fn the_page_of_a_bad_file_or_language_is_refused_with_a_reason() {
    let catalog = Catalog::embedded();
    assert!(matches!(pack_page_json(catalog, b"{", Some("en")), Err(ExportError::Import(_))));
    assert_eq!(
        pack_page_json(catalog, &fixture(), Some("xx")),
        Err(ExportError::UnknownLanguage("xx".into())),
        "a language that does not exist is named"
    );
    // Without a language, the file's own (the fixture is in English).
    let tree: Value = serde_json::from_str(&pack_page_json(catalog, &fixture(), None).unwrap()).unwrap();
    assert_eq!(text(by_class(one(&tree, "data-requirement", "SUP-02"), "ct-badge")), "Must");
}

/// The requirements about switching and exit, by question: the exit and portability domains.
const SWITCHING_REQUIREMENTS: &[&str] = &["EXT-01", "EXT-02", "EXT-03", "EXT-04", "POR-01", "POR-02"];

#[test]
fn switching_and_exit_requirements_cite_the_data_act_as_references() {
    let q = &Catalog::embedded().questionnaire;
    let ctx = import(Catalog::embedded(), &fixture()).unwrap().context;
    // With nothing answered every requirement of the content is in the pack.
    let pack = procurement::pack(q, procurement::embedded(), &ctx, &Map::new());
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
    let (v, _) = pack_view(Catalog::embedded(), &fixture(), Some("en")).unwrap();
    let basis = |id: &str| -> Vec<String> {
        let c = v.parts.iter().flat_map(|p| &p.clauses).find(|c| c.id == id).unwrap_or_else(|| panic!("{id}"));
        c.basis.iter().map(|b| b.id.clone()).collect()
    };
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
        assert_eq!(basis(id), refs.to_vec(), "{id}");
    }
    // Every clause of the cloud contract about switching cites the Data Act, and only it.
    let contract = v.parts.iter().find(|p| p.id == "contract").unwrap();
    for c in contract.clauses.iter().filter(|c| c.id.starts_with("dataact-")) {
        assert!(c.basis.iter().all(|b| b.id.starts_with("DATAACT:")), "{}", c.id);
    }
    // On the page, cited in each language with its official name.
    let label = |lang: &str| {
        let tree = page_tree(lang);
        let row = one(&tree, "data-clause", "dataact-notice");
        text(with(row, "data-reference", "DATAACT:25(2)(d)")[0])
    };
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

#[test]
fn the_phase_headings_write_their_label_as_each_language_does() {
    let headings = |lang: &str| -> Vec<String> {
        elements(&page_tree(lang))
            .into_iter()
            .filter(|e| attr(e, "class") == Some("ct-pack-phase-title"))
            .map(text)
            .collect()
    };
    // The three phases, then the contract checklist's parts (their own titles, no label).
    let en = headings("en");
    assert_eq!(en[..3], ["Phase: Plan", "Phase: Source", "Phase: Manage"]);
    // French: a no-break space before the colon.
    let fr = headings("fr");
    assert_eq!(fr[0], "Phase\u{a0}: Planifier");
    assert!(fr[3..].iter().all(|h| !h.starts_with("Phase")), "{fr:?}");
}
