#![cfg(not(target_arch = "wasm32"))]
//! Content validation: the rules the questionnaire in `content/` must keep.
//! A failure here names the file, question or key to fix.

use std::collections::{BTreeSet, HashSet};

use cloudtriage::core::context::Context;
use cloudtriage::core::i18n::Language;
use cloudtriage::core::model::Index;
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

#[test]
fn ids_are_unique_stable_in_form_and_numbered_in_order() {
    let q = &catalog().questionnaire;
    let mut seen = HashSet::new();
    for domain in &q.domains {
        let prefix = domain.questions[0].id.split('-').next().unwrap().to_owned();
        assert!(prefix.len() == 3 && prefix.chars().all(|c| c.is_ascii_uppercase()), "{}: prefix {prefix}", domain.id);
        for (i, question) in domain.questions.iter().enumerate() {
            assert!(seen.insert(question.id.clone()), "{} is used twice", question.id);
            assert_eq!(question.id, format!("{prefix}-{:02}", i + 1), "in domain {}", domain.id);
        }
    }
}

#[test]
fn weights_targets_and_references_are_sound() {
    let q = &catalog().questionnaire;
    for (domain, question) in q.questions() {
        let id = &question.id;
        assert!((1..=3).contains(&question.weight), "{id}: weight");
        assert!(!question.indices.is_empty(), "{id}: feeds no index");
        assert!((2..=6).contains(&question.references.len()), "{id}: cite 2 to 6 references");
        let unique: HashSet<_> = question.references.iter().collect();
        assert_eq!(unique.len(), question.references.len(), "{id}: a reference is repeated");
        for rule in &question.target_when {
            assert!((1..=4).contains(&rule.level), "{id}: target_when level");
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
    for ctx in Context::all_combinations() {
        for index in Index::ALL {
            let feeding = q.questions().filter(|(_, item)| item.applies_to(&ctx) && item.feeds(index)).count();
            assert!(feeding >= 10, "{ctx:?}: only {feeding} questions feed {}", index.as_str());
        }
    }
}

#[test]
fn every_question_has_all_its_words_in_every_language() {
    let q = &catalog().questionnaire;
    for lang in raw_languages() {
        for domain in &q.domains {
            let text =
                lang.domain(&domain.id).unwrap_or_else(|| panic!("{}: domain {} has no words", lang.code, domain.id));
            assert!(
                !text.title.trim().is_empty() && !text.summary.trim().is_empty(),
                "{}: {} title/summary",
                lang.code,
                domain.id
            );
            for question in &domain.questions {
                let t = text
                    .questions
                    .get(&question.id)
                    .unwrap_or_else(|| panic!("{}: {} has no words", lang.code, question.id));
                assert_eq!(t.levels.len(), 5, "{}: {} needs five level descriptors", lang.code, question.id);
                for (what, s) in [("prompt", &t.prompt), ("help", &t.help), ("recommendation", &t.recommendation)] {
                    assert!(!s.trim().is_empty(), "{}: {} {what} is empty", lang.code, question.id);
                }
                for (level, d) in t.levels.iter().enumerate() {
                    assert!(!d.trim().is_empty(), "{}: {} level {level} is empty", lang.code, question.id);
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

/// Interface keys the code builds at run time from an identifier (e.g. `bands.<index>.<band>`).
const BUILT_KEY_PREFIXES: &[&str] = &[
    "context.use_case.",
    "context.service_models.",
    "context.deployments.",
    "context.stages.",
    "context.org_sizes.",
    "levels.",
    "bands.",
    "parties.",
    "indices.",
    "references.",
    "format.months.",
    "types.",
    "compare.",
    "catalogue.",
];

/// Every string literal in `src/` (outside unit tests) that has the form of an interface key.
fn keys_in_code(sections: &BTreeSet<String>) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut stack = vec![std::path::PathBuf::from("src")];
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
    let missing: Vec<_> = used.iter().filter(|k| !english.has(k)).collect();
    assert!(missing.is_empty(), "keys used in the code but missing in content/lang/en/ui.toml: {missing:?}");
    let unused: Vec<_> = english
        .keys()
        .map(|(k, _)| k)
        .filter(|k| !used.contains(*k) && !BUILT_KEY_PREFIXES.iter().any(|p| k.starts_with(p)))
        .collect();
    assert!(unused.is_empty(), "keys in content/lang/en/ui.toml that nothing uses: {unused:?}");
}

#[test]
fn every_context_value_reference_and_band_has_a_name() {
    use cloudtriage::core::context::{Deployment, OrgSize, ServiceModel, Stage, UseCase};
    let english = &raw_languages()[0];
    let mut keys: Vec<String> = Vec::new();
    keys.extend(
        UseCase::ALL.iter().flat_map(|u| {
            [format!("context.use_case.{}", u.as_str()), format!("context.use_case.{}_hint", u.as_str())]
        }),
    );
    keys.extend(ServiceModel::ALL.iter().map(|v| format!("context.service_models.{}", v.as_str())));
    keys.extend(Deployment::ALL.iter().map(|v| format!("context.deployments.{}", v.as_str())));
    keys.extend(Stage::ALL.iter().map(|v| format!("context.stages.{}", v.as_str())));
    keys.extend(OrgSize::ALL.iter().map(|v| format!("context.org_sizes.{}", v.as_str())));
    for band in &catalog().questionnaire.bands {
        keys.extend(Index::ALL.iter().map(|i| format!("bands.{}.{}", i.as_str(), band.id)));
    }
    keys.extend(cloudtriage::core::reference::ENISA_MEASURES.iter().map(|k| format!("references.enisa_measures.{k}")));
    keys.extend(
        cloudtriage::core::reference::ENISA_PRACTICES.iter().map(|k| format!("references.enisa_practices.{k}")),
    );
    keys.extend(cloudtriage::core::reference::SCHEMES.iter().map(|k| format!("references.schemes.{k}")));
    keys.extend(cloudtriage::core::reference::Source::ALL.iter().map(|s| s.title_key()));
    let missing: Vec<_> = keys.iter().filter(|k| !english.has(k)).collect();
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
