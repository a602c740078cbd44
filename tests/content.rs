#![cfg(not(target_arch = "wasm32"))]
//! Content validation: the rules the questionnaire in `content/` must keep.
//! A failure here names the file, question or key to fix.

use std::collections::{BTreeSet, HashSet};

use cloudtriage::core::catalog::FALLBACK_LANGUAGE;
use cloudtriage::core::content_check::missing_words;
use cloudtriage::core::context::Context;
use cloudtriage::core::i18n::Language;
use cloudtriage::core::model::{ContentError, Index, Questionnaire};
use cloudtriage::core::Catalog;

fn catalog() -> &'static Catalog {
    Catalog::embedded()
}

/// Each language exactly as written, without the English fallback the widget adds.
fn raw_languages() -> Vec<Language> {
    catalog().codes().map(|code| catalog().language_as_written(code).unwrap()).collect()
}

#[test]
fn the_embedded_content_loads() {
    let q = &catalog().questionnaire;
    assert!(q.domains.len() >= 14, "at least 14 domains, found {}", q.domains.len());
    let count = q.questions().count();
    assert!((60..=90).contains(&count), "60 to 90 questions, found {count}");
}

#[test]
fn every_domain_listed_has_a_structure_file_and_an_english_file() {
    let text = std::fs::read_to_string("content/questionnaire.toml").unwrap();
    let listed: toml::Table = toml::from_str(&text).unwrap();
    for id in listed["domains"].as_array().unwrap() {
        let id = id.as_str().unwrap();
        assert!(
            std::path::Path::new(&format!("content/domains/{id}.toml")).exists(),
            "content/domains/{id}.toml is missing"
        );
        assert!(
            std::path::Path::new(&format!("content/lang/en/domains/{id}.toml")).exists(),
            "content/lang/en/domains/{id}.toml is missing"
        );
    }
}

/// Unique ids, weights from 1 to 3, at least one index and targets from 1 to 4 are
/// enforced when the structure is read (`Questionnaire::from_json`), so the embedded
/// content cannot break them; this checks that the reader refuses each, by name.
#[test]
fn the_structure_reader_refuses_content_that_breaks_a_scoring_rule() {
    let mini = include_str!("fixtures/mini.json");
    let a01 = r#""id": "A-01", "weight": 3, "indices": ["cloud_readiness", "data_protection"]"#;
    let a02 = r#""id": "A-02", "weight": 1, "indices": ["cloud_readiness"]"#;
    let b01_rule = r#""target_when": [ { "use_cases": ["ehr"], "level": 4 } ]"#;
    let b02 = r#""id": "B-02", "weight": 1, "indices": ["data_protection"], "not_applicable": true, "target": 2"#;
    let cases = [
        (a01, a01.replace("\"weight\": 3", "\"weight\": 0"), "A-01: weight 0 is outside 1 to 3"),
        (a01, a01.replace("\"weight\": 3", "\"weight\": 4"), "A-01: weight 4 is outside 1 to 3"),
        (a02, a02.replace("[\"cloud_readiness\"]", "[]"), "A-02: feeds no index"),
        (b02, b02.replace("\"B-02\"", "\"A-01\""), "id A-01 is used twice"),
        (b01_rule, b01_rule.replace("\"level\": 4", "\"level\": 5"), "B-01: target 5 is outside 1 to 4"),
        (b02, b02.replace("\"target\": 2", "\"target\": 0"), "B-02: target 0 is outside 1 to 4"),
    ];
    assert!(Questionnaire::from_json(mini).is_ok());
    for (good, bad, message) in cases {
        assert!(mini.contains(good), "the fixture changed: {good}");
        let content = mini.replacen(good, &bad, 1);
        assert_eq!(Questionnaire::from_json(&content), Err(ContentError::Invalid(message.into())), "{bad}");
    }
}

#[test]
fn ids_are_stable_in_form_and_numbered_in_order() {
    let q = &catalog().questionnaire;
    for domain in &q.domains {
        let prefix = domain.questions[0].id.split('-').next().unwrap().to_owned();
        assert!(prefix.len() == 3 && prefix.chars().all(|c| c.is_ascii_uppercase()), "{}: prefix {prefix}", domain.id);
        for (i, question) in domain.questions.iter().enumerate() {
            assert_eq!(question.id, format!("{prefix}-{:02}", i + 1), "in domain {}", domain.id);
        }
    }
}

#[test]
fn references_target_rules_and_critical_questions_are_sound() {
    let q = &catalog().questionnaire;
    for (domain, question) in q.questions() {
        let id = &question.id;
        assert!((2..=6).contains(&question.references.len()), "{id}: cite 2 to 6 references");
        let unique: HashSet<_> = question.references.iter().collect();
        assert_eq!(unique.len(), question.references.len(), "{id}: a reference is repeated");
        for rule in &question.target_when {
            assert_ne!(rule.when, Default::default(), "{id}: a target_when rule without a condition always matches");
        }
        let critical = domain.questions.iter().filter(|q| q.critical).count();
        assert!(critical <= 2, "{}: at most two critical questions per domain", domain.id);
    }
    let critical = q.questions().filter(|(_, q)| q.critical).count();
    let total = q.questions().count();
    assert!(critical * 100 / total <= 30 && critical >= total / 10, "{critical} of {total} questions are critical");
}

#[test]
fn every_context_has_questions_for_both_indices() {
    let q = &catalog().questionnaire;
    for ctx in Context::every() {
        for index in Index::ALL {
            let feeding = q.questions().filter(|(_, item)| item.applies_to(&ctx) && item.feeds(index)).count();
            assert!(feeding >= 10, "{ctx:?}: only {feeding} questions feed {}", index.as_str());
        }
    }
}

#[test]
fn every_question_has_all_its_words_in_every_language() {
    // The build already refuses a fallback language (English) with a word missing, using the
    // same check (core::content_check::missing_words, tested in tests/content_build.rs);
    // the other languages are held to it here.
    let q = &catalog().questionnaire;
    for lang in raw_languages().iter().filter(|l| l.code != FALLBACK_LANGUAGE) {
        let missing = missing_words(q, lang);
        assert!(missing.is_empty(), "{}: words missing: {missing:?}", lang.code);
    }
    for lang in raw_languages() {
        for domain in &q.domains {
            let text = lang.domain(&domain.id).unwrap();
            for question in &domain.questions {
                for (level, d) in text.questions[&question.id].levels.iter().enumerate() {
                    assert!(
                        !d.trim_start().starts_with(|c: char| c.is_ascii_digit()),
                        "{}: {} level {level} starts with a number",
                        lang.code,
                        question.id
                    );
                }
            }
            let extra: Vec<_> = text.questions.keys().filter(|id| q.question(id).is_none()).collect();
            assert!(extra.is_empty(), "{}: words for questions that do not exist: {extra:?}", lang.code);
        }
    }
}

#[test]
fn the_level_descriptors_of_a_question_are_all_different() {
    for lang in raw_languages() {
        for (_, question) in catalog().questionnaire.questions() {
            let t = lang.question(&question.id).unwrap();
            let distinct: BTreeSet<_> = t.levels.iter().collect();
            assert_eq!(distinct.len(), 5, "{}: {} repeats a level descriptor", lang.code, question.id);
        }
    }
}

/// `{name}` placeholders in a string.
fn placeholders(s: &str) -> BTreeSet<String> {
    s.split('{').skip(1).filter_map(|p| p.split_once('}')).map(|(name, _)| name.to_owned()).collect()
}

#[test]
fn every_interface_string_exists_in_every_language_with_its_placeholders() {
    let languages = raw_languages();
    let english = &languages[0];
    assert_eq!(english.code, "en");
    for lang in &languages[1..] {
        for (key, value) in english.keys() {
            assert!(lang.has(key), "{}: interface string {key} is missing", lang.code);
            let translated = lang.t(key);
            assert!(!translated.trim().is_empty(), "{}: {key} is empty", lang.code);
            assert_eq!(
                placeholders(translated),
                placeholders(value),
                "{}: {key} must keep the placeholders",
                lang.code
            );
        }
        let extra: Vec<_> = lang.keys().filter(|(k, _)| !english.has(k)).map(|(k, _)| k.clone()).collect();
        assert!(extra.is_empty(), "{}: keys English does not have: {extra:?}", lang.code);
    }
}

#[test]
fn nothing_is_left_in_english_in_another_language_except_the_allowlist() {
    let allow: toml::Table =
        toml::from_str(&std::fs::read_to_string("content/lang/untranslated.toml").unwrap()).unwrap();
    let allowed: HashSet<&str> =
        allow["same_in_every_language"].as_array().unwrap().iter().filter_map(|v| v.as_str()).collect();
    let languages = raw_languages();
    let english = &languages[0];
    for lang in &languages[1..] {
        let mut same = Vec::new();
        for (key, value) in english.keys() {
            if lang.t(key) == value && !allowed.contains(value.as_str()) && !allowed.contains(key.as_str()) {
                same.push(key.clone());
            }
        }
        for (_, question) in catalog().questionnaire.questions() {
            let (e, t) = (english.question(&question.id).unwrap(), lang.question(&question.id).unwrap());
            for (what, a, b) in [
                ("prompt", &e.prompt, &t.prompt),
                ("help", &e.help, &t.help),
                ("recommendation", &e.recommendation, &t.recommendation),
            ] {
                if a == b {
                    same.push(format!("{} {what}", question.id));
                }
            }
            for (level, (a, b)) in e.levels.iter().zip(&t.levels).enumerate() {
                if a == b {
                    same.push(format!("{} level {level}", question.id));
                }
            }
        }
        assert!(same.is_empty(), "{}: still in English: {same:?}", lang.code);
    }
}

/// Every interface key the code builds at run time from an identifier (e.g.
/// `bands.<index>.<band>`), enumerated from the same enums, constants and content
/// the code builds them from. Keys written out in full are found in the code itself.
fn built_keys() -> BTreeSet<String> {
    use cloudtriage::core::compare::Trend;
    use cloudtriage::core::context::{Deployment, OrgSize, ServiceModel, Stage, UseCase};
    use cloudtriage::core::json::Json;
    use cloudtriage::core::model::Party;
    use cloudtriage::core::reference::{Source, ENISA_MEASURES, ENISA_PRACTICES, SCHEMES};
    let mut keys = BTreeSet::new();
    for u in UseCase::ALL {
        keys.insert(format!("context.use_case.{}", u.as_str()));
        keys.insert(format!("context.use_case.{}_hint", u.as_str()));
    }
    keys.extend(ServiceModel::ALL.iter().map(|v| format!("context.service_models.{}", v.as_str())));
    keys.extend(Deployment::ALL.iter().map(|v| format!("context.deployments.{}", v.as_str())));
    keys.extend(Stage::ALL.iter().map(|v| format!("context.stages.{}", v.as_str())));
    keys.extend(OrgSize::ALL.iter().map(|v| format!("context.org_sizes.{}", v.as_str())));
    // The maturity scale, 0 to 4 (markdown.rs, levels.<n>).
    keys.extend((0..=4).map(|l| format!("levels.{l}")));
    for index in Index::ALL {
        keys.insert(format!("indices.{}", index.as_str()));
        keys.insert(format!("indices.{}_hint", index.as_str()));
        keys.extend(catalog().questionnaire.bands.iter().map(|b| format!("bands.{}.{}", index.as_str(), b.id)));
    }
    keys.extend([Party::Customer, Party::Provider, Party::Shared].map(|p| format!("parties.{}", p.as_str())));
    // Responsibility while the service model is undecided (`map_or("undecided", ...)`).
    keys.insert("parties.undecided".into());
    // Articles, with or without paragraph and point (Reference::label).
    for source in [Source::Gdpr, Source::Nis2, Source::DataAct, Source::Cra, Source::AiAct, Source::Ehds] {
        for suffix in ["", "_paragraph", "_point"] {
            keys.insert(format!("references.{}{suffix}", source.prefix()));
        }
    }
    keys.extend(ENISA_MEASURES.iter().map(|k| format!("references.enisa_measures.{k}")));
    keys.extend(ENISA_PRACTICES.iter().map(|k| format!("references.enisa_practices.{k}")));
    keys.extend(SCHEMES.iter().map(|k| format!("references.schemes.{k}")));
    // The title of each source (Source::title_key).
    keys.extend(Source::ALL.iter().map(|s| s.title_key()));
    // The kind of a JSON value in import messages (types.<kind>).
    let kinds = [
        Json::Null,
        Json::Bool(true),
        Json::Number("1".into()),
        Json::String(String::new()),
        Json::Array(Vec::new()),
        Json::Object(Vec::new()),
    ];
    keys.extend(kinds.iter().map(|j| format!("types.{}", j.kind())));
    keys.extend(
        [Trend::Improved, Trend::Worsened, Trend::Unchanged, Trend::NotComparable]
            .map(|t| format!("compare.{}", t.as_str())),
    );
    // A condition in words names each of its lists (markdown::describe).
    keys.extend(
        ["use_cases", "service_models", "deployments", "stages", "org_sizes"].map(|f| format!("catalogue.{f}")),
    );
    keys
}

/// Every string literal in `src/` (outside unit tests) and in the loader (`web/`, which shows a
/// word before the module runs) that has the form of an interface key.
fn keys_in_code(sections: &BTreeSet<String>) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut stack = vec![std::path::PathBuf::from("src"), std::path::PathBuf::from("web")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            // Unit tests use made-up keys on purpose.
            let text = text.split("#[cfg(test)]").next().unwrap_or_default();
            for literal in text.split('"').skip(1).step_by(2) {
                let looks_like_key = literal.contains('.')
                    && literal.chars().all(|c| c.is_ascii_alphanumeric() || "._-".contains(c))
                    && sections.contains(literal.split('.').next().unwrap_or_default());
                if looks_like_key {
                    found.insert(literal.to_owned());
                }
            }
        }
    }
    found
}

#[test]
fn every_interface_key_the_code_names_exists_and_every_key_is_used() {
    let english = &raw_languages()[0];
    let sections: BTreeSet<String> = english.keys().map(|(k, _)| k.split('.').next().unwrap().to_owned()).collect();
    let used = keys_in_code(&sections);
    // A literal may name a table of words (`WORDS_WITH_THE_PAGE`'s "agency.errors"): it exists when words lie under it.
    let table = |k: &str| english.keys().any(|(key, _)| key.strip_prefix(k).is_some_and(|rest| rest.starts_with('.')));
    let missing: Vec<_> = used.iter().filter(|k| !english.has(k) && !table(k)).collect();
    assert!(missing.is_empty(), "keys used in the code but missing in content/lang/en/ui.toml: {missing:?}");
    let built = built_keys();
    let unused: Vec<_> = english.keys().map(|(k, _)| k).filter(|k| !used.contains(*k) && !built.contains(*k)).collect();
    assert!(unused.is_empty(), "keys in content/lang/en/ui.toml that nothing uses: {unused:?}");
}

#[test]
fn every_key_the_code_builds_from_an_identifier_has_its_string() {
    let english = &raw_languages()[0];
    let missing: Vec<_> = built_keys().into_iter().filter(|k| !english.has(k)).collect();
    assert!(missing.is_empty(), "missing names: {missing:?}");
}

#[test]
fn the_generated_questionnaire_documents_are_current() {
    for lang in raw_languages() {
        let suffix = if lang.code == "en" { String::new() } else { format!(".{}", lang.code) };
        let path = format!("docs/QUESTIONNAIRE{suffix}.md");
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        let generated =
            cloudtriage::cli::markdown::questionnaire(&catalog().questionnaire, catalog().language(&lang.code));
        assert!(committed == generated, "{path} is stale: run `make docs`");
    }
}

/// One citation of each form the label code distinguishes, for every source.
const CITATION_FORMS: &[&str] = &[
    "ENISA-CSHS:termination",
    "ENISA-PROC:cloud-rfp",
    "GDPR:28",
    "GDPR:28(3)",
    "GDPR:28(3)(h)",
    "NIS2:23",
    "NIS2:21(3)",
    "NIS2:21(2)(d)",
    "NIS2IR:Annex-5.1.2",
    "MDR:AnnexI-23.4(ab)",
    "ISO27001:A.5.5",
    "DATAACT:29",
    "DATAACT:25(4)",
    "DATAACT:25(2)(c)",
    "CRA:14",
    "CRA:13(8)",
    "CRA:13(8)(a)",
    "CRA:AnnexI-PartII",
    "AIACT:26",
    "AIACT:26(6)",
    "AIACT:26(1)(a)",
    "AIACT:AnnexIII-5(d)",
    "EHDS:26",
    "EHDS:26(2)",
    "EHDS:26(2)(a)",
    "SCHEME:EHDS",
];

#[test]
fn every_source_has_a_title_and_every_citation_form_its_words_in_every_language() {
    use cloudtriage::core::reference::{Reference, Source};
    let sources: BTreeSet<Source> = CITATION_FORMS.iter().map(|t| Reference::parse(t).unwrap().source).collect();
    assert_eq!(sources.len(), Source::ALL.len(), "CITATION_FORMS covers every source");
    for lang in raw_languages() {
        for source in Source::ALL {
            assert!(lang.has(&source.title_key()), "{}: {} has no title", lang.code, source.title_key());
        }
        for text in CITATION_FORMS {
            let label = Reference::parse(text).unwrap().label(&lang);
            let complete = !label.trim().is_empty() && !label.contains('{') && label != *text;
            assert!(complete, "{}: {text} is cited as {label:?}", lang.code);
        }
    }
}

#[test]
fn the_law_of_december_2026_is_cited() {
    use cloudtriage::core::reference::Source;
    let q = &catalog().questionnaire;
    let cited = |wanted: &str| {
        q.questions().filter(|(_, item)| item.references.iter().any(|r| r.to_string() == wanted)).count()
    };
    for point in 'a'..='j' {
        assert!(cited(&format!("NIS2:21(2)({point})")) >= 1, "no question cites NIS2 Art. 21(2)({point})");
    }
    for wanted in ["NIS2:21(3)", "NIS2:23", "MDR:AnnexI-23.4(ab)", "ISO27001:A.5.5", "AIACT:26", "AIACT:4", "AIACT:27"]
    {
        assert!(cited(wanted) >= 1, "no question cites {wanted}");
    }
    for source in [Source::DataAct, Source::Nis2Ir, Source::Cra, Source::AiAct, Source::Ehds] {
        let n = q.questions().filter(|(_, item)| item.references.iter().any(|r| r.source == source)).count();
        assert!(n >= 1, "no question cites {}", source.prefix());
    }
    let por02: Vec<String> = q.question("POR-02").unwrap().references.iter().map(|r| r.to_string()).collect();
    assert!(
        !por02.contains(&"ISO27001:A.5.33".to_owned()),
        "A.5.33 (protection of records) does not fit exportability"
    );
    assert_eq!(q.domain("ai").map(|d| d.questions.len()), Some(5), "the AI domain has five questions");
}

#[test]
fn labels_percentages_and_sizes_follow_each_language_s_typography() {
    let (en, de, fr) = (catalog().language("en"), catalog().language("de"), catalog().language("fr"));
    assert_eq!(en.label("Completeness"), "Completeness: ");
    assert_eq!(de.label("Vollständigkeit"), "Vollständigkeit: ");
    // French: a no-break space before the colon; a number never parts from its unit.
    assert_eq!(fr.label("Complétude"), "Complétude\u{a0}: ");
    assert_eq!(fr.percent(72), "72\u{a0}%");
    assert_eq!(de.percent(72), "72\u{a0}%");
    assert_eq!(en.percent(72), "72%");
    for lang in [en, de, fr] {
        assert!(!lang.fill("format.megabytes", &[("value", "5")]).contains(' '), "{}", lang.code);
    }
}

#[test]
fn lists_in_running_text_follow_each_language_s_typography() {
    let (en, de, fr) = (catalog().language("en"), catalog().language("de"), catalog().language("fr"));
    let items = ["DSGVO Art. 28", "NIS2 Art. 21"];
    assert_eq!(en.list(&items), "DSGVO Art. 28; NIS2 Art. 21");
    assert_eq!(de.list(&items), "DSGVO Art. 28; NIS2 Art. 21");
    // French: a narrow no-break space before the semicolon.
    assert_eq!(fr.list(&items), "DSGVO Art. 28\u{202f}; NIS2 Art. 21");
    assert_eq!(fr.list(&items[..1]), "DSGVO Art. 28");
    assert_eq!(fr.list::<&str>(&[]), "");
}
