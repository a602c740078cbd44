//! Turns the questionnaire content in `content/` (TOML, written by people)
//! into compact JSON embedded in the library (read by the core at start-up).
//!
//! The build then reads what it wrote with the core's own content readers
//! (compiled into this script from `src/core/`), so content the program would
//! refuse fails the build with the file and the key instead of reaching a
//! browser. The content-validation tests (`tests/content.rs`) state the
//! rules the readers do not enforce.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

/// The core's content readers, the same source files the program uses.
#[allow(dead_code, clippy::all)]
#[path = "src/core"]
mod core {
    pub mod content_check;
    pub mod context;
    pub mod i18n;
    pub mod json;
    pub mod map;
    pub mod model;
    pub mod order;
    pub mod read;
    pub mod reference;
    pub mod time;
    pub mod procurement {
        pub mod content;
    }
}

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let content = root.join("content");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    println!("cargo:rerun-if-changed=content");

    let questionnaire = read_toml(&content.join("questionnaire.toml"));
    let domain_ids: Vec<String> = questionnaire
        .get("domains")
        .and_then(|d| d.as_array())
        .map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect())
        .unwrap_or_default();

    let mut structure = questionnaire.clone();
    // A listed domain without a file is left out here; the content tests name it.
    let domains: Vec<serde_json::Value> = domain_ids
        .iter()
        .map(|id| content.join("domains").join(format!("{id}.toml")))
        .inspect(|path| println!("cargo:rerun-if-changed={}", path.display()))
        .filter(|path| path.is_file())
        .map(|path| read_toml(&path))
        .collect();
    structure["domains"] = serde_json::Value::Array(domains);
    write(&out.join("structure.json"), &structure);
    let questionnaire = check_structure(&structure, &domain_ids);
    // What changed since earlier versions, read when an older results file is opened (checked by tests/changes.rs).
    write(&out.join("changes.json"), &read_toml(&content.join("changes.toml")));

    let mut codes: Vec<String> = fs::read_dir(content.join("lang"))
        .unwrap_or_else(|e| panic!("content/lang cannot be read: {e}"))
        .filter_map(Result::ok)
        .filter(|e| e.path().join("ui.toml").is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    // English first: it is the fallback language and the reference for completeness.
    codes.sort_by_key(|c| (c != "en", c.clone()));
    // The widget's build copies these very files into dist/lang/ (scripts/postbuild.py),
    // so the browser loads the bytes the host tests check. They go beside the
    // profile's artefacts, target/<triple>/<profile>/lang/, where it finds them.
    let shared = out.ancestors().nth(3).map(|profile| profile.join("lang"));
    if let Some(dir) = &shared {
        // Start empty, so that a language removed from content/ is not shipped.
        let _ = fs::remove_dir_all(dir);
        fs::create_dir_all(dir).unwrap_or_else(|e| panic!("{} cannot be created: {e}", dir.display()));
    }

    // The command-line tool and host tests carry every language; the widget
    // loads the one it shows from dist/lang/ (see scripts/postbuild.py),
    // unless built with the `embed-languages` feature (browser component tests).
    let mut generated = String::from(
        "#[cfg(any(not(target_arch = \"wasm32\"), feature = \"embed-languages\"))]\n\
         macro_rules! language_json { ($file:literal) => { Some(include_str!(concat!(env!(\"OUT_DIR\"), \"/\", $file))) } }\n\
         #[cfg(not(any(not(target_arch = \"wasm32\"), feature = \"embed-languages\")))]\n\
         macro_rules! language_json { ($file:literal) => { None } }\n\
         /// Every language under content/lang, English first: (code, own name, JSON text when embedded).\n\
         pub static LANGUAGES: &[(&str, &str, Option<&str>)] = &[\n",
    );
    for code in &codes {
        let dir = content.join("lang").join(code);
        println!("cargo:rerun-if-changed={}", dir.display());
        let mut language = serde_json::Map::new();
        language.insert("code".into(), code.clone().into());
        let ui = read_toml(&dir.join("ui.toml"));
        let name = ui["language"]["name"].as_str().unwrap_or(code).to_owned();
        language.insert("ui".into(), ui);
        let mut texts = serde_json::Map::new();
        for id in &domain_ids {
            let path = dir.join("domains").join(format!("{id}.toml"));
            println!("cargo:rerun-if-changed={}", path.display());
            if path.is_file() {
                texts.insert(id.clone(), read_toml(&path));
            }
        }
        language.insert("domains".into(), texts.into());
        // The crosswalk's framework and item titles; a language without them falls back to English.
        let frameworks = dir.join("frameworks.toml");
        println!("cargo:rerun-if-changed={}", frameworks.display());
        if frameworks.is_file() {
            language.insert("frameworks".into(), read_toml(&frameworks));
        }
        let language = serde_json::Value::Object(language);
        check_language(&questionnaire, code, &language, code == "en");
        let file = out.join(format!("lang_{code}.json"));
        write(&file, &language);
        if let Some(dir) = &shared {
            // The widget loads a language in three parts: the interface words with the page
            // (the welcome screen needs nothing else), the questionnaire's texts when the
            // user leaves the welcome page, and the questions of the domains after the first
            // once the first questions are shown. Together they are the embedded file's words.
            let (interface, texts, questions) = split_language(&language, &domain_ids);
            write(&dir.join(format!("{code}.json")), &interface);
            write(&dir.join(format!("{code}.texts.json")), &texts);
            write(&dir.join(format!("{code}.questions.json")), &questions);
        }
        writeln!(generated, "    ({code:?}, {name:?}, language_json!(\"lang_{code}.json\")),").unwrap();
    }
    generated.push_str("];\n");
    fs::write(out.join("languages.rs"), generated).expect("OUT_DIR is writable");
    procurement(&content, &out, &codes, &questionnaire);
}

/// The procurement pack's structure and words as JSON, checked with the core's readers:
/// every language that has words must read, and the fallback language must have every word.
fn procurement(content: &Path, out: &Path, codes: &[String], questionnaire: &core::model::Questionnaire) {
    let path = content.join("procurement.toml");
    println!("cargo:rerun-if-changed={}", path.display());
    let structure = read_toml(&path);
    write(&out.join("procurement.json"), &structure);
    let structure = serde_json::to_string(&structure).expect("JSON values serialise");
    let mut generated = String::from(
        "#[cfg(any(not(target_arch = \"wasm32\"), feature = \"embed-languages\"))]\n\
         macro_rules! procurement_json { ($file:literal) => { Some(include_str!(concat!(env!(\"OUT_DIR\"), \"/\", $file))) } }\n\
         #[cfg(not(any(not(target_arch = \"wasm32\"), feature = \"embed-languages\")))]\n\
         macro_rules! procurement_json { ($file:literal) => { None } }\n\
         /// The pack's structure as JSON.\n\
         pub static STRUCTURE: &str = include_str!(concat!(env!(\"OUT_DIR\"), \"/procurement.json\"));\n\
         /// The pack's words per language, English first: (code, JSON text when embedded).\n\
         pub static WORDS: &[(&str, Option<&str>)] = &[\n",
    );
    for code in codes {
        let path = content.join("lang").join(code).join("procurement.toml");
        if !path.is_file() {
            // A language without the pack's words shows the fallback's; the content tests name it.
            continue;
        }
        let words = read_toml(&path);
        let file = format!("procurement_{code}.json");
        write(&out.join(&file), &words);
        let text = serde_json::to_string(&words).expect("JSON values serialise");
        let result = if code == "en" {
            core::procurement::content::check(questionnaire, &structure, code, &text)
        } else {
            core::procurement::content::ProcurementWords::from_json(&text)
                .map(drop)
                .map_err(|e| format!("in content/lang/{code}/procurement.toml: {e}"))
        };
        if let Err(message) = result {
            panic!("\n\ncloudtriage content: {message}\n\n");
        }
        writeln!(generated, "    ({code:?}, procurement_json!({file:?})),").unwrap();
    }
    generated.push_str("];\n");
    fs::write(out.join("procurement.rs"), generated).expect("OUT_DIR is writable");
}

/// Reads the structure as the program will, or stops the build naming the file and key.
fn check_structure(structure: &serde_json::Value, domain_ids: &[String]) -> core::model::Questionnaire {
    let text = serde_json::to_string(structure).expect("JSON values serialise");
    core::content_check::check_structure(&text, domain_ids)
        .unwrap_or_else(|message| panic!("\n\ncloudtriage content: {message}\n\n"))
}

/// Reads a language as the program will; the fallback language must have every word.
fn check_language(
    questionnaire: &core::model::Questionnaire,
    code: &str,
    language: &serde_json::Value,
    fallback: bool,
) {
    let text = serde_json::to_string(language).expect("JSON values serialise");
    if let Err(message) = core::content_check::check_language(questionnaire, code, &text, fallback) {
        panic!("\n\ncloudtriage content: {message}\n\n");
    }
}

fn read_toml(path: &Path) -> serde_json::Value {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{} cannot be read: {e}", path.display()));
    let value: toml::Value =
        toml::from_str(&text).unwrap_or_else(|e| panic!("{} is not valid TOML: {e}", path.display()));
    to_json(value, path)
}

fn to_json(value: toml::Value, path: &Path) -> serde_json::Value {
    match value {
        toml::Value::String(s) => s.into(),
        toml::Value::Integer(i) => i.into(),
        toml::Value::Float(f) => serde_json::Number::from_f64(f).map_or(serde_json::Value::Null, Into::into),
        toml::Value::Boolean(b) => b.into(),
        toml::Value::Datetime(d) => {
            panic!("{}: dates are not used in content ({d})", path.display())
        }
        toml::Value::Array(a) => a.into_iter().map(|v| to_json(v, path)).collect(),
        toml::Value::Table(t) => {
            t.into_iter().map(|(k, v)| (k, to_json(v, path))).collect::<serde_json::Map<_, _>>().into()
        }
    }
}

/// The interface part (`code`, `ui` but the sections only pages past the welcome page show, no domain
/// texts), the texts part (`code`, `domains`: every domain's title and summary and the questions of the
/// first `core::i18n::DOMAINS_WITH_THE_TEXTS` in `order`, `later`: the other domains, `frameworks`: the
/// crosswalk's item titles, and `ui`: those sections, `core::i18n::SECTIONS_WITH_TEXTS`, but the words of
/// theirs that stay with the page, `core::i18n::WORDS_WITH_THE_PAGE`) and the questions part (`code`,
/// `domains`: the questions of the domains `later` names) of a language.
fn split_language(
    language: &serde_json::Value,
    order: &[String],
) -> (serde_json::Value, serde_json::Value, serde_json::Value) {
    use core::i18n::SECTIONS_WITH_TEXTS;
    let ui = language["ui"].as_object().expect("a language's ui is a table");
    let (mut first, mut rest) = (serde_json::Map::new(), serde_json::Map::new());
    for (section, value) in ui {
        if !SECTIONS_WITH_TEXTS.contains(&section.as_str()) {
            first.insert(section.clone(), value.clone());
            continue;
        }
        let members = value.as_object().expect("a section of the interface words is a table");
        let stays = |member: &String| core::i18n::stays_with_the_page(&format!("{section}.{member}"));
        let part = |keep: bool| -> serde_json::Map<_, _> {
            members.iter().filter(|(m, _)| stays(m) == keep).map(|(m, v)| (m.clone(), v.clone())).collect()
        };
        if members.keys().any(stays) {
            first.insert(section.clone(), part(true).into());
        }
        rest.insert(section.clone(), part(false).into());
    }
    let interface = serde_json::json!({ "code": language["code"], "ui": first, "domains": {} });
    let first_domains = &order[..core::i18n::DOMAINS_WITH_THE_TEXTS.min(order.len())];
    let (mut domains, mut questions, mut later) = (serde_json::Map::new(), serde_json::Map::new(), Vec::new());
    for (id, text) in language["domains"].as_object().expect("a language's domains are a table") {
        let mut text = text.clone();
        if !first_domains.contains(id) {
            let text = text.as_object_mut().expect("a domain's words are a table");
            if let Some(asked) = text.remove("questions") {
                questions.insert(id.clone(), serde_json::json!({ "questions": asked }));
                later.push(id.clone());
            }
        }
        domains.insert(id.clone(), text);
    }
    let mut texts = serde_json::json!({ "code": language["code"], "domains": domains, "later": later, "ui": rest });
    if let Some(frameworks) = language.get("frameworks") {
        texts["frameworks"] = frameworks.clone();
    }
    let questions = serde_json::json!({ "code": language["code"], "domains": questions });
    (interface, texts, questions)
}

fn write(path: &Path, value: &serde_json::Value) {
    fs::write(path, serde_json::to_string(value).expect("JSON values serialise")).expect("OUT_DIR is writable");
}
