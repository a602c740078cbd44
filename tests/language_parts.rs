//! The widget loads a language in three parts (build.rs writes them beside the
//! build's artefacts, scripts/postbuild.py copies them into dist/lang/): the
//! interface words with the page, the questionnaire's texts when the user
//! leaves the welcome page, with the interface words that only the pages past
//! it show and the first domain's questions, and the other domains' questions
//! after them. Together they must give exactly the embedded words.

use std::path::PathBuf;

use cloudtriage::core::assessment::Page;
use cloudtriage::core::i18n::{
    part_to_load, stays_with_the_page, Part, DOMAINS_WITH_THE_TEXTS, SECTIONS_WITH_TEXTS, WORDS_WITH_THE_PAGE,
};
use cloudtriage::core::view::{words_ahead, words_needed};
use cloudtriage::core::Catalog;

/// target/<profile>/lang/, where build.rs leaves the parts for this profile.
fn parts_dir() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    exe.parent().unwrap().parent().unwrap().join("lang")
}

fn part(code: &str, name: &str) -> String {
    let path = parts_dir().join(format!("{code}{name}.json"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{} cannot be read: {e}", path.display()))
}

fn codes() -> Vec<&'static str> {
    Catalog::embedded().codes().collect()
}

#[test]
fn the_interface_part_has_the_welcome_words_and_no_questionnaire_texts() {
    let catalog = Catalog::unloaded().unwrap();
    let embedded = Catalog::embedded();
    for code in codes() {
        assert!(!catalog.is_available(code));
        let words = catalog.provide(code, &part(code, "")).unwrap();
        assert!(catalog.is_available(code) && !catalog.has_texts(code), "{code}");
        assert!(!words.has_texts(), "{code}: the interface part carries domain texts");
        let full = embedded.try_language(code).unwrap();
        for key in ["welcome.title", "welcome.privacy_1", "welcome.start", "texts.loading", "texts.failed"] {
            assert!(!words.t(key).is_empty(), "{code}: {key} is missing from the interface part");
            assert_eq!(words.t(key), full.t(key), "{code}: {key}");
        }
        let first = &embedded.questionnaire.domains[0];
        assert_eq!(words.domain_title(&first.id), "");
        assert_ne!(full.domain_title(&first.id), "");
        // The crosswalk's item titles are shown on the results page only: they travel with the texts.
        assert!(words.framework("nis2").is_none(), "{code}: the interface part carries framework words");
        assert!(full.framework("nis2").is_some(), "{code}");
    }
}

#[test]
fn the_three_parts_together_are_exactly_the_embedded_words() {
    let catalog = Catalog::unloaded().unwrap();
    // English first, as the widget has it: the fallback fills the gaps of the others.
    for code in codes() {
        catalog.provide(code, &part(code, "")).unwrap();
        let texts = catalog.provide_texts(code, &part(code, ".texts")).unwrap();
        assert!(catalog.has_texts(code) && !catalog.has_questions(code), "{code}");
        assert!(texts.has_texts() && !texts.is_complete(), "{code}");
        // The language the widget renders is now the one with the texts.
        assert!(std::ptr::eq(catalog.language(code), texts));
        let embedded = Catalog::embedded().try_language(code).unwrap();
        assert_ne!(texts, embedded, "{code}: the texts part alone carries every word");
        let complete = catalog.provide_questions(code, &part(code, ".questions")).unwrap();
        assert!(catalog.has_questions(code) && complete.is_complete(), "{code}");
        assert_eq!(complete, embedded, "{code}");
        assert!(std::ptr::eq(catalog.language(code), complete));
    }
}

#[test]
fn the_texts_carry_every_domain_title_and_the_first_domains_questions_only() {
    let catalog = Catalog::unloaded().unwrap();
    let q = &Catalog::embedded().questionnaire;
    assert!(DOMAINS_WITH_THE_TEXTS >= 1 && DOMAINS_WITH_THE_TEXTS < q.domains.len());
    for code in codes() {
        catalog.provide(code, &part(code, "")).unwrap();
        let texts = catalog.provide_texts(code, &part(code, ".texts")).unwrap();
        let embedded = Catalog::embedded().try_language(code).unwrap();
        for (i, domain) in q.domains.iter().enumerate() {
            assert_eq!(texts.domain_title(&domain.id), embedded.domain_title(&domain.id), "{code}: {}", domain.id);
            assert_ne!(texts.domain_title(&domain.id), "", "{code}: {}", domain.id);
            let first = i < DOMAINS_WITH_THE_TEXTS;
            assert_eq!(texts.later().contains(&domain.id), !first, "{code}: {}", domain.id);
            for question in &domain.questions {
                let words = texts.question(&question.id);
                if first {
                    assert_eq!(words, embedded.question(&question.id), "{code}: {}", question.id);
                    assert!(words.is_some_and(|w| !w.prompt.is_empty()), "{code}: {}", question.id);
                } else {
                    assert!(words.is_none(), "{code}: {} came with the texts", question.id);
                }
            }
        }
    }
}

#[test]
fn questions_need_their_texts_first_and_exactly_the_domains_left_for_later() {
    let catalog = Catalog::unloaded().unwrap();
    catalog.provide("en", &part("en", "")).unwrap();
    let err = catalog.provide_questions("en", &part("en", ".questions")).unwrap_err();
    assert!(err.to_string().contains("not loaded"), "{err}");
    catalog.provide_texts("en", &part("en", ".texts")).unwrap();
    catalog.provide("fr", &part("fr", "")).unwrap();
    catalog.provide_texts("fr", &part("fr", ".texts")).unwrap();
    let err = catalog.provide_questions("en", &part("fr", ".questions")).unwrap_err();
    assert!(err.to_string().contains("marked fr"), "{err}");
    let questions = part("en", ".questions");
    let json: serde_json::Value = serde_json::from_str(&questions).unwrap();
    let later: Vec<&String> = json["domains"].as_object().unwrap().keys().collect();
    // A domain missing from the file, or one that came with the texts, is refused.
    let mut without = json.clone();
    without["domains"].as_object_mut().unwrap().remove(later[0].as_str());
    let err = catalog.provide_questions("en", &without.to_string()).unwrap_err();
    assert!(err.to_string().contains("are missing"), "{err}");
    let mut extra = json.clone();
    let first = &Catalog::embedded().questionnaire.domains[0].id;
    extra["domains"][first.as_str()] = json["domains"][later[0].as_str()].clone();
    let err = catalog.provide_questions("en", &extra.to_string()).unwrap_err();
    assert!(err.to_string().contains("not a domain whose questions are to come"), "{err}");
    let broken = questions.replacen("\"prompt\"", "\"promp\"", 1);
    assert!(catalog.provide_questions("en", &broken).is_err());
    assert!(!catalog.has_questions("en"), "refused questions must not be kept");
    // A texts file whose `later` names a domain that has its questions, or none at all, is refused.
    let texts: serde_json::Value = serde_json::from_str(&part("de", ".texts")).unwrap();
    for wrong in [first.as_str(), "nowhere"] {
        let mut spoilt = texts.clone();
        spoilt["later"].as_array_mut().unwrap().push(wrong.into());
        let fresh = Catalog::unloaded().unwrap();
        fresh.provide("de", &part("de", "")).unwrap();
        let err = fresh.provide_texts("de", &spoilt.to_string()).unwrap_err();
        assert!(err.to_string().contains("is not a domain whose questions are to come"), "{wrong}: {err}");
    }
    assert!(catalog.provide_questions("en", &questions).is_ok());
    assert!(catalog.has_questions("en"));
}

#[test]
fn texts_need_their_interface_words_first_and_their_own_language() {
    let catalog = Catalog::unloaded().unwrap();
    let err = catalog.provide_texts("en", &part("en", ".texts")).unwrap_err();
    assert!(err.to_string().contains("not loaded"), "{err}");
    catalog.provide("de", &part("de", "")).unwrap();
    let err = catalog.provide_texts("de", &part("fr", ".texts")).unwrap_err();
    assert!(err.to_string().contains("marked fr"), "{err}");
    assert!(!catalog.has_texts("de"), "refused texts must not be kept");
    // The interface file is not a texts file: its `ui` member has sections the texts reader refuses.
    assert!(catalog.provide_texts("de", &part("de", "")).is_err());
    let broken = part("de", ".texts").replacen("\"prompt\"", "\"promp\"", 1);
    assert!(catalog.provide_texts("de", &broken).is_err());
    assert!(catalog.provide_texts("de", &part("de", ".texts")).is_ok());
}

#[test]
fn each_part_is_smaller_than_the_next() {
    for code in codes() {
        let (interface, texts, questions) =
            (part(code, "").len(), part(code, ".texts").len(), part(code, ".questions").len());
        assert!(interface * 3 < texts, "{code}: interface {interface} bytes, texts {texts} bytes");
        assert!(texts * 2 < questions, "{code}: texts {texts} bytes, the other questions {questions} bytes");
    }
}

#[test]
fn the_words_of_the_pages_past_the_welcome_page_travel_with_the_texts() {
    for code in codes() {
        // Each language alone: with the fallback's words at hand, a language's gaps would be filled from them.
        let catalog = Catalog::unloaded().unwrap();
        let words = catalog.provide(code, &part(code, "")).unwrap();
        let first: Vec<&String> = words.keys().map(|(k, _)| k).collect();
        let later = |key: &str| {
            SECTIONS_WITH_TEXTS.iter().any(|s| key.starts_with(&format!("{s}."))) && !stays_with_the_page(key)
        };
        assert!(first.iter().all(|k| !later(k)), "{code}: {:?}", first.iter().find(|k| later(k)));
        for listed in WORDS_WITH_THE_PAGE {
            let prefix = format!("{listed}.");
            let with = first.iter().filter(|k| k.as_str() == *listed || k.starts_with(&prefix)).count();
            assert!(with > 0, "{code}: {listed} is missing from the interface part");
        }
        let complete = catalog.provide_texts(code, &part(code, ".texts")).unwrap();
        // Every section listed is there, and every one of their words comes with the texts.
        for section in SECTIONS_WITH_TEXTS {
            let prefix = format!("{section}.");
            let count = complete.keys().filter(|(k, _)| k.starts_with(&prefix)).count();
            assert!(count > 0, "{code}: no word of the section {section}");
        }
        let embedded = Catalog::embedded().try_language(code).unwrap();
        for key in ["results.title", "context.title", "levels.0", "references.ENISA-CSHS", "nav.label", "team.title"] {
            assert!(!words.has(key), "{code}: {key} is in the interface part");
            assert!(!complete.t(key).is_empty(), "{code}: {key} is missing");
            assert_eq!(complete.t(key), embedded.t(key), "{code}: {key}");
        }
        assert!(complete.keys().count() > first.len());
    }
}

/// The files whose screens show before the questionnaire's texts are in: the welcome page and the frame
/// around it (header, toolbar, export menu, notices, the loading and failure lines), and the messages of
/// the notices they can show (opening a file, the agency's files and their problems).
const BEFORE_THE_TEXTS: &[&str] = &[
    "src/web/components/welcome.rs",
    "src/web/components/header.rs",
    "src/web/components/toolbar.rs",
    "src/web/components/export_menu.rs",
    "src/web/components/notices.rs",
    "src/web/components/file_button.rs",
    "src/web/notice.rs",
    "src/web/agency.rs",
    "src/web/app.rs",
    "src/web/prerender.rs",
    "src/core/results/messages.rs",
    "src/core/changes.rs",
    "src/core/agency.rs",
    "src/core/profile.rs",
];

#[test]
fn the_screens_shown_before_the_texts_use_none_of_their_words() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    for file in BEFORE_THE_TEXTS {
        let source = std::fs::read_to_string(root.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        // Every string literal that starts with a section's name and a dot: a key, or a key's pattern.
        for (i, _) in source.match_indices('"') {
            let rest = &source[i + 1..];
            if SECTIONS_WITH_TEXTS.iter().any(|s| rest.starts_with(&format!("{s}."))) {
                let key = rest.split('"').next().unwrap_or("");
                if !stays_with_the_page(key) {
                    found.push(format!("{file}: {key}"));
                }
            }
        }
    }
    assert!(found.is_empty(), "words that load with the texts, used before them: {found:#?}");
    // The scan finds keys where they are: the results page uses these sections.
    let results = std::fs::read_to_string(root.join("src/web/components/results.rs")).unwrap();
    assert!(SECTIONS_WITH_TEXTS.iter().any(|s| results.contains(&format!("\"{s}."))));
}

#[test]
fn each_part_is_had_only_with_the_parts_before_it_and_the_language_says_how_far_it_goes() {
    let catalog = Catalog::unloaded().unwrap();
    let had = |code| [Part::Interface, Part::Texts, Part::Questions].map(|p| catalog.has_part(code, p));
    assert_eq!(had("en"), [false, false, false]);
    let words = catalog.provide("en", &part("en", "")).unwrap();
    assert_eq!(words.part(), Part::Interface);
    assert_eq!(had("en"), [true, false, false]);
    let words = catalog.provide_texts("en", &part("en", ".texts")).unwrap();
    assert_eq!(words.part(), Part::Texts);
    assert_eq!(had("en"), [true, true, false]);
    let words = catalog.provide_questions("en", &part("en", ".questions")).unwrap();
    assert_eq!(words.part(), Part::Questions);
    assert_eq!(had("en"), [true, true, true]);
    // Another language is not had with it, and the compiled-in words are every part.
    assert_eq!(had("de"), [false, false, false]);
    assert!([Part::Interface, Part::Texts, Part::Questions].iter().all(|&p| Catalog::embedded().has_part("fr", p)));
    assert_eq!(Catalog::embedded().language("fr").part(), Part::Questions);
    assert!(!catalog.has_part("xx", Part::Interface));
}

#[test]
fn each_page_waits_for_the_part_that_has_its_words() {
    let q = &Catalog::embedded().questionnaire;
    assert_eq!(words_needed(q, &Page::Welcome), Part::Interface);
    assert_eq!(words_needed(q, &Page::Context), Part::Texts);
    for (i, domain) in q.domains.iter().enumerate() {
        let want = if i < DOMAINS_WITH_THE_TEXTS { Part::Texts } else { Part::Questions };
        assert_eq!(words_needed(q, &Page::Domain(domain.id.clone())), want, "{}", domain.id);
    }
    for page in [Page::Results, Page::Compare, Page::Team, Page::Procurement, Page::Domain("nowhere".into())] {
        assert_eq!(words_needed(q, &page), Part::Questions, "{page:?}");
    }
    // The part a page needs is exactly the part whose file carries its domain's questions.
    let texts: serde_json::Value = serde_json::from_str(&part("en", ".texts")).unwrap();
    for domain in &q.domains {
        let in_texts = texts["domains"][domain.id.as_str()].get("questions").is_some();
        let need = words_needed(q, &Page::Domain(domain.id.clone()));
        assert_eq!(in_texts, need == Part::Texts, "{}", domain.id);
    }
}

#[test]
fn only_a_domains_page_loads_the_other_questions_ahead() {
    let q = &Catalog::embedded().questionnaire;
    for domain in &q.domains {
        assert!(words_ahead(&Page::Domain(domain.id.clone())), "{}", domain.id);
    }
    for page in [Page::Welcome, Page::Context, Page::Results, Page::Compare, Page::Team, Page::Procurement] {
        assert!(!words_ahead(&page), "{page:?}");
    }
    // From the first domain's page, which needs only the texts, the rest is what loads next.
    let first = Page::Domain(q.domains[0].id.clone());
    assert_eq!(part_to_load(words_needed(q, &first), words_ahead(&first), true), Part::Questions);
    assert_eq!(part_to_load(words_needed(q, &Page::Context), words_ahead(&Page::Context), true), Part::Texts);
}

#[test]
fn the_questions_load_ahead_only_after_their_texts() {
    assert_eq!(part_to_load(Part::Interface, true, true), Part::Interface);
    assert_eq!(part_to_load(Part::Texts, false, true), Part::Texts);
    assert_eq!(part_to_load(Part::Texts, true, false), Part::Texts);
    assert_eq!(part_to_load(Part::Texts, true, true), Part::Questions);
    for (ahead, texts_here) in [(false, false), (false, true), (true, false), (true, true)] {
        assert_eq!(part_to_load(Part::Questions, ahead, texts_here), Part::Questions);
    }
}
