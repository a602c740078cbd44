#![cfg(not(target_arch = "wasm32"))]
//! The build reads the content with `core::content_check` (see build.rs) and
//! stops on content the program would refuse, naming the file and the key.
//! These tests feed it deliberately broken copies of the real content.

use cloudtriage::core::content_check::{check_language, check_structure};

fn toml_file(path: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(path).unwrap();
    let value: toml::Value = toml::from_str(&text).unwrap();
    serde_json::to_value(value).unwrap()
}

/// The structure as build.rs assembles it, with `change` applied to one domain's file first.
fn structure(change: impl Fn(&str, &mut serde_json::Value)) -> (String, Vec<String>) {
    let mut q = toml_file("content/questionnaire.toml");
    let ids: Vec<String> = q["domains"].as_array().unwrap().iter().map(|d| d.as_str().unwrap().to_owned()).collect();
    let domains = ids
        .iter()
        .map(|id| {
            let mut d = toml_file(&format!("content/domains/{id}.toml"));
            change(id, &mut d);
            d
        })
        .collect();
    q["domains"] = serde_json::Value::Array(domains);
    (q.to_string(), ids)
}

#[test]
fn the_shipped_content_passes_the_build_check() {
    let (json, ids) = structure(|_, _| {});
    let q = check_structure(&json, &ids).expect("the shipped content is valid");
    assert_eq!(q.domains.len(), ids.len());
}

#[test]
fn a_reference_outside_the_lists_names_its_file_and_key() {
    let (json, ids) = structure(|id, d| {
        if id == "exit" {
            d["question"][1]["references"][0] = "GDPR:128(3)".into();
        }
    });
    let message = check_structure(&json, &ids).unwrap_err();
    assert!(message.starts_with("in content/domains/exit.toml:"), "{message}");
    assert!(message.contains("question[1].references[0]"), "{message}");
    assert!(message.contains("GDPR:128(3)"), "{message}");
}

#[test]
fn a_broken_rule_names_the_file_of_the_question() {
    let (json, ids) = structure(|id, d| {
        if id == "incidents" {
            d["question"][0]["weight"] = 7.into();
        }
    });
    let message = check_structure(&json, &ids).unwrap_err();
    assert!(message.starts_with("in content/domains/incidents.toml:"), "{message}");
    assert!(message.contains("weight 7"), "{message}");
}

#[test]
fn an_unknown_key_in_the_questionnaire_file_names_that_file() {
    let (mut json, ids) = structure(|_, _| {});
    json = json.replacen('{', "{\"colour\":\"blue\",", 1);
    let message = check_structure(&json, &ids).unwrap_err();
    assert!(message.starts_with("in content/questionnaire.toml:"), "{message}");
    assert!(message.contains("colour"), "{message}");
}

#[test]
fn the_fallback_language_must_have_every_word_and_others_are_filled_from_it() {
    let (json, ids) = structure(|_, _| {});
    let q = check_structure(&json, &ids).unwrap();
    let words = |drop_prompt: bool| {
        let mut lang = serde_json::json!({ "code": "en", "ui": toml_file("content/lang/en/ui.toml") });
        let mut domains = serde_json::Map::new();
        for id in &ids {
            let mut d = toml_file(&format!("content/lang/en/domains/{id}.toml"));
            if drop_prompt && id == "risk" {
                d["questions"]["RSK-02"]["prompt"] = "".into();
            }
            domains.insert(id.clone(), d);
        }
        lang["domains"] = serde_json::Value::Object(domains);
        lang.to_string()
    };
    assert!(check_language(&q, "en", &words(false), true).is_ok());
    let message = check_language(&q, "en", &words(true), true).unwrap_err();
    assert!(message.contains("content/lang/en/domains/risk.toml: questions.RSK-02.prompt"), "{message}");
    // A language other than the fallback may have gaps; the content tests hold it to completeness.
    assert!(check_language(&q, "en", &words(true), false).is_ok());
    let broken = check_language(&q, "de", "{\"code\": 3}", false).unwrap_err();
    assert!(broken.starts_with("in content/lang/de/:"), "{broken}");
}
